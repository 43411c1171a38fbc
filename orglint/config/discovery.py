"""Finding the config that applies to a folder, without leaving the repository."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from orglint.boundary import (
    MAX_CONFIG_BYTES,
    BoundaryError,
    is_within,
    read_regular_file,
    repository_root,
)

if TYPE_CHECKING:  # pragma: no cover
    pass
from orglint.config.layers import load_config
from orglint.config.model import CONFIG_FILES, PYPROJECT, Config, ConfigError
from orglint.config.reading import _display


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
