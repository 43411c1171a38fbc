"""The S family: structure of the chart (S001-S012)."""

from __future__ import annotations

import pytest

from helpers import chart, findings, messages, run
from orglint.api import lint
from orglint.engine import RunSettings


def options(code: str, **values) -> RunSettings:
    return RunSettings(options={code: values})


def column_of(text: str, line: int, token: str) -> int:
    """1-based column of ``token`` on 1-based ``line`` of the dedented chart."""
    return chart(text).splitlines()[line - 1].index(token) + 1


def only(text: str, code: str, **kwargs):
    """The single finding of ``code`` (fails unless there is exactly one)."""
    result = run(text, select=[code], **kwargs)
    assert not result.input_problems, [p.message for p in result.input_problems]
    found = [f for f in result.rule_findings if f.code == code]
    assert len(found) == 1, [f.message for f in found]
    return found[0]


# ------------------------------------------------------------------------ S001 reporting-cycle

CYCLE = """
orglint: 1
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: dan, name: Dan Okafor, title: Staff Engineer, reports_to: carla}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
  - {id: carla, name: Carla Diaz, title: Engineering Manager, reports_to: erin}
  - {id: erin, name: Erin Wu, title: Director of Engineering, reports_to: dan}
  - {id: finn, name: Finn Hale, title: Backend Engineer, reports_to: carla}
"""


def test_s001_one_finding_per_cycle_on_its_first_person_in_file_order():
    # finn (below the cycle) is met first by the walk; dan is written first of the three.
    assert findings(CYCLE, select=["S001"]) == [("S001", "people.dan")]


def test_s001_lists_the_cycle_in_reporting_order_with_a_location_per_step():
    finding = only(CYCLE, "S001")
    assert finding.message == (
        "reporting cycle of 3 people: Dan Okafor reports to Carla Diaz, who reports to Erin Wu, who reports to Dan Okafor"
    )
    assert (finding.line, finding.column) == (4, column_of(CYCLE, 4, "carla"))  # dan's reports_to
    assert [(r.message, r.line) for r in finding.related] == [
        ("Carla Diaz reports to Erin Wu", 6),
        ("Erin Wu reports to Dan Okafor", 7),
    ]


def test_s001_self_report_is_a_cycle_of_one():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: bob}
    """
    assert findings(text, select=["S001"]) == [("S001", "people.bob")]
    assert messages(text, select=["S001"]) == ["Bob Stone (VP Engineering) reports to themselves (a reporting cycle of one)"]


def test_s001_two_cycles_in_one_chart_give_two_findings():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: a1, reports_to: a2}
      - {id: a2, reports_to: a1}
      - {id: b1, reports_to: b3}
      - {id: b2, reports_to: b1}
      - {id: b3, reports_to: b2}
      - {id: c1, reports_to: b2}
    """
    assert findings(text, select=["S001"]) == [("S001", "people.a1"), ("S001", "people.b1")]
    assert sorted(messages(text, select=["S001"])) == [
        "reporting cycle of 2 people: a1 reports to a2, who reports to a1",
        "reporting cycle of 3 people: b1 reports to b3, who reports to b2, who reports to b1",
    ]


def test_s001_long_cycle_is_shortened_in_the_message_but_keeps_every_step():
    lines = ["orglint: 1", "people:"] + [f"  - {{id: p{i}, reports_to: p{(i + 1) % 30}}}" for i in range(30)]
    finding = only("\n".join(lines) + "\n", "S001")
    assert finding.subject == "people.p0"
    assert finding.message.startswith("reporting cycle of 30 people: p0 reports to p1, who reports to p2")
    assert "... (21 more) ..." in finding.message
    assert finding.message.endswith("who reports to p29, who reports to p0")
    assert len(finding.related) == 29


def test_s001_across_files(tmp_path):
    (tmp_path / "a-leadership.yaml").write_text(
        chart(
            """
            orglint: 1
            people:
              - {id: ada, name: Ada Byron, title: CEO}
              - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: carla}
            """
        )
    )
    (tmp_path / "b-engineering.yaml").write_text(
        chart(
            """
            people:
              - {id: carla, name: Carla Diaz, title: Engineering Manager, reports_to: bob}
            """
        )
    )
    result = lint([str(tmp_path)], select=["S001"])
    assert not result.input_problems
    [finding] = result.rule_findings
    assert finding.subject == "people.bob"
    assert finding.file.endswith("a-leadership.yaml")
    assert [r.file.endswith("b-engineering.yaml") for r in finding.related] == [True]


