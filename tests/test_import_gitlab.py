"""The GitLab team page importer: detection, HTML titles, locations, the real 1,368-entry page, hostile input."""

from __future__ import annotations

import json
import time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import FIXTURES, chart
from orglint.api import lint, lint_text, load_org
from orglint.cli import app
from orglint.engine import RunSettings
from orglint.importers import _claimant
from orglint.importers.gitlab import html_text
from orglint.loader import SourceFile

TEAM = FIXTURES / "realdata" / "gitlab-team" / "team_members.yaml"
VACANCY = FIXTURES / "realdata" / "gitlab-team" / "example-vacancy.backend-engineer-configure.yml"

SMALL = chart(
    """
    # GitLab's data/team.yml shape
    - slug: sid
      type: person
      name: Sid Example
      role: <a href="/job-families/chief-executive-officer/">Chief Executive Officer</a>
      reports_to: board
      departments:
        - CEO
    - slug: priya
      type: person
      role: <a href="/job-families/product/product-management-leadership/">VP of Product Management</a>
      reports_to: sid
      departments:
        - Product Management
        - Product Division
    - slug: pat
      type: person
      role: <a href="/job-families/product/product-manager/">Senior Product Manager</a>, Create:Source Code
      reports_to: priya
      departments:
        - Product Management
        - Create Stage
      placeholder: true
    - slug: open-pm
      type: vacancy
      role: <a href="">Product Manager, Plan</a>
      reports_to: priya
      departments: [Product Management]
      picture: ../gitlab-logo-extra-whitespace.png
    """
)


def read(text: str, filename: str = "team.yml", **kwargs):
    return lint_text(text, filename=filename, select=kwargs.pop("select", []), **kwargs)


def problems(result) -> list[tuple]:
    return [(p.code, p.severity.label, p.line, p.column, p.subject, p.message) for p in result.input_problems]


# --- detection ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (SMALL, "gitlab"),
        ("---\n# comment\n\n- slug: a\n  reports_to: b\n", "gitlab"),
        ("- name: Ada\n  slug: a\n  reports_to:\n", "gitlab"),  # keys in any order
        ("name: Ada\nrole: CEO\nreports_to: board\n", "gitlab"),  # one person's file
        ("reports_to: x\ndepartments: [Sales]\n", "gitlab"),
        ("# one person\nname: Ada\nreports_to: board\nrole: CTO\n", "gitlab"),  # top-level keys on later lines
        # must NOT be claimed
        ("orglint: 1\npeople:\n  - {id: a, reports_to: b}\n", "native"),
        ("orglint: 1\npeople:\n- id: a\n  reports_to: b\n  x-slug: a\n", "native"),  # a zero-indented native list
        ("- id: a\n  reports_to: b\n", "native"),  # a list without slugs: native explains the top level
        ("- slug: a\n  name: Ada\n", "native"),  # slugs without reporting lines are no org chart
        ("reports_to: x\n", "native"),  # a top-level reports_to alone is a native chart's unknown key
        ("reports_to: x\npeople:\n  - role: a\n    departments: []\n", "native"),  # indented: not top-level
        ("apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: {name: a}\nspec: {}\n# slug: reports_to:\n", "backstage"),
    ],
)
def test_detection(text, claimant):
    assert _claimant(SourceFile("x.yaml", text)) == claimant


def test_a_native_list_at_the_top_is_still_explained_by_the_native_importer():
    result = read("- id: a\n  reports_to: b\n")
    assert [p.code for p in result.input_problems] == ["E004"]


# --- mapping --------------------------------------------------------------------------------------


def test_small_team_list_maps_people_and_units():
    result = read(SMALL)
    assert problems(result) == []
    org = result.org
    people = {p.id: (p.name, p.title, p.reports_to, p.unit, p.units, p.extra) for p in org.people.values()}
    assert people == {
        "sid": ("Sid Example", "Chief Executive Officer", "board", "ceo", (), {}),
        "priya": (None, "VP of Product Management", "sid", "product-management", ("product-division",), {}),
        "pat": (None, "Senior Product Manager, Create:Source Code", "priya", "product-management", ("create-stage",), {}),
        "open-pm": (None, "Product Manager, Plan", "priya", "product-management", (), {"x-gitlab-type": "vacancy"}),
    }
    units = {u.id: (u.name, u.type, u.function, u.lead, u.parent) for u in org.units.values()}
    assert units == {
        "ceo": ("CEO", "team", None, None, None),  # "CEO" names no function: no lead is guessed
        "product-management": ("Product Management", "team", "product", "priya", None),
        "product-division": ("Product Division", "team", "product", "priya", None),
        "create-stage": ("Create Stage", "team", None, None, None),
    }
    assert org.people["priya"].roles == frozenset({"cpo"})
    assert org.people["pat"].roles == frozenset({"product-manager"})


