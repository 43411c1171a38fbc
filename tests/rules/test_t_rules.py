"""T rules: team topology (T001-T007)."""

from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import findings, messages, run
from orglint.engine import RunSettings

t003 = importlib.import_module("orglint.rules.t003_tribe_too_large")


def options(code: str, **values) -> RunSettings:
    return RunSettings(options={code: {key.replace("_", "-"): value for key, value in values.items()}})


# --- T001 squad-not-cross-functional -------------------------------------------------

SQUADS = """
orglint: 1
products:
  - {id: insights, name: Insights, metrics: [NPS]}
units:
  - {id: checkout, name: Checkout, type: squad, lead: em}
  - {id: search, name: Search, type: squad}
  - {id: reports, name: Reports, products: [insights]}
  - {id: infra, name: Infra}
  - {id: empty, name: Empty, type: squad}
people:
  - {id: ada, title: CEO}
  - {id: em, title: Engineering Manager, reports_to: ada}
  - {id: e1, title: Backend Engineer, reports_to: em, unit: checkout}
  - {id: po, title: Product Owner, reports_to: ada, unit: search}
  - {id: d1, title: Product Designer, reports_to: ada, unit: search}
  - {id: e2, title: Backend Engineer, reports_to: em, unit: reports}
  - {id: e3, title: Backend Engineer, reports_to: em, unit: infra}
"""


def test_t001_exact_findings():
    # checkout lacks product, search lacks engineering, reports (a team with products) lacks product;
    # infra is a team without products, empty has no members (S009's business).
    assert findings(SQUADS, select=["T001"]) == [
        ("T001", "units.checkout"),
        ("T001", "units.reports"),
        ("T001", "units.search"),
    ]


def test_t001_messages_name_what_is_missing():
    assert messages(SQUADS, select=["T001"]) == [
        "squad Checkout (2 members) lacks a product manager or product owner",
        "squad Search (2 members) lacks engineering",
        "product team Reports (1 member) lacks a product manager or product owner",
    ]


def test_t001_quiet_on_a_cross_functional_squad():
    text = """
    orglint: 1
    units:
      - {id: checkout, type: squad, lead: em}
    people:
      - {id: ada, title: CEO}
      - {id: em, title: Engineering Manager, reports_to: ada}
      - {id: pm, title: Senior Product Manager, reports_to: ada, units: [checkout]}
    """
    assert findings(text, select=["T001"]) == []


def test_t001_a_cpo_or_designer_does_not_cover_product():
    text = """
    orglint: 1
    units:
      - {id: checkout, type: squad}
    people:
      - {id: ada, title: CEO}
      - {id: e, title: Software Engineer, reports_to: ada, unit: checkout}
      - {id: cpo, title: Chief Product Officer, reports_to: ada, unit: checkout}
      - {id: d, title: Product Designer, reports_to: ada, unit: checkout}
    """
    assert findings(text, select=["T001"]) == [("T001", "units.checkout")]


def test_t001_require_option_functions_and_roles():
    base = """
    orglint: 1
    units:
      - {id: checkout, name: Checkout, type: squad}
    people:
      - {id: ada, title: CEO}
      - {id: e, title: Software Engineer, reports_to: ada, unit: checkout}
      - {id: po, title: Product Owner, reports_to: ada, unit: checkout}
    """
    assert findings(base, select=["T001"]) == []
    with_design = options("T001", require=["engineering", "product", "design"])
    assert messages(base, select=["T001"], settings=with_design) == ["squad Checkout (2 members) lacks design"]
    with_roles = options("T001", require=["data-scientist", "engineer"])
    assert messages(base, select=["T001"], settings=with_roles) == ["squad Checkout (2 members) lacks a data-scientist"]
    both = options("T001", require=["data", "design"])
    assert messages(base, select=["T001"], settings=both) == ["squad Checkout (2 members) lacks data and design"]
    assert findings(base, select=["T001"], settings=options("T001", require=[])) == []


