"""L rules: product leadership (L001-L007), and the severity a rule may raise on a finding."""

from __future__ import annotations

import pytest

from helpers import chart, findings, messages, run
from orglint.engine import RunSettings
from orglint.rule import Rule, Severity
from orglint.severity import SeverityPolicy, finding_severity, rule_severity
from orglint.vocabulary import PRODUCT_STRATEGIES, STRATEGIES


def options(code: str, **values) -> RunSettings:
    return RunSettings(options={code: {key.replace("_", "-"): value for key, value in values.items()}})


# --- L001 no-product-leadership-seat -----------------------------------------------------

VP_UNDER_CRO = """
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: ivan, name: Ivan Petrov, title: Chief Revenue Officer, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ivan}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
"""


def test_l001_fires_when_the_head_of_product_reports_to_sales():
    assert findings(VP_UNDER_CRO, select=["L001"]) == [("L001", "org")]
    [finding] = run(VP_UNDER_CRO, select=["L001"]).rule_findings
    assert finding.message == (
        "no head of product reports to Ada Byron (CEO): "
        "Julia Brandt (VP of Product) reports to Ivan Petrov (Chief Revenue Officer)"
    )
    assert finding.severity is Severity.ERROR
    assert finding.line == 2  # the CEO's entry: where the seat is missing
    assert [(r.message, r.line) for r in finding.related] == [("head of product Julia Brandt", 4)]


def test_l001_dotted_line_to_the_ceo_is_not_a_seat():
    text = VP_UNDER_CRO.replace("reports_to: ivan}", "reports_to: ivan, dotted_to: [ada]}")
    assert messages(text, select=["L001"]) == [
        "no head of product reports to Ada Byron (CEO): Julia Brandt (VP of Product) reports to "
        "Ivan Petrov (Chief Revenue Officer), with only a dotted line to the CEO"
    ]


def test_l001_quiet_when_the_cpo_reports_to_the_ceo():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: julia, name: Julia Brandt, title: Chief Product Officer, reports_to: ada}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
    """
    assert findings(text, select=["L001"]) == []


def test_l001_fires_when_nobody_leads_product():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
      - {id: omar, name: Omar Haddad, title: Product Owner, reports_to: ada}
    """
    assert messages(text, select=["L001"]) == [
        "2 people work in the product function and nobody leads it: no head of product reports to Ada Byron (CEO) "
        "(2 of them report to the CEO directly)"
    ]


def test_l001_first_product_hire_reporting_to_the_ceo_holds_the_seat():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO & Co-founder}
      - {id: grace, name: Grace Hopper, title: CTO & Co-founder, reports_to: ada}
      - {id: martin, name: Martin Rocha, title: Product Manager, reports_to: ada}
    """
    assert findings(text, select=["L001"]) == []
    under_cto = text.replace("Product Manager, reports_to: ada", "Product Manager, reports_to: grace")
    assert messages(under_cto, select=["L001"]) == [
        "1 person works in the product function and nobody leads it: no head of product reports to Ada Byron (CEO & Co-founder)"
    ]


def test_l001_one_head_at_the_table_is_enough():
    text = VP_UNDER_CRO + "  - {id: bob, name: Bob Stone, title: Chief Product Officer, reports_to: ada}\n"
    assert findings(text, select=["L001"]) == []


def test_l001_leaves_the_ceo_as_head_to_r001_and_no_product_to_l002():
    ceo_is_cpo = """
    people:
      - {id: ada, name: Ada Byron, title: CEO & CPO}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
    """
    assert findings(ceo_is_cpo, select=["L001", "R001"]) == [("R001", "people.ada")]
    no_product = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
    """
    assert findings(no_product, select=["L001"]) == []


