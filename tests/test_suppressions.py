"""Inline suppressions (# orglint: disable=...), and X001 / X002 about them."""

from __future__ import annotations

import pytest

from helpers import chart, findings, run
from orglint.suppressions import scan_comments

FOUNDER = """
    orglint: 1
    org:
      name: Acme Analytics
    people:
      - id: ada{ada}
        name: Ada Byron
        title: CEO & Chief Product Officer{title}
      - id: grace{grace}
        name: Grace Hopper
        title: CTO
        reports_to: ada
      - {{id: linus, name: Linus Berg, title: Software Engineer, reports_to: gracie}}
"""


def founder(ada: str = "", title: str = "", grace: str = "") -> str:
    return FOUNDER.format(ada=ada, title=title, grace=grace)


def test_without_comments_the_rules_fire():
    assert findings(founder(), select=["R001", "S002"]) == [("R001", "people.ada"), ("S002", "people.linus")]


@pytest.mark.parametrize(
    "where",
    [
        {"ada": "   # orglint: disable=R001 -- founder runs product until the first product hire"},
        {"title": "  # orglint: disable=R001"},  # any line of the entry, not only the first
        {"ada": "  # orglint: disable=ceo-is-cpo"},  # by name
        {"ada": "  # orglint: disable = R001 , S002"},  # spaces, and a second (unused) rule
    ],
)
def test_disable_on_any_line_of_the_entry(where):
    result = run(founder(**where), select=["R001", "S002"])
    assert sorted((f.code, f.subject) for f in result.rule_findings) == [("S002", "people.linus")]
    assert [(f.code, f.subject) for f in result.suppressed] == [("R001", "people.ada")]


def test_disable_covers_only_its_entry_and_its_rules():
    text = founder(grace="  # orglint: disable=R001,S002")
    assert findings(text, select=["R001", "S002"]) == [("R001", "people.ada"), ("S002", "people.linus")]


def test_disable_next_line_applies_to_the_next_entry():
    text = chart(
        """
        orglint: 1
        people:
          # orglint: disable-next-line=R001 -- until the first product hire

          # (blank and comment lines in between are skipped)
          - id: ada
            name: Ada Byron
            title: CEO & Chief Product Officer
          - {id: grace, name: Grace Hopper, title: CTO & Chief Product Officer, reports_to: ada}
        """
    )
    assert findings(text, select=["R001", "R004", "X001"]) == [("R004", "people.grace")]


def test_disable_next_line_on_a_field_suppresses_findings_on_that_line():
    text = chart(
        """
        orglint: 1
        people:
          - id: ada
            title: CEO
          - id: linus
            title: Software Engineer
            # orglint: disable-next-line=S002
            reports_to: gracie
            unit: nowhere
        """
    )
    result = run(text, select=["S002"])
    assert [(f.code, f.subject, f.line) for f in result.rule_findings] == [("S002", "people.linus", 9)]
    assert [f.line for f in result.suppressed] == [8]


def test_disable_file():
    text = chart(
        """
        # orglint: disable-file=S002 -- legacy import, ids fixed in Q3
        orglint: 1
        people:
          - {id: ada, name: Ada Byron, title: CEO & Chief Product Officer}
          - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: gracie}
          - {id: tove, name: Tove Berg, title: Software Engineer, reports_to: gracie}
        """
    )
    assert findings(text, select=["R001", "S002", "X001"]) == [("R001", "people.ada")]


def test_org_level_finding_is_suppressed_on_the_entry_it_points_at():
    text = chart(
        """
        orglint: 1
        org:
          name: Acme Analytics
        people:
          - {id: ada, name: Ada Byron, title: CEO}  # orglint: disable=L001 -- product moves under the CEO in May
          - {id: ivan, name: Ivan Petrov, title: Chief Revenue Officer, reports_to: ada}
          - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ivan, dotted_to: [ada]}
          - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
        """
    )
    assert findings(text.replace("  # orglint", "  # no-orglint"), select=["L001"]) == [("L001", "org")]
    assert findings(text, select=["L001", "X001"]) == []


def test_org_block_comment_suppresses_org_subject():
    text = chart(
        """
        orglint: 1
        org:  # orglint: disable=L001
          name: Acme Analytics
        people:
          - {id: ada, name: Ada Byron, title: CEO}
          - {id: ivan, name: Ivan Petrov, title: Chief Revenue Officer, reports_to: ada}
          - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ivan, dotted_to: [ada]}
        """
    )
    assert findings(text, select=["L001", "X001"]) == []


def test_mapping_form_entries_end_before_the_next_one():
    text = chart(
        """
        orglint: 1
        people:
          ada:
            name: Ada Byron
            title: CEO & Chief Product Officer
          grace:   # orglint: disable=R004
            title: CTO & Chief Product Officer
            reports_to: ada
        """
    )
    assert findings(text, select=["R001", "R004"]) == [("R001", "people.ada")]


def test_comment_on_the_next_entrys_first_line_is_not_the_previous_entrys():
    text = chart(
        """
        orglint: 1
        people:
          - id: ada
            title: CEO & Chief Product Officer

          # a comment between entries
          - id: grace  # orglint: disable=R001
            title: CTO
            reports_to: ada
        """
    )
    assert findings(text, select=["R001", "X001"]) == [("R001", "people.ada"), ("X001", "people.grace")]