def test_s001_near_misses():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada, dotted_to: [carla]}
      - {id: carla, name: Carla Diaz, title: Engineering Manager, reports_to: bob, dotted_to: [bob]}
      - {id: dan, name: Dan Okafor, title: Backend Engineer, reports_to: ghost}
    """
    # a dotted-line loop is not a reporting cycle, nor is a chain ending at an unknown id
    assert findings(text, select=["S001"]) == []


def test_s001_other_rules_still_work_around_a_cut_cycle():
    result = run(CYCLE, select=["S"])
    assert result.org.depth["finn"] == 1  # below carla, who sits on the cut cycle
    assert sorted(p.id for p in result.org.cycles[0]) == ["carla", "dan", "erin"]


# ------------------------------------------------------------------------ S002 unknown-reference


def test_s002_every_reference_field_is_checked():
    text = """
    orglint: 1
    products:
      - {id: insights, name: Insights, owner: pria}
    units:
      - {id: platform, name: Platform, type: platform, lead: gracie, parent: enginering, products: [insight]}
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: priya, name: Priya Nair, title: VP Product, reports_to: ada}
      - {id: grace, name: Grace Hopper, title: VP Engineering, reports_to: adda, dotted_to: [priyaa], unit: platfrom, units: [guild]}
    """
    assert findings(text, select=["S002"]) == [
        ("S002", "people.grace"),
        ("S002", "people.grace"),
        ("S002", "people.grace"),
        ("S002", "people.grace"),
        ("S002", "products.insights"),
        ("S002", "units.platform"),
        ("S002", "units.platform"),
        ("S002", "units.platform"),
    ]
    assert messages(text, select=["S002"]) == [
        "product Insights is owned by 'pria', but no person has that id (did you mean 'priya'?)",
        "Platform (platform) is led by 'gracie', but no person has that id (did you mean 'grace'?)",
        "Platform (platform) is part of unit 'enginering', but no unit has that id",
        "Platform (platform) works on product 'insight', but no product has that id (did you mean 'insights'?)",
        "Grace Hopper (VP Engineering) reports to 'adda', but no person has that id (did you mean 'ada'?)",
        "Grace Hopper (VP Engineering) has a dotted line to 'priyaa', but no person has that id (did you mean 'priya'?)",
        "Grace Hopper (VP Engineering) belongs to unit 'platfrom', but no unit has that id (did you mean 'platform'?)",
        "Grace Hopper (VP Engineering) is a member of unit 'guild', but no unit has that id",
    ]


def test_s002_points_at_the_offending_field():
    text = """
    orglint: 1
    people:
      - id: ada
        name: Ada Byron
      - id: bob
        name: Bob Stone
        reports_to: adaa
    """
    finding = only(text, "S002")
    assert (finding.subject, finding.line, finding.column) == ("people.bob", 7, 17)


def test_s002_a_name_where_an_id_belongs_suggests_the_id():
    text = """
    orglint: 1
    people:
      - {id: ab, name: Ada Byron, title: CEO}
      - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada byron}
    """
    assert messages(text, select=["S002"]) == [
        "Bob Stone (VP Engineering) reports to 'ada byron', but no person has that id (did you mean 'ab', the id of Ada Byron?)"
    ]


def test_s002_an_id_of_the_wrong_kind_is_named_as_such():
    text = """
    orglint: 1
    units:
      - {id: platform, name: Platform, type: platform, lead: grace}
    people:
      - {id: grace, name: Grace Hopper, title: VP Engineering, reports_to: platform, unit: platform}
    """
    assert messages(text, select=["S002"]) == [
        "Grace Hopper (VP Engineering) reports to 'platform', but no person has that id ('platform' is a unit, not a person)"
    ]


def test_s002_suggestions_in_large_charts_stay_bounded():
    people = "\n".join(f"  - {{id: person{i:05d}, reports_to: boss}}" for i in range(6000))
    text = f"orglint: 1\npeople:\n  - {{id: boss}}\n{people}\n  - {{id: late, reports_to: persn01234}}\n"
    result = run(text, select=["S002"])
    assert [f.message for f in result.rule_findings] == [
        "late reports to 'persn01234', but no person has that id (did you mean 'person01234'?)"
    ]


def test_s002_near_misses():
    text = """
    orglint: 1
    products:
      - {id: insights, name: Insights, owner: priya}
    units:
      - {id: eng, name: Engineering, type: department, lead: ada}
      - {id: platform, name: Platform, type: platform, lead: ada, parent: eng, products: [insights]}
    people:
      - {id: ada, name: Ada Byron, title: CEO, unit: eng, units: [platform], reports_to: null}
      - {id: priya, name: Priya Nair, title: VP Product, reports_to: ada, dotted_to: [ada]}
    """
    assert findings(text, select=["S002"]) == []


PARTIAL = """
orglint: 1
people:
  - {id: lena, name: Lena Vogt, title: Director of Engineering, reports_to: cto}
  - {id: max, name: Max Roth, title: Backend Engineer, reports_to: lena}
  - {id: omar, name: Omar Haddad, title: Engineering Manager, reports_to: cto}
  - {id: ines, name: Ines Moreau, title: Product Manager, reports_to: vp-product}
  - {id: kai, name: Kai Berg, title: Engineering Manager, reports_to: cto}
  - {id: noor, name: Noor Shah, title: Designer, reports_to: kai, dotted_to: [head-of-design]}
