"""Importer for orglint's own format, version 1 (FORMAT.md).

Walks the composed YAML nodes of each file and builds the Org, recording the
line and column of every entry and field. Every problem in the input is
reported, not only the first: a bad field is skipped and the walk goes on.
"""

from __future__ import annotations

from typing import Callable

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from orglint.loader import (
    MAX_EXPANDED_NODES,
    NULL_TAG,
    ExpansionLimit,
    SourceFile,
    mapping_items,
    position,
    to_python,
    unsafe_tag,
)
from orglint.model import Org, Person, Product, Unit
from orglint.problems import did_you_mean, input_problem
from orglint.roles import FUNCTIONS, ROLE_FUNCTION, STRATEGIES, UNIT_TYPES
from orglint.rule import Finding, Related

FORMAT_VERSION = 1
TOP_LEVEL_KEYS = ("orglint", "org", "products", "units", "people")
ORG_KEYS = ("name", "strategy")

# Field name -> kind of value. "id" is one id, "ids" a list of ids, "text" a
# string, "texts" a list of strings; "enum:<name>" one of a fixed vocabulary.
PERSON_FIELDS = {
    "id": "id",
    "name": "text",
    "title": "text",
    "roles": "enums:role",
    "reports_to": "id",
    "dotted_to": "ids",
    "unit": "id",
    "units": "ids",
    "email": "text",
}
UNIT_FIELDS = {
    "id": "id",
    "name": "text",
    "type": "enum:unit-type",
    "function": "enum:function",
    "lead": "id",
    "parent": "id",
    "products": "ids",
}
PRODUCT_FIELDS = {
    "id": "id",
    "name": "text",
    "owner": "id",
    "metrics": "texts",
}
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "role": tuple(ROLE_FUNCTION),
    "unit-type": UNIT_TYPES,
    "function": FUNCTIONS,
    "strategy": STRATEGIES,
}
SECTIONS: dict[str, tuple[type, dict[str, str]]] = {
    "people": (Person, PERSON_FIELDS),
    "units": (Unit, UNIT_FIELDS),
    "products": (Product, PRODUCT_FIELDS),
}
_SINGULAR = {"people": "person", "units": "unit", "products": "product"}


def is_native(source: SourceFile) -> bool:
    """Every YAML file that no other importer claims is read as native."""
    return source.kind == "yaml"


