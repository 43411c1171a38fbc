"""The formats of `orglint diff`: markdown (a pull-request comment or the step summary), json,
and text (rich tables for a terminal). Pure functions of an OrgDiff.

Chart data in markdown is escaped (:func:`md`): a name cannot break a table, inject HTML,
mention someone or start a line.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from orglint.diff import Figures, OrgDiff, PartChange, PersonRef
from orglint.report import plural
from orglint.rule import Finding

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import RenderableType

JSON_VERSION = 1
FIGURES = tuple(figure.name for figure in dataclasses.fields(Figures))  # the columns of a part's row
MAX_ROWS = 50  # per section: a reviewer reads a summary, not a dump; the json has everything

# What Markdown reads inside a line: emphasis, code, links, HTML, table cells, strikethrough.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def md(text: str | None) -> str:
    """Chart text fit for one Markdown line or table cell, shown as written."""
    if text is None:
        return "—"
    text = " ".join(str(text).split())  # no line breaks: nothing can start a line
    text = text.replace("&", "&amp;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return text.replace("@", "&#64;")  # no @mentions from chart data


def _arrow(old: int | str | None, new: int | str | None) -> str:
    return f"{old if old is not None else '—'} → {new if new is not None else '—'}"


def _signed(delta: int) -> str:
    return f"+{delta}" if delta > 0 else str(delta)


def headline(diff: OrgDiff) -> str:
    """One line: `+3 joined, 1 left, 5 moved · 2 findings introduced, 1 resolved`."""
    people = f"{len(diff.joined)} joined, {len(diff.left)} left, {len(diff.moved)} changed manager, unit or title"
    findings = f"{plural(len(diff.introduced), 'finding')} introduced, {len(diff.resolved)} resolved"
    return f"{people}; {findings}"


# --- markdown -------------------------------------------------------------------------------


def render_markdown(diff: OrgDiff, url_for: Callable[[str], str | None] = lambda code: None) -> str:
    lines = ["### orglint: what this re-org changes", ""]
    if diff.empty:
        lines += [f"No change to the org between {md(diff.base)} and {md(diff.head)}.", ""]
        return "\n".join(lines)
    lines += [f"**{md(headline(diff))}**", "", "| | before | after |", "|---|---:|---:|"]
    lines += [f"| {name} | {before} | {after} |" for name, (before, after) in diff.totals.items()]
    lines.append("")
    if diff.introduced:
        lines += _details(
            f"Findings introduced ({len(diff.introduced)})", [_finding_line(f, url_for) for f in diff.introduced], open_=True
        )
    if diff.resolved:
        lines += _details(f"Findings resolved ({len(diff.resolved)})", [_finding_line(f, url_for) for f in diff.resolved])
    if diff.joined or diff.left:
        rows = [f"- joined: {_person(p)}" for p in diff.joined] + [f"- left: {_person(p)}" for p in diff.left]
        lines += _details(f"People who joined ({len(diff.joined)}) or left ({len(diff.left)})", rows)
    if diff.moved:
        rows = ["| person | change | before | after |", "|---|---|---|---|"]
        rows += [
            f"| {_person(move.person)} | {change.field} | {md(change.old)} | {md(change.new)} |"
            for move in diff.moved
            for change in move.changes
        ]
        lines += _details(f"People who changed manager, unit or title ({len(diff.moved)})", rows, table=True)
    if diff.leaders:
        rows = ["| leader | direct reports | gained | lost |", "|---|---:|---|---|"]
        rows += [
            f"| {_person(change.leader)} | {_arrow(change.before, change.after)} | "
            f"{', '.join(md(p.label) for p in change.gained) or '—'} | {', '.join(md(p.label) for p in change.lost) or '—'} |"
            for change in diff.leaders
        ]
        lines += _details(f"Leaders who gain or lose reports ({len(diff.leaders)})", rows, table=True)
    for kind, title in (("unit", "Units"), ("function", "Functions")):
        parts = [part for part in diff.parts if part.kind == kind]
        if parts:
            rows = ["| " + kind + " | headcount | managers | largest span | levels |", "|---|---:|---:|---:|---:|"]
            rows += [_part_row(part) for part in parts]
            lines += _details(f"{title} whose shape changed ({len(parts)})", rows, table=True)
    return "\n".join(lines)


def _details(summary: str, rows: list[str], *, table: bool = False, open_: bool = False) -> list[str]:
    header, body = (rows[:2], rows[2:]) if table else ([], rows)
    shown = body[:MAX_ROWS]
    # The summary is HTML, where Markdown escapes would show: it holds no chart data, only counts.
    out = [f"<details{' open' if open_ else ''}><summary>{html.escape(summary)}</summary>", "", *header, *shown]
    if len(body) > MAX_ROWS:
        out += ["", f"… and {len(body) - MAX_ROWS} more (`orglint diff --format json` lists every one)."]
    out += ["", "</details>", ""]
    return out


def _person(person: PersonRef) -> str:
    return f"{md(person.label)} (`{md(person.id).replace('`', '')}`)" if person.label != person.id else f"`{md(person.id)}`"


def _finding_line(finding: Finding, url_for: Callable[[str], str | None]) -> str:
    url = url_for(finding.code)
    code = f"[{finding.code}]({url})" if url else finding.code
    where = f"{md(finding.file)}:{finding.line}" if finding.file else "the org"
    return f"- **{code}** {finding.severity.label}: {md(finding.message)} ({where})"


def _figure_cell(before: Figures | None, after: Figures | None, name: str) -> str:
    old = getattr(before, name) if before is not None else None
    new = getattr(after, name) if after is not None else None
    if old == new:
        return str(new)
    if old is not None and new is not None:
        return f"{old} → {new} ({_signed(new - old)})"
    return _arrow(old, new)


def _part_row(part: PartChange) -> str:
    label = md(part.label) + (" (new)" if part.before is None else " (gone)" if part.after is None else "")
    cells = [_figure_cell(part.before, part.after, name) for name in FIGURES]
    return f"| {label} | " + " | ".join(cells) + " |"


# --- json -----------------------------------------------------------------------------------


def render_json(diff: OrgDiff, url_for: Callable[[str], str | None] = lambda code: None) -> str:
    def person(ref: PersonRef) -> dict[str, str]:
        return {"id": ref.id, "label": ref.label}

    def figures(value: Figures | None) -> dict[str, int] | None:
        return None if value is None else dataclasses.asdict(value)

    def finding(item: Finding) -> dict[str, Any]:
        entry = item.to_dict()
        entry["url"] = url_for(item.code)
        return entry

    data = {
        "version": JSON_VERSION,
        "base": diff.base,
        "head": diff.head,
        "totals": {name: {"before": before, "after": after} for name, (before, after) in diff.totals.items()},
        "joined": [person(ref) for ref in diff.joined],
        "left": [person(ref) for ref in diff.left],
        "moved": [
            {**person(move.person), "changes": [{"field": c.field, "before": c.old, "after": c.new} for c in move.changes]}
            for move in diff.moved
        ],
        "leaders": [
            {
                **person(change.leader),
                "reports_before": change.before,
                "reports_after": change.after,
                "gained": [person(ref) for ref in change.gained],
                "lost": [person(ref) for ref in change.lost],
            }
            for change in diff.leaders
        ],
        "parts": [
            {"kind": part.kind, "id": part.id, "label": part.label, "before": figures(part.before), "after": figures(part.after)}
            for part in diff.parts
        ],
        "findings": {"introduced": [finding(f) for f in diff.introduced], "resolved": [finding(f) for f in diff.resolved]},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- text (rich) ----------------------------------------------------------------------------


def renderables(diff: OrgDiff) -> list[RenderableType]:
    """Rich tables for a terminal: the headline and totals, then each section that has rows."""
    from rich.table import Table
    from rich.text import Text

    from orglint.sanitize import visible

    def text(value: str | None) -> Text:
        return Text(visible(value) if value is not None else "—")

    out: list[RenderableType] = [Text(f"orglint diff {visible(diff.base)} → {visible(diff.head)}", style="bold")]
    if diff.empty:
        out.append(Text("No change to the org."))
        return out
    out.append(Text(headline(diff)))
    totals = Table("", "before", "after", box=None, pad_edge=False)
    for name, (before, after) in diff.totals.items():
        totals.add_row(name, str(before), str(after))
    out.append(totals)

    def table(title: str, columns: Iterable[str], rows: Iterable[list[Text | str]]) -> None:
        result = Table(*columns, title=title, title_justify="left", title_style="bold", box=None, pad_edge=False)
        for row in rows:
            result.add_row(*row)
        if result.row_count:
            out.append(result)

    for label, findings, style in (("introduced", diff.introduced, "red"), ("resolved", diff.resolved, "green")):
        table(
            f"Findings {label}",
            ("code", "severity", "message", "where"),
            (
                [Text(f.code, style=style), f.severity.label, text(f.message), text(f"{f.file}:{f.line}" if f.file else "org")]
                for f in findings
            ),
        )
    table("Joined", ("person",), ([text(p.label)] for p in diff.joined))
    table("Left", ("person",), ([text(p.label)] for p in diff.left))
    table(
        "Changed manager, unit or title",
        ("person", "change", "before", "after"),
        ([text(m.person.label), c.field, text(c.old), text(c.new)] for m in diff.moved for c in m.changes),
    )
    table(
        "Leaders who gain or lose reports",
        ("leader", "direct reports", "gained", "lost"),
        (
            [
                text(c.leader.label),
                _arrow(c.before, c.after),
                text(", ".join(p.label for p in c.gained) or None),
                text(", ".join(p.label for p in c.lost) or None),
            ]
            for c in diff.leaders
        ),
    )
    table(
        "Units and functions whose shape changed",
        ("part", "headcount", "managers", "largest span", "levels"),
        (
            [
                text(f"{part.kind} {part.label}"),
                *(_figure_cell(part.before, part.after, name) for name in FIGURES),
            ]
            for part in diff.parts
        ),
    )
    return out
