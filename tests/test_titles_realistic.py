"""Realistic job titles, read as a product leader would read them (issue 10, point 6).

Titles are written the way companies write them: seniority, commas, regions, teams,
abbreviations, joined titles. Each entry gives the exact roles the title must give and
the functions it must mark its holder as a leader of (both compared as sets: the order
is incidental). The expectations were written before running the reader; where the
reader was right and an expectation wrong, the entry says so in a comment.

The unit-context step (a title that reads differently inside a unit of a given
function, "Solution Architect" in a delivery team) is tested at the end, through a
whole chart.
"""

from __future__ import annotations

import pytest

from orglint.titles import read_title, roles_in_unit
from orglint.vocabulary import FUNCTIONS, ROLES
from tests.helpers import findings, run

PRODUCT_ROLES = frozenset({"cpo", "product-manager", "product-owner"})

R = tuple[str, ...]

# title -> (roles, leads)
PRODUCT_TITLES: dict[str, tuple[R, R]] = {
    "Product Manager": (("product-manager",), ()),
    "Senior Product Manager, Payments": (("product-manager",), ()),
    "Sr. PM, Checkout (EMEA)": (("product-manager",), ()),
    "Principal Product Manager - Platform": (("product-manager",), ()),
    "Technical Product Manager, Data Platform": (("product-manager",), ()),
    "Associate Product Manager": (("product-manager",), ()),
    "APM": (("product-manager",), ()),
    "Product Lead, Search": (("product-manager",), ()),
    "Product Owner": (("product-owner",), ()),
    "Product Owner - Mobile App": (("product-owner",), ()),
    "Scrum Product Owner": (("product-owner",), ()),
    "Senior Product Owner (Payments Squad)": (("product-owner",), ()),
    # Combined titles: both roles, so R002 pm-is-po can see them.
    "PM/PO": (("product-manager", "product-owner"), ()),
    "PM & PO": (("product-manager", "product-owner"), ()),
    "Sr. PM / PO": (("product-manager", "product-owner"), ()),
    "PM & Scrum PO": (("product-manager", "product-owner"), ()),
    "Product Manager / Product Owner": (("product-manager", "product-owner"), ()),
    "Product Manager & Owner": (("product-manager", "product-owner"), ()),
    "Product Manager/PO, Billing": (("product-manager", "product-owner"), ()),
    "Product Owner & Scrum Master": (("product-owner", "program-manager"), ()),
    # Managers of product managers lead the product function, below the seat.
    "Group Product Manager": (("product-manager",), ("product",)),
    "Group Product Manager, Growth": (("product-manager",), ("product",)),
    "Senior Group Product Manager - Core Banking": (("product-manager",), ("product",)),
    "GPM, Developer Experience": (("product-manager",), ("product",)),
    "Group PM": (("product-manager",), ("product",)),
    "Group Manager of Product Management": (("product-manager",), ("product",)),
    "Group Manager, Product Management, Create": (("product-manager",), ("product",)),
    "Director of Product Management": (("product-manager",), ("product",)),
    "Senior Director, Product Management - Enterprise": (("product-manager",), ("product",)),
    "Director of Product, Payments": (("product-manager",), ("product",)),
    # The seat.
    "VP of Product": (("cpo",), ("product",)),
    "VP, Product Management": (("cpo",), ("product",)),
    "Chief Product Officer": (("cpo",), ("product",)),
    "Head of Product": (("cpo",), ("product",)),
    "SVP Product & Engineering": (("cpo", "cto"), ("product", "engineering")),
    "Chief Product & Technology Officer": (("cpo", "cto"), ("product", "engineering")),
    "CEO & Head of Product": (("ceo", "cpo"), ("executive", "product")),
    # "Product & Growth" is one leadership scope: the product seat plus growth marketing
    # (R003 pm-is-marketer then sees the double hat).
    "Head of Product & Growth Marketing": (("cpo", "marketer"), ("product", "marketing")),
    "VP Product & Marketing": (("cpo", "cmo"), ("product", "marketing")),
}

