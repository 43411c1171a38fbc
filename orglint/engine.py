"""Select rules, run them on an Org, and return ordered findings. Never prints, never exits.

The engine knows no particular rule: it works on whatever the RuleSet holds.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from orglint.plugins import RuleSet
from orglint.problems import input_problem
from orglint.rule import Finding, Rule, Severity

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
                finding.code = rule.code
                finding.name = rule.name
                finding.severity = stamped_severity(rule, finding, override)
                produced.append(finding)
        except Exception as error:  # noqa: BLE001 - a plugin bug must not take the run down
            findings.append(_crash(rule, error))
            continue
        findings.extend(produced)
    return findings


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


def _crash(rule: Rule, error: Exception) -> Finding:
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return input_problem(
        "E100",
        f"rule {rule.code} ({rule.name}) from {rule.origin} crashed: {type(error).__name__}: {error}{where}",
        None,
        subject=rule.code,
    )


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Deterministic order: file, line, column, code (then subject and message)."""
    return sorted(findings, key=lambda finding: finding.sort_key)