def test_locations_point_into_the_yaml():
    result = read(SMALL)
    lines = SMALL.splitlines()

    def at(line: int, token: str) -> tuple[int, int]:
        return line, lines[line - 1].index(token) + 1

    pat = result.org.people["pat"]
    assert (pat.file, pat.line, pat.column, pat.end_line) == ("team.yml", 16, 3, 23)
    assert pat.spans == {
        "id": at(16, "pat"),
        "title": at(18, "<a href"),
        "reports_to": at(19, "priya"),
        "unit": at(21, "Product Management"),
        "units": at(22, "Create Stage"),
    }
    sid = result.org.people["sid"]
    assert sid.spans["name"] == at(4, "Sid Example")
    unit = result.org.units["create-stage"]
    assert (unit.file, unit.line, unit.column) == ("team.yml", *at(22, "Create Stage"))
    # A rule finding lands on the field: sid reports to 'board', who is not on the page.
    finding = read(SMALL, select=["S002"]).rule_findings[0]
    assert (finding.code, finding.subject, finding.file, finding.line, finding.column) == (
        "S002",
        "people.sid",
        "team.yml",
        *at(6, "board"),
    )


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (
            '<a href="/job-families/engineering/development/backend/">Backend Engineer</a>, Create:Source Code',
            "Backend Engineer, Create:Source Code",
        ),
        ('<a href="">Senior Marketing Campaign Manager</a>', "Senior Marketing Campaign Manager"),
        ("<a href='/x'>VP, Finance &amp; Business Technology</a>", "VP, Finance & Business Technology"),
        ("Head of R&amp;D &#8211; EMEA", "Head of R&D \u2013 EMEA"),
        ("R&D Lead", "R&D Lead"),  # a bare ampersand is text
        ("<script>alert('x')</script><a href='/pm'>Product Manager</a>", "Product Manager"),
        ("<SCRIPT type=text/javascript>document.write('CEO')</SCRIPT >Designer<style>a{}</style>", "Designer"),
        ("Designer<script>never closed", "Designer"),  # an unclosed script hides the rest, as in a browser
        ("<b>Staff</b>\n  <i>Engineer</i> ( Data )", "Staff Engineer (Data)"),
        ('<a href="/job-families/engineering/management/"</a>', ""),  # a broken link on the real page shows nothing
        ("<a title='a>b' href=\"/x\">Text</a>", "Text"),  # quoted ">" inside a tag
        ("Engineer <a href='x", "Engineer"),  # an unclosed tag runs to the end
        ("&lt;b&gt; is text", "<b> is text"),
        ("a < b", "a < b"),  # a lone "<" is no tag
        ('<a href="x"></a>', ""),
    ],
)
def test_html_is_stripped_from_titles(raw, text):
    assert html_text(raw) == text


@pytest.mark.parametrize("attack", ["<a" * 100_000, "</" * 100_000, "<script>" * 50_000, "<![CDATA[" * 20_000, "<" * 200_000])
def test_html_stripping_is_linear_on_hostile_titles(attack):
    # html.parser takes about a minute on "<a" repeated 100,000 times; titles come from files anyone can edit.
    started = time.perf_counter()
    html_text(attack)
    assert time.perf_counter() - started < 1.0


def test_an_absurdly_long_role_is_cut_with_a_warning():
    result = read("- slug: a\n  reports_to:\n  role: <a href='/x'>" + "Engineer " * 2000 + "</a>\n")
    assert problems(result) == [
        ("E013", "warning", 3, 9, "people.a", "a: role is 18,017 characters long; only the first 10,000 are read")
    ]
    assert result.org.people["a"].title.startswith("Engineer Engineer")


def test_a_title_that_is_only_markup_gives_no_title():
    result = read('- slug: a\n  role: <a href="/x"></a>\n  reports_to:\n')
    assert problems(result) == []
    assert result.org.people["a"].title is None
    assert result.org.people["a"].reports_to is None


# --- the raw per-person files of the repository ---------------------------------------------------


def test_a_person_file_takes_its_id_from_the_file_name():
    org, found = load_org([str(VACANCY)])
    assert found == []
    [person] = org.people.values()
    assert (person.id, person.name, person.title, person.reports_to) == (
        "example-vacancy.backend-engineer-configure",
        "New Vacancy",
        "Backend Engineer, Configure",
        "nicolo-maria-mezzopera",
    )
    assert (person.unit, person.units) == (
        "engineering-function",
        ("development-department", "ops-sub-department", "configure-configure"),
    )
    assert (person.line, person.column, person.spans["reports_to"]) == (2, 1, (7, 13))


