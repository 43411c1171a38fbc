"""Read input files into located YAML nodes, safely.

Only the YAML safe subset is parsed: documents are *composed* into nodes (tag,
value, marks) and never *constructed*, so no tag can create an object or run
code. libyaml's C parser is used when PyYAML has it (it also bounds nesting at
1,000 levels); the pure-Python parser is the fallback.

Every problem becomes an input-problem Finding with a file:line:col; nothing
here raises for bad input.
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
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from orglint.boundary import MAX_CHART_BYTES, BoundaryError, LimitExceeded, ensure_within, read_regular_file, trust_root
from orglint.problems import input_problem
from orglint.rule import Finding, Related

try:  # libyaml: an order of magnitude faster than the pure-Python parser
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]

YAML_SUFFIXES = (".yaml", ".yml")
CSV_SUFFIXES = (".csv",)
STDIN = "-"
STDIN_NAME = "<stdin>"

# Safety limits. The alias budget bounds "billion laughs": aliases share nodes
# in the composed tree, so only code that expands them (to_python) can blow up.
MAX_EXPANDED_NODES = 1_000_000
MAX_DEPTH = 1_000
MAX_ALIASED_CHARACTERS = 10_000_000  # of scalars repeated by aliases, per file

_STANDARD_TAG_PREFIX = "tag:yaml.org,2002:"
_SAFE_TAGS = frozenset(
    _STANDARD_TAG_PREFIX + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "binary", "merge", "value")
)
STR_TAG = _STANDARD_TAG_PREFIX + "str"
NULL_TAG = _STANDARD_TAG_PREFIX + "null"
INT_TAG = _STANDARD_TAG_PREFIX + "int"
BOOL_TAG = _STANDARD_TAG_PREFIX + "bool"
FLOAT_TAG = _STANDARD_TAG_PREFIX + "float"
SEQ_TAG = _STANDARD_TAG_PREFIX + "seq"
MAP_TAG = _STANDARD_TAG_PREFIX + "map"


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
            line, column = _line_column(body, error.start)
            message = f"{name} is not UTF-8 text (invalid byte 0x{body[error.start]:02x})"
        else:
            before = body[: error.start].decode(codec, "replace")
            line, column = _line_column(before, len(before))
            message = f"{name} is not valid {label} text (it starts with a {label} byte order mark)"
        return None, input_problem("E007", message, name, line, column)


def _looks_like_utf16(data: bytes) -> bool:
    """Whether ``data`` starts like ASCII text in UTF-16 (every other byte NUL) with no mark to say so."""
    head = data[:64]
    return len(head) >= 8 and any(head) and (not any(head[0::2]) or not any(head[1::2]))


def _line_column(data: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in bytes or text."""
    if isinstance(data, bytes):
        return data.count(b"\n", 0, offset) + 1, offset - data.rfind(b"\n", 0, offset)
    return data.count("\n", 0, offset) + 1, offset - data.rfind("\n", 0, offset)


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
    loader = _YamlLoader(source.text)
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


def yaml_problem(error: BaseException, file: str, text: str | None = None) -> Finding:
    """The input problem for an exception raised while parsing YAML (``text`` locates reader errors)."""
    if isinstance(error, yaml.reader.ReaderError):
        # libyaml's reader reports a character offset, not a line: turn it into one.
        line, column = _line_column(text, max(0, min(error.position, len(text)))) if text is not None else (1, 1)
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        return input_problem("E001", f"invalid YAML: control character {character} is not allowed", file, line, column)
    if isinstance(error, RecursionError):
        return input_problem("E009", f"nesting deeper than {MAX_DEPTH} levels", file)
    if isinstance(error, AliasLimit):
        mark = error.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return input_problem("E009", error.problem or "aliases repeat too much text", file, line, column)
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        message = _yaml_error_message(error)
        code = "E009" if "maximum nesting depth" in message else "E001"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return input_problem(code, message, file, line, column)
    return input_problem("E001", f"invalid YAML: {error}", file)


def _yaml_error_message(error: yaml.MarkedYAMLError) -> str:
    parts = [part for part in (error.context, error.problem) if part]
    message = "; ".join(parts) or "invalid YAML"
    return f"invalid YAML: {message}"


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
    if not text.strip():
        return None, [input_problem("E010", f"{name} is empty", name)]
    return SourceFile(path=name, text=text, kind=kind), []


