"""L001 in an org of business units: product leadership inside a BU reaches the CEO through the BU head.

Several products call for business units whose heads report to the CEO (G001, G002); each unit's
product managers or head of product then report to the unit's general manager. That is the structure
the G rules recommend, so L001 must not call it "no product leadership seat".
"""

from __future__ import annotations

import textwrap

from helpers import findings, messages

TWO_BUS = """
orglint: 1
org:
  name: Acme Analytics
products:
  - {id: insights, name: Insights, owner: priya, metrics: [NPS, MAU]}
  - {id: pipelines, name: Pipelines, owner: omar, metrics: [ARR, DAU]}
units:
  - {id: bu-insights, name: Insights BU, type: business-unit, lead: bea, products: [insights]}
  - {id: bu-pipelines, name: Pipelines BU, type: business-unit, lead: carl, products: [pipelines]}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bea, name: Bea Rossi, title: General Manager, reports_to: ada, unit: bu-insights}
  - {id: carl, name: Carl Jensen, title: General Manager, reports_to: ada, unit: bu-pipelines}
"""


def two_bus(more_people: str, chart: str = TWO_BUS) -> str:
    """The two-BU chart with more people appended to its people list."""
    return chart + textwrap.indent(textwrap.dedent(more_people).strip("\n"), "  ") + "\n"


def test_pms_reporting_to_business_unit_heads_are_in_place():
    # G001's own "Use instead": one PM per business unit, each reporting to the unit's GM.
    text = two_bus("""
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: bea, unit: bu-insights}
      - {id: omar, name: Omar Ali, title: Product Manager, reports_to: carl, unit: bu-pipelines}
    """)
    assert findings(text, select=["L001"]) == []
    assert findings(text) == []  # and no other rule objects to the recommended structure


def test_heads_of_product_reporting_to_business_unit_heads_are_in_place():
    text = two_bus("""
      - {id: priya, name: Priya Nair, title: "Head of Product, Insights", reports_to: bea, unit: bu-insights}
      - {id: sam, name: Sam Lee, title: Product Manager, reports_to: priya, unit: bu-insights}
      - {id: omar, name: Omar Ali, title: "Director of Product, Pipelines", reports_to: carl, unit: bu-pipelines}
      - {id: tina, name: Tina Ruiz, title: Product Manager, reports_to: omar, unit: bu-pipelines}
    """)
    assert findings(text, select=["L001"]) == []


def test_a_head_of_product_outside_the_business_units_still_needs_the_seat():
    text = two_bus("""
      - {id: priya, name: Priya Nair, title: "Head of Product, Insights", reports_to: bea, unit: bu-insights}
      - {id: otto, name: Otto Weber, title: Chief Operating Officer, reports_to: ada}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: otto}
      - {id: sam, name: Sam Lee, title: Product Manager, reports_to: julia}
    """)
    assert findings(text, select=["L001"]) == [("L001", "org")]
    # Only the misplaced head is named: the BU's head of product is where she should be.
    assert messages(text, select=["L001"]) == [
        "no head of product reports to Ada Byron (CEO): Julia Brandt (VP of Product) reports to "
        "Otto Weber (Chief Operating Officer)"
    ]


def test_pms_below_someone_other_than_the_business_unit_head_are_still_leaderless():
    # The BU exists, but its PMs report to the BU's engineering manager and nobody leads product.
    text = two_bus("""
      - {id: eli, name: Eli Cohen, title: Engineering Manager, reports_to: bea, unit: bu-insights}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: eli, unit: bu-insights}
      - {id: sam, name: Sam Lee, title: Product Manager, reports_to: eli, unit: bu-insights}
    """)
    assert findings(text, select=["L001"]) == [("L001", "org")]
    assert messages(text, select=["L001"])[0].startswith("2 people work in the product function and nobody leads it")


def test_without_business_units_a_general_manager_is_no_excuse():
    # The same reporting lines, but "Insights BU" is only a team: the GM title alone seats nobody.
    text = two_bus(
        """
      - {id: priya, name: Priya Nair, title: "Head of Product, Insights", reports_to: bea, unit: bu-insights}
    """,
        chart=TWO_BUS.replace("type: business-unit", "type: team"),
    )
    assert findings(text, select=["L001"]) == [("L001", "org")]
