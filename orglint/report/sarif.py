"""``sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Validates against the official OASIS schema and carries what GitHub code
scanning reads: the rule catalog with help in Markdown, levels, repository-relative
locations under ``%SRCROOT%``, and ``partialFingerprints`` keyed by the finding's
code and subject (``people.ada``), never by line numbers, so that an alert
survives edits elsewhere in the chart and moving the entry around.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from orglint.report import Report
from orglint.report.ci import catalog, digest, is_relative, occurrences, repo_path, subject_material
from orglint.rule import Finding, Related, Severity

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/orglint/"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "orglintSubject/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


_BRACKETS = re.compile(r"(\\*)([\[\]])")


def plain_text(text: str) -> str:
    """A SARIF plain-text message: brackets escaped (SARIF 2.1.0, 3.11.6), so that chart text such as
    ``[click](https://…)`` is shown as written, not rendered as a link by code-scanning viewers."""
    if "[" not in text and "]" not in text:
        return text
    return _BRACKETS.sub(lambda match: match.group(1) * 2 + "\\" + match.group(2), text)


def render(report: Report, *, color: bool = False) -> str:
    return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"


def build(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data (what :func:`render` serialises)."""
    infos = catalog(report)
    index = {info.code: position for position, info in enumerate(infos)}
    driver: dict[str, Any] = {
        "name": "orglint",
        "informationUri": INFORMATION_URI,
        "rules": [_descriptor(info, report.url_for(info.code)) for info in infos],
    }
    if report.tool_version:
        driver["version"] = report.tool_version
        driver["semanticVersion"] = report.tool_version
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: _base(report)},
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(finding, occurrence, index[finding.code], report)
            for finding, occurrence in occurrences(report.findings, lambda finding: subject_material(finding, report))
        ],
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _base(report: Report) -> dict[str, Any]:
    if report.root is None:
        return {"description": {"text": "The directory orglint ran in."}}
    root = report.root.replace("\\", "/").rstrip("/")
    if not root.startswith("/"):
        root = "/" + root  # a Windows drive: file:///C:/repo/
    return {
        "uri": "file://" + quote(root + "/", safe="/:"),
        "description": {"text": "The root of the repository holding the org chart."},
    }


def _descriptor(info, url: str | None) -> dict[str, Any]:
    # help.markdown is the rule's whole documentation (what GitHub shows on an alert);
    # help.text, for viewers without Markdown, is the gist and where to read the rest.
    markdown = info.doc
    text = " ".join(part for part in (info.summary, info.why) if part)
    if not info.is_input:
        markdown += f"\n\nRun `orglint explain {info.code}` to read this in a terminal."
        text += f" Run `orglint explain {info.code}` for examples and how to fix it."
    else:
        text = info.doc
    descriptor: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.description},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"tags": ["org-chart", info.tag]},
    }
    if url is not None:
        descriptor["helpUri"] = url
    return descriptor


def _result(finding: Finding, occurrence: int, rule_index: int, report: Report) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": plain_text(finding.message)},
        "partialFingerprints": {FINGERPRINT_KEY: f"{digest(subject_material(finding, report))}:{occurrence}"},
    }
    physical = _physical(finding.file, finding.line, finding.column, report)
    if physical is not None:
        location: dict[str, Any] = {"physicalLocation": physical}
        if finding.subject:
            location["logicalLocations"] = [{"fullyQualifiedName": finding.subject}]
        result["locations"] = [location]
    related = [_related(index, item, report) for index, item in enumerate(finding.related)]
    related = [item for item in related if item is not None]
    if related:
        result["relatedLocations"] = related
    if finding.subject:
        result["properties"] = {"subject": finding.subject}
    return result


def _related(index: int, related: Related, report: Report) -> dict[str, Any] | None:
    physical = _physical(related.file, related.line, related.column, report)
    if physical is None:
        return None
    return {"id": index, "message": {"text": plain_text(related.message)}, "physicalLocation": physical}


def _physical(file: str | None, line: int, column: int, report: Report) -> dict[str, Any] | None:
    path = repo_path(file, report)
    if path is None:
        return None
    if is_relative(path):
        artifact = {"uri": quote(path), "uriBaseId": SRCROOT}
    else:
        absolute = path if path.startswith("/") else "/" + path
        artifact = {"uri": "file://" + quote(absolute, safe="/:")}
    return {
        "artifactLocation": artifact,
        "region": {"startLine": max(1, line), "startColumn": max(1, column)},
    }
