"""Configuration: finding ``.orglint.yaml`` / ``[tool.orglint]``, validating it, presets, and resolving it.

A config is read in two steps. :func:`discover` / :func:`load_config` read and
validate the file (and the files it ``extends``) into a :class:`Config`: every
key, value type and vocabulary is checked there, and any mistake is a
:class:`ConfigError` naming the file, the line where it can, and the key.
:meth:`Config.resolve` then meets the config with the loaded rules (which may
come from the config's own ``plugins``): selectors become rule codes, options
are validated against each rule's declared :class:`~orglint.rule.Option`
types, and per-file / per-subject ignores become matchers. A selector that no
loaded rule has is not an error (a config may name a plugin rule that is not
installed here): it is kept as a :class:`Reference` for rule X002 to report.

A config file is repository content, and on a pull request it is the
author's: every path it names (``extends``, ``plugins``, ``baseline``), and a
discovered config file itself, must resolve inside the repository root (with
no repository, the working folder; orglint.boundary), or it is a located
ConfigError and the file is not read. Config files are read only when they are
regular files under a size limit, and every value a message quotes is cut
short. Discovery (:func:`discovery`) stops at the repository root and, outside
a repository, never climbs above the working folder.

Layers apply in order: the preset, then each config file from the base of the
``extends`` chain to the file found, then the command line. In a layer,
``select`` (when given) replaces the rules chosen so far, and ``ignore`` and
``severity: off`` remove rules; mappings (``severity``, ``options``) merge,
the later layer winning; ``per-file-ignores``, ``per-subject-ignores`` and
``plugins`` accumulate. ``fail-on``, ``baseline`` and ``docs-url`` are taken from the
nearest layer that sets them.

This module reads config; it never prints, exits or runs rules.
"""

from __future__ import annotations

import fnmatch
import importlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orglint.boundary import (
    MAX_CONFIG_BYTES,
    BoundaryError,
    ensure_within,
    is_within,
    read_regular_file,
    repository_root,
    trust_root,
)
from orglint.engine import ALL, RunSettings, SelectionError, resolve_selector
from orglint.links import docs_url_problem
from orglint.model import shown
from orglint.problems import did_you_mean
from orglint.roles import FUNCTIONS
from orglint.rule import Severity
from orglint.severity import SeverityPolicy

if TYPE_CHECKING:  # pragma: no cover
    from orglint.loader import Exclusion
    from orglint.plugins import RuleSet
    from orglint.rule import Finding, Rule

__all__ = [
    "CONFIG_FILES",
    "KEYS",
    "PRESETS",
    "Config",
    "ConfigError",
    "Discovery",
    "Ignores",
    "Layer",
    "Reference",
    "Resolved",
    "discover",
    "find_config",
    "load_config",
]

CONFIG_FILES = (".orglint.yaml", ".orglint.yml")
MAX_CONFIG_VALUES = 100_000  # a config is a few dozen values; this bounds alias bombs
PYPROJECT = "pyproject.toml"

KEYS = (
    "extends",
    "select",
    "ignore",
    "severity",
    "options",
    "per-file-ignores",
    "per-subject-ignores",
    "plugins",
    "fail-on",
    "baseline",
    "exclude",
    "default-exclude",
    "docs-url",
    "overrides",
)
OVERRIDE_KEYS = ("units", "functions", "options", "severity", "ignore")

PRESETS: dict[str, str] = {
    "recommended": "every rule on, at its default severity (the default)",
    "strict": "every rule on, and rules whose default is info raised to warning, so that they fail CI too",
}
DEFAULT_PRESET = "recommended"
SEVERITY_LEVELS = ("error", "warning", "info", "off")
FAIL_ON_LEVELS = ("error", "warning", "info")


class ConfigError(Exception):
    """The configuration is invalid; the message names the file, the key and what is wrong."""


def _quote(value: Any) -> str:
    """A value from a config file, quoted in a message: cut short, since the file may be hostile."""
    return f"'{shown(str(value))}'"


# --- what a config file says -------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """A rule selector written in a config file, with where it is written (for messages and X002)."""

    text: str
    key: str  # the config key it is under, e.g. "ignore", "severity", "per-file-ignores['legacy/*.yaml']"
    file: str  # the config file, as shown to users
    line: int = 1
    column: int = 1


@dataclass
class _PatternIgnore:
    pattern: str
    selectors: list[Reference]
    base: Path  # the folder of the config file that wrote it (file patterns are relative to it)


@dataclass
class Override:
    """One entry of ``overrides:``: settings for the findings about some units or functions."""

    where: str  # file:line:col of the entry
    units: tuple[str, ...]  # unit ids: the unit and every unit below it
    functions: tuple[str, ...]
    options: list[tuple[Reference, dict[str, tuple[Any, str]]]] = field(default_factory=list)
    severity: list[tuple[Reference, str]] = field(default_factory=list)
    ignore: list[Reference] = field(default_factory=list)


