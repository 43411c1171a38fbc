"""``concise``: one line per finding, nothing else (grep-friendly)."""

from __future__ import annotations

from orglint.report import Report
from orglint.rule import Finding
from orglint.sanitize import visible


def location(finding: Finding) -> str:
    return visible(f"{finding.file or '<org>'}:{finding.line}:{finding.column}")


def line(finding: Finding) -> str:
    return f"{location(finding)}: {finding.code} [{finding.severity.label}] {visible(finding.message)} ({finding.name})"


def render(report: Report, *, color: bool = False) -> str:
    return "".join(line(finding) + "\n" for finding in report.findings)
