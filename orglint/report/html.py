"""``html``: one self-contained page: summary, findings by rule with the rule's documentation,
and the org chart drawn as an inline SVG with the offenders marked.

Self-contained means no network, ever: the CSS is inline, there is no script,
no web font and no image file, and a Content-Security-Policy meta tag forbids
the browser to load anything. The only external references are the plain
links written in rule documentation (never followed by the page itself).

Everything taken from the input (names, titles, messages, file names, rule
docs) is escaped; rule documentation is rendered by markdown-it-py (CommonMark,
:func:`markdown_to_html`) with raw HTML escaped and links only to http(s), mailto
and in-page targets.

The chart (:func:`chart_svg`) is the reporting hierarchy as a tree: managers
side by side over their teams, and each manager's individual contributors
stacked in a column under them, which keeps a few hundred people readable.
Past ``MAX_CHART_PEOPLE`` it keeps the managers and the people with findings
(then only the people with findings and their chains of command), like
``orglint graph`` (see orglint.graph.select_people). Each person with findings
is filled with the colour of their worst severity, shows the codes, and links
to their first finding; hovering shows the messages.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from orglint.graph import PALETTE, SEVERITY_ORDER, Flag, flags_by_subject, select_people, split_subject
from orglint.report import Report, plural, summary_line
from orglint.rule import Finding, Severity
from orglint.sanitize import printable

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from orglint.model import Org, Person, Product, Unit

MAX_CHART_PEOPLE = 300


def escape(text: str, quote: bool = True) -> str:
    """HTML-escaped chart text, its control characters escaped too (the page may be printed to a log)."""
    return html.escape(printable(text, keep_line_breaks=True), quote)


# --- Markdown (markdown-it-py, CommonMark) ------------------------------------------------------

# Links only to the web, mail and this page: a `javascript:` or `data:` link stays text.
_SAFE_HREF = re.compile(r"^(https?://|mailto:|#)[^\s\"'<>`]*$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # Imported here: only the html format pays for it (about 70 ms cold), not `orglint check`.
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False})  # raw HTML in the text is shown, never rendered
    parser.validateLink = lambda url: bool(_SAFE_HREF.match(url))  # type: ignore[method-assign]
    return parser


def _secure(tokens: list[Token], heading_offset: int = 0) -> list[Token]:
    """Shift headings under the page's own, and open every link with rel="noopener noreferrer"."""
    for token in tokens:
        if token.type in ("heading_open", "heading_close") and heading_offset:
            token.tag = f"h{min(6, int(token.tag[1]) + heading_offset)}"
        for child in token.children or ():
            if child.type == "link_open":
                child.attrSet("rel", "noopener noreferrer")
    return tokens


def markdown_to_html(text: str, *, heading_offset: int = 0) -> str:
    """Rule documentation as HTML (CommonMark: nested lists, quotes, code, tables off), headings
    shifted by ``heading_offset``; raw HTML escaped, control characters shown, unsafe links left as text."""
    parser = _markdown()
    tokens = _secure(parser.parse(printable(text, keep_line_breaks=True)), heading_offset)
    return parser.renderer.render(tokens, parser.options, {}).rstrip("\n")


def render_inline(text: str) -> str:
    """One line of Markdown (`code`, **bold**, [text](url)) as inline HTML, everything else escaped."""
    parser = _markdown()
    tokens = _secure(parser.parseInline(printable(text, keep_line_breaks=True)))
    return parser.renderer.render(tokens, parser.options, {})


# --- the chart --------------------------------------------------------------------------------

NODE_W, NODE_H = 176, 54
H_GAP, V_GAP = 18, 32
STACK_INDENT, STACK_GAP = 18, 8
MARGIN = 12
_NAME_CHARS, _TITLE_CHARS = 25, 30
_PLAIN = ("#ffffff", "#94a3b8")