@dataclass
class Layer:
    """What one config file sets (validated for shape; rule names not yet resolved)."""

    path: Path  # resolved path of the file
    display: str  # the file as shown in messages
    preset: str | None = None  # when ``extends`` names a preset
    select: list[Reference] | None = None
    ignore: list[Reference] = field(default_factory=list)
    severity: list[tuple[Reference, str]] = field(default_factory=list)
    options: list[tuple[Reference, dict[str, tuple[Any, str]]]] = field(default_factory=list)  # option -> (value, where)
    per_file_ignores: list[_PatternIgnore] = field(default_factory=list)
    per_subject_ignores: list[_PatternIgnore] = field(default_factory=list)
    plugins: list[Path] = field(default_factory=list)
    plugin_names: list[tuple[str, str]] = field(default_factory=list)  # (folder as written, file:line:col)
    fail_on: str | None = None
    baseline: Path | None = None
    exclude: list[tuple[str, Path]] = field(default_factory=list)  # (glob, the folder it is relative to)
    default_exclude: bool | None = None
    docs_url: str | None = None
    overrides: list[Override] = field(default_factory=list)


@dataclass
class Config:
    """A validated configuration: a preset and the layers of its ``extends`` chain (base first)."""

    preset: str = DEFAULT_PRESET
    layers: list[Layer] = field(default_factory=list)
    root: Path | None = None  # the folder no file this config names may leave (the repository)
    notes: list[str] = field(default_factory=list)  # what discovery wants the user to know (for the CLI)

    @classmethod
    def empty(cls) -> Config:
        """No config file: the recommended preset (``--isolated``, or nothing found)."""
        return cls()

    @property
    def path(self) -> Path | None:
        """The file that was found or named (the last of the chain)."""
        return self.layers[-1].path if self.layers else None

    @property
    def display(self) -> str | None:
        return self.layers[-1].display if self.layers else None

    @property
    def files(self) -> list[str]:
        return [layer.display for layer in self.layers]

    @property
    def plugins(self) -> list[Path]:
        found: list[Path] = []
        for layer in self.layers:
            for folder in layer.plugins:
                if folder not in found:
                    found.append(folder)
        return found

    @property
    def plugin_names(self) -> list[tuple[str, str]]:
        """Every plugin folder the config names, as written, with where (for --no-plugins)."""
        return [named for layer in self.layers for named in layer.plugin_names]

    @property
    def fail_on(self) -> str | None:
        for layer in reversed(self.layers):
            if layer.fail_on is not None:
                return layer.fail_on
        return None

    @property
    def docs_url(self) -> str:
        """Where the rule pages are: the nearest layer's ``docs-url``, else the project's pages."""
        from orglint.links import DEFAULT_DOCS_URL

        return next((layer.docs_url for layer in reversed(self.layers) if layer.docs_url is not None), DEFAULT_DOCS_URL)

    @property
    def baseline(self) -> Path | None:
        for layer in reversed(self.layers):
            if layer.baseline is not None:
                return layer.baseline
        return None

    def exclusion(self, extra: Iterable[str] = (), base: Path | None = None) -> Exclusion:
        """What a folder walk leaves out: the vendored folders (unless ``default-exclude: false``
        in the nearest layer that sets it), every layer's ``exclude`` globs, and ``extra``
        (``--exclude``, relative to ``base``: the current folder)."""
        from orglint.loader import Exclusion

        vendored = next((layer.default_exclude for layer in reversed(self.layers) if layer.default_exclude is not None), True)
        here = base if base is not None else Path.cwd()
        patterns = [pattern for layer in self.layers for pattern in layer.exclude] + [(glob, here) for glob in extra]
        # A trailing / (``legacy/``) names a folder, which the walk matches like a file.
        return Exclusion(tuple(_file_matcher(glob.rstrip("/") or glob, folder) for glob, folder in patterns), vendored)

    def resolve(
        self,
        rule_set: RuleSet,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
    ) -> Resolved:
        """Meet the config with the loaded rules, then apply the command line's ``select`` / ``ignore``.

        Raises ConfigError for an invalid option (naming the rule, the option
        and the file) and SelectionError for a command-line selector that
        matches no rule. Config selectors that match no rule are returned in
        ``references`` for X002.
        """
        return _resolve(self, rule_set, select, ignore)


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


def _resolve(config: Config, rule_set: RuleSet, select: Iterable[str] | None, ignore: Iterable[str]) -> Resolved:
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


# --- matching file paths ------------------------------------------------------------------


# A glob is read into tokens and matched by simulating its automaton over the path, one
# character at a time, tracking every token position that is still possible. That takes
# len(path) x len(pattern) steps at worst, however many ``*`` and ``**/`` it has: a regex of
# repeated ``(?:.*/)?`` backtracks exponentially (issue 11: 12 x ``**/`` ran for minutes).
_LITERAL, _ONE, _CLASS, _STAR, _GLOBSTAR, _GLOBSTAR_SLASH = range(6)


