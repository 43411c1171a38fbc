"""G rules: strategy and structure fit (G001-G008)."""

from __future__ import annotations

import pytest

from helpers import findings, messages, run

# --- G001 multi-product-without-business-units ---------------------------------------

TWO_PRODUCTS = """
orglint: 1
products:
  - {id: insights, name: Insights, owner: pm1, metrics: [NPS]}
  - {id: pipelines, name: Pipelines, owner: pm2, metrics: [MAU]}
units:
  - {id: product, type: department, function: product}
people:
  - {id: ada, title: CEO}
  - {id: pm1, title: Product Manager, reports_to: ada, unit: product}
  - {id: pm2, title: Product Manager, reports_to: ada, unit: product}
"""


def test_g001_fires_on_two_products_without_business_units():
    assert findings(TWO_PRODUCTS, select=["G001"]) == [("G001", "org")]
    [finding] = run(TWO_PRODUCTS, select=["G001"]).rule_findings
    assert finding.message.startswith("2 products (Insights, Pipelines) and no business unit")
    assert finding.line == 4  # the second product


def test_g001_quiet_with_one_product_or_with_a_business_unit():
    one = TWO_PRODUCTS.replace("  - {id: pipelines, name: Pipelines, owner: pm2, metrics: [MAU]}\n", "")
    with_bu = TWO_PRODUCTS.replace("people:", "  - {id: bu, type: business-unit}\npeople:")
    assert findings(one, select=["G001"]) == []
    assert findings(with_bu, select=["G001"]) == []


def test_g001_long_product_lists_are_abbreviated():
    products = "".join(f"  - {{id: p{i}, name: P{i}, metrics: [NPS]}}\n" for i in range(7))
    text = f"orglint: 1\nproducts:\n{products}people:\n  - {{id: ada, title: CEO}}\n"
    [message] = messages(text, select=["G001"])
    assert message.startswith("7 products (P0, P1, P2, P3, P4 and 2 more) and no business unit")


# --- G002 business-unit-head-not-under-ceo -------------------------------------------

BUS = """
orglint: 1
units:
  - {id: bu-a, name: Insights BU, type: business-unit, lead: bea}
  - {id: bu-b, name: Pipelines BU, type: business-unit, lead: carl}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: otto, name: Otto Weber, title: Chief Operating Officer, reports_to: ada}
  - {id: bea, name: Bea Rossi, title: General Manager, reports_to: ada}
  - {id: carl, name: Carl Jensen, title: General Manager, reports_to: otto}
"""


def test_g002_fires_on_the_business_unit_whose_head_reports_elsewhere():
    assert findings(BUS, select=["G002"]) == [("G002", "units.bu-b")]
    [finding] = run(BUS, select=["G002"]).rule_findings
    assert finding.message == (
        "Carl Jensen (General Manager), head of business unit Pipelines BU, reports to "
        "Otto Weber (Chief Operating Officer), not to the CEO, Ada Byron"
    )
    assert (finding.line, finding.column) == (4, 63)  # the unit's lead field


def test_g002_head_without_manager():
    text = BUS.replace("title: General Manager, reports_to: otto}", "title: General Manager}")
    assert findings(text, select=["G002"]) == [("G002", "units.bu-b")]
    assert "reports to nobody" in messages(text, select=["G002"])[0]


def test_g002_an_unknown_manager_is_left_to_s002():
    text = BUS.replace("title: General Manager, reports_to: otto}", "title: General Manager, reports_to: nobody}")
    assert findings(text, select=["G002"]) == []


def test_g002_quiet_when_heads_report_to_the_ceo():
    text = BUS.replace("reports_to: otto}", "reports_to: ada}")
    assert findings(text, select=["G002"]) == []


def test_g002_quiet_for_unit_without_lead_unknown_lead_or_ceo_lead():
    text = """
    orglint: 1
    units:
      - {id: bu-a, type: business-unit}
      - {id: bu-c, type: business-unit, lead: ada}
      - {id: team, lead: carl}
    people:
      - {id: ada, title: CEO}
      - {id: otto, title: COO, reports_to: ada}
      - {id: carl, title: General Manager, reports_to: otto}
    """
    assert findings(text, select=["G002"]) == []


def test_g002_quiet_without_a_ceo():
    text = """
    orglint: 1
    units:
      - {id: bu-a, type: business-unit, lead: bea}
    people:
      - {id: x, name: Xavier}
      - {id: y, name: Yara}
      - {id: bea, title: General Manager, reports_to: x}
    """
    assert findings(text, select=["G002"]) == []


