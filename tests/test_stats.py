"""`orglint stats`: exact figures on a small chart, the JSON and text outputs, linear behaviour."""

from __future__ import annotations

import json
import sys
from unittest import mock

import pytest

from helpers import chart
from orglint.api import lint_text
from orglint.stats import Distribution, bar, compute, renderables

# 12 people. Reporting tree (depth in brackets):
#   ada [0] -> bob [1] -> cy [2] -> dee, eli, fay [3]
#                      -> gus [2] -> hal [3]            (gus: manager of one)
#           -> ivy [1] (CPO & CTO: two functions)
#           -> jo  [1]
#   kim [0] (second top, no title, no unit: function unknown)
#   lou [0] reports to an unknown id (a top of a fragment), title gives no role, home unit product
SMALL = chart(
    """
    orglint: 1
    org:
      name: Tiny Co
    products:
      - {id: app, name: App, owner: ivy}
      - {id: api, name: API}
    units:
      - {id: exec, name: Exec, type: company, function: executive, lead: ada}
      - {id: eng, name: Engineering, type: department, function: engineering, lead: bob, parent: exec}
      - {id: squad-a, name: Squad A, type: squad, parent: eng}
      - {id: squad-b, name: Squad B, type: squad, parent: eng}
      - {id: prod, name: Product, type: department, function: product}
      - {id: guild, name: Design Guild, type: guild}
    people:
      - {id: ada, name: Ada, title: CEO, unit: exec}
      - {id: bob, name: Bob, title: VP Engineering, reports_to: ada, unit: eng}
      - {id: cy, name: Cy, title: Engineering Manager, reports_to: bob, unit: squad-a}
      - {id: dee, name: Dee, title: Software Engineer, reports_to: cy, unit: squad-a}
      - {id: eli, name: Eli, title: Software Engineer, reports_to: cy, unit: squad-a, units: [guild]}
      - {id: fay, name: Fay, title: Product Designer, reports_to: cy, unit: squad-a, units: [guild]}
      - {id: gus, name: Gus, title: Engineering Manager, reports_to: bob, unit: squad-b}
      - {id: hal, name: Hal, title: Software Engineer, reports_to: gus, unit: squad-b}
      - {id: ivy, name: Ivy, title: CPO & CTO, reports_to: ada, unit: prod}
      - {id: jo, name: Jo, title: Account Executive, reports_to: ada}
      - {id: kim, name: Kim}
      - {id: lou, name: Lou, title: Chief of Staff, reports_to: nobody, unit: prod}
    """
)


@pytest.fixture(scope="module")
def stats():
    result = lint_text(SMALL, select=[])
    assert not result.input_problems, [p.message for p in result.input_problems]
    return compute(result.org)


def test_headline_figures(stats):
    assert stats.org == "Tiny Co"
    assert stats.headcount == 12
    # Managers: ada (3 reports), bob (2), cy (3), gus (1). lou's manager "nobody" is not a person.
    assert stats.managers == 4
    assert stats.individual_contributors == 8
    assert stats.tops == 2  # ada and kim have no reports_to; lou names an unknown manager
    assert stats.products == 2
    assert stats.units == 6
    assert stats.without_unit == 2  # jo and kim


def test_headcount_by_function(stats):
    # ivy counts in product and engineering; kim has no role and no unit; lou's title gives no
    # role, so lou takes the home unit's function (product).
    assert stats.by_function == {"executive": 1, "product": 2, "engineering": 7, "design": 1, "sales": 1, "unknown": 1}
    assert stats.notes == [
        "1 person holds roles in several functions and counts in each, so the functions add up to more than the headcount"
    ]


def test_headcount_by_unit_and_units_by_type(stats):
    assert [(u.id, u.members) for u in stats.by_unit] == [
        ("exec", 1),
        ("eng", 1),
        ("squad-a", 4),
        ("squad-b", 2),
        ("prod", 2),
        ("guild", 2),
    ]
    assert stats.units_by_type == {"company": 1, "department": 2, "squad": 2, "guild": 1}


def test_span_of_control(stats):
    span = stats.span_of_control
    assert (span.count, span.min, span.median, span.max, span.mean) == (4, 1, 2.5, 3, 2.25)
    assert stats.span_histogram == [("1", 1), ("2-3", 3), ("4-6", 0), ("7-10", 0), ("11-15", 0), ("16+", 0)]


