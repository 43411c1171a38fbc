"""Reading a large chart in pieces, on one core or several, gives exactly what reading it in one piece gives."""

from __future__ import annotations

import gc
import importlib.util
import os

import pytest

from helpers import ROOT
from orglint.api import lint_loaded
from orglint.importers import build_org, native, parallel, plain_lists
from orglint.loader import LoadResult, SourceFile
from orglint.model import Org, Person


def _generator():
    spec = importlib.util.spec_from_file_location("orglint_bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def chart_text(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("chart") / "org.yaml"
    _generator().write_org(1500, path, seed=3)
    return path.read_text(encoding="utf-8")


def _read(text: str, *, workers: int, monkeypatch) -> tuple:
    """Org and problems of ``text``: read in one piece by libyaml (``workers=0``), or cut into
    chunks of about 20 kB read here (``1``) or shared with ``workers - 1`` forked workers."""
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 10**12 if workers == 0 else 0)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 20_000)
    monkeypatch.setattr(parallel, "worker_count", lambda: max(workers, 1))
    loaded = LoadResult(files=[SourceFile("org.yaml", text)], problems=[])
    return build_org(loaded)


def _snapshot(org, problems) -> tuple:
    entities = [
        (entity.kind, entity.id, entity.line, entity.column, entity.end_line, dict(entity.spans), entity.extra)
        for entity in org.iter_entities()
    ]
    duplicates = [(d.second.id, d.second.line) for d in org.duplicates]
    return (
        entities,
        duplicates,
        (org.name, org.strategy, org.line, org.spans),
        sorted((p.code, p.line, p.column, p.message, p.related) for p in problems),
    )


def test_the_plan_cuts_only_between_entries(chart_text, monkeypatch):
    assert len(chart_text) < parallel.MIN_SPLIT_BYTES
    assert parallel.plan(chart_text) is None  # a 1,500-person chart is read in one piece
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 20_000)
    split = parallel.plan(chart_text)
    assert split is not None
    assert {chunk.section for chunk in split.chunks} == {"products", "units", "people"}
    assert len(split.chunks) > 10
    original_lines = chart_text.splitlines()
    # Each chunk as libyaml would read it below blank lines: at the file's own line numbers.
    chunk_texts = ["\n" * (chunk.first_line - 1) + chart_text[chunk.start : chunk.end] for chunk in split.chunks]
    for part in [split.head] + chunk_texts:
        # Every part keeps the file's line numbers: each line is the file's own line or blank.
        lines = part.splitlines()
        assert all(line == "" or line == original_lines[number] for number, line in enumerate(lines))
    for chunk_text in chunk_texts:
        assert chunk_text.lstrip("\n").startswith("  - ")
    kept = [line for part in [split.head] + chunk_texts for line in part.splitlines() if line]
    assert sorted(kept) == sorted(line for line in original_lines if line)


def test_the_plain_reader_reads_every_chunk_of_a_generated_chart(chart_text, monkeypatch):
    # Else the speed of large charts would quietly fall back to libyaml's.
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 20_000)
    for chunk in parallel.plan(chart_text).chunks:
        fields = native.SECTIONS[chunk.section][1]
        text = chart_text[chunk.start : chunk.end]
        assert plain_lists.read_entries(text, chunk.section, fields, native._VOCABULARY_SETS, 2, chunk.first_line)


def test_chunks_are_shared_out_in_file_order_with_a_smaller_share_here(chart_text, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 5_000)
    chunks = parallel.plan(chart_text).chunks
    groups = parallel.share_out(chunks, 3)
    assert len(groups) == 3
    assert [chunk for group in groups for chunk in group] == chunks
    sizes = [sum(chunk.end - chunk.start for chunk in group) for group in groups]
    assert sizes[0] < min(sizes[1:])
    assert parallel.share_out(chunks, 1) == [chunks]
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 10**12)
    assert parallel.share_out(chunks, 3) == [chunks]  # too little to be worth a fork