# --- walking located nodes --------------------------------------------------------------


def position(node: Node) -> tuple[int, int]:
    """1-based (line, column) of a node."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG


def unsafe_tag(node: Node) -> str | None:
    """The node's tag when it is outside the safe subset, else None."""
    tag = node.tag
    if tag in _SAFE_TAGS:
        return None
    return tag


def unsafe_tag_message(node: Node) -> str | None:
    """What to say of a node whose tag is outside the safe subset (None when it is safe)."""
    tag = unsafe_tag(node)
    if tag is None:
        return None
    shown = "!!" + tag[len(_STANDARD_TAG_PREFIX) :] if tag.startswith(_STANDARD_TAG_PREFIX) else tag
    return f"tag {shown} is not allowed (only plain YAML data is read)"


class KeyTracker:
    """The keys of one mapping seen so far; reports a duplicate with both lines.

    The first occurrence of a duplicate key wins and the second is reported,
    so the chart means what its first reader saw.
    """

    __slots__ = ("file", "problems", "seen")

    def __init__(self, file: str, problems: list[Finding]):
        self.file = file
        self.problems = problems
        self.seen: dict[str, Any] = {}  # key -> where it was first written (a PyYAML or libyaml mark)

    def first(self, key: str, key_node: Node) -> bool:
        """True for a key's first occurrence; False (and reported) for a repeat."""
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = key_node.start_mark
            return True
        line, column = position(key_node)
        first_line, first_column = first.line + 1, first.column + 1
        self.problems.append(
            input_problem(
                "E002",
                f"duplicate key '{key}' (first defined on line {first_line})",
                self.file,
                line,
                column,
                related=[Related("first definition", self.file, first_line, first_column)],
            )
        )
        return False


def mapping_items(node: MappingNode, file: str, problems: list[Finding]) -> list[tuple[str, ScalarNode, Node]]:
    """The (key, key node, value node) triples of a mapping, reporting duplicate and non-scalar keys."""
    items: list[tuple[str, ScalarNode, Node]] = []
    keys = KeyTracker(file, problems)
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            line, column = position(key_node)
            problems.append(input_problem("E004", "mapping keys must be plain strings", file, line, column))
            continue
        if keys.first(key_node.value, key_node):
            items.append((key_node.value, key_node, value_node))
    return items


class AliasLimit(ComposerError):
    """Aliases repeat more text than MAX_ALIASED_CHARACTERS (reported as E009, not as bad YAML)."""


class ExpansionLimit(Exception):
    """Raised by to_python when a value expands beyond the safety limits."""


def to_python(node: Node, file: str, problems: list[Finding], budget: list[int] | None = None, depth: int = 0) -> object:
    """Plain Python data for free-form values (x- keys), bounded against alias bombs.

    Scalars stay strings except null, bool and int, which users of x- data expect.
    """
    if budget is None:
        budget = [MAX_EXPANDED_NODES]
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        raise ExpansionLimit()
    if isinstance(node, ScalarNode):
        tag = node.tag
        if tag == NULL_TAG:
            return None
        if tag == BOOL_TAG:
            return node.value.lower() in ("true", "yes", "on", "y")
        if tag == INT_TAG:
            try:
                return int(node.value.replace("_", ""), 0)
            except ValueError:
                return node.value
        return node.value
    if isinstance(node, SequenceNode):
        return [to_python(item, file, problems, budget, depth + 1) for item in node.value]
    if isinstance(node, MappingNode):
        result: dict[str, object] = {}
        for key, _key_node, value_node in mapping_items(node, file, problems):
            result[key] = to_python(value_node, file, problems, budget, depth + 1)
        return result
    return None  # pragma: no cover - the composer makes no other nodes


# First characters for which YAML 1.1 may read a plain scalar as something else than a string.
_RESOLVED_FIRST_CHARS = frozenset(_YamlLoader.yaml_implicit_resolvers)
_PLAIN_TAG_CACHE_LIMIT = 100_000
_plain_tags: dict[str, str] = {}
_resolver: yaml.resolver.BaseResolver | None = None


