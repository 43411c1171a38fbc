"""What a config file says: the keys, presets, and the validated layers of a config (:class:`Config`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orglint.model import shown

if TYPE_CHECKING:  # pragma: no cover
    from orglint.loader import Exclusion
from orglint.config.globs import _file_matcher

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
