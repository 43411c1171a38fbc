"""Writing files safely: atomically, never over an input, never replacing what is not a plain file.

Every command that writes (``--output``, ``--write-baseline``, ``convert -o``, ``init``,
``schema -o``) goes through :func:`write_output`:

- a target that is one of the inputs (however spelled: relative, absolute, through a link, a hard
  link, a file that could not be decoded, the name given by ``--stdin-filename``) is refused, with or
  without ``--force``;
- a regular file (or a new one) is replaced atomically: the text goes to an unnamed temporary file
  in the same folder (``O_TMPFILE``, so a killed run leaves nothing behind), which is given a name
  and renamed over the target only once complete;
- a device, a FIFO or a socket (``/dev/stdout``, ``/dev/null``, a pipe) is written through, never
  replaced by a regular file;
- a symbolic link is never replaced: what it names is written (as above). A link inside the
  repository (or, outside any, the working folder) must lead to a file inside it, since a committed
  link must not make orglint overwrite a file or a device elsewhere; a link outside it
  (``/dev/stdout``) is the user's own and is followed.
"""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from orglint.boundary import is_within, repository_root, resolves_within


class WriteRefused(Exception):
    """A target orglint will not write; the message says why and what to do instead."""


def write_output(target: Path | str, text: str, inputs: Iterable[Path] = ()) -> None:
    """Write ``text`` to ``target`` as the module docstring describes; WriteRefused or OSError."""
    path = Path(target)
    refuse_inputs(path, inputs)
    if os.path.islink(path):
        root = _content_root(path)
        if root is not None and not resolves_within(path, root):
            raise WriteRefused(f"{path} is a link leading outside the repository; orglint does not write through it")
    try:
        info = os.stat(path)  # links followed
    except FileNotFoundError:
        if os.path.islink(path):
            raise WriteRefused(f"{path} is a link to a missing file; orglint does not write through it") from None
        info = None
    except OSError as error:
        raise WriteRefused(f"cannot write {path}: {error.strerror or error}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteRefused(f"{path} is a directory; give a file name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(path, text)
    else:
        atomic_write(Path(os.path.realpath(path)) if os.path.islink(path) else path, text)


def _content_root(path: Path) -> Path | None:
    """The repository (or, outside any, the working folder) a path belongs to, when it lies in one:
    a link there may be a stranger's; a link elsewhere (``/dev/stdout``) is the user's own."""
    root = repository_root(path)
    if root is not None:
        return root
    working = Path(os.path.abspath(os.getcwd()))
    return working if is_within(path, working) else None


def refuse_inputs(target: Path, inputs: Iterable[Path]) -> None:
    """WriteRefused when ``target`` is one of ``inputs`` (compared by device and inode where it exists)."""
    for path in inputs:
        if same_file(path, target):
            raise WriteRefused(f"{target} is one of the inputs; orglint never writes to its inputs (choose another file)")


def input_paths(paths: Iterable[str], stdin_filename: str | None = None) -> list[Path]:
    """Every file the command reads or was told about: the files named and those found in the folders
    named (whether or not they can be decoded), and the file ``--stdin-filename`` names."""
    from orglint.loader import expand_paths

    named = [raw for raw in paths if raw != "-"]
    found, _problems = expand_paths(named) if named else ([], [])
    inputs = [path for _name, path in found if path is not None]
    inputs += [Path(raw) for raw in named]
    if stdin_filename:
        inputs.append(Path(stdin_filename))
    return inputs


def atomic_write(path: Path | str, text: str) -> None:
    """Write ``text`` to the regular file ``path`` through a temporary file in the same folder and a rename.

    Readers see the old file or the new one, never a partial write; a failure leaves the old file
    untouched. Raises OSError (callers turn it into a message).
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    data = text.encode("utf-8", "surrogateescape")
    mode = (target.stat().st_mode & 0o7777) if target.exists() else 0o644  # keep what users gave the file
    temporary = _write_temporary(directory, target.name, data, mode)
    try:
        os.replace(temporary, target)
    except BaseException:
        _remove_quietly(temporary)
        raise


def _write_temporary(directory: Path, name: str, data: bytes, mode: int) -> str:
    """A complete file in ``directory`` holding ``data``, under a hidden temporary name.

    Where the system has unnamed files (Linux's O_TMPFILE), the file gets its name only once
    written, so a run killed meanwhile leaves nothing behind; elsewhere (and on file systems such
    as overlayfs, which cannot name such a file) a named temporary file is removed on failure.
    """
    descriptor = _unnamed_file(directory)
    if descriptor is not None:
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
            os.fchmod(descriptor, mode)
            temporary = str(directory / f".{name}.{secrets.token_hex(6)}.tmp")
            os.link(f"/proc/self/fd/{descriptor}", temporary, follow_symlinks=True)
            return temporary
        except OSError:
            pass  # fall back to a named temporary file
        finally:
            os.close(descriptor)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    try:
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
            os.fchmod(descriptor, mode)
        finally:
            os.close(descriptor)
    except BaseException:
        _remove_quietly(temporary)
        raise
    return temporary


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # already gone, or never made: nothing to clean up


def _unnamed_file(directory: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(directory, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:
        return None


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _write_through(path: Path, text: str) -> None:
    """Write into a device, FIFO or socket as it is (no temporary file, no rename)."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        _write_all(descriptor, text.encode("utf-8", "surrogateescape"))
    finally:
        os.close(descriptor)


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through links, ``..`` and the like); a missing file is no input."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        try:
            return a.resolve() == b.resolve()
        except (OSError, RuntimeError):  # a symbolic link loop
            return False
