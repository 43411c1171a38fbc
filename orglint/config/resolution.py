"""Meeting a config with the loaded rules: selectors become rule codes, options are checked against
the rules' declarations, ignores become matchers (:func:`resolve`)."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from orglint.engine import ALL, RunSettings, SelectionError, resolve_selector
from orglint.model import shown
from orglint.problems import did_you_mean
from orglint.rule import Severity
from orglint.severity import SeverityPolicy

if TYPE_CHECKING:  # pragma: no cover
    from orglint.plugins import RuleSet
    from orglint.rule import Finding, Rule
from orglint.config.globs import _file_matcher
from orglint.config.model import Config, ConfigError, Override, Reference, _quote
from orglint.config.reading import _where

# --- the resolved config ------------------------------------------------------------------


@dataclass
class Ignores:
    """``per-file-ignores`` and ``per-subject-ignores`` resolved to rule codes."""

    files: list[tuple[Callable[[str], bool], frozenset[str]]] = field(default_factory=list)
    subjects: list[tuple[str, frozenset[str]]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.files or self.subjects)

    def ignored(self, finding: Finding) -> bool:
        code = finding.code
        for pattern, codes in self.subjects:
            if code in codes and (pattern == finding.subject or fnmatch.fnmatchcase(finding.subject, pattern)):
                return True
        if finding.file is not None:
            for matches, codes in self.files:
                if code in codes and matches(finding.file):
                    return True
        return False

    def apply(self, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(kept, ignored); only rule findings can be ignored, never input problems."""
        if not self:
            return findings, []
        kept: list[Finding] = []
        dropped: list[Finding] = []
        for finding in findings:
            (dropped if finding.kind == "rule" and self.ignored(finding) else kept).append(finding)
        return kept, dropped


@dataclass(frozen=True)
class ResolvedOverride:
    """An ``overrides:`` entry met with the loaded rules: rule codes, checked option values."""

    where: str
    units: tuple[str, ...]
    functions: frozenset[str]
    options: Mapping[str, Mapping[str, Any]]  # code -> option values (only those the entry sets)
    severities: Mapping[str, Severity | None]  # code -> severity; None: not reported there ("off")
    ignore: frozenset[str]


@dataclass
class Resolved:
    """What to run and how: the enabled rules, their options and severities, and the ignores."""

    rules: list[Rule]
    settings: RunSettings
    ignores: Ignores = field(default_factory=Ignores)
    references: list[Reference] = field(default_factory=list)  # config selectors no loaded rule has
    overrides: list[ResolvedOverride] = field(default_factory=list)  # in config order: the last match wins


def _specificity(selector: str, rule_set: RuleSet) -> tuple[int, int]:
    """Order severity entries from broad to precise: ALL, then prefixes (shorter first), then rules."""
    token = selector.strip()
    if token.upper() == ALL:
        return (0, 0)
    if rule_set.find(token) is not None:
        return (2, 0)
    return (1, len(token))


