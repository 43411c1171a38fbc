"""F rules: the five departments and their product liaisons (F001-F005)."""

from __future__ import annotations

import pytest

from helpers import findings, messages, run
from orglint.engine import RunSettings


def options(code: str, **values) -> RunSettings:
    return RunSettings(options={code: {key.replace("_", "-"): value for key, value in values.items()}})


# --- F001 missing-product-department -------------------------------------------------

FOUR_DEPARTMENTS = """
orglint: 1
org:
  name: Acme
units:
  - {id: rnd, name: R&D, type: department, function: engineering}
  - {id: mkt, name: Marketing, function: marketing}
  - {id: sales, name: Sales, type: department, function: sales}
  - {id: support, name: Support, type: department, function: support}
people:
  - {id: ada, name: Ada Byron, title: CEO}
"""


def test_f001_fires_with_four_classic_departments_and_no_product_unit():
    assert findings(FOUR_DEPARTMENTS, select=["F001"]) == [("F001", "org")]


def test_f001_message_lists_the_departments_and_points_at_the_first():
    result = run(FOUR_DEPARTMENTS, select=["F001"])
    [finding] = result.rule_findings
    assert finding.message.startswith(
        "Acme has departments for engineering (R&D), marketing (Marketing), sales (Sales) and support (Support) "
        "but none for product management"
    )
    assert (finding.line, finding.column) == (5, 5)  # the R&D unit
    assert [r.message for r in finding.related] == [
        "marketing department Marketing",
        "sales department Sales",
        "support department Support",
    ]


def test_f001_fires_with_three_of_four():
    text = FOUR_DEPARTMENTS.replace("  - {id: support, name: Support, type: department, function: support}\n", "")
    assert findings(text, select=["F001"]) == [("F001", "org")]


def test_f001_quiet_with_two_of_four():
    text = FOUR_DEPARTMENTS.replace("  - {id: support, name: Support, type: department, function: support}\n", "")
    text = text.replace("  - {id: mkt, name: Marketing, function: marketing}\n", "")
    assert findings(text, select=["F001"]) == []


def test_f001_quiet_with_a_product_department_or_team():
    department = FOUR_DEPARTMENTS.replace("people:", "  - {id: pm, name: Product, type: department, function: product}\npeople:")
    team = FOUR_DEPARTMENTS.replace("people:", "  - {id: pm, name: Product, function: product}\npeople:")
    assert findings(department, select=["F001"]) == []
    assert findings(team, select=["F001"]) == []


def test_f001_a_product_guild_or_chapter_is_not_a_department():
    guild = FOUR_DEPARTMENTS.replace("people:", "  - {id: pm, name: PM Guild, type: guild, function: product}\npeople:")
    chapter = FOUR_DEPARTMENTS.replace("people:", "  - {id: pm, name: PM Chapter, type: chapter, function: product}\npeople:")
    assert findings(guild, select=["F001"]) == [("F001", "org")]
    assert findings(chapter, select=["F001"]) == [("F001", "org")]


def test_f001_squads_with_a_function_are_not_departments():
    text = """
    orglint: 1
    units:
      - {id: a, type: squad, function: engineering}
      - {id: b, type: tribe, function: marketing}
      - {id: c, type: guild, function: sales}
      - {id: d, type: platform, function: support}
    people:
      - {id: ada, title: CEO}
    """
    assert findings(text, select=["F001"]) == []


def test_f001_several_units_of_one_function_count_once():
    text = """
    orglint: 1
    units:
      - {id: be, type: department, function: engineering}
      - {id: fe, type: department, function: engineering}
      - {id: infra, type: team, function: engineering}
      - {id: mkt, type: department, function: marketing}
    people:
      - {id: ada, title: CEO}
    """
    assert findings(text, select=["F001"]) == []


def test_f001_without_org_name():
    text = FOUR_DEPARTMENTS.replace("org:\n  name: Acme\n", "")
    assert messages(text, select=["F001"])[0].startswith("The org has departments for engineering (R&D)")


