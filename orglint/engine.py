"""Select rules, run them on an Org, and return ordered findings. Never prints, never exits.

The engine knows no particular rule: it works on whatever the RuleSet holds.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from orglint.plugins import RuleSet
from orglint.problems import input_problem
from orglint.rule import Finding, Related, Rule, Severity

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


def select_rules(rule_set: RuleSet, select: Iterable[str] | None, ignore: Iterable[str] = ()) -> list[Rule]:
    """The rules chosen by ``select`` (default: all) minus ``ignore``, in code order.

    Ignore wins over select, whatever their specificity: ``--select L --ignore
    L003`` runs every L rule but L003, and ``--select L003 --ignore L`` runs none.
    """
    chosen: set[str] = set()
    for token in select if select is not None else [ALL]:
        chosen |= resolve_selector(token, rule_set)
    for token in ignore:
        chosen -= resolve_selector(token, rule_set)
    return [rule for rule in rule_set.sorted() if rule.code in chosen]


@dataclass
class RunSettings:
    """Per-rule settings already validated by the config layer."""

    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # code -> option values
    severities: Mapping[str, Severity] = field(default_factory=dict)  # code -> override


def effective_options(rule: Rule, settings: RunSettings) -> dict[str, Any]:
    values = rule.default_options()
    values.update(settings.options.get(rule.code, {}))
    return values


def run_rules(org: Any, rules: Iterable[Rule], settings: RunSettings | None = None) -> list[Finding]:
    """Run each rule; stamp code, name and severity; isolate a rule that raises.

    A crashing rule becomes an E100 finding that names it, and the other rules
    still run. Severity: see :func:`stamped_severity`.
    """
    settings = settings or RunSettings()
    findings: list[Finding] = []
    for rule in rules:
        override = settings.severities.get(rule.code)
        options = effective_options(rule, settings)
        produced: list[Finding] = []
        try:
            for finding in rule.run(org, options):
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
                finding.severity = stamped_severity(rule, finding, override)
                produced.append(finding)
        # A plugin bug must not take the run down, nor end it: sys.exit() in a rule is a crash too.
        except (Exception, SystemExit) as error:  # noqa: BLE001
            findings.append(_crash(rule, error))
            continue
        findings.extend(produced)
    return findings


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


def stamped_severity(rule: Rule, finding: Finding, override: Severity | None = None) -> Severity:
    """The severity a finding is reported with.

    A user's explicit override for the rule (config ``severity:``) wins, for
    every finding of the rule, up or down. Otherwise the rule's severity,
    raised (never lowered) to the finding's ``min_severity`` when the rule
    asked for more on this finding (L003 in a product-led org).
    """
    if override is not None:
        return override
    requested = finding.min_severity
    return max(rule.severity, Severity.parse(requested)) if requested is not None else rule.severity


def _crash(rule: Rule, error: BaseException) -> Finding:
    frames = traceback.extract_tb(error.__traceback__)
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
