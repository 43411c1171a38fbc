"""The published JSON Schema of the config (``orglint/data/config.schema.json``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from orglint.vocabulary import FUNCTIONS

if TYPE_CHECKING:  # pragma: no cover
    from orglint.plugins import RuleSet
from orglint.config.model import FAIL_ON_LEVELS, SEVERITY_LEVELS

# --- the published JSON Schema ------------------------------------------------------------

_OPTION_SCHEMA: dict[str, dict[str, Any]] = {
    "int": {"type": "integer"},
    "str": {"type": "string"},
    "bool": {"type": "boolean"},
    "list[str]": {"type": "array", "items": {"type": "string"}},
}


def config_schema(rule_set: RuleSet | None = None) -> dict[str, Any]:
    """The JSON Schema of a config file (``.orglint.yaml``, or the ``[tool.orglint]`` table).

    With a rule set, ``options`` lists each rule's options (under its code and
    its name) with their types and defaults, for editor completion; options of
    other rules (plugins) stay allowed.
    """
    selector = {"type": "string", "minLength": 1, "pattern": "\\S"}
    selectors: dict[str, Any] = {
        "description": "Rule codes (R001), code prefixes (L, S00), rule names (ceo-is-cpo) or ALL.",
        "oneOf": [
            {"type": "array", "items": {"$ref": "#/definitions/selector"}},
            {"type": "string", "description": "Comma-separated selectors."},
        ],
    }
    option_rules: dict[str, Any] = {}
    if rule_set is not None:
        for rule in rule_set.sorted():
            if not rule.options:
                continue
            properties = {}
            for name, option in rule.options.items():
                schema = dict(_OPTION_SCHEMA[option.type])
                if option.minimum is not None:
                    schema["minimum"] = option.minimum
                schema["default"] = list(option.default) if isinstance(option.default, tuple) else option.default
                if option.help:
                    schema["description"] = option.help
                properties[name] = schema
            entry = {
                "type": "object",
                "description": f"Options of {rule.code} ({rule.name}); `orglint explain {rule.code}` documents them.",
                "properties": properties,
                "additionalProperties": False,
            }
            option_rules[rule.code] = entry
            option_rules[rule.name] = entry
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "orglint configuration",
        "description": (
            "orglint's configuration: .orglint.yaml (or .orglint.yml) or the [tool.orglint] table of pyproject.toml, "
            "found in the current directory or a parent, up to the repository root."
        ),
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "extends": {
                "type": "string",
                "minLength": 1,
                "description": (
                    "recommended (the default: every rule at its default severity), strict (info raised to "
                    "warning), or the path of another config file, relative to this one."
                ),
                "examples": ["recommended", "strict", "../.orglint.yaml"],
            },
            "select": dict(selectors, description="The rules to run (default: all). " + selectors["description"]),
            "ignore": dict(selectors, description="Rules not to run; wins over select. " + selectors["description"]),
            "severity": {
                "type": "object",
                "description": "Per-rule severity: rule code, prefix, name or ALL -> error, warning, info, or off (not run).",
                "additionalProperties": {"enum": [*SEVERITY_LEVELS, False]},  # YAML reads a bare off as false
            },
            "options": {
                "type": "object",
                "description": "Per-rule options: rule code or name -> {option: value}, checked against the rule's declared types.",
                "properties": option_rules,
                "additionalProperties": {"type": "object"},
            },
            "overrides": {
                "type": "array",
                "description": (
                    "Settings for parts of the org: each entry names units (with every unit below them) and/or "
                    "functions, and sets options, severity or ignore for the findings about them; the last "
                    "matching entry wins."
                ),
                "items": {
                    "type": "object",
                    "properties": {
                        "units": {"oneOf": [{"type": "array", "items": {"type": "string", "minLength": 1}}, {"type": "string"}]},
                        "functions": {
                            "oneOf": [{"type": "array", "items": {"enum": list(FUNCTIONS)}}, {"enum": list(FUNCTIONS)}]
                        },
                        "options": {"type": "object", "properties": option_rules, "additionalProperties": {"type": "object"}},
                        "severity": {"type": "object", "additionalProperties": {"enum": [*SEVERITY_LEVELS, False]}},
                        "ignore": {"$ref": "#/definitions/selectors"},
                    },
                    "additionalProperties": False,
                    "anyOf": [{"required": ["units"]}, {"required": ["functions"]}],
                },
                "examples": [[{"units": ["support"], "options": {"S005": {"max": 15}}}]],
            },
            "per-file-ignores": {
                "type": "object",
                "description": "File glob (relative to this config file; ** crosses folders) -> rules not reported in those files.",
                "additionalProperties": {"$ref": "#/definitions/selectors"},
            },
            "per-subject-ignores": {
                "type": "object",
                "description": "Subject (people.ana, units.growth, products.*, org) -> rules not reported about it.",
                "additionalProperties": {"$ref": "#/definitions/selectors"},
            },
            "plugins": {
                "description": "Folders of local rule modules, relative to this config file (the only way a config runs code).",
                "oneOf": [
                    {"type": "array", "items": {"type": "string", "minLength": 1}},
                    {"type": "string", "minLength": 1},
                ],
            },
            "fail-on": {
                "enum": list(FAIL_ON_LEVELS),
                "description": "Lowest severity that makes `orglint check` exit 1 (default: warning).",
            },
            "baseline": {
                "type": "string",
                "minLength": 1,
                "description": "Baseline file (relative to this config file): its findings are not reported.",
            },
            "exclude": {
                "description": (
                    "Files and folders a folder walk skips, as globs relative to this config file (a glob without / "
                    "matches a name in any folder); added to the default exclusions. Paths named on the command line "
                    "are always read."
                ),
                "oneOf": [
                    {"type": "array", "items": {"type": "string", "minLength": 1}},
                    {"type": "string", "minLength": 1},
                ],
                "examples": [["legacy/", "*.draft.yaml"]],
            },
            "docs-url": {
                "type": "string",
                "pattern": "^https?://",
                "description": (
                    "Where findings link to their rule's page: an http(s) address with {code} and/or {name} "
                    "(https://wiki.example.com/orglint/{code}), or a folder of <CODE>.md pages."
                ),
            },
            "default-exclude": {
                "type": "boolean",
                "description": (
                    "false: also walk the folders skipped by default (node_modules, venv, vendor, __pycache__, "
                    "site-packages). Hidden files and folders are never walked. Default: true."
                ),
            },
        },
        "definitions": {"selector": selector, "selectors": selectors},
    }


def config_schema_json(rule_set: RuleSet | None = None) -> str:
    import json

    return json.dumps(config_schema(rule_set), indent=2, ensure_ascii=False) + "\n"
