"""The fields of the org chart format, version 1, declared once (docs/format.md).

Everything that needs to know the format's fields derives it from this table:
the native importer (which fields a section takes and how each value is read),
the JSON Schema (``orglint schema``), the converter (the order fields are
written in) and the model (the attributes of Person, Unit and Product).

A field's kind says how its value is read:

- ``id``: one id (a string; an integer, common in HR exports, is read as a string);
- ``ids``: a list of ids;
- ``text``: a string;
- ``texts``: a list of strings;
- ``enum:<vocabulary>``: one word of a fixed vocabulary;
- ``enums:<vocabulary>``: a list of words of one.
"""

from __future__ import annotations

from dataclasses import dataclass

from orglint.vocabulary import FUNCTIONS, ROLE_FUNCTION, STRATEGIES, UNIT_TYPES

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Field:
    """One field of an entry: its name in the chart, how its value is read, what it means."""

    name: str
    kind: str
    description: str
    # The model's attribute, when it is not the field's name: a person's `roles` field holds
    # the explicit roles, which the model keeps apart from the roles read from the title.
    attribute: str | None = None

    @property
    def model_attribute(self) -> str:
        return self.attribute or self.name


# Every section's entries have these two.
ID = Field("id", "id", "Unique id. Strings; integers (common in HR exports) are read as strings.")
NAME = Field("name", "text", "Display name.")

PERSON: tuple[Field, ...] = (
    ID,
    NAME,
    Field("title", "text", "Job title, free text; roles are inferred from it (see `orglint roles`)."),
    Field("roles", "enums:role", "Explicit roles; they add to the roles inferred from the title.", "explicit_roles"),
    Field("reports_to", "id", "Id of the person's manager; null or absent for the top of the chart."),
    Field("dotted_to", "ids", "Secondary (matrix) reporting lines: person ids."),
    Field("unit", "id", "Home unit id."),
    Field("units", "ids", "Extra unit memberships (chapters, guilds): unit ids."),
    Field("email", "text", "Work email; two people sharing one are reported (S011)."),
)

UNIT: tuple[Field, ...] = (
    ID,
    NAME,
    Field("type", "enum:unit-type", "Unit type; absent means team."),
    Field("function", "enum:function", "The function this unit belongs to."),
    Field("lead", "id", "Person id of the unit's lead."),
    Field("parent", "id", "Id of the parent unit."),
    Field("products", "ids", "Ids of the products this unit works on."),
)

PRODUCT: tuple[Field, ...] = (
    ID,
    NAME,
    Field("owner", "id", "Person id of the accountable product manager."),
    Field("metrics", "texts", "How the product's success is measured (NPS, MAU, ...)."),
)

# The chart's sections in the order they are written (org first, then these).
SECTIONS: dict[str, tuple[Field, ...]] = {"products": PRODUCT, "units": UNIT, "people": PERSON}
SINGULAR = {"people": "person", "units": "unit", "products": "product"}

TOP_LEVEL_KEYS = ("orglint", "org", *SECTIONS)
ORG_KEYS = ("name", "strategy")

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "role": tuple(ROLE_FUNCTION),
    "unit-type": UNIT_TYPES,
    "function": FUNCTIONS,
    "strategy": STRATEGIES,
}


def kinds(fields: tuple[Field, ...]) -> dict[str, str]:
    """Field name -> kind, in the declared order (the importer's table)."""
    return {field.name: field.kind for field in fields}


def model_attributes(fields: tuple[Field, ...]) -> tuple[str, ...]:
    """The model attributes the fields other than ``id`` fill (``id`` is every entity's)."""
    return tuple(field.model_attribute for field in fields if field.name != "id")