"""


def test_s002_one_finding_per_missing_manager_with_the_count_and_the_others_related():
    result = run(PARTIAL, select=["S002"])
    assert [(f.code, f.subject, f.line, f.column, f.message) for f in result.rule_findings] == [
        (
            "S002",
            "people.lena",
            3,
            column_of(PARTIAL, 3, "cto}"),
            "3 people report to 'cto', but no person has that id: Lena Vogt, Omar Haddad and Kai Berg",
        ),
        (
            "S002",
            "people.ines",
            6,
            column_of(PARTIAL, 6, "vp-product"),
            "Ines Moreau (Product Manager) reports to 'vp-product', but no person has that id",
        ),
        (
            "S002",
            "people.noor",
            8,
            column_of(PARTIAL, 8, "[head-of-design"),  # the list, as for any list field
            "Noor Shah (Designer) has a dotted line to 'head-of-design', but no person has that id",
        ),
    ]
    cto = result.rule_findings[0]
    assert [(r.message, r.line, r.column) for r in cto.related] == [
        ("Omar Haddad (Engineering Manager) also reports to 'cto'", 5, column_of(PARTIAL, 5, "cto}")),
        ("Kai Berg (Engineering Manager) also reports to 'cto'", 7, column_of(PARTIAL, 7, "cto}")),
    ]
    assert result.rule_findings[1].related == ()


def test_s002_many_people_under_one_missing_manager_are_named_briefly_and_related_up_to_a_bound():
    people = "\n".join(f"  - {{id: p{i:02d}, reports_to: gone}}" for i in range(30))
    result = run(f"orglint: 1\npeople:\n{people}\n", select=["S002"])
    [finding] = result.rule_findings
    assert (finding.subject, finding.line) == ("people.p00", 3)
    assert finding.message == "30 people report to 'gone', but no person has that id: p00, p01, p02 and 27 more"
    assert [r.line for r in finding.related] == list(range(4, 24))  # the next 20 of the 29 others


def test_s002_a_missing_manager_that_is_a_typo_still_gets_its_suggestion_once():
    text = """
    orglint: 1
    people:
      - {id: grace, name: Grace Hopper, title: VP Engineering}
      - {id: linus, name: Linus Berg, title: Site Reliability Engineer, reports_to: gracie}
      - {id: alan, name: Alan Kay, title: Backend Engineer, reports_to: gracie}
    """
    assert messages(text, select=["S002"]) == [
        "2 people report to 'gracie', but no person has that id (did you mean 'grace'?): Linus Berg and Alan Kay"
    ]


def test_s002_allow_external_managers_accepts_managers_outside_a_partial_chart():
    settings = options("S002", **{"allow-external-managers": True})
    result = run(PARTIAL, select=["S002", "S004"], settings=settings)
    # Managers outside the chart are accepted; a dotted line to nobody is still reported, and the
    # people under the missing managers are tops of the snapshot, not S004's forgotten reports_to.
    assert [(f.code, f.subject, f.message) for f in result.rule_findings] == [
        ("S002", "people.noor", "Noor Shah (Designer) has a dotted line to 'head-of-design', but no person has that id"),
    ]
    assert {person.id for person in result.org.people.values() if result.org.depth[person.id] == 0} == {
        "lena",
        "omar",
        "ines",
        "kai",
    }


def test_s002_allow_external_managers_still_checks_units_leads_and_owners():
    text = """
    orglint: 1
    products:
      - {id: insights, name: Insights, owner: pria}
    units:
      - {id: platform, name: Platform, type: platform, lead: gracie, parent: enginering}
    people:
      - {id: grace, name: Grace Hopper, title: VP Engineering, reports_to: outside, unit: platfrom}
    """
    settings = options("S002", **{"allow-external-managers": True})
    assert findings(text, select=["S002"], settings=settings) == [
        ("S002", "people.grace"),
        ("S002", "products.insights"),
        ("S002", "units.platform"),
        ("S002", "units.platform"),
    ]


def test_s002_allow_external_managers_is_validated_by_the_config(tmp_path):
    from orglint.api import default_rules
    from orglint.config import ConfigError, load_config, resolve

    (tmp_path / ".orglint.yaml").write_text("options:\n  S002: {allow-external-managers: sometimes}\n")
    with pytest.raises(ConfigError, match=r"allow-external-managers: invalid value .* expected true or false"):
        resolve(load_config(tmp_path / ".orglint.yaml"), default_rules())
    (tmp_path / ".orglint.yaml").write_text("options:\n  unknown-reference: {allow-external-managers: true}\n")
    resolved = resolve(load_config(tmp_path / ".orglint.yaml"), default_rules())
    assert resolved.settings.options["S002"] == {"allow-external-managers": True}


# ------------------------------------------------------------------------ S003 duplicate-id


def test_s003_names_the_second_definition_and_relates_the_first():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: alex, name: Alex Kim, title: VP Engineering, reports_to: ada}
      - {id: alex, name: Alex Moreau, title: Product Manager, reports_to: ada}
    """
    finding = only(text, "S003")
    assert (finding.subject, finding.line) == ("people.alex", 5)
    assert (
        finding.message
        == "person id 'alex' is already defined at line 4 (Alex Kim); this second definition (Alex Moreau) is ignored"
    )
    assert [(r.message, r.line) for r in finding.related] == [("first definition", 4)]


def test_s003_units_and_products_and_mapping_form():
    text = """
    orglint: 1
    products:
      - {id: insights}
      - {id: insights}
    units:
      platform: {name: Platform}
    people:
      ada: {name: Ada Byron}
    """
    # a mapping cannot repeat a key (E002), so duplicates live in lists or across files
    assert findings(text, select=["S003"]) == [("S003", "products.insights")]
    assert messages(text, select=["S003"]) == [
        "product id 'insights' is already defined at line 3; this second definition is ignored"
    ]


