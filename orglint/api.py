"""Lint from Python: the pipeline loader -> importers -> engine, without printing or exiting.

The CLI is a thin layer over :func:`lint`; tests and other tools call it directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from orglint.engine import RunSettings, sort_findings
from orglint.importers import ImportOptions, build_org
from orglint.loader import DEFAULT_EXCLUSION, LoadResult, SourceFile, load, parse_source, paused_gc
from orglint.model import Org
from orglint.plugins import RuleSet, load_rules
from orglint.rule import Finding, Rule, Severity
from orglint.session import Session


@dataclass
class LintResult:
    org: Org
    findings: list[Finding]  # input problems and rule findings, sorted
    files: list[SourceFile]
    rules: list[Rule]  # the rules that ran
    rule_set: RuleSet = field(repr=False, default_factory=RuleSet)
    # Rule findings not reported: matched by an inline `# orglint: disable` comment or a config
    # per-file / per-subject ignore, or recorded in the baseline.
    suppressed: list[Finding] = field(default_factory=list, repr=False)
    baselined: list[Finding] = field(default_factory=list, repr=False)

    @property
    def input_problems(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.kind != "rule"]

    @property
    def input_errors(self) -> list[Finding]:
        """Input problems of severity error: these (not input warnings) make the run exit 2."""
        return [finding for finding in self.input_problems if finding.severity >= Severity.ERROR]

    @property
    def rule_findings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.kind == "rule"]


_DEFAULT_RULES: RuleSet | None = None


def default_rules() -> RuleSet:
    """The installed rules (built-in pack and entry-point packs), loaded once per process."""
    global _DEFAULT_RULES
    if _DEFAULT_RULES is None:
        _DEFAULT_RULES = load_rules()
    return _DEFAULT_RULES


def lint_loaded(
    loaded: LoadResult,
    *,
    rule_set: RuleSet | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    settings: RunSettings | None = None,
    import_options: ImportOptions | None = None,
    session: Session | None = None,
) -> LintResult:
    """Build the Org and run the checks: ``session`` (config applied, see orglint.session) when
    given, else the rules chosen by ``select`` / ``ignore`` with ``settings``, as a session with
    no config would. Inline suppression comments apply either way. A session and any of the
    others at once is a TypeError: the session already decided them."""
    if session is not None and (rule_set is not None or select is not None or ignore or settings is not None):
        raise TypeError("lint: pass a session or rule_set/select/ignore/settings, not both (the session already decides them)")
    if session is None:
        session = Session.simple(rule_set or default_rules(), select=select, ignore=ignore, settings=settings)
    rule_set, rules = session.rule_set, session.rules
    org, problems = build_org(loaded, import_options)
    findings = list(loaded.problems) + problems
    suppressed: list[Finding] = []
    baselined: list[Finding] = []
    if any(not source.parse_problems for source in loaded.files):
        # With no readable file there is no chart: only the input problems are reported.
        checked = session.check(org, loaded.files)
        findings += checked.findings
        suppressed = checked.suppressed + checked.ignored
        baselined = checked.baselined
    return LintResult(
        org=org,
        findings=sort_findings(findings),
        files=loaded.files,
        rules=rules,
        rule_set=rule_set,
        suppressed=suppressed,
        baselined=baselined,
    )


def lint(paths: list[str], **kwargs) -> LintResult:
    """Lint files and directories (``-`` is standard input); a ``session`` also says what a
    folder walk excludes."""
    options = kwargs.get("import_options")
    session = kwargs.get("session")
    exclusion = session.exclusion if session is not None else DEFAULT_EXCLUSION
    with paused_gc():
        return lint_loaded(load(paths, options.stdin_name if options else None, exclusion), **kwargs)


def lint_text(text: str, filename: str = "org.yaml", **kwargs) -> LintResult:
    """Lint an org chart given as text (tests, editors); ``filename`` is used in locations."""
    source, problems = parse_source(filename, text)
    return lint_loaded(LoadResult(files=[source] if source else [], problems=problems), **kwargs)


def load_org(paths: list[str], import_options: ImportOptions | None = None) -> tuple[Org, list[Finding]]:
    """Read and import without running rules: the Org and the input problems met."""
    loaded = load(paths, import_options.stdin_name if import_options else None)
    org, problems = build_org(loaded, import_options)
    return org, sort_findings(list(loaded.problems) + problems)
