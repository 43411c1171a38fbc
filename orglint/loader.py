"""Read input files, safely: which files (folders walked, exclusions, the repository's
boundary), their bytes (regular files only, bounded) and their text (UTF-8, or what a byte
order mark announces).

The YAML in them is read by the importers, through orglint.yaml_safe. Every
problem becomes an input-problem Finding with a file:line:col; nothing here
raises for bad input.
"""

from __future__ import annotations

import codecs
import gc
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import Node

from orglint.boundary import MAX_CHART_BYTES, BoundaryError, LimitExceeded, ensure_within, read_regular_file, trust_root
from orglint.problems import input_problem
from orglint.rule import Finding
from orglint.yaml_safe import SafeLoader, line_column, yaml_problem

YAML_SUFFIXES = (".yaml", ".yml")
CSV_SUFFIXES = (".csv",)
STDIN = "-"
STDIN_NAME = "<stdin>"


class SourceFile:
    """One input file: its display path, its text, and (for YAML) its documents, composed on demand.

    Large native charts are read straight from libyaml's event stream
    (orglint.importers.native) and never composed; ``documents`` composes a
    file only for the code that wants nodes (Backstage catalogs, suppression
    comments). Problems met while parsing are kept in ``parse_problems``.
    """

    __slots__ = ("_documents", "_lines", "kind", "parse_problems", "path", "text")

    def __init__(self, path: str, text: str, kind: str = "yaml", documents: list[Node] | None = None):
        self.path = path
        self.text = text
        self.kind = kind  # "yaml" or "csv"
        self._documents = documents
        self.parse_problems: list[Finding] = []
        self._lines: list[str] | None = None

    @property
    def documents(self) -> list[Node]:
        if self._documents is None:
            self._documents = [] if self.parse_problems else compose_documents(self)
        return self._documents

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines

    def __repr__(self) -> str:
        return f"<SourceFile {self.path}>"


@dataclass
class LoadResult:
    files: list[SourceFile]
    problems: list[Finding]


# Folders a walk skips unless the config says ``default-exclude: false``: installed or
# generated code that may hold YAML, never the chart. Hidden files and folders (.git,
# .github, .venv, .tox) are never walked.
VENDORED_FOLDERS = frozenset({"node_modules", "venv", "vendor", "__pycache__", "site-packages"})


@dataclass(frozen=True)
class Exclusion:
    """What a folder walk leaves out: the vendored folders (``vendored``) and whatever one of
    ``matchers`` matches (the ``exclude`` globs, given a path as displayed, before escaping).

    Paths named on the command line are never excluded, only what is found inside folders.
    """

    matchers: tuple[Callable[[str], bool], ...] = ()
    vendored: bool = True

    def skips(self, name: str, path: str, *, folder: bool) -> bool:
        if folder and self.vendored and name in VENDORED_FOLDERS:
            return True
        return any(match(path) for match in self.matchers)


DEFAULT_EXCLUSION = Exclusion()

# What a file name may not show as it is: control characters (ESC starts terminal sequences,
# a line break forges a log line), zero-width and bidi characters (they hide or reorder text),
# and lone surrogates, which is how Python keeps the bytes of a name that is not UTF-8.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown_name(name: str) -> str:
    """A file name fit for any output: ``x\\xff.yaml`` for the byte 0xff that is not UTF-8,
    ``\\x1b``, ``\\n`` or ``\\u202e`` for control, line-break and invisible characters."""
    return _UNSHOWABLE.sub(_escape_character, name) if _UNSHOWABLE.search(name) else name