# Titles with "product" (or a look-alike) in them that are NOT product roles.
NOT_PRODUCT_TITLES: dict[str, tuple[R, R]] = {
    "Product Marketing Manager": (("product-marketing-manager",), ()),
    "Senior Product Marketing Manager, Enterprise": (("product-marketing-manager",), ()),
    "Director of Product Marketing": (("product-marketing-manager",), ("marketing",)),
    "PMM, Developer Tools": (("product-marketing-manager",), ()),
    "Director, Product & Solutions Marketing": (("product-marketing-manager", "marketer"), ("marketing",)),
    "Production Engineer": (("engineer",), ()),
    "Productivity Engineer": (("engineer",), ()),
    "Developer Productivity Engineer": (("engineer",), ()),
    "Product Engineer": (("engineer",), ()),
    "Product Security Engineer": (("engineer",), ()),
    "Product Development Engineer": (("engineer",), ()),
    # Product development is the building of it: engineering.
    "VP Product Development": (("engineering-manager",), ("engineering",)),
    "Product Designer": (("designer",), ()),
    "Senior Product Designer, Growth": (("designer",), ()),
    "Head of Product Design": (("designer",), ("design",)),
    "Product Analyst": (("data-scientist",), ()),
    "Senior Product Analyst, Monetization": (("data-scientist",), ()),
    "Product Analytics Manager": (("data-scientist",), ()),
    "Data Scientist, Product": (("data-scientist",), ()),
    "Head of Production": ((), ()),
    "Production Manager": ((), ()),
    "Product Support Specialist": (("support-engineer",), ()),
    "Production Support Engineer": (("support-engineer",), ()),
    "Sales Engineer": (("pre-sales-engineer",), ()),
    "Solutions Consultant": (("pre-sales-engineer",), ()),
    "Solutions Engineer, EMEA": (("pre-sales-engineer",), ()),
    "Project Manager": (("program-manager",), ()),
    "Technical Program Manager": (("program-manager",), ()),
    "TPM, Infrastructure": (("program-manager",), ()),
    "Program Manager, Product Launches": (("program-manager",), ()),
    "Scrum Master": (("program-manager",), ()),
    "Agile Coach": (("program-manager",), ()),
    "Delivery Manager": (("program-manager",), ()),
    "Release Train Engineer": (("program-manager",), ()),
    "RTE, Payments ART": (("program-manager",), ()),
    "New Product Introduction Manager": (("program-manager",), ()),  # NPI: hardware launch programs
    # Product operations sits with product leadership in many companies, but it is
    # operations work, not product management: no product role either way.
    "Product Operations Manager": (("operations",), ()),
    "Product Counsel": (("legal",), ()),
    "Product Compliance Manager": (("legal",), ()),
    "Finance Business Partner, Product & Engineering": (("finance",), ()),
    "HR Business Partner, Product": (("people",), ()),
    "Recruiter, Product & Design": (("people",), ()),
    "Engineering Manager, Product Platform": (("engineering-manager",), ()),
    "Executive Assistant to the CPO": (("operations",), ()),
    "Chief of Staff to the CPO": ((), ()),
    "Product Specialist": ((), ()),  # sales, support or product work: the unit says
    # A general manager runs a business unit; the unit's name is no function.
    "General Manager, Finance Products": (("business-unit-head",), ()),
}