# --- G003 cto-inside-business-unit ---------------------------------------------------

CTO_IN_BU = """
orglint: 1
units:
  - {id: bu-a, name: Insights BU, type: business-unit, lead: bea}
  - {id: bu-b, name: Pipelines BU, type: business-unit, lead: carl}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bea, name: Bea Rossi, title: General Manager, reports_to: ada}
  - {id: carl, name: Carl Jensen, title: General Manager, reports_to: ada}
  - {id: em, name: Eva Lund, title: Engineering Manager, reports_to: bea}
  - {id: grace, name: Grace Hopper, title: Chief Technology Officer, reports_to: em}
"""
GRACE = "  - {id: grace, name: Grace Hopper, title: Chief Technology Officer, reports_to: em}\n"


def test_g003_fires_when_the_cto_reports_through_a_business_unit_head():
    assert findings(CTO_IN_BU, select=["G003"]) == [("G003", "people.grace")]
    [finding] = run(CTO_IN_BU, select=["G003"]).rule_findings
    assert finding.message.startswith(
        "Grace Hopper (Chief Technology Officer) reports through Bea Rossi (General Manager), head of business unit Insights BU"
    )
    assert finding.line == 10
    assert [r.message for r in finding.related] == ["head of business unit Insights BU"]


def test_g003_quiet_when_the_cto_sits_beside_the_business_units():
    text = CTO_IN_BU.replace("Officer, reports_to: em}", "Officer, reports_to: ada}")
    assert findings(text, select=["G003"]) == []


def test_g003_engineering_heads_inside_units_are_fine_under_a_company_cto():
    text = CTO_IN_BU.replace("Officer, reports_to: em}", "Officer, reports_to: ada}")
    text += "  - {id: vpe, name: Dan Ek, title: VP Engineering, reports_to: carl}\n"
    assert findings(text, select=["G003"]) == []


def test_g003_without_company_cto_the_highest_engineering_head_is_the_cto():
    text = CTO_IN_BU.replace(GRACE, "")
    text += "  - {id: vpe, name: Dan Ek, title: VP Engineering, reports_to: carl}\n"
    text += "  - {id: vpe2, name: Ida Berg, title: VP Engineering, reports_to: bea}\n"
    assert findings(text, select=["G003"]) == [("G003", "people.vpe")]


def test_g003_quiet_without_business_units_or_cto():
    no_bu = CTO_IN_BU.replace("type: business-unit", "type: department")
    no_cto = CTO_IN_BU.replace(GRACE, "")
    assert findings(no_bu, select=["G003"]) == []
    assert findings(no_cto, select=["G003"]) == []


def test_g003_a_business_unit_led_by_the_ceo_does_not_count():
    text = """
    orglint: 1
    units:
      - {id: bu-a, type: business-unit, lead: ada}
    people:
      - {id: ada, title: CEO}
      - {id: grace, title: CTO, reports_to: ada}
    """
    assert findings(text, select=["G003"]) == []


# --- G004 single-product-with-business-units -----------------------------------------

ONE_PRODUCT = """
orglint: 1
products:
  - {id: insights, name: Insights, metrics: [NPS]}
units:
  - {id: bu-smb, name: SMB, type: business-unit}
  - {id: bu-ent, name: Enterprise, type: business-unit}
people:
  - {id: ada, title: CEO}
"""


def test_g004_fires_on_one_product_split_across_business_units():
    assert findings(ONE_PRODUCT, select=["G004"]) == [("G004", "org")]
    [finding] = run(ONE_PRODUCT, select=["G004"]).rule_findings
    assert finding.message.startswith("one product (Insights) split across 2 business units (SMB, Enterprise)")
    assert finding.line == 6  # the second business unit


def test_g004_quiet_with_one_business_unit_or_two_products():
    one_bu = ONE_PRODUCT.replace("  - {id: bu-ent, name: Enterprise, type: business-unit}\n", "")
    two_products = ONE_PRODUCT.replace("units:", "  - {id: other, metrics: [MAU]}\nunits:")
    no_products = ONE_PRODUCT.replace("  - {id: insights, name: Insights, metrics: [NPS]}\n", "").replace("products:\n", "")
    assert findings(one_bu, select=["G004"]) == []
    assert findings(two_products, select=["G004"]) == []
    assert findings(no_products, select=["G004"]) == []


