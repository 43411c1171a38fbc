"""Fuzzing: whatever the input, orglint answers with findings and an exit code, never a traceback.

Property-based tests (Hypothesis) that feed ``orglint check`` (and ``roles``,
``stats``, ``graph``) with

* mutated org charts: valid charts (the examples and test fixtures) with keys
  deleted, duplicated and renamed, values swapped between fields, types changed
  (scalar <-> list <-> mapping), unicode, tabs and very long strings injected,
  anchors and aliases (recursive ones too), ``!!python/...`` and other tags,
  cycles in ``reports_to`` and ``parent``, unknown ids, nulls everywhere,
  inline suppression comments (valid and broken), the text truncated at a
  random point and random bytes flipped; also folders of several such files;
* mutated Backstage catalogs and CSV exports (the other importers);
* random YAML-ish text and random YAML documents built from the format's own
  vocabulary; random command lines.

For every input: the run ends with exit code 0, 1 or 2, no traceback or
"internal error" text appears anywhere, no built-in rule crashes (E100), every
reported location is a real place in the file, the exit code agrees with the
findings, ``concise`` prints exactly one line per finding and no terminal escape
sequence from the chart reaches the output. For inputs that parse, the output
is deterministic (same input twice -> the same JSON), and a chart whose
sections are lists of entries gives the same findings when they are written as
mappings keyed by id (lines and columns aside: the two forms lay out differently).

Runs go through ``orglint.cli.main`` in-process (see :func:`run_cli`), so that
an exception escaping the CLI fails the test with its own traceback.

The default budget keeps this file at about 15 s. A longer run, for local use
(20x more examples; Hypothesis keeps failing examples in .hypothesis/ and
replays them first next time)::

    ORGLINT_FUZZ=long /work/venv/bin/pytest tests/test_fuzz.py -q

The profiles (``orglint-fuzz`` and ``orglint-fuzz-long``) are registered in
tests/conftest.py.
"""

from __future__ import annotations

import copy
import io
import json
import os
import re
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from helpers import EXAMPLES, FIXTURES
from orglint.cli import main

pytestmark = pytest.mark.slow  # property tests over thousands of generated charts: `pytest -m "not slow"` skips them

PROFILE = settings.get_profile("orglint-fuzz-long" if os.environ.get("ORGLINT_FUZZ") == "long" else "orglint-fuzz")


def budget(weight: float) -> settings:
    """Settings for a test worth ``weight`` times the active profile's ``max_examples``."""
    return settings(PROFILE, max_examples=max(1, int(weight * PROFILE.max_examples)))


# ----------------------------------------------------------------------------- running orglint