def test_l001_judges_the_real_head_when_the_ceo_is_a_nominal_unit_lead():
    text = """
    units:
      - {id: product, name: Product, type: department, function: product, lead: ada}
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ivan, unit: product}
    """
    # L003 names the misplaced head; the missing seat (L001) is the same root cause, folded into it.
    [finding] = run(text, select=["L001", "R001", "L003"]).rule_findings
    assert (finding.code, finding.subject) == ("L003", "people.julia")
    assert finding.related[-1].message.startswith("L001 folded in: no head of product reports to Ada Byron (CEO)")
    assert findings(text, select=["L001", "R001"]) == [("L001", "org")]


def test_l001_quiet_without_a_ceo():
    text = """
    people:
      - {id: ivan, name: Ivan Petrov, title: VP Sales}
      - {id: grace, name: Grace Hopper, title: CTO}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ivan}
    """
    assert findings(text, select=["L001"]) == []


# --- L002 no-product-management ----------------------------------------------------------


def staff(engineers: int, *extra: str) -> str:
    lines = [
        "people:",
        "  - {id: ada, name: Ada Byron, title: CEO}",
        "  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}",
    ]
    lines += [f"  - {{id: e{i}, title: Software Engineer, reports_to: grace}}" for i in range(engineers)]
    lines += [f"  - {line}" for line in extra]
    return "\n".join(lines) + "\n"


def test_l002_fires_at_the_headcount():
    text = staff(11, "{id: ivan, title: VP Sales, reports_to: ada}", "{id: mia, title: Account Executive, reports_to: ivan}")
    assert findings(text, select=["L002"]) == [("L002", "org")]
    [finding] = run(text, select=["L002"]).rule_findings
    assert finding.message == (
        "15 people and nobody in the product function: no product manager, product owner or head of product "
        "(largest functions: engineering 12, sales 2)"
    )
    assert finding.line == 2  # the CEO
    assert finding.severity is Severity.WARNING


def test_l002_quiet_below_the_headcount_or_with_one_product_manager():
    assert findings(staff(12), select=["L002"]) == []  # 14 people
    text = staff(12, "{id: priya, title: Product Manager, reports_to: ada}")
    assert findings(text, select=["L002"]) == []  # 15 people, one in product


def test_l002_min_headcount_option():
    assert findings(staff(3), select=["L002"], settings=options("L002", min_headcount=5)) == [("L002", "org")]
    assert findings(staff(3), select=["L002"], settings=options("L002", min_headcount=6)) == []


def test_l002_quiet_when_nobody_s_function_can_be_told():
    text = "people:\n  - {id: ada}\n" + "".join(f"  - {{id: u{i}, reports_to: ada}}\n" for i in range(20))
    assert findings(text, select=["L002"]) == []


def test_l002_product_unit_member_without_role_counts_as_product():
    text = staff(13, "{id: sam, name: Sam Lee, unit: product, reports_to: ada}")
    text = "units:\n  - {id: product, function: product}\n" + text
    assert findings(text, select=["L002"]) == []


# --- L003 product-under-sales ------------------------------------------------------------


def with_strategy(text: str, strategy: str | None) -> str:
    text = chart(text)
    return text if strategy is None else f"org:\n  name: Acme\n  strategy: {strategy}\n" + text


def test_l003_fires_on_head_of_product_under_the_cro():
    assert findings(VP_UNDER_CRO, select=["L003"]) == [("L003", "people.julia")]
    [finding] = run(VP_UNDER_CRO, select=["L003"]).rule_findings
    assert finding.message == (
        "Julia Brandt (VP of Product) reports to Ivan Petrov (Chief Revenue Officer), a sales leader, not to the CEO, Ada Byron"
    )
    assert finding.severity is Severity.WARNING
    assert finding.line == 4
    assert [r.message for r in finding.related] == ["a sales leader in the chain of command", "the CEO"]


@pytest.mark.parametrize("strategy", sorted(PRODUCT_STRATEGIES - {"product-oriented"}))
def test_l003_is_an_error_under_a_product_strategy(strategy):
    [finding] = run(with_strategy(VP_UNDER_CRO, strategy), select=["L003"]).rule_findings
    assert finding.severity is Severity.ERROR
    assert finding.message.endswith(f"not to the CEO, Ada Byron; the org's strategy is {strategy}")