def test_t001_members_without_roles_take_their_unit_function():
    text = """
    orglint: 1
    units:
      - {id: checkout, type: squad, function: engineering}
    people:
      - {id: ada, title: CEO}
      - {id: x, name: Xi, reports_to: ada, unit: checkout}
      - {id: po, title: Product Owner, reports_to: ada, units: [checkout]}
    """
    assert findings(text, select=["T001"]) == []


# --- T002 squad-too-large ------------------------------------------------------------


def squad_of(size: int, kind: str = "squad") -> str:
    people = "".join(f"  - {{id: p{i}, title: Software Engineer, unit: s}}\n" for i in range(size))
    return f"orglint: 1\nunits:\n  - {{id: s, name: Checkout, type: {kind}}}\npeople:\n{people}"


def test_t002_fires_above_ten_members():
    assert findings(squad_of(11), select=["T002"]) == [("T002", "units.s")]
    assert messages(squad_of(11), select=["T002"])[0].startswith("squad Checkout has 11 members, more than 10")


def test_t002_quiet_at_ten_and_for_other_unit_types():
    assert findings(squad_of(10), select=["T002"]) == []
    assert findings(squad_of(20, kind="team"), select=["T002"]) == []


def test_t002_counts_the_lead_once():
    text = squad_of(10).replace("type: squad}", "type: squad, lead: p0}")
    assert findings(text, select=["T002"]) == []
    text = squad_of(10) + "  - {id: lead, title: Engineering Manager}\n"
    text = text.replace("type: squad}", "type: squad, lead: lead}")
    assert findings(text, select=["T002"]) == [("T002", "units.s")]


def test_t002_max_option():
    assert findings(squad_of(8), select=["T002"], settings=options("T002", max=7)) == [("T002", "units.s")]
    assert findings(squad_of(11), select=["T002"], settings=options("T002", max=11)) == []


# --- T003 tribe-too-large ------------------------------------------------------------

TRIBE = """
orglint: 1
units:
  - {id: payments, name: Payments, type: tribe, lead: tl}
  - {id: a, type: squad, parent: payments}
  - {id: b, type: squad, parent: payments}
  - {id: b1, type: team, parent: b}
  - {id: other, type: squad}
people:
  - {id: tl, title: VP of Engineering}
  - {id: p1, title: Software Engineer, unit: a}
  - {id: p2, title: Software Engineer, unit: a, units: [b]}
  - {id: p3, title: Software Engineer, unit: b}
  - {id: p4, title: Software Engineer, unit: b1}
  - {id: p5, title: Software Engineer, unit: payments}
  - {id: p6, title: Software Engineer, unit: other}
"""


def test_t003_counts_everyone_below_the_tribe_once():
    # tl, p1..p5 = 6 people (p2 is in two squads, p6 is outside the tribe)
    assert findings(TRIBE, select=["T003"], settings=options("T003", max=5)) == [("T003", "units.payments")]
    assert messages(TRIBE, select=["T003"], settings=options("T003", max=5)) == [
        "tribe Payments has 6 people across 3 units, more than 5: split it into tribes along product areas"
    ]
    assert findings(TRIBE, select=["T003"], settings=options("T003", max=6)) == []


def test_t003_default_is_150():
    squads = "".join(f"  - {{id: s{i}, type: squad, parent: t}}\n" for i in range(16))
    people = "".join(f"  - {{id: p{i}, unit: s{i % 16}}}\n" for i in range(151))
    text = f"orglint: 1\nunits:\n  - {{id: t, name: Big, type: tribe}}\n{squads}people:\n{people}"
    assert findings(text, select=["T003"]) == [("T003", "units.t")]
    assert findings(text.replace("  - {id: p150, unit: s6}\n", ""), select=["T003"]) == []


def test_t003_survives_a_unit_cycle():
    text = """
    orglint: 1
    units:
      - {id: t, type: tribe, parent: s}
      - {id: s, type: squad, parent: t}
    people:
      - {id: a, unit: s}
      - {id: b, unit: t}
    """
    assert findings(text, select=["T003"], settings=options("T003", max=1)) == [("T003", "units.t")]


