"""The command line: formats, selection, exit codes, default paths, and the listing commands.

Most tests go through typer's CliRunner; usage errors (which ``orglint.cli.main``
turns into exit code 2) and one end-to-end run go through real subprocesses.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import EXAMPLES, chart
from orglint.cli import app

BROKEN_CODES = ["S008", "T001", "S009", "S008", "S002", "S001", "S005", "S003"]
SUMMARY = "Found 8 problems (3 errors, 5 warnings) in 1 file"

WARNINGS_ONLY = chart(
    """
    orglint: 1
    org:
      name: Acme Analytics
    units:
      - {id: growth, name: Growth, type: squad}
    people:
      - {id: ada, name: Ada Byron, title: CEO, unit: growth}
    """
)
INFO_ONLY = chart(
    """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
      - {id: cy, name: Cy Young, title: Director of Engineering, reports_to: bob}
      - {id: e1, name: Eli Cohen, title: Backend Engineer, reports_to: cy}
      - {id: e2, name: Fay Wong, title: Backend Engineer, reports_to: cy}
    """
)


@pytest.fixture(autouse=True)
def workdir(tmp_path, monkeypatch):
    """Each test runs in an empty folder holding copies of the examples, with no CI or colour settings."""
    for name in ("broken.yaml", "small-clean.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    for variable in ("GITHUB_ACTIONS", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def concise_codes(stdout: str) -> list[str]:
    return [re.match(r"^\S+:\d+:\d+: (\S+) ", line).group(1) for line in stdout.splitlines()]


def subprocess_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "FORCE_COLOR", "NO_COLOR")}
    env["NO_COLOR"] = "1"
    return env


def run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``python -m orglint ARGS``: goes through main(), which maps usage errors to exit code 2."""
    return subprocess.run(
        [sys.executable, "-m", "orglint", *args], cwd=cwd, env=subprocess_env(), capture_output=True, text=True, timeout=120
    )


# ------------------------------------------------------------------------ check: formats


def test_text_format_shows_location_snippet_why_and_help():
    result = invoke("check", "broken.yaml")
    assert result.exit_code == 1
    out = result.stdout
    assert (
        "broken.yaml:18:66: S002 [error] Sam Lee (Product Manager) reports to 'pirya', "
        "but no person has that id (did you mean 'priya'?) (unknown-reference)"
    ) in out
    assert " 18 |   - {id: sam, name: Sam Lee, title: Product Manager, reports_to: pirya, unit: growth}" in out
    assert "    = note: first definition at broken.yaml:26:5" in out
    assert "    = why: A dangling reference silently drops a fact from the chart" in out
    assert "    = help: run `orglint explain S002` for how to fix it" in out
    assert "\x1b[" not in out  # no colour when stdout is not a terminal
    assert result.stderr.strip() == SUMMARY


def test_concise_format_is_one_line_per_finding():
    result = invoke("check", "broken.yaml", "--format", "concise")
    assert result.exit_code == 1
    assert concise_codes(result.stdout) == BROKEN_CODES
    assert result.stdout.splitlines()[5] == (
        "broken.yaml:21:64: S001 [error] reporting cycle of 2 people: Ivan Petrov reports to Jules Martin, "
        "who reports to Ivan Petrov (reporting-cycle)"
    )