@pytest.mark.parametrize(
    "strategy", [None, "product-oriented"] + sorted(set(STRATEGIES) - set(PRODUCT_STRATEGIES) - {"sales-led"})
)
def test_l003_stays_a_warning_otherwise(strategy):
    # product-oriented is a service company using product methods, "in no means product centric or
    # product led" (article 002): product under sales does not contradict it.
    [finding] = run(with_strategy(VP_UNDER_CRO, strategy), select=["L003"]).rule_findings
    assert finding.severity is Severity.WARNING
    assert "the org's strategy" not in finding.message


def test_l003_is_information_under_a_declared_sales_led_strategy():
    # Article 002: sales-led "is totally fine and in no means something bad".
    [finding] = run(with_strategy(VP_UNDER_CRO, "sales-led"), select=["L003"]).rule_findings
    assert finding.severity is Severity.INFO


@pytest.mark.parametrize("override", [Severity.WARNING, Severity.INFO])
def test_l003_users_explicit_severity_wins_over_the_raise(override):
    settings = RunSettings(severity=SeverityPolicy(explicit={"L003": override}))
    [finding] = run(with_strategy(VP_UNDER_CRO, "product-led"), select=["L003"], settings=settings).rule_findings
    assert finding.severity is override


def test_l003_quiet_when_head_of_product_reports_to_the_coo():
    text = VP_UNDER_CRO.replace("title: Chief Revenue Officer", "title: Chief Operating Officer")
    assert findings(text, select=["L003"]) == []


def test_l003_names_a_sales_leader_further_up_the_chain():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
      - {id: otto, name: Otto Weber, title: Chief of Staff, reports_to: ivan}
      - {id: julia, name: Julia Brandt, title: Head of Product, reports_to: otto}
    """
    assert messages(text, select=["L003"]) == [
        "Julia Brandt (Head of Product)'s chain of command passes through Ivan Petrov (VP Sales), a sales leader, "
        "before the CEO, Ada Byron"
    ]


def test_l003_sales_unit_lead_counts_as_sales_leader():
    text = """
    units:
      - {id: revenue, name: Revenue, type: department, function: sales, lead: otto}
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: otto, name: Otto Weber, title: Chief Operating Officer, reports_to: ada}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: otto}
    """
    assert findings(text, select=["L003"]) == [("L003", "people.julia")]


def test_l003_checks_each_pm_and_po_when_there_is_no_head_of_product():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ivan}
      - {id: omar, name: Omar Haddad, title: Product Owner, reports_to: priya}
      - {id: lena, name: Lena Fischer, title: Product Manager, reports_to: ada}
    """
    # One root cause (no head of product), one finding: on the first in file order, the others related.
    [finding] = run(text, select=["L003"]).rule_findings
    assert (finding.code, finding.subject) == ("L003", "people.priya")
    assert finding.message == (
        "Priya Nair (Product Manager) reports to Ivan Petrov (VP Sales), a sales leader, not to the CEO, "
        "Ada Byron, and the org has no head of product (1 more product person is under a sales leader: Omar Haddad)"
    )
    assert [related.message for related in finding.related] == [
        "a sales leader in the chain of command",
        "also under Ivan Petrov, a sales leader",
        "the CEO",
    ]


def test_l003_pms_under_sales_are_l006_when_a_head_exists():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
      - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
      - {id: lena, name: Lena Fischer, title: Product Manager, reports_to: ivan}
    """
    assert findings(text, select=["L003", "L006"]) == [("L006", "people.lena")]


def test_l003_stops_before_the_ceo_and_ignores_dotted_lines():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO & Head of Sales}
      - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada, dotted_to: [ivan]}
    """
    assert findings(text, select=["L003"]) == []