@pytest.mark.parametrize(
    "text",
    [
        "people:\n  - id: a\npeople:\n  - id: b\n",  # two people keys: not cut
        "people:\n  alice:\n    name: A\n",  # the mapping form
        "people: [{id: a}, {id: b}]\n",  # flow style
        "people:  # the list follows\n  # nobody yet\n",  # an empty section
        "people:\n  - id: a\n" + "".join(f"x-{n}: {n}\n" for n in range(1001)),  # not a chart's shape
    ],
)
def test_no_plan_for_charts_it_cannot_cut_safely(text, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 0)
    assert parallel.plan(text) is None


def test_lists_at_column_0_are_cut_like_indented_ones(monkeypatch):
    # PyYAML's default block style (yaml.safe_dump): items at the key's own indentation.
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 10)
    text = "org:\n  name: A\npeople:\n- id: a\n  title: CEO\n- id: b\n  reports_to: a\n-bad-key: 1\nunits:\n- id: u\n"
    split = parallel.plan(text)
    assert [(chunk.section, chunk.first_line, chunk.indent, text[chunk.start : chunk.end]) for chunk in split.chunks] == [
        ("people", 4, 0, "- id: a\n  title: CEO\n"),
        ("people", 6, 0, "- id: b\n  reports_to: a\n"),
        ("units", 10, 0, "- id: u\n"),
    ]
    assert split.head == "org:\n  name: A\npeople:\n\n\n\n\n-bad-key: 1\nunits:\n\n"


def test_each_list_is_cut_where_it_is(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 0)
    text = "units:\n  - id: u\nx-notes: [people]\npeople:  # everyone\n\n  - id: a\n"
    split = parallel.plan(text)
    assert [(chunk.section, chunk.first_line, text[chunk.start : chunk.end]) for chunk in split.chunks] == [
        ("units", 2, "  - id: u\n"),
        ("people", 6, "  - id: a\n"),
    ]
    assert split.head == "units:\n\nx-notes: [people]\npeople:  # everyone\n\n\n"


@pytest.mark.parametrize("workers", [1, 2, 3, 5])
def test_reading_in_pieces_equals_reading_in_one_piece(chart_text, workers, monkeypatch):
    gc.collect()
    sequential = _snapshot(*_read(chart_text, workers=0, monkeypatch=monkeypatch))
    assert sequential[0], "the generated chart has entries"
    assert _snapshot(*_read(chart_text, workers=workers, monkeypatch=monkeypatch)) == sequential


def test_problems_in_a_worker_chunk_keep_their_file_positions(chart_text, monkeypatch):
    lines = chart_text.splitlines(keepends=True)
    # An unknown key, a duplicate key and an x- value late in the people list (in a worker's chunk).
    people_start = lines.index("people:\n")
    section_end = next((i for i in range(people_start + 1, len(lines)) if lines[i][:1] not in (" ", "#", "\n")), len(lines))
    target = max(i for i in range(people_start, section_end) if lines[i].startswith("  - id: "))
    lines.insert(target + 1, "    nmae: typo\n    x-badge: {level: 3}\n    nmae: again\n")
    text = "".join(lines)
    sequential = _snapshot(*_read(text, workers=0, monkeypatch=monkeypatch))
    assert any(problem[0] == "E003" and problem[1] == target + 2 for problem in sequential[3])
    assert _snapshot(*_read(text, workers=2, monkeypatch=monkeypatch)) == sequential


@pytest.mark.parametrize(
    "damage",
    [
        ("    name: ", '    name: "unterminated\n  - id: ghost\n    name: "'),  # a quoted scalar across a cut
        ("    email: ", "    email: *nowhere\n    x-email: "),  # an alias the chunk cannot resolve
        ("    title: ", "    title: [broken\n    x-title: "),  # a syntax error
    ],
)
def test_trouble_in_a_chunk_falls_back_to_one_piece(chart_text, damage, monkeypatch):
    anchor, replacement = damage
    at = chart_text.rindex(anchor)
    text = chart_text[:at] + replacement + chart_text[at + len(anchor) :]
    sequential = _snapshot(*_read(text, workers=0, monkeypatch=monkeypatch))
    assert _snapshot(*_read(text, workers=3, monkeypatch=monkeypatch)) == sequential