def _tribe_sizes_by_walking(org) -> dict[str, tuple[int, int]]:
    """The plain definition, one walk down from each tribe: (people, units below)."""
    sizes = {}
    for tribe in org.units_of_type("tribe"):
        people, seen, stack = set(), {tribe.id}, [tribe.id]
        while stack:
            unit_id = stack.pop()
            people.update(person.id for person in org.members.get(unit_id, ()))
            for child in org.child_units.get(unit_id, ()):
                if child.id not in seen:
                    seen.add(child.id)
                    stack.append(child.id)
        sizes[tribe.id] = (len(people), len(seen) - 1)
    return sizes


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_t003_counts_as_one_walk_per_tribe_would(data):
    # Random unit forests with parent cycles, unknown parents, leads and several memberships.
    count = data.draw(st.integers(1, 10))
    unit_ids = st.sampled_from([f"u{n}" for n in range(count)] + ["ghost"])
    lines = ["orglint: 1", "units:"]
    for n in range(count):
        kind = data.draw(st.sampled_from(["tribe", "squad", "chapter"]))
        parent = data.draw(st.none() | unit_ids)
        lead = data.draw(st.none() | st.sampled_from([f"p{k}" for k in range(6)]))
        lines.append(
            f"  - {{id: u{n}, type: {kind}"
            + (f", parent: {parent}" if parent else "")
            + (f", lead: {lead}" if lead else "")
            + "}"
        )
    lines.append("people:")
    for k in range(6):
        homes = data.draw(st.lists(unit_ids, max_size=3))
        fields = (f", unit: {homes[0]}" if homes else "") + (f", units: [{', '.join(homes[1:])}]" if homes[1:] else "")
        lines.append(f"  - {{id: p{k}{fields}}}")
    org = run("\n".join(lines) + "\n").org
    expected = _tribe_sizes_by_walking(org)
    below = t003._people_and_units_below(org)
    assert {tribe_id: below[tribe_id] for tribe_id in expected} == expected


def test_t003_nested_tribes_thousands_deep():
    # One walk per tribe would take about 12 million steps here; the bottom-up count, 5,000.
    units = "".join(f"  - {{id: t{n}, type: tribe, parent: t{n + 1}}}\n" for n in range(5000))
    people = "".join(f"  - {{id: p{n}, unit: t0}}\n" for n in range(151))
    result = run(f"orglint: 1\nunits:\n{units}people:\n{people}", select=["T003"])
    assert len(result.rule_findings) == 5000
    assert result.rule_findings[-1].message.startswith("tribe t4999 has 151 people across 4999 units")


# --- T004 squad-outside-tribe --------------------------------------------------------

TRIBES = """
orglint: 1
units:
  - {id: payments, name: Payments, type: tribe}
  - {id: rnd, name: R&D, type: department}
  - {id: group, name: Cards Group, parent: payments}
  - {id: checkout, name: Checkout, type: squad, parent: payments}
  - {id: cards, name: Cards, type: squad, parent: group}
  - {id: search, name: Search, type: squad, parent: rnd}
  - {id: loose, name: Loose, type: squad}
people:
  - {id: ada, title: CEO}
"""


def test_t004_exact_findings_and_messages():
    assert findings(TRIBES, select=["T004"]) == [("T004", "units.loose"), ("T004", "units.search")]
    assert messages(TRIBES, select=["T004"]) == [
        "squad Search sits under R&D (department), not inside a tribe (the org has tribes: Payments)",
        "squad Loose has no parent tribe, while the org has tribes (Payments)",
    ]


def test_t004_points_at_the_parent_field():
    result = run(TRIBES, select=["T004"])
    search = next(f for f in result.rule_findings if f.subject == "units.search")
    assert (search.line, search.column) == (8, 53)


