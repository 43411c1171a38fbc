"""The plain-list reader returns exactly what libyaml's reading gives, or gives the text back.

Each case is read twice: as a whole chart by the full (libyaml) reader, and by
orglint.importers.plain_lists for its list. Where the plain reader takes the
text, both must give the same entries (ids, fields, lines, columns, spans)
and the full reader must report no problem; the cases it must leave alone are
checked to be left alone. A property test does the same on random entries.
"""

from __future__ import annotations

import itertools
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orglint.importers import native, plain_lists
from orglint.loader import SourceFile
from orglint.model import Org
from orglint.yaml_safe import STR_TAG, plain_tag

SLOTS = {
    "people": ("name", "title", "explicit_roles", "reports_to", "dotted_to", "unit", "units", "email"),
    "units": ("name", "type", "function", "lead", "parent", "products"),
    "products": ("name", "owner", "metrics"),
}


def _snapshot(entity) -> tuple:
    fields = tuple((slot, getattr(entity, slot)) for slot in SLOTS[entity.kind])
    return (entity.kind, entity.id, entity.line, entity.column, entity.end_line, dict(entity.spans), entity.extra, fields)


def full_read(section: str, body: str, preamble: str = "orglint: 1\n") -> tuple[list[tuple], list]:
    """Entities and problems of ``preamble`` + ``section:`` + ``body`` read by libyaml."""
    problems: list = []
    builder = native._Builder(Org(), SourceFile("org.yaml", f"{preamble}{section}:\n{body}"), problems, [])
    builder.read()
    return [_snapshot(entity) for entity in builder.pending], problems


def plain_read(section: str, body: str, preamble: str = "orglint: 1\n", indent: int = 2) -> list[tuple] | None:
    first_line = preamble.count("\n") + 2
    entries = plain_lists.read_entries(body, section, native.SECTIONS[section][1], native._VOCABULARY_SETS, indent, first_line)
    if entries is None:
        return None
    return [_snapshot(entity) for entity in native._make_entities("org.yaml", entries)]


def assert_same(section: str, body: str, indent: int = 2) -> list[tuple]:
    expected, problems = full_read(section, body)
    assert problems == [], "the case is meant to be a valid chart"
    read = plain_read(section, body, indent=indent)
    assert read is not None, "the plain reader gave up on text it is meant to read"
    assert read == expected
    return read


# ----------------------------------------------------------------------------- read alike

READ_ALIKE = {
    "double-quoted": '  - id: "ana"\n    name: "Ana Lee"\n    title: "VP of Product"\n    reports_to: "bo"\n',
    "plain": "  - id: ana\n    name: Ana Lee\n    title: VP of Product\n    reports_to: bo\n",
    "single-quoted": "  - id: 'ana'\n    name: 'Ana: Lee #1'\n    title: 'Head, \"EMEA\"'\n",
    "quotes keep spaces": '  - id: " ana "\n    name: "  Ana  "\n    title: ""\n',
    "nulls": "  - id: ana\n    reports_to:\n    title: ~\n    name: null\n    unit: Null\n    units:\n    dotted_to: ~\n",
    "numbers": "  - id: 1042\n    reports_to: 0x1F\n    title: 1.5\n    name: yes\n    email: 2001-12-14\n",
    "comments": (
        "  - id: ana   # the CEO\n"
        "    # a comment line among the fields\n"
        "\n"
        "    title: CEO # trailing\n"
        '    name: "Ana"    \n'
        "  - id: bo\n"
        "    reports_to: ana\n"
        "\n"
        "# a comment at column 0\n"
    ),
    "flow lists": (
        '  - id: ana\n    roles: [product-manager, "product-owner"]\n    units: [a, "b", a, \'c\']\n'
        "    dotted_to: []\n  - id: bo\n    units: [ x , y ]\n    dotted_to: [ ]\n"
    ),
    "unicode": '  - id: "sergei.araujo"\n    name: Sergei Araújo\n    title: "Ingénieur — Backend"\n    email: 李@例.中国\n',
    "indicators inside": "  - id: a-b.c_d\n    name: O'Brien\n    title: Engineer [EMEA] {x} - lead\n    email: a@b.c\n",
    "layouts change": (
        '  - id: "a"\n    name: "A"\n  - id: "b"\n    name: "B"\n  - id: "c"\n    title: "T"\n    name: "C"\n'
        '  - id: "d"\n    name: "D"\n    units: ["u"]\n  - id: "e"\n    name: "E"\n  - name: "F"\n    id: "f"\n'
    ),
    "blank lines after entries read through a layout": '  - id: "a"\n  - id: "b"\n\n  - id: "c"\n\n\n  - id: d\n',
    "empty value last": "  - id: ana\n    reports_to:",
    "no final line break": '  - id: "ana"\n    name: "Ana"',
    "same id twice (S003, not an input problem)": "  - id: ana\n  - id: ana\n",
}