def _clip(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _layout(org: Org, people: list[Person], kept: set[str]) -> tuple[dict[str, tuple[float, float]], list[str], float, float]:
    """Positions (top-left of each box), connector paths, total width and height."""
    # The visible forest: each person once, under their manager when that manager is drawn.
    children: dict[str, list[str]] = {"": []}
    visited: set[str] = set()
    order: list[str] = [""]

    def grow(root: str) -> None:
        visited.add(root)
        children[""].append(root)
        queue = [root]
        while queue:
            current = queue.pop()
            order.append(current)
            kids = [r.id for r in org.direct_reports.get(current, ()) if r.id in kept and r.id not in visited]
            visited.update(kids)
            children[current] = kids
            queue.extend(reversed(kids))

    for person in people:
        if person.reports_to not in kept and person.id not in visited:
            grow(person.id)
    for person in people:  # reporting cycles: start from the first person met
        if person.id not in visited:
            grow(person.id)

    width: dict[str, float] = {}
    height: dict[str, float] = {}
    parts: dict[str, list[tuple[str, list[str]]]] = {}
    for node in reversed(order):
        kids = children.get(node, [])
        leaves = [kid for kid in kids if not children.get(kid)]
        inner = [kid for kid in kids if children.get(kid)]
        node_parts: list[tuple[str, list[str]]] = []
        if leaves:
            node_parts.append(("stack", leaves))
        node_parts += [("tree", [kid]) for kid in inner]
        parts[node] = node_parts
        sizes = [
            (STACK_INDENT + NODE_W, len(part) * NODE_H + (len(part) - 1) * STACK_GAP)
            if kind == "stack"
            else (width[part[0]], height[part[0]])
            for kind, part in node_parts
        ]
        row_w = sum(w for w, _ in sizes) + H_GAP * max(0, len(sizes) - 1)
        row_h = max((h for _, h in sizes), default=0)
        if node == "":
            width[node], height[node] = row_w, row_h
        elif not node_parts:
            width[node], height[node] = NODE_W, NODE_H
        else:
            gap = STACK_GAP * 2 if [kind for kind, _ in node_parts] == ["stack"] else V_GAP
            width[node], height[node] = max(NODE_W, row_w), NODE_H + gap + row_h

    position: dict[str, tuple[float, float]] = {}
    paths: list[str] = []
    pending: list[tuple[str, float, float]] = [("", MARGIN, MARGIN)]
    while pending:
        node, left, top = pending.pop()
        node_parts = parts[node]
        only_stack = [kind for kind, _ in node_parts] == ["stack"]
        if node == "":
            row_top, row_left = top, left
        else:
            box_x = left if only_stack else left + (width[node] - NODE_W) / 2
            position[node] = (box_x, top)
            if not node_parts:
                continue
            row_top = top + NODE_H + (STACK_GAP * 2 if only_stack else V_GAP)
            row_w = sum(STACK_INDENT + NODE_W if kind == "stack" else width[part[0]] for kind, part in node_parts)
            row_w += H_GAP * (len(node_parts) - 1)
            row_left = left if only_stack else left + (width[node] - row_w) / 2
        bus_y = top + NODE_H + V_GAP / 2
        anchors: list[float] = []
        segments: list[str] = []
        x = row_left
        for kind, part in node_parts:
            if kind == "stack":
                spine = x + STACK_INDENT / 2
                mids = []
                for number, leaf in enumerate(part):
                    leaf_top = row_top + number * (NODE_H + STACK_GAP)
                    position[leaf] = (x + STACK_INDENT, leaf_top)
                    mids.append(leaf_top + NODE_H / 2)
                if node != "":  # the people without a manager on the chart hang from nothing
                    segments += [f"M{spine:g} {mid:g}H{x + STACK_INDENT:g}" for mid in mids]
                    start = top + NODE_H if only_stack else bus_y
                    segments.append(f"M{spine:g} {start:g}V{mids[-1]:g}")
                    anchors.append(spine)
                x += STACK_INDENT + NODE_W + H_GAP
            else:
                child = part[0]
                pending.append((child, x, row_top))
                center = x + width[child] / 2
                if node != "":
                    segments.append(f"M{center:g} {bus_y:g}V{row_top:g}")
                    anchors.append(center)
                x += width[child] + H_GAP
        if node != "" and node_parts and not only_stack:
            center = position[node][0] + NODE_W / 2
            segments.append(f"M{center:g} {top + NODE_H:g}V{bus_y:g}")
            low, high = min(anchors + [center]), max(anchors + [center])
            if high > low:
                segments.append(f"M{low:g} {bus_y:g}H{high:g}")
        if segments:
            paths.append("".join(segments))
    total_w = width[""] + 2 * MARGIN
    total_h = height[""] + 2 * MARGIN
    return position, paths, max(total_w, NODE_W + 2 * MARGIN), max(total_h, NODE_H + 2 * MARGIN)


def chart_svg(
    org: Org,
    findings: Iterable[Finding],
    *,
    max_people: int | None = MAX_CHART_PEOPLE,
    anchors: dict[str, str] | None = None,
) -> tuple[str, str | None]:
    """The reporting tree as an inline ``<svg>``, and the note saying what was left out (or None).

    ``anchors``: subject -> in-page id of its first finding, to link offenders to their findings.
    """
    flags = flags_by_subject(findings)
    flagged_people = {entity_id for kind, entity_id in map(split_subject, flags) if kind == "people"}
    selection = select_people(org, flagged_people, max_people)
    position, paths, total_w, total_h = _layout(org, selection.people, selection.kept)
    anchors = anchors or {}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{total_w:g}" height="{total_h:g}" '
        f'viewBox="0 0 {total_w:g} {total_h:g}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif">',
        f"<title>{escape(f'Org chart of {org.label}')}</title>",
    ]
    if paths:
        out.append(f'<path class="lines" fill="none" stroke="#94a3b8" stroke-width="1.2" d="{"".join(paths)}"/>')
    for person in selection.people:
        if person.id not in position:
            continue
        x, y = position[person.id]
        flag = flags.get(person.subject)
        hidden = selection.hidden_reports.get(person.id, 0)
        out.append(_node_svg(person, x, y, flag, hidden, anchors.get(person.subject)))
    out.append("</svg>")
    return "\n".join(out), selection.note


