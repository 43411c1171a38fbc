"""Importer for GitLab's team page data: the handbook's org chart kept as code.

GitLab keeps its team page as YAML (``data/team_members/person/<letter>/<slug>.yml``,
formerly all in one ``data/team.yml``). Both shapes are read, and recognised by
their text (see :func:`orglint.importers._claimant`):

- a team list: a YAML list of entries with ``slug`` and ``reports_to``;
- a person file: a mapping with ``reports_to`` and ``role`` or ``departments``
  at the top level; its id is its ``slug``, else its file name without
  ``.yml`` (the name other files' ``reports_to`` use).

Mapping (GitLab -> orglint format v1):

- ``slug`` -> ``id``. (The ``gitlab`` handle is not the id: ``reports_to``
  names slugs.) ``name`` -> ``name`` when present.
- ``role`` -> ``title``, HTML stripped: GitLab writes titles as links to the
  job family (``<a href="/job-families/...">Backend Engineer</a>, Create:Source
  Code`` -> ``Backend Engineer, Create:Source Code``); entities are unescaped,
  and the content of ``script`` and ``style`` elements is dropped.
- ``reports_to`` -> ``reports_to``, kept as written: a manager outside the
  file is reported once by S002 (or accepted with its option
  ``allow-external-managers`` for a snapshot of part of a company).
- ``departments`` -> units. Each distinct department name is a unit (id: a
  slug of the name), with the function its name reads as ("Product
  Management" -> product) and, as lead, the member whose title reads as the
  head of that function (see ``orglint.importers.leads``; none when unsure).
  GitLab lists a person's departments from the function down ("Engineering
  Function", "Development Department", ..., "Geo BE Team"), so the first is the
  person's home ``unit`` and the others their extra ``units``. Every unit is
  a plain ``team``: the list mixes functions, departments, sections, stages,
  groups and communities ("Merge Request Coach"), and the format has no way to
  name a lead, so S008 (which asks departments for one) could only nag. The
  list says nothing of how units nest, so no unit has a parent.
- ``type: vacancy`` entries are open positions: they stay in the chart (people
  may report to them) and keep ``x-gitlab-type: vacancy``.
- Everything else (``placeholder``, ``picture``, ``locality``, ``story`` ...) is ignored.

Every location points into the YAML: an entry at its first key, each field at its value.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from orglint.loader import SourceFile
from orglint.model import Org, Person, Unit
from orglint.problems import input_problem
from orglint.rule import Finding, Severity
from orglint.yaml_safe import is_null, mapping_items, position, unsafe_tag_message

TYPE_EXTRA_KEY = "x-gitlab-type"


# --- titles --------------------------------------------------------------------------------------


# Patterns written so that every search is linear: none can fail after scanning far (html.parser
# is quadratic on input such as "<a" repeated, and titles come from files anyone can edit).
_HIDDEN_OPEN = re.compile(r"<(script|style)\b[^<>]*>", re.IGNORECASE)
_HIDDEN_CLOSE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
# A tag runs to its ">" (quoted attribute values may hold one) or, unclosed, to the end of the text,
# as a browser reads it: the real page has `<a href="/job-families/..."</a>`, which shows nothing.
_TAG = re.compile(r"""<[A-Za-z/!?](?:[^>"']+|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))*(?:>|\Z)""")
#: Characters of a role read at most: real ones are under 200, and the title reader reads 1,000.
MAX_ROLE = 10_000
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:)\]])")
_SPACE_AFTER_OPENING = re.compile(r"([(\[])\s+")


@functools.lru_cache(maxsize=16_384)  # titles repeat: the real team page has 818 distinct ones in 1,368
def html_text(value: str) -> str:
    """``<a href="...">Backend Engineer</a>, Plan`` -> ``Backend Engineer, Plan``.

    Tags are dropped, the content of ``script`` and ``style`` elements too (an
    unclosed one hides the rest, as in a browser), entities are unescaped and
    whitespace is collapsed.
    """
    if "<" in value:
        kept: list[str] = []
        position = 0
        while True:
            opened = _HIDDEN_OPEN.search(value, position)
            if opened is None:
                kept.append(value[position:])
                break
            kept.append(value[position : opened.start()])
            closed = _HIDDEN_CLOSE[opened.group(1).lower()].search(value, opened.end())
            if closed is None:
                break
            position = closed.end()
        value = _TAG.sub(" ", "".join(kept))
    if "&" in value:
        value = html.unescape(value)
    text = " ".join(value.split())
    return _SPACE_AFTER_OPENING.sub(r"\1", _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text))


# --- reading -------------------------------------------------------------------------------------


@dataclass
class _Entry:
    """One person or vacancy, read but not yet turned into a Person."""

    id: str
    file: str
    node: MappingNode
    id_node: Node | None
    name: tuple[str, Node] | None = None
    title: tuple[str, Node] | None = None
    reports_to: tuple[str, Node] | None = None
    type: str | None = None
    departments: list[tuple[str, Node]] = field(default_factory=list)