def test_l003_when_the_ceo_leads_sales_everyone_is_below_a_sales_leader():
    # has_leader_above is true for everyone; the walk must still stop at the CEO.
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO & Head of Sales}
      - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
      - {id: omar, name: Omar Haddad, title: Product Owner, reports_to: priya}
      - {id: lena, name: Lena Fischer, title: Product Manager, reports_to: ivan}
    """
    assert findings(text, select=["L003"]) == [("L003", "people.lena")]


def test_l003_many_product_managers_in_a_deep_chain_stay_fast():
    # No head of product, 3,000 PMs in one chain under a VP Sales: memoized walks keep it linear.
    lines = ["people:", "  - {id: ada, title: CEO}", "  - {id: ivan, title: VP Sales, reports_to: ada}"]
    manager = "ivan"
    for index in range(3000):
        lines.append(f"  - {{id: p{index}, title: Product Manager, reports_to: {manager}}}")
        manager = f"p{index}"
    result = run("\n".join(lines) + "\n", select=["L003"])
    [finding] = result.rule_findings  # one root cause: no head of product
    assert finding.subject == "people.p0" and finding.related[0].line == 3  # names ivan
    assert finding.message.endswith(
        "(2999 more product people are under a sales leader: p1, p2, p3, p4, p5, p6, p7, p8, p9, p10 and 2989 more)"
    )


# --- L004 product-under-marketing --------------------------------------------------------


def test_l004_fires_on_head_of_product_under_the_cmo():
    text = """
    org:
      name: Acme
      strategy: product-led
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: carmen, name: Carmen Diaz, title: CMO, reports_to: ada}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: carmen}
    """
    [finding] = run(text, select=["L004"]).rule_findings
    assert (finding.code, finding.subject) == ("L004", "people.julia")
    assert finding.message == (
        "Julia Brandt (VP of Product) reports to Carmen Diaz (CMO), a marketing leader, not to the CEO, Ada Byron"
    )
    assert finding.severity is Severity.WARNING  # only L003 is raised by a product strategy


def test_l004_quiet_when_marketing_and_product_are_peers():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: carmen, name: Carmen Diaz, title: CMO, reports_to: ada}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
      - {id: pia, name: Pia Lund, title: Product Marketing Manager, reports_to: carmen}
    """
    assert findings(text, select=["L004"]) == []


def test_l004_checks_product_managers_without_a_head():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: carmen, name: Carmen Diaz, title: Head of Marketing, reports_to: ada}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: carmen}
    """
    assert findings(text, select=["L004"]) == [("L004", "people.priya")]


# --- L005 product-under-engineering ------------------------------------------------------


def test_l005_fires_on_head_of_product_under_the_cto():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
      - {id: julia, name: Julia Brandt, title: Head of Product, reports_to: grace}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
    """
    assert findings(text, select=["L005"]) == [("L005", "people.julia")]
    assert messages(text, select=["L005"]) == [
        "Julia Brandt (Head of Product) reports to Grace Hopper (CTO), an engineering leader, not to the CEO, Ada Byron"
    ]


def test_l005_quiet_on_a_merged_product_and_engineering_leader():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: grace, name: Grace Hopper, title: VP Product & Engineering, reports_to: ada}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: grace}
    """
    assert findings(text, select=["L005", "R004"]) == [("R004", "people.grace")]


def test_l005_product_owners_embedded_in_rnd_are_not_flagged():
    # Article 001: "R&D should have their product owner(s)".
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
      - {id: em, name: Eva Marsh, title: Engineering Manager, reports_to: grace}
      - {id: po1, name: Omar Haddad, title: Product Owner, reports_to: em}
      - {id: po2, name: Pia Lund, title: Product Owner, reports_to: em}
    """
    assert findings(text, select=["L005"]) == []
    # A product manager there is misplaced: one finding, the product owners are not named.
    text = text.rstrip() + "\n      - {id: pm, name: Priya Nair, title: Product Manager, reports_to: grace}\n"
    [finding] = run(text, select=["L005"]).rule_findings
    assert finding.subject == "people.pm" and "more product" not in finding.message