def run_cli(*args: str) -> tuple[int, str, str]:
    """``orglint ARGS`` in-process: (exit code, stdout, stderr). An exception that escapes
    ``orglint.cli.main`` (anything but SystemExit) propagates and fails the test."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, sys.stdout, sys.stderr
    sys.argv, sys.stdout, sys.stderr = ["orglint", *args], out, err
    code: object = 0
    try:
        main()
    except SystemExit as done:
        code = done.code
    finally:
        sys.argv, sys.stdout, sys.stderr = saved
    assert isinstance(code, int), f"exit code {code!r}"
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """One folder for every example of the module (Hypothesis reruns a test body many times)."""
    return tmp_path_factory.mktemp("fuzz")


def write(folder: Path, data: str | bytes, name: str = "org.yaml") -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_no_crash(code: int, out: str, err: str) -> None:
    text = out + err
    assert code in (0, 1, 2), f"exit code {code}\n{text[-3000:]}"
    assert "Traceback" not in text, text[-3000:]
    assert "internal error" not in text, text[-3000:]
    assert not _CRASHED.search(text), text[-3000:]  # E100: a built-in rule crashed


_CRASHED = re.compile(r"rule-crashed|\bfrom \S+ crashed: ")


_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def yaml_lines(data: bytes) -> int:
    """Lines as YAML counts them (NEL, LS and PS break lines too), or as bytes when not UTF-8."""
    text = data.decode("utf-8", "replace")
    return max(1, len(_YAML_BREAK.findall(text)) + 1, data.count(b"\n") + 1)


def check_json(path: Path) -> tuple[int, list[dict], str]:
    """``orglint check --isolated --format json PATH`` with every invariant asserted."""
    code, out, err = run_cli("check", "--isolated", "--format", "json", str(path))
    assert_no_crash(code, out, err)
    findings = json.loads(out)
    line_count = yaml_lines(path.read_bytes())
    for finding in findings:
        assert {"code", "name", "severity", "message", "subject", "file", "line", "column"} <= finding.keys()
        assert finding["message"], finding
        assert isinstance(finding["line"], int) and 1 <= finding["line"] <= line_count + 1, (finding, line_count)
        assert isinstance(finding["column"], int) and finding["column"] >= 1, finding
    # The exit code agrees with the findings (default --fail-on warning).
    input_errors = [f for f in findings if f["kind"] != "rule" and f["severity"] == "error"]
    failing = [f for f in findings if f["severity"] in ("error", "warning")]
    assert code == (2 if input_errors else 1 if failing else 0), (code, findings)
    return code, findings, err


# ----------------------------------------------------------------------------- seeds

SEED_FILES = [
    EXAMPLES / "small-clean.yaml",
    EXAMPLES / "broken.yaml",
    FIXTURES / "graph" / "chart.yaml",
    FIXTURES / "ci" / "org.yaml",
    FIXTURES / "ci" / "clean.yaml",
]
SEED_TEXTS = [path.read_text(encoding="utf-8") for path in SEED_FILES]
SEED_DATA = [yaml.safe_load(text) for text in SEED_TEXTS]

SECTIONS = ("people", "units", "products")
REFERENCE_FIELDS = {
    "people": ("reports_to", "dotted_to", "unit", "units"),
    "units": ("lead", "parent", "products"),
    "products": ("owner",),
}
VOCABULARY = [
    "orglint", "org", "name", "strategy", "people", "units", "products", "id", "title", "roles",
    "reports_to", "dotted_to", "unit", "email", "type", "function", "lead", "parent", "owner", "metrics",
    "x-extra", "reportsTo", "peple", "<<", "ceo", "cpo", "squad", "tribe", "product-led", "department",
]  # fmt: skip
ODD_STRINGS = [
    "", " ", "\t", "tab\there", "line\nbreak", "\u2028", "\x85", "\u202egnp.exe", "\ufeff", "🧑‍💻 Engineer",
    "Ingénieure logiciel", "製品マネージャー", "مدير المنتج", "x" * 5000, "CEO & " * 300, "null", "~", "yes",
    "0x1F", "1e3", "2024-01-01", "&anchor", "*alias", "!!python/object:os.system", "{a: b}", "- item", "#",
    "<b>VP</b> of Product", "ceo", "CEO", "Chief Product Officer", "Product Manager / Product Owner",
]  # fmt: skip
UNSAFE_VALUES = [
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:os.system",
    "!!python/object:__main__.Evil {a: 1}",
    "!!python/tuple [1, 2]",
    "!<tag:yaml.org,2002:python/object/new:os.system> [x]",
    "!custom value",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!omap [{a: 1}]",
    "!!timestamp 2001-12-14",
    "!!float .nan",
    "!!int 0x1F",
    "!!str 123",
    "!!map {a: b}",
    "!!seq [a]",
    "!!null ''",
    "!!bool yes",
    "!!merge <<",
]
YAML_11_SCALARS = ["yes", "no", "on", "off", "~", "null", "0o17", "017", "1_000", ".inf", "-.Inf", "2001-12-14", "0x1F", "1:20", "=", "3.0", "True"]  # fmt: skip

texts = st.one_of(st.sampled_from(ODD_STRINGS), st.text(max_size=40), st.sampled_from(VOCABULARY))
scalars = st.one_of(texts, st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=True))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=8)), inner, max_size=4),
    ),
    max_leaves=12,
)


def locations(data: object, parent: object = None, key: object = None, depth: int = 0) -> list[tuple[object, object]]:
    """Every (container, key or index) of a loaded YAML tree, root excluded."""
    found: list[tuple[object, object]] = []
    if depth > 20:
        return found
    if isinstance(data, dict):
        for child in list(data):
            found.append((data, child))
            found.extend(locations(data[child], data, child, depth + 1))
    elif isinstance(data, list):
        for index in range(len(data)):
            found.append((data, index))
            found.extend(locations(data[index], data, index, depth + 1))
    return found


def entries(data: object, section: str) -> list[dict]:
    if not isinstance(data, dict):
        return []
    value = data.get(section)
    if isinstance(value, list):
        return [entry for entry in value if isinstance(entry, dict)]
    if isinstance(value, dict):
        return [entry for entry in value.values() if isinstance(entry, dict)]
    return []


def ids(data: object, section: str) -> list[object]:
    return [entry["id"] for entry in entries(data, section) if "id" in entry] or ["nobody"]


# ----------------------------------------------------------------------------- mutations of the data


def op_delete(data, draw):
    places = locations(data)
    if places:
        container, key = draw(st.sampled_from(places))
        del container[key]


def op_rename(data, draw):
    places = [(c, k) for c, k in locations(data) if isinstance(c, dict)]
    if places:
        container, key = draw(st.sampled_from(places))
        new = draw(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=12), st.integers(), st.booleans(), st.none()))
        items = [((new if k == key else k), v) for k, v in container.items()]
        container.clear()
        container.update(items)


def op_swap(data, draw):
    places = locations(data)
    if len(places) >= 2:
        (first, a), (second, b) = draw(st.sampled_from(places)), draw(st.sampled_from(places))
        first[a], second[b] = copy.deepcopy(second[b]), copy.deepcopy(first[a])


def op_retype(data, draw):
    places = locations(data)
    if not places:
        return
    container, key = draw(st.sampled_from(places))
    value = container[key]
    kind = draw(st.sampled_from(["list", "map", "null", "str", "int", "float", "bool", "flatten", "deep", "value"]))
    if kind == "list":
        container[key] = [value]
    elif kind == "map":
        container[key] = {str(draw(st.sampled_from(VOCABULARY))): value}
    elif kind == "null":
        container[key] = None
    elif kind == "str":
        container[key] = str(value)
    elif kind == "int":
        container[key] = draw(st.integers(-(10**30), 10**30))
    elif kind == "float":
        container[key] = draw(st.floats())
    elif kind == "bool":
        container[key] = draw(st.booleans())
    elif kind == "flatten":
        if isinstance(value, dict):
            container[key] = list(value.values())
        elif isinstance(value, list):
            container[key] = {index: item for index, item in enumerate(value)}
    elif kind == "deep":
        for _ in range(draw(st.integers(1, 60))):
            value = [value] if draw(st.booleans()) else {"x": value}
        container[key] = value
    else:
        container[key] = draw(values)


def op_inject_text(data, draw):
    places = locations(data)
    if places:
        container, key = draw(st.sampled_from(places))
        text = draw(texts)
        if isinstance(container[key], str) and draw(st.booleans()):
            text = container[key] + text
        container[key] = text


def op_cycle(data, draw):
    section, field = draw(st.sampled_from([("people", "reports_to"), ("units", "parent"), ("people", "dotted_to")]))
    chosen = entries(data, section)
    if chosen:
        cycle = draw(st.lists(st.sampled_from(chosen), min_size=1, max_size=5))
        for entry, target in zip(cycle, cycle[1:] + cycle[:1], strict=False):
            entry[field] = target.get("id", "ghost")


def op_unknown_id(data, draw):
    section = draw(st.sampled_from(SECTIONS))
    chosen = entries(data, section)
    if chosen:
        entry = draw(st.sampled_from(chosen))
        field = draw(st.sampled_from(REFERENCE_FIELDS[section]))
        unknown = draw(st.one_of(st.text(min_size=1, max_size=10), st.sampled_from(["ghost", "Ada", "ada ", "1"])))
        entry[field] = [unknown] if field in ("dotted_to", "units", "products") and draw(st.booleans()) else unknown


def op_nulls(data, draw):
    places = locations(data)
    for container, key in places:
        if draw(st.integers(0, 3)) == 0:
            try:
                container[key] = None
            except (KeyError, IndexError):  # pragma: no cover - an earlier change removed it
                pass


def op_alias(data, draw):
    """The same list or mapping in two places: yaml.safe_dump writes an anchor and an alias."""
    places = [(c, k) for c, k in locations(data) if isinstance(c[k], (list, dict))]
    targets = locations(data)
    if places and targets:
        source_container, source_key = draw(st.sampled_from(places))
        container, key = draw(st.sampled_from(targets))
        container[key] = source_container[source_key]  # may make a recursive structure: &id001 [*id001]


def op_duplicate_entry(data, draw):
    section = draw(st.sampled_from(SECTIONS))
    value = data.get(section) if isinstance(data, dict) else None
    if isinstance(value, list) and value:
        value.insert(draw(st.integers(0, len(value))), copy.deepcopy(draw(st.sampled_from(value))))


def op_mapping_form(data, draw):
    section = draw(st.sampled_from(SECTIONS))
    to_mapping(data, section)


def op_extra_keys(data, draw):
    places = [(c, k) for c, k in locations(data) if isinstance(c[k], dict)] or ([(None, None)] if isinstance(data, dict) else [])
    if places:
        container, key = draw(st.sampled_from(places))
        target = data if container is None else container[key]
        target[draw(st.sampled_from(["x-data", "x-", "extra", "Name", "ID", "reports-to"]))] = draw(values)


def op_root(data, draw):
    """Replace the whole document or a whole section."""
    if draw(st.booleans()) or not isinstance(data, dict):
        return draw(values)
    data[draw(st.sampled_from(SECTIONS + ("org", "orglint")))] = draw(values)
    return data


DATA_OPS = [
    op_delete, op_rename, op_swap, op_retype, op_inject_text, op_cycle, op_unknown_id, op_nulls, op_alias,
    op_duplicate_entry, op_mapping_form, op_extra_keys, op_root,
]  # fmt: skip


def to_mapping(data: object, section: str) -> bool:
    """Rewrite a section from a list of entries to a mapping keyed by id; False when that does not apply."""
    if not isinstance(data, dict) or not isinstance(data.get(section), list):
        return False
    listed = data[section]
    keyed: dict = {}
    seen: set[str] = set()
    for entry in listed:
        # Only valid, distinct ids: the messages about a bad id name the key or the field.
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or entry["id"].strip() in seen | {""}:
            return False
        seen.add(entry["id"].strip())
        keyed[entry["id"]] = {k: v for k, v in entry.items() if k != "id"}
    data[section] = keyed
    return True


def dump(data: object, draw) -> str:
    style = draw(st.sampled_from([None, False, True]))
    try:
        return yaml.safe_dump(
            data,
            allow_unicode=draw(st.booleans()),
            sort_keys=False,
            default_flow_style=style,
            width=draw(st.sampled_from([80, 10**6])),
        )
    except (yaml.YAMLError, RecursionError, ValueError):
        assume(False)
        raise  # pragma: no cover


# ----------------------------------------------------------------------------- mutations of the text


def op_truncate(text: str, draw) -> str:
    return text[: draw(st.integers(0, len(text)))]


def op_insert(text: str, draw) -> str:
    at = draw(st.integers(0, len(text)))
    piece = draw(
        st.one_of(
            st.sampled_from(
                [
                    "\t",
                    "\ufeff",
                    "\x00",
                    "\r",
                    "\n",
                    "  ",
                    ": ",
                    "- ",
                    "'",
                    '"',
                    "{",
                    "[",
                    "]",
                    "}",
                    "#",
                    "|",
                    ">",
                    "%YAML 1.1\n",
                    "---\n",
                    "...\n",
                    "&a ",
                    "*a ",
                    "*missing ",
                    "<<: *a\n",
                    "? ",
                    "!!python/object:x ",
                ]
            ),
            texts,
        )
    )
    return text[:at] + piece + text[at:]


def op_lines(text: str, draw) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    index = draw(st.integers(0, len(lines) - 1))
    action = draw(st.sampled_from(["duplicate", "delete", "swap", "indent", "dedent"]))
    if action == "duplicate":  # duplicate keys, duplicate entries
        lines.insert(index, lines[index])
    elif action == "delete":
        del lines[index]
    elif action == "swap":
        other = draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    elif action == "indent":
        lines[index] = draw(st.sampled_from(["  ", "\t", " "])) + lines[index]
    else:
        lines[index] = lines[index].lstrip(" ")
    return "".join(lines)


_VALUE = re.compile(r"(?<=: )[^\s{}\[\],#][^\n,}\]#]*")


def op_scalar(text: str, draw) -> str:
    """Replace one value after ``key:`` with a tagged, aliased or YAML 1.1 scalar."""
    spots = list(_VALUE.finditer(text))
    if not spots:
        return text
    spot = draw(st.sampled_from(spots))
    replacement = draw(
        st.one_of(
            st.sampled_from(UNSAFE_VALUES),
            st.sampled_from(YAML_11_SCALARS),
            st.sampled_from(["*a", "&a x", "*undefined", "&a [*a]", "[*a]", "&b {c: *b}"]),
        )
    )
    return text[: spot.start()] + replacement + text[spot.end() :]


def op_anchor_alias(text: str, draw) -> str:
    """Anchor one value and use it (or a merge of it) somewhere else."""
    spots = list(_VALUE.finditer(text))
    if len(spots) < 2:
        return text
    first, second = sorted(
        draw(st.lists(st.sampled_from(spots), min_size=2, max_size=2, unique_by=lambda m: m.start())), key=lambda m: m.start()
    )
    use = draw(st.sampled_from(["*fz", "[*fz, *fz]", "{<<: *fz}", "*fz\n  x: 1"]))
    return text[: first.start()] + "&fz " + text[first.start() : second.start()] + use + text[second.end() :]


def op_line_endings(text: str, draw) -> str:
    return text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n", "\u2028", " \n"])))


SUPPRESSIONS = st.one_of(
    st.sampled_from([
        "# orglint: disable=R001,pm-is-po -- reason", "# orglint: disable=ALL", "# orglint: disable=", "# orglint: disable",
        "# orglint: disable-next-line=S002", "# orglint: disable-file=S005,X001", "# orglint: disable-file", "# orglint:",
        "# orglint: enable=R001", "# orglint: disable=Z999,no-such-rule,,", "# orglint: disable=E001", "#orglint:disable=r001",
        "# orglint: disable=S00 -- ", "# orglint: disable-next-line=ALL -- trailing\ttab", "# orglint: disable=R001 # orglint: disable=S001",
    ]),
    st.text(alphabet="#orglint:disable-fnxtw=,RSLFGTX0123456789 -", max_size=40),
)  # fmt: skip


def op_suppression(text: str, draw) -> str:
    """An inline suppression comment (valid, odd or broken) at the end of a line or on a line of its own."""
    lines = text.splitlines(keepends=True) or [""]
    index = draw(st.integers(0, len(lines) - 1))
    comment = draw(SUPPRESSIONS)
    if draw(st.booleans()):
        lines[index] = lines[index].rstrip("\r\n") + " " + comment + "\n"
    else:
        indent = len(lines[index]) - len(lines[index].lstrip(" "))
        lines.insert(index, " " * indent + comment + "\n")
    return "".join(lines)


TEXT_OPS = [op_truncate, op_insert, op_lines, op_scalar, op_anchor_alias, op_line_endings, op_suppression]

# Charts in the other input formats: Backstage catalogs (by their apiVersion) and HR exports (CSV).
BACKSTAGE_SEEDS = [
    (FIXTURES / "realdata" / "backstage-acme" / "org.yaml").read_text(encoding="utf-8")
    + "---\n"
    + (FIXTURES / "realdata" / "backstage-acme" / "team-a-group.yaml").read_text(encoding="utf-8"),
]
CSV_SEED = (
    "Employee ID,Full Name,Job Title,Manager ID,Department,Work Email\n"
    "1,Ada Byron,CEO & Chief Product Officer,,Executive,ada@example.com\n"
    "2,Bob Stone,VP Engineering,1,Engineering,bob@example.com\n"
    '3,"Lee, Cy",Product Manager,2,Product,cy@example.com\n'
    "4,Dee Park,Software Engineer,2,Engineering,\n"
    "5,Eve Ng,Account Executive,9,Sales,eve@example.com\n"
)


@st.composite
def other_format_charts(draw) -> tuple[str | bytes, str]:
    """A Backstage catalog or a CSV export after 0-3 text mutations: (content, file name)."""
    if draw(st.booleans()):
        text, name = draw(st.sampled_from(BACKSTAGE_SEEDS)), "catalog.yaml"
    else:
        text, name = CSV_SEED, "hr.csv"
        if draw(st.booleans()):
            text = text.replace(",", draw(st.sampled_from([";", "\t", "|", ",,"])))
    for _ in range(draw(st.integers(0, 3))):
        text = draw(st.sampled_from(TEXT_OPS))(text, draw)
    if draw(st.integers(0, 9)) == 0:
        return flip_bytes(text.encode("utf-8"), draw), name
    return text, name


def flip_bytes(data: bytes, draw) -> bytes:
    if not data:
        return data
    mutable = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(mutable) - 1))
        mutable[at] ^= draw(st.integers(1, 255))
    return bytes(mutable)


@st.composite
def mutated_charts(draw) -> tuple[str | bytes, bool]:
    """A seed chart after 1-4 data mutations and 0-2 text mutations (bytes when bytes were flipped).

    Also says whether the text was mutated (a text mutation may make the YAML invalid)."""
    index = draw(st.integers(0, len(SEED_DATA) - 1))
    data = copy.deepcopy(SEED_DATA[index])
    for _ in range(draw(st.integers(0, 4))):
        result = draw(st.sampled_from(DATA_OPS))(data, draw)
        if result is not None:
            data = result
    text = dump(data, draw) if draw(st.integers(0, 5)) else SEED_TEXTS[index]
    text_ops = draw(st.integers(0, 2))
    for _ in range(text_ops):
        text = draw(st.sampled_from(TEXT_OPS))(text, draw)
    if draw(st.integers(0, 9)) == 0:
        return flip_bytes(text.encode("utf-8"), draw), True
    return text, bool(text_ops)


yamlish_tokens = st.sampled_from(
    VOCABULARY
    + [": ", ":", "- ", "-", "\n", "\n  ", "\n    ", "  ", "\t", "[", "]", "{", "}", ",", "&a", "*a", "&b ", "*b", "!!python/object:x",
       "!!str", "!t", "'", '"', "|", "|-", ">", "#", "? ", "---", "...", "%YAML 1.2", "%TAG ! tag:x,2000:", "<<", "~", "null",
       "ceo", "CEO & CPO", "1", "0x1", "é", "\\", "\x00", "\ufeff", "\u2028", "\r"]
)  # fmt: skip
yamlish_texts = st.lists(st.one_of(yamlish_tokens, st.text(max_size=5)), max_size=60).map("".join)


def chart_documents():
    """Random YAML documents with the format's sections and fields, values of any type."""
    field = st.sampled_from(VOCABULARY)
    entry = st.dictionaries(field, st.one_of(values, st.sampled_from(["ada", "bob", "cy"])), max_size=6)
    section = st.one_of(
        st.lists(entry, max_size=5),
        st.dictionaries(st.sampled_from(["ada", "bob", "cy", "1", "x"]), st.one_of(entry, values), max_size=4),
        values,
    )
    return st.fixed_dictionaries(
        {},
        optional={
            "orglint": st.one_of(st.just(1), values),
            "org": st.one_of(entry, values),
            "people": section,
            "units": section,
            "products": section,
        },
    )


