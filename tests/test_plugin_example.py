"""The graph API for plugin authors (org.reporting_graph, matrix_graph, unit_graph) and the example
plugin in examples/plugins/, run like a third-party pack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import EXAMPLES
from orglint.api import lint_text
from orglint.docs import example_charts
from orglint.plugins import load_rules

ORGLINT = str(Path(sys.executable).parent / "orglint")
PLUGINS = EXAMPLES / "plugins"

CHART = """\
units:
  - {id: eng, type: department, function: engineering}
  - {id: web, parent: eng}
  - {id: loop-a, parent: loop-b}
  - {id: loop-b, parent: loop-a}
  - {id: orphan, parent: nowhere}
people:
  - {id: ceo, title: CEO}
  - {id: cto, title: CTO, reports_to: ceo, dotted_to: [pm]}
  - {id: pm, title: Product Manager, reports_to: ceo, dotted_to: [cto, ghost]}
  - {id: dev, title: Engineer, reports_to: cto}
  - {id: x, title: Engineer, reports_to: y}
  - {id: y, title: Engineer, reports_to: x}
  - {id: lost, title: Engineer, reports_to: nobody}
"""


def test_the_reporting_graph_exactly():
    org = lint_text(CHART).org
    graph = org.reporting_graph
    assert list(graph.nodes) == ["ceo", "cto", "pm", "dev", "x", "y", "lost"]
    assert graph.nodes["dev"]["person"] is org.people["dev"]
    assert sorted(graph.edges) == [("ceo", "cto"), ("ceo", "pm"), ("cto", "dev"), ("x", "y"), ("y", "x")]
    assert {data["kind"] for _, _, data in graph.edges(data=True)} == {"reports"}


def test_the_matrix_graph_adds_the_dotted_lines_to_known_people():
    graph = lint_text(CHART).org.matrix_graph
    dotted = sorted((a, b) for a, b, data in graph.edges(data=True) if data["kind"] == "dotted")
    assert dotted == [("cto", "pm"), ("pm", "cto")]  # "ghost" is no person: no edge
    assert graph.number_of_edges() == 7


def test_the_unit_graph_keeps_cycles_and_drops_unknown_parents():
    org = lint_text(CHART).org
    assert sorted(org.unit_graph.edges) == [("eng", "web"), ("loop-a", "loop-b"), ("loop-b", "loop-a")]
    assert org.unit_graph.nodes["web"]["unit"] is org.units["web"]


def test_a_run_whose_rules_never_ask_builds_no_graph():
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from orglint.api import lint; result = lint(['examples/small-clean.yaml']); "
            "print('networkx' in sys.modules, 'reporting_graph' in vars(result.org))",
        ],
        cwd=EXAMPLES.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.split() == ["False", "False"], done.stderr


def test_the_example_plugin_through_the_console_script():
    done = subprocess.run(
        [ORGLINT, "check", "examples/plugins/org.yaml", "--rules-dir", "examples/plugins", "--select", "ACME", "-f", "concise"],
        cwd=EXAMPLES.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert [line.split(": ", 1)[1] for line in done.stdout.splitlines()] == [
        "ACME001 [warning] Priya Nair (Product Manager) has a dotted line to Ada Byron (CEO), already above them in "
        "their chain of command (dotted-line-in-own-chain)",
        "ACME001 [warning] Linus Berg (Engineering Manager) has a dotted line to Eva Lund (Software Engineer), someone "
        "who reports up to them (dotted-line-in-own-chain)",
    ]


def test_the_example_plugins_documented_example_fires_and_use_instead_does_not():
    rule_set = load_rules(rules_dirs=[PLUGINS], entry_points=False)
    rule = rule_set.rules["ACME001"]
    example, fixed = example_charts(rule)
    assert example and fixed
    fired = lint_text(example, rule_set=rule_set, select=["ACME001"]).findings
    assert [(finding.code, finding.subject) for finding in fired] == [("ACME001", "people.priya")]
    assert lint_text(fixed, rule_set=rule_set, select=["ACME001"]).findings == []