def test_s003_across_files(tmp_path):
    (tmp_path / "a.yaml").write_text("orglint: 1\npeople:\n  - {id: ada, name: Ada Byron, title: CEO}\n")
    (tmp_path / "b.yaml").write_text("people:\n  ada:\n    name: Ada Lovelace\n")
    result = lint([str(tmp_path)], select=["S003"])
    assert not result.input_problems
    [finding] = result.rule_findings
    assert finding.subject == "people.ada" and finding.file.endswith("b.yaml") and finding.line == 2
    assert finding.message.startswith("person id 'ada' is already defined at ")
    assert "a.yaml:3:5 (Ada Byron); this second definition (Ada Lovelace) is ignored" in finding.message
    assert finding.related[0].file.endswith("a.yaml")


def test_s003_near_miss_same_id_in_different_sections():
    text = """
    orglint: 1
    products:
      - {id: insights, name: Insights}
    units:
      - {id: insights, name: Insights squad, type: squad, lead: insights}
    people:
      - {id: insights, name: Ivy Sun}
    """
    assert findings(text, select=["S003"]) == []


# ------------------------------------------------------------------------ S004 multiple-tops

TOPS = """
orglint: 1
people:
  - {id: eve, name: Eve Park, title: Co-founder}
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
  - {id: priya, name: Priya Nair, title: VP Product}
"""


def test_s004_flags_every_top_but_the_ceo():
    assert findings(TOPS, select=["S004"]) == [("S004", "people.eve"), ("S004", "people.priya")]
    assert messages(TOPS, select=["S004"])[1] == (
        "Priya Nair (VP Product) reports to nobody: the chart has 3 tops, and everyone but Ada Byron should have a reports_to"
    )


def test_s004_allow_option_exempts_ids():
    assert findings(TOPS, select=["S004"], settings=options("S004", allow=("eve",))) == [("S004", "people.priya")]


def test_s004_without_a_ceo_the_first_top_is_the_reference():
    text = """
    orglint: 1
    people:
      - {id: mia, name: Mia Lund, title: Managing Director}
      - {id: tom, name: Tom Berg, title: Operations Lead}
      - {id: ola, name: Ola Dahl, title: Accountant, reports_to: mia}
    """
    assert findings(text, select=["S004"]) == [("S004", "people.tom")]


def test_s004_ceo_below_a_chair_keeps_the_chair_as_reference():
    text = """
    orglint: 1
    people:
      - {id: stray, name: Sam Stray, title: Designer}
      - {id: chair, name: Carl Chair, title: Executive Chair}
      - {id: ada, name: Ada Byron, title: CEO, reports_to: chair}
    """
    assert findings(text, select=["S004"]) == [("S004", "people.stray")]


def test_s004_near_misses():
    one_top = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
      - {id: dan, name: Dan Okafor, title: Backend Engineer, reports_to: ghost}
      - {id: x, reports_to: y}
      - {id: y, reports_to: x}
    """
    # an unknown manager (S002) or a cycle (S001) is not a second top
    assert findings(one_top, select=["S004"]) == []


# ------------------------------------------------------------------------ S005 span-of-control


def span_chart(reports: int) -> str:
    lines = ["orglint: 1", "people:", "  - {id: ada, name: Ada Byron, title: CEO}"]
    lines.append("  - {id: bob, name: Bob Stone, title: Engineering Manager, reports_to: ada}")
    lines += [f"  - {{id: e{i}, title: Backend Engineer, reports_to: bob}}" for i in range(reports)]
    return "\n".join(lines) + "\n"


def test_s005_fires_above_max():
    assert findings(span_chart(11), select=["S005"]) == [("S005", "people.bob")]
    assert messages(span_chart(11), select=["S005"]) == ["Bob Stone (Engineering Manager) has 11 direct reports, more than 10"]


def test_s005_near_miss_at_max():
    assert findings(span_chart(10), select=["S005"]) == []


def test_s005_max_option():
    assert findings(span_chart(5), select=["S005"], settings=options("S005", max=4)) == [("S005", "people.bob")]
    assert findings(span_chart(11), select=["S005"], settings=options("S005", max=12)) == []


def test_s005_dotted_lines_and_unknown_managers_do_not_count():
    lines = ["orglint: 1", "people:", "  - {id: ada, name: Ada Byron, title: CEO}"]
    lines += [f"  - {{id: e{i}, reports_to: ghost, dotted_to: [ada]}}" for i in range(12)]
    assert findings("\n".join(lines) + "\n", select=["S005"]) == []


# ------------------------------------------------------------------------ S006 manager-of-one


def test_s006_engineering_manager_with_one_engineer():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
      - {id: carla, name: Carla Diaz, title: Engineering Manager, reports_to: bob}
      - {id: dan, name: Dan Okafor, title: Backend Engineer, reports_to: carla}
      - {id: eve, name: Eve Adams, title: Backend Engineer, reports_to: bob}
    """
    assert findings(text, select=["S006"]) == [("S006", "people.carla")]
    finding = only(text, "S006")
    assert (
        finding.message
        == "Carla Diaz (Engineering Manager) manages only Dan Okafor (Backend Engineer): a layer of management for one person"
    )
    assert [r.message for r in finding.related] == ["the only direct report"]