# --- G005 plg-missing-capability -----------------------------------------------------

PLG = """
orglint: 1
org:
  name: Acme
  strategy: product-led-growth
people:
  - {id: ada, title: CEO}
  - {id: pm, title: Product Manager, reports_to: ada}
"""


def test_g005_one_finding_per_missing_capability():
    assert findings(PLG, select=["G005"]) == [("G005", "org")] * 5
    result = run(PLG, select=["G005"])
    assert sorted(f.message.split(":")[0] for f in result.rule_findings) == [
        f"Acme follows a product-led-growth strategy with nobody in {capability}"
        for capability in ("data", "finance", "legal", "marketing", "support")
    ]
    assert {(f.line, f.column) for f in result.rule_findings} == {(4, 13)}  # the strategy value


def test_g005_messages_say_who_is_needed_and_why():
    joined = " | ".join(messages(PLG, select=["G005"]))
    assert "bring them to the free trial" in joined
    assert "set the price users pay once they move past the free tier" in joined
    assert "analyse usage data" in joined
    assert "licence terms of the free and the paid versions" in joined
    assert "questions of trial and paying users" in joined


def test_g005_capabilities_present_by_role_unit_or_leadership():
    text = PLG + "\n".join(
        [
            "  - {id: m, title: Growth Marketer, reports_to: ada}",
            "  - {id: f, title: Pricing Analyst, reports_to: ada}",
            "  - {id: d, title: Data Scientist, reports_to: ada}",
            "  - {id: l, title: General Counsel, reports_to: ada}",
            "  - {id: s, title: Support Engineer, reports_to: ada}",
            "",
        ]
    )
    assert findings(text, select=["G005"]) == []


def test_g005_customer_success_covers_support_and_unit_functions_count():
    text = """
    orglint: 1
    org:
      strategy: product-led-growth
    units:
      - {id: legal, type: department, function: legal}
    people:
      - {id: ada, title: CEO}
      - {id: m, title: Growth Marketer, reports_to: ada}
      - {id: f, title: CFO, reports_to: ada}
      - {id: d, title: Data Analyst, reports_to: ada}
      - {id: l, name: Lee, reports_to: ada, unit: legal}
      - {id: s, title: Customer Success Manager, reports_to: ada}
    """
    assert findings(text, select=["G005"]) == []


def test_g005_quiet_for_other_strategies():
    assert findings(PLG.replace("product-led-growth", "product-led"), select=["G005"]) == []
    assert findings(PLG.replace("  strategy: product-led-growth\n", ""), select=["G005"]) == []


# --- G006 product-without-owner ------------------------------------------------------

OWNERS = """
orglint: 1
products:
  - {id: a, name: Insights, owner: pm, metrics: [NPS]}
  - {id: b, name: Pipelines, metrics: [NPS]}
  - {id: c, name: Connect, owner: grace, metrics: [NPS]}
  - {id: d, name: Docs, owner: julia, metrics: [NPS]}
  - {id: e, name: Edge, owner: ghost, metrics: [NPS]}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: pm, name: Priya Nair, title: Product Manager, reports_to: julia}
"""


def test_g006_fires_on_missing_owner_and_owner_outside_product():
    assert findings(OWNERS, select=["G006"]) == [("G006", "products.b"), ("G006", "products.c")]
    assert messages(OWNERS, select=["G006"]) == [
        "product Pipelines has no owner: name the product manager accountable for it",
        "product Connect is owned by Grace Hopper (CTO), whose function is engineering, not product management",
    ]


def test_g006_owner_finding_points_at_the_owner_field():
    result = run(OWNERS, select=["G006"])
    connect = next(f for f in result.rule_findings if f.subject == "products.c")
    assert (connect.line, connect.column) == (5, 35)


def test_g006_owner_in_a_product_unit_without_role_or_leading_product_is_fine():
    text = """
    orglint: 1
    products:
      - {id: a, owner: lee}
      - {id: b, owner: rob}
    units:
      - {id: product, type: department, function: product, lead: rob}
    people:
      - {id: ada, title: CEO}
      - {id: lee, name: Lee, reports_to: ada, unit: product}
      - {id: rob, title: Engineering Manager, reports_to: ada}
    """
    assert findings(text, select=["G006"]) == []


def test_g006_ceo_as_owner_is_flagged():
    text = """
    orglint: 1
    products:
      - {id: a, name: Insights, owner: ada}
    people:
      - {id: ada, name: Ada Byron, title: CEO}
    """
    assert messages(text, select=["G006"]) == [
        "product Insights is owned by Ada Byron (CEO), whose function is executive, not product management"
    ]


