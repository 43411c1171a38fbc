"""`orglint convert`: native YAML out of any input, losslessly, deterministically and never over an input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import FIXTURES, chart
from orglint.api import lint, lint_text, load_org
from orglint.cli import main
from orglint.convert import ConvertError, convert, scalar, to_yaml
from orglint.model import Org

ACME = FIXTURES / "realdata" / "backstage-acme"
ORGLINT = str(Path(sys.executable).parent / "orglint")


def cli(capsys, monkeypatch, *args: str) -> tuple[int, str, str]:
    """Run the console entry point in-process: (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["orglint", *args])
    with pytest.raises(SystemExit) as done:
        main()
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def snapshot(org: Org) -> dict:
    """Everything the chart says, without locations: two orgs with equal snapshots are the same chart."""

    def entity(e) -> dict:
        fields = {name: getattr(e, name) for name in type(e).__slots__ if name not in ("roles", "leads", "position")}
        return {"id": e.id, **fields, "extra": e.extra}

    return {
        "org": (org.name, org.strategy, org.extra),
        "people": [entity(p) for p in org.people.values()],
        "units": [entity(u) for u in org.units.values()],
        "products": [entity(p) for p in org.products.values()],
        "duplicates": [(d.second.kind, entity(d.second)) for d in org.duplicates],
    }


RICH = chart(
    """
    # yaml-language-server: $schema=https://example.test/orglint.json
    orglint: 1
    org:
      name: "Acme: Analytics #1"
      strategy: product-led
      x-founded: 2019
      x-offices: [Berlin, {city: Lisbon, remote: true}]
    products:
      - id: insights
        name: Insights
        owner: priya
        metrics: [NPS, "MAU (30-day)"]
        x-tier: null
    units:
      - id: product
        name: Product Management
        type: department
        function: product
        lead: priya
        parent: exec
        products: [insights]
      - id: exec
        type: company
    people:
      - id: ada
        name: Ada Byron
        title: CEO & Co-founder
        roles: [ceo]
        unit: exec
        email: ada@example.com
      - id: "007"
        name: "yes"
        title: "  padded  "
        reports_to: ada
        dotted_to: [priya]
        units: [product]
        x-notes: |
          line one
          line "two" with a tab\there
        x-nested:
          - [a, b]
          - {k: "null", "weird key: x": ~}
          - - 1
            - true
      - id: priya
        name: "Priya \\u00e9 O'Neil - \\"PP\\""
        title: "VP of Product, EMEA"
        reports_to: ada
        unit: product
      - id: priya
        name: Second Priya
    """
)


def test_native_round_trip_is_the_same_org():
    source = lint_text(RICH, filename="org.yaml", select=[])
    assert source.input_problems == []
    text = to_yaml(source.org)
    again = lint_text(text, filename="converted.yaml", select=[])
    assert again.input_problems == []
    assert snapshot(again.org) == snapshot(source.org)
    assert again.org.people["007"].extra["x-notes"] == 'line one\nline "two" with a tab\there\n'
    # ... and the emitted text is stable: converting the converted chart changes nothing.
    assert to_yaml(again.org) == text


def test_emitted_text_shape():
    org = lint_text(RICH, filename="org.yaml", select=[]).org
    text = to_yaml(org, sources=["org.yaml"], schema_url="https://example.test/orglint.json")
    lines = text.splitlines()
    assert lines[:4] == [
        "# yaml-language-server: $schema=https://example.test/orglint.json",
        "# Converted by `orglint convert` from: org.yaml",
        "orglint: 1",
        "org:",
    ]
    assert '  name: "Acme: Analytics #1"' in lines
    assert '  - id: "007"' in lines and '    name: "yes"' in lines and '    title: "  padded  "' in lines
    assert "    metrics: [NPS, MAU (30-day)]" in lines
    # sections in docs/format.md order; the second definition of an id is kept (after the first ones) for S003
    assert [line for line in lines if not line.startswith((" ", "#"))] == ["orglint: 1", "org:", "products:", "units:", "people:"]
    assert lines[-2:] == ["  - id: priya", "    name: Second Priya"]