class _Builder:
    """Walks one file's nodes into the Org, collecting problems."""

    def __init__(self, org: Org, source: SourceFile, problems: list[Finding], org_defined_in: list[SourceFile]):
        self.org = org
        self.file = source.path
        self.source = source
        self.problems = problems
        self.org_defined_in = org_defined_in
        # One expansion budget per file, so many x- keys aliasing one bomb stay bounded too.
        self.expansion_budget = [MAX_EXPANDED_NODES]

    # -- problems ---------------------------------------------------------------------------

    def problem(self, code: str, message: str, node: Node, **extra) -> None:
        line, column = position(node)
        self.problems.append(input_problem(code, message, self.file, line, column, **extra))

    def wrong_type(self, what: str, expected: str, node: Node) -> None:
        self.problem("E004", f"{what} must be {expected}, not {_node_kind(node)}", node)

    def check_tag(self, node: Node) -> bool:
        tag = unsafe_tag(node)
        if tag is None:
            return True
        self.problem("E008", f"tag {_short_tag(tag)} is not allowed (only plain YAML data is read)", node)
        return False

    # -- the file ---------------------------------------------------------------------------

    def build(self) -> None:
        documents = [doc for doc in self.source.documents if not _is_null(doc)]
        if len(documents) > 1:
            self.problem("E001", "an org chart file holds one YAML document, not several", documents[1])
        if not documents:
            return
        root = documents[0]
        if not self.check_tag(root):
            return
        if not isinstance(root, MappingNode):
            self.wrong_type("the top level of an org chart", "a mapping (orglint:, org:, people:, ...)", root)
            return
        items = mapping_items(root, self.file, self.problems)
        for key, key_node, value in items:
            if key == "orglint":
                self.read_version(value)
        if any(p.code == "E005" and p.file == self.file for p in self.problems):
            return  # a file in another format version is not read any further
        for key, key_node, value in items:
            if key == "orglint":
                continue
            if key == "org":
                self.read_org(key_node, value)
            elif key in SECTIONS:
                self.read_section(key, value)
            elif key.startswith("x-"):
                continue
            else:
                self.problem(
                    "E003",
                    f"unknown top-level key '{key}'{did_you_mean(key, TOP_LEVEL_KEYS)}; prefix your own keys with x-",
                    key_node,
                )

    def read_version(self, node: Node) -> None:
        if isinstance(node, ScalarNode) and node.tag.endswith(":int") and node.value.strip() == str(FORMAT_VERSION):
            return
        shown = node.value if isinstance(node, ScalarNode) else _node_kind(node)
        self.problem(
            "E005",
            f"format version {shown} is not supported; this orglint reads version {FORMAT_VERSION}",
            node,
        )

    def read_org(self, key_node: Node, node: Node) -> None:
        org = self.org
        if self.org_defined_in:
            first = self.org_defined_in[0]
            self.problem(
                "E012",
                f"'org:' is already defined in {first.path}; it may appear in only one file",
                key_node,
                related=[Related("first definition", first.path, org.line, org.column)],
            )
            return
        self.org_defined_in.append(self.source)
        org.file = self.file
        org.line, org.column = position(key_node)
        if _is_null(node):
            return
        if not self.check_tag(node):
            return
        if not isinstance(node, MappingNode):
            self.wrong_type("org", "a mapping with name and strategy", node)
            return
        for key, key_node2, value in mapping_items(node, self.file, self.problems):
            if key.startswith("x-"):
                org.extra[key] = self.free_value(value)
                continue
            if key not in ORG_KEYS:
                self.problem("E003", f"unknown key '{key}' in org{did_you_mean(key, ORG_KEYS)}", key_node2)
                continue
            org.spans[key] = position(value)
            if key == "name":
                org.name = self.text("org.name", value)
            else:
                org.strategy = self.enum("org.strategy", "strategy", value)

    def read_section(self, section: str, node: Node) -> None:
        if _is_null(node):
            return
        if not self.check_tag(node):
            return
        if isinstance(node, SequenceNode):
            for entry in node.value:
                self.read_entry(section, entry, id_node=None)
        elif isinstance(node, MappingNode):
            for key, key_node, entry in mapping_items(node, self.file, self.problems):
                self.read_entry(section, entry, id_node=key_node)
        else:
            self.wrong_type(section, f"a list of {section} entries or a mapping from id to entry", node)

    def read_entry(self, section: str, node: Node, id_node: ScalarNode | None) -> None:
        singular = _SINGULAR[section]
        if not self.check_tag(node):
            return
        if id_node is not None and _is_null(node):
            node = MappingNode("tag:yaml.org,2002:map", [], node.start_mark, node.end_mark)
        if not isinstance(node, MappingNode):
            self.wrong_type(f"each {singular} entry", "a mapping", node)
            return
        entity_class, fields = SECTIONS[section]
        items = mapping_items(node, self.file, self.problems)
        values: dict[str, object] = {}
        spans: dict[str, tuple[int, int]] = {}
        extra: dict[str, object] = {}
        entity_id: str | None = None
        anchor = id_node if id_node is not None else node
        if id_node is not None:
            entity_id = self.identifier(f"{section} key", id_node)
            if entity_id is None:
                return
        for key, key_node, value in items:
            if key.startswith("x-"):
                extra[key] = self.free_value(value)
                continue
            kind = fields.get(key)
            if kind is None:
                where = f"{singular} '{entity_id}'" if entity_id else f"a {singular} entry"
                self.problem("E003", f"unknown key '{key}' in {where}{did_you_mean(key, fields)}", key_node)
                continue
            if key == "id":
                given = self.identifier(f"{singular} id", value)
                if given is None:
                    return
                if entity_id is not None and given != entity_id:
                    self.problem("E011", f"id '{given}' differs from its key '{entity_id}'", value)
                    continue
                entity_id = given
                continue
            what = f"{section}.{entity_id or '?'}.{key}"
            parsed = self.field_value(what, kind, value)
            if parsed is _INVALID:
                continue
            values[key] = parsed
            spans[key] = position(value)
        if entity_id is None:
            self.problem("E004", f"{singular} entry has no id", node)
            return
        line, column = position(anchor)
        entity = entity_class(
            entity_id, file=self.file, line=line, column=column, end_line=node.end_mark.line + 1, **values
        )
        entity.spans = spans
        entity.extra = extra
        self.org.add(entity)

    # -- values ----------------------------------------------------------------------------

    def field_value(self, what: str, kind: str, node: Node) -> object:
        if not self.check_tag(node):
            return _INVALID
        if kind == "id":
            if _is_null(node):
                return None
            return self.identifier(what, node) or _INVALID
        if kind == "text":
            return self.text(what, node) if not _is_null(node) else None
        if kind.startswith("enum:"):
            if _is_null(node):
                return None
            return self.enum(what, kind[5:], node) or _INVALID
        # list kinds
        if _is_null(node):
            return ()
        if not isinstance(node, SequenceNode):
            self.wrong_type(what, "a list", node)
            return _INVALID
        read: Callable[[str, Node], str | None]
        if kind == "ids":
            read = self.identifier
        elif kind == "texts":
            read = self.text
        else:  # "enums:<vocabulary>"
            vocabulary = kind[6:]
            read = lambda w, n: self.enum(w, vocabulary, n)  # noqa: E731
        items: list[str] = []
        for item in node.value:
            if not self.check_tag(item):
                continue
            value = read(f"each item of {what}", item)
            if value is not None and value not in items:
                items.append(value)
        return tuple(items)

    def identifier(self, what: str, node: Node) -> str | None:
        """Ids are strings; integers (HR exports) are read as their text."""
        if isinstance(node, ScalarNode) and node.tag != NULL_TAG and node.value.strip():
            if node.tag.endswith((":str", ":int")):
                return node.value.strip()
            self.wrong_type(what, "an id (a string)", node)
            return None
        self.wrong_type(what, "an id (a string)", node)
        return None

    def text(self, what: str, node: Node) -> str | None:
        if isinstance(node, ScalarNode) and node.tag != NULL_TAG:
            return node.value
        self.wrong_type(what, "a string", node)
        return None

    def enum(self, what: str, vocabulary: str, node: Node) -> str | None:
        value = self.text(what, node)
        if value is None:
            return None
        allowed = VOCABULARIES[vocabulary]
        if value in allowed:
            return value
        self.problem(
            "E011",
            f"{what}: unknown {vocabulary} '{value}'{did_you_mean(value, allowed)}",
            node,
        )
        return None

    def free_value(self, node: Node) -> object:
        try:
            return to_python(node, self.file, self.problems, self.expansion_budget)
        except ExpansionLimit:
            self.problem("E009", "value expands beyond the safety limit (YAML aliases nested too far)", node)
            return None


class _Invalid:
    """Marks a value that was reported and must be left out."""


_INVALID = _Invalid()


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG


def _node_kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "null":
        return "null"
    if tag in ("int", "float"):
        return f"a number ({node.value})"
    if tag == "bool":
        return f"a boolean ({node.value})"
    return f"'{node.value}'"


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def build(org: Org, sources: list[SourceFile], problems: list[Finding]) -> None:
    """Read native-format sources into ``org`` (in the given, sorted, order)."""
    org_defined_in: list[SourceFile] = []
    for source in sources:
        _Builder(org, source, problems, org_defined_in).build()