# ----------------------------------------------------------------------------- the properties


@budget(2.5)
@given(mutated_charts())
@example(("people: &a [*a]\n", True))
@example(("orglint: 1\npeople:\n  - {id: ada, reports_to: ada}\n", False))
@example(("people: {ada: {name: !!python/object/apply:os.system [echo]}}\n", True))
@example(("people:\n  - id: 1\n  - id: 01\n  - id: 0x1\n", False))
@example(('people:\n  - {id: ada, name: "Ada\\nByron\\e]0;pwned\\a", reports_to: ghost}\n', False))
@example(('orglint: 1\npeople:\n  - {id: ada, name: "Ada \x07 Byron"}\n', True))
@example(("people: [{id: ada, units: [a], unit: a}]\nunits: [{id: a, parent: a}, {id: a}]\n", False))
def test_mutated_charts_never_crash(workdir, case):
    data, _ = case
    path = write(workdir, data)
    _, findings, _ = check_json(path)
    # One finding, one line: a chart's line breaks and escape codes are shown escaped.
    code, out, err = run_cli("check", "--isolated", "--format", "concise", str(path))
    assert_no_crash(code, out, err)
    assert len(out.split("\n")) - 1 == len(findings), out
    assert "\x1b" not in out + err


@budget(2)
@given(mutated_charts(), st.sampled_from(["text", "concise", "sarif", "github", "junit", "gitlab", "html"]))
def test_every_format_survives_mutated_charts(workdir, case, output_format):
    path = write(workdir, case[0])
    color = "always" if output_format == "text" and case[1] else "never"
    code, out, err = run_cli("check", "--isolated", "--format", output_format, "--color", color, str(path))
    assert_no_crash(code, out, err)
    if output_format in ("sarif", "gitlab"):
        json.loads(out)
    if color == "never" and output_format in ("text", "concise", "github"):
        assert "\x1b" not in out + err  # no terminal escape sequence from the chart's values