def test_s006_stacked_leaders_of_one_function():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
      - {id: cy, name: Cy Young, title: Director of Engineering, reports_to: bob}
      - {id: e1, title: Backend Engineer, reports_to: cy}
      - {id: e2, title: Backend Engineer, reports_to: cy}
    """
    assert findings(text, select=["S006"]) == [("S006", "people.bob")]
    assert messages(text, select=["S006"]) == [
        "Bob Stone (VP Engineering) has one direct report, Cy Young (Director of Engineering), who also leads engineering: "
        "one of the two layers is redundant"
    ]


def test_s006_a_bare_title_with_one_report_is_flagged():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: mo, name: Mo Ali, title: Director, reports_to: ada}
      - {id: sue, name: Sue Kim, title: Accountant, reports_to: mo}
    """
    assert findings(text, select=["S006"]) == [("S006", "people.mo")]


def test_s006_explained_layers_are_not_flagged():
    text = """
    orglint: 1
    units:
      - {id: checkout, name: Checkout, type: squad, lead: em}
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: coo, name: Otto Weber, title: Chief Operating Officer, reports_to: ada}
      - {id: cto, name: Cy Young, title: CTO, reports_to: coo}
      - {id: eng, name: Eli Cohen, title: Backend Engineer, reports_to: cto}
      - {id: vpp, name: Priya Nair, title: VP Product, reports_to: ada}
      - {id: pm, name: Sam Lee, title: Product Manager, reports_to: vpp}
      - {id: apm, name: Ana Ruiz, title: Associate Product Manager, reports_to: pm}
      - {id: em, name: Dee Ford, title: Engineering Manager, reports_to: cto, unit: checkout}
      - {id: dev1, title: Frontend Engineer, reports_to: em, unit: checkout}
      - {id: dev2, title: Frontend Engineer, reports_to: cto, unit: checkout}
      - {id: em2, name: Fay Wong, title: Engineering Manager, reports_to: cto}
      - {id: dev3, title: Mobile Engineer, reports_to: em2}
      - {id: dev4, title: Mobile Engineer, reports_to: cto, dotted_to: [em2]}
    """
    # CEO with one report (the COO: not stacked), COO above the CTO (different functions), CTO with
    # hands-on work, VP Product above one PM, PM with an APM, squad lead whose squad is larger
    # than their reporting line, and a manager with a dotted-line report.
    assert findings(text, select=["S006"]) == []