def test_person_files_in_a_directory_make_one_chart(tmp_path):
    (tmp_path / "person" / "a").mkdir(parents=True)
    (tmp_path / "person" / "s").mkdir(parents=True)
    (tmp_path / "person" / "s" / "sid.yml").write_text('name: Sid\nrole: <a href="">CEO</a>\nreports_to:\ndepartments: [CEO]\n')
    (tmp_path / "person" / "a" / "ann.yml").write_text(
        'name: Ann\nrole: <a href="">VP of Product</a>\nreports_to: sid\ndepartments: [Product]\n'
    )
    result = lint([str(tmp_path)], select=["S002", "S004"])
    assert result.input_problems == [] and result.rule_findings == []
    assert {p.id: p.reports_to for p in result.org.people.values()} == {"ann": "sid", "sid": None}
    assert result.org.units["product"].lead == "ann"


# --- hostile input --------------------------------------------------------------------------------


HOSTILE = chart(
    """
    - slug: ok
      role: <a href="">Engineering Manager</a>
      reports_to: gone
    - role: Nameless
      reports_to: ok
    - slug: [not, a, string]
      reports_to: ok
    - slug: listy
      role: [Product Manager, Engineer]
      reports_to: {id: ok}
      departments: {Engineering: true}
    - slug: numbers
      role: 42
      reports_to: 7
      departments: [Sales, [nested], {a: b}, null, 3]
    - just a string
    - slug: tagged
      role: !!python/object:os.system echo pwned
      reports_to: ok
    - slug: script
      role: "<script>alert(document.cookie)</script><img src=x onerror=alert(1)><a href='/x'>Designer</a>"
      reports_to: ok
      departments: Design
    -
    - slug: ok
      reports_to: gone
    """
)


def test_hostile_entries_are_reported_at_their_place_and_the_rest_is_read():
    result = read(HOSTILE, select=["S002", "S003"])
    assert problems(result) == [
        ("E013", "error", 4, 3, "", "GitLab team entry has no slug (the person's id); it is skipped"),
        ("E004", "error", 6, 9, "", "slug must be a string, not a list"),
        ("E013", "error", 6, 9, "", "GitLab team entry has no slug (the person's id); it is skipped"),
        ("E004", "error", 9, 9, "people.listy", "listy: role must be a string, not a list"),
        ("E004", "error", 10, 15, "people.listy", "listy: reports_to must be a string, not a mapping"),
        ("E004", "error", 11, 16, "people.listy", "listy: departments must be a list of department names, not a mapping"),
        ("E004", "error", 15, 24, "people.numbers", "numbers: departments item must be a string, not a list"),
        ("E004", "error", 15, 34, "people.numbers", "numbers: departments item must be a string, not a mapping"),
        ("E004", "error", 16, 3, "", "each entry of a GitLab team list must be a mapping (slug:, role:, reports_to:, ...)"),
        ("E008", "error", 18, 9, "", "tag !!python/object:os.system is not allowed (only plain YAML data is read)"),
    ]
    org = result.org
    people = {p.id: (p.title, p.reports_to, p.unit, p.units) for p in org.people.values()}
    assert people == {
        "ok": ("Engineering Manager", "gone", None, ()),
        "listy": (None, None, None, ()),
        "numbers": ("42", "7", "sales", ("3",)),  # numbers are read as the text they are written as
        "tagged": (None, "ok", None, ()),  # the unsafe tag is never constructed, and the entry kept
        "script": ("Designer", "ok", "design", ()),  # only the visible text of the markup
    }
    # The second "ok" is a duplicate (S003); 'gone' and '7' are missing managers (S002).
    assert sorted((f.code, f.subject) for f in result.rule_findings) == [
        ("S002", "people.numbers"),
        ("S002", "people.ok"),
        ("S003", "people.ok"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "- slug: a\n  reports_to: b\n- slug: b\n  reports_to: a\n  role: &r <a>x</a>\n- slug: c\n  reports_to: a\n  role: *r\n",
        '- slug: a\n  reports_to: b\n  role: "\\x00"\n',
        "- slug: a\n  reports_to: [b\n",
        "- slug: a\n  reports_to: b\n  slug: c\n",
        "- slug: ''\n  reports_to: b\n",
        "- slug: a\n  reports_to: b\n  departments: [" + "x, " * 5000 + "y]\n",
    ],
)
def test_odd_team_lists_never_crash(text):
    result = read(text, select=["ALL"])
    assert not [f for f in result.findings if f.kind == "internal"]


# --- the real team page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    started = time.perf_counter()
    result = lint([str(TEAM)])
    return result, time.perf_counter() - started


