"""Golden files: `orglint check examples/broken.yaml` in each output format, byte for byte.

The files live in tests/golden/ as ``broken.<format>``. After an intended change
to a format or to a rule's wording, regenerate them with

    ORGLINT_UPDATE_GOLDEN=1 pytest tests/test_golden_formats.py

and review the diff. Other formats add their golden files with the same
``helpers.assert_golden``.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from helpers import ROOT, assert_golden
from orglint.cli import app

FORMATS = ("text", "concise", "json")


@pytest.mark.parametrize("fmt", FORMATS)
def test_broken_example(fmt, monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the output are relative to the current directory
    for variable in ("GITHUB_ACTIONS", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    result = CliRunner().invoke(app, ["check", "examples/broken.yaml", "--format", fmt, "--isolated", "--color", "never"])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Found ")
    assert_golden(f"broken.{fmt}", result.stdout)