def _escape_character(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by os.fsdecode's surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return _NAMED_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def display_path(path: Path | str) -> str:
    """The path as users want to read it, relative to the current directory when below it, and
    escaped (:func:`shown_name`) so that any output can carry it."""
    return shown_name(_relative_path(path))


def _relative_path(path: Path | str, cwd: str | None = None) -> str:
    """``path`` relative to the current directory (or ``cwd``) when below it, else as given; '/'-separated, unescaped."""
    # Made absolute without resolving symbolic links: a link loop must not stop us naming it.
    # Plain string operations: a folder of 100,000 files is named 100,000 times.
    try:
        absolute = os.path.abspath(path)
        folder = cwd if cwd is not None else os.path.abspath(os.getcwd())
    except (ValueError, OSError):
        return Path(path).as_posix()
    if absolute == folder:
        return "."
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    if not absolute.startswith(prefix):
        return Path(path).as_posix()
    relative = absolute[len(prefix) :]
    return relative.replace(os.sep, "/") if os.sep != "/" else relative


def expand_paths(
    paths: list[str], stdin_name: str | None = None, exclusion: Exclusion = DEFAULT_EXCLUSION
) -> tuple[list[tuple[str, Path | None]], list[Finding]]:
    """Turn command-line paths into (display name, path) pairs; None path means stdin (shown as
    ``stdin_name``, else ``<stdin>``).

    Directories are walked (:func:`_walk_chart_files`) without following symbolic links to
    directories, leaving out what ``exclusion`` excludes; their YAML and CSV files are taken in
    sorted order. A path that leads outside the folder the user named it from (its repository,
    see :func:`orglint.boundary.trust_root`), such as a committed link to ``/etc/passwd``, is
    refused with an E006 located at the path, never read.
    """
    found: list[tuple[str, Path | None]] = []
    problems: list[Finding] = []
    seen: set[str] = set()  # absolute paths: two files whose escaped names look alike are both read

    def add(path: Path) -> None:
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            found.append((display_path(path), path))

    for raw in paths:
        if raw == STDIN:
            found.append((shown_name(stdin_name or STDIN_NAME), None))
            continue
        path = Path(raw)
        shown_raw = shown_name(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as error:
            problems.append(input_problem("E006", f"cannot read {shown_raw}: {error.strerror or error}", shown_raw))
            continue
        if not exists:
            problems.append(input_problem("E006", f"{shown_raw}: no such file or directory", shown_raw))
            continue
        root = _trust_root(path)
        refused = _outside(path, root)
        if refused is not None:
            problems.append(refused)
            continue
        if not is_dir:
            add(path)
            continue
        members, excluded, walk_problems = _walk_chart_files(path, exclusion)
        problems.extend(walk_problems)
        if not members and not walk_problems:
            shown = display_path(path)
            note = f"; {excluded} excluded (exclude settings, vendored folders)" if excluded else ""
            problems.append(
                input_problem("E010", f"{shown}: directory holds no org chart files (*.yaml, *.yml, *.csv){note}", shown)
            )
        for member in sorted(members):
            # The walk follows no link to a folder, so only a member itself can be a link.
            refused = _outside(member, root) if member.is_symlink() else None
            if refused is not None:
                problems.append(refused)
            else:
                add(member)
    return found, problems


def _trust_root(path: Path) -> Path:
    try:
        return trust_root(path)
    except OSError:  # no current directory: the folder named is the boundary
        absolute = Path(os.path.abspath(path))
        return absolute if absolute.is_dir() else absolute.parent


def _outside(path: Path, root: Path) -> Finding | None:
    """The E006 refusing ``path`` when it resolves outside ``root``; None when it stays inside."""
    shown = display_path(path)
    try:
        ensure_within(path, root, shown)
    except BoundaryError as error:
        return input_problem("E006", str(error), shown)
    return None


def _walk_chart_files(directory: Path, exclusion: Exclusion) -> tuple[list[Path], int, list[Finding]]:
    """The chart files below ``directory`` (unsorted), how many entries ``exclusion`` left out,
    and the folders that could not be read.

    Iterative, so that a folder nested thousands deep cannot exhaust the stack. Symbolic
    links to folders are not followed (a link loop cannot trap us); hidden files and folders
    (.git, .github) are skipped: they hold CI config, not the chart.
    """
    files: list[Path] = []
    problems: list[Finding] = []
    excluded = 0
    cwd = os.path.abspath(os.getcwd()) if exclusion.matchers else None
    pending = [os.fspath(directory)]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as error:
            shown = display_path(folder)
            problems.append(input_problem("E006", f"cannot read the folder {shown}: {error.strerror or error}", shown))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
                is_chart = not is_folder and name.lower().endswith(YAML_SUFFIXES + CSV_SUFFIXES)
                if is_chart and entry.is_symlink() and entry.is_dir():
                    continue  # a link to a folder, named like a chart: not followed
            except OSError:
                is_folder = False
                is_chart = name.lower().endswith(YAML_SUFFIXES + CSV_SUFFIXES)
            if not (is_folder or is_chart):
                continue
            if exclusion.skips(name, _relative_path(entry.path, cwd) if cwd else "", folder=is_folder):
                excluded += 1
            elif is_folder:
                pending.append(entry.path)
            else:
                files.append(Path(entry.path))
    return files, excluded, problems


# Byte order marks, and the encoding each announces. UTF-32 LE's mark begins with UTF-16 LE's,
# so it is looked for first.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "UTF-32", "utf-32-be"),
    (codecs.BOM_UTF8, "UTF-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "UTF-16", "utf-16-be"),
)


def read_text(name: str, path: Path | None) -> tuple[str | None, Finding | None]:
    """Read and decode one input; a problem instead of text when that fails.

    Only regular files are read, up to MAX_CHART_BYTES: a link to /dev/zero or a FIFO is
    refused without blocking. Standard input is the user's own and is read as it comes.
    """
    try:
        data = sys.stdin.buffer.read() if path is None else read_regular_file(path, MAX_CHART_BYTES, name)
    except LimitExceeded as error:
        return None, input_problem("E009", str(error), name)
    except BoundaryError as error:
        return None, input_problem("E006", str(error), name)
    except OSError as error:
        reason = error.strerror or str(error)
        return None, input_problem("E006", f"cannot read {name}: {reason}", name)
    return decode(name, data)


def decode(name: str, data: bytes) -> tuple[str | None, Finding | None]:
    """The text of a file's bytes: UTF-8, or the UTF-16 or UTF-32 that a byte order mark announces
    (Excel's "Unicode Text" is UTF-16 LE); a problem for binary or undecodable data."""
    label, codec, body = "UTF-8", "utf-8", data
    for mark, mark_label, mark_codec in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            label, codec, body = mark_label, mark_codec, data[len(mark) :]
            break
    if codec == "utf-8" and b"\x00" in body[:8192]:  # UTF-16 and UTF-32 text is full of NUL bytes
        if _looks_like_utf16(body):
            message = f"{name} looks like UTF-16 text without a byte order mark; save it as UTF-8 (or with the mark)"
            return None, input_problem("E007", message, name)
        return None, input_problem("E007", f"{name} is a binary file, not an org chart", name)
    try:
        return body.decode(codec), None
    except UnicodeDecodeError as error:
        if codec == "utf-8":
            line, column = line_column(body, error.start)
            message = f"{name} is not UTF-8 text (invalid byte 0x{body[error.start]:02x})"
        else:
            before = body[: error.start].decode(codec, "replace")
            line, column = line_column(before, len(before))
            message = f"{name} is not valid {label} text (it starts with a {label} byte order mark)"
        return None, input_problem("E007", message, name, line, column)


def _looks_like_utf16(data: bytes) -> bool:
    """Whether ``data`` starts like ASCII text in UTF-16 (every other byte NUL) with no mark to say so."""
    head = data[:64]
    return len(head) >= 8 and any(head) and (not any(head[0::2]) or not any(head[1::2]))


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a whole lint run.

    An org chart becomes millions of small objects (YAML nodes, people, index
    entries) that form no reference cycles; with the collector on, every
    generation-2 pass rescans all of them, which triples the time of a large
    chart. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Everything allocated meanwhile sits in the youngest generation: without
            # freezing it, the first collection after enable() would scan it all at once.
            gc.freeze()
            gc.enable()


def compose_documents(source: SourceFile) -> list[Node]:
    """Compose the documents of a YAML source; problems go to ``source.parse_problems``."""
    loader = SafeLoader(source.text)
    documents: list[Node] = []
    try:
        while loader.check_node():
            document = loader.get_node()
            if document is not None:
                documents.append(document)
    except (yaml.YAMLError, RecursionError) as error:
        source.parse_problems.append(yaml_problem(error, source.path, source.text))
        return []
    finally:
        loader.dispose()
    return documents


def load(paths: list[str], stdin_name: str | None = None, exclusion: Exclusion = DEFAULT_EXCLUSION) -> LoadResult:
    """Read every input path (``-`` is standard input, called ``stdin_name``; folders walked
    leaving out what ``exclusion`` excludes); YAML is composed, CSV kept as text for its importer."""
    with paused_gc():
        return _load(paths, stdin_name, exclusion)


def _load(paths: list[str], stdin_name: str | None, exclusion: Exclusion) -> LoadResult:
    named, problems = expand_paths(paths, stdin_name, exclusion)
    files: list[SourceFile] = []
    for name, path in named:
        text, problem = read_text(name, path)
        if problem:
            problems.append(problem)
            continue
        assert text is not None
        source, found = parse_source(name, text)
        problems.extend(found)
        if source is not None:
            files.append(source)
    return LoadResult(files=files, problems=problems)


def parse_source(name: str, text: str) -> tuple[SourceFile | None, list[Finding]]:
    """A SourceFile for text read from ``name``, or the problem that stops it being read.

    YAML is parsed later, by the importer that reads the file, so that a large
    chart is parsed once, as a stream.
    """
    kind = "csv" if name.lower().endswith(CSV_SUFFIXES) else "yaml"
    if not text or text.isspace():  # not text.strip(): that copies a chart of hundreds of megabytes
        return None, [input_problem("E010", f"{name} is empty", name)]
    return SourceFile(path=name, text=text, kind=kind), []
