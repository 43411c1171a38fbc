"""``text``: each finding with its location, the YAML lines around it, and why it matters.

Colour is plain ANSI so that rendering needs no terminal library; the CLI
decides whether to ask for it (--color, NO_COLOR, FORCE_COLOR, a TTY).
"""

from __future__ import annotations

from orglint.report import Report
from orglint.report.concise import location
from orglint.rule import Finding, Severity
from orglint.sanitize import visible

CONTEXT_LINES = 1

_RESET = "\x1b[0m"
_STYLES = {
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "red": "\x1b[31m",
    "yellow": "\x1b[33m",
    "blue": "\x1b[34m",
    "cyan": "\x1b[36m",
    "magenta": "\x1b[35m",
}
_SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


class _Painter:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, *styles: str) -> str:
        if not self.color or not styles:
            return text
        return "".join(_STYLES[style] for style in styles) + text + _RESET


def render(report: Report, *, color: bool = False) -> str:
    paint = _Painter(color)
    blocks = [_render_finding(finding, report, paint) for finding in report.findings]
    return "\n".join(blocks)


def _render_finding(finding: Finding, report: Report, paint: _Painter) -> str:
    severity_style = _SEVERITY_STYLE[finding.severity]
    header = (
        f"{paint(location(finding), 'bold')}: "
        f"{paint(finding.code, 'bold', severity_style)} "
        f"{paint('[' + finding.severity.label + ']', severity_style)} "
        f"{visible(finding.message)} {paint('(' + finding.name + ')', 'dim')}"
    )
    lines = [header]
    lines.extend(_snippet(finding, report, paint))
    for related in finding.related:
        where = visible(f"{related.file or '<org>'}:{related.line}:{related.column}")
        lines.append(f"    {paint('=', 'cyan')} {paint('note:', 'bold')} {visible(related.message)} at {where}")
    rule = report.rules.get(finding.code)
    if rule is not None and rule.why:
        lines.append(f"    {paint('=', 'cyan')} {paint('why:', 'bold')} {rule.why}")
    if finding.kind != "internal":
        lines.append(f"    {paint('=', 'cyan')} {paint('help:', 'bold')} run `orglint explain {finding.code}` for how to fix it")
    return "\n".join(lines) + "\n"


SNIPPET_WIDTH = 120  # characters of a source line shown: a one-line chart must not print megabytes per finding


def _window_start(line: str, column: int) -> int:
    """Where the shown part of long source lines starts: the finding's column near the middle."""
    if len(line) <= SNIPPET_WIDTH:
        return 0
    return max(0, min(column - 1 - SNIPPET_WIDTH // 2, len(line) - SNIPPET_WIDTH))


def _windowed(line: str, start: int) -> str:
    """``SNIPPET_WIDTH`` characters of ``line`` from ``start``, with ``…`` where it was cut, made visible."""
    shown = line[start : start + SNIPPET_WIDTH]
    return ("\u2026" if start else "") + visible(shown) + ("\u2026" if start + SNIPPET_WIDTH < len(line) else "")


def _snippet(finding: Finding, report: Report, paint: _Painter) -> list[str]:
    source = report.sources.get(finding.file or "")
    if source is None or source.kind != "yaml":
        return []
    lines = source.lines
    if not 1 <= finding.line <= len(lines):
        return []
    first = max(1, finding.line - CONTEXT_LINES)
    last = min(len(lines), finding.line + CONTEXT_LINES)
    width = len(str(last))
    gutter = " " * width
    out = [f" {gutter} {paint('|', 'cyan')}"]
    start = _window_start(lines[finding.line - 1].rstrip(), finding.column)
    for number in range(first, last + 1):
        text = _windowed(lines[number - 1].rstrip(), start)
        # No trailing space after the bar on a blank line (editors and diff tools flag it).
        out.append(f" {paint(str(number).rjust(width), 'cyan')} {paint('|', 'cyan')} {text}".rstrip(" "))
        if number == finding.line:
            caret = " " * (finding.column - 1 - start + (1 if start else 0)) + "^"
            out.append(f" {gutter} {paint('|', 'cyan')} {paint(caret, 'bold', _SEVERITY_STYLE[finding.severity])}")
    return out
