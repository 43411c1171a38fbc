"""Reading a large chart on several cores gives exactly what reading it in one piece gives."""

from __future__ import annotations

import gc
import importlib.util

import pytest

from helpers import ROOT
from orglint.api import lint_loaded
from orglint.importers import build_org, parallel
from orglint.loader import LoadResult, SourceFile


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
    """Org and problems of ``text``, read with ``workers`` parts (1: in one piece)."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel, "worker_count", lambda: workers)
    loaded = LoadResult(files=[SourceFile("org.yaml", text)], problems=[])
    return build_org(loaded)


def _snapshot(org, problems) -> tuple:
    entities = [
        (entity.kind, entity.id, entity.line, entity.column, entity.end_line, entity.spans, entity.extra)
        for entity in org.iter_entities()
    ]
    duplicates = [(d.second.id, d.second.line) for d in org.duplicates]
    return (
        entities,
        duplicates,
        (org.name, org.strategy, org.line, org.spans),
        sorted((p.code, p.line, p.column, p.message, p.related) for p in problems),
    )


def test_the_plan_cuts_only_between_entries(chart_text):
    split = parallel.plan(chart_text, 3) if len(chart_text) >= parallel.MIN_PARALLEL_BYTES else None
    assert split is None  # a 1,500-person chart is too small to be worth a fork
    original = parallel.MIN_PARALLEL_BYTES
    try:
        parallel.MIN_PARALLEL_BYTES = 0
        split = parallel.plan(chart_text, 3)
    finally:
        parallel.MIN_PARALLEL_BYTES = original
    assert split is not None and len(split.chunks) == 2
    original_lines = chart_text.splitlines()
    chunk_texts = [chunk.text_in(chart_text) for chunk in split.chunks]
    for part in [split.head] + chunk_texts:
        # Every part keeps the file's line numbers: each line is the file's own line or blank.
        lines = part.splitlines()
        assert all(line == "" or line == original_lines[number] for number, line in enumerate(lines))
    for chunk_text in chunk_texts:
        assert chunk_text.lstrip("\n").startswith("  - ")
    kept = [line for part in [split.head] + chunk_texts for line in part.splitlines() if line]
    assert sorted(kept) == sorted(line for line in original_lines if line)


@pytest.mark.parametrize(
    "text",
    [
        "people:\n- id: a\n- id: b\n",  # a list at column 0: not cut
        "people:\n  - id: a\npeople:\n  - id: b\n",  # two people keys: not cut
        "units:\n  - id: u\n",  # no people
        "people: [{id: a}, {id: b}]\n",  # flow style
    ],
)
def test_no_plan_for_charts_it_cannot_cut_safely(text, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    assert parallel.plan(text, 2) is None


@pytest.mark.parametrize("workers", [2, 3, 5])
def test_parallel_read_equals_sequential_read(chart_text, workers, monkeypatch):
    gc.collect()
    sequential = _snapshot(*_read(chart_text, workers=1, monkeypatch=monkeypatch))
    assert sequential[0], "the generated chart has entries"
    assert _snapshot(*_read(chart_text, workers=workers, monkeypatch=monkeypatch)) == sequential


def test_problems_in_a_worker_chunk_keep_their_file_positions(chart_text, monkeypatch):
    lines = chart_text.splitlines(keepends=True)
    # An unknown key, a duplicate key and an x- value late in the people list (in a worker's chunk).
    people_start = lines.index("people:\n")
    section_end = next(
        (i for i in range(people_start + 1, len(lines)) if lines[i][:1] not in (" ", "#", "\n")), len(lines)
    )
    target = max(i for i in range(people_start, section_end) if lines[i].startswith("  - id: "))
    lines.insert(target + 1, "    nmae: typo\n    x-badge: {level: 3}\n    nmae: again\n")
    text = "".join(lines)
    sequential = _snapshot(*_read(text, workers=1, monkeypatch=monkeypatch))
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
    sequential = _snapshot(*_read(text, workers=1, monkeypatch=monkeypatch))
    assert _snapshot(*_read(text, workers=3, monkeypatch=monkeypatch)) == sequential


def test_findings_are_the_same_in_parallel(chart_text, monkeypatch):
    def findings(workers):
        monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
        monkeypatch.setattr(parallel, "worker_count", lambda: workers)
        result = lint_loaded(LoadResult(files=[SourceFile("org.yaml", chart_text)], problems=[]))
        return [finding.to_dict() for finding in result.findings]

    sequential = findings(1)
    assert sequential, "the generated chart carries a few deliberate imperfections"
    assert findings(2) == sequential


def test_sections_after_the_people_list_keep_their_place(chart_text, monkeypatch):
    # Move `units:` after `people:`, so the head holds entries on both sides of the chunks.
    units_start = chart_text.index("\nunits:\n") + 1
    people_start = chart_text.index("\npeople:\n") + 1
    assert units_start < people_start
    text = chart_text[:units_start] + chart_text[people_start:] + chart_text[units_start:people_start]
    sequential = _snapshot(*_read(text, workers=1, monkeypatch=monkeypatch))
    people_lines = [line for kind, _id, line, *_ in sequential[0] if kind == "people"]
    unit_lines = [line for kind, _id, line, *_ in sequential[0] if kind == "units"]
    assert max(people_lines) < min(unit_lines)
    assert _snapshot(*_read(text, workers=2, monkeypatch=monkeypatch)) == sequential


def test_an_unexpected_key_after_the_people_list_falls_back_to_one_piece(chart_text, monkeypatch):
    text = chart_text + "teams:\n  - id: t\n"  # an unknown top-level key after the people list
    sequential = _snapshot(*_read(text, workers=1, monkeypatch=monkeypatch))
    assert any(problem[0] == "E003" for problem in sequential[3])
    assert _snapshot(*_read(text, workers=2, monkeypatch=monkeypatch)) == sequential
