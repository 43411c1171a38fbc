"""What `orglint rules`, `explain` and `roles` show, built as data (tables, Markdown, JSON) for the CLI to print."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from orglint.engine import RunSettings, effective_options
from orglint.links import DEFAULT_DOCS_URL
from orglint.plugins import RuleSet
from orglint.problems import INPUT_PROBLEMS
from orglint.report import url_for
from orglint.rule import Rule, Severity

if TYPE_CHECKING:  # pragma: no cover
    from rich.table import Table

    from orglint.config import Config, ResolvedOverride
    from orglint.model import Org

FAMILIES = {
    "S": "Structure of the chart",
    "R": "Roles that should not share one person",
    "L": "Product leadership",
    "F": "The five departments and their product liaisons",
    "G": "Strategy and structure fit",
    "T": "Team topology",
    "X": "orglint's own bookkeeping",
}
_SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def family_title(family: str) -> str:
    return FAMILIES.get(family, "Plugin rules")


def rules_json(rule_set: RuleSet, enabled: set[str], options: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """Every rule as JSON; each option with its default and, from ``options`` (the config's values by
    rule code), the value this run would use."""
    configured = options or {}
    rows = [
        {
            "code": rule.code,
            "name": rule.name,
            "family": rule.family,
            "family_title": family_title(rule.family),
            "severity": rule.severity.label,
            "enabled": rule.code in enabled,
            "summary": rule.summary,
            "options": {
                name: {
                    "type": option.type,
                    "default": _jsonable(option.default),
                    "value": _jsonable(configured.get(rule.code, {}).get(name, option.default)),
                    "help": option.help,
                }
                for name, option in rule.options.items()
            },
            "origin": rule.origin,
        }
        for rule in rule_set.sorted()
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _jsonable(value):
    return list(value) if isinstance(value, tuple) else value


def rules_table(rule_set: RuleSet, enabled: set[str], options: Mapping[str, Mapping[str, Any]] | None = None) -> Table:
    """The rules by family, each with its severity, whether it runs, its options as this run sets
    them (``options``: the config's values by rule code; a value the config changed is marked *),
    and its summary."""
    from rich.table import Table

    from orglint.sanitize import rich_text as escape  # markup and control characters of chart data

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, expand=False)
    table.add_column("code", no_wrap=True)
    table.add_column("name", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("on", no_wrap=True)
    table.add_column("summary (options as run; * set by the config)", overflow="fold")
    family = None
    for rule in rule_set.sorted():
        if rule.family != family:
            family = rule.family
            if table.row_count:
                table.add_row("", "", "", "", "")
            # The title goes in the wide, wrapping summary column, so it does not widen the name column.
            table.add_row(f"[bold]{family}[/]", "", "", "", f"[bold]{family_title(family)}[/]")
        style = _SEVERITY_STYLE[rule.severity]
        table.add_row(
            escape(rule.code),
            escape(rule.name),
            f"[{style}]{rule.severity.label}[/]",
            "yes" if rule.code in enabled else "[dim]no[/]",
            escape(rule.summary) + (f"\n[dim]{escape(values)}[/]" if (values := option_values(rule, options)) else ""),
        )
    return table


def option_values(rule: Rule, options: Mapping[str, Mapping[str, Any]] | None) -> str:
    """``max=12*`` (set by the config; the default is 10), ``max-depth=8``: a rule's options as run."""
    configured = (options or {}).get(rule.code, {})
    shown = []
    for name, option in rule.options.items():
        value = configured.get(name, option.default)
        changed = name in configured and value != option.default
        shown.append(_setting(name, value) + ("*" if changed else ""))
    return " ".join(shown)


def _setting(name: str, value: Any) -> str:
    """``max=12``, ``allow=["eve"]``: one option as the listings show it."""
    return f"{name}={json.dumps(_jsonable(value), ensure_ascii=False)}"


def settings_data(
    config: Config,
    rule_set: RuleSet,
    enabled: set[str],
    settings: RunSettings,
    fail_on: Severity,
    baseline: str | None,
    overrides: Iterable[ResolvedOverride] = (),
) -> dict[str, Any]:
    """What `orglint check --show-settings` shows, as data: the config files in the order they
    apply (each with the file it extends), the run-wide settings, and every rule as it will run."""
    files = []
    for position, layer in enumerate(config.layers):
        files.append({"file": layer.display, "extends": config.layers[position - 1].display if position else config.preset})
    return {
        "config_files": files,
        "preset": config.preset,
        "fail_on": fail_on.label,
        "baseline": baseline,
        "docs_url": config.docs_url,
        "plugins": [name for name, _where in config.plugin_names],
        "overrides": [
            {
                "where": entry.where,
                "units": list(entry.units),
                "functions": sorted(entry.functions),
                "options": {
                    code: {name: _jsonable(value) for name, value in values.items()} for code, values in entry.options.items()
                },
                "severity": {code: level.label if level is not None else "off" for code, level in entry.severities.items()},
                "ignore": sorted(entry.ignore),
            }
            for entry in overrides
        ],
        "rules": [
            {
                "code": rule.code,
                "name": rule.name,
                "enabled": rule.code in enabled,
                "severity": rule.severity.label,
                "options": {name: _jsonable(value) for name, value in effective_options(rule, settings).items()},
            }
            for rule in rule_set.sorted()
        ],
    }


def settings_text(data: Mapping[str, Any]) -> str:
    """--show-settings as plain text, one setting per line (grep-friendly, like Ruff's)."""
    lines = ["Config files, in the order they apply:"]
    if not data["config_files"]:
        lines.append(f"  (none: the {data['preset']} preset)")
    for number, entry in enumerate(data["config_files"], 1):
        lines.append(f"  {number}. {entry['file']} (extends {entry['extends']})")
    lines += [
        f"preset: {data['preset']}",
        f"fail-on: {data['fail_on']}",
        f"baseline: {data['baseline'] or 'none'}",
        f"docs-url: {data['docs_url']}",
        f"plugins: {', '.join(data['plugins']) or 'none'}",
    ]
    for entry in data["overrides"]:
        scope = ", ".join([*(f"unit {unit}" for unit in entry["units"]), *(f"function {name}" for name in entry["functions"])])
        changes = [
            *(f"{code} {_setting(name, value)}" for code, values in entry["options"].items() for name, value in values.items()),
            *(f"{code} {level}" for code, level in entry["severity"].items()),
            *(f"{code} ignored" for code in entry["ignore"]),
        ]
        lines.append(f"override ({entry['where']}) for {scope}: {', '.join(changes)}")
    lines += [
        "",
        "Rules (code name: on/off severity options):",
    ]
    for rule in data["rules"]:
        options = " ".join(_setting(name, value) for name, value in rule["options"].items())
        state = "on" if rule["enabled"] else "off"
        lines.append(f"  {rule['code']} {rule['name']}: {state} {rule['severity']}" + (f" {options}" if options else ""))
    return "\n".join(lines) + "\n"


def explain_markdown(code_or_name: str, rule_set: RuleSet, docs_url: str = DEFAULT_DOCS_URL) -> str | None:
    """The rule's documentation as Markdown, headed by its code, name and severity, ending with
    the address of its page (``docs_url``, the `docs-url:` setting)."""
    page = documentation_page(code_or_name, rule_set)
    if page is None:
        return None
    url = url_for(page.split()[1], rule_set.rules, docs_url)  # the page starts "# CODE name"
    return page if url is None else page.rstrip("\n") + f"\n\nDocumentation: {url}\n"


def documentation_page(code_or_name: str, rule_set: RuleSet) -> str | None:
    """The Markdown of a rule's (or input problem's) page: what `orglint explain` shows and
    docs/rules/<CODE>.md holds."""
    rule = rule_set.find(code_or_name)
    if rule is not None:
        return _rule_markdown(rule)
    key = code_or_name.strip()
    for code, (name, explanation) in INPUT_PROBLEMS.items():
        if key.upper() == code or key.lower() == name:
            return f"# {code} {name} (input problem, exit code 2)\n\n{explanation}\n"
    return None


def _rule_markdown(rule: Rule) -> str:
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"Default severity: **{rule.severity.label}**. Family: {family_title(rule.family)}.",
    ]
    if rule.options:
        options = ", ".join(f"`{name}` (default `{_jsonable(option.default)}`)" for name, option in rule.options.items())
        lines.append(f"Options: {options}.")
    lines += ["", rule.doc.strip(), ""]
    return "\n".join(lines)