def test_s006_self_report_and_unknown_manager_are_left_to_s001_and_s002():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: em, name: Dee Ford, title: Engineering Manager, reports_to: em}
      - {id: dev, title: Backend Engineer, reports_to: ghost}
    """
    assert findings(text, select=["S006"]) == []


# ------------------------------------------------------------------------ S007 hierarchy-too-deep


def deep_chart(depth: int, extra: str = "") -> str:
    """A line of people p0 (top) .. p<depth>, each reporting to the previous one."""
    lines = ["orglint: 1", "people:", "  - {id: p0, name: P Zero, title: CEO}"]
    lines += [f"  - {{id: p{i}, reports_to: p{i - 1}}}" for i in range(1, depth + 1)]
    return "\n".join(lines) + "\n" + extra


def test_s007_fires_on_the_deepest_end_only():
    text = deep_chart(11)
    assert findings(text, select=["S007"]) == [("S007", "people.p11")]
    assert messages(text, select=["S007"]) == [
        "p11 has 11 managers above them, more than 8: P Zero > p1 > p2 > p3 > p4 > p5 > p6 > p7 > p8 > p9 > p10 > p11; "
        "3 people below p8 are more than 8 levels down"
    ]


def test_s007_near_miss_at_max_depth():
    assert findings(deep_chart(8), select=["S007"]) == []
    assert messages(deep_chart(9), select=["S007"]) == [
        "p9 has 9 managers above them, more than 8: P Zero > p1 > p2 > p3 > p4 > p5 > p6 > p7 > p8 > p9"
    ]


def test_s007_one_finding_per_branch_below_the_last_manager_within_the_limit():
    extra = "".join(
        [
            "  - {id: a9, reports_to: p8}\n",  # a second person too deep below p8: same branch
            "  - {id: b8, reports_to: p7}\n",  # p7 has another branch ...
            "  - {id: b9, reports_to: b8}\n",  # ... too deep below b8
            "  - {id: c9, reports_to: b8}\n",
        ]
    )
    text = deep_chart(10, extra)
    assert findings(text, select=["S007"]) == [("S007", "people.b9"), ("S007", "people.p10")]


def test_s007_ties_go_to_the_first_written():
    text = deep_chart(8, "  - {id: x9, reports_to: p8}\n  - {id: y9, reports_to: p8}\n")
    assert findings(text, select=["S007"]) == [("S007", "people.x9")]


def test_s007_max_depth_option():
    assert findings(deep_chart(4), select=["S007"], settings=options("S007", **{"max-depth": 3})) == [("S007", "people.p4")]
    assert findings(deep_chart(11), select=["S007"], settings=options("S007", **{"max-depth": 11})) == []


def test_s007_long_chains_are_shortened_in_the_message():
    [message] = messages(deep_chart(20), select=["S007"])
    assert message.startswith(
        "p20 has 20 managers above them, more than 8: P Zero > p1 > p2 > ... (15 more) ... > p18 > p19 > p20;"
    )


# ------------------------------------------------------------------------ S008 unit-without-lead


def test_s008_led_unit_types_without_lead():
    text = """
    orglint: 1
    units:
      - {id: eng, name: Engineering, type: department}
      - {id: bu, name: Insights BU, type: business-unit}
      - {id: commerce, name: Commerce, type: tribe}
      - {id: checkout, name: Checkout, type: squad, parent: commerce, lead: null}
      - {id: platform, name: Platform, type: platform}
      - {id: onboarding, name: Onboarding, type: value-stream}
    people:
      - {id: ada, name: Ada Byron, title: CEO, unit: eng, units: [bu, commerce, checkout, platform, onboarding]}
    """
    assert findings(text, select=["S008"]) == [
        ("S008", "units.bu"),
        ("S008", "units.checkout"),
        ("S008", "units.commerce"),
        ("S008", "units.eng"),
        ("S008", "units.onboarding"),
        ("S008", "units.platform"),
    ]
    checkout = next(f for f in run(text, select=["S008"]).rule_findings if f.subject == "units.checkout")
    assert checkout.message == "Checkout (squad) has no lead"
    assert (checkout.line, checkout.column) == (6, column_of(text, 6, "null"))  # at the written `lead: null`


def test_s008_near_misses():
    text = """
    orglint: 1
    units:
      - {id: web, name: Web}
      - {id: backend, name: Backend chapter, type: chapter}
      - {id: guild, name: Design guild, type: guild}
      - {id: acme, name: Acme, type: company}
      - {id: lab, name: Lab, type: explore}
      - {id: checkout, name: Checkout, type: squad, lead: ghost}
    people:
      - {id: ada, name: Ada Byron, title: CEO, units: [web, backend, guild, acme, lab, checkout]}
    """
    assert findings(text, select=["S008"]) == []


# ------------------------------------------------------------------------ S009 empty-unit


def test_s009_unit_without_members_or_children():
    text = """
    orglint: 1
    units:
      - {id: commerce, name: Commerce, type: tribe}
      - {id: checkout, name: Checkout, type: squad, parent: commerce}
      - {id: payments, name: Payments, type: squad, parent: commerce}
      - {id: ghosts, name: Ghosts, type: squad, lead: nobody}
      - {id: selfish, name: Selfish, parent: selfish}
    people:
      - {id: ada, name: Ada Byron, title: CEO, unit: checkout}
    """
    assert findings(text, select=["S009"]) == [
        ("S009", "units.ghosts"),
        ("S009", "units.payments"),
        ("S009", "units.selfish"),
    ]
    assert "Payments (squad) has no members and no child units" in messages(text, select=["S009"])


def test_s009_near_misses():
    text = """
    orglint: 1
    units:
      - {id: commerce, name: Commerce, type: tribe}
      - {id: checkout, name: Checkout, type: squad, parent: commerce, lead: ada}
      - {id: guild, name: Guild, type: guild}
      - {id: home, name: Home}
    people:
      - {id: ada, name: Ada Byron, title: CEO, unit: home, units: [guild]}
    """
    # commerce has a child unit, checkout a lead, guild an extra member, home a home member
    assert findings(text, select=["S009"]) == []


# ------------------------------------------------------------------------ S010 unit-cycle


def test_s010_one_finding_per_cycle_on_its_first_unit_in_file_order():
    text = """
    orglint: 1
    units:
      - {id: leaf, name: Leaf, parent: checkout}
      - {id: commerce, name: Commerce, type: tribe, parent: checkout}
      - {id: checkout, name: Checkout, type: squad, parent: payments}
      - {id: payments, name: Payments, type: squad, parent: commerce}
      - {id: solo, name: Solo, parent: solo}
      - {id: ok, name: Fine, parent: commerce}
    people: []
    """
    assert findings(text, select=["S010"]) == [("S010", "units.commerce"), ("S010", "units.solo")]
    result = run(text, select=["S010"])
    first = next(f for f in result.rule_findings if f.subject == "units.commerce")
    assert (
        first.message == "unit cycle of 3 units: Commerce is inside Checkout, which is inside Payments, which is inside Commerce"
    )
    assert [(r.message, r.line) for r in first.related] == [
        ("Checkout is inside Payments", 5),
        ("Payments is inside Commerce", 6),
    ]
    assert (first.line, first.column) == (4, column_of(text, 4, "checkout}"))
    assert "Solo (team) is its own parent (a unit cycle of one)" in [f.message for f in result.rule_findings]


def test_s010_near_misses():
    text = """
    orglint: 1
    units:
      - {id: company, name: Acme, type: company}
      - {id: commerce, name: Commerce, type: tribe, parent: company}
      - {id: checkout, name: Checkout, type: squad, parent: commerce}
      - {id: orphan, name: Orphan, parent: ghost}
    people: []
    """
    assert findings(text, select=["S010"]) == []


# ------------------------------------------------------------------------ S011 duplicate-person


def test_s011_same_email_ignoring_case():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO, email: ada@acme.example}
      - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada, email: bob@acme.example}
      - {id: robert, name: Robert Stone, title: Engineering Manager, reports_to: bob, email: " Bob@ACME.example"}
    """
    finding = only(text, "S011")
    assert finding.subject == "people.robert"
    assert finding.message == (
        "Robert Stone (Engineering Manager) has the same email (Bob@ACME.example) as Bob Stone (VP Engineering), "
        "id 'bob': one person entered twice?"
    )
    assert [(r.message, r.line) for r in finding.related] == [("first entry", 4)]


