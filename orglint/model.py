"""The org chart as rules see it: people, units, products, and what follows from them.

Everything a rule needs about the whole chart (the CEO, each person's
functions, leaders and heads of functions, depth in the hierarchy, who has a
leader of some function above them) is computed once for the whole org in
linear time, and cached. A rule never walks the chain of command of every
person; it asks the Org.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from orglint import fields
from orglint.fields import model_attributes
from orglint.rule import Finding, Related, Severity
from orglint.titles import leads_in_unit, read_title, roles_in_unit
from orglint.vocabulary import CHIEF_ROLE, FUNCTIONS, ROLE_FUNCTION

if TYPE_CHECKING:  # pragma: no cover
    import networkx

_FUNCTION_BIT = {function: 1 << index for index, function in enumerate(FUNCTIONS)}
# Shared results of Org.functions_of: role set -> functions, unit function -> {function}.
_FUNCTIONS_OF_ROLES: dict[frozenset[str], frozenset[str]] = {}
_UNIT_FUNCTION: dict[str, frozenset[str]] = {}
_NO_FUNCTION: frozenset[str] = frozenset()
_CHIEF_ROLE_BIT = {role: _FUNCTION_BIT[function] for function, role in CHIEF_ROLE.items()}


def _title_mask(roles: frozenset[str], leads: frozenset[str]) -> int:
    """Bit mask of the functions someone leads by their roles (C-level) and title."""
    mask = 0
    for role in roles:
        mask |= _CHIEF_ROLE_BIT.get(role, 0)
    for function in leads:
        mask |= _FUNCTION_BIT.get(function, 0)
    return mask


MAX_SHOWN = 120  # characters of a name or title in a message


def shown(text: str) -> str:
    """``text`` as messages show it: cut short when absurdly long, since one name can appear in
    thousands of messages (a 10 MB name once took a run to tens of gigabytes)."""
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "\u2026"


@dataclass(frozen=True, slots=True)
class Location:
    """Where something is written: file, 1-based line and column."""

    file: str | None
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file or '<org>'}:{self.line}:{self.column}"


_E = TypeVar("_E", bound="Entity")


class Entity:
    """What people, units and products share: an id, where they are written, extra data."""

    __slots__ = ("column", "end_line", "extra", "file", "id", "line", "spans")
    kind = ""  # "people", "units", "products": the section, and the subject prefix

    def __init__(self, id: str, file: str | None = None, line: int = 1, column: int = 1, end_line: int | None = None):
        self.id = id
        self.file = file
        self.line = line
        self.column = column
        self.end_line = end_line if end_line is not None else line
        # field name -> (line, column) of its value, for pointing at the offending field
        self.spans: Mapping[str, tuple[int, int]] = {}
        self.extra: dict[str, Any] = {}

    @classmethod
    def from_reading(
        cls: type[_E],
        id: str,
        file: str | None,
        line: int,
        column: int,
        end_line: int,
        values: Mapping[str, Any],
        spans: Mapping[str, tuple[int, int]],
        extra: dict[str, Any],
    ) -> _E:
        """An entry as an importer read it: ``values`` maps the section's field names
        (orglint.fields) to values of their kinds. The hot path of a large chart, which builds a
        million of these: no keyword arguments to match."""
        entity = cls.__new__(cls)
        entity.id = id
        entity.file = file
        entity.line = line
        entity.column = column
        entity.end_line = end_line
        entity.spans = spans
        entity.extra = extra
        entity._set_fields(values)
        return entity

    def _set_fields(self, values: Mapping[str, Any]) -> None:
        """Set the section's fields from ``values`` (field name -> value; absent means not written)."""
        raise NotImplementedError

    @property
    def subject(self) -> str:
        return f"{self.kind}.{self.id}"

    def location(self, field_name: str | None = None) -> Location:
        """The location of a field's value when written, else of the entry."""
        if field_name is not None:
            span = self.spans.get(field_name)
            if span is not None:
                return Location(self.file, span[0], span[1])
        return Location(self.file, self.line, self.column)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"


