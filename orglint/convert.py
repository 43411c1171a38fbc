"""`orglint convert`: any supported input (native, Backstage, GitLab team page, CSV) -> the native format v1 as YAML text.

The emitter is deterministic (same Org, same text, byte for byte): sections in
the order of docs/format.md (org, products, units, people), entries in the Org's
order (file order), fields in a fixed order, only fields that carry a value,
``x-`` data kept. Strings are written plain only when YAML reads them back as
the same string, else double-quoted with escapes. A second definition of an
id (S003) is written too, after the first ones, so converting loses nothing
that linting the source would report.

Nothing here prints or exits: :func:`convert` returns the text or raises
:class:`ConvertError` with a message for the CLI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from orglint import fields
from orglint.fields import FORMAT_VERSION
from orglint.files import same_file
from orglint.model import Entity, Org, Person, Product, Unit
from orglint.rule import Finding, Severity

# entity class -> (field name, model attribute) of the fields written after `id`, in declared order
_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {
    entity_class: tuple((field.name, field.model_attribute) for field in declared if field.name != "id")
    for entity_class, declared in ((Person, fields.PERSON), (Unit, fields.UNIT), (Product, fields.PRODUCT))
}

# A plain scalar we are willing to write: starts with a letter, digit or one of a
# few safe characters, and has no character YAML treats specially in flow or block context.
_PLAIN = re.compile(r"[A-Za-z0-9_./(][A-Za-z0-9 _./@()&'+-]*")
_RESOLVER = Resolver()
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


class ConvertError(Exception):
    """The conversion cannot go ahead: the message says why; ``problems`` lists the input errors, if any."""

    def __init__(self, message: str, problems: Iterable[Finding] = ()):
        super().__init__(message)
        self.problems = list(problems)


@dataclass
class Conversion:
    """What :func:`convert` produced: the native YAML text, the Org, and input warnings met on the way."""

    text: str
    org: Org
    warnings: list[Finding] = field(default_factory=list)


# --- quoting ------------------------------------------------------------------------------


def scalar(value: Any) -> str:
    """A YAML scalar that reads back as ``value`` (str, int, float, bool or None)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return {"nan": ".nan", "inf": ".inf", "-inf": "-.inf"}[str(value)]
        return repr(value)
    text = str(value)
    if _is_plain_safe(text):
        return text
    return _double_quoted(text)


def _is_plain_safe(text: str) -> bool:
    if not _PLAIN.fullmatch(text) or text != text.strip():
        return False
    # Words and numbers YAML would read as something else (yes, null, 1e3, 0755, 2024-01-01, ...).
    return _RESOLVER.resolve(ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def _double_quoted(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return _NEEDS_ESCAPE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def key(text: str) -> str:
    return scalar(text)


# --- the emitter --------------------------------------------------------------------------


def _value_lines(value: Any, indent: int) -> list[str]:
    """Block YAML for a nested value (used for x- data), each line indented by ``indent`` spaces."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return [pad + "{}"]
        lines: list[str] = []
        for name, item in value.items():
            lines.extend(_entry_lines(f"{pad}{key(str(name))}:", item, indent))
        return lines
    if isinstance(value, (list, tuple)):
        if not value:
            return [pad + "[]"]
        lines = []
        for item in value:
            if (isinstance(item, dict) and item) or (isinstance(item, (list, tuple)) and item):
                nested = _value_lines(item, indent + 2)
                lines.append(f"{pad}- {nested[0].lstrip()}")
                lines.extend(nested[1:])
            else:
                lines.append(f"{pad}- {_inline(item)}")
        return lines
    return [pad + scalar(value)]


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{}" if not value else json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[]" if not value else json.dumps(list(value), ensure_ascii=False)
    return scalar(value)


def _entry_lines(prefix: str, value: Any, indent: int) -> list[str]:
    """``prefix`` is ``<pad>key:``; the value follows on the same line or as an indented block."""
    if isinstance(value, (dict, list, tuple)) and value:
        return [prefix] + _value_lines(value, indent + 2)
    return [f"{prefix} {_inline(value)}"]


def _entity_lines(entity: Entity) -> list[str]:
    lines = [f"  - id: {scalar(entity.id)}"]
    for name, attribute in _FIELDS[type(entity)]:
        value = getattr(entity, attribute)
        if value is None or (isinstance(value, tuple) and not value):
            continue
        if isinstance(value, tuple):
            lines.append(f"    {name}: [{', '.join(scalar(item) for item in value)}]")
        else:
            lines.append(f"    {name}: {scalar(value)}")
    for name, value in entity.extra.items():
        lines.extend(_entry_lines(f"    {key(name)}:", value, 4))
    return lines


def to_yaml(org: Org, *, sources: Iterable[str] = (), schema_url: str | None = None) -> str:
    """The org as native format v1 YAML text (deterministic)."""
    lines: list[str] = []
    if schema_url:
        lines.append(f"# yaml-language-server: $schema={schema_url}")
    named = [source for source in sources]
    if named:
        lines.append("# Converted by `orglint convert` from: " + ", ".join(named).replace("\n", " "))
    lines.append(f"orglint: {FORMAT_VERSION}")
    org_lines: list[str] = []
    if org.name is not None:
        org_lines.append(f"  name: {scalar(org.name)}")
    if org.strategy is not None:
        org_lines.append(f"  strategy: {scalar(org.strategy)}")
    for name, value in org.extra.items():
        org_lines.extend(_entry_lines(f"  {key(name)}:", value, 2))
    if org_lines:
        lines.append("org:")
        lines.extend(org_lines)
    duplicates: dict[str, list[Entity]] = {}
    for duplicate in org.duplicates:
        duplicates.setdefault(duplicate.second.kind, []).append(duplicate.second)
    for section in ("products", "units", "people"):
        entities = list(getattr(org, section).values()) + duplicates.get(section, [])
        if section == "people":
            if not entities:
                lines.append("people: []")
                continue
        elif not entities:
            continue
        lines.append(f"{section}:")
        for entity in entities:
            lines.extend(_entity_lines(entity))
    return "\n".join(lines) + "\n"


# --- the command, without printing --------------------------------------------------------


def check_target(output: str, inputs: Iterable[Path], *, force: bool) -> None:
    """Refuse to write over an input (even with ``force``) or over an existing file (without it)."""
    if output == "-":
        return
    target = Path(output)
    for path in inputs:
        if same_file(path, target):
            raise ConvertError(f"{output} is one of the inputs; orglint never writes to its inputs (choose another -o)")
    if target.is_dir():
        raise ConvertError(f"{output} is a directory; give a file name, e.g. -o {Path(output) / 'org.yaml'}")
    if (target.exists() or target.is_symlink()) and not force:
        raise ConvertError(f"{output} already exists; pass --force to overwrite it")


def convert(
    paths: list[str], output: str, *, force: bool = False, import_options: Any = None, stdin_filename: str | None = None
) -> Conversion:
    """Import ``paths`` and return the native YAML text; ConvertError when the target or the input is unusable."""
    from orglint.api import load_org
    from orglint.files import input_paths

    check_target(output, input_paths(paths, stdin_filename), force=force)
    org, problems = load_org(paths, import_options)
    errors = [problem for problem in problems if problem.severity >= Severity.ERROR]
    if errors:
        raise ConvertError(
            f"not converted: the input has {len(errors)} error{'s' if len(errors) != 1 else ''}; fix them first",
            errors,
        )
    text = to_yaml(org, sources=paths)
    warnings = [problem for problem in problems if problem.severity < Severity.ERROR]
    return Conversion(text=text, org=org, warnings=warnings)
