"""Reading the entries of a long list without libyaml, when they are written plainly.

Generated and exported charts write every entry the same simple way::

  - id: "ana.lee"
    name: Ana Lee
    reports_to: "bo.chen"   # a comment
    units: ["platform", "api-guild"]

one known field per line, with one value: a quoted string without escapes, a
plain word or words, a flow list of those, or nothing. This module reads
exactly that subset of YAML, several times faster than libyaml's event stream
(where each event becomes a Python object), and gives up on anything else:
the caller then reads the same text with libyaml.

It never reports a problem. Whatever would need one (an unknown or repeated
key, a missing id, a boolean where an id belongs, an unknown role) makes it
give up too, so that everything it returns is what the full reader returns
for the same text, and every problem is reported by the full reader, with
its usual message and location. tests/test_plain_lists.py holds both readers
to that.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

from orglint.yaml_safe import INT_TAG, NULL_TAG, STR_TAG, plain_tag

# Characters libyaml rejects or reads as line breaks: a part holding one is left to libyaml.
_UNSAFE = r"\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff"
_QUOTED = rf""""[^"\\{_UNSAFE}\t]*"|'[^'{_UNSAFE}\t]*'"""
# A plain scalar that cannot be anything but one line of text: no indicator first,
# no ": " or " #" inside (no ':' or '#' at all, to stay clearly inside YAML's rules).
_PLAIN_FIRST = rf"""[^\s{_UNSAFE}\-?:,\[\]{{}}#&*!|>'"%@`]"""
_PLAIN = rf"{_PLAIN_FIRST}[^\s{_UNSAFE}:#]*(?: [^\s{_UNSAFE}:#]+)*"
_FLOW_ITEM_PLAIN = rf"{_PLAIN_FIRST}[^\s{_UNSAFE}:#,\[\]{{}}]*(?: [^\s{_UNSAFE}:#,\[\]{{}}]+)*"
_FLOW_ITEM = rf"(?:{_QUOTED}|{_FLOW_ITEM_PLAIN})"
_FLOW = rf"\[ *(?:{_FLOW_ITEM}(?: *, *{_FLOW_ITEM})* *)?\]"
_VALUE = rf"(?:{_QUOTED}|{_FLOW}|{_PLAIN})"
_COMMENT = rf"#[^{_UNSAFE}]*"
# What may follow a value on its line, and what a line without a field may hold.
_TAIL = rf"(?: +(?:{_COMMENT})?)?"


@functools.cache
def _flow_items() -> re.Pattern[str]:
    # Compiled when first needed, not at import: every run imports this module, few read a list with it.
    return re.compile(rf"({_FLOW_ITEM})")


class _Grammar:
    """One section's fields (name -> kind) and vocabularies, and its patterns at one indentation."""

    def __init__(self, fields: dict[str, str], vocabularies: dict[str, frozenset[str]], indent: int):
        self.fields = fields
        self.vocabularies = vocabularies
        keys = "|".join(sorted(fields, key=len, reverse=True))
        field = rf"({keys}):(?: ({_VALUE}))?"
        inner = " " * (indent + 2)
        # The common case: one field per line and nothing else (the whole entry in one match).
        self.strict_entry = re.compile(rf"(?:{keys}):(?: {_VALUE})?(?:\n{inner}(?:{keys}):(?: {_VALUE})?)*\n?")
        self.field_pattern = re.compile(field)
        # Otherwise, line by line: fields with comments after them, blank and comment lines.
        self.field_line = re.compile(rf"{field}{_TAIL}")
        self.other_line = re.compile(rf" *(?:{_COMMENT})?")
        self.inner = inner
        # Block lists inside entries are read only in lists at column 0, where libyaml's end of
        # such a list (and so of the entry) is plain to see: the next line at column 0.
        self.block_lists = indent == 0
        self.list_fields = frozenset(
            name for name, kind in fields.items() if kind in ("ids", "texts") or kind.startswith("enums:")
        )
        # 1-based column of each field's value: indent, "- " or two spaces, key, ": ".
        self.value_columns = {name: indent + len(name) + 5 for name in fields}
        self.layouts: dict[tuple[tuple[str, str], ...], _Layout | None] = {}

    def layout(self, found: list[tuple[str, str]], example: str, block_list: str | None = None) -> _Layout | None:
        """The layout of entries written like ``example``, whose (field, value as written) pairs
        are ``found`` (``block_list``: the field written as a block list, if any); None when such
        entries cannot be read by one match (a repeated field, an empty or single-quoted value, a
        block list before other fields, a plain value YAML may read otherwise)."""
        shape = tuple((name, "-" if name == block_list else _quoting(raw)) for name, raw in found)
        if shape in self.layouts:
            layout = self.layouts[shape]
        else:
            if len(self.layouts) >= _MAX_LAYOUTS:
                return None  # entries written in many different ways: each is read field by field
            names = [name for name, _raw in found]
            if (
                "id" not in names
                or len(set(names)) != len(names)
                or any(quoting == "" for _name, quoting in shape)
                or any((quoting in "[-") != (name in self.list_fields) for name, quoting in shape)
                or any(quoting == "-" for _name, quoting in shape[:-1])
            ):
                layout = None
            else:
                layout = _Layout(shape, self)
            self.layouts[shape] = layout
        if layout is not None and layout.pattern.fullmatch(example) is None:
            return None  # written otherwise (a plain value that YAML reads as a boolean, say)
        return layout


