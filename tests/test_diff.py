"""`orglint diff`: what a re-org changes, on small charts (exact changes) and on real data edited
into plausible re-orgs (GitLab's team page, the Backstage example), through the console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import FIXTURES
from orglint.api import lint_text
from orglint.diff import compare
from orglint.report.diff import md, render_markdown

ORGLINT = str(Path(sys.executable).parent / "orglint")
REALDATA = FIXTURES / "realdata"

BASE = """\
org: {name: Acme, strategy: product-led}
units:
  - {id: product, type: department, function: product, lead: vp}
  - {id: sales, type: department, function: sales, lead: cro}
people:
  - {id: ceo, name: Ada, title: CEO}
  - {id: vp, name: Bo, title: VP of Product, reports_to: ceo, unit: product}
  - {id: cro, name: Cy, title: Chief Revenue Officer, reports_to: ceo, unit: sales}
  - {id: pm, name: Di, title: Product Manager, reports_to: vp, unit: product}
  - {id: ae, name: Ed, title: Account Executive, reports_to: cro, unit: sales}
"""
# The re-org: product moves under the CRO, a PM joins, the account executive leaves.
HEAD = """\
org: {name: Acme, strategy: product-led}
units:
  - {id: product, type: department, function: product, lead: vp}
  - {id: sales, type: department, function: sales, lead: cro}
people:
  - {id: ceo, name: Ada, title: CEO}
  - {id: vp, name: Bo, title: VP of Product, reports_to: cro, unit: product}
  - {id: cro, name: Cy, title: Chief Revenue Officer, reports_to: ceo, unit: sales}
  - {id: pm, name: Di, title: Senior Product Manager, reports_to: vp, unit: product}
  - {id: pm2, name: Fa, title: Product Manager, reports_to: vp, unit: product}
