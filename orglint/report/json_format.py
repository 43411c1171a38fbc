"""``json``: a list of findings with every field under stable keys."""

from __future__ import annotations

import json

from orglint.report import Report


def render(report: Report, *, color: bool = False) -> str:
    return json.dumps([finding.to_dict() for finding in report.findings], indent=2, ensure_ascii=False) + "\n"