@pytest.mark.parametrize("body", READ_ALIKE.values(), ids=READ_ALIKE.keys())
def test_read_alike(body):
    assert assert_same("people", body)


def test_units_and_products_read_alike():
    assert_same(
        "units",
        '  - id: "growth"\n    type: squad\n    function: "product"\n    lead: "ana"\n    parent: "tribe-1"\n'
        '    products: ["checkout"]\n  - id: "tribe-1"\n    type: "tribe"\n    name: "Payments"\n',
    )
    assert_same("products", '  - id: checkout\n    name: Checkout\n    owner: ana\n    metrics: ["NPS", D30 retention]\n')


def test_a_deeper_list_reads_alike():
    assert_same("people", '    - id: "ana"\n      name: "Ana"\n    - id: "bo"\n      reports_to: ana\n', indent=4)


@pytest.mark.parametrize("quote", ['"', ""], ids=["double-quoted", "plain"])
def test_entries_read_through_a_layout_keep_their_spans(quote):
    body = "".join(
        f"  - id: {quote}p{n}{quote}\n    name: {quote}P {n}{quote}\n    reports_to: {quote}p0{quote}\n" for n in range(5)
    )
    read = assert_same("people", body)
    assert read[-1][5] == {"name": (16, 11), "reports_to": (17, 17)}
    raw = plain_lists.read_entries(body, "people", native.PERSON_FIELDS, native._VOCABULARY_SETS, 2, 3)
    # The first entry is read field by field; the ones written like it, by one match of its layout.
    assert [type(entry[6]).__name__ for entry in raw] == ["dict"] + ["tuple"] * 4


@pytest.mark.parametrize(
    "body, indent",
    [
        # orglint's own and `orglint convert`'s style: flow lists, quoted or plain items
        (
            "".join(
                f'  - id: "p{n}"\n    name: "P {n}"\n    units: ["chapter-{n}", guild, "chapter-{n}"]\n'
                f"    roles: [product-manager]\n    dotted_to: []\n"
                for n in range(5)
            ),
            2,
        ),
        # yaml.safe_dump's style: a block list last, of one item or several
        (
            "".join(
                f"- id: p{n}\n  name: P {n}\n  units:\n" + "".join(f"  - c{i}\n" for i in range(n % 3 + 1)) for n in range(6)
            ),
            0,
        ),
    ],
    ids=["flow lists", "a block list last"],
)
def test_entries_with_lists_read_through_a_layout_keep_their_spans(body, indent):
    assert_same("people", body, indent=indent)
    raw = plain_lists.read_entries(body, "people", native.PERSON_FIELDS, native._VOCABULARY_SETS, indent, 3)
    assert raw is not None
    # The first entry of each length is read field by field, the ones written like it through its layout.
    lengths = [entry[4] - entry[2] for entry in raw]
    assert [type(entry[6]).__name__ for entry in raw] == [
        "tuple" if length in lengths[:index] else "dict" for index, length in enumerate(lengths)
    ]
    assert lengths.count(lengths[-1]) > 1


