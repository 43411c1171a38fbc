"""``json``: a list of findings with every field under stable keys."""

from __future__ import annotations

import json
from typing import Any

from orglint.report import Report
from orglint.rule import Finding


def render(report: Report, *, color: bool = False) -> str:
    return json.dumps([_entry(finding, report) for finding in report.findings], indent=2, ensure_ascii=False) + "\n"


def _entry(finding: Finding, report: Report) -> dict[str, Any]:
    entry = finding.to_dict()
    entry["url"] = report.url_for(finding.code)  # the rule's page; null for a plugin rule without one
    return entry
