"""The baseline (--write-baseline / --baseline / config baseline:) and --statistics."""

from __future__ import annotations

import json
import sys
import textwrap
from unittest import mock

import pytest

from orglint.baseline import Baseline, BaselineError, baseline_json

CHART = textwrap.dedent(
    """\
    orglint: 1
    org:
      name: Acme Analytics
    people:
      - id: ada
        name: Ada Byron
        title: CEO & Chief Product Officer
      - id: grace
        name: Grace Hopper
        title: CTO & Chief Product Officer
        reports_to: ada
      - id: linus
        name: Linus Berg
        title: Software Engineer
        reports_to: gracie
    """
)
SELECT = ("--select", "R001,R004,S002,S005")


def orglint(capsys, *args: str) -> tuple[int, str, str]:
    from orglint.cli import main

    with mock.patch.object(sys, "argv", ["orglint", *args]), mock.patch.dict("os.environ", {"GITHUB_ACTIONS": ""}):
        with pytest.raises(SystemExit) as done:
            main()
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def reported(capsys, *args: str) -> tuple[int, list[tuple[str, str]]]:
    code, out, err = orglint(capsys, "check", "org.yaml", "--format", "json", *SELECT, *args)
    assert code in (0, 1), err
    return code, [(f["code"], f["subject"]) for f in json.loads(out)]


@pytest.fixture
def chart(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    path = tmp_path / "org.yaml"
    path.write_text(CHART)
    monkeypatch.chdir(tmp_path)
    return path


@pytest.fixture
def baselined(chart, capsys):
    code, out, err = orglint(capsys, "check", "org.yaml", *SELECT, "--write-baseline", "baseline.json")
    assert (code, out) == (0, "")
    assert "Wrote 3 findings to the baseline baseline.json" in err
    return chart


def test_written_baseline_records_code_subject_and_count(baselined):
    data = json.loads((baselined.parent / "baseline.json").read_text())
    assert data["orglint-baseline"] == 1
    assert [(e["code"], e["subject"], e["count"]) for e in data["findings"]] == [
        ("R001", "people.ada", 1),
        ("R004", "people.grace", 1),
        ("S002", "people.linus", 1),
    ]
    assert data["findings"][0]["name"] == "ceo-is-cpo"
    assert "line" not in data["findings"][0]


def test_baseline_hides_recorded_findings(baselined, capsys):
    assert reported(capsys) == (1, [("R001", "people.ada"), ("R004", "people.grace"), ("S002", "people.linus")])
    assert reported(capsys, "--baseline", "baseline.json") == (0, [])
    code, _, err = orglint(capsys, "check", "org.yaml", *SELECT, "--baseline", "baseline.json")
    assert code == 0
    assert "Not shown: 3 in the baseline baseline.json." in err


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda text: "# Org chart of Acme\n# owned by people-ops\n\n" + text, id="comments-above"),
        pytest.param(
            lambda text: text.replace(
                "    name: Grace Hopper\n", "    name: Grace Hopper  # since 2019\n    email: g@acme.test\n"
            ),
            id="lines-added-inside-an-entry",
        ),
        pytest.param(
            lambda text: text.replace("people:\n", "people:\n  - {id: new, name: New Hire, title: Designer, reports_to: ada}\n"),
            id="entry-added-above",
        ),
        pytest.param(
            lambda text: (
                text.split("  - id: ada")[0]
                + "  - id: linus"
                + text.split("  - id: linus")[1]
                + "  - id: grace"
                + text.split("  - id: grace")[1].split("  - id: linus")[0]
                + "  - id: ada"
                + text.split("  - id: ada")[1].split("  - id: grace")[0]
            ),
            id="entries-reordered",
        ),
        pytest.param(lambda text: text.replace("  name: Acme Analytics", "  name: Acme Analytics Inc."), id="org-renamed"),
    ],
)
def test_edits_elsewhere_never_revive_old_findings(baselined, capsys, edit):
    edited = edit(CHART)
    assert edited != CHART
    baselined.write_text(edited)
    assert reported(capsys, "--baseline", "baseline.json") == (0, [])


def test_a_new_finding_is_reported(baselined, capsys):
    baselined.write_text(CHART + "  - {id: tove, name: Tove Berg, title: Product Manager, reports_to: adda}\n")
    assert reported(capsys, "--baseline", "baseline.json") == (1, [("S002", "people.tove")])


def test_a_second_finding_with_the_same_code_and_subject_is_reported(baselined, capsys):
    baselined.write_text(CHART.replace("    reports_to: gracie\n", "    reports_to: gracie\n    unit: nowhere\n"))
    _code, findings = reported(capsys)
    assert findings.count(("S002", "people.linus")) == 2
    assert reported(capsys, "--baseline", "baseline.json") == (1, [("S002", "people.linus")])


def test_fixed_findings_just_leave_the_baseline_unused(baselined, capsys):
    baselined.write_text(CHART.replace("reports_to: gracie", "reports_to: grace"))
    assert reported(capsys, "--baseline", "baseline.json") == (0, [])