def test_l005_three_pms_under_the_vp_engineering_are_one_finding_that_folds_l001_and_f001():
    text = """
    org:
      name: Acme
    units:
      - {id: rnd, name: R&D, type: department, function: engineering, lead: grace}
      - {id: mkt, name: Marketing, type: department, function: marketing, lead: mia}
      - {id: sales, name: Sales, type: department, function: sales, lead: ivan}
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: grace, name: Grace Hopper, title: VP Engineering, reports_to: ada, unit: rnd}
      - {id: p1, name: Priya Nair, title: Product Manager, reports_to: grace, unit: rnd}
      - {id: p2, name: Lena Fischer, title: Product Manager, reports_to: grace, unit: rnd}
      - {id: p3, name: Omar Haddad, title: Product Manager, reports_to: grace, unit: rnd}
      - {id: mia, name: Mia Wong, title: VP Marketing, reports_to: ada, unit: mkt}
      - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada, unit: sales}
    """
    assert findings(text, select=["F001"]) == [("F001", "org")]
    assert findings(text, select=["L001"]) == [("L001", "org")]
    [finding] = run(text, select=["L001", "F001", "L005"]).rule_findings
    assert (finding.code, finding.subject) == ("L005", "people.p1")
    folded = [related.message.split(":")[0] for related in finding.related if "folded in" in related.message]
    assert sorted(folded) == ["F001 folded in", "L001 folded in"]


def test_l005_is_information_under_a_declared_technology_driven_strategy():
    text = """
    org:
      strategy: technology-driven
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
      - {id: julia, name: Julia Brandt, title: Head of Product, reports_to: grace}
    """
    [finding] = run(text, select=["L005"]).rule_findings
    assert finding.severity is Severity.INFO
    assert run(text.replace("technology-driven", "product-led"), select=["L005"]).rule_findings[0].severity is Severity.WARNING


# --- L006 scattered-product-managers -----------------------------------------------------

SCATTERED = """
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: Chief Product Officer, reports_to: ada}
  - {id: gpm, name: Gus Pratt, title: Group Product Manager, reports_to: julia}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: gpm}
  - {id: ivan, name: Ivan Petrov, title: Chief Revenue Officer, reports_to: ada}
  - {id: lena, name: Lena Fischer, title: Product Manager, reports_to: ivan}
"""


def test_l006_fires_on_pm_under_the_cro_not_under_the_cpo():
    assert findings(SCATTERED, select=["L006"]) == [("L006", "people.lena")]
    [finding] = run(SCATTERED, select=["L006"]).rule_findings
    assert finding.message == (
        "Lena Fischer (Product Manager) reports to Ivan Petrov (Chief Revenue Officer), "
        "outside the product function led by Julia Brandt (Chief Product Officer)"
    )
    assert finding.line == 7
    assert [(r.message, r.line) for r in finding.related] == [("head of product", 3)]


def test_l006_a_team_of_product_managers_outside_product_is_one_finding():
    # GitLab's growth team: a principal PM under the CMO with two PMs under them. Moving the
    # principal's line fixes the team, so the team is one finding, its members related notes.
    text = SCATTERED + (
        "  - {id: noor, name: Noor Aziz, title: Senior Product Manager, reports_to: lena}\n"
        "  - {id: tomas, name: Tomas Ruiz, title: Product Manager, reports_to: lena}\n"
        "  - {id: ines, name: Ines Duarte, title: Sales Operations Analyst, reports_to: ivan}\n"
        "  - {id: kofi, name: Kofi Mensah, title: Product Manager, reports_to: ines}\n"
    )
    assert findings(text, select=["L006"]) == [("L006", "people.kofi"), ("L006", "people.lena")]
    [lena] = [f for f in run(text, select=["L006"]).rule_findings if f.subject == "people.lena"]
    assert lena.message.endswith("with 2 product managers under them")
    assert [r.message for r in lena.related] == [
        "head of product",
        "product manager in the same team",
        "product manager in the same team",
    ]
    # Once the team's lead moves under product, nobody in it is scattered.
    moved = text.replace("title: Product Manager, reports_to: ivan}", "title: Product Manager, reports_to: julia}")
    assert findings(moved, select=["L006"]) == [("L006", "people.kofi")]