OTHER_TITLES: dict[str, tuple[R, R]] = {
    # Business units.
    "General Manager, Commerce Cloud": (("business-unit-head",), ()),
    "General Manager, Analytics": (("business-unit-head",), ()),
    "GM, Payments": (("business-unit-head",), ()),
    "VP & General Manager, Data Cloud": (("business-unit-head",), ()),
    "SVP and GM, Marketing Cloud": (("business-unit-head",), ()),
    "Division President, Payments": (("business-unit-head",), ()),
    "President, Consumer Division": (("business-unit-head",), ()),
    "Country Manager, Germany": (("business-unit-head",), ()),
    "Managing Director, EMEA": (("business-unit-head",), ()),
    "Head of Payments Business Unit": (("business-unit-head",), ()),
    # Go-to-market chiefs hold the sales chief seat (cro).
    "Chief Business Officer": (("cro",), ("sales",)),
    "Chief Growth Officer": (("cro",), ("sales",)),
    "President, Go-to-Market": (("cro",), ("sales",)),
    "Head of Go-to-Market": (("cro",), ("sales",)),
    "Chief Commercial Officer": (("cro",), ("sales",)),
    "Chief Revenue Officer": (("cro",), ("sales",)),
    "SVP, Global Sales": (("cro",), ("sales",)),
    "Director, GTM Operations": (("operations",), ("operations",)),
    # Engineering.
    "EM, Payments": (("engineering-manager",), ()),
    "Engineering Manager, Platform": (("engineering-manager",), ()),
    "MTS": (("engineer",), ()),
    "Member of Technical Staff": (("engineer",), ()),
    "Senior Member of Technical Staff": (("engineer",), ()),
    "SMTS, Core Services": (("engineer",), ()),
    "Staff Software Engineer, Backend": (("engineer",), ()),
    "Senior Software Engineer II": (("engineer",), ()),
    "SRE": (("engineer",), ()),
    "Tech Lead": (("engineer",), ()),
    "Principal Architect": (("engineer",), ()),
    "VP Engineering": (("cto",), ("engineering",)),
    "Director of Engineering, Infrastructure": (("engineering-manager",), ("engineering",)),
    # Alone, a solution architect is the pre-sales one; inside a delivery or
    # engineering unit the unit settles it (see the chart tests below).
    "Solution Architect": (("pre-sales-engineer",), ()),
    # Customers.
    "CSE": (("customer-success",), ()),
    "Customer Success Engineer": (("customer-success",), ()),
    "Head of CX": (("customer-success",), ("customer-success",)),
    "VP Customer Experience": (("customer-success",), ("customer-success",)),
    "Customer Experience Manager": (("customer-success",), ()),
    "Customer Success Manager": (("customer-success",), ()),
    "Director, Customer Success": (("customer-success",), ("customer-success",)),
    "Technical Account Manager": (("customer-success",), ()),
    "Support Engineer": (("support-engineer",), ()),
    # Design is no customer experience.
    "CX Designer": (("designer",), ()),
    # Everyone else.
    "Account Executive (SMB, Expand), EMEA South": (("sales",), ()),
    "Regional Sales Director, DACH": (("sales",), ()),
    "Marketing Manager": (("marketer",), ()),
    "Data Engineer": (("data-scientist",), ()),
    "People Partner": (("people",), ()),
    "Office Manager": (("operations",), ()),
    "Revenue Operations Manager": (("operations",), ()),
    "Controller": (("finance",), ()),
    "General Counsel": (("clo",), ("legal",)),
    "UX Researcher": (("designer",), ()),
    "Developer Advocate": (("marketer",), ()),
    "Technical Writer, Docs": (("technical-writer",), ()),
    "Founder & CEO": (("ceo",), ("executive",)),
    "Chief of Staff": ((), ()),
    # Short abbreviations count only standing alone: after a comma "EM" is emerging
    # markets and "PO" a purchase order.
    "Account Executive, EM": (("sales",), ()),
    "Regional Director, EM": ((), ()),
    "Buyer, PO": ((), ()),
}

ALL_TITLES = {**PRODUCT_TITLES, **NOT_PRODUCT_TITLES, **OTHER_TITLES}


def test_the_list_is_large_and_consistent() -> None:
    assert len(ALL_TITLES) == len(PRODUCT_TITLES) + len(NOT_PRODUCT_TITLES) + len(OTHER_TITLES)  # no repeats
    assert len(ALL_TITLES) >= 100
    assert len(NOT_PRODUCT_TITLES) >= 25
    for roles, leads in ALL_TITLES.values():
        assert set(roles) <= set(ROLES)
        assert set(leads) <= set(FUNCTIONS)
    for title, (roles, _) in PRODUCT_TITLES.items():
        assert PRODUCT_ROLES & set(roles), title
    for title, (roles, _) in NOT_PRODUCT_TITLES.items():
        assert not PRODUCT_ROLES & set(roles), title


@pytest.mark.parametrize("title", list(ALL_TITLES))
def test_realistic_title(title: str) -> None:
    reading = read_title(title)
    roles, leads = ALL_TITLES[title]
    assert (set(reading.roles), set(reading.leads)) == (set(roles), set(leads))


# --------------------------------------------------------------------------
# The unit settles ambiguous titles.


@pytest.mark.parametrize(
    ("title", "unit_function", "roles"),
    [
        ("Solution Architect", "engineering", {"engineer"}),
        ("Senior Solutions Architect, Payments", "program-management", {"engineer"}),
        ("Solutions Engineer", "engineering", {"engineer"}),
        ("Solution Architect", "customer-success", {"customer-success"}),
        ("Solution Architect", "sales", {"pre-sales-engineer"}),
        ("Solution Architect", None, {"pre-sales-engineer"}),
        ("CSE", "support", {"customer-success"}),  # article 001: support should have customer success engineers
        ("Chief Growth Officer", "marketing", {"cmo"}),
        ("Chief Growth Officer", "sales", {"cro"}),
        ("Studio Success Manager", "support", {"customer-success"}),
        ("CSE", "customer-success", {"customer-success"}),
        # Unambiguous titles keep their reading whatever the unit.
        ("Sales Engineer", "engineering", {"pre-sales-engineer"}),
        ("Product Manager", "engineering", {"product-manager"}),
        ("Solutions Consultant", "engineering", {"pre-sales-engineer"}),
    ],
)
def test_roles_in_unit(title: str, unit_function: str | None, roles: set[str]) -> None:
    assert roles_in_unit(read_title(title), unit_function) == roles