@pytest.mark.parametrize(
    "value",
    [
        "yes",
        "No",
        "null",
        "~",
        "",
        " ",
        "1e3",
        "0755",
        "0x1F",
        "2024-01-01",
        "12:30",
        "- item",
        "#tag",
        "a: b",
        "a #b",
        "@home",
        "`x`",
        "!important",
        "&anchor",
        "*alias",
        "[x]",
        "{x}",
        "|",
        ">",
        "%d",
        "'quoted'",
        '"dq"',
        "tab\there",
        "new\nline",
        "\u2028",
        "\x85",
        "\ufeffbom",
        "é",
        "日本",
        ".inf",
        "-.5",
        "+1",
        "True",
        "OFF",
        "=",
        "?",
        "<<",
    ],
)
def test_scalars_read_back_as_the_same_string(value):
    assert yaml.safe_load(f"k: {scalar(value)}\n") == {"k": value}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_string_reads_back_the_same(value):
    assert yaml.safe_load(f"k: {scalar(value)}\n") == {"k": value}
    assert yaml.safe_load(f"- [{scalar(value)}, x]\n") == [[value, "x"]]


def rule_pairs(result) -> list[tuple[str, str]]:
    return sorted((f.code, f.subject) for f in result.rule_findings)


def test_backstage_converts_to_a_chart_that_lints_the_same(tmp_path):
    source = lint([str(ACME)])
    assert source.input_errors == []
    target = tmp_path / "acme.yaml"
    conversion = convert([str(ACME)], str(target))
    target.write_text(conversion.text, encoding="utf-8")
    converted = lint([str(target)])
    assert converted.input_problems == []
    assert rule_pairs(converted) == rule_pairs(source)
    assert ("S003", "people.guest") in rule_pairs(converted)  # nothing lost: the duplicate guest is still there
    assert snapshot(converted.org) == snapshot(source.org)
    # The parent/children disagreement was resolved on import: it is reported then, not in the converted chart.
    assert [w.code for w in conversion.warnings] == ["E013"]


BAMBOO = (
    "Employee #,First Name,Last Name,Job Title,Reporting to,Department,Work Email\n"
    "1,Ada,Byron,CEO,,Executive,ada@acme.test\n"
    "2,Ivan,Petrov,Chief Revenue Officer,Ada Byron,Sales,ivan@acme.test\n"
    "3,Priya,Patel,VP of Product,Ivan Petrov,Product,priya@acme.test\n"
    "4,Carla,Diaz,Product Manager / Product Owner,Priya Patel,Product,carla@acme.test\n"
    "5,Dan,Lee,Software Engineer,Nobody,Engineering,dan@acme.test\n"
    "5,Dan,Lee,Software Engineer,3,Engineering,dan@acme.test\n"
)


def test_csv_converts_to_a_chart_that_lints_the_same(tmp_path):
    export = tmp_path / "hr.csv"
    export.write_text(BAMBOO, encoding="utf-8")
    source = lint([str(export)])
    assert source.input_problems == []
    assert {"S002", "S003", "R002", "L003"} <= {code for code, _ in rule_pairs(source)}
    conversion = convert([str(export)], str(tmp_path / "org.yaml"))
    converted = lint_text(conversion.text, filename="org.yaml")
    assert converted.input_problems == []
    assert rule_pairs(converted) == rule_pairs(source)
    assert snapshot(converted.org) == snapshot(source.org)


def test_conversion_is_deterministic(tmp_path):
    copy = tmp_path / "catalog"
    shutil.copytree(ACME, copy)
    first = convert([str(copy)], "-").text
    assert convert([str(copy)], "-").text == first
    # The same files read in another directory give the same chart (only the header comment names the input).
    assert convert([str(ACME)], "-").text.split("\n", 1)[1] == first.split("\n", 1)[1]


def test_convert_refuses_inputs_with_errors(tmp_path, capsys, monkeypatch):
    bad = tmp_path / "bad.csv"
    bad.write_text("Colour,Size\nred,L\n", encoding="utf-8")
    with pytest.raises(ConvertError) as error:
        convert([str(bad)], str(tmp_path / "out.yaml"))
    assert [p.code for p in error.value.problems] == ["E013"]
    code, out, err = cli(capsys, monkeypatch, "convert", str(bad), "-o", str(tmp_path / "out.yaml"))
    assert code == 2 and out == ""
    assert "bad.csv:1:1: E013 [error] found no column that identifies people" in err
    assert "orglint: error: not converted: the input has 1 error; fix them first" in err
    assert not (tmp_path / "out.yaml").exists()