def test_json_format_has_every_field_under_stable_keys():
    result = invoke("check", "broken.yaml", "-f", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert [f["code"] for f in findings] == BROKEN_CODES
    duplicate = findings[-1]
    assert {key: duplicate[key] for key in ("code", "name", "severity", "subject", "file", "line", "column", "kind")} == {
        "code": "S003",
        "name": "duplicate-id",
        "severity": "error",
        "subject": "people.alex",
        "file": "broken.yaml",
        "line": 37,
        "column": 5,
        "kind": "rule",
    }
    assert duplicate["related"] == [{"message": "first definition", "file": "broken.yaml", "line": 26, "column": 5}]


def test_quiet_drops_the_summary():
    result = invoke("check", "broken.yaml", "--quiet", "--format", "concise")
    assert result.exit_code == 1 and result.stderr == "" and len(result.stdout.splitlines()) == 8


def test_output_file_receives_the_results(workdir):
    result = invoke("check", "broken.yaml", "--format", "json", "--output", "out.json")
    assert result.exit_code == 1 and result.stdout == ""
    assert len(json.loads((workdir / "out.json").read_text())) == 8


# ------------------------------------------------------------------------ check: selection


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        (["--select", "S001"], ["S001"]),
        (["--select", "reporting-cycle"], ["S001"]),
        (["--select", "S00"], ["S008", "S009", "S008", "S002", "S001", "S005", "S003"]),
        (["--select", "T"], ["T001"]),
        (["--select", "S001,unknown-reference", "--select", "T001"], ["T001", "S002", "S001"]),
        (["--ignore", "S"], ["T001"]),
        (["--ignore", "S008", "--ignore", "empty-unit,T"], ["S002", "S001", "S005", "S003"]),
        (["--select", "S", "--ignore", "S00"], []),
        (["--select", "ALL", "--ignore", "span-of-control"], ["S008", "T001", "S009", "S008", "S002", "S001", "S003"]),
    ],
)
def test_select_and_ignore_by_code_prefix_and_name(options, codes):
    result = invoke("check", "broken.yaml", "--format", "concise", *options)
    assert concise_codes(result.stdout) == codes
    assert result.exit_code == (1 if codes else 0)


# ------------------------------------------------------------------------ check: exit codes


def test_clean_chart_exits_0_with_a_summary():
    result = invoke("check", "small-clean.yaml")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.strip() == "All checks passed: no problems in 1 file."


def test_fail_on_sets_the_lowest_failing_severity(workdir):
    (workdir / "warnings.yaml").write_text(WARNINGS_ONLY)
    (workdir / "info.yaml").write_text(INFO_ONLY)
    assert invoke("check", "warnings.yaml", "--select", "S").exit_code == 1
    assert invoke("check", "warnings.yaml", "--select", "S", "--fail-on", "error").exit_code == 0
    assert invoke("check", "info.yaml", "--select", "S006").exit_code == 0  # default: warning
    assert invoke("check", "info.yaml", "--select", "S006", "--fail-on", "info").exit_code == 1
    result = invoke("check", "info.yaml", "--select", "S006", "--format", "concise")
    assert concise_codes(result.stdout) == ["S006"]


def test_exit_zero_hides_findings_from_the_exit_code_but_not_input_errors(workdir):
    result = invoke("check", "broken.yaml", "--exit-zero", "--format", "concise")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 8
    (workdir / "bad.yaml").write_text("people: [\n")
    assert invoke("check", "bad.yaml", "--exit-zero").exit_code == 2


def test_input_problem_exits_2_and_is_reported_with_its_location(workdir):
    (workdir / "bad.yaml").write_text("orglint: 1\npeople:\n  - {id: ada, reports_to: [bob]}\n")
    result = invoke("check", "bad.yaml", "--format", "concise")
    assert result.exit_code == 2
    assert result.stdout.startswith("bad.yaml:3:")
    assert " E004 [error] " in result.stdout


def test_missing_file_exits_2():
    result = invoke("check", "nowhere.yaml")
    assert result.exit_code == 2
    assert "nowhere.yaml: no such file or directory" in result.stdout


# ------------------------------------------------------------------------ check: default paths


def test_default_path_is_org_yaml_in_the_current_directory(workdir):
    shutil.copy(workdir / "broken.yaml", workdir / "org.yaml")
    (workdir / "org").mkdir()  # org.yaml wins over org/
    (workdir / "org" / "people.yaml").write_text("people:\n  - {id: zed}\n")
    result = invoke("check", "--format", "concise")
    assert result.exit_code == 1
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {"org.yaml"}


def test_default_path_falls_back_to_the_org_directory(workdir):
    (workdir / "org").mkdir()
    (workdir / "org" / "a-people.yaml").write_text("orglint: 1\npeople:\n  - {id: ada, name: Ada Byron, title: CEO}\n")
    (workdir / "org" / "b-more.yaml").write_text("people:\n  - {id: bob, name: Bob Stone, reports_to: adaa}\n")
    result = invoke("check", "--format", "concise", "--select", "S")
    assert result.exit_code == 1
    assert result.stdout == (
        "org/b-more.yaml:2:44: S002 [error] Bob Stone reports to 'adaa', but no person has that id "
        "(did you mean 'ada'?) (unknown-reference)\n"
    )
    assert result.stderr.strip() == "Found 1 problem (1 error) in 2 files"