def test_l006_a_dotted_line_to_product_leadership_counts():
    text = SCATTERED.replace("reports_to: ivan}", "reports_to: ivan, dotted_to: [julia]}")
    assert findings(text, select=["L006"]) == []
    # ... but a dotted line to someone who is not a product leader does not.
    text = SCATTERED.replace("reports_to: ivan}", "reports_to: ivan, dotted_to: [ada]}")
    assert findings(text, select=["L006"]) == [("L006", "people.lena")]


def test_l006_product_owners_embedded_in_rnd_are_not_scattered():
    text = SCATTERED + (
        "  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}\n"
        "  - {id: em, name: Eva Marsh, title: Engineering Manager, reports_to: grace}\n"
        "  - {id: po, name: Omar Haddad, title: Product Owner, reports_to: em}\n"
        "  - {id: pmpo, name: Pia Lund, title: Product Manager / Product Owner, reports_to: em}\n"
    )
    # The product owner is R&D's liaison (article 001); a product manager there is not.
    assert findings(text, select=["L006"]) == [("L006", "people.lena"), ("L006", "people.pmpo")]


EXPLORE = """
units:
  - {id: ventures, name: New Ventures, type: explore, lead: stella}
  - {id: pilot, name: Hydrogen pilot, parent: ventures}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: Chief Product Officer, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: stella, name: Stella Meyer, title: VP New Ventures, reports_to: ada}
  - {id: gideon, name: Gideon Wolf, title: Product Manager, reports_to: stella}
  - {id: seun, name: Seun Rich, title: Product Manager, reports_to: ada, unit: pilot}
"""


def test_l006_the_explore_arm_is_not_scattered():
    # Article 003: the dual structure's explore arm is separate on purpose. Its PMs are found by the
    # chain of command (gideon, under the explore unit's lead) or by their unit (seun, in a unit inside it).
    assert findings(EXPLORE, select=["L006"]) == []
    undeclared = EXPLORE.replace("type: explore", "type: team")
    assert findings(undeclared, select=["L006"]) == [("L006", "people.gideon"), ("L006", "people.seun")]


def test_l006_quiet_when_the_pm_moves_under_product():
    text = SCATTERED.replace("title: Product Manager, reports_to: ivan}", "title: Product Manager, reports_to: julia}")
    assert findings(text, select=["L006"]) == []


def test_l006_quiet_without_any_head_of_product():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
      - {id: lena, name: Lena Fischer, title: Product Manager, reports_to: ivan}
    """
    assert findings(text, select=["L006"]) == []


def test_l006_with_several_heads_any_head_in_the_chain_is_enough():
    text = SCATTERED + "  - {id: hop, name: Hal Ode, title: Head of Product, reports_to: ivan}\n"
    text = text.replace("title: Product Manager, reports_to: ivan}", "title: Product Manager, reports_to: hop}")
    text += "  - {id: omar, name: Omar Haddad, title: Product Owner, reports_to: ada}\n"
    assert findings(text, select=["L006", "L003"]) == [("L003", "people.hop"), ("L006", "people.omar")]
    assert messages(text, select=["L006"]) == [
        "Omar Haddad (Product Owner) reports to Ada Byron (CEO), outside the product function led by "
        "Julia Brandt (Chief Product Officer) and 1 other head of product"
    ]


def test_l006_pm_reporting_to_a_ceo_who_leads_product_is_not_scattered():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO & CPO}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
      - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
      - {id: lena, name: Lena Fischer, title: Product Manager, reports_to: grace}
    """
    assert findings(text, select=["L006"]) == [("L006", "people.lena")]


# --- L007 pm-as-mini-ceo -----------------------------------------------------------------


