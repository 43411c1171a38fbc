"""The README's promises: its two set-up commands are what CI runs, and its code samples work."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from helpers import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ORGLINT = str(Path(sys.executable).parent / "orglint")


def _shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, re.DOTALL)


def test_the_readme_starts_with_the_two_commands_and_ci_runs_the_second():
    first, second = _shell_blocks()[:2]
    assert "pip install -e ." in first and "orglint check examples/" in first
    assert "pip install -e '.[test]'" in second and "python -m pytest" in second
    test_command = second.strip().split("&& ", 2)[-1]  # after creating and activating the venv
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci


def test_the_example_named_by_the_first_command_exists_and_has_findings():
    first = _shell_blocks()[0]
    example = re.search(r"orglint check (\S+)", first).group(1)
    result = subprocess.run([ORGLINT, "check", example], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "L003 [error]" in result.stdout


def test_the_plugin_rule_sample_runs(tmp_path):
    sample = re.search(r"## Writing your own rules.*?```python\n(.*?)```", README, re.DOTALL).group(1)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "q001_squad_without_designer.py").write_text(sample, encoding="utf-8")
    result = subprocess.run(
        [
            ORGLINT,
            "check",
            str(EXAMPLES / "anti-patterns" / "squads-and-tribes.yaml"),
            "--rules-dir",
            str(tmp_path / "rules"),
            "--select",
            "Q001",
            "--format",
            "concise",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr  # info findings stay under --fail-on warning
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()] == [
        "Q001 [info] Fraud (squad) has no designer (squad-without-designer)",
        "Q001 [info] Payouts (squad) has no designer (squad-without-designer)",
    ]


def test_the_readme_shows_the_reorg_review_orglint_diff_prints():
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "orglint"),
            "diff",
            "examples/small-clean.yaml",
            "examples/reorg/after.yaml",
            "--format",
            "markdown",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1  # L003 introduced
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert done.stdout.rstrip("\n") in readme, "paste the output of the command into README.md"
