"""The docs live in the repository (docs/format.md, docs/design.md, docs/rules/), and every finding
links to its rule's page, at the address `docs-url:` sets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from orglint.docs import generated_pages, stale_pages
from orglint.links import DEFAULT_DOCS_URL, docs_url_problem, page_url
from orglint.plugins import load_rules
from orglint.problems import INPUT_PROBLEMS

ROOT = Path(__file__).resolve().parents[1]
ORGLINT = str(Path(sys.executable).parent / "orglint")
RULES = load_rules().rules
BROKEN = ROOT / "examples" / "broken.yaml"


def orglint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([ORGLINT, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


# ---------------------------------------------------------------- the pages


def test_rule_pages_are_up_to_date():
    assert stale_pages(ROOT / "docs", RULES.values()) == [], "regenerate the pages: python -m orglint.docs docs"


def test_a_changed_rule_makes_its_page_stale(tmp_path):
    pages = generated_pages(RULES.values())
    for path, text in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert stale_pages(tmp_path, RULES.values()) == []
    (tmp_path / "rules" / "S005.md").write_text("old text\n", encoding="utf-8")
    (tmp_path / "rules" / "Z999.md").write_text("a rule that is gone\n", encoding="utf-8")
    (tmp_path / "rules" / "R001.md").unlink()
    assert stale_pages(tmp_path, RULES.values()) == ["rules/R001.md", "rules/S005.md", "rules/Z999.md"]


def test_every_rule_and_input_problem_has_exactly_one_page():
    pages = {path.stem for path in (ROOT / "docs" / "rules").glob("*.md")} - {"index"}
    assert pages == set(RULES) | set(INPUT_PROBLEMS)
    index = (ROOT / "docs" / "rules" / "index.md").read_text(encoding="utf-8")
    assert all(f"[{code}]({code}.md)" in index for code in pages)


def test_a_page_is_the_rules_own_documentation():
    page = (ROOT / "docs" / "rules" / "S005.md").read_text(encoding="utf-8")
    assert page.startswith("# S005 span-of-control\n")
    assert RULES["S005"].doc.strip() in page
    assert "`max` (default `10`)" in page


def test_the_project_cites_no_file_outside_the_repository():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    offenders = []
    for name in tracked:
        path = ROOT / name
        if path.suffix not in (".py", ".md", ".toml", ".yml", ".yaml", ".txt", ".cfg") or name.startswith("tests/fixtures/"):
            continue
        if name == "tests/test_rule_pages.py" or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for needle in (
            "FORMAT.md",
            "DESIGN.md",
            "RULES.md",
            "shared/docs",
            "shared/sources",
            "shared/realdata",
            "shared/schemas",
        ):
            if needle in text:
                offenders.append(f"{name}: {needle}")
    assert offenders == []


def test_the_format_and_design_docs_are_in_the_repository():
    format_doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    design = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    assert "## Top-level sections" in format_doc and "| `cpo` | product |" in format_doc
    assert "## Targets" in design and "## Style anchors" in design
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in license_text and "Version 2.0, January 2004" in license_text


# ---------------------------------------------------------------- the addresses


@pytest.mark.parametrize(
    "value, problem",
    [
        ("https://wiki.example.com/orglint/{code}", None),
        ("https://docs.example.com/rules/{name}.html", None),
        ("http://intranet/orglint/", None),
        ("javascript:alert(1)", "expected an http:// or https:// address without spaces or quotes"),
        ("https://example.com/a b", "expected an http:// or https:// address without spaces or quotes"),
        ('https://example.com/"onmouseover=x', "expected an http:// or https:// address without spaces or quotes"),
        ("https://example.com/\n::error::x", "expected an http:// or https:// address without spaces or quotes"),
        ("https://example.com/{path}", "unknown placeholder {path}; use {code} or {name}"),
    ],
)
def test_docs_url_values(value, problem):
    assert docs_url_problem(value) == problem


def test_page_url_templates_and_folders():
    assert page_url("S005", "span-of-control") == "https://github.com/orglint/orglint/blob/main/docs/rules/S005.md"
    assert page_url("S005", "span-of-control", "https://w.example/{name}") == "https://w.example/span-of-control"
    assert page_url("S005", "span-of-control", "https://w.example/rules/") == "https://w.example/rules/S005.md"
    assert DEFAULT_DOCS_URL.endswith("/docs/rules/{code}.md")


# ---------------------------------------------------------------- through the console script


def test_every_format_links_each_finding_to_its_page(tmp_path):
    result = orglint("check", str(BROKEN), "-f", "json", cwd=tmp_path)
    findings = json.loads(result.stdout)
    assert findings and all(item["url"] == page_url(item["code"], item["name"]) for item in findings)

    sarif = json.loads(orglint("check", str(BROKEN), "-f", "sarif", cwd=tmp_path).stdout)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert all(rule["helpUri"] == page_url(rule["id"], rule["name"]) for rule in rules)

    github = orglint("check", str(BROKEN), "-f", "github", cwd=tmp_path).stdout.splitlines()
    assert all(line.endswith(f"How to fix it: {page_url(line.split('title=')[1][:4], '')}") for line in github)

    gitlab = json.loads(orglint("check", str(BROKEN), "-f", "gitlab", cwd=tmp_path).stdout)
    assert all(issue["description"].endswith(f": {page_url(issue['check_name'], '')})") for issue in gitlab)

    html = orglint("check", str(BROKEN), "-f", "html", cwd=tmp_path).stdout
    assert f'<a class="docs" href="{page_url("S005", "")}" rel="noopener noreferrer">rule page</a>' in html

    explain = orglint("explain", "S005", cwd=tmp_path).stdout
    assert explain.rstrip().endswith(f"Documentation: {page_url('S005', '')}")


def test_docs_url_in_the_config_moves_every_link(tmp_path):
    (tmp_path / ".orglint.yaml").write_text("docs-url: https://wiki.example.com/orglint/{code}-{name}\n", encoding="utf-8")
    findings = json.loads(orglint("check", str(BROKEN), "-f", "json", cwd=tmp_path).stdout)
    assert {item["url"] for item in findings if item["code"] == "S005"} == {
        "https://wiki.example.com/orglint/S005-span-of-control"
    }
    explain = orglint("explain", "E002", cwd=tmp_path).stdout
    assert explain.rstrip().endswith("Documentation: https://wiki.example.com/orglint/E002-duplicate-key")


def test_a_hostile_docs_url_is_a_config_error_with_its_location(tmp_path):
    (tmp_path / ".orglint.yaml").write_text("select: [S]\ndocs-url: 'javascript:alert(document.cookie)'\n", encoding="utf-8")
    result = orglint("check", str(BROKEN), "-f", "html", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "orglint: error: .orglint.yaml:2: docs-url: expected an http:// or https:// address" in result.stderr


def test_a_plugin_rule_links_to_its_own_page_or_to_none(tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "own_rules.py").write_text(
        '"""## What it does\nFlags everyone.\n"""\nfrom orglint import rule\n\n\n'
        '@rule(code="Q001", name="everyone", severity="info", url="https://rules.example.com/Q001")\n'
        "def linked(org, options):\n    for person in org.people.values():\n        yield org.finding(person, 'flagged')\n\n\n"
        '@rule(code="Q002", name="everyone-again", severity="info")\n'
        "def unlinked(org, options):\n    for person in org.people.values():\n        yield org.finding(person, 'flagged')\n",
        encoding="utf-8",
    )
    (tmp_path / "org.yaml").write_text("people:\n  - id: ceo\n    title: CEO\n", encoding="utf-8")
    result = orglint("check", "org.yaml", "--rules-dir", "plugins", "--select", "Q", "-f", "json", cwd=tmp_path)
    assert {(item["code"], item["url"]) for item in json.loads(result.stdout)} == {
        ("Q001", "https://rules.example.com/Q001"),
        ("Q002", None),
    }