def test_depth(stats):
    depth = stats.depth
    # depths: ada 0, kim 0, lou 0, bob 1, ivy 1, jo 1, cy 2, gus 2, dee 3, eli 3, fay 3, hal 3
    assert (depth.count, depth.min, depth.median, depth.max, depth.mean) == (12, 0, 1.5, 3, 1.58)
    assert stats.depth_histogram == [(0, 3), (1, 3), (2, 2), (3, 4)]


def test_distribution_median_and_empty():
    from collections import Counter

    assert Distribution.of(Counter({5: 1})).median == 5
    assert Distribution.of(Counter({1: 2, 9: 1})).median == 1
    assert Distribution.of(Counter({1: 1, 2: 1})).median == 1.5
    assert Distribution.of(Counter()) == Distribution(count=0)


def test_empty_org():
    result = lint_text("orglint: 1\npeople: []\n", select=[])
    stats = compute(result.org)
    assert (stats.headcount, stats.managers, stats.tops) == (0, 0, 0)
    assert stats.span_of_control.median is None and stats.depth.max is None
    assert stats.depth_histogram == []
    assert renderables(stats)  # renders without figures


def test_reporting_cycles_are_noted():
    result = lint_text(
        chart(
            """
            orglint: 1
            people:
              - {id: a, reports_to: b}
              - {id: b, reports_to: a}
              - {id: c, reports_to: a}
            """
        ),
        select=[],
    )
    stats = compute(result.org)
    assert stats.managers == 2 and stats.tops == 0
    assert stats.depth_histogram == [(0, 2), (1, 1)]
    assert stats.notes == ["1 reporting cycle cut for the depth figures (see S001)"]


def test_bar():
    assert bar(0, 10) == ""
    assert bar(10, 10, width=4) == "████"
    assert bar(5, 10, width=3) == "█▌"
    assert bar(1, 1000, width=10) == "▏"  # never invisible when above zero


def test_many_people_is_fast_enough_to_be_linear():
    # 8,000 people in a 4-level tree: a quadratic pass would take a long while here.
    lines = ["orglint: 1", "people:", "  - {id: p0, title: CEO}"]
    for index in range(1, 8000):
        lines.append(f"  - {{id: p{index}, title: Software Engineer, reports_to: p{(index - 1) // 30}}}")
    result = lint_text("\n".join(lines) + "\n", select=[])
    stats = compute(result.org)
    assert stats.headcount == 8000
    assert stats.managers == 267  # ceil(7999 / 30) managers
    assert stats.depth.max == 3


# --- the command --------------------------------------------------------------------------------


def orglint(capsys, *args: str) -> tuple[int, str, str]:
    from orglint.cli import main

    with mock.patch.object(sys, "argv", ["orglint", *args]), pytest.raises(SystemExit) as done:
        main()
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def test_cli_json(tmp_path, capsys):
    path = tmp_path / "org.yaml"
    path.write_text(SMALL, encoding="utf-8")
    code, out, err = orglint(capsys, "stats", str(path), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["headcount"] == 12
    assert data["by_function"]["unknown"] == 1
    assert data["span_of_control"]["median"] == 2.5
    assert data["span_of_control"]["histogram"][1] == {"reports": "2-3", "managers": 3}
    assert data["depth"]["histogram"][-1] == {"depth": 3, "people": 4}
    assert data["by_unit"][2] == {"id": "squad-a", "name": "Squad A", "type": "squad", "members": 4}


def test_cli_text(tmp_path, capsys):
    path = tmp_path / "org.yaml"
    path.write_text(SMALL, encoding="utf-8")
    out_file = tmp_path / "stats.txt"
    code, _out, err = orglint(capsys, "stats", str(path), "-o", str(out_file))
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    assert text.startswith("Tiny Co: 12 people (4 managers, 8 individual contributors), 2 tops, 6 units, 2 products;")
    assert "Span of control over 4 managers: min 1, median 2.5, mean 2.25, max 3\n" in text
    assert "engineering       7  ██████████████████████████████\n" in text
    assert "Depth: max 3, median 1.5, mean 1.58\n" in text
    assert "2 people belong to no unit." in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_cli_input_errors_exit_2(tmp_path, capsys):
    code, _, err = orglint(capsys, "stats", str(tmp_path / "missing.yaml"))
    assert code == 2
    assert "E006" in err and "missing.yaml" in err
