"""YAML's safe subset, with locations: tags, limits, located nodes and libyaml's event stream.

Only the safe subset is parsed: documents are *composed* into nodes (tag,
value, marks) and never *constructed*, so no tag can create an object or run
code. libyaml's C parser is used when PyYAML has it (it also bounds nesting at
1,000 levels); the pure-Python parser is the fallback.

orglint.loader reads files; this module reads the YAML in them, for every
importer: the native format's two readers (events for the common shapes,
nodes for the rest, orglint.importers.native) and the Backstage and GitLab
importers (nodes). Nothing here raises for bad input: problems become
input-problem Findings with a file:line:col.
"""

from __future__ import annotations

from collections.abc import Callable
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

from orglint.problems import input_problem
from orglint.rule import Finding, Related

try:  # libyaml: an order of magnitude faster than the pure-Python parser
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

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


def line_column(data: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in bytes or text."""
    if isinstance(data, bytes):
        return data.count(b"\n", 0, offset) + 1, offset - data.rfind(b"\n", 0, offset)
    return data.count("\n", 0, offset) + 1, offset - data.rfind("\n", 0, offset)


def yaml_problem(error: BaseException, file: str, text: str | None = None) -> Finding:
    """The input problem for an exception raised while parsing YAML (``text`` locates reader errors)."""
    if isinstance(error, yaml.reader.ReaderError):
        # libyaml's reader reports a character offset, not a line: turn it into one.
        line, column = line_column(text, max(0, min(error.position, len(text)))) if text is not None else (1, 1)
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
_RESOLVED_FIRST_CHARS = frozenset(SafeLoader.yaml_implicit_resolvers)
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
        self._parser = SafeLoader(text)
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


class NodeEvents:
    """A composed node read as an event stream, so that one walk reads a chart either way.

    The native importer walks :class:`EventStream`; a part that had to be composed (an anchored
    or tagged root, section or entry) is walked the same way from its node. Scalars come with
    their resolved tag (so the walker takes them as composed values); collections come as plain
    starts, without anchor or tag, unless their tag is outside the safe subset, which the walker
    then composes and reports. :meth:`compose` hands back the node itself and skips its events.
    """

    def __init__(self, node: Node):
        self._pending: list[Node | YamlEvent] = [node]  # what is still to come, last first

    def close(self) -> None:
        """Nothing to release (the same interface as EventStream)."""

    def scalar_tag(self, event: YamlEvent) -> str:
        return event.tag

    def remember(self, event: YamlEvent, node: Node) -> None:
        """Anchors were resolved when the node was composed."""

    def next(self) -> YamlEvent:
        item = self._pending.pop()
        if not isinstance(item, Node):
            return item  # the end of a collection
        resume = len(self._pending)
        event: YamlEvent
        tag = unsafe_tag(item)
        if isinstance(item, SequenceNode):
            event = SequenceStartEvent(None, tag, tag is None, item.start_mark, item.end_mark, flow_style=item.flow_style)
            self._pending.append(SequenceEndEvent(item.end_mark, item.end_mark))
            self._pending.extend(reversed(item.value))
        elif isinstance(item, MappingNode):
            event = MappingStartEvent(None, tag, tag is None, item.start_mark, item.end_mark, flow_style=item.flow_style)
            self._pending.append(MappingEndEvent(item.end_mark, item.end_mark))
            for key, value in reversed(item.value):
                self._pending += (value, key)
        else:  # a ScalarNode: the composer makes no other nodes
            style = getattr(item, "style", None)
            event = ScalarEvent(None, item.tag, (False, False), item.value, item.start_mark, item.end_mark, style=style)
        event.node, event.resume = item, resume
        return event

    def compose(self, event: YamlEvent) -> Node:
        """The node ``event`` (just taken from :meth:`next`) stands for; its events are skipped."""
        del self._pending[event.resume :]
        return event.node


# What the native importer's walk reads: libyaml's events, or a composed node's.
Events = EventStream | NodeEvents