def test_hash_inside_quoted_and_block_scalars_is_not_a_comment():
    text = chart(
        """
        orglint: 1
        people:
          - id: ada
            name: "Ada # orglint: disable=R001"
            title: 'CEO & Chief Product Officer # orglint: disable=R001'
            x-notes: |
              # orglint: disable=R001
          - id: grace
            name: "Grace
              # orglint: disable=R001
              Hopper"
            title: CTO
            reports_to: ada
        """
    )
    assert list(scan_comments(text)) == []
    assert findings(text, select=["R001"]) == [("R001", "people.ada")]


def test_scan_comments_positions():
    text = "people:\n  - id: ana  # orglint: disable=R001\n  # orglint: disable-next-line=S002\n"
    comments = list(scan_comments(text))
    assert [(c.line, c.column, c.own_line) for c in comments] == [(2, 14, False), (3, 3, True)]
    assert comments[0].text == "# orglint: disable=R001"


# --- X001 unused-suppression ---------------------------------------------------------------


def test_x001_reports_each_unused_rule_at_its_name():
    text = founder(ada="  # orglint: disable=R001,S005 -- founder", grace="  # orglint: disable=R001")
    result = run(text, select=["R001", "S005", "X001"])
    x001 = [(f.code, f.subject, f.line, f.column) for f in result.rule_findings if f.code == "X001"]
    assert x001 == [("X001", "people.ada", 5, 38), ("X001", "people.grace", 8, 35)]
    messages = [f.message for f in result.rule_findings if f.code == "X001"]
    assert messages == [
        "unused suppression: S005 (span-of-control) finds nothing on Ada Byron (CEO & Chief Product Officer); "
        "remove S005 from the comment",
        "unused suppression: R001 (ceo-is-cpo) finds nothing on Grace Hopper (CTO); remove the comment",
    ]


def test_x001_ignores_rules_that_did_not_run():
    text = founder(grace="  # orglint: disable=R001")
    assert findings(text, select=["S002", "X001"]) == [("S002", "people.linus")]


def test_x001_file_wide_subject_is_the_file():
    text = "# orglint: disable-file=S002\n" + chart(founder())
    result = run(text, select=["S002", "S005", "X001"])
    assert [(f.code, f.subject) for f in result.rule_findings] == []
    text = "# orglint: disable-file=S005\n" + chart(founder())
    result = run(text, select=["S005", "X001"])
    assert [(f.code, f.subject, f.line) for f in result.rule_findings] == [("X001", "org.yaml", 1)]
    assert "finds nothing in org.yaml" in result.rule_findings[0].message


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("# orglint: disabel=R001", "(did you mean 'disable'?)"),
        ("# orglint: disable", "names no rule"),
        ("# orglint: disable=", "names no rule"),
    ],
)
def test_x001_reports_malformed_directives(comment, expected):
    text = founder(ada="  " + comment)
    result = run(text, select=["R001", "X001"])
    assert sorted((f.code, f.subject) for f in result.rule_findings) == [("R001", "people.ada"), ("X001", "people.ada")]
    message = next(f.message for f in result.rule_findings if f.code == "X001")
    assert message.startswith(f'"{comment}" suppresses nothing: it ') and expected in message


def test_x001_reports_disable_outside_any_entry():
    text = "orglint: 1  # orglint: disable=R001\n" + chart(founder()).split("\n", 1)[1]
    result = run(text, select=["R001", "X001"])
    assert sorted((f.code, f.subject) for f in result.rule_findings) == [("R001", "people.ada"), ("X001", "org.yaml")]
    assert "is not on a line of a person, unit or product" in result.rule_findings[0].message


def test_x001_can_itself_be_silenced_file_wide():
    text = "# orglint: disable-file=X001\n" + chart(founder(grace="  # orglint: disable=R001"))
    assert findings(text, select=["R001", "X001"]) == [("R001", "people.ada")]


# --- X002 unknown-rule-in-suppression -------------------------------------------------------


def test_x002_unknown_name_with_suggestion():
    text = founder(ada="  # orglint: disable=ceo-as-cpo")
    result = run(text, select=["R001", "X001", "X002"])
    assert sorted((f.code, f.subject) for f in result.rule_findings) == [("R001", "people.ada"), ("X002", "people.ada")]
    x002 = next(f for f in result.rule_findings if f.code == "X002")
    assert x002.message == "suppression names 'ceo-as-cpo', which no loaded rule has (did you mean 'ceo-is-cpo'?)"
    assert (x002.line, x002.column) == (5, 33)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("E003", "E003 (unknown-key) is an input problem, which cannot be suppressed"),
        ("R", "suppression names single rules"),
        ("ALL", "suppression names single rules"),
        ("Q123", "if a plugin provides it, install the plugin"),
    ],
)
def test_x002_explains_what_is_not_a_rule(name, expected):
    result = run(founder(ada=f"  # orglint: disable={name}"), select=["X002"])
    assert [(f.code, f.subject) for f in result.rule_findings] == [("X002", "people.ada")]
    assert expected in result.rule_findings[0].message


def test_suppressions_never_hide_input_problems():
    text = chart(
        """
        orglint: 1
        people:
          - id: ada  # orglint: disable=E003
            title: CEO
            salary: 1
        """
    )
    result = run(text, select=["X002"])
    assert [p.code for p in result.input_problems] == ["E003"]