# --- F002 rnd-without-product-owner --------------------------------------------------

# Nine people outside engineering: F002 waits, as L002 does, for a company of 15 people.
SALES_TEAM = "".join(f"  - {{id: s{n}, name: Seller {n}, title: Account Executive, reports_to: ada}}\n" for n in range(1, 10))

ENGINEERING = (
    """
orglint: 1
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: e1, name: Linus Berg, title: Software Engineer, reports_to: grace}
  - {id: e2, name: Alan Turing, title: Backend Engineer, reports_to: grace}
  - {id: e3, name: Edsger Dijkstra, title: Frontend Engineer, reports_to: grace}
  - {id: e4, name: Barbara Liskov, title: QA Engineer, reports_to: grace}
"""
    + SALES_TEAM
)


def test_f002_fires_on_five_engineers_without_product_owner():
    assert findings(ENGINEERING, select=["F002"]) == [("F002", "org")]


def test_f002_message_and_location():
    [finding] = run(ENGINEERING, select=["F002"]).rule_findings
    assert finding.message.startswith(
        "engineering has 5 people (led by Grace Hopper (CTO)) "
        "and nobody in the org is a product owner, product manager or product leader"
    )
    assert finding.line == 4  # the CTO, head of engineering


def test_f002_quiet_below_the_threshold():
    text = ENGINEERING.replace("  - {id: e4, name: Barbara Liskov, title: QA Engineer, reports_to: grace}\n", "")
    assert findings(text, select=["F002"]) == []


def test_f002_quiet_in_a_company_below_min_headcount():
    # 14 people: the founders still carry the product decisions (the same threshold as L002).
    text = ENGINEERING.replace("  - {id: s9, name: Seller 9, title: Account Executive, reports_to: ada}\n", "")
    assert findings(text, select=["F002"]) == []
    assert findings(text, select=["F002"], settings=options("F002", min_headcount=14)) == [("F002", "org")]


def test_f002_min_engineers_option():
    text = ENGINEERING.replace("  - {id: e4, name: Barbara Liskov, title: QA Engineer, reports_to: grace}\n", "")
    assert findings(
        text + "  - {id: s10, name: Seller 10, title: Account Executive, reports_to: ada}\n",
        select=["F002"],
        settings=options("F002", min_engineers=4),
    ) == [("F002", "org")]
    assert findings(ENGINEERING, select=["F002"], settings=options("F002", min_engineers=6)) == []


def test_f002_quiet_with_a_product_owner_in_rnd():
    text = ENGINEERING + "  - {id: po, name: Priya Nair, title: Product Owner, reports_to: grace}\n"
    assert findings(text, select=["F002"]) == []


def test_f002_quiet_with_a_product_manager_alongside_rnd():
    text = ENGINEERING + "  - {id: pm, name: Priya Nair, title: Product Manager, reports_to: ada}\n"
    assert findings(text, select=["F002"]) == []


def test_f002_quiet_with_a_product_leader_who_is_the_only_product_person():
    # A head of product who is the whole product team does the product owner's job too
    # (article 001: in small organizations one person is both product manager and product owner).
    text = ENGINEERING + "  - {id: cpo, name: Julia Brandt, title: VP of Product, reports_to: ada}\n"
    assert findings(text, select=["F002"]) == []


def test_f002_fires_when_the_product_function_has_no_product_owner_manager_or_leader():
    text = ENGINEERING.replace("orglint: 1\n", "orglint: 1\nunits:\n  - {id: product, function: product}\n") + (
        "  - {id: ux, name: Uma Xu, reports_to: ada, unit: product}\n"
    )
    assert findings(text, select=["F002"]) == [("F002", "org")]


