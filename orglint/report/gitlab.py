"""``gitlab``: GitLab Code Quality JSON (the ``artifacts:reports:codequality`` report).

A list of issues with ``description``, ``check_name``, ``fingerprint``,
``severity`` and ``location {path, lines {begin}}`` (the description ends with the
rule's page, as GitLab shows nothing else in a merge request); paths are relative to the
repository root. Severities: error -> ``critical``, warning -> ``major``, info ->
``info``; an input problem or a crashed rule (the chart could not be checked)
-> ``blocker``. The fingerprint is an MD5 of code, subject, file and the
occurrence number: unique per finding (GitLab keeps one issue per fingerprint)
and free of line numbers, so an issue stays the same issue when lines move.
"""

from __future__ import annotations

import json

from orglint.report import Report
from orglint.report.ci import digest, occurrences, repo_path, subject_material
from orglint.rule import Finding, Severity

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}
INPUT_SEVERITY = "blocker"


def render(report: Report, *, color: bool = False) -> str:
    fallback = next((repo_path(path, report) for path in report.sources if repo_path(path, report)), None) or "."
    issues = [
        _issue(finding, occurrence, report, fallback)
        for finding, occurrence in occurrences(report.findings, lambda finding: _key(finding, report))
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _key(finding: Finding, report: Report) -> str:
    return f"{subject_material(finding, report)}\0{repo_path(finding.file, report) or ''}"


def _issue(finding: Finding, occurrence: int, report: Report, fallback: str) -> dict:
    path = repo_path(finding.file, report)
    url = report.url_for(finding.code)
    # GitLab shows only the description in a merge request: the rule's page goes there.
    return {
        "description": f"{finding.code} {finding.message} ({finding.name}{': ' + url if url else ''})",
        "check_name": finding.code,
        "fingerprint": digest(f"{_key(finding, report)}\0{occurrence}", "md5"),
        "severity": INPUT_SEVERITY if finding.kind != "rule" else SEVERITIES[finding.severity],
        "location": {"path": path or fallback, "lines": {"begin": max(1, finding.line) if path else 1}},
    }