def _fails_after_one_part(how: str):
    real = native._read_chunks_in_worker

    def read_in_worker(path, text, chunks):
        parts = real(path, text, chunks)
        yield next(parts)
        if how == "raises":
            raise RuntimeError("a worker's bug")
        if how == "dies":
            os._exit(3)  # gone without a word: no "done" ever comes
        if how == "sends junk":
            yield object()  # not a chunk's entries
        yield from parts

    return read_in_worker


@pytest.mark.parametrize("how", ["raises", "dies", "sends junk", "works"])
def test_a_worker_that_fails_part_way_falls_back_to_one_piece(chart_text, how, monkeypatch):
    sequential = _snapshot(*_read(chart_text, workers=0, monkeypatch=monkeypatch))
    used_fallback = []
    real_builder_build = native._Builder.build

    def build(self):
        used_fallback.append(True)
        return real_builder_build(self)

    monkeypatch.setattr(native, "_read_chunks_in_worker", _fails_after_one_part(how))
    monkeypatch.setattr(native._Builder, "build", build)
    assert _snapshot(*_read(chart_text, workers=2, monkeypatch=monkeypatch)) == sequential
    assert used_fallback == ([] if how == "works" else [True])


def test_findings_are_the_same_in_parallel(chart_text, monkeypatch):
    def findings(workers):
        _read(chart_text, workers=workers, monkeypatch=monkeypatch)  # sets the reading up
        result = lint_loaded(LoadResult(files=[SourceFile("org.yaml", chart_text)], problems=[]))
        return [finding.to_dict() for finding in result.findings]

    sequential = findings(0)
    assert sequential, "the generated chart carries a few deliberate imperfections"
    assert findings(1) == sequential
    assert findings(2) == sequential


@pytest.mark.parametrize("where", ["first", "last"])
def test_entries_the_head_reads_keep_their_place_among_the_chunks(chart_text, where, monkeypatch):
    # Products in the mapping form (read with the head, not cut), before or after the lists.
    text = chart_text.replace("\nproducts:\n", "\nx-products:\n", 1)
    products = "products:\n  solo:\n    name: Solo\n  duo:\n    name: Duo\n"
    if where == "first":
        at = text.index("\nx-products:\n") + 1
        text = text[:at] + products + text[at:]
    else:
        text += products
    sequential = _snapshot(*_read(text, workers=0, monkeypatch=monkeypatch))
    kinds = [kind for kind, *_ in sequential[0]]
    assert kinds.count("products") == 2
    for workers in (1, 2):
        assert _snapshot(*_read(text, workers=workers, monkeypatch=monkeypatch)) == sequential


@pytest.fixture(scope="module")
def dumped_text(chart_text) -> str:
    """The generated chart as yaml.safe_dump writes it: lists at column 0, its own quoting."""
    import yaml

    return yaml.safe_dump(yaml.safe_load(chart_text), sort_keys=False, allow_unicode=True)


@pytest.mark.parametrize("workers", [1, 3])
def test_a_safe_dump_chart_is_cut_and_read_as_in_one_piece(dumped_text, workers, monkeypatch):
    assert "\npeople:\n- " in dumped_text  # PyYAML's default style: items at the key's indentation
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 20_000)
    split = parallel.plan(dumped_text)
    assert split is not None and {chunk.indent for chunk in split.chunks} == {0} and len(split.chunks) > 10
    sequential = _snapshot(*_read(dumped_text, workers=0, monkeypatch=monkeypatch))
    assert sequential[0]
    assert _snapshot(*_read(dumped_text, workers=workers, monkeypatch=monkeypatch)) == sequential