def test_t004_quiet_without_tribes_or_with_unknown_parent():
    no_tribes = TRIBES.replace("type: tribe", "type: department")
    assert findings(no_tribes, select=["T004"]) == []
    unknown = """
    orglint: 1
    units:
      - {id: payments, type: tribe}
      - {id: s, type: squad, parent: nowhere}
    people: []
    """
    assert findings(unknown, select=["T004"]) == []


def test_t004_survives_a_unit_cycle():
    text = """
    orglint: 1
    units:
      - {id: payments, type: tribe}
      - {id: x, parent: y}
      - {id: y, parent: x}
      - {id: s, type: squad, parent: x}
    people: []
    """
    assert findings(text, select=["T004"]) == [("T004", "units.s")]


# --- T005 chapter-in-one-squad -------------------------------------------------------

CHAPTERS = """
orglint: 1
units:
  - {id: checkout, name: Checkout, type: squad}
  - {id: search, name: Search, type: squad}
  - {id: backend, name: Backend, type: chapter, lead: cl}
  - {id: frontend, name: Frontend, type: chapter}
  - {id: solo, name: Solo, type: chapter}
  - {id: mixed, name: Mixed, type: chapter}
people:
  - {id: cl, title: Engineering Manager}
  - {id: a, title: Backend Engineer, unit: checkout, units: [backend, mixed]}
  - {id: b, title: Backend Engineer, unit: checkout, units: [backend, mixed]}
  - {id: c, title: Frontend Engineer, unit: checkout, units: [frontend]}
  - {id: d, title: Frontend Engineer, unit: search, units: [frontend, solo]}
  - {id: e, title: Frontend Engineer, units: [mixed]}
"""


def test_t005_exact_findings():
    # backend: a and b in Checkout, its lead in no squad (left out); frontend spans two squads;
    # solo has one member; mixed has e, who is in no squad.
    assert findings(CHAPTERS, select=["T005"]) == [("T005", "units.backend")]
    assert messages(CHAPTERS, select=["T005"]) == [
        "both members of chapter Backend belong to squad Checkout: a chapter should gather one craft across several squads"
    ]


def test_t005_a_lead_in_another_squad_counts():
    text = CHAPTERS.replace("Manager}", "Manager, unit: search}")
    assert findings(text, select=["T005"]) == []


def test_t005_people_in_several_squads_share_one():
    text = """
    orglint: 1
    units:
      - {id: s1, name: One, type: squad}
      - {id: s2, name: Two, type: squad}
      - {id: ch, name: QA, type: chapter}
    people:
      - {id: a, unit: s1, units: [s2, ch]}
      - {id: b, unit: s2, units: [ch]}
    """
    assert messages(text, select=["T005"]) == [
        "both members of chapter QA belong to squad Two: a chapter should gather one craft across several squads"
    ]


def test_t005_counts_members_in_the_message():
    text = CHAPTERS.replace("Manager}", "Manager, unit: checkout}")
    assert messages(text, select=["T005"])[0].startswith("all 3 members of chapter Backend belong to squad Checkout")


def test_t005_quiet_without_chapters():
    assert findings(CHAPTERS.replace("type: chapter", "type: guild"), select=["T005"]) == []


# --- T006 missing-platform-team ------------------------------------------------------

TEAMS = """
orglint: 1
products:
  - {id: insights, metrics: [NPS]}
units:
  - {id: a, name: Checkout, type: squad}
  - {id: b, name: Search, type: squad}
  - {id: c, name: Reports, products: [insights]}
  - {id: e, name: Billing, products: [insights]}
  - {id: d, name: Finance Ops}
people: []
"""


def test_t006_fires_with_four_product_teams_and_no_platform():
    assert findings(TEAMS, select=["T006"]) == [("T006", "org")]
    [finding] = run(TEAMS, select=["T006"]).rule_findings
    assert finding.message.startswith("4 squads and product teams (Checkout, Search, Reports, Billing) and no platform team")
    assert finding.line == 5  # the first squad


