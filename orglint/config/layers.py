"""Validating a config file into a :class:`~orglint.config.model.Layer`, and following its ``extends`` chain."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orglint.boundary import (
    trust_root,
)
from orglint.links import docs_url_problem
from orglint.model import shown
from orglint.problems import did_you_mean
from orglint.vocabulary import FUNCTIONS

if TYPE_CHECKING:  # pragma: no cover
    pass
from orglint.config.model import (
    DEFAULT_PRESET,
    FAIL_ON_LEVELS,
    KEYS,
    OVERRIDE_KEYS,
    PRESETS,
    SEVERITY_LEVELS,
    Config,
    ConfigError,
    Layer,
    Override,
    Reference,
    _PatternIgnore,
    _quote,
)
from orglint.config.reading import _display, _is_kind, _read_source, _Source

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