@budget(1)
@given(
    mutated_charts(),
    st.sampled_from(
        [
            ["roles", "--format", "json"],
            ["stats", "--format", "json"],
            ["stats"],
            ["graph"],
            ["graph", "--format", "dot", "--group-by-unit"],
        ]
    ),
)
def test_other_commands_survive_mutated_charts(workdir, case, command):
    path = write(workdir, case[0])
    code, out, err = run_cli(*command, str(path))
    assert_no_crash(code, out, err)
    assert code in (0, 2)  # these commands report input errors only


@budget(1)
@given(other_format_charts())
def test_mutated_backstage_catalogs_and_csv_exports_never_crash(workdir, case):
    data, name = case
    path = write(workdir, data, name)
    check_json(path)
    code, out, err = run_cli("check", "--isolated", "--format", "text", "--color", "always", str(path))
    assert_no_crash(code, out, err)
    path.unlink()


@budget(1)
@given(st.lists(mutated_charts(), min_size=2, max_size=3), st.booleans())
def test_folders_of_mutated_charts_never_crash(workdir, cases, with_csv):
    """Several files merged into one chart: conflicting org sections, ids defined twice, references across files."""
    folder = workdir / "org"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for index, (data, _) in enumerate(cases):
        write(folder, data, f"part-{index}.yaml")
    if with_csv:
        write(folder, CSV_SEED, "hr.csv")
    code, out, err = run_cli("check", "--isolated", "--format", "json", str(folder))
    assert_no_crash(code, out, err)
    assert code == run_cli("check", "--isolated", "--format", "concise", str(folder))[0]


