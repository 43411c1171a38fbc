"""The repository boundary: which files repository content may make orglint read.

The command line and the CI workflow are the user's and are trusted; every file of
the checked-out repository is not (SECURITY.md). So a path that repository content
names or is (a config's ``extends``, ``baseline`` or ``plugins``, a chart found by
walking a folder, a symbolic link) must resolve inside the repository it came from,
and only regular files are read, up to a size limit. Messages about such paths name
the path as written, never what it points at or holds.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB

# Limits per kind of file: far above any real one, low enough that a hostile file cannot
# exhaust memory (a million-person chart is about 250 MB).
MAX_CONFIG_BYTES = 4 * MIB
MAX_BASELINE_BYTES = 256 * MIB
MAX_CHART_BYTES = 2 * GIB


class BoundaryError(Exception):
    """A file repository content named that orglint will not read; the message is safe to show."""


class LimitExceeded(BoundaryError):
    """The file is larger than its size limit (a safety limit, not a reading error)."""


def repository_root(start: Path | str) -> Path | None:
    """The nearest folder at or above ``start`` holding ``.git`` (a folder, or a file for worktrees).

    The walk is lexical (``start`` made absolute, symbolic links not followed), so a
    committed link to a folder elsewhere still belongs to the repository that holds the link.
    """
    current = Path(os.path.abspath(start))
    for folder in (current, *current.parents):
        try:
            if os.path.lexists(folder / ".git"):
                return folder
        except OSError:
            return None
    return None


def trust_root(path: Path | str, cwd: Path | str | None = None) -> Path:
    """The folder that files reached from ``path`` may not leave.

    The git repository holding ``path``; with none, the working folder when ``path`` lies
    below it, else the folder the user named (or the folder of the file they named).
    """
    absolute = Path(os.path.abspath(path))
    root = repository_root(absolute)
    if root is not None:
        return root
    working = Path(os.path.abspath(cwd if cwd is not None else os.getcwd()))
    if is_within(absolute, working):
        return working
    return absolute if os.path.isdir(absolute) else absolute.parent


def is_within(path: Path | str, folder: Path | str) -> bool:
    """Whether ``path`` is ``folder`` or below it, compared as written (no links followed)."""
    path_text, folder_text = os.path.abspath(path), os.path.abspath(folder)
    return path_text == folder_text or path_text.startswith(folder_text.rstrip(os.sep) + os.sep)


def resolves_within(path: Path | str, root: Path | str) -> bool:
    """Whether ``path``, every symbolic link followed, lands at or below ``root`` (links followed too)."""
    try:
        return is_within(os.path.realpath(path), os.path.realpath(root))
    except (OSError, ValueError):
        return False


def ensure_within(path: Path | str, root: Path | str, shown: str, verb: str = "read") -> None:
    """Raise BoundaryError unless ``path`` resolves inside ``root``; ``shown`` names it in the message
    (``verb``: what orglint does not do with it, "read" or "load")."""
    if not resolves_within(path, root):
        raise BoundaryError(f"{shown} leads outside the repository ({_root_name(root)}); orglint does not {verb} it")


def read_regular_file(path: Path | str, limit: int, shown: str) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes; else BoundaryError.

    Device nodes (/dev/zero), FIFOs and sockets are refused without blocking; the check is
    made on the opened file, so the path cannot be swapped between the check and the read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise BoundaryError(f"{shown} is not a regular file ({_file_kind(info.st_mode)}); orglint reads only regular files")
        if info.st_size > limit:
            raise LimitExceeded(f"{shown} is larger than {_size(limit)}; orglint does not read it")
        chunks = []
        remaining = limit + 1
        # The whole file in one read (one buffer, no copy when joined); more only if it grew.
        wanted = info.st_size + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, wanted))
            wanted = 16 * MIB
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(descriptor)
    if len(data) > limit:  # it grew while we read
        raise LimitExceeded(f"{shown} is larger than {_size(limit)}; orglint does not read it")
    return data


def ensure_named_within(path: Path | str, shown: str, cwd: Path | str | None = None) -> None:
    """For a path the command line names (trusted as written): refuse it only when it lies in a
    repository, or below the working folder, as written, yet resolves outside it; that is, when a
    link committed there leads out (``--baseline b.json`` with ``b.json -> /etc/shadow``)."""
    absolute = os.path.abspath(path)
    root = repository_root(absolute)
    if root is None:
        working = os.path.abspath(cwd if cwd is not None else os.getcwd())
        root = Path(working) if is_within(absolute, working) else None
    if root is not None:
        ensure_within(path, root, shown)


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "a special file"


def _root_name(root: Path | str) -> str:
    try:
        relative = Path(os.path.abspath(root)).relative_to(Path(os.path.abspath(os.getcwd())))
        return relative.as_posix() if str(relative) != "." else "the current folder"
    except (ValueError, OSError):
        return Path(root).name or str(root)


def _size(limit: int) -> str:
    for unit, size in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
        if limit >= size and limit % size == 0:
            return f"{limit // size} {unit}"
    return f"{limit} bytes"
