"""How severe a finding is: decided here, once per finding, and nowhere else.

The inputs, from the most to the least binding:

1. the user's explicit word: a `severity:` for the finding's subject in an `overrides:` entry
   (the last entry in scope), else the config's top-level `severity:` for the rule. It wins, up
   or down, for every finding of the rule;
2. otherwise the rule's own severity under the org's declared strategy (``Rule.severity_under``);
   raised, never lowered, to what the rule asked for on this finding (``Finding.min_severity``)
   and to the preset's floor (`strict` raises information to warning).

The engine stamps every finding with :func:`finding_severity` as it collects it; the reports and
catalogs (`orglint rules`, SARIF's rule list) show :func:`rule_severity`. Nothing else assigns a
severity.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from orglint.rule import Rule, Severity

# (rule code, subject) -> the severity an `overrides:` entry in scope sets, or None.
ScopedSeverity = Callable[[str, str], Severity | None]


@dataclass(frozen=True)
class SeverityPolicy:
    """What the config and its preset say about severities."""

    explicit: Mapping[str, Severity] = field(default_factory=dict)  # code -> the config's `severity:`
    floors: Mapping[str, Severity] = field(default_factory=dict)  # code -> the lowest severity (presets)
    scoped: ScopedSeverity | None = None  # `overrides:` entries' severities, set for one run


def finding_severity(
    rule: Rule, subject: str, requested: str | Severity | None, strategy: str | None, policy: SeverityPolicy
) -> Severity:
    """The severity a finding of ``rule`` about ``subject`` is reported with (see the module doc)."""
    if policy.scoped is not None:
        scoped = policy.scoped(rule.code, subject)
        if scoped is not None:
            return scoped
    explicit = policy.explicit.get(rule.code)
    if explicit is not None:
        return explicit
    level = rule.severity_under(strategy) or rule.severity
    if requested is not None:
        level = max(level, Severity.parse(requested))
    floor = policy.floors.get(rule.code)
    return max(level, floor) if floor is not None else level


def rule_severity(rule: Rule, policy: SeverityPolicy) -> Severity:
    """The severity a rule is listed with: its findings' severity when nothing else is known."""
    return policy.explicit.get(rule.code) or max(rule.severity, policy.floors.get(rule.code, rule.severity))