def test_s011_same_name_and_title():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: jsmith, name: John Smith, title: Account Executive, reports_to: ada}
      - {id: john.smith, name: john  smith, title: account executive, reports_to: ada}
      - {id: js3, name: John Smith, title: Account Executive, reports_to: ada}
    """
    assert findings(text, select=["S011"]) == [("S011", "people.john.smith"), ("S011", "people.js3")]
    assert messages(text, select=["S011"])[0] == (
        "john  smith (account executive) has the same name and title as the entry with id 'jsmith': one person entered twice?"
    )


def test_s011_near_misses():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO, email: ada@acme.example}
      - {id: js1, name: John Smith, title: Account Executive, reports_to: ada}
      - {id: js2, name: John Smith, title: Solutions Engineer, reports_to: ada}
      - {id: a1, title: Backend Engineer, reports_to: ada}
      - {id: a2, title: Backend Engineer, reports_to: ada}
      - {id: b1, name: Bo Li, reports_to: ada}
      - {id: b2, name: Bo Li, reports_to: ada}
      - {id: c1, name: Cy, email: cy@acme.example}
      - {id: c2, name: Cy, email: cy@other.example}
      - {id: d1, name: Dee Ray, title: Account Executive, reports_to: ada, email: dee@acme.example}
      - {id: d2, name: Dee Ray, title: Account Executive, reports_to: ada, email: dee.ray@acme.example}
    """
    # same name but another title, same title but no name, same name and no title, distinct emails,
    # same name and title with different emails (two people, as the rule's text tells users to show)
    assert findings(text, select=["S011"]) == []