@budget(1)
@given(st.data())
def test_random_command_lines(workdir, data):
    """Any command line: exit 0, 1 or 2 and a message, never an internal error (bad options used to
    be reported as "internal error: NoSuchOption ... This is a bug in orglint")."""
    chart = write(workdir, SEED_TEXTS[0], "chart.yaml")
    out_file = str(workdir / "out" / "result.txt")
    (workdir / "cwd").mkdir(exist_ok=True)
    commands = ["check", "rules", "explain", "roles", "graph", "stats", "convert", "schema", "nosuch", "--version", "-h", ""]
    options = [
        "--format", "-f", "--select", "--ignore", "--fail-on", "--exit-zero", "--color", "--quiet", "--rules-dir", "--map",
        "--config", "--isolated", "--baseline", "--write-baseline", "--force", "--statistics", "--output", "-o",
        "--group-by-unit", "--max-people", "--bogus", "-", "--", "--help",
    ]  # fmt: skip
    values = [
        str(chart), str(workdir), out_file, "json", "sarif", "text", "mermaid", "dot", "R001", "L", "ALL", "Z999", "R001,,S",
        "error", "warning", "fatal", "always", "never", "-1", "0", "abc", "manager=Supervisor", "=", "id", "E100", "ceo-is-cpo",
    ]  # fmt: skip
    args = [data.draw(st.sampled_from(commands))]
    args += data.draw(st.lists(st.one_of(st.sampled_from(options), st.sampled_from(values), st.text(max_size=6)), max_size=6))
    # In the scratch folder: `schema -o --color` writes a file called --color.
    previous = os.getcwd()
    os.chdir(workdir / "cwd")
    try:
        code, out, err = run_cli(*[arg for arg in args if arg])
    finally:
        os.chdir(previous)
    assert_no_crash(code, out, err)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--bogus"], "No such option: --bogus"),
        (["check", "--format", "yaml", "x.yaml"], "'yaml' is not one of"),
        (["graph", "--max-people", "-1"], "greater than or equal to 0"),
        (["nosuch"], "No such command 'nosuch'"),
        (["explain"], "Missing argument"),
    ],
)
def test_usage_errors_are_usage_errors_not_internal_errors(args, message):
    """Regression: typer 0.2x runs on its own copy of click (typer._click), whose exceptions are not
    click's; every bad option was reported as an internal error, "a bug in orglint"."""
    code, _out, err = run_cli(*args)
    assert code == 2
    assert message in err and "Usage: orglint" in err
    assert "internal error" not in err and "Traceback" not in err