class Person(Entity):
    # The format's fields (orglint.fields), then what is read from them.
    # position: the person's place in Org.people, set by the Org that indexes them (Org._people_index).
    __slots__ = (*model_attributes(fields.PERSON), "roles", "leads", "position")
    kind = "people"

    def __init__(
        self,
        id: str,
        *,
        name: str | None = None,
        title: str | None = None,
        roles: Iterable[str] = (),
        reports_to: str | None = None,
        dotted_to: Iterable[str] = (),
        unit: str | None = None,
        units: Iterable[str] = (),
        email: str | None = None,
        file: str | None = None,
        line: int = 1,
        column: int = 1,
        end_line: int | None = None,
    ):
        super().__init__(id, file, line, column, end_line)
        self._set_fields(
            {
                "name": name,
                "title": title,
                "roles": roles,
                "reports_to": reports_to,
                "dotted_to": dotted_to,
                "unit": unit,
                "units": units,
                "email": email,
            }
        )

    def _set_fields(self, values: Mapping[str, Any]) -> None:
        get = values.get
        self.name: str | None = get("name")
        title = self.title = get("title")
        explicit_roles = self.explicit_roles = tuple(get("roles", ()))
        self.reports_to: str | None = get("reports_to")
        self.dotted_to = tuple(get("dotted_to", ()))
        self.unit: str | None = get("unit")
        self.units = tuple(get("units", ()))
        self.email: str | None = get("email")
        reading = read_title(title)
        # Explicit roles add to inferred ones (docs/format.md).
        self.roles: frozenset[str] = reading.role_set | frozenset(explicit_roles) if explicit_roles else reading.role_set
        self.leads: frozenset[str] = reading.lead_set
        self.position = -1  # until an Org indexes its people

    @property
    def display(self) -> str:
        """ "Julia Brandt (VP of Product)", for messages."""
        label = self.label
        return f"{label} ({shown(self.title)})" if self.title else label

    @property
    def label(self) -> str:
        return shown(self.name or self.id)

    def holds(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)

    @property
    def memberships(self) -> tuple[str, ...]:
        """Home unit first, then extra memberships."""
        return ((self.unit,) if self.unit else ()) + self.units


class Unit(Entity):
    __slots__ = model_attributes(fields.UNIT)
    kind = "units"

    def __init__(
        self,
        id: str,
        *,
        name: str | None = None,
        type: str | None = None,
        function: str | None = None,
        lead: str | None = None,
        parent: str | None = None,
        products: Iterable[str] = (),
        **where: Any,
    ):
        super().__init__(id, **where)
        self._set_fields({"name": name, "type": type, "function": function, "lead": lead, "parent": parent, "products": products})

    def _set_fields(self, values: Mapping[str, Any]) -> None:
        get = values.get
        self.name: str | None = get("name")
        self.type: str = get("type") or "team"
        self.function: str | None = get("function")
        self.lead: str | None = get("lead")
        self.parent: str | None = get("parent")
        self.products = tuple(get("products", ()))

    @property
    def label(self) -> str:
        return shown(self.name or self.id)

    @property
    def display(self) -> str:
        return f"{self.label} ({self.type})"

    def called(self, kind: str | None = None) -> str:
        """ "squad Growth" for messages, or just "Fraud squad" when the name already says the kind."""
        kind = kind or self.type.replace("-", " ")
        label = self.label
        return label if label.lower().endswith(kind.lower()) else f"{kind} {label}"


class Product(Entity):
    __slots__ = model_attributes(fields.PRODUCT)
    kind = "products"

    def __init__(
        self,
        id: str,
        *,
        name: str | None = None,
        owner: str | None = None,
        metrics: Iterable[str] = (),
        **where: Any,
    ):
        super().__init__(id, **where)
        self._set_fields({"name": name, "owner": owner, "metrics": metrics})

    def _set_fields(self, values: Mapping[str, Any]) -> None:
        get = values.get
        self.name: str | None = get("name")
        self.owner: str | None = get("owner")
        self.metrics = tuple(get("metrics", ()))

    @property
    def label(self) -> str:
        return shown(self.name or self.id)

    @property
    def display(self) -> str:
        return self.label