def test_s011_same_name_and_title_against_an_entry_without_email():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: d1, name: Dee Ray, title: Account Executive, reports_to: ada, email: dee@acme.example}
      - {id: d2, name: Dee Ray, title: Account Executive, reports_to: ada}
      - {id: d3, name: Dee Ray, title: Account Executive, reports_to: ada, email: dee.ray@acme.example}
    """
    # d2 repeats d1 (no email to tell them apart); d3 repeats d2, the entry without an email
    assert findings(text, select=["S011"]) == [("S011", "people.d2"), ("S011", "people.d3")]
    assert messages(text, select=["S011"])[1].endswith("as the entry with id 'd2': one person entered twice?")


def test_s011_an_email_written_three_times_and_a_name_match_on_an_email_repeat():
    text = """
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: zoe, name: Zoë Ünal, title: Account Executive, reports_to: ada, email: zoe@acme.example}
      - {id: zoe2, name: Zoë Ünal, title: Account Executive, reports_to: ada, email: ZOE@acme.example}
      - {id: zu, name: Zoe Unal, title: Sales Engineer, reports_to: ada, email: " zoe@ACME.example "}
      - {id: ada2, name: Ada Byron, title: CEO, email: ada@acme.example}
      - {id: ada3, name: Ada Byron, title: CEO, email: ada@acme.example}
    """
    # zoe2 and zu repeat zoe's email, ada3 repeats ada2's: one finding each, against the first
    # entry; ada2 matches ada (no email) by name and title; ada3's name match is not reported again.
    assert findings(text, select=["S011"]) == [
        ("S011", "people.ada2"),
        ("S011", "people.ada3"),
        ("S011", "people.zoe2"),
        ("S011", "people.zu"),
    ]
    assert sorted(messages(text, select=["S011"])) == [
        "Ada Byron (CEO) has the same email (ada@acme.example) as Ada Byron (CEO), id 'ada2': one person entered twice?",
        "Ada Byron (CEO) has the same name and title as the entry with id 'ada': one person entered twice?",
        "Zoe Unal (Sales Engineer) has the same email (zoe@ACME.example) as Zoë Ünal (Account Executive), id 'zoe': "
        "one person entered twice?",
        "Zoë Ünal (Account Executive) has the same email (ZOE@acme.example) as Zoë Ünal (Account Executive), id 'zoe': "
        "one person entered twice?",
    ]


# ------------------------------------------------------------------------ S012 no-people


def test_s012_no_people():
    text = """
    orglint: 1
    org:
      name: Acme Analytics
    units:
      - {id: checkout, name: Checkout, type: squad}
    people: []
    """
    finding = only(text, "S012")
    assert (finding.subject, finding.line) == ("org", 2)
    assert finding.message == "the chart defines no people (only 1 unit)"


def test_s012_points_at_the_file_when_nothing_is_defined():
    finding = only("orglint: 1\npeople: []\n", "S012")
    assert (finding.file, finding.line, finding.message) == ("org.yaml", 1, "the chart defines no people")


def test_s012_near_miss_and_unreadable_input():
    assert findings("people:\n  - {id: ada}\n", select=["S012"]) == []
    # a file that cannot be parsed is an input problem, not an empty chart
    result = run("people: [\n", select=["S"])
    assert [f.code for f in result.findings] == ["E001"]


@pytest.mark.parametrize("code", [f"S{n:03d}" for n in range(1, 13)])
def test_every_s_rule_is_quiet_on_a_sound_chart(code):
    text = """
    orglint: 1
    org:
      name: Acme Analytics
    products:
      - {id: insights, name: Insights, owner: pm}
    units:
      - {id: product, name: Product, type: department, function: product, lead: vpp}
      - {id: checkout, name: Checkout, type: squad, lead: em, products: [insights]}
    people:
      - {id: ceo, name: Ada Byron, title: CEO, email: ada@acme.example}
      - {id: vpp, name: Priya Nair, title: VP Product, reports_to: ceo, unit: product}
      - {id: pm, name: Sam Lee, title: Product Manager, reports_to: vpp, unit: product, units: [checkout]}
      - {id: cto, name: Cy Young, title: CTO, reports_to: ceo}
      - {id: em, name: Dee Ford, title: Engineering Manager, reports_to: cto, unit: checkout}
      - {id: d1, name: Eli Cohen, title: Backend Engineer, reports_to: em, unit: checkout}
      - {id: d2, name: Fay Wong, title: Frontend Engineer, reports_to: em, unit: checkout}
    """
    assert findings(text, select=[code]) == []


# ------------------------------------------------------------------------ the model's cycles and depth


def _chain_by_ids(org, person) -> list[str]:
    """The chain of command followed id by id, as the definition reads."""
    chain, seen, manager_id = [], {person.id}, person.reports_to
    while manager_id in org.people and manager_id not in seen:
        chain.append(manager_id)
        seen.add(manager_id)
        manager_id = org.people[manager_id].reports_to
    return chain


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("with_cycle", [False, True])
def test_the_chain_of_command_follows_the_ids_on_random_charts(seed, with_cycle):
    import random

    rng = random.Random(seed)
    size = rng.randint(2, 40)
    lines = ["orglint: 1", "people:"]
    for number in range(size):
        roll = rng.random()
        manager = "null" if number == 0 or roll < 0.05 else "ghost" if roll < 0.1 else f"p{rng.randrange(number)}"
        lines.append(f"  - {{id: p{number}, reports_to: {manager}}}")
    if with_cycle:
        lines.append("  - {id: c1, reports_to: c2}\n  - {id: c2, reports_to: c1}\n  - {id: c3, reports_to: c2}")
    lines.append(f"  - {{id: p{size - 1}, reports_to: p0}}")  # a second definition: not the org's entry
    org = run("\n".join(lines) + "\n", select=["S001"]).org
    assert bool(org.cycles) == with_cycle
    for person in [*org.people.values(), org.duplicates[0].second]:
        assert [manager.id for manager in org.chain(person)] == _chain_by_ids(org, person)


@pytest.mark.parametrize("seed", range(25))
def test_model_cycles_and_depth_agree_with_networkx_on_random_charts(seed):
    """Every reporting cycle is found exactly once, and depth is consistent around the cuts."""
    import random

    import networkx

    rng = random.Random(seed)
    size = rng.randint(1, 40)
    ids = [f"p{i}" for i in range(size)]
    lines = ["orglint: 1", "people:"]
    for person_id in ids:
        roll = rng.random()
        manager = None if roll < 0.1 else ("ghost" if roll < 0.15 else rng.choice(ids))
        lines.append(f"  - {{id: {person_id}, reports_to: {manager or 'null'}}}")
    org = run("\n".join(lines) + "\n", select=["S001"]).org

    graph = networkx.DiGraph()
    graph.add_nodes_from(org.people)
    graph.add_edges_from((p.id, p.reports_to) for p in org.people.values() if p.reports_to in org.people)
    expected = sorted(sorted(cycle) for cycle in networkx.simple_cycles(graph))
    assert sorted(sorted(p.id for p in cycle) for cycle in org.cycles) == expected
    for cycle in org.cycles:  # in reporting order
        assert all(cycle[i].reports_to == cycle[(i + 1) % len(cycle)].id for i in range(len(cycle)))

    on_cycle = {p.id for cycle in org.cycles for p in cycle}
    assert set(org.depth) == set(org.people)
    for person in org.people.values():
        manager = org.manager_of(person)
        if manager is None or person.id in on_cycle:
            assert org.depth[person.id] == 0
        else:
            assert org.depth[person.id] == org.depth[manager.id] + 1
    # The three ways of asking agree, in file order.
    assert [(p.id, d) for p, d in org.people_with_depth()] == list(org.depth.items())
    assert all(org.depth_of(person) == org.depth[person.id] for person in org.people.values())
    # Functions led above follow the same walk: nobody here leads anything.
    assert not any(org.has_leader_above(person, "engineering") for person in org.people.values())
    assert findings("\n".join(lines) + "\n", select=["S001"]) == sorted(
        ("S001", f"people.{min(cycle, key=ids.index)}") for cycle in expected
    )


def test_model_depth_and_leaders_above_for_someone_not_in_the_chart():
    """A Person the chart does not hold (a second definition of an id, S003) is asked about by id:
    the chart's entry for that id answers; an unknown id is a top that nobody leads above."""
    from orglint.model import Person

    org = run(
        """
        orglint: 1
        people:
          - {id: ceo, title: CEO}
          - {id: vpe, title: VP Engineering, reports_to: ceo}
          - {id: em, title: Engineering Manager, reports_to: vpe}
          - {id: em, title: Designer, reports_to: ceo}
        """,
        select=["S003"],
    ).org
    second = org.duplicates[0].second
    assert (org.depth_of(second), org.has_leader_above(second, "engineering")) == (2, True)
    stranger = Person("nobody", reports_to="vpe")
    assert (org.depth_of(stranger), org.has_leader_above(stranger, "engineering")) == (0, False)
    assert [p.id for p in org.heads("engineering")] == ["vpe"]
