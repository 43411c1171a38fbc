"""``overrides:``: options, severities and ignores for the units and functions an entry names,
and which setting wins where several apply."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from orglint.api import lint_text
from orglint.session import open_session

ORGLINT = str(Path(sys.executable).parent / "orglint")


def _team(lead: str, unit: str, size: int, title: str) -> str:
    return "".join(f"  - {{id: {lead}-{n}, title: {title}, reports_to: {lead}, unit: {unit}}}\n" for n in range(size))


# A CEO; a support department with a tier-1 team whose lead has 15 agents; an engineering manager
# with 12 engineers; a sales director with 11 account executives.
CHART = (
    "units:\n"
    "  - {id: support, type: department, function: support, lead: vp-support}\n"
    "  - {id: tier1, type: team, parent: support, lead: lead-t1}\n"
    "  - {id: eng, type: department, function: engineering, lead: em}\n"
    "  - {id: sales, type: department, function: sales, lead: sd}\n"
    "people:\n"
    "  - {id: ceo, title: CEO}\n"
    "  - {id: vp-support, title: VP of Support, reports_to: ceo, unit: support}\n"
    "  - {id: lead-t1, title: Support Team Lead, reports_to: vp-support, unit: tier1}\n"
    "  - {id: em, title: Engineering Manager, reports_to: ceo, unit: eng}\n"
    "  - {id: sd, title: Sales Director, reports_to: ceo, unit: sales}\n"
    + _team("lead-t1", "tier1", 15, "Support Engineer")
    + _team("em", "eng", 12, "Software Engineer")
    + _team("sd", "sales", 11, "Account Executive")
)


def span_findings(tmp_path: Path, config: str, select: str = "S005") -> list[tuple[str, str, str]]:
    (tmp_path / ".orglint.yaml").write_text(config, encoding="utf-8")
    session = open_session(config_file=tmp_path / ".orglint.yaml", select=[select])
    result = lint_text(CHART, session=session)
    assert result.input_problems == []
    return [(finding.code, finding.subject, finding.severity.label) for finding in result.findings]


def test_without_overrides_every_wide_span_is_reported(tmp_path):
    assert span_findings(tmp_path, "fail-on: warning\n") == [
        ("S005", "people.lead-t1", "warning"),
        ("S005", "people.em", "warning"),
        ("S005", "people.sd", "warning"),
    ]


def test_a_larger_span_in_support_and_the_units_below_it(tmp_path):
    config = "overrides:\n  - units: [support]\n    options: {S005: {max: 15}}\n"
    assert span_findings(tmp_path, config) == [("S005", "people.em", "warning"), ("S005", "people.sd", "warning")]


def test_the_override_options_are_checked_against_the_rule(tmp_path):
    config = "overrides:\n  - units: [support]\n    options: {S005: {max: 14}}\n"
    assert span_findings(tmp_path, config)[0] == ("S005", "people.lead-t1", "warning")  # 15 > 14: still reported


def test_a_function_override_and_a_severity(tmp_path):
    config = "overrides:\n  - functions: [sales]\n    severity: {S005: info}\n"
    assert span_findings(tmp_path, config) == [
        ("S005", "people.lead-t1", "warning"),
        ("S005", "people.em", "warning"),
        ("S005", "people.sd", "info"),
    ]


def test_the_later_entry_wins_and_overrides_beat_the_top_level(tmp_path):
    config = (
        "options: {S005: {max: 20}}\n"  # top level: nobody is over 20
        "severity: {S005: error}\n"
        "overrides:\n"
        "  - units: [support]\n    options: {S005: {max: 5}}\n    severity: {S005: info}\n"
        "  - units: [tier1]\n    options: {S005: {max: 12}}\n"  # later and narrower: wins for tier1
        "  - functions: [engineering]\n    options: {S005: {max: 10}}\n"
    )
    assert span_findings(tmp_path, config) == [
        ("S005", "people.lead-t1", "info"),  # max 12 from the later entry, info from the earlier one
        ("S005", "people.em", "error"),  # engineering's max 10, the top level's severity
    ]


def test_ignore_and_off_in_an_override(tmp_path):
    config = "overrides:\n  - units: [eng]\n    ignore: [S005]\n  - functions: [sales]\n    severity: {S005: off}\n"
    assert span_findings(tmp_path, config) == [("S005", "people.lead-t1", "warning")]


def test_a_strict_preset_does_not_raise_an_overrides_info_back(tmp_path):
    config = "extends: strict\noverrides:\n  - functions: [support]\n    severity: {S005: info}\n"
    assert span_findings(tmp_path, config)[0] == ("S005", "people.lead-t1", "info")


@pytest.mark.parametrize(
    "config, message",
    [
        ("overrides: {units: [a]}\n", ".orglint.yaml:1: overrides: expected a list of entries"),
        ("overrides:\n  - options: {S005: {max: 3}}\n", ".orglint.yaml:2: overrides: an override names the units or functions"),
        ("overrides:\n  - units: [support]\n", ".orglint.yaml:2: overrides: an override changes something"),
        ("overrides:\n  - functions: [salse]\n    ignore: [S]\n", "unknown function 'salse' (did you mean 'sales'?)"),
        ("overrides:\n  - units: [support]\n    option: {S005: {max: 3}}\n", "unknown key 'option' (did you mean 'options'?)"),
        ("overrides:\n  - units: [support]\n    options: {S005: {maxx: 3}}\n", "has no option 'maxx' (did you mean 'max'?)"),
        ("overrides:\n  - units: [support]\n    severity: {S005: loud}\n", "unknown severity 'loud'"),
    ],
)
def test_a_bad_override_is_a_config_error_with_its_location(tmp_path, config, message):
    (tmp_path / ".orglint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "org.yaml").write_text(CHART, encoding="utf-8")
    result = subprocess.run([ORGLINT, "check", "org.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert message in result.stderr, result.stderr


def test_an_override_naming_no_unit_of_the_chart_is_an_error_through_the_console_script(tmp_path):
    (tmp_path / ".orglint.yaml").write_text("overrides:\n  - units: [suport]\n    ignore: [S005]\n", encoding="utf-8")
    (tmp_path / "org.yaml").write_text(CHART, encoding="utf-8")
    result = subprocess.run([ORGLINT, "check", "org.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "orglint: error: .orglint.yaml:2:5: overrides: no unit has the id 'suport' in this chart" in result.stderr


def test_the_support_example_through_the_console_script(tmp_path):
    (tmp_path / ".orglint.yaml").write_text(
        "overrides:\n  - units: [support]  # one team lead with 15 agents is normal there\n    options: {S005: {max: 15}}\n",
        encoding="utf-8",
    )
    (tmp_path / "org.yaml").write_text(CHART, encoding="utf-8")
    result = subprocess.run(
        [ORGLINT, "check", "org.yaml", "--select", "S005", "-f", "concise"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert [line.split(": ")[1].split(" [")[0] for line in result.stdout.splitlines()] == ["S005", "S005"]
    assert "Engineering Manager" in result.stdout and "Support Team Lead" not in result.stdout