def test_the_plain_reader_reads_every_chunk_of_a_safe_dump_chart(dumped_text, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 20_000)
    for chunk in parallel.plan(dumped_text).chunks:
        fields = native.SECTIONS[chunk.section][1]
        text = dumped_text[chunk.start : chunk.end]
        assert plain_lists.read_entries(text, chunk.section, fields, native._VOCABULARY_SETS, 0, chunk.first_line)


@pytest.mark.parametrize("workers", [1, 2])
def test_odd_entries_alone_go_to_libyaml(dumped_text, workers, monkeypatch):
    # Three entries the plain reader leaves alone: an escape, an anchor, a comment after an item.
    text = dumped_text.replace("\n  title: ", '\n  title: "Tab\\there" #\n  x-was: ', 1)
    lines = text.split("\n- id: ")
    lines[200] = lines[200].replace("\n  name: ", "\n  name: &n ", 1)
    text = "\n- id: ".join(lines)
    text = text.replace("\n  units:\n  - ", "\n  units:\n  - # a note\n    ", 1)
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 20_000)
    left = []
    for chunk in parallel.plan(text).chunks:
        odd: list = []
        fields = native.SECTIONS[chunk.section][1]
        entries = plain_lists.read_entries(
            text[chunk.start : chunk.end], chunk.section, fields, native._VOCABULARY_SETS, 0, chunk.first_line, odd
        )
        assert entries is not None
        left += [line for _index, line, _part in odd]
    assert len(left) == 3
    sequential = _snapshot(*_read(text, workers=0, monkeypatch=monkeypatch))
    assert _snapshot(*_read(text, workers=workers, monkeypatch=monkeypatch)) == sequential


@pytest.mark.parametrize("workers", [1, 2])
def test_many_odd_entries_are_read_at_their_lines_without_padding(chart_text, workers, monkeypatch):
    # Every other person carries an x- field (left to libyaml), a few with a problem to report.
    parts = chart_text.split("\n  - id: ")
    for number in range(1, len(parts), 2):
        parts[number] = parts[number].replace("\n", '\n    x-note: "odd"\n', 1)
    for number in (301, 603):
        parts[number] = parts[number].replace("\n", "\n    nmae: typo\n", 1)
    text = "\n  - id: ".join(parts)
    sequential = _snapshot(*_read(text, workers=0, monkeypatch=monkeypatch))
    assert sum(problem[0] == "E003" for problem in sequential[3]) == 2
    padded = []
    real = native._read_list_items

    def read_list_items(path, text, section, problems):
        padded.append(text.startswith("\n"))
        return real(path, text, section, problems)

    monkeypatch.setattr(native, "_read_list_items", read_list_items)
    assert _snapshot(*_read(text, workers=workers, monkeypatch=monkeypatch)) == sequential
    # Only the runs with a problem are read again below blank lines, to report it at its place.
    if workers == 1:
        assert len(padded) > 100
        assert padded.count(True) == 2


@pytest.mark.parametrize(
    "ids",
    [
        ["c", "d"],  # new ids: added in one step
        ["c", "a", "d"],  # an id already taken: the second definition is kept aside
        ["c", "d", "c"],  # an id repeated within the batch
    ],
)
def test_adding_a_chunk_of_entities_is_adding_them_one_by_one(ids):
    def org_after(add_batch) -> tuple:
        org = Org()
        for person_id in ("a", "b"):
            org.add(Person(person_id, line=1))
        add_batch(org, [Person(person_id, line=line) for line, person_id in enumerate(ids, start=2)])
        return [(p.id, p.line) for p in org.people.values()], [(d.first.line, d.second.id, d.second.line) for d in org.duplicates]

    one_by_one = org_after(lambda org, batch: [org.add(entity) for entity in batch])
    assert org_after(lambda org, batch: org.add_all(batch)) == one_by_one
    assert len(one_by_one[1]) == (len(ids) - len(set(ids) - {"a", "b"}))