DELIVERY = """
units:
  - {id: delivery, name: Delivery, type: department, function: program-management, lead: dora}
  - {id: alpha, name: Delivery Team Alpha, parent: delivery}
  - {id: eng, name: Engineering, type: department, function: engineering, lead: cto}
  - {id: sales, name: Sales, type: department, function: sales, lead: cro}
people:
  - {id: ceo, title: CEO}
  - {id: cto, title: CTO, reports_to: ceo}
  - {id: cro, title: VP Sales, reports_to: ceo}
  - {id: dora, title: Head of Delivery, reports_to: ceo}
  - {id: sa1, title: Solution Architect, reports_to: dora, unit: alpha}
  - {id: sa2, title: Senior Solutions Architect, reports_to: cto, unit: eng}
  - {id: sa3, title: Solutions Architect, reports_to: cro, unit: sales}
  - {id: sa4, title: Solutions Architect, reports_to: cro, unit: sales, roles: [engineer]}
  - {id: sa5, title: Solution Architect, reports_to: ceo}
"""


def test_unit_settles_solution_architects_in_a_chart() -> None:
    org = run(DELIVERY).org
    roles = {person_id: set(org.people[person_id].roles) for person_id in ("sa1", "sa2", "sa3", "sa4", "sa5")}
    assert roles == {
        "sa1": {"engineer"},  # the team has no function: its parent (Delivery) settles it
        "sa2": {"engineer"},
        "sa3": {"pre-sales-engineer"},
        "sa4": {"pre-sales-engineer", "engineer"},  # explicit roles still add to the reading
        "sa5": {"pre-sales-engineer"},  # no unit: the title alone
    }


def test_settled_roles_reach_the_rules() -> None:
    # F004 (sales without pre-sales) counts pre-sales engineers: an architect of the
    # delivery department is not sales' pre-sales, so a sales team without one is flagged.
    text = """
    units:
      - {id: delivery, type: department, function: program-management, lead: dora}
      - {id: sales, type: department, function: sales, lead: cro}
    people:
      - {id: ceo, title: CEO}
      - {id: cro, title: VP Sales, reports_to: ceo, unit: sales}
      - {id: ae1, title: Account Executive, reports_to: cro, unit: sales}
      - {id: ae2, title: Account Executive, reports_to: cro, unit: sales}
      - {id: dora, title: Head of Delivery, reports_to: ceo, unit: delivery}
      - {id: sa1, title: Solution Architect, reports_to: dora, unit: delivery}
    """
    org = run(text).org
    assert org.functions_of(org.people["sa1"]) == {"engineering"}
    assert [person.id for person in org.people_in("sales")] == ["cro", "ae1", "ae2"]
    assert findings(text, select=["F004"]) == [("F004", "org")]
    # Moved into sales, the same architect is sales' pre-sales engineer: no finding.
    in_sales = text.replace("reports_to: dora, unit: delivery}", "reports_to: cro, unit: sales}")
    assert findings(in_sales, select=["F004"]) == []


def test_roles_command_shows_the_settled_reading() -> None:
    from orglint.listing import roles_rows

    rows = {row["id"]: row for row in roles_rows(run(DELIVERY).org)}
    assert rows["sa1"]["inferred_roles"] == ["engineer"]
    assert rows["sa1"]["functions"] == ["engineering"]
    assert rows["sa3"]["inferred_roles"] == ["pre-sales-engineer"]


def test_r002_fires_on_combined_abbreviations() -> None:
    text = """
    people:
      - {id: ceo, title: CEO}
      - {id: vp, title: VP of Product, reports_to: ceo}
      - {id: a, title: PM/PO, reports_to: vp}
      - {id: b, title: "Sr. PM / PO", reports_to: vp}
      - {id: c, title: PM & Scrum PO, reports_to: vp}
      - {id: d, title: Product Manager, reports_to: vp}
    """
    assert findings(text, select=["R002"]) == [("R002", "people.a"), ("R002", "people.b"), ("R002", "people.c")]
