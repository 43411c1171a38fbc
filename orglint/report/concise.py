"""``concise``: one line per finding, nothing else (grep-friendly)."""

from __future__ import annotations

import re

from orglint.report import Report
from orglint.rule import Finding

# What must not reach a terminal or a log verbatim from a chart's values: control characters
# (ESC starts the sequences that recolour, retitle or hyperlink a terminal), line breaks (one
# finding, one line) and the bidirectional overrides that reorder what is displayed.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNPRINTABLE_BUT_LINE_BREAKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r"}.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def printable(text: str, *, keep_line_breaks: bool = False) -> str:
    """``text`` with control characters, line breaks (unless kept: formats that escape them
    their own way) and bidi overrides written as escapes (``\\n``, ``\\x1b``)."""
    pattern = _UNPRINTABLE_BUT_LINE_BREAKS if keep_line_breaks else _UNPRINTABLE
    return pattern.sub(_escape, text) if pattern.search(text) else text


def location(finding: Finding) -> str:
    return printable(f"{finding.file or '<org>'}:{finding.line}:{finding.column}")


def line(finding: Finding) -> str:
    return f"{location(finding)}: {finding.code} [{finding.severity.label}] {printable(finding.message)} ({finding.name})"


def render(report: Report, *, color: bool = False) -> str:
    return "".join(line(finding) + "\n" for finding in report.findings)
