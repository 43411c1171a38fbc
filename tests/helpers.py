"""Shared test helpers: lint a chart given as text and get (code, subject) pairs."""

from __future__ import annotations

import textwrap
from pathlib import Path

from orglint.api import LintResult, lint_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def chart(text: str) -> str:
    """Dedent an inline YAML chart so tests can indent it with the code."""
    return textwrap.dedent(text).lstrip("\n")


def run(text: str, select: list[str] | None = None, **kwargs) -> LintResult:
    return lint_text(chart(text), select=select, **kwargs)


def findings(text: str, select: list[str] | None = None, **kwargs) -> list[tuple[str, str]]:
    """Sorted (code, subject) of every rule finding; fails the test on any input problem."""
    result = run(text, select=select, **kwargs)
    problems = [f"{p.code} {p.file}:{p.line}:{p.column} {p.message}" for p in result.input_problems]
    assert not problems, "input problems: " + "; ".join(problems)
    return sorted((finding.code, finding.subject) for finding in result.rule_findings)


def messages(text: str, select: list[str] | None = None, **kwargs) -> list[str]:
    return [finding.message for finding in run(text, select=select, **kwargs).rule_findings]


GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, text: str) -> None:
    """Compare ``text`` byte for byte with ``tests/golden/<name>``.

    Run with ``ORGLINT_UPDATE_GOLDEN=1`` to (re)write the golden file instead,
    then review the diff before committing it.
    """
    import os

    path = GOLDEN / name
    if os.environ.get("ORGLINT_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.exists(), f"missing golden file {path}: run the tests with ORGLINT_UPDATE_GOLDEN=1 to create it"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"output differs from {path} (ORGLINT_UPDATE_GOLDEN=1 rewrites it; review the diff)"
