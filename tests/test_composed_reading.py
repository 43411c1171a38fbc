"""The native reader walks libyaml's events; a part that must be composed first (an anchored or
tagged root, section or entry) is walked the same way from its node (yaml_safe.NodeEvents).
Both must read the same chart, with the same locations and the same problems."""

from __future__ import annotations

from helpers import chart
from orglint.api import lint_text

PLAIN = """
orglint: 1
org:
  name: Acme
people:
  - id: ada
    name: Ada Byron
    title: CEO
  - {id: bo, name: Bo Chen, title: VP Product, reports_to: ada, units: [growth]}
  - id: cy
    title: Product Manager
    reports_to: bo
    colour: blue
    unit: growth
units:
  growth:         {name: Growth, type: squad, lead: bo}
  core:
"""

# The same chart with its parts anchored or tagged, which sends them through composition, and the
# line from which what follows has moved down one (None: nothing moved).
COMPOSED = {
    "root": (PLAIN.replace("orglint: 1\n", "--- !!map\norglint: 1\n", 1), 1),
    "section": (PLAIN.replace("people:\n", "people: &everyone\n", 1), None),
    "entry": (PLAIN.replace("  - id: cy\n", "  - &cy\n    id: cy\n", 1), 9),
    "mapping entry": (PLAIN.replace("  growth:         {name", "  growth: &growth {name", 1), None),
}


def read(text: str, moved_from: int | None = None) -> tuple[list, list]:
    """The entities and problems with their locations, as lines of PLAIN (``moved_from``: the line of
    ``text`` from which every line is one below its place in PLAIN)."""

    def line(number: int) -> int:
        return number - 1 if moved_from is not None and number > moved_from else number

    result = lint_text(chart(text), select=["S"])
    org = result.org
    entities = [
        (
            entity.subject,
            line(entity.line),
            entity.column,
            line(entity.end_line),
            sorted((name, (line(at), column)) for name, (at, column) in entity.spans.items()),
        )
        for entity in [*org.people.values(), *org.units.values()]
    ]
    problems = [(f.code, line(f.line), f.column, f.message) for f in result.findings if f.kind != "rule"]
    return entities, problems


def test_composed_parts_read_like_plain_ones():
    entities, problems = read(PLAIN)
    assert [subject for subject, *_ in entities] == ["people.ada", "people.bo", "people.cy", "units.growth", "units.core"]
    assert [(code, line) for code, line, _column, _message in problems] == [("E003", 12)]  # colour
    for name, (text, moved_from) in COMPOSED.items():
        assert read(text, moved_from) == (entities, problems), name


def test_a_composed_section_with_a_disallowed_tag_is_reported_once():
    result = lint_text(chart(PLAIN.replace("people:\n", "people: !!python/object:os.system\n", 1)), select=["S"])
    assert [(f.code, f.line) for f in result.findings if f.kind != "rule"] == [("E008", 4)]
    assert not result.org.people


def test_a_composed_entry_that_is_not_a_mapping():
    text = PLAIN.replace("  - id: cy\n", "  - &cy [id, cy]\n  - id: cy\n", 1)
    result = lint_text(chart(text), select=["S"])
    assert ("E004", "each person entry must be a mapping, not a list") in [
        (f.code, f.message) for f in result.findings if f.kind != "rule"
    ]