def _glob_tokens(pattern: str) -> list[tuple[int, Any]]:
    """``*`` and ``?`` stay in one folder, ``**/`` is any number of folders, ``**`` anything."""
    tokens: list[tuple[int, Any]] = []
    index = 0
    length = len(pattern)
    while index < length:
        char = pattern[index]
        if pattern.startswith("**/", index):
            if not tokens or tokens[-1][0] != _GLOBSTAR_SLASH:  # **/**/ is **/
                tokens.append((_GLOBSTAR_SLASH, None))
            index += 3
            continue
        if pattern.startswith("**", index):
            tokens.append((_GLOBSTAR, None))
            index += 2
            continue
        if char == "*":
            tokens.append((_STAR, None))
        elif char == "?":
            tokens.append((_ONE, None))
        elif char == "[":
            end = pattern.find("]", index + 2 if pattern[index + 1 : index + 2] in ("!", "]") else index + 1)
            if end < 0:
                tokens.append((_LITERAL, char))
            else:
                body = pattern[index + 1 : end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                try:
                    tokens.append((_CLASS, re.compile("[" + body.replace("\\", "\\\\") + "]")))
                except re.error:  # a class Python cannot read ([z-a]): match it as written
                    tokens.extend((_LITERAL, part) for part in pattern[index : end + 1])
                index = end
        else:
            tokens.append((_LITERAL, char))
        index += 1
    return tokens


_REGEX_OF = {_ONE: "[^/]", _STAR: "[^/]*", _GLOBSTAR: ".*", _GLOBSTAR_SLASH: "(?:.*/)?"}


def compile_glob(pattern: str) -> Callable[[str], bool]:
    """A matcher of whole '/'-separated paths for a glob, in linear time (see above)."""
    tokens = _glob_tokens(pattern)
    kinds = [kind for kind, _ in tokens]
    if kinds.count(_GLOBSTAR) + kinds.count(_GLOBSTAR_SLASH) <= 1 and kinds.count(_STAR) <= 1:
        # The usual globs (*.csv, legacy/**, imports/**/*.yaml): with one repeat across folders
        # and one within a folder, a regex backtracks at most len(path) x len(folder name)
        # steps, and runs in C, a hundred times faster than the automaton.
        regex = re.compile(
            "".join(
                re.escape(value) if kind == _LITERAL else value.pattern if kind == _CLASS else _REGEX_OF[kind]
                for kind, value in tokens
            )
            + r"\Z"
        )
        return lambda path: regex.match(path) is not None
    return _automaton(tokens)


def _automaton(tokens: list[tuple[int, Any]]) -> Callable[[str], bool]:
    accept = len(tokens)
    # States: 2*i is "at token i"; 2*i+1 is "inside the folders of the **/ at token i".

    def closure(states: set[int]) -> set[int]:
        pending = list(states)
        while pending:
            state = pending.pop()
            index = state >> 1
            if state & 1 or index >= accept:
                continue
            kind = tokens[index][0]
            if kind in (_STAR, _GLOBSTAR, _GLOBSTAR_SLASH):  # each can match nothing
                for follow in ((index + 1) << 1, state | 1) if kind == _GLOBSTAR_SLASH else ((index + 1) << 1,):
                    if follow not in states:
                        states.add(follow)
                        pending.append(follow)
        return states

    def matches(path: str) -> bool:
        states = closure({0})
        for char in path:
            following: set[int] = set()
            for state in states:
                index = state >> 1
                if state & 1:  # any characters, then a '/' ends the folders
                    following.add(state)
                    if char == "/":
                        following.add((index + 1) << 1)
                    continue
                if index >= accept:
                    continue
                kind, value = tokens[index]
                if kind == _LITERAL:
                    if char == value:
                        following.add((index + 1) << 1)
                elif kind == _ONE:
                    if char != "/":
                        following.add((index + 1) << 1)
                elif kind == _CLASS:
                    if value.match(char):
                        following.add((index + 1) << 1)
                elif kind == _STAR:
                    if char != "/":
                        following.add(state)
                elif kind == _GLOBSTAR:
                    following.add(state)
            if not following:
                return False
            states = closure(following)
        return (accept << 1) in states

    return matches


def _file_matcher(pattern: str, base: Path) -> Callable[[str], bool]:
    """Match a finding's file (as displayed: relative to the current directory) against a config glob.

    Patterns are relative to the config file's folder; a pattern without ``/``
    also matches a file's name in any folder (``*.csv``).
    """
    cleaned = pattern[2:] if pattern.startswith("./") else pattern
    glob = compile_glob(cleaned)
    basename_too = "/" not in cleaned
    cache: dict[str, bool] = {}

    def matches(file: str) -> bool:
        hit = cache.get(file)
        if hit is None:
            hit = any(glob(candidate) for candidate in _candidates(file, base, basename_too))
            cache[file] = hit
        return hit

    return matches


def _candidates(file: str, base: Path, basename_too: bool) -> list[str]:
    candidates = [file.replace(os.sep, "/")]
    if not file.startswith("<"):  # <stdin>
        try:
            relative = os.path.relpath(os.path.abspath(file), base)
        except ValueError:  # another drive on Windows
            relative = None
        if relative is not None and not relative.startswith(".."):
            candidates.append(relative.replace(os.sep, "/"))
    if basename_too:
        candidates.append(candidates[0].rsplit("/", 1)[-1])
    return candidates


# --- reading files ------------------------------------------------------------------------


def _where(file: str, line: int | None) -> str:
    return f"{file}:{line}" if line else file


class _Source:
    """A config file's data, and where each key path is written."""

    def __init__(self, path: Path, display: str, data: Any, locate: Callable[[tuple], tuple[int, int] | None]):
        self.path = path
        self.display = display
        self.data = data
        self._locate = locate
        self.root: Path | None = None  # set by _read_source: the folder the paths it names may not leave

    @property
    def folder(self) -> Path:
        return self.path.parent

    def at(self, *keys: Any) -> tuple[int, int]:
        return self._locate(tuple(keys)) or (0, 0)

    def where(self, *keys: Any) -> str:
        return _where(self.display, self.at(*keys)[0])

    def located(self, *keys: Any) -> str:
        """file:line:col of a key path (file alone when it cannot be found)."""
        line, column = self.at(*keys)
        return f"{self.display}:{line}:{column}" if line else self.display

    def ensure_within(self, path: Path, keys: tuple, shown_as: str, verb: str = "read") -> None:
        """A path this file names (extends, plugins, baseline) must resolve inside the root: else a
        located ConfigError that names the path as written, never what it points at."""
        if self.root is None:
            return
        try:
            ensure_within(path, self.root, shown_as, verb)
        except BoundaryError as error:
            raise ConfigError(f"{self.located(*keys)}: {error}") from None

    def error(self, keys: tuple, message: str) -> ConfigError:
        dotted = ".".join(shown(str(key)) for key in keys if not isinstance(key, int))
        return ConfigError(f"{self.where(*keys)}: {dotted}: {message}" if dotted else f"{self.where(*keys)}: {message}")


def _display(path: Path) -> str:
    """A config path as users want to read it: relative to the current directory (``../.orglint.yaml``)."""
    try:
        # As written (links not followed): a config that is a link shows its own name, not its target.
        relative = os.path.relpath(os.path.abspath(path), os.getcwd())
    except (ValueError, OSError):  # another drive on Windows; no current directory
        return str(path)
    return Path(relative).as_posix()


def _read_source(path: Path, root: Path) -> _Source:
    display = _display(path)
    try:
        ensure_within(path, root, "the config file")
        text = read_regular_file(path, MAX_CONFIG_BYTES, "the config file").decode("utf-8-sig")
    except BoundaryError as error:
        if _is_kind(path, "dir"):
            raise ConfigError(f"{display}: is a folder, not a config file") from None
        raise ConfigError(f"{display}: {error}") from None
    except FileNotFoundError:
        raise ConfigError(f"{display}: config file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{display}: is a folder, not a config file") from None
    except OSError as error:
        raise ConfigError(f"{display}: cannot read config file: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{display}: config file is not UTF-8 text") from None
    resolved = path.resolve()
    if path.name == PYPROJECT or path.suffix == ".toml":
        source = _read_toml(resolved, display, text, pyproject=path.name == PYPROJECT)
    else:
        source = _read_yaml(resolved, display, text)
    source.root = root
    return source


def _read_yaml(path: Path, display: str, text: str) -> _Source:
    import yaml

    marks: dict[tuple, tuple[int, int]] = {}
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = _yaml_data(loader, node, (), marks, display, [MAX_CONFIG_VALUES]) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = "; ".join(part for part in (error.context, error.problem) if part) or "invalid YAML"
        raise ConfigError(f"{_where(display, mark.line + 1 if mark else None)}: invalid YAML: {shown(problem)}") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{display}: invalid YAML: {shown(str(error))}") from None
    except RecursionError:
        raise ConfigError(f"{display}: nested too deeply") from None
    if data is None:
        data = {}
    return _Source(path, display, data, marks.get)


def _yaml_data(loader: Any, node: Any, keys: tuple, marks: dict, display: str, budget: list[int]) -> Any:
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    budget[0] -= 1
    if budget[0] < 0:  # aliases can make a few lines expand to billions of values
        raise ConfigError(f"{display}: the config holds more than {MAX_CONFIG_VALUES:,} values (YAML aliases?)")
    marks.setdefault(keys, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            # (A key that is a collection is refused before it is built: it may be an alias bomb.)
            key = loader.construct_object(key_node, deep=True) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                line = key_node.start_mark.line + 1
                raise ConfigError(f"{display}:{line}: keys must be plain strings")
            key = str(key)
            if key in result:
                line = key_node.start_mark.line + 1
                first = marks.get(keys + (key,), (0, 0))[0]
                raise ConfigError(f"{display}:{line}: duplicate key {_quote(key)} (first on line {first})")
            marks[keys + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _yaml_data(loader, value_node, keys + (key,), marks, display, budget)
        return result
    if isinstance(node, SequenceNode):
        return [_yaml_data(loader, item, keys + (index,), marks, display, budget) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _read_toml(path: Path, display: str, text: str, *, pyproject: bool) -> _Source:
    try:
        tomllib = importlib.import_module("tomllib")
    except ModuleNotFoundError:  # Python 3.10: its backport, declared for that version
        tomllib = importlib.import_module("tomli")

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{display}: invalid TOML: {shown(str(error))}") from None
    except RecursionError:
        raise ConfigError(f"{display}: nested too deeply") from None
    if pyproject:
        data = document.get("tool", {}).get("orglint")
        if data is None:
            raise ConfigError(f"{display}: has no [tool.orglint] table")
        prefix: tuple = ("tool", "orglint")
    else:
        data = document
        prefix = ()
    lines = text.splitlines()

    def locate(keys: tuple) -> tuple[int, int] | None:
        return _toml_line(lines, prefix + keys)

    return _Source(path, display, data, locate)


def _toml_line(lines: list[str], keys: tuple) -> tuple[int, int] | None:
    """Best effort: the line of a key path in TOML text (tomllib keeps no positions)."""
    names = [str(key) for key in keys if not isinstance(key, int)]
    if not names:
        return None
    last = names[-1]
    table = re.compile(r"^\s*\[+\s*" + r"\s*\.\s*".join(f'"?{re.escape(n)}"?' for n in names) + r"\s*\]+")
    assignment = re.compile(r'^\s*(?:[\w."-]+\.)?"?' + re.escape(last) + r'"?\s*=')
    for number, line in enumerate(lines, 1):
        if table.match(line):
            return (number, 1)
    for number, line in enumerate(lines, 1):
        if assignment.match(line):
            return (number, line.index(last) + 1 if last in line else 1)
    return None


# --- validating a file ----------------------------------------------------------------------


def _selectors(source: _Source, keys: tuple, value: Any) -> list[Reference]:
    """A list of selectors (or one comma-separated string) as References."""
    label = keys[-1] if len(keys) == 1 else f"{keys[0]}[{_quote(keys[1])}]"
    if isinstance(value, str):
        line, column = source.at(*keys)
        return [Reference(part.strip(), label, source.display, line, column) for part in value.split(",") if part.strip()]
    if not isinstance(value, list):
        raise source.error(keys, f"expected a list of rule codes, prefixes or names, got {_kind(value)}")
    found: list[Reference] = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise source.error(keys + (index,), f"expected a rule code, prefix or name, got {_kind(item)}")
        line, column = source.at(*keys, index)
        found.append(Reference(item.strip(), label, source.display, line, column))
    return found


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {_quote(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _mapping(source: _Source, keys: tuple, value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise source.error(keys, f"expected a mapping of {what}, got {_kind(value)}")
    return value


def _severity_entries(source: _Source, keys: tuple, value: Any) -> list[tuple[Reference, str]]:
    """``severity:`` (rule -> error|warning|info|off) as located entries."""
    entries = []
    for selector, level in _mapping(source, keys, value, "rule -> error|warning|info|off").items():
        if level is False:  # YAML 1.1 reads an unquoted `off` as false
            level = "off"
        if not isinstance(level, str) or level.strip().lower() not in SEVERITY_LEVELS:
            quoted = _quote(level) if isinstance(level, str) else _kind(level)
            hint = did_you_mean(str(level), SEVERITY_LEVELS) if isinstance(level, str) else ""
            raise source.error(keys + (selector,), f"unknown severity {quoted}{hint}; use one of {', '.join(SEVERITY_LEVELS)}")
        line, column = source.at(*keys, selector)
        entries.append((Reference(selector, keys[0], source.display, line, column), level.strip().lower()))
    return entries


def _option_entries(source: _Source, keys: tuple, value: Any) -> list[tuple[Reference, dict[str, tuple[Any, str]]]]:
    """``options:`` (rule -> {option: value}) as located entries, values not yet checked."""
    entries = []
    for selector, values in _mapping(source, keys, value, "rule -> {option: value}").items():
        if not isinstance(values, dict):
            raise source.error(keys + (selector,), f"expected a mapping of option -> value, got {_kind(values)}")
        line, column = source.at(*keys, selector)
        located = {name: (option, source.where(*keys, selector, name)) for name, option in values.items()}
        entries.append((Reference(selector, keys[0], source.display, line, column), located))
    return entries


def _overrides(source: _Source, value: Any) -> list[Override]:
    """``overrides:``: a list of entries, each naming units and/or functions and what changes for them."""
    if not isinstance(value, list):
        raise source.error(
            ("overrides",), f"expected a list of entries (units/functions and what they change), got {_kind(value)}"
        )
    entries = []
    for index, item in enumerate(value):
        keys = ("overrides", index)
        entry_data = _mapping(source, keys, item, "units/functions and options/severity/ignore")
        for key in entry_data:
            if key not in OVERRIDE_KEYS:
                raise source.error(
                    keys + (key,),
                    f"unknown key {_quote(key)}{did_you_mean(str(key), OVERRIDE_KEYS)}; "
                    f"an override has {', '.join(OVERRIDE_KEYS)}",
                )
        scope: dict[str, tuple[str, ...]] = {}
        for part in ("units", "functions"):
            names = entry_data.get(part, [])
            names = [names] if isinstance(names, str) else names
            if not isinstance(names, list) or not all(isinstance(name, str) and name.strip() for name in names):
                raise source.error(
                    keys + (part,), f"expected a list of {'unit ids' if part == 'units' else 'functions'}, got {_kind(names)}"
                )
            scope[part] = tuple(name.strip() for name in names)
        for number, function in enumerate(scope["functions"]):
            if function not in FUNCTIONS:
                raise source.error(
                    keys + ("functions", number),
                    f"unknown function {_quote(function)}{did_you_mean(function, FUNCTIONS)}; functions: {', '.join(FUNCTIONS)}",
                )
        if not scope["units"] and not scope["functions"]:
            raise source.error(keys, "an override names the units or functions it applies to (units: [...], functions: [...])")
        changes = [key for key in ("options", "severity", "ignore") if key in entry_data]
        if not changes:
            raise source.error(keys, "an override changes something: options, severity or ignore")
        entries.append(
            Override(
                where=source.located(*keys),
                units=scope["units"],
                functions=scope["functions"],
                options=_option_entries(source, keys + ("options",), entry_data["options"]) if "options" in entry_data else [],
                severity=_severity_entries(source, keys + ("severity",), entry_data["severity"])
                if "severity" in entry_data
                else [],
                ignore=_selectors(source, keys + ("ignore",), entry_data["ignore"]) if "ignore" in entry_data else [],
            )
        )
    return entries


def _parse_layer(source: _Source) -> Layer:
    data = source.data
    if not isinstance(data, dict):
        raise ConfigError(f"{source.display}: the config must be a mapping of keys ({', '.join(KEYS)}), not {_kind(data)}")
    layer = Layer(path=source.path, display=source.display)
    for key in data:
        if key not in KEYS:
            raise ConfigError(
                f"{source.where(key)}: unknown key {_quote(key)}{did_you_mean(key, KEYS)}; valid keys: {', '.join(KEYS)}"
            )
    for key, value in data.items():
        if key == "extends":
            if not isinstance(value, str) or not value.strip():
                raise source.error(
                    (key,), f"expected a preset ({', '.join(PRESETS)}) or a path to a config file, got {_kind(value)}"
                )
            if value in PRESETS:
                layer.preset = value
        elif key == "select":
            layer.select = _selectors(source, (key,), value)
        elif key == "ignore":
            layer.ignore = _selectors(source, (key,), value)
        elif key == "severity":
            layer.severity = _severity_entries(source, (key,), value)
        elif key == "options":
            layer.options = _option_entries(source, (key,), value)
        elif key == "overrides":
            layer.overrides = _overrides(source, value)
        elif key in ("per-file-ignores", "per-subject-ignores"):
            what = "file glob" if key == "per-file-ignores" else "subject (people.ana, units.*)"
            target = layer.per_file_ignores if key == "per-file-ignores" else layer.per_subject_ignores
            for pattern, selectors in _mapping(source, (key,), value, f"{what} -> list of rules").items():
                if not pattern.strip():
                    raise source.error((key,), "a pattern is empty")
                target.append(_PatternIgnore(pattern.strip(), _selectors(source, (key, pattern), selectors), source.folder))
        elif key == "plugins":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
                raise source.error((key,), f"expected a list of folders of rule modules, got {_kind(value)}")
            for index, item in enumerate(items):
                keys = (key, index) if isinstance(value, list) else (key,)
                # Inside the repository first: a folder elsewhere is refused whether or not it exists.
                source.ensure_within(source.folder / item, keys, f"plugins: folder {_quote(item)}", "load")
                folder = Path(os.path.realpath(source.folder / item))
                if not _is_kind(folder, "dir"):
                    raise ConfigError(
                        f"{source.where(*keys)}: plugins: "
                        f"folder {_quote(item)} does not exist (plugin folders are relative to {source.display})"
                    )
                layer.plugins.append(folder)
                layer.plugin_names.append((shown(item), source.located(key)))
        elif key == "fail-on":
            if not isinstance(value, str) or value.strip().lower() not in FAIL_ON_LEVELS:
                hint = did_you_mean(str(value), FAIL_ON_LEVELS) if isinstance(value, str) else ""
                raise source.error((key,), f"unknown level {_kind(value)}{hint}; use one of {', '.join(FAIL_ON_LEVELS)}")
            layer.fail_on = value.strip().lower()
        elif key == "baseline":
            if not isinstance(value, str) or not value.strip():
                raise source.error((key,), f"expected the path of a baseline file, got {_kind(value)}")
            source.ensure_within(source.folder / value, (key,), f"baseline: {_quote(value)}")
            layer.baseline = source.folder / value
        elif key == "exclude":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
                raise source.error((key,), f"expected a list of file or folder globs, got {_kind(value)}")
            layer.exclude += [(item.strip(), source.folder) for item in items]
        elif key == "default-exclude":
            if not isinstance(value, bool):
                raise source.error((key,), f"expected true or false, got {_kind(value)}")
            layer.default_exclude = value
        elif key == "docs-url":
            problem = docs_url_problem(value) if isinstance(value, str) else f"expected an address, got {_kind(value)}"
            if problem is not None:
                raise source.error((key,), problem)
            layer.docs_url = value
    return layer


def _is_kind(path: Path, kind: str) -> bool:
    """Whether ``path`` is a file (or a folder); a name the system refuses (too long) is neither."""
    try:
        return path.is_file() if kind == "file" else path.is_dir()
    except OSError:
        return False


def _read_chain(path: Path, chain: list[Path], root: Path) -> Config:
    source = _read_source(path, root)
    if source.path in chain:
        cycle = " -> ".join(_display(p) for p in chain[chain.index(source.path) :] + [source.path])
        raise ConfigError(f"{source.where('extends')}: extends: cycle: {cycle}")
    layer = _parse_layer(source)
    extends = source.data.get("extends") if isinstance(source.data, dict) else None
    if extends is None or extends in PRESETS:
        return Config(preset=extends or DEFAULT_PRESET, layers=[layer], root=root)
    base_path = source.folder / extends
    # Inside the repository first: a file elsewhere is refused unread, whether or not it exists.
    source.ensure_within(base_path, ("extends",), f"extends: {_quote(extends)}")
    if not _is_kind(base_path, "file"):
        hint = did_you_mean(extends, PRESETS)
        raise ConfigError(
            f"{source.where('extends')}: extends: {_quote(extends)} is neither a preset ({', '.join(PRESETS)}){hint} "
            f"nor a config file (paths are relative to {source.display})"
        )
    base = _read_chain(base_path, chain + [source.path], root)
    return Config(preset=base.preset, layers=base.layers + [layer], root=root)


def load_config(path: Path | str, *, root: Path | str | None = None) -> Config:
    """Read a config file named explicitly (``--config``): YAML, ``pyproject.toml`` or another ``*.toml``.

    Every file the config reaches (itself, what it ``extends``, its ``plugins`` and ``baseline``)
    must resolve inside ``root``: by default the repository holding the file, or with none the
    working folder (:func:`orglint.boundary.trust_root`). A path that leaves it is a ConfigError
    located at the key that names it; the file it points at is never read.
    """
    root_path = Path(root) if root is not None else trust_root(path)
    return _read_chain(Path(path), [], root_path)


@dataclass(frozen=True)
class Discovery:
    """Where config discovery looked: the file found, the folder it stops at and why (``reason``).

    ``root`` is also the folder no file named by the config may leave. ``unused`` is a config
    file above it that was not read (only outside a repository), so the user can be told why.
    """

    path: Path | None
    root: Path
    reason: str
    unused: Path | None = None

    @property
    def note(self) -> str | None:
        if self.unused is None:
            return None
        return (
            f"not using {_display(self.unused)}: it is above the working folder and there is no git repository, "
            f"so config discovery stopped at {self.reason}; run orglint from that folder or pass --config to use it"
        )


def discovery(start: Path | str | None = None) -> Discovery:
    """Look for the config file of ``start`` (default: the current directory), folder by folder upward.

    In each folder: ``.orglint.yaml``, ``.orglint.yml``, then ``pyproject.toml`` with a
    ``[tool.orglint]`` table. The search stops at the repository root (the nearest folder
    holding ``.git``). With no repository it never climbs above the working folder: a config in
    a parent folder (a shared temporary folder, a container's build context) belongs to someone
    else and may name plugins, so it is not read; the result names it so the CLI can say why.
    Like Ruff inside a project; unlike Ruff, no config is taken from above a folder that is not one.
    """
    working = Path(os.path.abspath(os.getcwd()))
    folder = Path(os.path.abspath(start)) if start is not None else working
    repository = repository_root(folder)
    if repository is not None:
        limit, reason = repository, "the repository root"
    elif is_within(folder, working):
        limit, reason = working, "the working folder"
    else:
        limit, reason = folder, "the folder given"
    for candidate in (folder, *folder.parents):
        found = _config_in(candidate)
        if found is not None:
            return Discovery(found, limit, reason)
        if candidate == limit:
            break
    unused = None
    if repository is None:
        for above in limit.parents:
            try:
                unused = _config_in(above)
            except ConfigError:  # two of them: still not ours to read
                unused = above / CONFIG_FILES[0]
            if unused is not None:
                break
    return Discovery(None, limit, reason, unused)


def _config_in(folder: Path) -> Path | None:
    found = [folder / name for name in CONFIG_FILES if (folder / name).is_file()]
    if len(found) > 1:
        raise ConfigError(f"both {_display(found[0])} and {_display(found[1])} exist; keep one")
    if found:
        return found[0]
    pyproject = folder / PYPROJECT
    if pyproject.is_file() and _has_orglint_table(pyproject):
        return pyproject
    return None


def find_config(start: Path | str | None = None) -> Path | None:
    """The config file for ``start`` (default: the current directory); see :func:`discovery`."""
    return discovery(start).path


def _has_orglint_table(pyproject: Path) -> bool:
    try:
        text = read_regular_file(pyproject, MAX_CONFIG_BYTES, PYPROJECT).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, BoundaryError):
        return False
    if "orglint" not in text:
        return False
    # A cheap look before parsing: most pyproject.toml files never mention the table. Reading it
    # (load_config) then reports a broken file that does.
    return re.search(r"^\s*\[\s*tool\s*\.\s*orglint\s*[\].]|^\s*tool\s*\.\s*orglint\s*[.=]", text, re.MULTILINE) is not None


def discover(start: Path | str | None = None) -> Config:
    """The config found from ``start`` upward (see :func:`discovery`), or the default (recommended)
    config when there is none; ``notes`` says why a config above the working folder was not used."""
    found = discovery(start)
    config = load_config(found.path, root=found.root) if found.path is not None else Config.empty()
    if found.note is not None:
        config.notes.append(found.note)
    return config


# --- the published JSON Schema ------------------------------------------------------------

_OPTION_SCHEMA: dict[str, dict[str, Any]] = {
    "int": {"type": "integer"},
    "str": {"type": "string"},
    "bool": {"type": "boolean"},
    "list[str]": {"type": "array", "items": {"type": "string"}},
}


def config_schema(rule_set: RuleSet | None = None) -> dict[str, Any]:
    """The JSON Schema of a config file (``.orglint.yaml``, or the ``[tool.orglint]`` table).

    With a rule set, ``options`` lists each rule's options (under its code and
    its name) with their types and defaults, for editor completion; options of
    other rules (plugins) stay allowed.
    """
    selector = {"type": "string", "minLength": 1, "pattern": "\\S"}
    selectors: dict[str, Any] = {
        "description": "Rule codes (R001), code prefixes (L, S00), rule names (ceo-is-cpo) or ALL.",
        "oneOf": [
            {"type": "array", "items": {"$ref": "#/definitions/selector"}},
            {"type": "string", "description": "Comma-separated selectors."},
        ],
    }
    option_rules: dict[str, Any] = {}
    if rule_set is not None:
        for rule in rule_set.sorted():
            if not rule.options:
                continue
            properties = {}
            for name, option in rule.options.items():
                schema = dict(_OPTION_SCHEMA[option.type])
                if option.minimum is not None:
                    schema["minimum"] = option.minimum
                schema["default"] = list(option.default) if isinstance(option.default, tuple) else option.default
                if option.help:
                    schema["description"] = option.help
                properties[name] = schema
            entry = {
                "type": "object",
                "description": f"Options of {rule.code} ({rule.name}); `orglint explain {rule.code}` documents them.",
                "properties": properties,
                "additionalProperties": False,
            }
            option_rules[rule.code] = entry
            option_rules[rule.name] = entry
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "orglint configuration",
        "description": (
            "orglint's configuration: .orglint.yaml (or .orglint.yml) or the [tool.orglint] table of pyproject.toml, "
            "found in the current directory or a parent, up to the repository root."
        ),
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "extends": {
                "type": "string",
                "minLength": 1,
                "description": (
                    "recommended (the default: every rule at its default severity), strict (info raised to "
                    "warning), or the path of another config file, relative to this one."
                ),
                "examples": ["recommended", "strict", "../.orglint.yaml"],
            },
            "select": dict(selectors, description="The rules to run (default: all). " + selectors["description"]),
            "ignore": dict(selectors, description="Rules not to run; wins over select. " + selectors["description"]),
            "severity": {
                "type": "object",
                "description": "Per-rule severity: rule code, prefix, name or ALL -> error, warning, info, or off (not run).",
                "additionalProperties": {"enum": [*SEVERITY_LEVELS, False]},  # YAML reads a bare off as false
            },
            "options": {
                "type": "object",
                "description": "Per-rule options: rule code or name -> {option: value}, checked against the rule's declared types.",
                "properties": option_rules,
                "additionalProperties": {"type": "object"},
            },
            "overrides": {
                "type": "array",
                "description": (
                    "Settings for parts of the org: each entry names units (with every unit below them) and/or "
                    "functions, and sets options, severity or ignore for the findings about them; the last "
                    "matching entry wins."
                ),
                "items": {
                    "type": "object",
                    "properties": {
                        "units": {"oneOf": [{"type": "array", "items": {"type": "string", "minLength": 1}}, {"type": "string"}]},
                        "functions": {
                            "oneOf": [{"type": "array", "items": {"enum": list(FUNCTIONS)}}, {"enum": list(FUNCTIONS)}]
                        },
                        "options": {"type": "object", "properties": option_rules, "additionalProperties": {"type": "object"}},
                        "severity": {"type": "object", "additionalProperties": {"enum": [*SEVERITY_LEVELS, False]}},
                        "ignore": {"$ref": "#/definitions/selectors"},
                    },
                    "additionalProperties": False,
                    "anyOf": [{"required": ["units"]}, {"required": ["functions"]}],
                },
                "examples": [[{"units": ["support"], "options": {"S005": {"max": 15}}}]],
            },
            "per-file-ignores": {
                "type": "object",
                "description": "File glob (relative to this config file; ** crosses folders) -> rules not reported in those files.",
                "additionalProperties": {"$ref": "#/definitions/selectors"},
            },
            "per-subject-ignores": {
                "type": "object",
                "description": "Subject (people.ana, units.growth, products.*, org) -> rules not reported about it.",
                "additionalProperties": {"$ref": "#/definitions/selectors"},
            },
            "plugins": {
                "description": "Folders of local rule modules, relative to this config file (the only way a config runs code).",
                "oneOf": [
                    {"type": "array", "items": {"type": "string", "minLength": 1}},
                    {"type": "string", "minLength": 1},
                ],
            },
            "fail-on": {
                "enum": list(FAIL_ON_LEVELS),
                "description": "Lowest severity that makes `orglint check` exit 1 (default: warning).",
            },
            "baseline": {
                "type": "string",
                "minLength": 1,
                "description": "Baseline file (relative to this config file): its findings are not reported.",
            },
            "exclude": {
                "description": (
                    "Files and folders a folder walk skips, as globs relative to this config file (a glob without / "
                    "matches a name in any folder); added to the default exclusions. Paths named on the command line "
                    "are always read."
                ),
                "oneOf": [
                    {"type": "array", "items": {"type": "string", "minLength": 1}},
                    {"type": "string", "minLength": 1},
                ],
                "examples": [["legacy/", "*.draft.yaml"]],
            },
            "docs-url": {
                "type": "string",
                "pattern": "^https?://",
                "description": (
                    "Where findings link to their rule's page: an http(s) address with {code} and/or {name} "
                    "(https://wiki.example.com/orglint/{code}), or a folder of <CODE>.md pages."
                ),
            },
            "default-exclude": {
                "type": "boolean",
                "description": (
                    "false: also walk the folders skipped by default (node_modules, venv, vendor, __pycache__, "
                    "site-packages). Hidden files and folders are never walked. Default: true."
                ),
            },
        },
        "definitions": {"selector": selector, "selectors": selectors},
    }


def config_schema_json(rule_set: RuleSet | None = None) -> str:
    import json

    return json.dumps(config_schema(rule_set), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover - regenerates orglint/data/config.schema.json
    import sys

    from orglint.plugins import load_rules

    sys.stdout.write(config_schema_json(load_rules(entry_points=False)))