_RECENT_LAYOUTS = 4  # layouts kept per count of lines and quotes, tried before reading an entry field by field


def _quoting(raw: str) -> str:
    """'"' for a double-quoted value, "p" for a plain one, "[" for a flow list, "" for anything else."""
    first = raw[:1]
    return first if first in ('"', "[") else "" if first in ("", "'") else "p"


_GRAMMARS: dict[tuple[str, int], _Grammar] = {}


def read_entries(
    text: str,
    section: str,
    fields: dict[str, str],
    vocabularies: dict[str, frozenset[str]],
    indent: int,
    first_line: int,
    odd: list[tuple[int, int, str]] | None = None,
) -> list[tuple] | None:
    """The entries of ``text``, items of a block list at ``indent`` spaces starting at ``first_line``.

    ``text`` starts with an item (``indent`` spaces and ``- ``); ``fields`` maps
    each field of the section to its kind (see native.PERSON_FIELDS). Each entry
    is ``(section, id, line, column, end_line, values, spans, extra)`` as the
    full reader gives it, except that ``spans`` may be a layout's spans (see
    :class:`FieldSpans`); None when any of the text is outside the subset read here, unless
    ``odd`` is given: each entry written otherwise is then left out and recorded there as (its
    index among the entries, its first line, its text after the list's ``- ``), for libyaml.
    """
    key = (section, indent)
    grammar = _GRAMMARS.get(key)
    if grammar is None or grammar.fields != fields or grammar.vocabularies != vocabularies:
        grammar = _GRAMMARS[key] = _Grammar(fields, vocabularies, indent)
    prefix = " " * indent + "- "
    if not text.startswith(prefix):
        return None
    strict_entry = grammar.strict_entry.fullmatch
    find_fields = grammar.field_pattern.findall
    column = indent + 3
    entries: list[tuple] = []
    append = entries.append
    line = first_line
    # The layouts of the last entries, most recent first, by the entry's count of line breaks and
    # of double quotes, which tell most layouts apart. Most entries of a long list are written like
    # one of the few before (a chart that leaves out empty fields, or quotes only the values that
    # need it, alternates between a handful of shapes): one match reads them.
    recent: dict[tuple[int, int], list[_Layout]] = {}
    for part in text[len(prefix) :].split("\n" + prefix):
        breaks = part.count("\n")
        ends_in_break = part[-1:] == "\n"  # the last entry of the text, or one a blank line follows
        signature = (breaks - ends_in_break, part.count('"'))
        candidates = recent.get(signature)
        if candidates is not None:
            matched = False
            for layout in candidates:
                match = layout.pattern.fullmatch(part)
                if match is None:
                    continue
                values = dict(zip(layout.keys, match.groups(), strict=False))
                entry_id = values.pop("id")
                if (not layout.lists or layout.read_lists(values)) and (
                    not layout.enums or all(values[name] in words for name, words in layout.enums)
                ):
                    # After a block list, libyaml ends the entry on the line before the next item.
                    end_line = line + (breaks - ends_in_break if layout.ends_in_block else layout.last_offset)
                    append((section, entry_id, line, column, end_line, values, layout.spans, {}))
                    line += breaks + 1  # a blank line may follow the fields
                    if layout is not candidates[0]:
                        candidates.remove(layout)
                        candidates.insert(0, layout)
                    matched = True
                break  # the first layout that matches decides (a word outside its vocabulary: field by field below)
            if matched:
                continue
        new_layout = None
        if strict_entry(part) is not None:
            found = find_fields(part)
            read = _read_fields(found, range(line, line + len(found)), grammar)
            if read is not None:
                new_layout = grammar.layout(found, part)
        else:
            found = []
            read, block_list = _read_lines(part, grammar, line, found)
            if read is not None and block_list is not None:
                new_layout = grammar.layout(found, part, block_list)
        if new_layout is not None:
            candidates = recent.setdefault(signature, [])
            if new_layout not in candidates:
                candidates.insert(0, new_layout)
                del candidates[_RECENT_LAYOUTS:]
        if read is None:
            if odd is None:
                return None
            odd.append((len(entries), line, part))
            line += breaks + 1
            continue
        entry_id, values, spans, end_line = read
        append((section, entry_id, line, column, end_line, values, spans, {}))
        line += breaks + 1
    return entries


