"""Settings you can see: `orglint check --show-settings` and the options column of `orglint rules`,
through the installed console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ORGLINT = str(Path(sys.executable).parent / "orglint")


def orglint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([ORGLINT, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def _repository(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "base.yaml").write_text(
        "extends: strict\noptions:\n  S005: {max: 12}\nseverity:\n  R004: error\n", encoding="utf-8"
    )
    (tmp_path / ".orglint.yaml").write_text(
        "extends: shared/base.yaml\nfail-on: error\nignore: [T]\nbaseline: accepted.json\n", encoding="utf-8"
    )
    # A chart that does not parse: --show-settings must not read it.
    (tmp_path / "org.yaml").write_text("people: [\n", encoding="utf-8")
    return tmp_path


def test_show_settings_lists_the_config_chain_and_every_rule_as_it_will_run(tmp_path):
    result = orglint("check", "--show-settings", cwd=_repository(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:8] == [
        "Config files, in the order they apply:",
        "  1. shared/base.yaml (extends strict)",
        "  2. .orglint.yaml (extends shared/base.yaml)",
        "preset: strict",
        "fail-on: error",
        "baseline: accepted.json",
        "docs-url: https://github.com/orglint/orglint/blob/main/docs/rules/{code}.md",
        "plugins: none",
    ]
    assert "  S005 span-of-control: on warning max=12" in lines
    assert "  R004 cto-is-cpo: on error" in lines  # the config's severity
    assert "  S006 manager-of-one: on warning" in lines  # info raised by the strict preset
    assert "  T004 squad-outside-tribe: off warning" in lines


def test_show_settings_as_json(tmp_path):
    result = orglint("check", "--show-settings", "--format", "json", "--select", "S005", cwd=_repository(tmp_path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["config_files"] == [
        {"file": "shared/base.yaml", "extends": "strict"},
        {"file": ".orglint.yaml", "extends": "shared/base.yaml"},
    ]
    rules = {rule["code"]: rule for rule in data["rules"]}
    assert rules["S005"] == {
        "code": "S005",
        "name": "span-of-control",
        "enabled": True,
        "severity": "warning",
        "options": {"max": 12},
    }
    assert [code for code, rule in rules.items() if rule["enabled"]] == ["S005"]


def test_show_settings_without_a_config(tmp_path):
    result = orglint("check", "--show-settings", "--isolated", cwd=_repository(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "Config files, in the order they apply:",
        "  (none: the recommended preset)",
        "preset: recommended",
    ]
    assert "  S005 span-of-control: on warning max=10" in result.stdout.splitlines()


def test_rules_shows_the_option_values_the_config_sets(tmp_path):
    result = orglint("rules", cwd=_repository(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "max=12*" in result.stdout and result.stdout.count("max=10") == 1  # T002 keeps its 10
    isolated = orglint("rules", "--isolated", cwd=tmp_path)
    assert isolated.stdout.count("max=10") == 2 and "max=12" not in isolated.stdout