def test_config_baseline_is_relative_to_the_config_file(baselined, capsys, monkeypatch):
    (baselined.parent / "ci").mkdir()
    (baselined.parent / "baseline.json").rename(baselined.parent / "ci" / "accepted.json")
    (baselined.parent / ".orglint.yaml").write_text("baseline: ci/accepted.json\n")
    assert reported(capsys) == (0, [])
    # The command line names another one; --write-baseline does not read any.
    (baselined.parent / "empty.json").write_text('{"orglint-baseline": 1, "findings": []}')
    assert len(reported(capsys, "--baseline", "empty.json")[1]) == 3


def test_write_baseline_refuses_to_overwrite_without_force(baselined, capsys):
    code, _, err = orglint(capsys, "check", "org.yaml", "--write-baseline", "baseline.json")
    assert code == 2 and "baseline.json already exists; pass --force to replace it" in err
    baselined.write_text(CHART.replace("reports_to: gracie", "reports_to: grace"))
    code, _, err = orglint(capsys, "check", "org.yaml", *SELECT, "--write-baseline", "baseline.json", "--force")
    assert code == 0 and "Wrote 2 findings" in err
    data = json.loads((baselined.parent / "baseline.json").read_text())
    assert [e["code"] for e in data["findings"]] == ["R001", "R004"]


def test_write_baseline_records_what_remains_after_suppressions(chart, capsys):
    chart.write_text(CHART.replace("  - id: ada\n", "  - id: ada  # orglint: disable=R001 -- founder-led\n"))
    code, _, _err = orglint(capsys, "check", "org.yaml", *SELECT, "--write-baseline", "b.json")
    assert code == 0
    assert [e["code"] for e in json.loads((chart.parent / "b.json").read_text())["findings"]] == ["R004", "S002"]


def test_no_baseline_is_written_when_the_input_is_broken(chart, capsys):
    chart.write_text(CHART + "    salary: 120000\n")  # unknown key: an input error
    code, _, err = orglint(capsys, "check", "org.yaml", "--write-baseline", "b.json", "-f", "concise")
    assert code == 2
    assert "b.json not written: fix the input problems first" in err
    assert not (chart.parent / "b.json").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "baseline file missing.json not found; create it with `orglint check --write-baseline missing.json`"),
        ("{not json", "baseline file missing.json is not valid JSON"),
        ('{"findings": []}', 'is malformed: expected a JSON object with "orglint-baseline": 1'),
        ('{"orglint-baseline": 2, "findings": []}', "version 2 is not supported"),
        ('{"orglint-baseline": 1, "findings": {}}', '"findings" must be a list'),
        ('{"orglint-baseline": 1, "findings": [{"code": "R001"}]}', 'findings[0] needs a "code" and a "subject"'),
        ('{"orglint-baseline": 1, "findings": [{"code": "R001", "subject": "x", "count": 0}]}', "findings[0].count"),
    ],
)
def test_missing_or_malformed_baseline_is_exit_2_naming_it(chart, capsys, content, expected):
    if content is not None:
        (chart.parent / "missing.json").write_text(content)
    code, out, err = orglint(capsys, "check", "org.yaml", "--baseline", "missing.json")
    assert code == 2 and out == ""
    assert expected in err


def test_baseline_filter_keeps_input_problems_and_counts():
    from orglint.rule import Finding, Severity

    def finding(code, subject, line, kind="rule"):
        return Finding(code, "n", Severity.ERROR, "m", subject, "org.yaml", line, 1, kind=kind)

    baseline = Baseline.from_findings([finding("S002", "people.a", 3)])
    new, known = baseline.filter(
        [finding("S002", "people.a", 9), finding("S002", "people.a", 4), finding("E003", "", 4, "input")]
    )
    assert [(f.code, f.line) for f in known] == [("S002", 4)]
    assert sorted((f.code, f.line) for f in new) == [("E003", 4), ("S002", 9)]
    assert json.loads(baseline_json(known))["findings"][0]["count"] == 1
    with pytest.raises(BaselineError):
        Baseline.load("does-not-exist.json")


# --- --statistics ----------------------------------------------------------------------------


def test_statistics_counts_per_rule_sorted_by_count_then_code(chart, capsys):
    chart.write_text(
        CHART
        + "  - {id: tove, name: Tove Berg, title: Engineer, reports_to: adda}\n"
        + "  - {id: max, name: Max Berg, title: Engineer, reports_to: adaa}\n"
    )
    code, out, err = orglint(capsys, "check", "org.yaml", *SELECT, "--statistics")
    assert code == 1
    assert out == ("3  S002  unknown-reference  error\n1  R001  ceo-is-cpo         error\n1  R004  cto-is-cpo         info\n")
    assert "Found 5 problems" in err
    code, out, _ = orglint(capsys, "check", "org.yaml", *SELECT, "--statistics", "--format", "json")
    assert json.loads(out)[0] == {"code": "S002", "name": "unknown-reference", "severity": "error", "count": 3}


def test_statistics_after_the_baseline(baselined, capsys):
    code, out, _ = orglint(capsys, "check", "org.yaml", *SELECT, "--statistics", "--baseline", "baseline.json")
    assert (code, out) == (0, "")
