"""Output formats: one module per format, each a pure function from a Report to text.

Formatters never decide severity, never print and never exit; the CLI writes
what they return. Each module is imported only when its format is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from orglint.links import DEFAULT_DOCS_URL, page_url, rule_url
from orglint.loader import SourceFile
from orglint.problems import INPUT_PROBLEMS
from orglint.rule import Finding, Rule, Severity


@dataclass(frozen=True)
class OutputFormat:
    """One output format of ``orglint check``: the CLI's ``--format`` choices come from this table."""

    module: str  # under orglint.report, imported only when the format is asked for
    # How the CLI escapes a CI command marker that chart data carries onto a line of this
    # format's output: "json" (in a JSON string), "xml" (in XML text), "text", or None when the
    # format escapes its data itself (github: its own lines are workflow commands).
    escape: str | None
    # The CI formats write paths relative to the repository root: only they pay for finding it.
    repository_paths: bool = False


FORMATS: dict[str, OutputFormat] = {
    "text": OutputFormat("text", escape="text"),
    "concise": OutputFormat("concise", escape="text"),
    "json": OutputFormat("json_format", escape="json"),
    "sarif": OutputFormat("sarif", escape="json", repository_paths=True),
    "github": OutputFormat("github", escape=None, repository_paths=True),
    "junit": OutputFormat("junit", escape="xml", repository_paths=True),
    "gitlab": OutputFormat("gitlab", escape="json", repository_paths=True),
    "html": OutputFormat("html", escape="xml"),
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
    # Where the rule pages are (`docs-url:` in the config): every format that links a finding to
    # its rule asks url_for.
    docs_url: str = DEFAULT_DOCS_URL

    def url_for(self, code: str) -> str | None:
        """The documentation page of the rule (or input problem) ``code``: see :func:`url_for`."""
        return url_for(code, self.rules, self.docs_url)

    def counts(self) -> dict[Severity, int]:
        counts = {severity: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def url_for(code: str, rules: Mapping[str, Rule], docs_url: str = DEFAULT_DOCS_URL) -> str | None:
    """The documentation page of the rule (by code, among ``rules``) or input problem ``code``;
    None for a plugin rule that declares none."""
    rule = rules.get(code)
    if rule is not None:
        return rule_url(rule, docs_url)
    if code in INPUT_PROBLEMS:
        return page_url(code, INPUT_PROBLEMS[code][0], docs_url)
    return None


def render(format_name: str, report: Report, *, color: bool = False) -> str:
    module = importlib.import_module(f"orglint.report.{FORMATS[format_name].module}")
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