@pytest.mark.parametrize(
    "odd_line, taken",
    [
        ("units: [chapter, wizard-guild]", True),
        ('units: ["a, b"]', True),  # a comma inside an item: read field by field
        ("units: [a , b]", True),
        ("units: [a,b]", True),
        ("units: [1x]", True),
        ("units: [yes]", False),  # a boolean where an id belongs: libyaml reports it
        ("roles: [wizard]", False),  # outside the vocabulary: libyaml reports it
    ],
)
def test_a_list_among_entries_read_through_a_layout_is_read_as_libyaml_reads_it(odd_line, taken):
    entry = "  - id: {id}\n    roles: [ceo]\n    units: [a, b]\n"
    field = odd_line.partition(":")[0]
    odd = "".join(
        f"    {odd_line}\n" if line.startswith(f"    {field}:") else line + "\n" for line in entry.format(id="q").splitlines()
    )
    body = "".join(entry.format(id=f"p{n}") for n in range(3)) + odd + entry.format(id="r")
    read = plain_read("people", body)
    expected, problems = full_read("people", body)
    if taken:
        assert problems == []
        assert read == expected
    else:
        assert read is None
        assert problems != []


def test_entries_written_in_many_ways_read_alike():
    # More distinct layouts than the reader keeps: the rest are read field by field.
    orders = list(itertools.permutations(["name", "title", "email", "unit", "reports_to"]))[:80]
    body = "".join(  # each entry once, and each layout twice in a row
        f'  - id: "p{n}-{copy}"\n' + "".join(f'    {field}: "{field} {n}"\n' for field in order)
        for n, order in enumerate(orders)
        for copy in range(2)
    )
    assert len(assert_same("people", body)) == 160


# ----------------------------------------------------------------------------- left to libyaml

LEFT_ALONE = {
    # Everything the full reader reports, with its message and location.
    "unknown key": "  - id: ana\n    nmae: Ana\n",
    "x- key": "  - id: ana\n    x-badge: gold\n",
    "repeated key": "  - id: ana\n    name: A\n    name: B\n",
    "repeated id": "  - id: ana\n    id: bo\n",
    "no id": "  - name: Ana\n",
    "null id": "  - id:\n    name: Ana\n",
    "empty id": '  - id: "  "\n',
    "boolean id": "  - id: yes\n",
    "date id": "  - id: 2024-01-01\n",
    "decimal id": "  - id: 1.5\n",
    "boolean manager": "  - id: ana\n    reports_to: no\n",
    "unknown role": "  - id: ana\n    roles: [wizard]\n",
    "null in a list": "  - id: ana\n    units: [a, null]\n",
    "one value for a list": "  - id: ana\n    units: platform\n",
    "a list for one value": "  - id: ana\n    reports_to: [bo]\n",
    "merge key": "  - id: ana\n    <<: {name: A}\n",
    # Written in ways read only by libyaml (valid or not).
    "escapes": '  - id: ana\n    name: "A\\tB"\n',
    "doubled single quote": "  - id: ana\n    name: 'O''Brien'\n",
    "multi-line plain": "  - id: ana\n    title: Vice President\n      of Product\n",
    "multi-line quoted": '  - id: ana\n    title: "Vice President\n      of Product"\n',
    "block scalar": "  - id: ana\n    title: |\n      VP\n",
    "block list": "  - id: ana\n    units:\n      - a\n",
    "anchor": "  - id: &a ana\n  - id: bo\n    reports_to: *a\n",
    "tag": "  - id: !!str ana\n",
    "python tag": "  - id: ana\n    name: !!python/object:os.system echo\n",
    "flow mapping": "  - {id: ana}\n",
    "aligned values": "  - id:   ana\n    name: A\n",
    "tab": "  - id: ana\n    name:\tA\n",
    "tab indent": "  - id: ana\n\tname: A\n",
    "wrong indentation": "  - id: ana\n     name: A\n",
    "colon in plain": "  - id: ana\n    email: mailto:ana@x\n",
    "hash in plain": "  - id: ana\n    title: C# lead\n",
    "no space after colon": "  - id: ana\n    name:Ana\n",
    "control character": '  - id: ana\n    name: "A\x07"\n',
    "NEL": "  - id: ana\n    name: A\x85B\n",
    "line separator": '  - id: ana\n    name: "A\u2028B"\n',
    "carriage return": "  - id: ana\r\n    name: A\r\n",
    "item on its own line": "  -\n    id: ana\n",
    "trailing comma": "  - id: ana\n    units: [a, b,]\n",
    "document end": "  - id: ana\n...\n",
}


@pytest.mark.parametrize("body", LEFT_ALONE.values(), ids=LEFT_ALONE.keys())
def test_left_to_libyaml(body):
    assert plain_read("people", body) is None