class _Layout:
    """Entries written alike: the same fields in the same order, one per line, each value a
    string with no space at either end (so an id needs no stripping), double-quoted or plain
    as in the first such entry, or a list of such strings without commas (a flow list, or a
    block list as the last field)."""

    def __init__(self, shape: tuple[tuple[str, str], ...], grammar: _Grammar):
        fields = grammar.fields
        names = tuple(name for name, _quoting in shape)
        self.keys = names
        inner = grammar.inner
        self.item_separator = f"\n{inner}- "
        patterns = {
            '"': '{name}: "(' + _BARE_STRING + ')"',
            "p": "{name}: (" + _PLAIN_STRING + ")",
            "[": rf"{{name}}: \[((?:{_LIST_ITEM})(?:, (?:{_LIST_ITEM}))*)?\]",
            "-": rf"{{name}}:((?:\n{inner}- (?:{_LIST_ITEM}))+)",
        }
        self.pattern = re.compile(
            f"\\n{inner}".join(patterns[quoting].replace("{name}", name) for name, quoting in shape) + "\\n?"
        )
        # (field, line offset, column) of each value but the id's: see FieldSpans. A block list's
        # value starts at its first "-", on the line after its key.
        self.spans = tuple(
            (name, offset + 1, len(inner) + 1) if quoting == "-" else (name, offset, grammar.value_columns[name])
            for offset, (name, quoting) in enumerate(shape)
            if name != "id"
        )
        self.enums = tuple((name, grammar.vocabularies[fields[name][5:]]) for name in names if fields[name].startswith("enum:"))
        self.lists = tuple(
            (name, quoting == "-", grammar.vocabularies.get(fields[name][6:]) if fields[name].startswith("enums:") else None)
            for name, quoting in shape
            if quoting in "[-"
        )
        self.ends_in_block = shape[-1][1] == "-"
        self.last_offset = len(names) - 1

    def read_lists(self, values: dict[str, object]) -> bool:
        """Turn the list fields of ``values`` from text as written into tuples of items; False
        when an item is outside its vocabulary (the entry is then read field by field)."""
        for name, block, vocabulary in self.lists:
            written = values[name]
            if written is None:  # []
                values[name] = ()
                continue
            assert isinstance(written, str)
            items = written[len(self.item_separator) :].split(self.item_separator) if block else written.split(", ")
            items = [item[1:-1] if item[0] == '"' else item for item in items]
            if vocabulary is not None and any(item not in vocabulary for item in items):
                return False
            values[name] = (items[0],) if len(items) == 1 else tuple(dict.fromkeys(items))
        return True


