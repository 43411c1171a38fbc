"""``--statistics``: how many findings each rule reported, instead of the findings (Ruff's shape).

Rows are sorted by count, most first, then by code. Pure functions, like the
formats: the CLI prints what they return.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from orglint.rule import Finding


def statistics(findings: Iterable[Finding]) -> list[dict]:
    """One row per code: code, name, severity (the most severe of its findings), count."""
    rows: dict[str, dict] = {}
    for finding in findings:
        row = rows.get(finding.code)
        if row is None:
            rows[finding.code] = {"code": finding.code, "name": finding.name, "severity": finding.severity, "count": 1}
        else:
            row["count"] += 1
            row["severity"] = max(row["severity"], finding.severity)
    return sorted(rows.values(), key=lambda row: (-row["count"], row["code"]))


def render_text(findings: Iterable[Finding]) -> str:
    """``    3  L003  product-under-sales  warning``, one line per rule."""
    rows = statistics(findings)
    if not rows:
        return ""
    count_width = max(len(str(row["count"])) for row in rows)
    code_width = max(len(row["code"]) for row in rows)
    name_width = max(len(row["name"]) for row in rows)
    lines = [
        f"{row['count']:>{count_width}}  {row['code']:<{code_width}}  {row['name']:<{name_width}}  {row['severity'].label}".rstrip()
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def render_json(findings: Iterable[Finding]) -> str:
    rows = [dict(row, severity=row["severity"].label) for row in statistics(findings)]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