def test_convert_writes_and_refuses_to_overwrite_without_force(tmp_path, capsys, monkeypatch):
    export = tmp_path / "hr.csv"
    export.write_text(BAMBOO, encoding="utf-8")
    target = tmp_path / "org.yaml"
    code, _out, err = cli(capsys, monkeypatch, "convert", str(export), "-o", str(target))
    assert code == 0
    assert f"wrote {target}: 5 people, 4 units, 0 products (and 1 second definitions of an id, kept for S003)" in err
    written = target.read_text(encoding="utf-8")
    assert load_org([str(target)])[1] == []

    target.write_text("mine\n", encoding="utf-8")
    code, _out, err = cli(capsys, monkeypatch, "convert", str(export), "-o", str(target))
    assert code == 2
    assert f"orglint: error: {target} already exists; pass --force to overwrite it" in err
    assert target.read_text(encoding="utf-8") == "mine\n"

    code, _out, _err = cli(capsys, monkeypatch, "convert", str(export), "-o", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8") == written
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left behind


def test_convert_never_writes_over_an_input_even_with_force(tmp_path, capsys, monkeypatch):
    chart_file = tmp_path / "org.yaml"
    chart_file.write_text(RICH, encoding="utf-8")
    for target in (chart_file, tmp_path / "." / "org.yaml"):
        code, _out, err = cli(capsys, monkeypatch, "convert", str(chart_file), "-o", str(target), "--force")
        assert code == 2
        assert "is one of the inputs; orglint never writes to its inputs" in err
    # An input found inside a directory argument counts too, also through a symbolic link.
    link = tmp_path / "link.yaml"
    os.symlink(chart_file, link)
    code, _out, err = cli(capsys, monkeypatch, "convert", str(tmp_path), "-o", str(link), "--force")
    assert code == 2 and "is one of the inputs" in err
    assert chart_file.read_text(encoding="utf-8") == RICH


def test_convert_to_stdout_and_with_map(tmp_path, capsys, monkeypatch):
    export = tmp_path / "hr.csv"
    export.write_text("Handle,Who,Chef\nada,Ada Byron,\nbob,Bob Smith,ada\n", encoding="utf-8")
    code, out, _err = cli(
        capsys, monkeypatch, "convert", str(export), "-o", "-", "--map", "id=Handle", "--map", "name=Who", "--map", "manager=Chef"
    )
    assert code == 0
    assert yaml.safe_load(out)["people"] == [
        {"id": "ada", "name": "Ada Byron"},
        {"id": "bob", "name": "Bob Smith", "reports_to": "ada"},
    ]
    code, _out, err = cli(capsys, monkeypatch, "convert", str(export), "-o", "-", "--map", "boss=Chef")
    assert code == 2 and "unknown field 'boss'" in err


def test_check_exit_codes_input_warnings_are_not_input_errors(capsys, monkeypatch):
    # The Backstage example has one input warning (team-e) and rule findings: exit 1, not 2.
    code, _out, _err = cli(capsys, monkeypatch, "check", str(ACME), "--format", "concise", "--select", "S009")
    assert code == 1
    code, out, _err = cli(
        capsys, monkeypatch, "check", str(ACME), "--format", "concise", "--select", "S009", "--fail-on", "error"
    )
    assert code == 0
    assert "team-e-big-name-group.yaml:12:11: E013 [warning]" in out


def test_check_map_through_the_installed_console_script(tmp_path):
    export = tmp_path / "people.csv"
    export.write_text("Handle;Who;Chef\nada;Ada Byron;\nbob;Bob Smith;zed\n", encoding="utf-8")
    result = subprocess.run(
        [ORGLINT, "check", str(export), "--format", "concise", "--select", "S002", "--map", "id=Handle", "--map", "manager=Chef"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 1, result.stderr
    assert "people.csv:3:15: S002 [error]" in result.stdout
