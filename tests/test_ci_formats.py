"""The CI output formats: sarif, github, junit and gitlab.

Most tests run a small rule pack of their own (tests/fixtures/ci/rules, family Q)
so that what they assert does not move with the built-in rules' wording; the
golden files on examples/broken.yaml cover the built-in pack.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from helpers import EXAMPLES, FIXTURES, ROOT, assert_golden
from orglint.api import lint, lint_text
from orglint.cli import app
from orglint.plugins import RuleSet, load_rules_dir
from orglint.problems import input_problem
from orglint.report import Report, render
from orglint.report.ci import find_repo_root, repo_path
from orglint.report.github import command, escape_data, escape_property
from orglint.rule import Finding, Severity

CI = FIXTURES / "ci"
RULES_DIR = CI / "rules"
SARIF_SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CI_FORMATS = ("sarif", "github", "junit", "gitlab")
VERSION = "1.2.3"  # fixed, so that goldens do not change with each release


def q_rules() -> RuleSet:
    rule_set = RuleSet()
    for rule in load_rules_dir(RULES_DIR):
        rule_set.add(rule)
    return rule_set


def report_for(text: str, filename: str = "charts/org.yaml", rule_set: RuleSet | None = None, **where) -> Report:
    rule_set = rule_set or q_rules()
    result = lint_text(text, filename=filename, rule_set=rule_set)
    return Report(
        findings=result.findings,
        rules={rule.code: rule for rule in result.rules},
        sources={source.path: source for source in result.files},
        files_checked=len(result.files),
        tool_version=VERSION,
        root=where.get("root", "/repo"),
        cwd=where.get("cwd", "/repo"),
    )


def fixture_report(name: str = "org.yaml", **where) -> Report:
    return report_for((CI / name).read_text(encoding="utf-8"), **where)


def sarif(report: Report) -> dict:
    log = json.loads(render("sarif", report))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


# ---------------------------------------------------------------- SARIF


def test_sarif_with_findings_is_valid_and_complete_for_code_scanning():
    log = sarif(fixture_report())
    assert log["$schema"].endswith("sarif-schema-2.1.0.json") and log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["semanticVersion"]) == ("orglint", VERSION, VERSION)
    assert driver["informationUri"].startswith("https://")
    # every rule that ran, also the one that found nothing
    assert [rule["id"] for rule in driver["rules"]] == ["Q001", "Q002", "Q003", "Q004"]
    two_hats = driver["rules"][0]
    assert two_hats["name"] == "two-hats"
    assert two_hats["shortDescription"]["text"] == "Flags a person whose title joins two jobs with `&`."
    assert "## Why is this bad?" in two_hats["help"]["markdown"]
    assert two_hats["help"]["text"] == (
        "Flags a person whose title joins two jobs with `&`. "
        "Two jobs in one title means one of them gets the leftover time. "
        "Run `orglint explain Q001` for examples and how to fix it."
    )
    assert two_hats["defaultConfiguration"]["level"] == "error"
    assert two_hats["properties"]["tags"] == ["org-chart", "q"]
    assert [rule["defaultConfiguration"]["level"] for rule in driver["rules"]] == ["error", "warning", "note", "warning"]

    results = run["results"]
    assert sorted((r["ruleId"], r["level"]) for r in results) == [
        ("Q001", "error"),
        ("Q002", "warning"),
        ("Q002", "warning"),
        ("Q002", "warning"),
        ("Q003", "note"),
    ]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": "charts/org.yaml", "uriBaseId": "%SRCROOT%"}
        assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1
        assert set(result["partialFingerprints"]) == {"orglintSubject/v1"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///repo/"

    ada = next(r for r in results if r["ruleId"] == "Q001")
    assert ada["message"]["text"] == "Ada Byron (CEO & Chief Product Officer) holds 2 jobs: CEO, Chief Product Officer"
    assert ada["locations"][0]["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 12}
    assert ada["locations"][0]["logicalLocations"] == [{"fullyQualifiedName": "people.ada"}]
    cy = next(r for r in results if r["ruleId"] == "Q002" and r["properties"]["subject"] == "people.cy")
    assert cy["relatedLocations"] == [
        {
            "id": 0,
            "message": {"text": "their manager is Bob Stone (VP Engineering)"},
            "physicalLocation": {
                "artifactLocation": {"uri": "charts/org.yaml", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 8, "startColumn": 5},
            },
        }
    ]


def test_sarif_for_a_clean_chart_is_valid_with_no_results():
    log = sarif(fixture_report("clean.yaml"))
    run = log["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["Q003"]  # only the info note on small orgs
    assert len(run["tool"]["driver"]["rules"]) == 4

    empty = sarif(report_for("orglint: 1\npeople: {}\n", rule_set=q_rules()))
    assert empty["runs"][0]["results"] == []


def test_sarif_reports_input_problems_as_rules_of_their_own():
    log = sarif(fixture_report("bad-input.yaml"))
    run = log["runs"][0]
    codes = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert codes[:4] == ["Q001", "Q002", "Q003", "Q004"]
    assert {"E002", "E003"} <= set(codes[4:]) and codes[4:] == sorted(codes[4:])
    duplicate = next(rule for rule in run["tool"]["driver"]["rules"] if rule["id"] == "E002")
    assert duplicate["name"] == "duplicate-key"
    assert duplicate["properties"]["tags"] == ["org-chart", "input"]
    assert duplicate["defaultConfiguration"]["level"] == "error"
    inputs = [r for r in run["results"] if r["ruleId"].startswith("E")]
    assert inputs and all(r["level"] == "error" and r["locations"] for r in inputs)


def test_sarif_result_without_a_file_still_validates():
    crash = input_problem("E100", "rule Q009 (boom) from tests crashed: ValueError: no", None, subject="Q009")
    stdin = Finding("Q002", "no-email", Severity.WARNING, "Ann has no email", "people.ann", "<stdin>", 3, 5)
    report = Report(findings=[crash, stdin], rules={}, tool_version="")
    log = sarif(report)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["E100", "Q002"]
    assert all("locations" not in r for r in results)
    assert "version" not in log["runs"][0]["tool"]["driver"]
    assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]] == ["E100", "Q002"]


def _fingerprints(report: Report) -> dict[tuple[str, str], str]:
    results = sarif(report)["runs"][0]["results"]
    return {
        (r["ruleId"], r.get("properties", {}).get("subject", "")): r["partialFingerprints"]["orglintSubject/v1"] for r in results
    }


def test_sarif_fingerprints_follow_the_subject_not_the_line():
    original = (CI / "org.yaml").read_text(encoding="utf-8")
    head, people = original.split("people:\n")
    entries = ["  - id" + entry for entry in people.split("  - id")[1:]]
    moved = head + "# a comment that shifts every line\n\npeople:\n" + "".join(reversed(entries))
    before, after = fixture_report(), report_for(moved)
    assert [f.line for f in before.findings] != [f.line for f in after.findings]
    assert _fingerprints(before) == _fingerprints(after)
    assert len(set(_fingerprints(before).values())) == len(before.findings)


def test_sarif_fingerprints_number_repeated_subjects():
    findings = [
        Finding("Q002", "no-email", Severity.WARNING, "first", "people.ann", "org.yaml", 3, 5),
        Finding("Q002", "no-email", Severity.WARNING, "second", "people.ann", "org.yaml", 9, 5),
    ]
    prints = [r["partialFingerprints"]["orglintSubject/v1"] for r in sarif(Report(findings=findings))["runs"][0]["results"]]
    assert prints[0].endswith(":1") and prints[1].endswith(":2")
    assert prints[0].split(":")[0] == prints[1].split(":")[0]


def test_sarif_describes_every_built_in_rule_fully():
    from orglint.api import default_rules

    rule_set = default_rules()
    log = sarif(report_for((CI / "org.yaml").read_text(encoding="utf-8"), rule_set=rule_set))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.code for rule in rule_set.sorted()]
    for descriptor in rules:
        rule = rule_set.rules[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary, rule.code
        assert descriptor["help"]["markdown"].startswith(rule.doc.strip()), rule.code
        assert descriptor["properties"]["tags"][0] == "org-chart"
        assert (
            descriptor["defaultConfiguration"]["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[rule.severity.label]
        )


def test_sarif_is_deterministic():
    assert render("sarif", fixture_report()) == render("sarif", fixture_report())


# ---------------------------------------------------------------- repository-relative paths


@pytest.mark.parametrize(
    "file, root, cwd, expected",
    [
        ("org.yaml", "/repo", "/repo", "org.yaml"),
        ("./org/people.yaml", "/repo", "/repo", "org/people.yaml"),
        ("org.yaml", "/repo", "/repo/teams/platform", "teams/platform/org.yaml"),
        ("../shared/org.yaml", "/repo", "/repo/teams", "shared/org.yaml"),
        ("/repo/org/a.yaml", "/repo", "/elsewhere", "org/a.yaml"),
        ("/other/org.yaml", "/repo", "/repo", "/other/org.yaml"),
        # A separator on Windows; elsewhere part of the name, such as the escape in x\\xff.yaml.
        ("org\\units.yaml", "/repo", "/repo", "org/units.yaml" if os.sep == "\\" else "org\\units.yaml"),
        ("./org.yaml", None, None, "org.yaml"),
        ("C:/repo/org.yaml", "C:/repo", "C:/repo", "org.yaml"),
        ("<stdin>", "/repo", "/repo", None),
        (None, "/repo", "/repo", None),
    ],
)
def test_repo_path(file, root, cwd, expected):
    assert repo_path(file, Report(findings=[], root=root, cwd=cwd)) == expected


def test_find_repo_root_walks_up_to_git(tmp_path):
    (tmp_path / ".git").mkdir()
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_repo_root(deep) == tmp_path.resolve()
    worktree = tmp_path / "a" / "wt"
    worktree.mkdir()
    (worktree / ".git").write_text("gitdir: elsewhere\n")
    assert find_repo_root(worktree) == worktree.resolve()


def test_sarif_uri_outside_the_repository_is_an_absolute_file_uri():
    report = report_for("orglint: 1\npeople:\n  - id: ann\n", filename="/other/my org.yaml", rule_set=q_rules())
    result = sarif(report)["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///other/my%20org.yaml"}


# ---------------------------------------------------------------- github


def test_github_escapes_data_and_properties():
    assert escape_data("100% done\r\nnext, then: more") == "100%25 done%0D%0Anext, then: more"
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"
    finding = Finding(
        "Q001", "two-hats", Severity.ERROR, "Ana holds 2 jobs: CEO, CPO\n100% of both", "people.ana", "org, 2024/o:rg.yaml", 7, 12
    )
    assert command(finding, Report(findings=[finding], root="/repo", cwd="/repo")) == (
        "::error file=org%2C 2024/o%3Arg.yaml,line=7,col=12,title=Q001 two-hats::Ana holds 2 jobs: CEO, CPO%0A100%25 of both"
    )


def test_github_commands_by_severity_with_why_and_repo_paths():
    text = render("github", fixture_report(cwd="/repo"))
    lines = text.splitlines()
    assert len(lines) == 5 and all(line.startswith("::") for line in lines)
    assert next(line for line in lines if "Q001" in line) == (
        "::error file=charts/org.yaml,line=7,col=12,title=Q001 two-hats::"
        "Ada Byron (CEO & Chief Product Officer) holds 2 jobs: CEO, Chief Product Officer"
        "%0ATwo jobs in one title means one of them gets the leftover time. (run `orglint explain Q001`)"
    )
    assert sorted(line.split(" ", 1)[0] for line in lines) == ["::error", "::notice", "::warning", "::warning", "::warning"]


def test_github_finding_without_a_file_has_only_a_title():
    crash = input_problem("E100", "rule Q009 crashed", None, subject="Q009")
    assert render("github", Report(findings=[crash])) == (
        "::error title=E100 rule-crashed::rule Q009 crashed%0AHow to fix it: "
        "https://github.com/orglint/orglint/blob/main/docs/rules/E100.md\n"
    )


# ---------------------------------------------------------------- junit


def test_junit_one_testcase_per_rule_with_failures_and_counts():
    xml = render("junit", fixture_report())
    root = ET.fromstring(xml.split("\n", 1)[1])
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.get("name") == "orglint"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("4", "3", "0", "0")
    cases = {case.get("name"): case for case in suite}
    assert list(cases) == ["Q001 two-hats", "Q002 no-email", "Q003 small-org", "Q004 never-fires"]
    assert {case.get("classname") for case in suite} == {"orglint.q"}
    assert list(cases["Q004 never-fires"]) == []  # ran and passed
    (failure,) = cases["Q002 no-email"]
    assert failure.tag == "failure" and failure.get("type") == "warning"
    assert failure.get("message").startswith("3 findings; first: Ada Byron")
    assert (
        failure.text.splitlines()[0]
        == "charts/org.yaml:5:5: Q002 [warning] Ada Byron (CEO & Chief Product Officer) has no email (people.ada)"
    )
    assert "    note: their manager is Ada Byron (CEO & Chief Product Officer) at charts/org.yaml:5:5" in failure.text
    assert cases["Q001 two-hats"].get("file") == "charts/org.yaml"


def test_junit_input_problems_are_errors_and_text_is_escaped():
    xml = render("junit", fixture_report("bad-input.yaml"))
    suite = ET.fromstring(xml.split("\n", 1)[1])[0]
    errors = [case for case in suite if case.find("error") is not None]
    assert {case.get("name").split()[0] for case in errors} >= {"E002", "E003"}
    assert all(case.get("classname") == "orglint.input" for case in errors)
    assert suite.get("errors") == str(len(errors))
    assert int(suite.get("tests")) == 4 + len(errors)

    odd = Finding("Q001", "two-hats", Severity.ERROR, 'a <b> & "c"\x00\x1b', "people.a", "o.yaml", 1, 1)
    parsed = ET.fromstring(render("junit", Report(findings=[odd])).split("\n", 1)[1])
    assert parsed.find(".//failure").get("message") == 'a <b> & "c"\\x00\\x1b'  # escaped, readable


# ---------------------------------------------------------------- gitlab


def test_gitlab_code_quality_issues():
    issues = json.loads(render("gitlab", fixture_report()))
    assert len(issues) == 5
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["path"] == "charts/org.yaml"
        assert issue["location"]["lines"]["begin"] >= 1
        assert len(issue["fingerprint"]) == 32
    assert len({issue["fingerprint"] for issue in issues}) == 5
    first = next(issue for issue in issues if issue["check_name"] == "Q001")
    assert first["severity"] == "critical"
    assert first["description"] == (
        "Q001 Ada Byron (CEO & Chief Product Officer) holds 2 jobs: CEO, Chief Product Officer (two-hats)"
    )
    assert sorted(issue["severity"] for issue in issues) == ["critical", "info", "major", "major", "major"]


def test_gitlab_input_problems_are_blockers_and_fileless_findings_get_a_path():
    issues = json.loads(render("gitlab", fixture_report("bad-input.yaml")))
    assert {i["severity"] for i in issues if i["check_name"].startswith("E")} == {"blocker"}
    crash = input_problem("E100", "rule Q009 crashed", None, subject="Q009")
    (issue,) = json.loads(render("gitlab", Report(findings=[crash], sources={"org/a.yaml": None}, root="/r", cwd="/r")))
    assert issue["location"] == {"path": "org/a.yaml", "lines": {"begin": 1}}


def test_gitlab_fingerprints_survive_moving_lines():
    original = (CI / "org.yaml").read_text(encoding="utf-8")
    shifted = original.replace("people:\n", "# moved down\n\n\npeople:\n")
    prints = lambda report: sorted(issue["fingerprint"] for issue in json.loads(render("gitlab", report)))  # noqa: E731
    assert prints(fixture_report()) == prints(report_for(shifted))


# ---------------------------------------------------------------- CLI


def _write_chart(folder: Path) -> Path:
    chart = folder / "org.yaml"
    chart.write_text((CI / "org.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return chart


@pytest.fixture
def in_repo(tmp_path, monkeypatch):
    """A git-like repository with the chart in teams/, and the cwd there."""
    (tmp_path / ".git").mkdir()
    teams = tmp_path / "teams"
    teams.mkdir()
    _write_chart(teams)
    monkeypatch.chdir(teams)
    return tmp_path


def _check(*args: str, env: dict[str, str] | None = None):
    env = {"GITHUB_ACTIONS": None, "NO_COLOR": "1", **(env or {})}
    return CliRunner().invoke(app, ["check", "org.yaml", "--rules-dir", str(RULES_DIR), "--select", "Q", *args], env=env)


def test_github_format_is_chosen_in_github_actions(in_repo):
    result = _check(env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any(line.startswith("::error file=teams/org.yaml,line=7,col=12,title=Q001 two-hats::") for line in lines)


def test_text_format_outside_github_actions_and_explicit_format_wins(in_repo):
    plain = _check(env={"GITHUB_ACTIONS": "false"})
    assert "::error" not in plain.stdout and "Q001" in plain.stdout
    explicit = _check("--format", "json", env={"GITHUB_ACTIONS": "true"})
    assert sorted({finding["code"] for finding in json.loads(explicit.stdout)}) == ["Q001", "Q002", "Q003"]


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_cli_writes_ci_formats_with_repository_paths(in_repo, fmt):
    result = _check("--format", fmt, "--output", "out")
    assert result.exit_code == 1, result.output
    text = (in_repo / "teams" / "out").read_text(encoding="utf-8")
    assert "teams/org.yaml" in text
    if fmt == "sarif":
        log = json.loads(text)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]] == ["Q001", "Q002", "Q003", "Q004"]
        assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == in_repo.resolve().as_uri() + "/"


# ---------------------------------------------------------------- golden files


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_golden_fixture_chart(fmt):
    assert_golden(f"ci-fixture.{fmt}", render(fmt, fixture_report()))


BROKEN = EXAMPLES / "broken.yaml"


@pytest.mark.skipif(not BROKEN.exists(), reason="examples/broken.yaml is not written yet")
@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_golden_broken_example(fmt, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = lint(["examples/broken.yaml"])
    report = Report(
        findings=result.findings,
        rules={rule.code: rule for rule in result.rules},
        sources={source.path: source for source in result.files},
        files_checked=len(result.files),
        tool_version=VERSION,
        root="/repo",
        cwd="/repo",
    )
    text = render(fmt, report)
    if fmt == "sarif":
        # The rules' documentation is checked above (test_sarif_describes_every_built_in_rule_fully);
        # here it is stubbed so that this golden follows the format, not the docs' wording.
        log = json.loads(text)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        for descriptor in log["runs"][0]["tool"]["driver"]["rules"]:
            code = descriptor["id"]
            descriptor["fullDescription"]["text"] = f"<What it does of {code}>"
            descriptor["help"] = {"text": f"<summary and why of {code}>", "markdown": f"<documentation of {code}>"}
            descriptor["shortDescription"]["text"] = f"<summary of {code}>"
        text = json.dumps(log, indent=2, ensure_ascii=False) + "\n"
    assert_golden(f"broken.{fmt}", text)