"""


def orglint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([ORGLINT, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def _diff(base: str, head: str):
    before, after = lint_text(base, "org.yaml"), lint_text(head, "org.yaml")
    return compare(before.org, after.org, before.findings, after.findings)


def test_a_small_reorg_exactly():
    diff = _diff(BASE, HEAD)
    assert [p.id for p in diff.joined] == ["pm2"]
    assert [p.id for p in diff.left] == ["ae"]
    assert [(m.person.id, [(c.field, c.old, c.new) for c in m.changes]) for m in diff.moved] == [
        ("vp", [("manager", "Ada (CEO)", "Cy (Chief Revenue Officer)")]),
        ("pm", [("title", "Product Manager", "Senior Product Manager")]),
    ]
    assert [(c.leader.id, c.before, c.after, [p.id for p in c.gained], [p.id for p in c.lost]) for c in diff.leaders] == [
        ("ceo", 2, 1, [], ["vp"]),  # biggest change in reports first, then in the chart's order
        ("vp", 1, 2, ["pm2"], []),
        ("cro", 1, 1, ["vp"], ["ae"]),
    ]
    assert [(f.code, f.subject) for f in diff.introduced] == [("L003", "people.vp")]
    assert diff.resolved == []
    assert diff.totals["people"] == (5, 5) and diff.totals["levels"] == (2, 3)
    product = next(part for part in diff.parts if (part.kind, part.id) == ("unit", "product"))
    assert (product.before.headcount, product.after.headcount) == (2, 3)


def test_no_change_is_an_empty_diff():
    diff = _diff(BASE, BASE)
    assert diff.empty
    assert "No change to the org" in render_markdown(diff)


def test_a_fix_shows_as_a_resolved_finding():
    diff = _diff(HEAD, BASE)
    assert [(f.code, f.subject) for f in diff.resolved] == [("L003", "people.vp")]
    assert diff.introduced == []


def test_markdown_escapes_chart_data():
    assert md("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>"
    assert md("a | b") == "a \\| b"
    assert md("ping @everyone") == "ping &#64;everyone"
    assert md("line\n::error::x") == "line ::error::x"
    assert md("`code` *bold* [x](javascript:y)") == "\\`code\\` \\*bold\\* \\[x\\](javascript:y)"
    hostile = BASE.replace("name: Di,", 'name: "Di <img src=x onerror=alert(1)> @team | `x`",')
    text = render_markdown(_diff(hostile, HEAD))
    assert "<img" not in text and "@team" not in text


def test_the_console_script_compares_two_files_and_exits_like_check(tmp_path):
    (tmp_path / "before.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "after.yaml").write_text(HEAD, encoding="utf-8")
    result = orglint("diff", "before.yaml", "after.yaml", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # L003 introduced, an error
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert [item["code"] for item in data["findings"]["introduced"]] == ["L003"]
    assert data["findings"]["introduced"][0]["url"].endswith("/docs/rules/L003.md")
    assert orglint("diff", "before.yaml", "after.yaml", "--exit-zero", cwd=tmp_path).returncode == 0
    assert orglint("diff", "before.yaml", "after.yaml", "--ignore", "L", cwd=tmp_path).returncode == 0
    assert orglint("diff", "after.yaml", "before.yaml", cwd=tmp_path).returncode == 0  # only resolved
    markdown = orglint("diff", "before.yaml", "after.yaml", "-f", "markdown", cwd=tmp_path).stdout
    assert markdown.splitlines()[2] == "**1 joined, 1 left, 2 changed manager, unit or title; 1 finding introduced, 0 resolved**"
    assert "<details open><summary>Findings introduced (1)</summary>" in markdown
    usage = orglint("diff", "before.yaml", cwd=tmp_path)
    assert usage.returncode == 2 and "takes two charts" in usage.stderr


def test_a_broken_side_is_an_input_error(tmp_path):
    (tmp_path / "before.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "after.yaml").write_text("people: [\n", encoding="utf-8")
    result = orglint("diff", "before.yaml", "after.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "head: after.yaml:" in result.stderr and "E001" in result.stderr


# ---------------------------------------------------------------- --base REV


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(tmp_path, "init", "-q")
    shutil.copytree(REALDATA / "backstage-acme", tmp_path / "catalog")
    (tmp_path / "catalog" / "PROVENANCE.txt").unlink()
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "base")
    return tmp_path


def _split_team_a(catalog: Path) -> None:
    """Team A splits in two: Janelle and Nigel form team A2 under the same parent."""
    team_a = catalog / "team-a-group.yaml"
    text = team_a.read_text(encoding="utf-8")
    for user in ("janelle.dawe", "nigel.manning"):
        start = text.index(f"name: {user}")
        end = text.index("memberOf: [team-a]", start)
        text = text[:end] + "memberOf: [team-a2]" + text[end + len("memberOf: [team-a]") :]
    text += (
        "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a2\n"
        "spec:\n  type: team\n  parent: backstage\n  children: []\n"
    )
    team_a.write_text(text, encoding="utf-8")


def test_backstage_team_split_against_the_last_commit(repository):
    _split_team_a(repository / "catalog")
    result = orglint("diff", "--base", "HEAD", "catalog", "--format", "json", cwd=repository)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["joined"] == [] and data["left"] == []
    assert [(item["id"], item["changes"]) for item in data["moved"]] == [
        ("janelle.dawe", [{"field": "unit", "before": "team-a", "after": "team-a2"}]),
        ("nigel.manning", [{"field": "unit", "before": "team-a", "after": "team-a2"}]),
    ]
    units = {part["id"]: part for part in data["parts"] if part["kind"] == "unit"}
    assert units["team-a"]["before"]["headcount"] == 4 and units["team-a"]["after"]["headcount"] == 2
    assert units["team-a2"]["before"] is None and units["team-a2"]["after"]["headcount"] == 2
    markdown = orglint("diff", "--base", "HEAD", "catalog", "-f", "markdown", cwd=repository).stdout
    assert "| Janelle Dawe (`janelle.dawe`) | unit | team-a | team-a2 |" in markdown


def test_a_chart_that_did_not_exist_at_the_revision_has_everyone_joining(repository):
    (repository / "org.yaml").write_text(BASE, encoding="utf-8")
    result = orglint("diff", "--base", "HEAD", "org.yaml", "-f", "json", "--select", "S", cwd=repository)
    assert result.returncode == 0, result.stderr
    assert [person["id"] for person in json.loads(result.stdout)["joined"]] == ["ceo", "vp", "cro", "pm", "ae"]


@pytest.mark.parametrize("revision", ["--output=stolen.txt", "-h", "HEAD\n--all", "no-such-branch"])
def test_a_hostile_or_unknown_revision_is_refused(repository, revision):
    result = orglint("diff", "--base", revision, "catalog", cwd=repository)
    assert result.returncode == 2
    assert "--base:" in result.stderr
    assert not (repository / "stolen.txt").exists()


def test_a_path_outside_the_repository_is_refused(repository, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "org.yaml").write_text(BASE, encoding="utf-8")
    result = orglint("diff", "--base", "HEAD", str(outside / "org.yaml"), cwd=repository)
    assert result.returncode == 2 and "outside the repository" in result.stderr


def test_a_link_at_the_revision_is_not_followed(repository):
    (repository / "secret.yaml").write_text("people: [{id: secret-person, title: CEO}]\n", encoding="utf-8")
    (repository / "org.yaml").symlink_to("secret.yaml")
    _git(repository, "add", "-A")
    _git(repository, "commit", "-qm", "link")
    (repository / "org.yaml").unlink()
    (repository / "org.yaml").write_text(BASE, encoding="utf-8")
    result = orglint("diff", "--base", "HEAD", "org.yaml", "-f", "json", cwd=repository)
    assert result.returncode == 2
    assert "symbolic link or submodule" in result.stderr
    assert "secret-person" not in result.stdout


# ---------------------------------------------------------------- GitLab's team page


def test_gitlab_manager_leaves_and_the_team_moves_up(tmp_path):
    """A plausible re-org of GitLab's team page: an engineering manager leaves, and their engineers
    report to that manager's own manager (the first such manager on the page with 3 or more
    reports and a manager who is on the page too)."""
    source = (REALDATA / "gitlab-team" / "team_members.yaml").read_text(encoding="utf-8")
    entries = yaml.safe_load(source)
    slugs = {entry["slug"]: entry for entry in entries}
    reports: dict[str, list[str]] = {}
    for entry in entries:
        reports.setdefault(entry.get("reports_to"), []).append(entry["slug"])
    leaving = next(
        entry["slug"]
        for entry in entries
        if len(reports.get(entry["slug"], [])) >= 3
        and entry.get("reports_to") in slugs
        and "Engineering Manager" in entry["role"]
    )
    above = slugs[leaving]["reports_to"]
    team = sorted(reports[leaving])
    edited = [
        {**entry, "reports_to": above} if entry.get("reports_to") == leaving else entry
        for entry in entries
        if entry["slug"] != leaving
    ]
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    (tmp_path / "before" / "team_members.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "after" / "team_members.yaml").write_text(yaml.safe_dump(edited, sort_keys=False), encoding="utf-8")
    result = orglint("diff", "before", "after", "-f", "json", "--exit-zero", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [person["id"] for person in data["left"]] == [leaving]
    assert data["joined"] == []
    assert sorted(item["id"] for item in data["moved"]) == team
    assert all([change["field"] for change in item["changes"]] == ["manager"] for item in data["moved"])
    leaders = {item["id"]: item for item in data["leaders"]}
    assert sorted(person["id"] for person in leaders[above]["gained"]) == team
    assert [person["id"] for person in leaders[above]["lost"]] == [leaving]
    assert leaders[above]["reports_after"] - leaders[above]["reports_before"] == len(team) - 1
    assert leaders[leaving]["reports_after"] == 0


def test_the_output_is_never_one_of_the_charts(tmp_path):
    (tmp_path / "before.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "after.yaml").write_text(HEAD, encoding="utf-8")
    for target in ("before.yaml", "after.yaml"):
        result = orglint("diff", "before.yaml", "after.yaml", "-f", "markdown", "-o", target, cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert "input" in result.stderr
    assert (tmp_path / "before.yaml").read_text(encoding="utf-8") == BASE
    assert (tmp_path / "after.yaml").read_text(encoding="utf-8") == HEAD