def test_no_default_path_is_a_usage_error(workdir):
    empty = workdir / "empty"
    empty.mkdir()
    done = run_module("check", cwd=empty)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("orglint: error: no org chart given and none found here (looked for org.yaml and org/)")


# ------------------------------------------------------------------------ usage errors (exit 2)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "broken.yaml", "--select", "Z999"], "orglint: error: --select/--ignore: no rule matches 'Z999'"),
        (
            ["check", "broken.yaml", "--ignore", "no-such-rule"],
            "orglint: error: --select/--ignore: no rule matches 'no-such-rule'",
        ),
        (["check", "broken.yaml", "--format", "yaml"], "'yaml' is not one of"),
        (["check", "broken.yaml", "--fail-on", "fatal"], "'fatal' is not one of"),
        (["explain", "no-such-rule"], "orglint: error: no rule or input problem is called 'no-such-rule'"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_errors_exit_2_with_a_message_on_stderr(workdir, args, message):
    done = run_module(*args, cwd=workdir)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_usage_error_under_clirunner_surfaces_as_the_exception():
    result = invoke("explain", "no-such-rule")
    assert type(result.exception).__name__ == "UsageError"
    assert "no-such-rule" in str(result.exception)


# ------------------------------------------------------------------------ rules, explain, roles


def test_rules_lists_every_rule_by_family(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal: one line per rule
    result = invoke("rules")
    assert result.exit_code == 0
    assert "Structure of the chart" in result.stdout
    for code, name in (("S001", "reporting-cycle"), ("S012", "no-people")):
        assert re.search(rf"^{code}\s+{name}\s+(error|warning|info)\s+yes\b", result.stdout, re.MULTILINE)


def test_rules_json():
    result = invoke("rules", "--format", "json", "--ignore", "S006")
    assert result.exit_code == 0
    rows = {row["code"]: row for row in json.loads(result.stdout)}
    assert [code for code in rows if code.startswith("S")] == [f"S{n:03d}" for n in range(1, 13)]
    span = rows["S005"]
    assert (span["name"], span["family"], span["severity"], span["enabled"]) == ("span-of-control", "S", "warning", True)
    assert span["options"]["max"]["default"] == 10 and span["options"]["max"]["type"] == "int"
    assert rows["S004"]["options"]["allow"]["default"] == []
    assert rows["S007"]["options"]["max-depth"]["default"] == 8
    assert rows["S006"]["enabled"] is False
    assert span["summary"] == "Flags a manager with more direct reports than the `max` option allows (10 by default)."


@pytest.mark.parametrize("key", ["S001", "reporting-cycle", "s001"])
def test_explain_by_code_or_name(key):
    result = invoke("explain", key)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# S001 reporting-cycle\n")
    sections = ["## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References"]
    assert [out.index(section) for section in sections] == sorted(out.index(section) for section in sections)


def test_explain_shows_options():
    result = invoke("explain", "hierarchy-too-deep")
    assert result.exit_code == 0
    assert "Options: `max-depth` (default `8`)." in result.stdout and "## Options" in result.stdout


def test_roles_json_shows_how_titles_were_read():
    result = invoke("roles", "small-clean.yaml", "--format", "json")
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert len(rows) == 17
    for row in rows.values():
        assert {"id", "title", "roles", "functions"} <= set(row)
    assert (rows["priya"]["title"], rows["priya"]["roles"], rows["priya"]["functions"]) == ("VP of Product", ["cpo"], ["product"])
    assert rows["yusuf"]["roles"] == ["pre-sales-engineer"]


def test_roles_text_table(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = invoke("roles", "small-clean.yaml")
    assert result.exit_code == 0
    assert re.search(r"^priya\s+VP of Product\s+cpo\s+product\s+product", result.stdout, re.MULTILINE)


# ------------------------------------------------------------------------ the installed console script


def test_installed_console_script_end_to_end(workdir):
    script = Path(sys.executable).parent / "orglint"
    assert script.exists(), f"console script not installed next to {sys.executable}"
    done = subprocess.run(
        [str(script), "check", "broken.yaml", "--format", "concise"],
        cwd=workdir,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert concise_codes(done.stdout) == BROKEN_CODES
    assert done.stderr.strip() == SUMMARY
