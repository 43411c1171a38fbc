"""R rules: roles that should not share one person (R001-R004)."""

from __future__ import annotations

from helpers import chart, findings, messages, run
from orglint.rule import Severity

# --- R001 ceo-is-cpo ---------------------------------------------------------------------


def test_r001_fires_on_ceo_who_is_also_cpo():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO & Chief Product Officer}
      - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
    """
    assert findings(text, select=["R001"]) == [("R001", "people.ada")]
    [finding] = run(text, select=["R001"]).rule_findings
    assert finding.message == "Ada Byron (CEO & Chief Product Officer) is both the CEO and the chief product officer"
    assert finding.severity is Severity.ERROR
    line = chart(text).splitlines()[1]
    assert (finding.line, finding.column) == (2, line.index("CEO &") + 1)  # the title


def test_r001_fires_on_explicit_roles_and_points_at_them():
    text = """
    people:
      - id: ada
        name: Ada Byron
        title: Founder
        roles: [ceo, product-owner]
    """
    [finding] = run(text, select=["R001"]).rule_findings
    assert finding.subject == "people.ada"
    assert finding.message == "Ada Byron (Founder) is both the CEO and a product owner"
    assert finding.line == 5  # roles:, not title:


def test_r001_fires_on_ceo_who_is_a_product_manager():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO / Product Manager}
      - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
    """
    assert messages(text, select=["R001"]) == ["Ada Byron (CEO / Product Manager) is both the CEO and a product manager"]


def test_r001_names_both_the_seat_and_the_craft():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO and Head of Product, roles: [product-manager]}
    """
    assert messages(text, select=["R001"]) == [
        "Ada Byron (CEO and Head of Product) is both the CEO and the chief product officer, and also works as product manager"
    ]


def test_r001_fires_on_ceo_leading_the_product_unit_as_only_product_leader():
    text = """
    units:
      - {id: product, name: Product Management, type: department, function: product, lead: ada}
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada, unit: product}
    """
    [finding] = run(text, select=["R001"]).rule_findings
    assert finding.subject == "people.ada"
    assert finding.message == "Ada Byron (CEO) is the CEO and the only product leader, as lead of Product Management"
    assert [(r.message, r.line) for r in finding.related] == [("Ada Byron leads this product unit", 2)]


def test_r001_single_top_stands_in_for_the_ceo():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: Founder & Chief Product Officer}
      - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
    """
    assert findings(text, select=["R001"]) == [("R001", "people.ada")]


def test_r001_quiet_with_a_separate_product_leader():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
    """
    assert findings(text, select=["R001"]) == []


def test_r001_quiet_when_ceo_is_only_nominal_lead_of_product_unit():
    # A VP of Product holds the seat; the CEO listed as the unit's lead is read as nominal.
    text = """
    units:
      - {id: product, name: Product Management, type: department, function: product, lead: ada}
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada, unit: product}
    """
    assert findings(text, select=["R001", "L001"]) == []


def test_r001_quiet_without_a_ceo():
    # Two tops and nobody holding ceo: rules that need the CEO do not fire.
    text = """
    people:
      - {id: julia, name: Julia Brandt, title: Chief Product Officer}
      - {id: grace, name: Grace Hopper, title: CTO}
    """
    assert findings(text, select=["R001"]) == []


# --- R002 pm-is-po -----------------------------------------------------------------------


def test_r002_fires_on_one_person_with_both_titles():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: priya, name: Priya Nair, title: Product Manager / Product Owner, reports_to: ada}
    """
    assert findings(text, select=["R002"]) == [("R002", "people.priya")]
    [finding] = run(text, select=["R002"]).rule_findings
    assert finding.message == "Priya Nair (Product Manager / Product Owner) is both a product manager and a product owner"
    assert finding.severity is Severity.WARNING


def test_r002_fires_on_explicit_roles():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: priya, title: Senior Product Manager, roles: [product-owner], reports_to: ada}
    """
    [finding] = run(text, select=["R002"]).rule_findings
    assert finding.subject == "people.priya"
    assert finding.message == "priya (Senior Product Manager) is both a product manager and a product owner"
    line = chart(text).splitlines()[2]
    assert (finding.line, finding.column) == (3, line.index("[product-owner]") + 1)  # roles:, not title:


def test_r002_quiet_with_separate_pm_and_po():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
      - {id: omar, name: Omar Haddad, title: Product Owner, reports_to: ada}
    """
    assert findings(text, select=["R002"]) == []


# --- R003 pm-is-marketer -----------------------------------------------------------------


def test_r003_fires_on_product_and_marketing_executive():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: julia, name: Julia Brandt, title: VP Product & Marketing, reports_to: ada}
    """
    assert findings(text, select=["R003"]) == [("R003", "people.julia")]
    assert messages(text, select=["R003"]) == [
        "Julia Brandt (VP Product & Marketing) is both the chief product officer and the chief marketing officer"
    ]


def test_r003_fires_on_product_manager_who_is_a_marketer():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: priya, name: Priya Nair, title: Product Manager, roles: [marketer], reports_to: ada}
    """
    assert messages(text, select=["R003"]) == ["Priya Nair (Product Manager) is both a product manager and a marketer"]


def test_r003_quiet_on_product_marketing_manager_and_separate_people():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
      - {id: carmen, name: Carmen Diaz, title: VP of Marketing, reports_to: ada}
      - {id: pia, name: Pia Lund, title: Product Marketing Manager, reports_to: carmen}
      - {id: vera, name: Vera Holm, title: VP Product Marketing, reports_to: carmen}
      - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
    """
    assert findings(text, select=["R003"]) == []


def test_r003_quiet_on_product_owner_who_markets():
    # Only product-manager or cpo together with marketer or cmo.
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: omar, name: Omar Haddad, title: Product Owner, roles: [marketer], reports_to: ada}
    """
    assert findings(text, select=["R003"]) == []


# --- R004 cto-is-cpo ---------------------------------------------------------------------


def test_r004_fires_on_merged_product_and_engineering_leader():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: grace, name: Grace Hopper, title: VP Product & Engineering, reports_to: ada}
    """
    [finding] = run(text, select=["R004"]).rule_findings
    assert (finding.code, finding.subject) == ("R004", "people.grace")
    assert finding.severity is Severity.INFO
    assert finding.message == (
        "Grace Hopper (VP Product & Engineering) is both the chief technology officer and the chief product officer"
    )


def test_r004_quiet_with_separate_cto_and_cpo():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO}
      - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
      - {id: julia, name: Julia Brandt, title: Chief Product Officer, reports_to: ada}
    """
    assert findings(text, select=["R004"]) == []


def test_r_family_on_one_overloaded_founder():
    text = """
    people:
      - {id: ada, name: Ada Byron, title: CEO, roles: [cpo, cto, product-owner, product-manager]}
    """
    assert findings(text, select=["R"]) == [
        ("R001", "people.ada"),
        ("R002", "people.ada"),
        ("R004", "people.ada"),
    ]
