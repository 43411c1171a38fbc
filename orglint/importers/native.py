"""Importer for orglint's own format, version 1 (docs/format.md; its fields: orglint.fields).

Walks the composed YAML nodes of each file and builds the Org, recording the
line and column of every entry and field. Every problem in the input is
reported, not only the first: a bad field is skipped and the walk goes on.
"""

from __future__ import annotations

import bisect
import functools
import marshal
from collections.abc import Callable, Iterator
from typing import Any

import yaml
from yaml.events import (
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from orglint import fields
from orglint.fields import FORMAT_VERSION, ORG_KEYS, TOP_LEVEL_KEYS, VOCABULARIES, kinds
from orglint.fields import SINGULAR as _SINGULAR
from orglint.importers import parallel, plain_lists
from orglint.loader import STDIN_NAME, SourceFile
from orglint.model import Entity, Org, Person, Product, Unit, shown
from orglint.problems import did_you_mean, input_problem
from orglint.rule import Finding, Related
from orglint.yaml_safe import (
    INT_TAG,
    MAP_TAG,
    MAX_EXPANDED_NODES,
    NULL_TAG,
    STR_TAG,
    Events,
    EventStream,
    ExpansionLimit,
    KeyTracker,
    NodeEvents,
    YamlEvent,
    is_null,
    mapping_items,
    position,
    to_python,
    unsafe_tag_message,
    yaml_problem,
)

# The importer's tables, derived from the one declaration of the format's fields (orglint.fields):
# field name -> kind ("id", "ids", "text", "texts", "enum:<vocabulary>", "enums:<vocabulary>").
PERSON_FIELDS = kinds(fields.PERSON)
UNIT_FIELDS = kinds(fields.UNIT)
PRODUCT_FIELDS = kinds(fields.PRODUCT)
_ENTITY_CLASSES: dict[str, type[Entity]] = {"people": Person, "units": Unit, "products": Product}
SECTIONS: dict[str, tuple[type[Entity], dict[str, str]]] = {
    section: (_ENTITY_CLASSES[section], kinds(section_fields)) for section, section_fields in fields.SECTIONS.items()
}


def is_native(source: SourceFile) -> bool:
    """Every YAML file that no other importer claims is read as native."""
    return source.kind == "yaml"


class _Builder:
    """Walks one file's nodes into the Org, collecting problems."""

    def __init__(
        self,
        org: Org,
        source: SourceFile,
        problems: list[Finding],
        org_defined_in: list[SourceFile],
        root_section: str | None = None,
    ):
        self.org = org
        self.file = source.path
        self.source = source
        self.problems = problems
        self.org_defined_in = org_defined_in
        # One expansion budget per file, so many x- keys aliasing one bomb stay bounded too.
        self.expansion_budget = [MAX_EXPANDED_NODES]
        self.pending: list = []  # entities read so far; added to the Org once the file parsed
        self.root_section = root_section  # set when the text is one chunk of that section's list
        self.unsupported_version = False

    # -- problems ---------------------------------------------------------------------------

    def problem(self, code: str, message: str, node: Node, **extra) -> None:
        line, column = position(node)
        self.problem_at(code, message, line, column, **extra)

    def problem_at(self, code: str, message: str, line: int, column: int, **extra) -> None:
        self.problems.append(input_problem(code, message, self.file, line, column, **extra))

    def wrong_type(self, what: str, expected: str, node: Node, hint: str = "") -> None:
        self.problem("E004", f"{what} must be {expected}, not {_node_kind(node)}{hint}", node)

    def check_tag(self, node: Node) -> bool:
        message = unsafe_tag_message(node)
        if message is None:
            return True
        self.problem("E008", message, node)
        return False

    # -- the file ---------------------------------------------------------------------------

    def build(self) -> None:
        """Read the file and add its entries to the Org; a file that does not parse adds nothing."""
        self.read()
        for entity in self.pending:
            self.org.add(entity)

    def read(self) -> bool:
        """Read the file from libyaml's event stream into ``pending``; False when it does not parse."""
        stream = EventStream(self.source.text)
        try:
            self.read_stream(stream)
        except (yaml.YAMLError, RecursionError) as error:
            problem = yaml_problem(error, self.file, self.source.text)
            self.source.parse_problems.append(problem)
            self.problems.append(problem)
            self.pending.clear()
            return False
        finally:
            stream.close()
        return not self.source.parse_problems

    def read_stream(self, stream: EventStream) -> None:
        next_event = stream.next
        next_event()  # StreamStartEvent
        root_read = extra_document_reported = False
        while type(next_event()) is DocumentStartEvent:
            root = next_event()
            if _is_null_event(stream, root):
                next_event()  # DocumentEndEvent
                continue
            if not root_read:
                root_read = True
                self.read_root(stream, root)
                if self.unsupported_version:
                    return  # a file in another format version is not read any further
            else:
                node = stream.compose(root)
                if not extra_document_reported:
                    extra_document_reported = True
                    self.problem("E001", "an org chart file holds one YAML document, not several", node)
            next_event()  # DocumentEndEvent
        if not root_read:
            problem = input_problem("E010", f"{self.file} holds no YAML content (only comments)", self.file)
            self.source.parse_problems.append(problem)
            self.problems.append(problem)

    def read_root(self, stream: Events, event: YamlEvent) -> None:
        if self.root_section is not None:  # a chunk of one section's list (see parallel.py)
            if not _is_plain_collection(event, SequenceStartEvent):
                raise parallel.WorkerFailed("the chunk is not a plain list")
            self.stream_section(stream, self.root_section, event)
            return
        if not _is_plain_collection(event, MappingStartEvent):
            root = stream.compose(event)
            hint = ""
            if self.file == STDIN_NAME and isinstance(root, ScalarNode) and "," in root.value:
                # Most likely a CSV export piped in: standard input has no file name to tell.
                hint = "; to read CSV from standard input, name it: --stdin-filename export.csv"
            events = self.composed(root, "the top level of an org chart", "a mapping (orglint:, org:, people:, ...)", hint=hint)
            if events is not None:
                self.read_root(events, events.next())
            return
        keys = KeyTracker(self.file, self.problems)
        while True:
            key_event = stream.next()
            if type(key_event) is MappingEndEvent:
                return
            key_node = self.key_node(stream, key_event, keys)
            value_event = stream.next()
            if key_node is None:
                stream.compose(value_event)  # skipped, but its anchors stay usable
                continue
            key = key_node.value
            if key in SECTIONS and (
                _is_plain_collection(value_event, SequenceStartEvent) or _is_plain_collection(value_event, MappingStartEvent)
            ):
                self.stream_section(stream, key, value_event)
            else:
                self.read_top_level(key, key_node, stream.compose(value_event))
            if self.unsupported_version:
                return

    def key_node(self, stream: Events, event: YamlEvent, keys: KeyTracker) -> ScalarNode | None:
        """The node of a mapping key read from the stream; None (reported) when not a usable key."""
        if type(event) is not ScalarEvent:
            node = stream.compose(event)
            self.problem("E004", "mapping keys must be plain strings", node)
            return None
        # libyaml's marks (yaml._yaml.Mark) stand in for yaml.error.Mark: the same attributes.
        node = ScalarNode(STR_TAG, event.value, event.start_mark, event.end_mark)  # type: ignore[arg-type]
        stream.remember(event, node)
        return node if keys.first(event.value, node) else None

    def composed(self, node: Node, what: str, expected: str, *, sequence: bool = False, hint: str = "") -> NodeEvents | None:
        """A composed part (``what``) as events for the walk; None, reported (with ``hint``), when its
        tag is not allowed or it is not a mapping (or, with ``sequence``, a list)."""
        if not self.check_tag(node):
            return None
        if isinstance(node, MappingNode) or (sequence and isinstance(node, SequenceNode)):
            return NodeEvents(node)
        self.wrong_type(what, expected, node, hint)
        return None

    def read_top_level(self, key: str, key_node: Node, value: Node) -> None:
        if key == "orglint":
            self.read_version(value)
        elif key == "org":
            self.read_org(key_node, value)
        elif key in SECTIONS:
            self.read_section(key, value)
        elif not key.startswith("x-"):
            self.problem(
                "E003",
                f"unknown top-level key '{key}'{did_you_mean(key, TOP_LEVEL_KEYS)}; prefix your own keys with x-",
                key_node,
            )

    def stream_section(self, stream: Events, section: str, start: YamlEvent) -> None:
        """Entries of people/units/products straight from the stream (list or mapping form)."""
        next_event = stream.next
        if type(start) is SequenceStartEvent:
            while True:
                event = next_event()
                if type(event) is SequenceEndEvent:
                    return
                if _is_plain_collection(event, MappingStartEvent):
                    self.stream_entry(stream, section, event, None)
                else:
                    self.read_entry(section, stream.compose(event), id_node=None)
        keys = KeyTracker(self.file, self.problems)
        while True:
            event = next_event()
            if type(event) is MappingEndEvent:
                return
            id_node = self.key_node(stream, event, keys)
            value_event = next_event()
            if id_node is not None:
                id_node.tag = stream.scalar_tag(event)  # integer ids are fine here
            if id_node is not None and _is_plain_collection(value_event, MappingStartEvent):
                self.stream_entry(stream, section, value_event, id_node)
                continue
            value = stream.compose(value_event)
            if id_node is not None:
                self.read_entry(section, value, id_node=id_node)

    def stream_entry(self, stream: Events, section: str, start: YamlEvent, id_node: ScalarNode | None) -> None:
        """One entry from the stream: well-formed scalar fields are taken as they come (the hot path
        of a large chart); anything else is composed and read by :meth:`entry_field`."""
        entry = _Entry(section)
        if id_node is not None:
            entry.id = self.identifier(f"{section} key", id_node)
        keep = id_node is None or entry.id is not None
        scalar_fields = _SCALAR_FIELDS[section]
        keys = KeyTracker(self.file, self.problems)
        seen = keys.seen
        values = entry.values
        spans = entry.spans
        next_event = stream.next
        last_value_end: Any = None  # a libyaml or PyYAML mark
        while True:
            key_event = next_event()
            if type(key_event) is MappingEndEvent:
                break
            if keep and type(key_event) is ScalarEvent:
                key = key_event.value
                kind = scalar_fields.get(key)
                if kind is not None and key not in seen and key_event.anchor is None:
                    value_event = next_event()
                    value = _simple_scalar(stream, value_event, kind)
                    last_value_end = value_event.end_mark
                    if value is not None and (key != "id" or entry.id is None or value == entry.id):
                        seen[key] = key_event.start_mark
                        if key == "id":
                            entry.id = value
                        else:
                            values[key] = value
                            mark = value_event.start_mark
                            spans[key] = (mark.line + 1, mark.column + 1)
                        continue
                    key_node = self.key_node(stream, key_event, keys)
                    value_node = stream.compose(value_event)
                    if key_node is not None and not self.entry_field(entry, key, key_node, value_node):
                        keep = False
                    continue
            key_node = self.key_node(stream, key_event, keys)
            value_node = stream.compose(next_event())
            last_value_end = value_node.end_mark
            if keep and key_node is not None and not self.entry_field(entry, key_node.value, key_node, value_node):
                keep = False
        if keep:
            mark = id_node.start_mark if id_node is not None else start.start_mark
            end = last_value_end if last_value_end is not None else key_event.end_mark
            self.finish_entry(entry, mark.line + 1, mark.column + 1, _last_line(end))

    def read_version(self, node: Node) -> None:
        if isinstance(node, ScalarNode) and node.tag.endswith(":int") and node.value.strip() == str(FORMAT_VERSION):
            return
        self.unsupported_version = True
        self.pending.clear()
        shown = node.value if isinstance(node, ScalarNode) else _node_kind(node)
        self.problem(
            "E005",
            f"format version {shown} is not supported; this orglint reads version {FORMAT_VERSION}",
            node,
        )

    def read_org(self, key_node: Node, node: Node) -> None:
        org = self.org
        if self.org_defined_in:
            first = self.org_defined_in[0]
            self.problem(
                "E012",
                f"'org:' is already defined in {first.path}; it may appear in only one file",
                key_node,
                related=[Related("first definition", first.path, org.line, org.column)],
            )
            return
        self.org_defined_in.append(self.source)
        org.file = self.file
        org.line, org.column = position(key_node)
        if is_null(node):
            return
        if not self.check_tag(node):
            return
        if not isinstance(node, MappingNode):
            self.wrong_type("org", "a mapping with name and strategy", node)
            return
        for key, key_node2, value in mapping_items(node, self.file, self.problems):
            if key.startswith("x-"):
                org.extra[key] = self.free_value(value)
                continue
            if key not in ORG_KEYS:
                self.problem("E003", f"unknown key '{key}' in org{did_you_mean(key, ORG_KEYS)}", key_node2)
                continue
            org.spans[key] = position(value)
            if key == "name":
                org.name = self.text("org.name", value)
            else:
                org.strategy = self.enum("org.strategy", "strategy", value)

    def read_section(self, section: str, node: Node) -> None:
        if is_null(node):
            return
        events = self.composed(node, section, f"a list of {section} entries or a mapping from id to entry", sequence=True)
        if events is not None:
            self.stream_section(events, section, events.next())

    def read_entry(self, section: str, node: Node, id_node: ScalarNode | None) -> None:
        if id_node is not None and is_null(node):
            node = MappingNode(MAP_TAG, [], node.start_mark, node.end_mark)  # `ada:` alone: an entry with no fields
        events = self.composed(node, f"each {_SINGULAR[section]} entry", "a mapping")
        if events is not None:
            self.stream_entry(events, section, events.next(), id_node)

    def entry_field(self, entry: _Entry, key: str, key_node: Node, value: Node) -> bool:
        """Read one field of an entry; False when the entry cannot be kept (its id is unusable)."""
        if key.startswith("x-"):
            entry.extra[key] = self.free_value(value)
            return True
        kind = entry.fields.get(key)
        if kind is None and key == "<<":
            self.problem("E003", "YAML merge keys (<<) are not supported in org charts: write the fields out", key_node)
            return True
        if kind is None:
            where = f"{entry.singular} '{entry.id}'" if entry.id else f"a {entry.singular} entry"
            self.problem("E003", f"unknown key '{key}' in {where}{did_you_mean(key, entry.fields)}", key_node)
            return True
        if key == "id":
            given = self.identifier(f"{entry.singular} id", value)
            if given is None:
                return False
            if entry.id is not None and given != entry.id:
                self.problem("E011", f"id '{given}' differs from its key '{entry.id}'", value)
                return True
            entry.id = given
            return True
        parsed = self.field_value(f"{entry.section}.{entry.id or '?'}.{key}", kind, value)
        if parsed is not _INVALID:
            entry.values[key] = parsed
            entry.spans[key] = position(value)
        return True

    def finish_entry(self, entry: _Entry, line: int, column: int, end_line: int) -> None:
        if entry.id is None:
            self.problem_at("E004", f"{entry.singular} entry has no id", line, column)
            return
        if self.root_section is not None:
            # A chunk of a list: plain data, cheap to send from a worker (see _read_chunks_in_worker).
            self.pending.append((entry.section, entry.id, line, column, end_line, entry.values, entry.spans, entry.extra))
            return
        self.pending.append(
            entry.entity_class.from_reading(entry.id, self.file, line, column, end_line, entry.values, entry.spans, entry.extra)
        )

    # -- values ----------------------------------------------------------------------------

    def field_value(self, what: str, kind: str, node: Node) -> object:
        if not self.check_tag(node):
            return _INVALID
        if kind == "id":
            if is_null(node):
                return None
            return self.identifier(what, node) or _INVALID
        if kind == "text":
            return self.text(what, node) if not is_null(node) else None
        if kind.startswith("enum:"):
            if is_null(node):
                return None
            return self.enum(what, kind[5:], node) or _INVALID
        # list kinds
        if is_null(node):
            return ()
        if not isinstance(node, SequenceNode):
            self.wrong_type(what, "a list", node)
            return _INVALID
        read: Callable[[str, Node], str | None]
        if kind == "ids":
            read = self.identifier
        elif kind == "texts":
            read = self.text
        else:  # "enums:<vocabulary>"
            vocabulary = kind[6:]
            read = lambda w, n: self.enum(w, vocabulary, n)  # noqa: E731
        items: dict[str, None] = {}  # in order, without repeats (a dict: a long list stays linear)
        for item in node.value:
            if not self.check_tag(item):
                continue
            value = read(f"each item of {what}", item)
            if value is not None:
                items[value] = None
        return tuple(items)

    def identifier(self, what: str, node: Node) -> str | None:
        """Ids are strings; integers (HR exports) are read as their text."""
        if isinstance(node, ScalarNode) and node.tag != NULL_TAG and node.value.strip():
            if node.tag.endswith((":str", ":int")):
                return node.value.strip()
            if node.tag.endswith((":timestamp", ":float", ":bool")) and not node.style:
                kind = {"timestamp": "a date", "float": "a decimal number", "bool": "a boolean"}[node.tag.rsplit(":", 1)[1]]
                self.problem("E004", f"{what} '{node.value}' is read by YAML as {kind}; put it in quotes", node)
                return None
            self.wrong_type(what, "an id (a string)", node)
            return None
        self.wrong_type(what, "an id (a string)", node)
        return None

    def text(self, what: str, node: Node) -> str | None:
        if isinstance(node, ScalarNode) and node.tag != NULL_TAG:
            return node.value
        self.wrong_type(what, "a string", node)
        return None

    def enum(self, what: str, vocabulary: str, node: Node) -> str | None:
        value = self.text(what, node)
        if value is None:
            return None
        allowed = VOCABULARIES[vocabulary]
        if value in allowed:
            return value
        self.problem(
            "E011",
            f"{what}: unknown {vocabulary} '{value}'{did_you_mean(value, allowed)}",
            node,
        )
        return None

    def free_value(self, node: Node) -> object:
        try:
            return to_python(node, self.file, self.problems, self.expansion_budget)
        except ExpansionLimit:
            self.problem("E009", "value expands beyond the safety limit (YAML aliases nested too far)", node)
            return None


class _Entry:
    """An entry being read: the fields found so far."""

    __slots__ = ("entity_class", "extra", "fields", "id", "section", "singular", "spans", "values")

    def __init__(self, section: str):
        self.section = section
        self.singular = _SINGULAR[section]
        self.entity_class, self.fields = SECTIONS[section]
        self.id: str | None = None
        self.values: dict[str, object] = {}
        self.spans: dict[str, tuple[int, int]] = {}
        self.extra: dict[str, object] = {}


# section -> {field: kind} for the fields whose value is one scalar: the ones the hot path
# reads straight from events.
_SCALAR_FIELDS = {
    section: {name: kind for name, kind in fields.items() if kind in ("id", "text") or kind.startswith("enum:")}
    for section, (_entity, fields) in SECTIONS.items()
}
_VOCABULARY_SETS = {name: frozenset(words) for name, words in VOCABULARIES.items()}


def _simple_scalar(stream: Events, event: YamlEvent, kind: str) -> str | None:
    """The value of a well-formed scalar for a field of ``kind``, or None when it needs the full
    checks (null, wrong type, unknown word, tags, anchors): those go through entry_field."""
    if type(event) is not ScalarEvent or event.anchor is not None or event.tag is not None:
        return None
    value = event.value
    tag = stream.scalar_tag(event) if event.implicit[0] else STR_TAG
    if kind == "text":
        return value if tag in (STR_TAG, INT_TAG) else None
    if tag != STR_TAG and not (tag == INT_TAG and kind == "id"):
        return None
    if kind == "id":
        return value.strip() or None
    return value if value in _VOCABULARY_SETS[kind[5:]] else None  # "enum:<vocabulary>"


def _last_line(end_mark) -> int:
    """The 1-based last line of what ends at ``end_mark``: the end of an entry's last value
    (not the block's end, which libyaml places at the next token, wherever that is)."""
    return end_mark.line + 1 if end_mark.column > 0 else max(end_mark.line, 1)


def _is_plain_collection(event: YamlEvent, kind: Any) -> bool:
    """A collection start with no anchor and no explicit tag: safe to read without composing."""
    if type(event) is not kind:
        return False
    return event.anchor is None and event.tag in (None, "!")


def _is_null_event(stream: Events, event: YamlEvent) -> bool:
    return type(event) is ScalarEvent and event.anchor is None and stream.scalar_tag(event) == NULL_TAG


class _Invalid:
    """Marks a value that was reported and must be left out."""


_INVALID = _Invalid()


def _node_kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "null":
        return "null"
    if tag in ("int", "float"):
        return f"a number ({node.value})"
    if tag == "bool":
        return f"a boolean ({node.value})"
    return f"'{shown(node.value)}'"


def build(org: Org, sources: list[SourceFile], problems: list[Finding]) -> None:
    """Read native-format sources into ``org`` (in the given, sorted, order).

    A large file is read in pieces, on several cores when it has them (see
    parallel.py); a file that cannot be cut safely, or whose pieces meet any
    trouble, is read in one piece.
    """
    org_defined_in: list[SourceFile] = []
    for source in sources:
        split = parallel.plan(source.text)
        if split is None or not _build_in_pieces(org, source, split, problems, org_defined_in):
            _Builder(org, source, problems, org_defined_in).build()


def _make_entities(file: str, entries: list[tuple]) -> list[Entity]:
    """The entities of ``entries``, read from one section by the plain-list reader or libyaml.
    Their hot path at a million people: one call each."""
    if not entries:
        return []
    make = SECTIONS[entries[0][0]][0].from_reading
    field_spans = plain_lists.FieldSpans
    return [
        make(entity_id, file, line, column, end_line, values, spans if type(spans) is dict else field_spans(line, spans), extra)
        for _section, entity_id, line, column, end_line, values, spans, extra in entries
    ]


def _read_chunks(path: str, text: str, chunks: list[parallel.Chunk]) -> list[tuple[list[tuple], list[Finding]]] | None:
    """The entries (as plain tuples) and problems of each chunk; None when one does not parse.

    Each chunk goes to the plain-list reader first; the entries it leaves
    alone (a block list inside an entry, as yaml.safe_dump writes ``metrics:``,
    an escape, a comment) go to libyaml, each run of them in one piece, which
    then reports any problem they hold.
    """
    read: list[tuple[list[tuple], list[Finding]]] = []
    for chunk in chunks:
        odd: list[tuple[int, int, str]] = []
        entries = plain_lists.read_entries(
            text[chunk.start : chunk.end],
            chunk.section,
            SECTIONS[chunk.section][1],
            _VOCABULARY_SETS,
            chunk.indent,
            chunk.first_line,
            odd,
        )
        if entries is not None:
            if not odd:
                read.append((entries, []))
                continue
            odd_problems: list[Finding] = []
            merged = _with_odd_entries(path, chunk, entries, odd, odd_problems)
            if merged is None:
                return None
            read.append((merged, odd_problems))
            continue
        problems: list[Finding] = []
        pending = _read_list_items_at(path, text[chunk.start : chunk.end], chunk.first_line, chunk.section, problems)
        if pending is None:
            return None
        read.append((pending, problems))
    return read


def _read_list_items(path: str, text: str, section: str, problems: list[Finding]) -> list | None:
    """The entries of ``text``, items of the list ``section`` with blank lines before them to keep
    the file's line numbers, read by libyaml (problems reported); None when it does not parse."""
    builder = _Builder(Org(), SourceFile(path, text), problems, [], root_section=section)
    return builder.pending if builder.read() else None


def _with_odd_entries(
    path: str, chunk: parallel.Chunk, entries: list[tuple], odd: list[tuple[int, int, str]], problems: list[Finding]
) -> list[tuple] | None:
    """``entries`` with the entries the plain reader left (``odd``) read by libyaml in their places;
    None when one does not parse (the whole file is then read again in one piece)."""
    prefix = " " * chunk.indent + "- "
    runs: list[tuple[int, int, list[str]]] = []  # (index among entries, first line, texts): consecutive odd entries
    for index, line, part in odd:
        if runs and runs[-1][0] == index:
            runs[-1][2].append(part)
        else:
            runs.append((index, line, [part]))
    merged: list[tuple] = []
    taken = 0
    for index, line, parts in runs:
        merged += entries[taken:index]
        taken = index
        pending = _read_list_items_at(path, "\n".join(prefix + part for part in parts), line, chunk.section, problems)
        if pending is None:
            return None
        merged += pending
    merged += entries[taken:]
    return merged


def _read_list_items_at(path: str, text: str, first_line: int, section: str, problems: list[Finding]) -> list | None:
    """_read_list_items for ``text`` written from line ``first_line`` of the file.

    Read as if at the top of a file, then moved to their lines: blank lines before the text would
    cost a chart with thousands of such texts quadratic time. When there is a problem to report,
    the text is read again below blank lines, for the problem's exact place.
    """
    found: list[Finding] = []
    pending = _read_list_items(path, text, section, found)
    if pending is None:
        return None  # does not parse: the whole file is read again in one piece
    if not found:
        return [_moved_down(entry, first_line - 1) for entry in pending]
    return _read_list_items(path, "\n" * (first_line - 1) + text, section, problems)


def _moved_down(entry: tuple, lines: int) -> tuple:
    """A pending entry (see _Builder.finish_entry) read ``lines`` lines above where it is written."""
    section, entity_id, line, column, end_line, values, spans, extra = entry
    spans = {name: (span_line + lines, span_column) for name, (span_line, span_column) in spans.items()}
    return section, entity_id, line + lines, column, end_line + lines, values, spans, extra


def _read_chunks_in_worker(path: str, text: str, chunks: list[parallel.Chunk]) -> Iterator[tuple[bytes, list[Finding]]]:
    """_read_chunks in a worker, a chunk at a time: its entries marshalled (several times faster
    than pickling plain data), its problems apart."""
    for chunk in chunks:
        read = _read_chunks(path, text, [chunk])
        if read is None:
            raise parallel.WorkerFailed(f"a chunk of {chunk.section} at line {chunk.first_line} does not parse")
        ((entries, problems),) = read
        yield marshal.dumps(entries), problems


def _build_in_pieces(
    org: Org, source: SourceFile, split: parallel.Split, problems: list[Finding], org_defined_in: list[SourceFile]
) -> bool:
    """Read ``source`` as its head and chunks (orglint.importers.parallel shares them out); False,
    having added nothing, on any trouble."""
    path = source.path
    head_problems: list[Finding] = []
    head_defined = list(org_defined_in)
    head = _Builder(org, SourceFile(path, split.head), head_problems, head_defined)

    def read_head() -> bool:
        return head.read() and not head.unsupported_version

    def read_here(chunks: list[parallel.Chunk]) -> list[tuple[list[Entity], list[Finding]]] | None:
        # This process's entities are built while the workers still read.
        read = _read_chunks(path, source.text, chunks)
        return None if read is None else [(_make_entities(path, entries), found) for entries, found in read]

    def unpack(part: object) -> list[tuple[list[Entity], list[Finding]]] | None:
        if not isinstance(part, tuple):
            return None
        packed, found = part
        return [(_make_entities(path, marshal.loads(packed)), found)]

    chunk_results = parallel.read_in_pieces(
        split.chunks, read_head, read_here, functools.partial(_read_chunks_in_worker, path, source.text), unpack
    )
    if chunk_results is None:
        return False
    problems_of_chunks: list[Finding] = []
    # File order, as a sequential read adds them: the head's entries (between and around
    # the lists) and the chunks' interleaved by line.
    head_entities = head.pending
    taken = 0
    for chunk, (entities, found) in zip(split.chunks, chunk_results, strict=True):
        before = bisect.bisect_left(head_entities, chunk.first_line, lo=taken, key=lambda entity: entity.line)
        for entity in head_entities[taken:before]:
            org.add(entity)
        taken = before
        org.add_all(entities)
        problems_of_chunks.extend(found)
    for entity in head_entities[taken:]:
        org.add(entity)
    problems.extend(head_problems)
    problems.extend(problems_of_chunks)
    org_defined_in[:] = head_defined
    return True
