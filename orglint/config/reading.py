"""Reading a config file (YAML or a ``[tool.orglint]`` table) with the line of every key, safely."""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orglint.boundary import (
    MAX_CONFIG_BYTES,
    BoundaryError,
    ensure_within,
    read_regular_file,
)
from orglint.model import shown

if TYPE_CHECKING:  # pragma: no cover
    pass
from orglint.config.model import MAX_CONFIG_VALUES, PYPROJECT, ConfigError, _quote

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


def _is_kind(path: Path, kind: str) -> bool:
    """Whether ``path`` is a file (or a folder); a name the system refuses (too long) is neither."""
    try:
        return path.is_file() if kind == "file" else path.is_dir()
    except OSError:
        return False
