"""Lint from Python: the pipeline loader -> importers -> engine, without printing or exiting.

The CLI is a thin layer over :func:`lint`; tests and other tools call it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from orglint.engine import RunSettings, run_rules, select_rules, sort_findings
from orglint.importers import build_org
from orglint.loader import LoadResult, SourceFile, load, parse_source
from orglint.model import Org
from orglint.plugins import RuleSet, load_rules
from orglint.rule import Finding, Rule


@dataclass
class LintResult:
    org: Org
    findings: list[Finding]  # input problems and rule findings, sorted
    files: list[SourceFile]
    rules: list[Rule]  # the rules that ran
    rule_set: RuleSet = field(repr=False, default_factory=RuleSet)

    @property
    def input_problems(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.kind != "rule"]

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
) -> LintResult:
    rule_set = rule_set or default_rules()
    rules = select_rules(rule_set, select, ignore)
    org, problems = build_org(loaded)
    findings = list(loaded.problems) + problems
    findings += run_rules(org, rules, settings)
    return LintResult(org=org, findings=sort_findings(findings), files=loaded.files, rules=rules, rule_set=rule_set)


def lint(paths: list[str], **kwargs) -> LintResult:
    """Lint files and directories (``-`` is standard input)."""
    return lint_loaded(load(paths), **kwargs)


def lint_text(text: str, filename: str = "org.yaml", **kwargs) -> LintResult:
    """Lint an org chart given as text (tests, editors); ``filename`` is used in locations."""
    source, problems = parse_source(filename, text)
    return lint_loaded(LoadResult(files=[source] if source else [], problems=problems), **kwargs)


def load_org(paths: list[str]) -> tuple[Org, list[Finding]]:
    """Read and import without running rules: the Org and the input problems met."""
    loaded = load(paths)
    org, problems = build_org(loaded)
    return org, sort_findings(list(loaded.problems) + problems)
