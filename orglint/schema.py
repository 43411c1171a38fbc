"""The JSON Schema of the org chart format v1, built from the declaration of its fields (orglint.fields).

Editors use it for validation and completion: save it with ``orglint schema -o
orglint.schema.json`` and start the chart with the modeline
``# yaml-language-server: $schema=orglint.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from orglint import fields
from orglint.fields import FORMAT_VERSION, VOCABULARIES, Field

SCHEMA_ID = "urn:orglint:schema:org-chart:v1"

_ID = {"type": ["string", "integer"], "minLength": 1}


def _field_schema(field: Field) -> dict[str, Any]:
    kind = field.kind
    if kind == "id":
        schema: dict[str, Any] = {"anyOf": [_ID, {"type": "null"}]} if field.name != "id" else dict(_ID)
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
    schema["description"] = field.description
    return schema


def _entry(entry_fields: tuple[Field, ...], id_required: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "type": "object",
        "properties": {field.name: _field_schema(field) for field in entry_fields},
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }
    if id_required:
        entry["required"] = ["id"]
    return entry


def _section(entry_fields: tuple[Field, ...], what: str) -> dict[str, Any]:
    return {
        "description": f"A list of {what} entries with id, or a mapping from id to entry.",
        "anyOf": [
            {"type": "array", "items": _entry(entry_fields, id_required=True)},
            {"type": "object", "additionalProperties": {"anyOf": [_entry(entry_fields, id_required=False), {"type": "null"}]}},
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
            **{
                section: _section(section_fields, fields.SINGULAR[section]) for section, section_fields in fields.SECTIONS.items()
            },
        },
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }


def org_chart_schema_json() -> str:
    return json.dumps(org_chart_schema(), indent=2) + "\n"