def test_an_unknown_unit_type_is_left_to_libyaml_even_in_a_layout():
    good = "".join(f'  - id: "u{n}"\n    type: "squad"\n' for n in range(3))
    assert plain_read("units", good) is not None
    assert plain_read("units", good + '  - id: "u9"\n    type: "sqaud"\n') is None


# ----------------------------------------------------------------------------- random entries

FIELD_LINES = st.sampled_from(
    [
        'name: "Ana Lee"',
        "name: Ana Lee",
        "name: 'Ana'",
        "name:",
        "name: ~",
        "name: null",
        "name: yes",
        "name: 12",
        'name: ""',
        "name: =",
        "name: <<",
        "name: .inf",
        "name: 0o17",
        "name: Ana  # c",
        "name: a: b",
        "name: 'it''s'",
        'name: "a\\"b"',
        "name: [x]",
        'title: "VP of Product"',
        "title: VP, Product",
        "title: 2024-01-01",
        "title: |",
        "title: &t T",
        "title: *t",
        "title: !!str T",
        "title: C#",
        "title:   x",
        "title: - x",
        'reports_to: "bo"',
        "reports_to: bo",
        "reports_to:",
        "reports_to: 42",
        "reports_to: no",
        "reports_to: [bo]",
        "reports_to: ' bo '",
        'reports_to: ""',
        "units: [a, b]",
        'units: ["a", a]',
        "units: []",
        "units:",
        "units: a",
        "units: [a, ~]",
        "units: [a,b]",
        "roles: [product-manager]",
        "roles: [ceo, cto]",
        "roles: [wizard]",
        "roles: []",
        "roles: product-manager",
        "dotted_to: [bo]",
        "dotted_to: [1.5]",
        "email: a@b.c",
        "email: 'x'",
        "unit: platform",
        "unit: [x]",
        "x-extra: 1",
        "nmae: typo",
        "# a comment",
        "",
        "id: ana",
        "id: bo",
        "id:",
        "id: true",
        "id: 7",
        "id: +1",
        "id: .5",
        "id: 0b101",
        "id: =",
    ]
)
ENTRY = st.lists(FIELD_LINES, min_size=0, max_size=5).map(lambda lines: ["id: e"] + lines)


def _body(entries: list[list[str]], indents: list[int]) -> str:
    out = []
    for number, (lines, extra) in enumerate(zip(entries, indents, strict=False)):
        first, *rest = lines
        out.append(f"  - {first}".replace("id: e", f"id: e{number}", 1))
        out.extend((" " * (4 + extra) + line) if line else "" for line in rest)
    return "\n".join(out) + "\n"


# ORGLINT_FUZZ=long (see tests/test_fuzz.py) runs 20x more examples.
@settings(max_examples=300 * (20 if os.environ.get("ORGLINT_FUZZ") == "long" else 1), deadline=None)
@given(st.lists(ENTRY, min_size=1, max_size=4), st.lists(st.sampled_from([0, 0, 0, 0, 1]), min_size=4, max_size=4))
def test_random_entries_are_read_alike_or_left_alone(entries, indents):
    body = _body(entries, indents)
    read = plain_read("people", body)
    if read is None:
        return
    expected, problems = full_read("people", body)
    assert problems == []
    assert read == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aeNnOoTtFfYysSlLrRuUEe019-+.~<=_: #@", min_size=1, max_size=7))
def test_a_layout_takes_as_plain_strings_only_what_yaml_reads_as_strings(word):
    if re.fullmatch(plain_lists._PLAIN_STRING, word):
        assert plain_tag(word) == STR_TAG


@pytest.mark.parametrize("word", ["yes", "No", "TRUE", "off", "On", "null", "NULL", "Yes"])
def test_boolean_and_null_words_are_not_plain_strings(word):
    assert not re.fullmatch(plain_lists._PLAIN_STRING, word)
    assert re.fullmatch(plain_lists._PLAIN_STRING, word + "x")  # "nullx", "Yesx": strings