def pm_with_reports(*titles: str, pm_title: str = "Product Manager") -> str:
    lines = [
        "people:",
        "  - {id: ada, name: Ada Byron, title: CEO}",
        "  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}",
        f"  - {{id: priya, name: Priya Nair, title: {pm_title}, reports_to: julia}}",
    ]
    lines += [f"  - {{id: r{i}, title: {title}, reports_to: priya}}" for i, title in enumerate(titles)]
    return "\n".join(lines) + "\n"


def test_l007_fires_on_four_reports_outside_product():
    text = pm_with_reports("Software Engineer", "Backend Engineer", "Product Designer", "Marketing Manager")
    assert findings(text, select=["L007"]) == [("L007", "people.priya")]
    [finding] = run(text, select=["L007"]).rule_findings
    assert finding.message == (
        "Priya Nair (Product Manager) manages 4 people outside the product function (2 engineering, 1 design, 1 marketing); max 3"
    )
    assert finding.severity is Severity.INFO
    assert finding.line == 4


def test_l007_quiet_on_three_reports_outside_product():
    text = pm_with_reports("Software Engineer", "Backend Engineer", "Product Designer")
    assert findings(text, select=["L007"]) == []


def test_l007_product_reports_and_unknown_functions_are_not_counted():
    text = pm_with_reports("Software Engineer", "Backend Engineer", "Product Designer", "Product Owner", "Associate PM")
    text += "  - {id: x1, name: Xu Li, reports_to: priya}\n"
    assert findings(text, select=["L007"]) == []


def test_l007_max_option():
    text = pm_with_reports("Software Engineer", "Backend Engineer")
    assert findings(text, select=["L007"], settings=options("L007", max=1)) == [("L007", "people.priya")]
    assert findings(text, select=["L007"], settings=options("L007", max=2)) == []
    assert findings(pm_with_reports("QA Engineer"), select=["L007"], settings=options("L007", max=0)) == [
        ("L007", "people.priya")
    ]


