"""Rule discovery: packs registered under the ``orglint.rules`` entry-point group, and local folders.

A pack is a module or a package. Every rule found in it (a function decorated
with :func:`orglint.rule`) is loaded; in a package, every module below it is
searched. The built-in pack is registered exactly like a third-party one. A
local folder is loaded only when the user names it (``--rules-dir`` or the
``plugins`` config key): code from a linted repository never runs by default,
and ``--no-plugins`` (the GitHub Action's default) refuses a config that names
any. A config's plugin folders, and every module in them, must resolve inside
the repository (orglint.boundary); ``--rules-dir`` is the user's and trusted.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import pkgutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from orglint.rule import BUILTIN_PACK, Rule

ENTRY_POINT_GROUP = "orglint.rules"


class PluginError(Exception):
    """A rule pack could not be loaded; the message names the pack."""


@dataclass
class RuleSet:
    """The loaded rules, by code, in code order."""

    rules: dict[str, Rule] = field(default_factory=dict)

    def add(self, rule: Rule) -> None:
        existing = self.rules.get(rule.code)
        if existing is not None and existing.check is not rule.check:
            raise PluginError(f"rule {rule.code} is defined twice: in {existing.origin} and in {rule.origin}")
        for other in self.rules.values():
            if other.name == rule.name and other.code != rule.code:
                raise PluginError(f"rule name '{rule.name}' is used by both {other.code} and {rule.code}")
        self.rules[rule.code] = rule

    def sorted(self) -> list[Rule]:
        return [self.rules[code] for code in sorted(self.rules, key=_code_order)]

    def by_name(self) -> dict[str, Rule]:
        return {rule.name: rule for rule in self.rules.values()}

    def find(self, code_or_name: str) -> Rule | None:
        key = code_or_name.strip()
        return self.rules.get(key.upper()) or self.by_name().get(key.lower())


_FAMILY_ORDER = "SRLFGTX"


def _code_order(code: str) -> tuple[int, str]:
    family = code.rstrip("0123456789")
    index = _FAMILY_ORDER.find(family) if len(family) == 1 else -1
    return (index if index >= 0 else len(_FAMILY_ORDER), code)


def rules_in_module(module: ModuleType) -> list[Rule]:
    found = []
    for value in vars(module).values():
        declared = getattr(value, "__orglint_rule__", None)
        if isinstance(declared, Rule) and declared.origin == module.__name__:
            found.append(declared)
    return found


def rules_in_pack(module: ModuleType) -> list[Rule]:
    """Rules of a module, or of every module in a package (sorted by module name)."""
    found = rules_in_module(module)
    path = getattr(module, "__path__", None)
    if path is not None:
        for info in sorted(pkgutil.iter_modules(path), key=lambda info: info.name):
            if info.name.startswith("_"):
                continue
            name = f"{module.__name__}.{info.name}"
            try:
                submodule = importlib.import_module(name)
            except (Exception, SystemExit) as error:  # a broken plugin must name itself, not crash orglint
                raise PluginError(f"cannot import rule module {name}: {type(error).__name__}: {error}") from error
            found.extend(rules_in_pack(submodule))
    return found


@functools.lru_cache(maxsize=1)
def _installed_entry_points() -> tuple:
    from importlib.metadata import entry_points

    return tuple(entry_points(group=ENTRY_POINT_GROUP))


def _entry_points():
    """The installed packs. Finding them reads every installed distribution's metadata, so
    that is done once per process (tests replace this function to fake packs)."""
    return _installed_entry_points()


def _pack_label(entry_point) -> str:
    """How a failing installed pack is named: its entry point, module and distribution (whose
    metadata is read only then)."""
    dist = getattr(entry_point, "dist", None)
    try:
        installed_by = f", installed by {dist.name} {dist.version}" if dist is not None else ""
    except Exception:
        installed_by = ""
    return f"'{entry_point.name}' (module {entry_point.value}{installed_by})"


def load_rules(
    *,
    rules_dirs: Iterable[str | Path] = (),
    packs: Iterable[str] = (),
    entry_points: bool = True,
    plugins: Iterable[Path] = (),
    plugins_root: Path | None = None,
) -> RuleSet:
    """Load the built-in pack, installed packs (entry points), named packs, a config's ``plugins``
    (whose modules must resolve inside ``plugins_root``) and local folders (``rules_dirs``)."""
    rule_set = RuleSet()
    loaded_packs: set[str] = set()
    pack_names: list[tuple[str, object]] = [(BUILTIN_PACK, None)]  # (module, its entry point if installed)
    if entry_points:
        for entry_point in sorted(_entry_points(), key=lambda ep: ep.value):
            pack_names.append((entry_point.value, entry_point))
    pack_names.extend((pack, None) for pack in packs)
    for pack, entry_point in pack_names:
        if pack in loaded_packs:
            continue
        loaded_packs.add(pack)
        try:
            module = importlib.import_module(pack)
        except (Exception, SystemExit) as error:  # SystemExit: a pack calling sys.exit() on import
            label = _pack_label(entry_point) if entry_point is not None else f"'{pack}'"
            raise PluginError(f"cannot import rule pack {label}: {type(error).__name__}: {error}") from error
        for rule in rules_in_pack(module):
            rule_set.add(rule)
    for directory in plugins:
        for rule in load_rules_dir(Path(directory), root=plugins_root):
            rule_set.add(rule)
    for folder in rules_dirs:
        for rule in load_rules_dir(Path(folder)):
            rule_set.add(rule)
    return rule_set


def load_rules_dir(directory: Path, *, root: Path | None = None) -> list[Rule]:
    """Import every ``*.py`` module of a folder (not recursively) and collect its rules.

    With ``root``, a module that resolves outside it (a committed link) is refused, not imported.
    """
    from orglint.boundary import resolves_within

    if not directory.is_dir():
        raise PluginError(f"rules folder {directory} does not exist or is not a folder")
    found: list[Rule] = []
    for path in sorted(directory.glob("*.py")):
        if path.name.startswith("_"):
            continue
        if root is not None and not resolves_within(path, root):
            raise PluginError(f"rule module {path} leads outside the repository; orglint does not import it")
        module_name = f"orglint_local_rules.{_safe_identifier(directory)}.{path.stem}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None or spec.loader is None:
            raise PluginError(f"cannot load rule module {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except (Exception, SystemExit) as error:
            sys.modules.pop(module_name, None)
            raise PluginError(f"cannot import rule module {path}: {type(error).__name__}: {error}") from error
        found.extend(rules_in_module(module))
    return found


def _safe_identifier(directory: Path) -> str:
    text = "".join(ch if ch.isalnum() else "_" for ch in str(directory.resolve()))
    return "d" + text.strip("_")