def resolve(config: Config, rule_set: RuleSet, *, select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> Resolved:
    """Meet the config with the loaded rules, then apply the command line's ``select`` / ``ignore``.

    Raises ConfigError for an invalid option (naming the rule, the option
    and the file) and SelectionError for a command-line selector that
    matches no rule. Config selectors that match no rule are returned in
    ``references`` for X002.
    """
    references: list[Reference] = []
    reported: set[tuple[str, str, int, int]] = set()

    def codes(reference: Reference) -> set[str]:
        try:
            return resolve_selector(reference.text, rule_set)
        except SelectionError:
            key = (reference.text, reference.file, reference.line, reference.column)
            if key not in reported:
                reported.add(key)
                references.append(reference)
            return set()

    enabled = set(rule_set.rules)
    severities: dict[str, Severity] = {}
    options: dict[str, dict[str, Any]] = {}
    floors: dict[str, Severity] = {}
    if config.preset == "strict":
        floors = {code: Severity.WARNING for code, rule in rule_set.rules.items() if rule.severity < Severity.WARNING}
    ignores = Ignores()

    for layer in config.layers:
        if layer.select is not None:
            enabled = set().union(*(codes(reference) for reference in layer.select))
        for reference in layer.ignore:
            enabled -= codes(reference)
        for reference, level in sorted(layer.severity, key=lambda item: _specificity(item[0].text, rule_set)):
            matched = codes(reference)
            if level == "off":
                enabled -= matched
            else:
                for code in matched:
                    severities[code] = Severity.parse(level)
        for reference, values in layer.options:
            _resolve_options(reference, values, rule_set, options, references)
        for entry in layer.per_file_ignores:
            matched_codes = frozenset().union(*(codes(reference) for reference in entry.selectors))
            if matched_codes:
                ignores.files.append((_file_matcher(entry.pattern, entry.base), matched_codes))
        for entry in layer.per_subject_ignores:
            matched_codes = frozenset().union(*(codes(reference) for reference in entry.selectors))
            if matched_codes:
                ignores.subjects.append((entry.pattern, matched_codes))

    resolved_overrides = [
        _resolve_override(entry, rule_set, codes, references) for layer in config.layers for entry in layer.overrides
    ]

    # The command line is the last layer: --select replaces the selection, --ignore removes from it.
    if select is not None:
        enabled = set()
        for token in select:
            enabled |= resolve_selector(token, rule_set)
    for token in ignore:
        enabled -= resolve_selector(token, rule_set)

    rules = [rule for rule in rule_set.sorted() if rule.code in enabled]
    return Resolved(
        rules=rules,
        settings=RunSettings(options=options, severity=SeverityPolicy(explicit=severities, floors=floors)),
        ignores=ignores,
        references=references,
        overrides=resolved_overrides,
    )


def _resolve_override(
    entry: Override, rule_set: RuleSet, codes: Callable[[Reference], set[str]], references: list[Reference]
) -> ResolvedOverride:
    options: dict[str, dict[str, Any]] = {}
    for reference, values in entry.options:
        _resolve_options(reference, values, rule_set, options, references)
    severities: dict[str, Severity | None] = {}
    for reference, level in sorted(entry.severity, key=lambda item: _specificity(item[0].text, rule_set)):
        for code in codes(reference):
            severities[code] = None if level == "off" else Severity.parse(level)
    ignored = frozenset().union(*(codes(reference) for reference in entry.ignore)) if entry.ignore else frozenset()
    return ResolvedOverride(entry.where, entry.units, frozenset(entry.functions), options, severities, ignored)


def _resolve_options(
    reference: Reference,
    values: dict[str, tuple[Any, str]],
    rule_set: RuleSet,
    options: dict[str, dict[str, Any]],
    references: list[Reference],
) -> None:
    rule = rule_set.find(reference.text)
    where = _where(reference.file, reference.line)
    if rule is None:
        try:
            several = resolve_selector(reference.text, rule_set)
        except SelectionError:
            references.append(reference)  # no loaded rule has it: X002, not an error
            return
        raise ConfigError(
            f"{where}: options: {_quote(reference.text)} names {len(several)} rules; "
            "options are set per rule, by its code or name (e.g. options: {span-of-control: {max: 8}})"
        )
    label = f"rule {rule.code} ({rule.name})"
    for name, (value, option_where) in values.items():
        declared = rule.options.get(name)
        if declared is None:
            if rule.options:
                known = ", ".join(rule.options)
                hint = did_you_mean(name, rule.options)
                raise ConfigError(
                    f"{option_where}: options.{shown(reference.text)}: {label} has no option {_quote(name)}{hint}; "
                    f"its options: {known}"
                )
            raise ConfigError(
                f"{option_where}: options.{shown(reference.text)}: {label} has no options, so {_quote(name)} cannot be set"
            )
        try:
            converted = declared.validate(value)
        except ValueError as error:
            raise ConfigError(
                f"{option_where}: options.{shown(reference.text)}.{shown(name)}: invalid value for option "
                f"{_quote(name)} of {label}: {shown(str(error))}"
            ) from None
        options.setdefault(rule.code, {})[name] = converted