class _Reader:
    """Reads every entry of every GitLab team file, collecting problems."""

    def __init__(self, problems: list[Finding]):
        self.problems = problems
        self.entries: list[_Entry] = []
        self.file = ""

    def problem(self, code: str, message: str, node: Node, *, subject: str = "", severity: Severity = Severity.ERROR) -> None:
        line, column = position(node)
        self.problems.append(input_problem(code, message, self.file, line, column, subject=subject, severity=severity))

    def safe(self, node: Node) -> bool:
        message = unsafe_tag_message(node)
        if message is None:
            return True
        self.problem("E008", message, node)
        return False

    def read_file(self, source: SourceFile) -> None:
        self.file = source.path
        for document in source.documents:
            if is_null(document) or not self.safe(document):
                continue
            if isinstance(document, SequenceNode):
                for item in document.value:
                    if is_null(item) or not self.safe(item):
                        continue
                    if not isinstance(item, MappingNode):
                        self.problem(
                            "E004", "each entry of a GitLab team list must be a mapping (slug:, role:, reports_to:, ...)", item
                        )
                        continue
                    self.read_entry(item, None)
            elif isinstance(document, MappingNode):
                self.read_entry(document, _file_slug(source.path))
            else:
                self.problem("E004", "a GitLab team file must hold a list of entries or one person's mapping", document)

    def read_entry(self, node: MappingNode, default_id: str | None) -> None:
        items = {key: value for key, _key_node, value in mapping_items(node, self.file, self.problems)}
        slug = self.text("slug", items.get("slug"))
        if slug is None and default_id is None:
            self.problem("E013", "GitLab team entry has no slug (the person's id); it is skipped", items.get("slug") or node)
            return
        entry = _Entry(
            id=slug[0] if slug else default_id,  # type: ignore[arg-type]
            file=self.file,
            node=node,
            id_node=slug[1] if slug else None,
        )
        what = f"{entry.id}:"
        entry.name = self.text(f"{what} name", items.get("name"), subject=entry.id)
        role = self.text(f"{what} role", items.get("role"), subject=entry.id)
        if role is not None:
            raw = role[0]
            if len(raw) > MAX_ROLE:
                self.problem(
                    "E013",
                    f"{what} role is {len(raw):,} characters long; only the first {MAX_ROLE:,} are read",
                    role[1],
                    subject=f"people.{entry.id}",
                    severity=Severity.WARNING,
                )
                raw = raw[:MAX_ROLE]
            title = html_text(raw)
            entry.title = (title, role[1]) if title else None
        entry.reports_to = self.text(f"{what} reports_to", items.get("reports_to"), subject=entry.id)
        kind = self.text(f"{what} type", items.get("type"), subject=entry.id)
        entry.type = kind[0] if kind else None
        entry.departments = self.departments(f"{what} departments", items.get("departments"), entry.id)
        self.entries.append(entry)

    def text(self, what: str, node: Node | None, *, subject: str = "") -> tuple[str, Node] | None:
        """A non-empty scalar value (numbers read as their text) with its node; a list or mapping is reported."""
        if node is None or is_null(node) or not self.safe(node):
            return None
        if not isinstance(node, ScalarNode):
            kind = "a list" if isinstance(node, SequenceNode) else "a mapping"
            self.problem("E004", f"{what} must be a string, not {kind}", node, subject=f"people.{subject}" if subject else "")
            return None
        value = node.value.strip()
        return (value, node) if value else None

    def departments(self, what: str, node: Node | None, person_id: str) -> list[tuple[str, Node]]:
        if node is None or is_null(node) or not self.safe(node):
            return []
        if isinstance(node, ScalarNode):
            value = self.text(what, node, subject=person_id)
            return [value] if value else []
        if not isinstance(node, SequenceNode):
            self.problem("E004", f"{what} must be a list of department names, not a mapping", node, subject=f"people.{person_id}")
            return []
        found: list[tuple[str, Node]] = []
        for item in node.value:
            value = self.text(f"{what} item", item, subject=person_id)
            if value is not None:
                found.append((" ".join(value[0].split()), value[1]))
        return found


def _file_slug(path: str) -> str:
    """``data/team_members/person/s/sid.yml`` -> ``sid``."""
    name = PurePath(path).name
    for suffix in (".yml", ".yaml"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


# --- building ------------------------------------------------------------------------------------


def _build(org: Org, entries: list[_Entry]) -> None:
    from orglint.importers.csv import slug
    from orglint.importers.leads import infer_leads
    from orglint.titles import function_of_name

    units: dict[str, Unit] = {}
    people: list[Person] = []
    for entry in entries:
        memberships: list[str] = []
        for name, node in entry.departments:
            unit_id = slug(name)
            if unit_id not in units:
                line, column = position(node)
                unit = Unit(
                    unit_id,
                    name=name,
                    type="team",
                    function=function_of_name(name),
                    file=entry.file,
                    line=line,
                    column=column,
                )
                unit.spans = {"name": (line, column)}
                units[unit_id] = unit
            if unit_id not in memberships:
                memberships.append(unit_id)
        line, column = position(entry.node)
        end = entry.node.end_mark
        person = Person(
            entry.id,
            name=entry.name[0] if entry.name else None,
            title=entry.title[0] if entry.title else None,
            reports_to=entry.reports_to[0] if entry.reports_to else None,
            unit=memberships[0] if memberships else None,
            units=memberships[1:],
            file=entry.file,
            line=line,
            column=column,
            end_line=max(line, end.line if end.column == 0 else end.line + 1),
        )
        spans: dict[str, tuple[int, int]] = {}
        if entry.id_node is not None:
            spans["id"] = position(entry.id_node)
        for field_name, value in (("name", entry.name), ("title", entry.title), ("reports_to", entry.reports_to)):
            if value is not None:
                spans[field_name] = position(value[1])
        if entry.departments:
            spans["unit"] = position(entry.departments[0][1])
            if len(entry.departments) > 1:
                spans["units"] = position(entry.departments[1][1])
        person.spans = spans
        if entry.type is not None and entry.type != "person":
            person.extra[TYPE_EXTRA_KEY] = entry.type
        people.append(person)
    infer_leads(units, people)
    for unit in units.values():
        org.add(unit)
    for person in people:
        org.add(person)


def build(org: Org, sources: list[SourceFile], problems: list[Finding], options: object = None) -> None:
    """Read every GitLab team source into ``org``: people, and their departments as units."""
    reader = _Reader(problems)
    for source in sources:
        reader.read_file(source)
    _build(org, reader.entries)