@pytest.mark.parametrize(
    "strategy, severity",
    [
        (None, "warning"),
        ("product-led", "warning"),
        ("technology-driven", "info"),
        ("product-oriented", None),
        ("service-oriented", None),
    ],
)
def test_f002_by_strategy(strategy, severity):
    text = ENGINEERING if strategy is None else ENGINEERING.replace("orglint: 1\n", f"orglint: 1\norg:\n  strategy: {strategy}\n")
    got = [str(finding.severity) for finding in run(text, select=["F002"]).rule_findings]
    assert got == ([severity] if severity else [])


def test_f002_counts_people_without_role_in_an_engineering_unit():
    text = """
    orglint: 1
    units:
      - {id: rnd, type: department, function: engineering}
    people:
      - {id: ada, title: CEO}
      - {id: a, unit: rnd}
      - {id: b, unit: rnd}
      - {id: c, unit: rnd}
      - {id: d, unit: rnd}
      - {id: e, unit: rnd}
    """
    [message] = messages(text, select=["F002"], settings=options("F002", min_headcount=6))
    assert message.startswith("engineering has 5 people and nobody")


# --- F003 marketing-without-pmm ------------------------------------------------------

MARKETING = """
orglint: 1
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: mia, name: Mia Wong, title: VP Marketing, reports_to: ada}
  - {id: m1, name: Noor Haddad, title: Marketing Manager, reports_to: mia}
  - {id: m2, name: Leo Martin, title: Growth Marketer, reports_to: mia}
"""


def test_f003_fires_on_marketing_without_pmm():
    assert findings(MARKETING, select=["F003"]) == [("F003", "org")]
    [message] = messages(MARKETING, select=["F003"])
    assert message.startswith("marketing has 3 people (led by Mia Wong (VP Marketing)) and no product marketing manager")


def test_f003_quiet_with_a_pmm_in_marketing_or_in_product():
    in_marketing = MARKETING + "  - {id: pmm, title: Product Marketing Manager, reports_to: mia}\n"
    in_product = MARKETING + "  - {id: pmm, title: Product Marketing Manager, reports_to: ada}\n"
    assert findings(in_marketing, select=["F003"]) == []
    assert findings(in_product, select=["F003"]) == []


def test_f003_quiet_below_min_size_and_option():
    small = MARKETING.replace("  - {id: m2, name: Leo Martin, title: Growth Marketer, reports_to: mia}\n", "")
    assert findings(small, select=["F003"]) == []
    assert findings(small, select=["F003"], settings=options("F003", min_size=2)) == [("F003", "org")]
    assert findings(MARKETING, select=["F003"], settings=options("F003", min_size=4)) == []


# --- F004 sales-without-presales -----------------------------------------------------

SALES = """
orglint: 1
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
  - {id: s1, name: Kim Larsen, title: Account Executive, reports_to: ivan}
  - {id: s2, name: Omar Ali, title: Account Executive, reports_to: ivan}
"""


def test_f004_fires_on_sales_without_presales():
    assert findings(SALES, select=["F004"]) == [("F004", "org")]
    [message] = messages(SALES, select=["F004"])
    assert message.startswith("sales has 3 people (led by Ivan Petrov (VP Sales)) and no pre-sales engineer")


def test_f004_quiet_with_a_sales_engineer():
    text = SALES + "  - {id: se, name: Ravi Iyer, title: Sales Engineer, reports_to: ivan}\n"
    assert findings(text, select=["F004"]) == []


def test_f004_min_size_option():
    assert findings(SALES, select=["F004"], settings=options("F004", min_size=4)) == []
    text = SALES.replace("  - {id: s2, name: Omar Ali, title: Account Executive, reports_to: ivan}\n", "")
    assert findings(text, select=["F004"]) == []
    assert findings(text, select=["F004"], settings=options("F004", min_size=2)) == [("F004", "org")]


# --- F005 support-without-customer-success -------------------------------------------

SUPPORT = """
orglint: 1
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: sam, name: Sam Okafor, title: Head of Support, reports_to: ada}
  - {id: s1, name: Lena Vogel, title: Support Engineer, reports_to: sam}
  - {id: s2, name: Hugo Costa, title: Support Engineer, reports_to: sam}
"""