VALUES = st.sampled_from(
    [
        '"Ana Lee"',
        "Ana Lee",
        "Nina",
        "Oscar",
        "Tom",
        "yes",
        "No",
        "null",
        "~",
        "1042",
        '"1042"',
        "2024-01-01",
        "true",
        "Onboarding",
        "Offshore team",
        "=",
        "<<",
        ".inf",
        "+1",
        "-x",
        '" padded "',
        "'single'",
        "",
        "Ana  Lee",
        "a#b",
        "x # comment",
        "C3PO",
        "Ünal",
        "O'Brien",
        '"a: b"',
        "[x]",
    ]
)


@settings(max_examples=300 * (20 if os.environ.get("ORGLINT_FUZZ") == "long" else 1), deadline=None)
@given(st.lists(st.tuples(VALUES, VALUES, VALUES), min_size=2, max_size=6))
def test_entries_read_through_layouts_are_read_alike(rows):
    # Entries with the same fields, so that layouts are made and used.
    body = "".join(
        f"  - id: p{number}\n    name: {name}\n    title: {title}\n    reports_to: {manager}\n".replace(": \n", ":\n")
        for number, (name, title, manager) in enumerate(rows)
    )
    read = plain_read("people", body)
    if read is None:
        return
    expected, problems = full_read("people", body)
    assert problems == []
    assert read == expected


LIST_ITEMS = st.sampled_from(
    ["a", '"a"', "b c", '"b c"', "yes", '"yes"', "null", "1x", "x1", '"a, b"', "~", "Ünal", ".x", "a#b", "'q'", '" p"', "x:y"]
)


@settings(max_examples=300 * (20 if os.environ.get("ORGLINT_FUZZ") == "long" else 1), deadline=None)
@given(st.lists(st.lists(LIST_ITEMS, min_size=0, max_size=3), min_size=2, max_size=6), st.booleans())
def test_lists_read_through_layouts_are_read_alike(lists, block):
    # Entries whose last field is a list, as a flow list or (in a list at column 0) a block list.
    if block:
        lists = [items or ["a"] for items in lists]  # an empty block list is no list
        body = "".join(
            f"- id: p{number}\n  name: P\n  units:\n" + "".join(f"  - {item}\n" for item in items)
            for number, items in enumerate(lists)
        )
    else:
        body = "".join(f"  - id: p{number}\n    name: P\n    units: [{', '.join(items)}]\n" for number, items in enumerate(lists))
    read = plain_read("people", body, indent=0 if block else 2)
    if read is None:
        return
    expected, problems = full_read("people", body)
    assert problems == []
    assert read == expected


# ----------------------------------------------------------------------------- yaml.safe_dump's style

SAFE_DUMP_STYLE = {
    "a block list last": "- id: ana\n  units:\n  - a\n  - b\n- id: bo\n",
    "a block list among fields": "- id: ana\n  units:\n  - a\n  title: CEO\n- id: bo\n  roles:\n  - ceo\n\n# c\n",
    "quoted items": "- id: ana\n  units:\n  - 'a b'\n  - \"c\"\n",
    "at the end of the text": "- id: ana\n  units:\n  - a",
}


@pytest.mark.parametrize("body", SAFE_DUMP_STYLE.values(), ids=SAFE_DUMP_STYLE)
def test_block_lists_in_a_list_at_column_0_read_alike(body):
    assert_same("people", body, indent=0)


def test_product_metrics_as_yaml_safe_dump_writes_them_read_alike():
    assert_same("products", "- id: p\n  name: P\n  owner: x\n  metrics:\n  - NPS\n  - Gross margin\n", indent=0)


@pytest.mark.parametrize(
    "body, indent",
    [
        ("  - id: ana\n    units:\n    - a\n  - id: bo\n", 2),  # indented list: where libyaml ends it depends on what follows
        ("- id: ana\n  units:\n    - a\n", 0),  # items deeper than the key
        ("- id: ana\n  units:\n  - [a]\n", 0),  # an item that is not a scalar
        ("- id: ana\n  units:\n  - a # note\n", 0),  # a comment after an item
        ("- id: ana\n  title:\n  - CEO\n", 0),  # a list where one value belongs: libyaml reports it
    ],
)
def test_block_lists_the_plain_reader_leaves_to_libyaml(body, indent):
    assert plain_read("people", body, indent=indent) is None
