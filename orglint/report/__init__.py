"""Output formats: one module per format, each a pure function from a Report to text.

Formatters never decide severity, never print and never exit; the CLI writes
what they return. Each module is imported only when its format is asked for.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Mapping

from orglint.loader import SourceFile
from orglint.rule import Finding, Rule, Severity

# format name -> module under orglint.report
FORMATS: dict[str, str] = {
    "text": "text",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
    "html": "html",
}


@dataclass
class Report:
    """Everything a formatter may use."""

    findings: list[Finding]
    rules: Mapping[str, Rule] = field(default_factory=dict)  # code -> rule, for descriptions
    sources: Mapping[str, SourceFile] = field(default_factory=dict)  # path -> source, for snippets
    files_checked: int = 0
    tool_version: str = ""
    # For CI formats' repository-relative paths: the repository root (absolute, None when
    # not in a repository) and the directory the findings' relative paths start from.
    root: str | None = None
    cwd: str | None = None
    # The org chart that was checked (orglint.model.Org), for formats that draw it (html); None
    # when there is none to draw.
    org: Any = None

    def counts(self) -> dict[Severity, int]:
        counts = {severity: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def render(format_name: str, report: Report, *, color: bool = False) -> str:
    module = importlib.import_module(f"orglint.report.{FORMATS[format_name]}")
    return module.render(report, color=color)


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"


def summary_line(report: Report) -> str:
    """``Found 3 problems (1 error, 2 warnings) in 1 file``, or ``All checks passed ...``."""
    files = plural(report.files_checked, "file")
    if not report.findings:
        return f"All checks passed: no problems in {files}."
    counts = report.counts()
    parts = [
        plural(counts[severity], severity.label)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[severity]
    ]
    return f"Found {plural(len(report.findings), 'problem')} ({', '.join(parts)}) in {files}"