@dataclass
class Duplicate:
    """A second definition of an id (S003); the first stays in the org."""

    first: Entity
    second: Entity


@dataclass
class Org:
    """The whole chart. Build it, then call :meth:`freeze`-free accessors; derived data is cached."""

    name: str | None = None
    strategy: str | None = None
    people: dict[str, Person] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    duplicates: list[Duplicate] = field(default_factory=list)
    # Where `org:` is written (the org-level subject's fallback location) and its fields.
    file: str | None = None
    line: int = 1
    column: int = 1
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    # The files the chart was read from, in reading order (where org-level findings point last).
    files: list[str] = field(default_factory=list, repr=False, compare=False)

    kind = "org"
    subject = "org"
    id = "org"

    # --- building -----------------------------------------------------------------------

    def add(self, entity: Entity) -> None:
        """Add a person, unit or product; a second definition of an id is kept aside for S003."""
        table: dict[str, Any] = getattr(self, entity.kind)
        first = table.get(entity.id)
        if first is None:
            table[entity.id] = entity
        else:
            self.duplicates.append(Duplicate(first, entity))

    def add_all(self, entities: list[Entity]) -> None:
        """Add entities of one section, in order, as :meth:`add` would: in one step when none of
        their ids is taken (a large chart adds its lists a few thousand entries at a time)."""
        if not entities:
            return
        table: dict[str, Any] = getattr(self, entities[0].kind)
        batch = {entity.id: entity for entity in entities}
        if len(batch) == len(entities) and table.keys().isdisjoint(batch):
            table.update(batch)
        else:
            for entity in entities:
                self.add(entity)

    def location(self, field_name: str | None = None) -> Location:
        if field_name is not None and field_name in self.spans:
            line, column = self.spans[field_name]
            return Location(self.file, line, column)
        return Location(self.file, self.line, self.column)

    @property
    def label(self) -> str:
        return shown(self.name) if self.name else "the org"

    # --- findings -----------------------------------------------------------------------

    def finding(
        self,
        subject: Entity | Org,
        message: str,
        *,
        field: str | None = None,
        at: Entity | Location | None = None,
        at_field: str | None = None,
        related: Iterable[tuple[str, Entity | Location]] = (),
        min_severity: str | Severity | None = None,
    ) -> Finding:
        """A finding about ``subject``; the engine stamps code, name and severity.

        ``min_severity`` raises this finding above the rule's severity (never
        lowers it); a user's explicit severity override still wins.

        It points at ``field`` of the subject when that is written, else at
        ``at`` (an entity or location: the most relevant entry for org-level
        findings), else at the subject's entry.
        """
        location: Location | None = None
        if at is not None:
            location = at if isinstance(at, Location) else at.location(at_field)
        elif field is not None or not isinstance(subject, Org):
            location = subject.location(field)
        else:
            location = self._org_anchor()
        return Finding(
            code="",
            name="",
            severity=Severity.WARNING,
            message=message,
            subject=subject.subject,
            file=location.file,
            line=location.line,
            column=location.column,
            related=tuple(_related(note, where) for note, where in related),
            min_severity=Severity.parse(min_severity) if min_severity is not None else None,
        )

    def _org_anchor(self) -> Location:
        """Where org-level findings point when the rule names nothing better."""
        if self.file is not None:
            return self.location()
        ceo = self.ceo
        if ceo is not None:
            return ceo.location()
        for entity in self.iter_entities():  # people first, then units, then products
            return entity.location()
        return Location(self.files[0] if self.files else None, 1, 1)

    def function_of_unit(self, unit_id: str | None) -> str | None:
        """The function of a unit, else of its nearest ancestor that has one (cycles cut)."""
        seen: set[str] = set()
        unit = self.units.get(unit_id) if unit_id else None
        while unit is not None and unit.id not in seen:
            if unit.function:
                return unit.function
            seen.add(unit.id)
            unit = self.units.get(unit.parent) if unit.parent else None
        return None

    def settle_roles_by_unit(self) -> None:
        """The second step of title reading: a person's home unit settles ambiguous titles.

        A "Solution Architect" reads as pre-sales alone, but as an engineer in an
        engineering or delivery unit (orglint.titles.roles_in_unit). Run once, after every
        importer and before any rule: people's ``roles`` change. Explicit roles still add.
        """
        if not any(unit.function for unit in self.units.values()):
            return
        # The hot loop of a large chart: one dict lookup per person, titles read once.
        dependent: dict[str | None, Any] = {}
        for person in self.people.values():
            title = person.title
            reading = dependent.get(title, False)
            if reading is False:
                reading = read_title(title)
                reading = dependent[title] = reading if reading.by_unit else None
            if reading is None or person.unit is None:
                continue
            settled = roles_in_unit(reading, self.function_of_unit(person.unit))
            if settled != reading.role_set:
                person.roles = settled | frozenset(person.explicit_roles)
                person.leads = leads_in_unit(reading, settled)

    # --- the reporting structure (computed once, linear) -----------------------------------

    @cached_property
    def _people_index(self) -> tuple[dict[str, list[Person]], list[Person], dict[str, int]]:
        """One pass over everyone: each person's position (the index of the hierarchy's arrays),
        direct reports, tops, and the functions each title leads.

        Fused because at a million people each separate pass over the Person
        objects costs about half a second in memory traffic alone.
        """
        reports: dict[str, list[Person]] = {}
        tops: list[Person] = []
        masks: dict[str, int] = {}
        mask_of: dict[tuple[frozenset[str], frozenset[str]], int] = {}  # few distinct (roles, leads)
        for position, person in enumerate(self.people.values()):
            person.position = position
            manager = person.reports_to
            if manager is None:
                tops.append(person)
            else:
                siblings = reports.get(manager)
                if siblings is None:
                    reports[manager] = [person]
                else:
                    siblings.append(person)
            key = (person.roles, person.leads)
            mask = mask_of.get(key)
            if mask is None:
                mask = mask_of[key] = _title_mask(person.roles, person.leads)
            if mask:
                masks[person.id] = mask
        return reports, tops, masks

    @property
    def direct_reports(self) -> dict[str, list[Person]]:
        """Manager id -> the people whose ``reports_to`` names them (in file order)."""
        return self._people_index[0]

    def reports_of(self, person: Person) -> list[Person]:
        return self.direct_reports.get(person.id, [])

    def manager_of(self, person: Person) -> Person | None:
        return self.people.get(person.reports_to) if person.reports_to else None

    @property
    def tops(self) -> list[Person]:
        """People with no ``reports_to`` (in file order)."""
        return self._people_index[1]

    @cached_property
    def ceo(self) -> Person | None:
        """The person holding ``ceo``; else the single top of the chart; else None."""
        holders = [person for person in self.people.values() if "ceo" in person.roles]
        if holders:
            # Several CEOs: the one highest in the chart, then first in file order.
            return min(holders, key=self.depth_of)
        return self.tops[0] if len(self.tops) == 1 else None

    @cached_property
    def _hierarchy(self) -> _Hierarchy:
        """One pass over the chart, on arrays indexed by each person's position in ``people``:
        depth, functions led above each person, and cycles.

        Lists of numbers rather than dicts keyed by id: at a million people, each dict of
        everyone costs a few tenths of a second to fill, and this walk several times that.
        """
        order = list(self.people.values())
        people = self.people
        # parent[i]: the position of i's manager; -1 for a top or a manager the chart does not define.
        # Filled a manager at a time: one look-up per manager, not per person.
        parent = [-1] * len(order)
        for manager_id, reports in self.direct_reports.items():  # sets every position first
            entry = people.get(manager_id)
            if entry is not None:
                for person in reports:
                    parent[person.position] = entry.position
        leads = [0] * len(order)
        for person_id, mask in self._leads_mask.items():
            leads[people[person_id].position] = mask
        depth = [-1] * len(order)  # -1: not worked out yet; -2: on the walk in progress
        above = [0] * len(order)
        cycles: list[list[Person]] = []
        for start in range(len(order)):
            if depth[start] >= 0:
                continue
            # Up from ``start`` to someone already placed, a top, or back onto the walk (a cycle);
            # then down again, each person placed once.
            path: list[int] = []
            current = start
            while True:
                known = depth[current]
                if known >= 0:
                    break
                if known == -2:
                    # A cycle: cut it, its members are tops of their own branch.
                    cut = path.index(current)
                    cycles.append([order[member] for member in path[cut:]])
                    for member in path[cut:]:
                        depth[member] = 0
                    del path[cut:]
                    break
                manager = parent[current]
                if manager < 0:
                    depth[current] = 0  # a top, or the top of a fragment under an unknown manager
                    break
                depth[current] = -2
                path.append(current)
                current = manager
            for member in reversed(path):
                manager = parent[member]
                depth[member] = depth[manager] + 1
                above[member] = above[manager] | leads[manager]
        return _Hierarchy(order, parent, depth, above, cycles)

    def _position(self, person: Person) -> int | None:
        """Where the org's own entry for ``person``'s id sits in the hierarchy's arrays."""
        own = self.people.get(person.id)
        if own is None:
            return None
        self._people_index  # noqa: B018 - sets every position
        return own.position

    def depth_of(self, person: Person) -> int:
        """The number of managers above ``person`` (0 for a top; on or below a cycle, counted
        up to the cut); 0 for someone not in the chart."""
        position = self._position(person)
        return 0 if position is None else self._hierarchy.depth[position]

    def people_with_depth(self) -> Iterator[tuple[Person, int]]:
        """(person, managers above them) for everyone, in file order: :meth:`depth_of` for all at once."""
        return zip(self.people.values(), self._hierarchy.depth, strict=True)

    @cached_property
    def depth(self) -> dict[str, int]:
        """Person id -> number of managers above them (0 for a top), in file order. Built on first
        use; a rule asking about some people uses :meth:`depth_of`."""
        return dict(zip(self.people, self._hierarchy.depth, strict=True))

    @property
    def cycles(self) -> list[list[Person]]:
        """Reporting cycles, each in reporting order starting from its first person in the walk."""
        return self._hierarchy.cycles

    def chain(self, person: Person) -> list[Person]:
        """The chain of command: manager, manager's manager, ... up to the top (cycles cut)."""
        chain: list[Person] = []
        hierarchy = self._hierarchy
        position = self._position(person)
        if not hierarchy.cycles and position is not None and hierarchy.order[position] is person:
            # Up the positions: no cycle to watch for, no id to look up (S007 asks this tens of
            # thousands of times in a deep chart of a million people).
            order, parent = hierarchy.order, hierarchy.parent
            position = parent[position]
            while position >= 0:
                chain.append(order[position])
                position = parent[position]
            return chain
        seen = {person.id}
        current = self.manager_of(person)
        while current is not None and current.id not in seen:
            chain.append(current)
            seen.add(current.id)
            current = self.manager_of(current)
        return chain

    # --- functions, leaders and heads ---------------------------------------------------

    @cached_property
    def unit_leads(self) -> dict[str, list[Unit]]:
        """Person id -> the units they lead."""
        leads: dict[str, list[Unit]] = {}
        for unit in self.units.values():
            if unit.lead:
                leads.setdefault(unit.lead, []).append(unit)
        return leads

    def functions_of(self, person: Person) -> frozenset[str]:
        """The functions of the person's roles; without roles, their home unit's function."""
        roles = person.roles
        if roles:
            functions = _FUNCTIONS_OF_ROLES.get(roles)
            if functions is None:  # a few hundred distinct role sets, even in a huge chart
                functions = frozenset(ROLE_FUNCTION[role] for role in roles if role in ROLE_FUNCTION)
                _FUNCTIONS_OF_ROLES[roles] = functions
            return functions
        unit = self.units.get(person.unit) if person.unit else None
        if unit is not None and unit.function:
            return _UNIT_FUNCTION.setdefault(unit.function, frozenset((unit.function,)))
        return _NO_FUNCTION

    def in_function(self, person: Person, function: str) -> bool:
        return function in self.functions_of(person)

    def people_in(self, function: str) -> list[Person]:
        """Everyone whose function (docs/format.md) is ``function``, in file order."""
        return self._people_by_function.get(function, [])

    @cached_property
    def _people_by_function(self) -> dict[str, list[Person]]:
        by_function: dict[str, list[Person]] = {}
        for person in self.people.values():
            for function in self.functions_of(person):
                by_function.setdefault(function, []).append(person)
        return by_function

    def leads_function(self, person: Person, function: str) -> bool:
        """docs/format.md "Leader of a function F"."""
        return bool(self._leads_mask.get(person.id, 0) & _FUNCTION_BIT[function])

    @cached_property
    def _leads_mask(self) -> dict[str, int]:
        """Person id -> bit mask of the functions they lead (only leaders are present)."""
        masks = dict(self._people_index[2])
        for person_id, units in self.unit_leads.items():
            if person_id not in self.people:
                continue
            for unit in units:
                if unit.function in _FUNCTION_BIT:
                    masks[person_id] = masks.get(person_id, 0) | _FUNCTION_BIT[unit.function]
        return masks

    def leaders(self, function: str) -> list[Person]:
        """Every leader of ``function``, in file order."""
        bit = _FUNCTION_BIT[function]
        return [self.people[pid] for pid, mask in self._leads_mask.items() if mask & bit]

    def heads(self, function: str) -> list[Person]:
        """Leaders of ``function`` with no other leader of it in their chain of command."""
        bit = _FUNCTION_BIT[function]
        return [person for person in self.leaders(function) if not self._led_above(person) & bit]

    def has_leader_above(self, person: Person, function: str) -> bool:
        """Whether someone in the person's chain of command leads ``function``."""
        return bool(self._led_above(person) & _FUNCTION_BIT[function])

    def _led_above(self, person: Person) -> int:
        """Bit mask of the functions led by someone strictly above ``person``."""
        position = self._position(person)
        return 0 if position is None else self._hierarchy.above[position]

    def is_head(self, person: Person, function: str) -> bool:
        return self.leads_function(person, function) and not self.has_leader_above(person, function)

    # --- units --------------------------------------------------------------------------

    @cached_property
    def members(self) -> dict[str, list[Person]]:
        """Unit id -> its members: people naming it in ``unit``/``units``, plus its lead (file order, no repeats)."""
        members: dict[str, list[Person]] = {unit_id: [] for unit_id in self.units}
        for person in self.people.values():
            # Home unit, then extra memberships (Person.memberships, without building its tuple).
            bucket = members.get(person.unit) if person.unit is not None else None
            if bucket is not None:
                bucket.append(person)
            for unit_id in person.units:
                bucket = members.get(unit_id)
                if bucket is not None and (not bucket or bucket[-1] is not person):
                    bucket.append(person)
        for unit in self.units.values():
            lead = self.people.get(unit.lead) if unit.lead else None
            if lead is not None and lead not in members[unit.id]:
                members[unit.id].append(lead)
        return members

    @cached_property
    def unit_cycles(self) -> list[list[Unit]]:
        """Every loop of ``parent`` links, each in parent order, found in one linear pass."""
        units = self.units
        done: set[str] = set()
        cycles: list[list[Unit]] = []
        for unit in units.values():
            if unit.id in done:
                continue
            on_path: dict[str, int] = {}
            path: list[Unit] = []
            current: Unit | None = unit
            while current is not None and current.id not in done and current.id not in on_path:
                on_path[current.id] = len(path)
                path.append(current)
                current = units.get(current.parent) if current.parent is not None else None
            if current is not None and current.id in on_path:
                cycles.append(path[on_path[current.id] :])
            done.update(on_path)
        return cycles

    @cached_property
    def child_units(self) -> dict[str, list[Unit]]:
        children: dict[str, list[Unit]] = {}
        for unit in self.units.values():
            if unit.parent:
                children.setdefault(unit.parent, []).append(unit)
        return children

    def units_of_type(self, *types: str) -> list[Unit]:
        return [unit for unit in self.units.values() if unit.type in types]

    # --- graphs -------------------------------------------------------------------------

    @cached_property
    def reporting_graph(self) -> networkx.DiGraph:
        """The chain of command as a networkx DiGraph, for rules that want graph algorithms.

        Nodes: every person's id, with the Person as the ``person`` attribute. Edges: manager ->
        report for every ``reports_to`` that names a person of the chart (a manager the chart does
        not define, S002, gives no edge), with ``kind="reports"``. Dotted lines are not edges here
        (see :attr:`matrix_graph`). A reporting cycle (S001) stays a cycle: use
        ``networkx.simple_cycles`` or ``ancestors`` freely, but do not assume a tree. Built on first
        use and cached: a rule that never asks does not pay for it.
        """
        import networkx

        graph = networkx.DiGraph()
        graph.add_nodes_from((person_id, {"person": person}) for person_id, person in self.people.items())
        graph.add_edges_from(
            (person.reports_to, person.id, {"kind": "reports"})
            for person in self.people.values()
            if person.reports_to is not None and person.reports_to in self.people
        )
        return graph

    @cached_property
    def matrix_graph(self) -> networkx.MultiDiGraph:
        """The reporting graph plus the dotted lines: a MultiDiGraph with an edge manager -> report of
        ``kind="reports"`` for every ``reports_to`` and of ``kind="dotted"`` for every ``dotted_to``
        (both only to people of the chart); nodes as in :attr:`reporting_graph`."""
        import networkx

        graph = networkx.MultiDiGraph(self.reporting_graph)
        graph.add_edges_from(
            (manager, person.id, {"kind": "dotted"})
            for person in self.people.values()
            for manager in person.dotted_to
            if manager in self.people
        )
        return graph

    @cached_property
    def unit_graph(self) -> networkx.DiGraph:
        """The units as a networkx DiGraph: nodes are unit ids with the Unit as ``unit``, edges
        parent -> child for every ``parent`` that names a unit of the chart (cycles, S010, stay)."""
        import networkx

        graph = networkx.DiGraph()
        graph.add_nodes_from((unit_id, {"unit": unit}) for unit_id, unit in self.units.items())
        graph.add_edges_from(
            (unit.parent, unit.id) for unit in self.units.values() if unit.parent is not None and unit.parent in self.units
        )
        return graph

    def iter_entities(self) -> Iterator[Entity]:
        yield from self.people.values()
        yield from self.units.values()
        yield from self.products.values()


@dataclass(frozen=True, slots=True)
class _Hierarchy:
    """What the walk of the reporting lines gives, by position in ``Org.people``."""

    order: list[Person]  # everyone, in file order: the person at each position
    parent: list[int]  # the position of each person's manager; -1 for none in the chart
    depth: list[int]  # managers above each person
    above: list[int]  # bit mask of the functions someone strictly above each person leads
    cycles: list[list[Person]]


def _related(note: str, where: Entity | Location) -> Related:
    location = where if isinstance(where, Location) else where.location()
    return Related(note, location.file, location.line, location.column)