_BARE_STRING = rf"""[^"\\\s{_UNSAFE}](?:[^"\\{_UNSAFE}\t]*[^"\\\s{_UNSAFE}])?"""
# A plain scalar that YAML 1.1 reads as a string whatever it says: it starts with no character that
# may begin a number, date or symbol, and is none of the boolean and null words (yaml_safe.plain_tag).
_RESOLVED_WORDS = "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL"
_PLAIN_STRING = (
    rf"""(?!(?:{_RESOLVED_WORDS})(?:\n|\Z))[^\s{_UNSAFE}\-?:,\[\]{{}}#&*!|>'"%@`0-9+.~<=]"""
    rf"[^\s{_UNSAFE}:#]*(?: [^\s{_UNSAFE}:#]+)*"
)
# An item of a list read through a layout: a string with no comma, so that ", " splits a flow list.
_LIST_ITEM = (
    rf"""\"[^",\\\s{_UNSAFE}](?:[^",\\{_UNSAFE}\t]*[^",\\\s{_UNSAFE}])?\"|"""
    rf"""(?!(?:{_RESOLVED_WORDS})(?:[,\]\n]|\Z))[^\s{_UNSAFE}\-?:,\[\]{{}}#&*!|>'"%@`0-9+.~<=]"""
    rf"[^\s{_UNSAFE}:#,\[\]{{}}]*(?: [^\s{_UNSAFE}:#,\[\]{{}}]+)*"
)
_MAX_LAYOUTS = 64


class FieldSpans(Mapping):
    """The spans (field -> line, column) of an entry read through a layout, worked out when asked.

    A dict of spans for each of a million entries costs more than reading
    them; findings need the spans of a few.
    """

    __slots__ = ("_layout_spans", "_line")

    def __init__(self, line: int, layout_spans: tuple[tuple[str, int, int], ...]):
        self._line = line
        self._layout_spans = layout_spans

    def __getitem__(self, key: str) -> tuple[int, int]:
        for name, offset, column in self._layout_spans:
            if name == key:
                return self._line + offset, column
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _offset, _column in self._layout_spans)

    def __len__(self) -> int:
        return len(self._layout_spans)


def _read_fields(found: list[tuple[str, str]], lines, grammar: _Grammar):
    """(id, values, spans, last line) of an entry: ``found`` holds its (key, value as written)
    pairs, ``lines`` the line of each. The hot path of a large chart: kept tight."""
    entry_id = None
    values: dict[str, object] = {}
    spans: dict[str, tuple[int, int]] = {}
    columns = grammar.value_columns
    fields = grammar.fields
    vocabularies = grammar.vocabularies
    for (key, raw), line in zip(found, lines, strict=False):
        kind = fields[key]
        first = raw[:1]
        if first == '"' or first == "'":
            value = raw[1:-1] if kind == "text" else _string_value(raw[1:-1], kind, vocabularies)
        else:
            value = _value(raw, kind, vocabularies)
        if value is _GIVE_UP or key in values:
            return None
        if key == "id":
            if value is None or entry_id is not None:
                return None
            entry_id = value
        else:
            values[key] = value
            # An empty value is placed just after the colon.
            spans[key] = (line, columns[key] if raw else columns[key] - 1)
    if entry_id is None:
        return None
    return entry_id, values, spans, lines[-1]