def test_f005_fires_on_support_without_customer_success():
    assert findings(SUPPORT, select=["F005"]) == [("F005", "org")]
    [message] = messages(SUPPORT, select=["F005"])
    assert message.startswith("support has 3 people (led by Sam Okafor (Head of Support)) and nobody in customer success")


def test_f005_quiet_with_a_customer_success_manager():
    text = SUPPORT + "  - {id: cs, name: Zoe Laine, title: Customer Success Manager, reports_to: ada}\n"
    assert findings(text, select=["F005"]) == []


def test_f005_quiet_with_someone_in_a_customer_success_unit():
    text = """
    orglint: 1
    units:
      - {id: cs, type: department, function: customer-success}
    people:
      - {id: ada, title: CEO}
      - {id: s1, title: Support Engineer, reports_to: ada}
      - {id: s2, title: Support Engineer, reports_to: ada}
      - {id: s3, title: Support Engineer, reports_to: ada}
      - {id: x, name: Onboarding Lead, reports_to: ada, unit: cs}
    """
    assert findings(text, select=["F005"]) == []


def test_f005_min_size_option():
    assert findings(SUPPORT, select=["F005"], settings=options("F005", min_size=4)) == []
    assert findings(SUPPORT, select=["F005"], settings=options("F005", min_size=1)) == [("F005", "org")]


def test_f_rules_quiet_on_an_empty_chart():
    assert findings("orglint: 1\npeople: []\n", select=["F"]) == []


# --- F001: product leadership inside business units (article 000) -------------------

BUSINESS_UNITS = FOUR_DEPARTMENTS.replace(
    "  - {id: support, name: Support, type: department, function: support}\n",
    "  - {id: support, name: Support, type: department, function: support}\n"
    "  - {id: payroll, name: Payroll, type: business-unit, lead: gm}\n"
    "  - {id: payroll-product, name: Payroll product, parent: payroll}\n",
) + (
    "  - {id: gm, name: Gina Moss, title: General Manager, reports_to: ada, unit: payroll}\n"
    "  - {id: hop, name: Hal Ode, title: Head of Product, reports_to: gm, unit: payroll-product}\n"
    "  - {id: pm, name: Pia Lund, title: Product Manager, reports_to: hop, unit: payroll-product}\n"
)


def test_f001_product_leadership_inside_a_business_unit_is_the_fifth_department():
    assert findings(BUSINESS_UNITS, select=["F001"]) == []
    # Found by the reporting line too, when the head of product's unit is not inside the business unit.
    by_line = BUSINESS_UNITS.replace("unit: payroll-product}\n  - {id: pm", "unit: support}\n  - {id: pm", 1)
    assert findings(by_line, select=["F001"]) == []


def test_f001_product_managers_in_a_business_unit_without_a_product_leader_do_not_count():
    text = BUSINESS_UNITS.replace("title: Head of Product, reports_to: gm", "title: Software Engineer, reports_to: gm")
    assert findings(text, select=["F001"]) == [("F001", "org")]


def test_f001_folds_a_product_owned_outside_product_management():
    # Product owners in R&D, no product management: the missing department is the root cause, and the
    # product the VP Engineering owns is the same one.
    text = FOUR_DEPARTMENTS.replace("units:\n", "products:\n  - {id: app, name: App, owner: vpe, metrics: [NPS]}\nunits:\n") + (
        "  - {id: vpe, name: Vera Pike, title: VP Engineering, reports_to: ada, unit: rnd}\n"
        "  - {id: em, name: Eva Marsh, title: Engineering Manager, reports_to: vpe, unit: rnd}\n"
        "  - {id: po, name: Omar Haddad, title: Product Owner, reports_to: em, unit: rnd}\n"
    )
    assert findings(text, select=["G006"]) == [("G006", "products.app")]
    assert findings(text, select=["F001", "G006", "L001", "L005", "L006"]) == [("F001", "org")]
