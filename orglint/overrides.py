"""``overrides:``: other options, severities or ignores for the findings about some units or functions.

An override entry names units (each with every unit below it) and functions; a finding is in its
scope when its subject is a person who belongs to one of those units (home unit, extra
memberships, or a unit they lead) or works in one of those functions, or a unit that is one of
those units or below one, or whose function is one of them. Findings about the org as a whole or
about a product are in no scope. When several entries apply, the later one wins, as later config
layers do.

- Options: a rule an entry sets options for runs once more with those options (on top of the
  config's), and for each subject the run whose entry wins is the one reported. The engine stays
  rule-agnostic: it only runs rules with other settings.
- Severity: an entry's severity is the user's explicit word for the findings in its scope, an
  input of orglint.severity's one decision (so ``strict`` does not raise an override's ``info``).
- Ignore, and severity ``off``, drop the findings in scope after the rules ran (:func:`apply_ignores`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from orglint.engine import RunSettings, run_rules, sort_findings
from orglint.rule import Finding, Rule, Severity

if TYPE_CHECKING:  # pragma: no cover
    from orglint.config import ResolvedOverride
    from orglint.model import Org


_UNSET = object()  # no entry in scope sets a severity for the rule


class OverrideError(ValueError):
    """An override names a unit the chart does not define."""


class Scopes:
    """Which override entries each subject falls in (computed once per subject)."""

    def __init__(self, org: Org, overrides: list[ResolvedOverride]):
        self.org = org
        self.overrides = overrides
        self._cache: dict[str, tuple[int, ...]] = {}
        self._led: dict[str, list[str]] = {}
        for unit in org.units.values():
            if unit.lead:
                self._led.setdefault(unit.lead, []).append(unit.id)

    def severity(self, code: str, subject: str) -> Severity | None:
        """The severity the last entry in ``subject``'s scope sets for ``code`` (None: none, or off,
        which :func:`apply_ignores` handles); an input to orglint.severity's one decision."""
        level = self._last_severity(code, subject)
        return level if isinstance(level, Severity) else None

    def turned_off(self, code: str, subject: str) -> bool:
        """Whether the last entry in ``subject``'s scope that sets a severity for ``code`` sets off."""
        return self._last_severity(code, subject) is None

    def _last_severity(self, code: str, subject: str) -> Severity | object | None:
        for index in reversed(self.entries(subject)):
            levels = self.overrides[index].severities
            if code in levels:
                return levels[code]
        return _UNSET

    def entries(self, subject: str) -> tuple[int, ...]:
        """The indexes of the entries whose scope holds ``subject``, in config order."""
        cached = self._cache.get(subject)
        if cached is None:
            units, functions = self._belongs(subject)
            cached = tuple(
                index
                for index, entry in enumerate(self.overrides)
                if not units.isdisjoint(entry.units) or not functions.isdisjoint(entry.functions)
            )
            self._cache[subject] = cached
        return cached

    def _belongs(self, subject: str) -> tuple[set[str], set[str]]:
        kind, _, key = subject.partition(".")
        org = self.org
        if kind == "people" and key in org.people:
            person = org.people[key]
            units = [*person.memberships, *self._led.get(key, ())]
            return self._with_ancestors(units), set(org.functions_of(person))
        if kind == "units" and key in org.units:
            function = org.function_of_unit(key)
            return self._with_ancestors([key]), {function} if function else set()
        return set(), set()

    def _with_ancestors(self, unit_ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for start in unit_ids:
            unit_id: str | None = start
            while unit_id and unit_id not in found:  # a parent cycle (S010) ends the walk
                found.add(unit_id)
                unit = self.org.units.get(unit_id)
                unit_id = unit.parent if unit is not None else None
        return found


def check_units(org: Org, overrides: list[ResolvedOverride]) -> None:
    """Raise OverrideError when an override names a unit the chart does not define: a typo would
    otherwise silently apply to nobody."""
    for entry in overrides:
        for unit_id in entry.units:
            if unit_id not in org.units:
                raise OverrideError(f"{entry.where}: overrides: no unit has the id '{unit_id}' in this chart")


def rerun_with_options(
    org: Org, findings: list[Finding], rules: list[Rule], settings: RunSettings, scopes: Scopes
) -> list[Finding]:
    """The findings with, for each subject in an entry that sets options for a rule, the rule's
    findings from a run with that entry's options instead."""
    overrides = scopes.overrides

    def owner(code: str, subject: str) -> int | None:
        """The last entry in whose scope ``subject`` is and that sets options for ``code``."""
        winner = None
        for index in scopes.entries(subject):
            if code in overrides[index].options:
                winner = index
        return winner

    by_code = {rule.code: rule for rule in rules}
    kept = [finding for finding in findings if finding.kind != "rule" or owner(finding.code, finding.subject) is None]
    for index, entry in enumerate(overrides):
        rerun = [by_code[code] for code in entry.options if code in by_code]
        if not rerun:
            continue
        options = {code: {**settings.options.get(code, {}), **values} for code, values in entry.options.items()}
        entry_settings = replace(settings, options={**settings.options, **options})
        for finding in run_rules(org, rerun, entry_settings):
            if finding.kind == "rule" and owner(finding.code, finding.subject) == index:
                kept.append(finding)
    return sort_findings(kept)


def apply_ignores(findings: list[Finding], scopes: Scopes) -> tuple[list[Finding], list[Finding]]:
    """(kept, ignored): a finding is ignored where an entry in its scope ignores its rule, or the
    last entry in its scope that sets its rule's severity sets it to off."""
    overrides = scopes.overrides
    kept: list[Finding] = []
    ignored: list[Finding] = []
    for finding in findings:
        if finding.kind != "rule":
            kept.append(finding)
            continue
        entries = scopes.entries(finding.subject)
        if any(finding.code in overrides[index].ignore for index in entries) or scopes.turned_off(finding.code, finding.subject):
            ignored.append(finding)
        else:
            kept.append(finding)
    return kept, ignored