def _read_lines(part: str, grammar: _Grammar, line: int, found: list[tuple[str, str]]):
    """Like _read_fields, line by line, for an entry with comments or blank lines among its fields,
    or, in a list written at column 0 (yaml.safe_dump's style), a list field written as a block
    list at its key's indentation (``units:`` then ``- a`` lines), read as the same items.

    Returns what _read_fields returns, and the last field's name when it is such a block list;
    fills ``found`` with the (field, value) pairs, a block list's as the flow list it equals.
    """
    lines: list[int] = []
    starts: dict[str, tuple[int, int]] = {}  # a block list's value starts at its first "-"
    inner = grammar.inner
    texts = part.split("\n")
    offset = 0
    last_is_block = False
    while offset < len(texts):
        text = texts[offset]
        if offset == 0 or text.startswith(inner):
            # The first line follows "- "; the others are indented to the entry's keys.
            match = grammar.field_line.fullmatch(text, 0 if offset == 0 else len(inner))
            if match is not None:
                key, raw = match.groups("")
                items = (
                    _block_items(texts, offset + 1, inner)
                    if not raw and grammar.block_lists and key in grammar.list_fields
                    else None
                )
                found.append((key, raw if items is None else "[" + ", ".join(items) + "]"))
                lines.append(line + offset)
                last_is_block = items is not None
                if items is not None:
                    starts[key] = (line + offset + 1, len(inner) + 1)
                    offset += len(items)
                offset += 1
                continue
        if offset == 0 or grammar.other_line.fullmatch(text) is None:
            return None, None
        offset += 1
    read = _read_fields(found, lines, grammar)
    if read is None or not starts:
        return read, None
    entry_id, values, spans, end_line = read
    spans.update(starts)
    if last_is_block:
        # libyaml ends a list at the next token, which here starts a line at column 0: the entry
        # then ends on the line before it, blank and comment lines included.
        end_line = line + len(texts) - (2 if part.endswith("\n") else 1)
    return (entry_id, values, spans, end_line), found[-1][0] if last_is_block else None


def _block_items(texts: list[str], start: int, inner: str) -> list[str] | None:
    """The items of a block list starting at ``texts[start]`` at exactly the key's indentation,
    each a quoted or plain scalar alone on its line (what a flow list may hold too); None when
    there is no such list or an item is written otherwise (the entry is then left to libyaml)."""
    marker = inner + "- "
    items: list[str] = []
    for text in texts[start:]:
        if not text.startswith(marker):
            break
        item = text[len(marker) :]
        if _flow_items().fullmatch(item) is None:
            return None
        items.append(item)
    return items or None


class _GiveUp:
    """A value the full reader would report: this reader gives the text back."""


_GIVE_UP = _GiveUp()


def _value(raw: str, kind: str, vocabularies: dict[str, frozenset[str]]):
    """The value of one field as the full reader reads it, or _GIVE_UP."""
    if kind == "ids" or kind == "texts" or kind.startswith("enums:"):
        return _list_value(raw, kind, vocabularies)
    if raw[:1] == "[":
        return _GIVE_UP  # a list where one value belongs
    value, tag = _scalar(raw)
    if tag == NULL_TAG:
        return None
    if kind == "id" and tag != STR_TAG and tag != INT_TAG:
        return _GIVE_UP  # a date, number or boolean where an id belongs
    return value if kind == "text" else _string_value(value, kind, vocabularies)


def _string_value(value: str, kind: str, vocabularies: dict[str, frozenset[str]]):
    """A string written for a field of ``kind``, as the full reader reads it, or _GIVE_UP."""
    if kind == "id":
        return value.strip() or _GIVE_UP
    if kind.startswith("enum:"):
        return value if value in vocabularies[kind[5:]] else _GIVE_UP
    if kind == "text":
        return value
    return _GIVE_UP  # one string where a list belongs


def _list_value(raw: str, kind: str, vocabularies: dict[str, frozenset[str]]):
    if raw[:1] != "[":
        _value_text, tag = _scalar(raw)
        return () if tag == NULL_TAG else _GIVE_UP  # one value where a list belongs
    items: dict[str, None] = {}  # in order, without repeats
    for item_raw in _flow_items().findall(raw):
        item, tag = _scalar(item_raw)
        if tag == NULL_TAG:
            return _GIVE_UP
        if kind == "ids":
            if tag != STR_TAG and tag != INT_TAG:
                return _GIVE_UP
            item = item.strip()
            if not item:
                return _GIVE_UP
        elif kind != "texts" and item not in vocabularies[kind[6:]]:  # "enums:<vocabulary>"
            return _GIVE_UP
        items[item] = None
    return tuple(items)


def _scalar(raw: str) -> tuple[str, str]:
    """The text and resolved tag of one scalar as written (quoted scalars are strings)."""
    first = raw[:1]
    if first == '"' or first == "'":
        return raw[1:-1], STR_TAG
    return raw, plain_tag(raw)