def _node_svg(person: Person, x: float, y: float, flag: Flag | None, hidden: int, anchor: str | None) -> str:
    fill, stroke = PALETTE[flag.severity] if flag is not None else _PLAIN
    severity = flag.severity.label if flag is not None else "none"
    tooltip = [person.display]
    if flag is not None:
        tooltip += [f"{finding.code} ({finding.severity.label}): {finding.message}" for finding in flag.findings]
    if hidden:
        tooltip.append(f"{hidden} direct {'report' if hidden == 1 else 'reports'} not drawn")
    extra = []
    if flag is not None:
        extra.append(" ".join(flag.codes))
    if hidden:
        extra.append(f"+{hidden} not shown")
    body = [
        f"<title>{escape(chr(10).join(tooltip))}</title>",
        f'<rect width="{NODE_W}" height="{NODE_H}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="{2 if flag else 1}"/>',
        f'<text x="9" y="18" font-size="12" font-weight="600" fill="#0f172a">{escape(_clip(person.label, _NAME_CHARS))}</text>',
    ]
    if person.title:
        body.append(f'<text x="9" y="33" font-size="10.5" fill="#334155">{escape(_clip(person.title, _TITLE_CHARS))}</text>')
    if extra:
        color = stroke if flag is not None else "#64748b"
        body.append(
            f'<text x="9" y="47" font-size="10" font-weight="600" fill="{color}">{escape(_clip(" · ".join(extra), _TITLE_CHARS))}</text>'
        )
    group = (
        f'<g class="node sev-{severity}" data-subject="{escape(person.subject, quote=True)}" '
        f'transform="translate({x:g},{y:g})">{"".join(body)}</g>'
    )
    if anchor is not None:
        return f'<a href="#{escape(anchor, quote=True)}">{group}</a>'
    return group