@budget(2)
@given(yamlish_texts)
def test_random_yamlish_text_never_crashes(workdir, text):
    check_json(write(workdir, text))


@budget(2)
@given(chart_documents(), st.data())
def test_random_documents_in_the_format_vocabulary(workdir, document, data):
    text = dump(document, data.draw)
    _code, findings, _ = check_json(write(workdir, text))
    # Same input twice -> the same JSON.
    assert check_json(write(workdir, text))[1] == findings


@budget(1.5)
@given(mutated_charts())
def test_output_is_deterministic(workdir, case):
    path = write(workdir, case[0])
    first = run_cli("check", "--isolated", "--format", "json", str(path))
    assert_no_crash(*first)
    assert run_cli("check", "--isolated", "--format", "json", str(path)) == first


def _comparable(findings: list[dict]) -> list[tuple]:
    """Findings without their lines and columns: the mapping form has no ``id:`` lines, and an
    entry starts at its key instead of its dash."""
    return sorted(
        (f["code"], f["severity"], f["subject"], re.sub(r"line \d+", "line N", f["message"]), f["kind"]) for f in findings
    )


def _reads_back(text: str, data: object) -> bool:
    try:
        return yaml.safe_load(text) == data
    except (yaml.YAMLError, RecursionError):
        return False