def test_t006_quiet_with_a_platform_or_fewer_teams():
    platform = TEAMS.replace("{id: d, name: Finance Ops}", "{id: d, name: Infra, type: platform}")
    fewer = TEAMS.replace("{id: c, name: Reports, products: [insights]}", "{id: c, name: Reports}")
    assert findings(platform, select=["T006"]) == []
    assert findings(fewer, select=["T006"]) == []


def test_t006_min_teams_option():
    assert findings(TEAMS, select=["T006"], settings=options("T006", min_teams=5)) == []
    fewer = TEAMS.replace("{id: c, name: Reports, products: [insights]}", "{id: c, name: Reports}")
    assert findings(fewer, select=["T006"], settings=options("T006", min_teams=2)) == [("T006", "org")]


# --- T007 ambidextrous-missing-arm ---------------------------------------------------


def test_t007_explore_without_exploit():
    text = """
    orglint: 1
    units:
      - {id: labs, name: Labs, type: explore}
      - {id: ventures, name: Ventures, type: explore}
    people: []
    """
    assert findings(text, select=["T007"]) == [("T007", "units.labs")]
    [finding] = run(text, select=["T007"]).rule_findings
    assert finding.message == (
        "explore unit Labs and 1 other explore unit but no exploit unit: the ambidextrous structure lacks its exploit arm"
    )
    assert [r.message for r in finding.related] == ["explore unit Ventures"]


def test_t007_exploit_without_explore():
    text = """
    orglint: 1
    units:
      - {id: core, name: Core, type: exploit}
    people: []
    """
    assert findings(text, select=["T007"]) == [("T007", "units.core")]
    assert messages(text, select=["T007"]) == [
        "exploit unit Core but no explore unit: the ambidextrous structure lacks its explore arm"
    ]


def test_t007_quiet_with_both_arms_or_neither():
    both = """
    orglint: 1
    units:
      - {id: labs, type: explore}
      - {id: core, type: exploit}
    people: []
    """
    neither = """
    orglint: 1
    units:
      - {id: core, type: department}
    people: []
    """
    assert findings(both, select=["T007"]) == []
    assert findings(neither, select=["T007"]) == []


def test_t007_explore_units_with_the_rest_of_the_company_outside_them_are_not_flagged():
    # The rest of the company is the exploit arm, declared or not (a three-person AI Labs, say).
    text = """
    orglint: 1
    units:
      - {id: labs, name: AI Labs, type: explore, lead: nina}
    people:
      - {id: ada, title: CEO}
      - {id: nina, title: Director of Engineering, reports_to: ada, unit: labs}
      - {id: ml, title: Machine Learning Engineer, reports_to: nina, unit: labs}
      - {id: grace, title: CTO, reports_to: ada}
    """
    assert findings(text, select=["T007"]) == []
    only_explore = text.replace("      - {id: grace, title: CTO, reports_to: ada}\n", "")
    assert findings(only_explore, select=["T007"]) == [("T007", "units.labs")]


def test_t007_is_information():
    text = """
    orglint: 1
    units:
      - {id: core, name: Core, type: exploit}
    people: []
    """
    [finding] = run(text, select=["T007"]).rule_findings
    assert str(finding.severity) == "info"


def test_messages_do_not_repeat_the_unit_kind():
    chart = """
        orglint: 1
        units:
          - {id: fraud, name: Fraud squad, type: squad, lead: em}
          - {id: growth, name: Growth, type: squad, lead: em}
        people:
          - {id: ceo, name: Ada Byron, title: CEO}
          - {id: em, name: Eva Lund, title: Engineering Manager, reports_to: ceo, unit: fraud, units: [growth]}
          - {id: dev, name: Linus Berg, title: Backend Engineer, reports_to: em, unit: fraud}
          - {id: dev2, name: Alan Turing, title: Backend Engineer, reports_to: em, unit: growth}
    """
    assert sorted(messages(chart, select=["T001"])) == [
        "Fraud squad (2 members) lacks a product manager or product owner",
        "squad Growth (2 members) lacks a product manager or product owner",
    ]