# --- the page ---------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; --fg: #0f172a; --muted: #475569; --line: #e2e8f0; --bg: #ffffff; --soft: #f8fafc; }
* { box-sizing: border-box; }
body {
  margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  color: var(--fg); background: var(--bg);
}
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 32px 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
h3 { font-size: 1.05rem; margin: 0; }
.meta, .note, .why { color: var(--muted); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow: auto; }
.counts { display: flex; gap: 12px; flex-wrap: wrap; list-style: none; padding: 0; margin: 12px 0; }
.counts li { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 110px; }
.counts b { display: block; font-size: 1.5rem; }
.sev-error { --sev: #b91c1c; --sev-bg: #fee2e2; }
.sev-warning { --sev: #b45309; --sev-bg: #fef3c7; }
.sev-info { --sev: #1d4ed8; --sev-bg: #dbeafe; }
.counts li[class^="sev-"] { border-color: var(--sev); background: var(--sev-bg); }
.badge {
  display: inline-block; border-radius: 999px; padding: 0 8px; font-size: 0.78rem; font-weight: 600;
  color: var(--sev); background: var(--sev-bg); border: 1px solid var(--sev); vertical-align: middle;
}
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
td.where { white-space: nowrap; }
.rule {
  border: 1px solid var(--line); border-left: 4px solid var(--sev, var(--line)); border-radius: 8px;
  padding: 14px 16px; margin: 16px 0;
}
.rule > p { margin: 6px 0; }
.related { margin: 4px 0 0; padding-left: 18px; color: var(--muted); font-size: 0.9em; }
details { margin-top: 10px; }
summary { cursor: pointer; color: var(--muted); }
.doc { border-top: 1px solid var(--line); margin-top: 8px; }
.chart-box {
  overflow: auto; border: 1px solid var(--line); border-radius: 8px; background: var(--soft); max-height: 80vh;
}
.legend span { display: inline-block; margin-right: 14px; }
.legend i {
  display: inline-block; width: 12px; height: 12px; border-radius: 3px; border: 2px solid var(--sev, #94a3b8);
  background: var(--sev-bg, #fff); vertical-align: -2px; margin-right: 4px;
}
:target { outline: 3px solid #f59e0b; outline-offset: 2px; }
.ok { color: #15803d; font-weight: 600; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; }
"""


def render(report: Report, *, color: bool = False) -> str:
    del color  # the page has its own colours
    org: Org | None = getattr(report, "org", None)
    findings = list(report.findings)
    title = f"orglint report: {org.label}" if org is not None and org.name else "orglint report"
    anchors = _finding_anchors(findings)

    body = [
        "<header><h1>" + escape(title) + "</h1>",
        f'<p class="meta">{_files_line(report)} · orglint {escape(report.tool_version or "")}</p></header>',
    ]
    body += _summary_section(report, findings)
    if org is not None and org.people:
        body += _chart_section(org, findings, anchors)
    body += _findings_section(report, findings, org, anchors)
    body.append(
        f"<footer>Generated by orglint {escape(report.tool_version or '')}. This page loads nothing from the network.</footer>"
    )

    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            # Nothing may be fetched: no scripts, no remote styles, fonts or images.
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
            '<meta name="generator" content="orglint">',
            f"<title>{escape(title)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body><main>",
            *body,
            "</main></body>",
            "</html>",
            "",
        ]
    )


def _files_line(report: Report) -> str:
    names = list(report.sources)
    files = plural(report.files_checked, "file")
    if not names:
        return escape(files) + " checked"
    shown = ", ".join(f"<code>{escape(name)}</code>" for name in names[:5])
    more = f" and {len(names) - 5} more" if len(names) > 5 else ""
    return f"{escape(files)} checked: {shown}{more}"


def _finding_anchors(findings: list[Finding]) -> dict[str, str]:
    """subject -> id of its first finding row (in report order)."""
    anchors: dict[str, str] = {}
    for number, finding in enumerate(findings, 1):
        if finding.subject and finding.subject not in anchors:
            anchors[finding.subject] = f"finding-{number}"
    return anchors


def _summary_section(report: Report, findings: list[Finding]) -> list[str]:
    counts = report.counts()
    out = ['<section id="summary">', "<h2>Summary</h2>"]
    total = len(findings)
    word = "problem" if total == 1 else "problems"
    items = [f'<li class="total" data-severity="total" data-count="{total}"><b>{total}</b> {word}</li>']
    for severity in SEVERITY_ORDER:
        number = counts[severity]
        word = severity.label if number == 1 or severity is Severity.INFO else severity.label + "s"
        items.append(
            f'<li class="sev-{severity.label}" data-severity="{severity.label}" data-count="{number}"><b>{number}</b> {word}</li>'
        )
    out.append('<ul class="counts">' + "".join(items) + "</ul>")
    line = summary_line(report)
    out.append(f'<p class="{"ok" if not findings else "summary-line"}">{escape(line)}</p>')
    groups = _groups(findings)
    if groups:
        headings = "".join(f"<th>{name}</th>" for name in ("Rule", "Name", "Severity", "Findings", "What it checks"))
        out.append(f'<table class="overview"><thead><tr>{headings}</tr></thead><tbody>')
        for code, group in groups:
            rule = report.rules.get(code)
            worst = max(finding.severity for finding in group)
            summary = rule.summary if rule is not None else _input_explanation(code)
            out.append(
                f'<tr class="sev-{worst.label}"><td><a href="#rule-{escape(code, quote=True)}"><code>{escape(code)}</code></a></td>'
                f'<td>{escape(group[0].name)}</td><td><span class="badge">{worst.label}</span></td>'
                f"<td>{len(group)}</td><td>{render_inline(summary)}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</section>")
    return out


def _groups(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings by code, the most severe groups first, then by code; report order inside."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    return sorted(groups.items(), key=lambda item: (-max(f.severity for f in item[1]), item[0]))


def _input_explanation(code: str) -> str:
    from orglint.problems import INPUT_PROBLEMS

    entry = INPUT_PROBLEMS.get(code)
    return entry[1] if entry else ""


def _chart_section(org: Org, findings: list[Finding], anchors: dict[str, str]) -> list[str]:
    svg, note = chart_svg(org, findings, anchors=anchors)
    legend = (
        "".join(f'<span class="sev-{severity.label}"><i></i>{severity.label}</span>' for severity in SEVERITY_ORDER)
        + "<span><i></i>no findings</span>"
    )
    out = [
        '<section id="chart">',
        "<h2>Org chart</h2>",
        f'<p class="legend">{legend}</p>',
        '<p class="note">Managers sit above their teams; individual contributors are stacked under their manager. '
        "People with findings are coloured by their worst severity and show the codes: hover for the messages, "
        "click to jump to the findings.</p>",
    ]
    if note:
        out.append(f'<p class="note reduced">{escape(note)}.</p>')
    out.append(f'<div class="chart-box">{svg}</div>')
    others = _off_chart(org, findings, anchors)
    if others:
        out.append(f'<p class="note">Also flagged, not people: {others}.</p>')
    out.append("</section>")
    return out


def _off_chart(org: Org, findings: list[Finding], anchors: dict[str, str]) -> str:
    flags = flags_by_subject(finding for finding in findings)
    parts = []
    for subject, flag in flags.items():
        kind, _entity_id = split_subject(subject)
        if kind == "people":
            continue
        label = _subject_label(org, subject)
        anchor = anchors.get(subject)
        text = f"{escape(label)} ({escape(', '.join(flag.codes))})"
        parts.append(f'<a href="#{escape(anchor, quote=True)}">{text}</a>' if anchor else text)
    return "; ".join(parts)


def _subject_label(org: Org | None, subject: str) -> str:
    kind, entity_id = split_subject(subject)
    if org is None:
        return subject
    if kind == "org":
        return org.label
    tables: dict[str, Mapping[str, Person | Unit | Product]] = {
        "people": org.people,
        "units": org.units,
        "products": org.products,
    }
    table = tables.get(kind)
    entity = table.get(entity_id) if table is not None else None
    return entity.display if entity is not None else subject


def _findings_section(report: Report, findings: list[Finding], org: Org | None, anchors: dict[str, str]) -> list[str]:
    out = ['<section id="findings">', "<h2>Findings</h2>"]
    if not findings:
        out.append('<p class="ok">No problems found.</p></section>')
        return out
    numbers = {id(finding): number for number, finding in enumerate(findings, 1)}
    for code, group in _groups(findings):
        rule = report.rules.get(code)
        worst = max(finding.severity for finding in group)
        severity = rule.severity if rule is not None else worst
        out.append(
            f'<section class="rule sev-{worst.label}" id="rule-{escape(code, quote=True)}" data-code="{escape(code, quote=True)}">'
        )
        out.append(
            f"<h3><code>{escape(code)}</code> {escape(group[0].name)} "
            f'<span class="badge">{severity.label}</span> <span class="meta">{plural(len(group), "finding")}</span>'
            f"{_page_link(report.url_for(code))}</h3>"
        )
        if rule is not None:
            if rule.summary:
                out.append(f'<p class="summary">{render_inline(rule.summary)}</p>')
            if rule.why:
                out.append(f'<p class="why"><strong>Why it matters:</strong> {render_inline(rule.why)}</p>')
        elif _input_explanation(code):
            out.append(f'<p class="summary">{escape(_input_explanation(code))}</p>')
        out.append('<table class="findings"><thead><tr><th>Location</th><th>Subject</th><th>Message</th></tr></thead><tbody>')
        for finding in group:
            out.append(_finding_row(finding, numbers[id(finding)], org, anchors))
        out.append("</tbody></table>")
        if rule is not None and rule.doc.strip():
            out.append(
                "<details><summary>How to fix it: the rule's documentation</summary>"
                f'<div class="doc">{markdown_to_html(rule.doc, heading_offset=2)}</div></details>'
            )
        out.append("</section>")
    out.append("</section>")
    return out


def _page_link(url: str | None) -> str:
    if url is None:
        return ""
    return f' <a class="docs" href="{escape(url, quote=True)}" rel="noopener noreferrer">rule page</a>'


def _finding_row(finding: Finding, number: int, org: Org | None, anchors: dict[str, str]) -> str:
    where = _where(finding.file, finding.line, finding.column)
    subject = ""
    if finding.subject:
        label = _subject_label(org, finding.subject)
        subject = f"<code>{escape(finding.subject)}</code>"
        if label != finding.subject:
            subject += f"<br>{escape(label)}"
    message = f'<span class="badge sev-{finding.severity.label}">{finding.severity.label}</span> {escape(finding.message)}'
    if finding.related:
        notes = "".join(
            f"<li>{escape(related.message)} at <code>{escape(_where(related.file, related.line, related.column))}</code></li>"
            for related in finding.related
        )
        message += f'<ul class="related">{notes}</ul>'
    return (
        f'<tr class="finding sev-{finding.severity.label}" id="finding-{number}" data-subject="{escape(finding.subject, quote=True)}">'
        f'<td class="where"><code>{escape(where)}</code></td><td>{subject}</td><td class="message">{message}</td></tr>'
    )


def _where(file: str | None, line: int, column: int) -> str:
    return f"{file or '<org>'}:{line}:{column}"
