"""`orglint graph`: Mermaid and DOT text (golden files), escaping, big-chart reduction, SVG via Graphviz."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from unittest import mock

import pytest

from helpers import FIXTURES, assert_golden, chart
from orglint.api import lint, lint_text
from orglint.graph import GraphvizError, dot_string, dot_to_svg, mermaid_text, render, select_people
from orglint.rule import Finding, Severity

CHART = FIXTURES / "graph" / "chart.yaml"
# Rules whose findings the golden files show (kept small so that the goldens change only with this feature).
GOLDEN_RULES = ["R001", "S008", "S009"]
HAS_DOT = shutil.which("dot") is not None

MERMAID_NODE = re.compile(r"^\s*(?P<id>\w+)(?P<open>\[\[?)\"(?P<label>[^\"]*)\"\]\]?(:::\w+)?$")


def _result(select=GOLDEN_RULES):
    result = lint([str(CHART)], select=select)
    assert not result.input_problems
    return result


def _finding(subject: str, severity: Severity, code: str = "X999", message: str = "something is wrong") -> Finding:
    return Finding(code, "test-rule", severity, message, subject, "org.yaml", 1, 1)


# --- golden files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt", "grouped"),
    [
        ("graph-chart.mmd", "mermaid", False),
        ("graph-chart-grouped.mmd", "mermaid", True),
        ("graph-chart.dot", "dot", False),
        ("graph-chart-grouped.dot", "dot", True),
    ],
)
def test_golden(name, fmt, grouped):
    result = _result()
    assert {(f.code, f.subject) for f in result.findings} == {
        ("R001", "people.ada"),
        ("S008", "units.growth-squad"),
        ("S009", "units.data.lab"),
    }
    assert_golden(name, render(result.org, result.findings, format=fmt, group_by_unit=grouped))


def test_mermaid_highlights_by_worst_severity_and_names_the_codes():
    result = _result()
    text = render(result.org, result.findings, format="mermaid")
    assert text.startswith("flowchart TD\n")
    assert "    class p_ada error\n" in text
    assert "    class u_growth_squad,u_data_lab warning\n" in text
    assert 'p_ada["Ada Byron<br>CEO #amp; CPO<br>R001"]' in text
    # Units with findings are drawn (no grouping: as nodes), the flagged squad with its codes.
    assert 'u_growth_squad[["Growth #lt;Squad#gt; (squad)<br>S008"]]' in text
    # Reporting lines solid, dotted lines dashed.
    assert "    p_ada --> p_bob\n" in text
    assert "    p_cy -.-> p_eli_k\n" in text


def test_worst_severity_wins_and_codes_are_listed_most_severe_first():
    result = _result()
    findings = [
        _finding("people.bob", Severity.INFO, "S001"),
        _finding("people.bob", Severity.ERROR, "R004"),
        _finding("people.bob", Severity.WARNING, "L005"),
        _finding("people.fay", Severity.INFO, "S006"),
    ]
    text = render(result.org, findings, format="mermaid")
    assert 'p_bob["Bob Stone<br>VP Engineering<br>R004, L005, S001"]' in text
    assert "    class p_bob error\n" in text
    assert "    class p_fay info\n" in text
    dot = render(result.org, findings, format="dot")
    assert re.search(r'p_bob \[label="[^"]*", fillcolor="#fee2e2", color="#b91c1c", penwidth=2\];', dot)
    assert re.search(r'p_fay \[label="[^"]*", fillcolor="#dbeafe", color="#1d4ed8", penwidth=2\];', dot)


def test_findings_without_a_node_are_listed_in_comments():
    result = _result(select=["G006", "R001"])
    assert ("G006", "products.insights") in {(f.code, f.subject) for f in result.findings}
    text = render(result.org, result.findings, format="mermaid")
    assert "    %% findings not drawn on a node:\n" in text
    assert re.search(r"^    %% products\.insights: G006 warning: .*Insights", text, re.MULTILINE)
    dot = render(result.org, result.findings, format="dot")
    assert re.search(r"^    // products\.insights: G006 warning: ", dot, re.MULTILINE)


def test_grouped_units_nest_by_parent_and_flagged_units_are_styled():
    result = _result()
    text = render(result.org, result.findings, format="mermaid", group_by_unit=True)
    lines = text.splitlines()
    exec_at = lines.index('    subgraph u_exec ["Executive Team (company)"]')
    eng_at = lines.index('        subgraph u_eng ["R#amp;D (department)"]')
    squad_at = lines.index('            subgraph u_growth_squad ["Growth #lt;Squad#gt; (squad): S008"]')
    assert exec_at < eng_at < squad_at
    assert lines[squad_at + 1] == "                direction TB"
    assert '                p_dee_1["Dee #quot;DJ#quot; Ford<br>Backend Engineer"]' in lines
    # The empty unit gets a placeholder so that it is drawn at all.
    assert '                e_data_lab["(nobody)"]:::nobody' in lines
    assert "    style u_data_lab fill:#fef3c7,stroke:#b45309,stroke-width:2px,color:#111111" in lines
    dot = render(result.org, result.findings, format="dot", group_by_unit=True)
    assert "    subgraph cluster_u_exec {\n" in dot
    assert "        subgraph cluster_u_eng {\n" in dot


# --- ids and escaping ---------------------------------------------------------------------------

HOSTILE = chart(
    """
    orglint: 1
    org:
      name: "%%{init: {'theme':'dark'}}%% Evil\\nCorp"
    units:
      - {id: end, name: "end", type: squad}
      - {id: "o", name: "subgraph x; end", parent: end}
      - {id: "x-1", name: "a]b[c|d{e}f", parent: "o"}
      - {id: "loop-a", name: Loop A, parent: loop-b}
      - {id: "loop-b", name: Loop B, parent: loop-a}
    people:
      - {id: end, name: "<script>alert(1)</script>", title: CEO, unit: end}
      - {id: "o", name: "o--x `code` \\\\back", title: "CTO \\"q\\" #1; 100%", reports_to: end, unit: "o"}
      - {id: "x", name: x, title: Engineer, reports_to: "o", unit: "x-1"}
      - {id: "日本", name: "日本語 名前", title: "Designer & <i>UX</i>", reports_to: "o", unit: "x-1", dotted_to: [end]}
      - {id: "a.b", name: "graph TD", reports_to: "o", unit: loop-a}
      - {id: "a-b", name: "click a call alert()", reports_to: "a.b"}
      - {id: "a_b", name: "&amp; &lt;", reports_to: "a.b"}
    """
)


def _hostile():
    result = lint_text(HOSTILE, select=[])
    assert not result.input_problems, [p.message for p in result.input_problems]
    findings = [
        _finding("people.end", Severity.ERROR),
        _finding("people.日本", Severity.WARNING),
        _finding("units.x-1", Severity.INFO),
    ]
    return result.org, findings


@pytest.mark.parametrize("grouped", [False, True])
def test_mermaid_ids_are_safe_and_unique_and_labels_escaped(grouped):
    org, findings = _hostile()
    text = render(org, findings, format="mermaid", group_by_unit=grouped)
    node_ids = []
    for line in text.splitlines()[1:]:
        stripped = line.strip()
        if stripped.startswith(("%%", "classDef", "class ", "style ", "direction", "end")) and not MERMAID_NODE.match(line):
            continue
        if stripped.startswith("subgraph "):
            match = re.match(r'^subgraph (\w+) \["([^"]*)"\]$', stripped)
            assert match, line
            node_ids.append(match.group(1))
            continue
        edge = re.match(r"^(\w+) (-->|-\.->|-\.-) (\w+)$", stripped)
        if edge:
            continue
        match = MERMAID_NODE.match(line)
        assert match, f"unexpected Mermaid line: {line!r}"
        node_ids.append(match.group("id"))
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", node_id) for node_id in node_ids)
    assert len(node_ids) == len(set(node_ids))
    # a.b, a-b and a_b all sanitise to a_b: they stay distinct.
    assert {"p_a_b", "p_a_b_2", "p_a_b_3"} <= set(node_ids)
    # "end" as a person id or unit id never becomes a bare `end` keyword.
    assert "p_end" in node_ids
    assert "#lt;script#gt;alert(1)#lt;/script#gt;" in text and "<script>" not in text
    assert "o--x #96;code#96; \\back<br>CTO #quot;q#quot; #35;1; 100%" in text
    assert "#amp;amp; #amp;lt;" in text  # an entity in a name stays literal text
    assert "Designer #amp; #lt;i#gt;UX#lt;/i#gt;" in text
    # Comments never carry braces (they could open a %%{init}%% directive).
    assert all("{" not in line and "}" not in line for line in text.splitlines() if line.strip().startswith("%%"))
    assert "Evil Corp" in text  # the newline in the name is flattened


def test_mermaid_and_dot_escapers():
    assert mermaid_text('a "b" #c <d> & `e`') == "a #quot;b#quot; #35;c #lt;d#gt; #amp; #96;e#96;"
    assert mermaid_text("two\nlines\ttab") == "two lines tab"
    assert dot_string('say "hi" \\ & <b>') == '"say \\"hi\\" \\\\ &amp; <b>"'
    assert dot_string("a\nb") == '"a\\nb"'


@pytest.mark.parametrize("grouped", [False, True])
def test_dot_ids_are_safe(grouped):
    org, findings = _hostile()
    text = render(org, findings, format="dot", group_by_unit=grouped)
    for line in text.splitlines():
        stripped = line.strip()
        node = re.match(r"^([^\s\[]+) \[", stripped)
        if node and not stripped.startswith(("graph", "node", "edge")):
            assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", node.group(1)), line
    assert 'label="<script>alert(1)</script>\\nCEO\\nX999"' in text
    assert '"o--x `code` \\\\back\\nCTO \\"q\\" #1; 100%"' in text


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz is not installed")
@pytest.mark.parametrize("grouped", [False, True])
@pytest.mark.parametrize("which", ["chart", "hostile"])
def test_graphviz_accepts_the_dot(grouped, which):
    if which == "chart":
        result = _result()
        org, findings = result.org, result.findings
    else:
        org, findings = _hostile()
    text = render(org, findings, format="dot", group_by_unit=grouped)
    completed = subprocess.run(["dot", "-Tsvg"], input=text.encode(), capture_output=True, timeout=60)
    assert completed.returncode == 0, completed.stderr.decode()
    assert b"<svg" in completed.stdout
    svg = dot_to_svg(text)
    assert "<svg" in svg
    assert ("Ada Byron" if which == "chart" else "&lt;script&gt;alert(1)&lt;/script&gt;") in svg


def test_unit_parent_cycles_do_not_hang_grouping():
    org, findings = _hostile()
    text = render(org, findings, format="mermaid", group_by_unit=True)
    # Both units of the cycle are drawn at the top level.
    assert '    subgraph u_loop_a ["Loop A (team)"]' in text.splitlines()
    assert '    subgraph u_loop_b ["Loop B (team)"]' in text.splitlines()


def test_reporting_cycles_are_drawn():
    result = lint_text(
        chart(
            """
            orglint: 1
            people:
              - {id: a, name: Ann, reports_to: b}
              - {id: b, name: Ben, reports_to: a}
            """
        ),
        select=["S001"],
    )
    text = render(result.org, result.findings, format="mermaid")
    assert "    p_b --> p_a\n" in text and "    p_a --> p_b\n" in text
    assert [f.subject for f in result.findings] == ["people.a"]
    assert "    class p_a error\n" in text


# --- big charts -------------------------------------------------------------------------------


def _big_chart(teams: int, size: int) -> str:
    lines = ["orglint: 1", "people:", "  - {id: ceo, name: Chief, title: CEO}"]
    for team in range(teams):
        lines.append(f"  - {{id: m{team}, name: Manager {team}, title: Engineering Manager, reports_to: ceo}}")
        for member in range(size):
            lines.append(
                f"  - {{id: e{team}_{member}, name: Engineer {team}.{member}, title: Software Engineer, reports_to: m{team}}}"
            )
    return "\n".join(lines) + "\n"


def test_above_max_people_only_managers_and_flagged_people_are_drawn():
    result = lint_text(_big_chart(4, 6), select=[])  # 1 + 4 + 24 = 29 people
    org = result.org
    findings = [_finding("people.e2_3", Severity.WARNING)]
    text = render(org, findings, format="mermaid", max_people=10)
    assert (
        "    %% 29 people, more than --max-people 10: showing the 5 managers and 1 other people with findings; "
        "23 individual contributors without findings left out\n"
    ) in text
    nodes = set(re.findall(r"^    (p_\w+)\[", text, re.MULTILINE))
    assert nodes == {"p_ceo", "p_m0", "p_m1", "p_m2", "p_m3", "p_e2_3"}
    assert 'p_m2["Manager 2<br>Engineering Manager<br>+5 reports not shown"]' in text
    assert "    p_m2 --> p_e2_3\n" in text
    # Everyone is drawn at or under the limit; 0 means no limit.
    assert len(re.findall(r"^    p_\w+\[", render(org, findings, max_people=29), re.MULTILINE)) == 29
    assert len(re.findall(r"^    p_\w+\[", render(org, findings, max_people=None), re.MULTILINE)) == 29


def test_when_even_the_managers_are_too_many_only_the_flagged_chains_remain():
    result = lint_text(_big_chart(12, 2), select=[])  # 13 managers, 24 engineers
    org = result.org
    selection = select_people(org, {"e7_1"}, max_people=5)
    assert [person.id for person in selection.people] == ["ceo", "m7", "e7_1"]
    assert selection.hidden_reports == {"ceo": 11, "m7": 1}
    assert selection.note == (
        "37 people; even the 13 managers are more than --max-people 5: showing the 1 people with findings "
        "and their chains of command (3 people); 34 left out"
    )
    dot = render(org, [_finding("people.e7_1", Severity.ERROR)], format="dot", max_people=5)
    assert dot.startswith("// orglint graph of the org: 37 people, 0 units, 1 finding (1 error)\n")
    assert 'p_ceo [label="Chief\\nCEO\\n+11 reports not shown"];' in dot


# --- the command --------------------------------------------------------------------------------


def orglint(capsys, *args: str) -> tuple[int, str, str]:
    """Run the console script's main() (which maps usage errors to exit 2): code, stdout, stderr."""
    from orglint.cli import main

    with mock.patch.object(sys, "argv", ["orglint", *args]), pytest.raises(SystemExit) as done:
        main()
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def test_cli_graph_writes_mermaid_with_the_selected_rules(tmp_path, capsys):
    out = tmp_path / "org.mmd"
    code, _, err = orglint(capsys, "graph", str(CHART), "--select", "R001", "--isolated", "-o", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("flowchart TD\n")
    assert "    class p_ada error\n" in text
    assert "u_growth_squad" not in text  # S008 and T001 were not selected: no unit is flagged


def test_cli_graph_dot_grouped_to_stdout(capsys):
    code, out, err = orglint(capsys, "graph", str(CHART), "--format", "dot", "--group-by-unit", "--isolated")
    assert code == 0, err
    assert "digraph org {" in out and "subgraph cluster_u_growth_squad {" in out


def test_cli_svg_without_graphviz_says_how_to_install_it(monkeypatch, capsys):
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    code, out, err = orglint(capsys, "graph", str(CHART), "--format", "svg", "--isolated")
    assert code == 2
    assert out == ""
    assert "orglint: error: --format svg needs Graphviz's `dot` command, which is not on PATH" in err
    assert "apt-get install graphviz" in err and "brew install graphviz" in err
    assert "--format dot | dot -Tsvg" in err
    with pytest.raises(GraphvizError, match="not on PATH"):
        dot_to_svg("digraph {}", which=lambda name: None)


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz is not installed")
def test_cli_svg_with_graphviz(tmp_path, capsys):
    out = tmp_path / "org.svg"
    code, _, err = orglint(capsys, "graph", str(CHART), "--format", "svg", "--isolated", "-o", str(out))
    assert code == 0, err
    svg = out.read_text(encoding="utf-8")
    assert "<svg" in svg and "Ada Byron" in svg and "#fee2e2" in svg


def test_cli_graph_reports_input_errors_with_exit_2(tmp_path, capsys):
    missing = tmp_path / "missing.yaml"
    code, _, err = orglint(capsys, "graph", str(missing), "--isolated")
    assert code == 2
    assert "E006" in err and "missing.yaml" in err


def test_a_unit_whose_members_live_elsewhere_is_not_called_empty():
    result = lint_text(
        chart(
            """
            orglint: 1
            units:
              - {id: eng, name: Engineering, type: department}
              - {id: guild, name: Design Guild, type: guild, lead: ann}
            people:
              - {id: ann, name: Ann, title: Product Designer, unit: eng, units: [guild]}
              - {id: ben, name: Ben, title: UX Researcher, unit: eng, units: [guild]}
            """
        ),
        select=[],
    )
    text = render(result.org, [], format="mermaid", group_by_unit=True)
    assert '        e_guild["(2 members drawn in their home units)"]:::nobody' in text.splitlines()
    dot = render(result.org, [], format="dot", group_by_unit=True)
    assert 'e_guild [label="(2 members drawn in their home units)"' in dot