def test_l007_product_leaders_may_run_other_teams():
    titles = ("Product Marketing Manager", "Program Manager", "Technical Writer", "Customer Success Manager")
    assert findings(pm_with_reports(*titles, pm_title="Director of Product Management"), select=["L007"]) == []
    head = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
      - {id: a, title: Product Marketing Manager, reports_to: julia}
      - {id: b, title: Program Manager, reports_to: julia}
      - {id: c, title: Technical Writer, reports_to: julia}
      - {id: d, title: Customer Success Manager, reports_to: julia}
    """
    assert findings(head, select=["L007"]) == []


def test_l007_pm_leading_a_squad_is_still_a_product_manager():
    # (A group product manager manages product managers: the title reads as a product leader.)
    text = pm_with_reports(
        "Software Engineer", "Software Engineer", "Frontend Engineer", "QA Engineer", pm_title="Senior Product Manager"
    )
    text = "units:\n  - {id: squad, type: squad, function: product, lead: priya}\n" + text
    assert findings(text, select=["L007"]) == [("L007", "people.priya")]


def test_l007_head_of_product_by_unit_lead_is_not_flagged():
    # Priya leads the product department and nobody leads product above her: she is the head.
    text = """
    units:
      - {id: product, type: department, function: product, lead: priya}
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
      - {id: a, title: Software Engineer, reports_to: priya}
      - {id: b, title: Software Engineer, reports_to: priya}
      - {id: c, title: Software Engineer, reports_to: priya}
      - {id: d, title: Software Engineer, reports_to: priya}
    """
    assert findings(text, select=["L007"]) == []


# --- the severity a finding may ask for (engine) -----------------------------------------


def _rule(severity: str) -> Rule:
    return Rule(code="Z001", name="z", severity=Severity.parse(severity), check=lambda org, options: iter(()))


def test_finding_severity_raises_never_lowers_and_the_users_word_wins():
    plain = SeverityPolicy()
    assert finding_severity(_rule("warning"), "org", None, None, plain) is Severity.WARNING
    assert finding_severity(_rule("warning"), "org", Severity.ERROR, None, plain) is Severity.ERROR
    assert finding_severity(_rule("error"), "org", Severity.INFO, None, plain) is Severity.ERROR
    explicit = SeverityPolicy(explicit={"Z001": Severity.INFO})
    assert finding_severity(_rule("info"), "org", Severity.ERROR, None, explicit) is Severity.INFO
    assert finding_severity(_rule("info"), "org", None, None, SeverityPolicy(explicit={"Z001": Severity.ERROR})) is Severity.ERROR
    strict = SeverityPolicy(floors={"Z001": Severity.WARNING})
    assert finding_severity(_rule("info"), "org", None, None, strict) is Severity.WARNING
    scoped = SeverityPolicy(
        explicit={"Z001": Severity.ERROR},
        floors={"Z001": Severity.WARNING},
        scoped=lambda code, subject: Severity.INFO if subject == "people.a" else None,
    )
    assert finding_severity(_rule("info"), "people.a", None, None, scoped) is Severity.INFO  # an override entry wins
    assert finding_severity(_rule("info"), "people.b", None, None, scoped) is Severity.ERROR
    assert rule_severity(_rule("info"), strict) is Severity.WARNING


def test_l006_product_managers_inside_business_units_are_in_place():
    chart = """
        orglint: 1
        products:
          - {id: insights, name: Insights, owner: pia, metrics: [NPS]}
          - {id: pulse, name: Pulse, owner: paul, metrics: [MAU]}
        units:
          - {id: insights-bu, name: Insights, type: business-unit, lead: gm1, products: [insights]}
          - {id: pulse-bu, name: Pulse, type: business-unit, lead: gm2, products: [pulse]}
        people:
          - {id: ceo, name: Ada Byron, title: CEO}
          - {id: cpo, name: Julia Brandt, title: Chief Product Officer, reports_to: ceo}
          - {id: gm1, name: Omar Haddad, title: General Manager, reports_to: ceo, unit: insights-bu}
          - {id: gm2, name: Lin Chen, title: General Manager, reports_to: ceo, unit: pulse-bu}
          - {id: pia, name: Pia Lund, title: Product Manager, reports_to: gm1, dotted_to: [cpo]}
          - {id: paul, name: Paul Dubois, title: Product Manager, reports_to: gm2, dotted_to: [cpo]}
          - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ceo}
          - {id: lena, name: Lena Fischer, title: Product Manager, reports_to: ivan}
    """
    # The PMs under the business-unit heads are in place; the one under sales is not.
    assert findings(chart, select=["L006"]) == [("L006", "people.lena")]


def test_l001_product_owners_embedded_in_rnd_are_not_a_leaderless_product_team():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
      - {id: em, name: Eva Marsh, title: Engineering Manager, reports_to: grace}
      - {id: po1, name: Omar Haddad, title: Product Owner, reports_to: em}
      - {id: po2, name: Pia Lund, title: Product Owner, reports_to: em}
    """
    assert findings(text, select=["L001"]) == []
    # Two product managers with nobody leading them are.
    text = text.replace("title: Product Owner", "title: Product Manager")
    assert findings(text, select=["L001"]) == [("L001", "org")]


def test_l001_the_explore_arm_does_not_count_as_the_leaderless_product_team():
    text = EXPLORE.replace("  - {id: julia, name: Julia Brandt, title: Chief Product Officer, reports_to: ada}\n", "")
    text = text.replace("title: Product Manager, reports_to: julia}", "title: Product Manager, reports_to: stella, unit: pilot}")
    assert findings(text, select=["L001"]) == []


@pytest.mark.parametrize(
    "strategy, severity", [(None, "error"), ("product-led", "error"), ("sales-led", "info"), ("technology-driven", "info")]
)
def test_l001_severity_by_strategy(strategy, severity):
    [finding] = run(with_strategy(VP_UNDER_CRO, strategy), select=["L001"]).rule_findings
    assert str(finding.severity) == severity
