"""Select rules, run them on an Org, and return ordered findings. Never prints, never exits.

The engine knows no particular rule: it works on whatever the RuleSet holds.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from orglint.plugins import RuleSet
from orglint.problems import input_problem
from orglint.rule import Finding, Related, Rule
from orglint.severity import SeverityPolicy, finding_severity

if TYPE_CHECKING:  # pragma: no cover
    from orglint.suppressions import Suppressions

ALL = "ALL"


class SelectionError(ValueError):
    """A --select/--ignore entry matches no rule."""


def resolve_selector(token: str, rule_set: RuleSet) -> set[str]:
    """Codes matched by a selector: ``ALL``, a code, a code prefix (``L``, ``S00``) or a rule name."""
    token = token.strip()
    if not token:
        return set()
    if token.upper() == ALL:
        return set(rule_set.rules)
    upper = token.upper()
    if upper in rule_set.rules:
        return {upper}
    by_name = rule_set.by_name()
    if token.lower() in by_name:
        return {by_name[token.lower()].code}
    matched = {code for code in rule_set.rules if code.startswith(upper)}
    if matched:
        return matched
    raise SelectionError(token)


@dataclass
class RunSettings:
    """Per-rule settings already validated by the config layer."""

    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # code -> option values
    severity: SeverityPolicy = field(default_factory=SeverityPolicy)  # what decides each finding's severity


def effective_options(rule: Rule, settings: RunSettings) -> dict[str, Any]:
    values = rule.default_options()
    values.update(settings.options.get(rule.code, {}))
    return values


def run_rules(
    org: Any, rules: Iterable[Rule], settings: RunSettings | None = None, suppressions: Suppressions | None = None
) -> list[Finding]:
    """Run each rule; stamp code, name and severity; isolate a rule that raises.

    A crashing rule becomes an E100 finding that names it, and the other rules
    still run. A rule whose ``strategies`` say it does not apply to the org's
    declared strategy is not run. Severity: orglint.severity decides it, once.
    Rules declared ``after_suppressions`` get ``suppressions`` (what the inline
    comments suppressed) as a third argument.
    Findings that stand for one root cause are folded: see :func:`fold_root_causes`.
    """
    settings = settings or RunSettings()
    strategy = getattr(org, "strategy", None)
    findings: list[Finding] = []
    ran: list[Rule] = []
    for rule in rules:
        if rule.severity_under(strategy) is None:
            continue  # the rule does not apply under this strategy
        ran.append(rule)
        options = effective_options(rule, settings)
        produced: list[Finding] = []
        try:
            for finding in rule.run(org, options, suppressions):
                if (
                    type(finding) is not Finding
                    or type(finding.line) is not int
                    or type(finding.column) is not int
                    or type(finding.message) is not str
                    or finding.related
                ):
                    _check_finding(finding)  # raises InvalidFinding for what the reports cannot show
                finding.code = rule.code
                finding.name = rule.name
                finding.severity = finding_severity(rule, finding.subject, finding.min_severity, strategy, settings.severity)
                produced.append(finding)
        # A plugin bug must not take the run down, nor end it: sys.exit() in a rule is a crash too.
        except (Exception, SystemExit) as error:
            findings.append(_crash(rule, error))
            continue
        findings.extend(produced)
    return fold_root_causes(findings, ran)


def fold_root_causes(findings: list[Finding], rules: Iterable[Rule]) -> list[Finding]:
    """One root cause, one finding: fold findings into the finding of a rule that supersedes them.

    A finding G is folded into a finding F when F's rule lists G's code in
    ``supersedes`` and both are about the same subject, or either is about the
    org as a whole. G disappears from the list and becomes a related note of F
    (at G's location, with G's code and message), so fixing F's cause removes
    one finding. Only findings still reported fold others (no chains through a
    folded finding); rules are taken superseding-first (a rule nothing
    supersedes before the rules it supersedes), then in the order found.
    """
    supersedes = {rule.code: set(rule.supersedes) for rule in rules if rule.supersedes}
    if not supersedes or not findings:
        return findings
    rank = _supersession_rank(supersedes)
    folded: set[int] = set()
    order = sorted(
        (index for index, finding in enumerate(findings) if finding.code in supersedes and finding.kind == "rule"),
        key=lambda index: (rank.get(findings[index].code, 0), index),
    )
    # Indexed by code and subject, so that a chart with thousands of findings folds in linear time.
    by_code: dict[str, list[int]] = {}
    by_code_subject: dict[tuple[str, str], list[int]] = {}
    for other_index, other in enumerate(findings):
        if other.kind == "rule":
            by_code.setdefault(other.code, []).append(other_index)
            by_code_subject.setdefault((other.code, other.subject), []).append(other_index)
    for index in order:
        if index in folded:
            continue
        root = findings[index]
        codes = supersedes[root.code]
        if root.subject == ORG_SUBJECT:
            candidates = [i for code in codes for i in by_code.get(code, ())]
        else:
            candidates = [
                i for code in codes for key in ((code, root.subject), (code, ORG_SUBJECT)) for i in by_code_subject.get(key, ())
            ]
        notes = []
        for other_index in sorted(set(candidates)):
            if other_index == index or other_index in folded:
                continue
            other = findings[other_index]
            folded.add(other_index)
            notes.append(Related(f"{other.code} folded in: {other.message}", other.file, other.line, other.column))
        if notes:
            root.related = tuple(root.related) + tuple(notes)
    return [finding for index, finding in enumerate(findings) if index not in folded]


ORG_SUBJECT = "org"


def _supersession_rank(supersedes: Mapping[str, set[str]]) -> dict[str, int]:
    """How many superseding steps lie above each code (0 for a code nothing supersedes)."""
    rank: dict[str, int] = {}

    def depth(code: str, seen: frozenset[str]) -> int:
        if code in rank:
            return rank[code]
        above = [parent for parent, codes in supersedes.items() if code in codes and parent not in seen]
        value = max((depth(parent, seen | {parent}) + 1 for parent in above), default=0)
        rank[code] = value
        return value

    for code in supersedes:
        depth(code, frozenset({code}))
    return rank


class InvalidFinding(TypeError):
    """A rule yielded something the reports cannot show (raised inside the rule's run, so it is an E100)."""


def _check_finding(finding: object) -> None:
    """Raise InvalidFinding unless ``finding`` is a Finding every report can show."""
    if not isinstance(finding, Finding):
        shown = repr(finding)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise InvalidFinding(f"it yielded {type(finding).__name__} {shown}, not a Finding (use org.finding())")
    for name in ("line", "column"):
        value = getattr(finding, name)
        if type(value) is not int or value < 1:
            raise InvalidFinding(f"it yielded a finding whose {name} is {value!r}, not a whole number from 1")
    if not isinstance(finding.message, str):
        raise InvalidFinding(f"it yielded a finding whose message is {finding.message!r}, not a text")
    if not all(isinstance(related, Related) and type(related.line) is int for related in finding.related):
        raise InvalidFinding("it yielded a finding whose related locations are not Related(message, file, line, column)")


def _crash(rule: Rule, error: BaseException) -> Finding:
    frames: list[traceback.FrameSummary] = list(traceback.extract_tb(error.__traceback__))
    if isinstance(error, InvalidFinding):
        frames = []  # raised by the engine: where it was raised says nothing
    # Where in the rule's own code, then where it ended when that is elsewhere (orglint, a library).
    code = getattr(rule.check, "__code__", None)
    own = [frame for frame in frames if code is not None and frame.filename == code.co_filename]
    where = f" at {own[-1].filename}:{own[-1].lineno}" if own else ""
    if frames and (not own or frames[-1] is not own[-1]):
        where += f"{',' if own else ''} at {frames[-1].filename}:{frames[-1].lineno}"
    return input_problem(
        "E100",
        f"rule {rule.code} ({rule.name}) from {rule.origin} crashed: {type(error).__name__}: {error}{where}",
        None,
        subject=rule.code,
    )


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Deterministic order: file, line, column, code (then subject and message)."""
    return sorted(findings, key=lambda finding: finding.sort_key)
