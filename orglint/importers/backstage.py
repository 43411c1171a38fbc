"""Importer for Backstage software catalogs: Group entities become units, User entities people.

A catalog file is recognised by ``apiVersion: backstage.io/...`` (see
:func:`orglint.importers._claimant`). Files may hold any number of YAML
documents of any kind; only ``Group`` and ``User`` are read, other kinds
(Component, System, Location, ...) are skipped silently.

Mapping (Backstage descriptor format -> orglint format v1):

- Ids: ``metadata.name``; an entity outside the ``default`` namespace gets
  ``<namespace>/<name>`` (so ``guest`` in namespace ``development`` is
  ``development/guest``). Entity references may be short (``team-a``), carry a
  kind (``group:team-a``) or be full (``group:default/team-a``); a reference
  without a namespace means the namespace of the entity that holds it, as in
  Backstage. References are matched case-insensitively, as Backstage does.
- Group: ``spec.profile.displayName`` (else ``metadata.title``) -> ``name``;
  ``spec.type`` -> ``type`` (organization/company -> company, department and
  sub-department/division -> department, business-unit, team, squad, tribe,
  chapter, guild, platform, value-stream ...; anything else -> team). When the
  type had to be translated the original is kept as ``x-backstage-type``.
  ``spec.parent`` and ``spec.children`` are both honoured; when they disagree
  the group's own ``spec.parent`` wins and the disagreement is reported as an
  E013 *warning* with both locations. ``spec.members`` (optional in Backstage)
  adds memberships to the users it names. No function is read from group
  names: Backstage groups are usually named after teams and products
  ("boxoffice" is not an operations department); state it with an annotation.
- User: ``spec.profile.displayName`` (else ``metadata.title``) -> ``name``;
  ``spec.profile.email`` -> ``email``; ``spec.memberOf``: the first group is the
  home ``unit``, the others go to ``units``. Backstage has no job title field:
  ``spec.profile.jobTitle`` or an annotation whose key ends in ``jobTitle``,
  ``job-title`` or ``title`` (e.g. ``acme.com/job-title``) is read as the title.
- Backstage knows no reporting lines and no group leads; orglint invents none.
  Annotations can state them: ``orglint.io/reports-to: <user ref>`` on a User,
  ``orglint.io/lead: <user ref>`` and ``orglint.io/function: <function>`` on a
  Group.
- When exactly one root group maps to type ``company``, its name becomes the
  org's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from orglint.loader import SourceFile
from orglint.model import Org, Person, Unit
from orglint.problems import did_you_mean, input_problem
from orglint.rule import Finding, Related, Severity
from orglint.yaml_safe import is_null, mapping_items, position, unsafe_tag, unsafe_tag_message

API_VERSION_PREFIX = "backstage.io/"
DEFAULT_NAMESPACE = "default"

ANNOTATION_LEAD = "orglint.io/lead"
ANNOTATION_REPORTS_TO = "orglint.io/reports-to"
ANNOTATION_FUNCTION = "orglint.io/function"
TYPE_EXTRA_KEY = "x-backstage-type"

# Backstage's spec.type is free text. Normalised (lower case, "-" for spaces and
# underscores) type -> orglint unit type. Anything not listed becomes "team".
GROUP_TYPES: dict[str, str] = {
    "organization": "company",
    "organisation": "company",
    "org": "company",
    "company": "company",
    "enterprise": "company",
    "root": "company",
    "department": "department",
    "dept": "department",
    "sub-department": "department",
    "subdepartment": "department",
    "division": "department",
    "business-unit": "business-unit",
    "businessunit": "business-unit",
    "bu": "business-unit",
    "team": "team",
    "product-team": "team",
    "feature-team": "team",
    "squad": "squad",
    "tribe": "tribe",
    "chapter": "chapter",
    "guild": "guild",
    "platform": "platform",
    "platform-team": "platform",
    "value-stream": "value-stream",
    "valuestream": "value-stream",
    "explore": "explore",
    "exploit": "exploit",
}

_TITLE_ANNOTATION = re.compile(r"(?:^|/)(?:job[-_.]?title|title)$", re.IGNORECASE)


@dataclass
class _Ref:
    """A written entity reference: where it is, and what it resolves to."""

    text: str
    node: Node
    kind: str
    namespace: str
    name: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.namespace.lower(), self.name.lower())


@dataclass
class _Entity:
    """One Group or User document, read but not yet turned into a unit or person."""

    kind: str  # "group" or "user"
    id: str
    namespace: str
    name: str
    file: str
    document: MappingNode
    name_node: Node
    display_name: tuple[str, Node] | None = None
    email: tuple[str, Node] | None = None
    title: tuple[str, Node] | None = None
    type: tuple[str, Node] | None = None
    function: tuple[str, Node] | None = None
    parent: _Ref | None = None
    children: list[_Ref] | None = None  # None: no spec.children written
    children_node: Node | None = None
    member_of: list[_Ref] = field(default_factory=list)
    members: list[_Ref] = field(default_factory=list)
    lead: _Ref | None = None
    reports_to: _Ref | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.namespace.lower(), self.name.lower())


def entity_id(namespace: str, name: str) -> str:
    """``team-a`` in the default namespace, ``development/guest`` elsewhere."""
    return name if namespace.lower() == DEFAULT_NAMESPACE else f"{namespace}/{name}"


def parse_ref(text: str, default_kind: str, default_namespace: str) -> tuple[str, str, str] | None:
    """``[kind:][namespace/]name`` -> (kind, namespace, name), or None when malformed."""
    text = text.strip()
    kind, namespace = default_kind, default_namespace
    if ":" in text:
        kind, text = text.split(":", 1)
        kind = kind.strip().lower()
    if "/" in text:
        namespace, text = text.split("/", 1)
        namespace = namespace.strip()
    name = text.strip()
    if not kind or not namespace or not name or "/" in name or ":" in name:
        return None
    return kind, namespace, name


class _Reader:
    """Reads the Group and User documents of every catalog file, collecting problems."""

    def __init__(self, problems: list[Finding]):
        self.problems = problems
        self.entities: list[_Entity] = []
        self.file = ""

    # -- problems -------------------------------------------------------------------------

    def problem(
        self,
        code: str,
        message: str,
        node: Node,
        *,
        severity: Severity = Severity.ERROR,
        subject: str = "",
        related: tuple[Related, ...] = (),
        file: str | None = None,
    ) -> None:
        line, column = position(node)
        self.problems.append(
            input_problem(code, message, file or self.file, line, column, subject=subject, related=related, severity=severity)
        )

    def safe(self, node: Node) -> bool:
        message = unsafe_tag_message(node)
        if message is None:
            return True
        self.problem("E008", message, node)
        return False

    # -- documents ------------------------------------------------------------------------

    def read_file(self, source: SourceFile) -> None:
        self.file = source.path
        for document in source.documents:
            if is_null(document):
                continue
            if not self.safe(document):
                continue
            if not isinstance(document, MappingNode):
                self.problem(
                    "E013", "a Backstage catalog document must be a mapping (an entity with apiVersion and kind)", document
                )
                continue
            self.read_document(document)

    def read_document(self, document: MappingNode) -> None:
        items = {key: (key_node, value) for key, key_node, value in mapping_items(document, self.file, self.problems)}
        api_version = self.scalar(items.get("apiVersion", (None, None))[1])
        if api_version is None or not api_version.startswith(API_VERSION_PREFIX):
            return  # not a Backstage entity (e.g. a Kubernetes manifest next to it)
        kind = self.scalar(items.get("kind", (None, None))[1])
        if kind is None:
            self.problem("E013", "Backstage entity has no kind", document)
            return
        kind = kind.lower()
        if kind not in ("group", "user"):
            return  # Component, System, API, Location, ...: not part of the org chart
        metadata_node = items.get("metadata", (None, None))[1]
        metadata = self.mapping(f"{kind.title()} metadata", metadata_node, document) or {}
        name_node = metadata.get("name")
        name = self.scalar(name_node) if name_node is not None else None
        if name is None or not name.strip() or name_node is None:
            self.problem("E013", f"{kind.title()} entity has no metadata.name", name_node or metadata_node or document)
            return
        namespace_node = metadata.get("namespace")
        namespace = (self.scalar(namespace_node) if namespace_node is not None else None) or DEFAULT_NAMESPACE
        namespace = namespace.strip() or DEFAULT_NAMESPACE
        entity = _Entity(
            kind=kind,
            id=entity_id(namespace, name.strip()),
            namespace=namespace,
            name=name.strip(),
            file=self.file,
            document=document,
            name_node=name_node,
        )
        spec = self.mapping(f"{entity.id}: spec", items.get("spec", (None, None))[1], document) or {}
        profile = self.mapping(f"{entity.id}: spec.profile", spec.get("profile"), document) or {}
        annotations = self.mapping(f"{entity.id}: metadata.annotations", metadata.get("annotations"), document) or {}
        entity.display_name = self.text_field(f"{entity.id}: spec.profile.displayName", profile.get("displayName"))
        if entity.display_name is None:
            entity.display_name = self.text_field(f"{entity.id}: metadata.title", metadata.get("title"))
        entity.email = self.text_field(f"{entity.id}: spec.profile.email", profile.get("email"))
        if kind == "user":
            self.read_user(entity, spec, profile, annotations)
        else:
            self.read_group(entity, spec, annotations)
        self.entities.append(entity)

    def read_user(self, entity: _Entity, spec: dict, profile: dict, annotations: dict) -> None:
        entity.title = self.text_field(f"{entity.id}: spec.profile.jobTitle", profile.get("jobTitle"))
        if entity.title is None:
            for key, value in annotations.items():
                if _TITLE_ANNOTATION.search(key):
                    entity.title = self.text_field(f"{entity.id}: annotation {key}", value)
                    if entity.title is not None:
                        break
        member_of = spec.get("memberOf")
        entity.member_of = self.refs(f"{entity.id}: spec.memberOf", member_of, "group", entity.namespace)
        reports_to = annotations.get(ANNOTATION_REPORTS_TO)
        if reports_to is not None:
            entity.reports_to = self.ref(f"{entity.id}: {ANNOTATION_REPORTS_TO}", reports_to, "user", entity.namespace)

    def read_group(self, entity: _Entity, spec: dict, annotations: dict) -> None:
        entity.type = self.text_field(f"{entity.id}: spec.type", spec.get("type"))
        parent = spec.get("parent")
        if parent is not None and not is_null(parent):
            entity.parent = self.ref(f"{entity.id}: spec.parent", parent, "group", entity.namespace)
        children = spec.get("children")
        if children is not None:
            entity.children = self.refs(f"{entity.id}: spec.children", children, "group", entity.namespace)
            entity.children_node = children
        entity.members = self.refs(f"{entity.id}: spec.members", spec.get("members"), "user", entity.namespace)
        lead = annotations.get(ANNOTATION_LEAD)
        if lead is not None:
            entity.lead = self.ref(f"{entity.id}: {ANNOTATION_LEAD}", lead, "user", entity.namespace)
        function = annotations.get(ANNOTATION_FUNCTION)
        if function is not None:
            entity.function = self.function_field(entity, function)

    # -- values ---------------------------------------------------------------------------

    def scalar(self, node: Node | None) -> str | None:
        if node is None or not isinstance(node, ScalarNode) or is_null(node) or not self.safe(node):
            return None
        return node.value

    def text_field(self, what: str, node: Node | None) -> tuple[str, Node] | None:
        """A non-empty string value with its node; a wrong type is reported."""
        if node is None or is_null(node):
            return None
        if not self.safe(node):
            return None
        if not isinstance(node, ScalarNode):
            kind = "a list" if isinstance(node, SequenceNode) else "a mapping"
            self.problem("E004", f"{what} must be a string, not {kind}", node)
            return None
        value = node.value.strip()
        return (value, node) if value else None

    def mapping(self, what: str, node: Node | None, anchor: Node) -> dict[str, Node] | None:
        if node is None or is_null(node):
            return None
        if not self.safe(node):
            return None
        if not isinstance(node, MappingNode):
            self.problem("E004", f"{what} must be a mapping", node)
            return None
        return {key: value for key, _key_node, value in mapping_items(node, self.file, self.problems)}

    def ref(self, what: str, node: Node, default_kind: str, namespace: str) -> _Ref | None:
        text = self.text_field(what, node)
        if text is None:
            if isinstance(node, ScalarNode) and not is_null(node) and unsafe_tag(node) is None:
                self.problem("E013", f"{what}: empty entity reference", node)
            return None
        parsed = parse_ref(text[0], default_kind, namespace)
        if parsed is None:
            self.problem(
                "E013",
                f"{what}: '{text[0]}' is not an entity reference ([kind:][namespace/]name)",
                node,
            )
            return None
        kind, ref_namespace, name = parsed
        if kind != default_kind:
            self.problem(
                "E013",
                f"{what}: '{text[0]}' refers to a {kind}, not a {default_kind}; ignored",
                node,
                severity=Severity.WARNING,
            )
            return None
        return _Ref(text[0], node, kind, ref_namespace, name)

    def refs(self, what: str, node: Node | None, default_kind: str, namespace: str) -> list[_Ref]:
        if node is None or is_null(node) or not self.safe(node):
            return []
        if not isinstance(node, SequenceNode):
            self.problem("E004", f"{what} must be a list of entity references", node)
            return []
        found: list[_Ref] = []
        seen: set[tuple[str, str, str]] = set()
        for item in node.value:
            if not self.safe(item):
                continue
            ref = self.ref(what, item, default_kind, namespace)
            if ref is not None and ref.key not in seen:
                seen.add(ref.key)
                found.append(ref)
        return found

    def function_field(self, entity: _Entity, node: Node) -> tuple[str, Node] | None:
        from orglint.vocabulary import FUNCTIONS

        text = self.text_field(f"{entity.id}: {ANNOTATION_FUNCTION}", node)
        if text is None:
            return None
        if text[0] not in FUNCTIONS:
            self.problem(
                "E011",
                f"{entity.id}: {ANNOTATION_FUNCTION}: unknown function '{text[0]}'{did_you_mean(text[0], FUNCTIONS)}",
                node,
            )
            return None
        return text


class _Builder:
    """Turns the read entities into units and people, checking groups' parent/children agreement."""

    def __init__(self, org: Org, reader: _Reader):
        self.org = org
        self.reader = reader
        self.problems = reader.problems
        # (kind, namespace, name) lower case -> first entity of that key
        self.index: dict[tuple[str, str, str], _Entity] = {}
        for entity in reader.entities:
            self.index.setdefault(entity.key, entity)

    def resolve(self, ref: _Ref) -> str:
        """The id a reference points at: the defined entity's id, else the id as written."""
        target = self.index.get(ref.key)
        return target.id if target is not None else entity_id(ref.namespace, ref.name)

    def warn(self, message: str, entity: _Entity, node: Node, related: list[tuple[str, _Entity, Node]]) -> None:
        self.reader.problem(
            "E013",
            message,
            node,
            severity=Severity.WARNING,
            subject=f"{'units' if entity.kind == 'group' else 'people'}.{entity.id}",
            file=entity.file,
            related=tuple(Related(note, where.file, *position(at)) for note, where, at in related),
        )

    def build(self) -> None:
        groups = [entity for entity in self.reader.entities if entity.kind == "group"]
        users = [entity for entity in self.reader.entities if entity.kind == "user"]
        parents = self.parents(groups)
        extra_memberships = self.group_members(groups)
        companies: list[Unit] = []
        for group in groups:
            unit = self.unit(group, parents.get(id(group)))
            if unit.type == "company" and unit.parent is None:
                companies.append(unit)
            self.org.add(unit)
        for user in users:
            self.org.add(self.person(user, extra_memberships.get(id(user), [])))
        if len(companies) == 1 and self.org.name is None:
            self.org.name = companies[0].label

    # -- groups ---------------------------------------------------------------------------

    def parents(self, groups: list[_Entity]) -> dict[int, str]:
        """Each group's parent id (by object identity), from its spec.parent, else from a parent's spec.children."""
        parents: dict[int, str] = {}
        adopted_by: dict[int, tuple[_Entity, _Ref]] = {}
        for group in groups:
            if group.parent is None:
                continue
            parent_id = self.resolve(group.parent)
            parents[id(group)] = parent_id
            parent = self.index.get(group.parent.key)
            if parent is None or parent.children is None or parent is group:
                continue
            if not any(self.index.get(child.key) is group for child in parent.children):
                listed = ", ".join(self.resolve(child) for child in parent.children) or "none"
                self.warn(
                    f"{group.id} names {parent.id} as its parent, but {parent.id}'s spec.children ({listed}) "
                    f"does not list {group.id}; orglint uses the parent {parent.id}",
                    group,
                    group.parent.node,
                    [(f"{parent.id}'s spec.children", parent, parent.children_node or parent.document)],
                )
        for group in groups:
            for child_ref in group.children or ():
                child = self.index.get(child_ref.key)
                if child is None or child.kind != "group":
                    self.warn(
                        f"{group.id} lists {self.resolve(child_ref)} among its children, but no Group "
                        f"{self.resolve(child_ref)} is defined in the catalog",
                        group,
                        child_ref.node,
                        [],
                    )
                    continue
                if child is group:
                    continue  # a group its own child: the unit cycle rule has nothing to add here
                if child.parent is not None:
                    if self.index.get(child.parent.key) is not group:
                        self.warn(
                            f"{group.id} lists {child.id} among its children, but {child.id} names "
                            f"{self.resolve(child.parent)} as its parent; orglint uses the parent "
                            f"{self.resolve(child.parent)}",
                            group,
                            child_ref.node,
                            [(f"{child.id}'s spec.parent", child, child.parent.node)],
                        )
                    continue
                first = adopted_by.get(id(child))
                if first is not None:
                    first_group, first_ref = first
                    self.warn(
                        f"{group.id} lists {child.id} among its children, but {first_group.id} lists it too; "
                        f"orglint uses the parent {first_group.id}",
                        group,
                        child_ref.node,
                        [(f"{first_group.id}'s spec.children", first_group, first_ref.node)],
                    )
                    continue
                adopted_by[id(child)] = (group, child_ref)
                parents[id(child)] = group.id
        return parents

    def group_members(self, groups: list[_Entity]) -> dict[int, list[str]]:
        """User (by object identity) -> ids of the groups whose spec.members name them."""
        memberships: dict[int, list[str]] = {}
        for group in groups:
            for ref in group.members:
                user = self.index.get(ref.key)
                if user is None:
                    self.warn(
                        f"{group.id} lists {self.resolve(ref)} in spec.members, but no User "
                        f"{self.resolve(ref)} is defined in the catalog",
                        group,
                        ref.node,
                        [],
                    )
                    continue
                bucket = memberships.setdefault(id(user), [])
                if group.id not in bucket:
                    bucket.append(group.id)
        return memberships

    def unit(self, group: _Entity, parent: str | None) -> Unit:
        unit_type, original = None, None
        if group.type is not None:
            original = group.type[0]
            normalised = re.sub(r"[\s_]+", "-", original.strip().lower())
            unit_type = GROUP_TYPES.get(normalised, "team")
        function = group.function[0] if group.function else None
        unit = Unit(
            group.id,
            name=group.display_name[0] if group.display_name else None,
            type=unit_type,
            function=function,
            lead=self.resolve(group.lead) if group.lead else None,
            parent=parent,
            **_where(group),
        )
        spans = {"id": position(group.name_node)}
        if group.display_name:
            spans["name"] = position(group.display_name[1])
        if group.type:
            spans["type"] = position(group.type[1])
        if group.function:
            spans["function"] = position(group.function[1])
        if group.lead:
            spans["lead"] = position(group.lead.node)
        if group.parent is not None:
            spans["parent"] = position(group.parent.node)
        unit.spans = spans
        if original is not None and original != unit_type:
            unit.extra[TYPE_EXTRA_KEY] = original
        return unit

    # -- users ----------------------------------------------------------------------------

    def person(self, user: _Entity, from_groups: list[str]) -> Person:
        memberships: list[str] = []
        for ref in user.member_of:
            unit_id = self.resolve(ref)
            if unit_id not in memberships:
                memberships.append(unit_id)
        for unit_id in from_groups:
            if unit_id not in memberships:
                memberships.append(unit_id)
        person = Person(
            user.id,
            name=user.display_name[0] if user.display_name else None,
            title=user.title[0] if user.title else None,
            reports_to=self.resolve(user.reports_to) if user.reports_to else None,
            unit=memberships[0] if memberships else None,
            units=memberships[1:],
            email=user.email[0] if user.email else None,
            **_where(user),
        )
        spans = {"id": position(user.name_node)}
        for field_name, value in (("name", user.display_name), ("title", user.title), ("email", user.email)):
            if value is not None:
                spans[field_name] = position(value[1])
        if user.member_of:
            spans["unit"] = position(user.member_of[0].node)
            if len(user.member_of) > 1:
                spans["units"] = position(user.member_of[1].node)
        if user.reports_to is not None:
            spans["reports_to"] = position(user.reports_to.node)
        person.spans = spans
        return person


def _where(entity: _Entity) -> dict:
    line, column = position(entity.document)
    end = entity.document.end_mark
    end_line = end.line if end.column == 0 else end.line + 1
    return {"file": entity.file, "line": line, "column": column, "end_line": max(line, end_line)}


def build(org: Org, sources: list[SourceFile], problems: list[Finding], options: object = None) -> None:
    """Read every Backstage catalog source into ``org`` (groups and users of all files together)."""
    reader = _Reader(problems)
    for source in sources:
        reader.read_file(source)
    _Builder(org, reader).build()
