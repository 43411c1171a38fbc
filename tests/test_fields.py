"""The format's fields are declared once (orglint.fields): the importer, the schema, the converter
and the model all follow that declaration."""

from __future__ import annotations

import inspect

import pytest

from orglint import fields
from orglint.api import lint_text
from orglint.convert import to_yaml
from orglint.importers import native
from orglint.model import Person, Product, Unit
from orglint.schema import org_chart_schema

MODEL = {"people": Person, "units": Unit, "products": Product}

# One chart that writes every field of every section.
EVERY_FIELD = """\
orglint: 1
org: {name: Acme, strategy: product-led}
products:
  - id: app
    name: The App
    owner: pm
    metrics: [MAU, NPS]
units:
  - id: eng
    name: Engineering
    type: department
    function: engineering
    lead: ceo
    parent: null
    products: [app]
people:
  - id: ceo
    name: Ada
    title: CEO
  - id: pm
    name: Bo
    title: Product Manager
    roles: [product-manager]
    reports_to: ceo
    dotted_to: [ceo]
    unit: eng
    units: [eng]
    email: bo@example.com
"""


@pytest.mark.parametrize("section", fields.SECTIONS)
def test_the_model_takes_every_declared_field_as_a_keyword(section):
    parameters = inspect.signature(MODEL[section].__init__).parameters
    declared = [field.name for field in fields.SECTIONS[section]]
    assert [name for name in declared if name not in parameters] == []
    assert set(fields.model_attributes(fields.SECTIONS[section])) <= set(MODEL[section].__slots__)


@pytest.mark.parametrize("section", fields.SECTIONS)
def test_the_importer_reads_exactly_the_declared_fields(section):
    entity_class, kinds = native.SECTIONS[section]
    assert entity_class is MODEL[section]
    assert kinds == {field.name: field.kind for field in fields.SECTIONS[section]}


@pytest.mark.parametrize("section", fields.SECTIONS)
def test_the_schema_describes_exactly_the_declared_fields(section):
    entry = org_chart_schema()["properties"][section]["anyOf"][0]["items"]
    assert list(entry["properties"]) == [field.name for field in fields.SECTIONS[section]]
    assert all(entry["properties"][field.name]["description"] == field.description for field in fields.SECTIONS[section])


def test_every_field_reaches_its_model_attribute_and_is_written_back_in_declared_order():
    result = lint_text(EVERY_FIELD, select=["S"])
    assert result.input_problems == []
    pm = result.org.people["pm"]
    assert pm.explicit_roles == ("product-manager",) and pm.dotted_to == ("ceo",) and pm.email == "bo@example.com"
    assert result.org.units["eng"].type == "department" and result.org.products["app"].metrics == ("MAU", "NPS")
    written = to_yaml(result.org)
    person_block = written[written.index("  - id: pm") :].splitlines()[1:9]
    assert [line.split(":")[0].strip() for line in person_block] == [field.name for field in fields.PERSON if field.name != "id"]
    assert lint_text(written, select=["S"]).input_problems == []


def test_an_undeclared_field_is_refused_with_the_declared_ones_suggested():
    result = lint_text("people:\n  - id: a\n    titel: CEO\n")
    assert [(problem.code, problem.line) for problem in result.input_problems] == [("E003", 3)]
    assert "title" in result.input_problems[0].message