def test_the_real_team_page_loads_with_no_input_problem_and_fast(real):
    result, seconds = real
    assert result.input_problems == []
    org = result.org
    assert len(org.people) == 1368
    assert sum(1 for p in org.people.values() if p.extra.get("x-gitlab-type") == "vacancy") == 32
    assert not [p for p in org.people.values() if p.title and ("<" in p.title or "href" in p.title)]
    # Two roles are broken links, `<a href="/job-families/..."</a>`: a browser shows no text, and nor do we.
    assert sorted(p.id for p in org.people.values() if not p.title) == ["gl0086", "gl0469"]
    # Reading and linting the whole page takes well under a second here; the bound leaves room for a busy CI.
    assert seconds < 10


def test_the_real_team_page_reports_each_missing_manager_once(real):
    result, _seconds = real
    missing = [f for f in result.rule_findings if f.code == "S002"]
    # PROVENANCE.txt: 139 reports_to values match no record, and 450 records point at them.
    assert len(missing) == 139
    counted = 0
    for finding in missing:
        words = finding.message.split()
        counted += int(words[0]) if words[1] == "people" else 1
        assert len(finding.related) == min(20, (int(words[0]) if words[1] == "people" else 1) - 1)
    assert counted == 450
    largest = max(missing, key=lambda f: len(f.related))
    assert largest.message.startswith("17 people report to 'gl0586', but no person has that id")
    assert (largest.subject, largest.line, largest.column) == ("people.gl0003", 29, 15)


def test_the_real_team_page_as_a_knowingly_partial_chart(real):
    settings = RunSettings(options={"S002": {"allow-external-managers": True}})
    result = lint([str(TEAM)], select=["S"], settings=settings)
    assert [f for f in result.rule_findings if f.code in ("S002", "S004")] == []


def test_the_real_team_page_leads_are_read_from_titles(real):
    result, _seconds = real
    org = result.org

    def lead_title(unit_id: str):
        lead = org.units[unit_id].lead
        return org.people[lead].title if lead else None

    assert lead_title("development-department") == "VP of Development"  # above the Directors of Engineering
    assert lead_title("ux-department") == "VP of UX"
    assert lead_title("customer-support") == "VP of Customer Support"
    assert lead_title("legal-corporate-affairs") == "Chief Legal Officer and Corporate Secretary"
    # The heads of these are outside the snapshot; their members include several peers, or nobody leads by title.
    assert lead_title("engineering-function") is None  # five VPs under a CTO who is not on the page
    assert lead_title("product-management") is None  # Directors of Product Management, none above the others
    assert lead_title("geo-be-team") is None  # a team name reads as no function


def test_the_real_team_page_converts_and_lints_the_same(tmp_path, real):
    result, _seconds = real
    target = tmp_path / "gitlab.yaml"
    runner = CliRunner()
    done = runner.invoke(app, ["convert", str(TEAM), "-o", str(target)])
    assert done.exit_code == 0, done.output
    converted = lint([str(target)])
    assert converted.input_problems == []
    assert sorted((f.code, f.subject, f.message) for f in converted.rule_findings) == sorted(
        (f.code, f.subject, f.message) for f in result.rule_findings
    )
    assert converted.org.people["gl0000"].title == result.org.people["gl0000"].title


def test_roles_lists_the_real_team_page():
    done = CliRunner().invoke(app, ["roles", str(TEAM), "--format", "json"])
    assert done.exit_code == 0, done.output
    rows = {row["id"]: row for row in json.loads(done.stdout)}
    assert len(rows) == 1368
    assert rows["gl0002"]["title"] == "Senior Backend Engineer, Geo"
    assert rows["gl0002"]["roles"] == ["engineer"]


def test_check_on_the_real_team_page_from_the_command_line():
    done = CliRunner().invoke(app, ["check", str(TEAM), "--format", "concise", "--select", "S002"])
    assert done.exit_code == 1, done.output
    lines = [line for line in done.stdout.splitlines() if ": S002 " in line]
    assert len(lines) == 139
    assert not any("E004" in line for line in done.stdout.splitlines())


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(alphabet=st.sampled_from(list("ab <>/&;#\"'=!-:scriptyle")), max_size=30),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text("abc", max_size=3), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.sampled_from(["slug", "role", "reports_to", "departments", "type", "name", "x"]), _VALUES),
        min_size=1,
        max_size=5,
    )
)
def test_random_team_lists_never_crash_and_every_problem_has_a_location(entries):
    text = "- slug: anchor\n  reports_to: nobody\n" + yaml.safe_dump(entries, default_flow_style=False)
    result = read(text, select=["ALL"])
    assert not [f for f in result.findings if f.kind == "internal"]
    assert all(p.file == "team.yml" and p.line >= 1 and p.column >= 1 for p in result.input_problems)
    for person in result.org.people.values():
        assert person.title is None or (person.title and person.title == " ".join(person.title.split()))