# --- G007 product-without-metrics ----------------------------------------------------

METRICS = """
orglint: 1
products:
  - {id: a, name: Insights, metrics: [NPS, MAU]}
  - {id: b, name: Pipelines}
  - {id: c, name: Connect, metrics: []}
people:
  - {id: ada, title: CEO}
"""


def test_g007_fires_on_products_without_metrics():
    assert findings(METRICS, select=["G007"]) == [("G007", "products.b"), ("G007", "products.c")]
    result = run(METRICS, select=["G007"])
    assert result.rule_findings[0].message.startswith("product Pipelines lists no metrics")
    assert (result.rule_findings[1].line, result.rule_findings[1].column) == (5, 37)  # the empty list


def test_g007_quiet_when_every_product_has_metrics():
    assert (
        findings(
            METRICS.replace("{id: b, name: Pipelines}", "{id: b, name: Pipelines, metrics: [ARR]}").replace(
                "metrics: []", "metrics: [CSAT]"
            ),
            select=["G007"],
        )
        == []
    )


# --- G008 product-strategy-without-product-leader ------------------------------------

STRATEGY = """
orglint: 1
org:
  name: Acme
  strategy: product-led
people:
  - {id: ada, title: CEO}
  - {id: grace, title: CTO, reports_to: ada}
  - {id: pm, title: Product Manager, reports_to: grace}
"""


def test_g008_fires_on_product_strategy_without_product_leader():
    assert findings(STRATEGY, select=["G008"]) == [("G008", "org")]
    [finding] = run(STRATEGY, select=["G008"]).rule_findings
    assert finding.message.startswith("Acme declares a product-led strategy but nobody leads the product function")
    assert (finding.line, finding.column) == (4, 13)


def test_g008_every_product_strategy_counts():
    for strategy in ("product-led-growth", "product-centric", "product-operating-model", "product-led-sales"):
        assert findings(STRATEGY.replace("product-led\n", f"{strategy}\n"), select=["G008"]) == [("G008", "org")]


def test_g008_quiet_with_a_product_leader():
    cpo = STRATEGY + "  - {id: cpo, title: VP of Product, reports_to: ada}\n"
    unit_lead = STRATEGY.replace("people:", "units:\n  - {id: product, type: department, function: product, lead: pm}\npeople:")
    assert findings(cpo, select=["G008"]) == []
    assert findings(unit_lead, select=["G008"]) == []


def test_g008_quiet_for_other_or_no_strategy():
    assert findings(STRATEGY.replace("product-led\n", "sales-led\n"), select=["G008"]) == []
    assert findings(STRATEGY.replace("  strategy: product-led\n", ""), select=["G008"]) == []


# --- G001 and G006 with the structures of articles 000 and 003 -------------------------


@pytest.mark.parametrize("unit_type", ["value-stream", "tribe", "explore", "exploit", "business-unit"])
def test_g001_quiet_when_units_split_the_work_by_product_line(unit_type):
    text = TWO_PRODUCTS.replace(
        "  - {id: product, type: department, function: product}\n",
        f"  - {{id: product, type: department, function: product}}\n  - {{id: line, type: {unit_type}, products: [insights]}}\n",
    )
    assert findings(text, select=["G001"]) == []


def test_g001_squads_and_departments_do_not_split_by_product_line():
    text = TWO_PRODUCTS.replace(
        "  - {id: product, type: department, function: product}\n",
        "  - {id: product, type: department, function: product}\n  - {id: squad, type: squad, products: [insights]}\n",
    )
    assert findings(text, select=["G001"]) == [("G001", "org")]


def test_g006_the_head_of_the_business_unit_that_lists_the_product_owns_it():
    text = """
    orglint: 1
    products:
      - {id: payroll, name: Payroll, owner: gm, metrics: [NPS]}
      - {id: pay, name: Pay, owner: gm, metrics: [NPS]}
    units:
      - {id: payroll-bu, name: Payroll, type: business-unit, lead: gm, products: [payroll]}
    people:
      - {id: ada, title: CEO}
      - {id: gm, title: "SVP & GM, Payroll", reports_to: ada, unit: payroll-bu}
    """
    # The unit lists Payroll, not Pay: the general manager is not Pay's accountable owner.
    assert findings(text, select=["G006"]) == [("G006", "products.pay")]
