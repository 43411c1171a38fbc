"""``check --format html``: one self-contained page, checked by parsing it (html.parser) and, where
the machine has Chromium, by rendering it headless."""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

import pytest

from helpers import FIXTURES, chart
from orglint import __version__
from orglint.api import lint, lint_text
from orglint.report import FORMATS, Report, render
from orglint.report.html import chart_svg, markdown_to_html, render_inline
from orglint.rule import Severity

CHART = FIXTURES / "graph" / "chart.yaml"
SELECT = ["R001", "S008", "S009", "G006"]
VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed", "source", "track", "wbr", "rect", "path"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.content: list[str | Element] = []  # text and child elements in document order

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(part if isinstance(part, str) else part.text() for part in self.content)

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter() if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Tree(HTMLParser):
    """A small DOM: good enough to walk sections, tables and the inline SVG."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        self.current.content.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        self.current.content.append(element)

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.content.append(data)


def _report(result) -> Report:
    return Report(
        findings=result.findings,
        rules={rule.code: rule for rule in result.rules},
        sources={source.path: source for source in result.files},
        files_checked=len(result.files),
        tool_version=__version__,
        org=result.org,
    )


@pytest.fixture(scope="module")
def page():
    result = lint([str(CHART)], select=SELECT)
    assert not result.input_problems
    html = render("html", _report(result))
    return result, html, Tree(html).root


def test_html_is_a_registered_format():
    assert FORMATS["html"].module == "html"


def test_summary_counts_files_and_org_name(page):
    result, _html, root = page
    counts = {li.attrs["data-severity"]: int(li.attrs["data-count"]) for li in root.find_all("li") if "data-count" in li.attrs}
    assert counts == {"total": 4, "error": 1, "warning": 3, "info": 0}
    expected = {severity.label: sum(1 for f in result.findings if f.severity is severity) for severity in Severity}
    assert {k: v for k, v in counts.items() if k != "total"} == expected
    title = root.find_all("title")[0].text()
    assert title == 'orglint report: Acme "Analytics" & Co'
    assert root.find_all("h1")[0].text() == 'orglint report: Acme "Analytics" & Co'
    meta = root.find_all("p", "meta")[0].text()
    assert result.files[0].path in meta and "1 file checked" in meta
    summary = root.find_all("section")[0]
    assert summary.attrs["id"] == "summary"
    assert "Found 4 problems (1 error, 3 warnings) in 1 file" in summary.text()


def test_one_section_per_rule_with_findings_and_every_message(page):
    result, _html, root = page
    sections = [s for s in root.find_all("section", "rule")]
    codes = [s.attrs["data-code"] for s in sections]
    assert sorted(codes) == sorted({f.code for f in result.findings}) == ["G006", "R001", "S008", "S009"]
    assert codes[0] == "R001"  # the most severe group first
    for section in sections:
        code = section.attrs["data-code"]
        rows = section.find_all("tr", "finding")
        mine = [f for f in result.findings if f.code == code]
        assert len(rows) == len(mine)
        for row, finding in zip(rows, mine, strict=True):
            cells = row.find_all("td")
            assert cells[0].text() == f"{finding.file}:{finding.line}:{finding.column}"
            assert finding.subject in cells[1].text()
            assert finding.message in cells[2].text()
        # The rule's explanation: its summary, why, and the full documentation rendered from Markdown.
        rule = next(r for r in result.rules if r.code == code)
        assert section.find_all("p", "summary")[0].text() == rule.summary.replace("`", "")
        doc = section.find_all("div", "doc")[0]
        assert [h.text() for h in doc.find_all("h4")][:2] == ["What it does", "Why is this bad?"]
        assert doc.find_all("pre"), "the Example chart is shown as a code block"
    messages = "\n".join(row.text() for row in root.find_all("tr", "finding"))
    for finding in result.findings:
        assert finding.message in messages


def test_chart_svg_marks_the_offenders(page):
    result, _html, root = page
    svg = root.find_all("svg")
    assert len(svg) == 1
    nodes = svg[0].find_all("g", "node")
    assert {node.attrs["data-subject"] for node in nodes} == {f"people.{pid}" for pid in result.org.people}
    marked = {node.attrs["data-subject"]: node.classes for node in nodes if "sev-none" not in node.classes}
    assert marked == {"people.ada": {"node", "sev-error"}}
    ada = next(node for node in nodes if node.attrs["data-subject"] == "people.ada")
    assert ada.find_all("rect")[0].attrs["fill"] == "#fee2e2"
    assert "R001" in ada.text()
    # The offender links to its finding; the tooltip carries the message.
    link = ada.parent
    assert link.tag == "a" and link.attrs["href"].startswith("#finding-")
    target = link.attrs["href"][1:]
    row = next(e for e in root.iter() if e.attrs.get("id") == target)
    assert row.attrs["data-subject"] == "people.ada"
    assert "is both the CEO and the chief product officer" in ada.find_all("title")[0].text()
    # Units and products with findings are named under the chart.
    chart = next(e for e in root.find_all("section") if e.attrs.get("id") == "chart")
    assert "Growth <Squad> (squad) (S008)" in chart.text()
    assert "Insights (G006)" in chart.text()


def test_no_external_resources(page):
    _, _html, root = page
    assert not root.find_all("script")
    assert not root.find_all("link")
    assert not root.find_all("img")
    assert not root.find_all("iframe")
    for element in root.iter():
        for name in ("src", "srcset", "poster", "data", "action", "xlink:href"):
            assert name not in element.attrs, (element.tag, name)
        href = element.attrs.get("href")
        if href is not None and not href.startswith("#"):
            # Only plain links written in rule documentation, and each rule's page, may leave the page.
            assert element.tag == "a", href
            assert "docs" in element.classes or any("doc" in a.classes for a in element.ancestors()), href
            assert href.startswith(("https://", "http://", "mailto:"))
    style = "".join(e.text() for e in root.find_all("style"))
    assert "@import" not in style and "url(" not in style
    csp = [m for m in root.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0].attrs["content"]


def test_hostile_names_are_escaped():
    text = chart(
        """
        orglint: 1
        org:
          name: "<img src=x onerror=alert(1)>"
        people:
          - {id: ada, name: "<script>'x'</script>", title: "CEO & Chief Product Officer"}
          - {id: "b\\"><svg onload=alert(2)>", name: "Bob </title><b>", title: Engineer, reports_to: ada}
        """
    )
    result = lint_text(text, select=["R001"])
    assert [(f.code, f.subject) for f in result.findings] == [("R001", "people.ada")]
    html = render("html", _report(result))
    assert "<script>" not in html and "<img" not in html and "<svg onload" not in html and "</title><b>" not in html
    assert "&lt;script&gt;&#x27;x&#x27;&lt;/script&gt;" in html
    root = Tree(html).root
    assert not root.find_all("script") and not root.find_all("img")
    assert not [b for b in root.find_all("b") if b.parent.tag != "li"]  # only the summary's own counts
    assert len(root.find_all("svg")) == 1
    names = [t.text() for t in root.find_all("svg")[0].find_all("text")]
    assert "<script>'x'</script>" in names
    assert "Bob </title><b>" in names
    subjects = {g.attrs["data-subject"] for g in root.find_all("g", "node")}
    assert 'people.b"><svg onload=alert(2)>' in subjects
    assert root.find_all("h1")[0].text() == "orglint report: <img src=x onerror=alert(1)>"
    row = root.find_all("tr", "finding")[0]
    assert "<script>'x'</script> (CEO & Chief Product Officer) is both" in row.text()


def test_no_findings_and_no_org():
    result = lint_text(
        chart(
            """
            orglint: 1
            people:
              - {id: ada, name: Ada Byron, title: CEO}
            """
        ),
        select=["R001"],
    )
    assert result.findings == []
    root = Tree(render("html", _report(result))).root
    assert "All checks passed" in root.find_all("section")[0].text()
    assert not root.find_all("section", "rule")
    assert len(root.find_all("g", "node")) == 1
    # A Report without an org (another tool's) still renders, without a chart.
    bare = Tree(render("html", Report(findings=[], files_checked=0))).root
    assert not bare.find_all("svg")
    assert "No problems found." in bare.text()


def test_input_problems_get_their_own_section():
    result = lint_text("orglint: 1\npeople:\n  - {id: ada, nmae: Ada}\n", select=["R001"])
    codes = {f.code for f in result.findings}
    assert "E003" in codes
    root = Tree(render("html", _report(result))).root
    section = next(s for s in root.find_all("section", "rule") if s.attrs["data-code"] == "E003")
    assert "not define" in section.text()  # the input problem's explanation
    assert "nmae" in section.text()


def test_big_charts_keep_managers_and_offenders():
    lines = ["orglint: 1", "people:", "  - {id: ceo, name: Chief, title: CEO}"]
    for team in range(10):
        lines.append(f"  - {{id: m{team}, name: Manager {team}, title: Engineering Manager, reports_to: ceo}}")
        lines += [
            f"  - {{id: e{team}_{n}, name: Eng {team}.{n}, title: Software Engineer, reports_to: m{team}}}" for n in range(12)
        ]
    result = lint_text("\n".join(lines) + "\n", select=["S005"])  # 12 reports > 10 for every manager
    svg, note = chart_svg(result.org, result.findings, max_people=50)
    root = Tree(svg).root
    subjects = {g.attrs["data-subject"] for g in root.find_all("g", "node")}
    assert subjects == {"people.ceo"} | {f"people.m{team}" for team in range(10)}
    assert note == (
        "131 people, more than --max-people 50: showing the 11 managers; 120 individual contributors without findings left out"
    )
    manager = next(g for g in root.find_all("g", "node") if g.attrs["data-subject"] == "people.m3")
    assert "sev-warning" in manager.classes and "+12 not shown" in manager.text()


# --- Markdown (markdown-it-py) ----------------------------------------------------------------


def test_markdown_rendering():
    html = markdown_to_html(
        "## What it does\nFlags **bold** and `code <x>` here,\ncontinued.\n\n"
        "- one\n  more\n- [two](https://example.com/a?b=1&c=2)\n  - nested\n\n> a quote\n\n1. first\n2. second\n\n"
        "```yaml\nname: <b>&\n```\n<script>alert(1)</script>",
        heading_offset=2,
    )
    assert html.split("\n") == [
        "<h4>What it does</h4>",
        "<p>Flags <strong>bold</strong> and <code>code &lt;x&gt;</code> here,",
        "continued.</p>",
        "<ul>",
        "<li>one",
        "more</li>",
        '<li><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">two</a>',
        "<ul>",  # a nested list stays nested
        "<li>nested</li>",
        "</ul>",
        "</li>",
        "</ul>",
        "<blockquote>",  # a quote is a quote, not a literal "> "
        "<p>a quote</p>",
        "</blockquote>",
        "<ol>",
        "<li>first</li>",
        "<li>second</li>",
        "</ol>",
        '<pre><code class="language-yaml">name: &lt;b&gt;&amp;',
        "</code></pre>",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    ]


def test_markdown_links_only_to_safe_targets():
    assert render_inline("[x](javascript:alert)") == "[x](javascript:alert)"  # shown, never linked
    assert render_inline("[x](data:text/html,hi)") == "[x](data:text/html,hi)"
    assert render_inline("[x](#rule-R001)") == '<a href="#rule-R001" rel="noopener noreferrer">x</a>'
    assert (
        render_inline('[x](https://e.com/"onmouseover=1)')
        == '<a href="https://e.com/%22onmouseover=1" rel="noopener noreferrer">x</a>'
    )
    assert render_inline("**<i>**") == "<strong>&lt;i&gt;</strong>"
    assert render_inline("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert render_inline("red\x1b[31m") == "red\\x1b[31m"  # control characters shown, not sent


# --- the command and a real browser ---------------------------------------------------------------


def orglint(capsys, *args: str) -> tuple[int, str, str]:
    from orglint.cli import main

    with mock.patch.object(sys, "argv", ["orglint", *args]), pytest.raises(SystemExit) as done:
        main()
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def test_cli_check_format_html(tmp_path, capsys):
    out = tmp_path / "report.html"
    code, stdout, err = orglint(
        capsys, "check", str(CHART), "--isolated", "--select", ",".join(SELECT), "--format", "html", "--output", str(out)
    )
    assert code == 1, err
    assert stdout == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    root = Tree(html).root
    assert {s.attrs["data-code"] for s in root.find_all("section", "rule")} == set(SELECT)
    assert root.find_all("svg")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_renders_in_headless_chromium(page, tmp_path):
    result, html, _ = page
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    common = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dumped = subprocess.run([*common, "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120)
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = Tree(dumped.stdout).root
    rows = "\n".join(row.text() for row in dom.find_all("tr", "finding"))
    for finding in result.findings:
        assert finding.message in rows
    assert dom.find_all("g", "sev-error")
    shot = tmp_path / "report.png"
    subprocess.run([*common, "--window-size=1200,1600", f"--screenshot={shot}", path.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and Path(shot).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_unreadable_input_gives_a_page_without_a_chart(tmp_path):
    result = lint([str(tmp_path / "missing.yaml")], select=["R001"])
    assert [f.code for f in result.findings] == ["E006"]
    root = Tree(render("html", _report(result))).root
    assert not root.find_all("svg")
    assert [s.attrs["data-code"] for s in root.find_all("section", "rule")] == ["E006"]
    assert "0 files checked" in root.find_all("p", "meta")[0].text()