@budget(1.5)
@given(st.data())
def test_list_and_mapping_forms_give_the_same_findings(workdir, data):
    index = data.draw(st.integers(0, len(SEED_DATA) - 1))
    chart = copy.deepcopy(SEED_DATA[index])
    for _ in range(data.draw(st.integers(0, 3))):
        op = data.draw(
            st.sampled_from([op_cycle, op_unknown_id, op_inject_text, op_delete, op_retype, op_swap, op_duplicate_entry])
        )
        op(chart, data.draw)
    listed = dump(chart, data.draw)
    keyed_chart = copy.deepcopy(chart)
    sections = [section for section in SECTIONS if to_mapping(keyed_chart, section)]
    assume(sections)
    keyed = dump(keyed_chart, data.draw)
    # PyYAML's dumper does not round-trip every string (a NEL written plain reads back as a
    # line break): compare the two forms only where each reads back as what was dumped.
    assume(_reads_back(listed, chart) and _reads_back(keyed, keyed_chart))
    code, findings, _ = check_json(write(workdir, listed))
    keyed_code, keyed_findings, _ = check_json(write(workdir, keyed))
    assert keyed_code == code
    assert _comparable(keyed_findings) == _comparable(findings)


def test_seed_charts_in_mapping_form(workdir):
    """The unmutated seeds: every section that can be keyed by id, keyed by id."""
    for data in SEED_DATA:
        keyed = copy.deepcopy(data)
        assert any([to_mapping(keyed, section) for section in SECTIONS])
        code, findings, _ = check_json(write(workdir, yaml.safe_dump(data, sort_keys=False, allow_unicode=True)))
        keyed_code, keyed_findings, _ = check_json(write(workdir, yaml.safe_dump(keyed, sort_keys=False, allow_unicode=True)))
        assert (keyed_code, _comparable(keyed_findings)) == (code, _comparable(findings))