def plain_tag(value: str) -> str:
    """The tag YAML 1.1 gives a plain (unquoted, untagged) scalar: str, null, bool, int, float, timestamp."""
    global _resolver
    if value[:1] not in _RESOLVED_FIRST_CHARS:
        return STR_TAG  # most plain scalars: names, ids, titles
    tag = _plain_tags.get(value)
    if tag is None:
        if _resolver is None:
            _resolver = yaml.resolver.Resolver()
        tag = _resolver.resolve(ScalarNode, value, (True, False))
        if len(_plain_tags) < _PLAIN_TAG_CACHE_LIMIT:
            _plain_tags[value] = tag
    return tag


# libyaml's events are read by attribute (value, anchor, tag, style, marks) after their class is
# checked by identity (`type(event) is ScalarEvent`, the fast test), which mypy does not narrow,
# and the stubs type get_event() as optional though it never ends inside a document: events are Any.
YamlEvent = Any


class EventStream:
    """libyaml's event stream, with any subtree composed into nodes on demand.

    The native importer reads the common shapes (entries of scalar fields)
    straight from events, several times cheaper than composing every node,
    and asks for nodes only for the rest: aliases, nested values, x- data.
    Composition here follows PyYAML's composer (tags resolved the same way).
    """

    def __init__(self, text: str):
        self._parser = _YamlLoader(text)
        self.next: Callable[[], YamlEvent] = self._parser.get_event
        self._anchors: dict[str, Node] = {}
        self._aliased_characters = 0

    def close(self) -> None:
        self._parser.dispose()

    def scalar_tag(self, event: YamlEvent) -> str:
        """The resolved tag of a scalar event (plain scalars by YAML 1.1's implicit rules)."""
        tag = event.tag
        if tag is not None and tag != "!":
            return tag
        if not event.implicit[0]:
            return STR_TAG
        return plain_tag(event.value)

    def remember(self, event: YamlEvent, node: Node) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._anchors[anchor] = node

    def compose(self, event: YamlEvent) -> Node:
        """The node of the subtree that starts with ``event`` (already taken from the stream).

        Iterative, so that nesting as deep as libyaml allows cannot exhaust
        Python's stack.
        """
        stack: list[list] = []  # open collections: [node, key waiting for its value]
        current = event
        while True:
            kind = type(current)
            if kind is ScalarEvent:
                node: Node = ScalarNode(
                    self.scalar_tag(current), current.value, current.start_mark, current.end_mark, style=current.style
                )
                self.remember(current, node)
            elif kind is AliasEvent:
                found = self._anchors.get(current.anchor)
                if found is None:
                    raise ComposerError(None, None, f"found undefined alias '{current.anchor}'", current.start_mark)
                if type(found) is ScalarNode:
                    # A long text repeated by aliases lands in one message per use: bound it.
                    self._aliased_characters += len(found.value)
                    if self._aliased_characters > MAX_ALIASED_CHARACTERS:
                        raise AliasLimit(
                            None,
                            None,
                            f"aliases repeat more than {MAX_ALIASED_CHARACTERS:,} characters of text (a safety limit)",
                            current.start_mark,
                        )
                node = found
            elif kind is SequenceStartEvent or kind is MappingStartEvent:
                explicit = current.tag if current.tag not in (None, "!") else None
                if kind is SequenceStartEvent:
                    opened: Node = SequenceNode(explicit or SEQ_TAG, [], current.start_mark, None, flow_style=current.flow_style)
                else:
                    opened = MappingNode(explicit or MAP_TAG, [], current.start_mark, None, flow_style=current.flow_style)
                self.remember(current, opened)
                stack.append([opened, None])
                current = self.next()
                continue
            elif kind is SequenceEndEvent or kind is MappingEndEvent:
                node = stack.pop()[0]
                node.end_mark = current.end_mark
            else:  # pragma: no cover - libyaml emits no other event inside a document
                raise ComposerError(None, None, f"unexpected {kind.__name__}", current.start_mark)
            if not stack:
                return node
            top = stack[-1]
            parent = top[0]
            if type(parent) is SequenceNode:
                parent.value.append(node)
            elif top[1] is None:
                top[1] = node
            else:
                parent.value.append((top[1], node))
                top[1] = None
            current = self.next()