def roles_rows(org: Org) -> list[dict]:
    from orglint.titles import read_title, roles_in_unit
    from orglint.vocabulary import FUNCTIONS

    rows = []
    for person in org.people.values():
        reading = read_title(person.title)
        inferred = list(reading.roles)
        if reading.by_unit:  # the unit settled an ambiguous title ("Solution Architect" in engineering)
            settled = roles_in_unit(reading, org.function_of_unit(person.unit))
            inferred = [role for role in inferred if role in settled] + sorted(settled - reading.role_set)
        rows.append(
            {
                "id": person.id,
                "name": person.name,
                "title": person.title,
                "read_as": list(reading.parts),
                "inferred_roles": inferred,
                "explicit_roles": list(person.explicit_roles),
                "roles": sorted(person.roles),
                "functions": sorted(org.functions_of(person)),
                "leads": sorted(f for f in FUNCTIONS if org.leads_function(person, f)),
                "file": person.file,
                "line": person.line,
            }
        )
    return rows


def roles_json(org: Org) -> str:
    return json.dumps(roles_rows(org), indent=2, ensure_ascii=False) + "\n"


def roles_table(org: Org) -> Table:
    from rich.table import Table

    from orglint.sanitize import rich_text as escape  # markup and control characters of chart data

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for column in ("id", "title", "roles", "functions", "leads"):
        table.add_column(column, overflow="fold")
    for row in roles_rows(org):
        roles = escape(", ".join(row["roles"])) or "[dim]no role[/]"
        table.add_row(
            escape(row["id"]),
            escape(row["title"]) if row["title"] else "[dim]-[/]",
            roles,
            escape(", ".join(row["functions"])) or "[dim]-[/]",
            escape(", ".join(row["leads"])),
        )
    return table
