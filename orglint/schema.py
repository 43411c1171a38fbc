"""The JSON Schema of the org chart format v1, built from the same tables the native importer reads.

Editors use it for validation and completion: save it with ``orglint schema -o
orglint.schema.json`` and start the chart with the modeline
``# yaml-language-server: $schema=orglint.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from orglint.importers.native import (
    FORMAT_VERSION,
    PERSON_FIELDS,
    PRODUCT_FIELDS,
    UNIT_FIELDS,
    VOCABULARIES,
)

SCHEMA_ID = "urn:orglint:schema:org-chart:v1"

_DESCRIPTIONS = {
    "id": "Unique id. Strings; integers (common in HR exports) are read as strings.",
    "name": "Display name.",
    "title": "Job title, free text; roles are inferred from it (see `orglint roles`).",
    "roles": "Explicit roles; they add to the roles inferred from the title.",
    "reports_to": "Id of the person's manager; null or absent for the top of the chart.",
    "dotted_to": "Secondary (matrix) reporting lines: person ids.",
    "unit": "Home unit id.",
    "units": "Extra unit memberships (chapters, guilds): unit ids.",
    "email": "Work email; two people sharing one are reported (S011).",
    "type": "Unit type; absent means team.",
    "function": "The function this unit belongs to.",
    "lead": "Person id of the unit's lead.",
    "parent": "Id of the parent unit.",
    "products": "Ids of the products this unit works on.",
    "owner": "Person id of the accountable product manager.",
    "metrics": "How the product's success is measured (NPS, MAU, ...).",
}

_ID = {"type": ["string", "integer"], "minLength": 1}


def _field_schema(field_name: str, kind: str) -> dict[str, Any]:
    if kind == "id":
        schema: dict[str, Any] = {"anyOf": [_ID, {"type": "null"}]} if field_name != "id" else dict(_ID)
    elif kind == "ids":
        schema = {"type": ["array", "null"], "items": _ID, "uniqueItems": True}
    elif kind == "text":
        schema = {"type": ["string", "number", "null"]}
    elif kind == "texts":
        schema = {"type": ["array", "null"], "items": {"type": "string"}}
    elif kind.startswith("enums:"):
        schema = {"type": ["array", "null"], "items": {"enum": list(VOCABULARIES[kind[6:]])}}
    else:  # "enum:<vocabulary>"
        schema = {"anyOf": [{"enum": list(VOCABULARIES[kind[5:]])}, {"type": "null"}]}
    description = _DESCRIPTIONS.get(field_name)
    if description:
        schema["description"] = description
    return schema


def _entry(fields: dict[str, str], id_required: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "type": "object",
        "properties": {name: _field_schema(name, kind) for name, kind in fields.items()},
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }
    if id_required:
        entry["required"] = ["id"]
    return entry


def _section(fields: dict[str, str], what: str) -> dict[str, Any]:
    return {
        "description": f"A list of {what} entries with id, or a mapping from id to entry.",
        "anyOf": [
            {"type": "array", "items": _entry(fields, id_required=True)},
            {"type": "object", "additionalProperties": {"anyOf": [_entry(fields, id_required=False), {"type": "null"}]}},
            {"type": "null"},
        ],
    }


def org_chart_schema() -> dict[str, Any]:
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "orglint org chart, format version 1",
        "type": "object",
        "properties": {
            "orglint": {"const": FORMAT_VERSION, "description": "Format version; absent means 1."},
            "org": {
                "type": ["object", "null"],
                "properties": {
                    "name": {"type": "string"},
                    "strategy": {"enum": list(VOCABULARIES["strategy"])},
                },
                "patternProperties": {"^x-": {}},
                "additionalProperties": False,
            },
            "people": _section(PERSON_FIELDS, "person"),
            "units": _section(UNIT_FIELDS, "unit"),
            "products": _section(PRODUCT_FIELDS, "product"),
        },
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }


def org_chart_schema_json() -> str:
    return json.dumps(org_chart_schema(), indent=2) + "\n"
