"""Who leads a unit, read from its members' job titles, for inputs that do not say (HR exports, GitLab's team page).

A unit's lead is the member whose title makes them the head of the unit's
function (``orglint.vocabulary``): first the holder of the function's C-level
seat ("CTO", "VP Engineering", "Head of Product"), else a leader of the
function ("Director of Engineering", "VP of Development"). When several
members share the highest rank, the one above all the others in the chain
of command leads (a Senior Director over the Directors of her department).
Otherwise the lead stays unset: a unit without a function ("Geo BE Team"),
without such a title in it, or with several peers at the top, gets no lead
rather than a guess. Being highest in the chain is never enough on its own:
in a partial chart the highest member of Engineering may be a senior
engineer, and in Product an executive assistant.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from orglint.model import Person, Unit
from orglint.vocabulary import CHIEF_ROLE

# Ranks of a candidate: holds the function's C-level seat, or leads the function below it.
_SEAT, _LEADER = 2, 1


def infer_leads(units: Mapping[str, Unit], people: Iterable[Person]) -> None:
    """Set ``lead`` on each unit of ``units`` that has none and whose members' titles name one head."""
    people = list(people)
    candidates: dict[str, tuple[int, list[Person]]] = {}  # unit id -> (best rank, members of that rank)
    for person in people:
        for unit_id in person.memberships:
            unit = units.get(unit_id)
            if unit is None or unit.lead is not None or unit.function is None:
                continue
            rank = _rank(person, unit.function)
            if not rank:
                continue
            best = candidates.get(unit_id)
            if best is None or rank > best[0]:
                candidates[unit_id] = (rank, [person])
            elif rank == best[0] and best[1][-1] is not person:  # unit and units may name it twice
                best[1].append(person)
    chart: _Chart | None = None
    for unit_id, (_rank_found, found) in candidates.items():
        if len(found) == 1:
            units[unit_id].lead = found[0].id
            continue
        chart = chart or _Chart(people)
        top = chart.above_all(found)
        if top is not None:
            units[unit_id].lead = top.id


def _rank(person: Person, function: str) -> int:
    chief = CHIEF_ROLE.get(function)
    if chief is not None and chief in person.roles:
        return _SEAT
    return _LEADER if function in person.leads else 0


class _Chart:
    """The reporting forest, numbered once by a depth-first walk so that "is X above Y" costs O(1)."""

    def __init__(self, people: list[Person]):
        by_id: dict[str, Person] = {}
        for person in people:
            by_id.setdefault(person.id, person)
        reports: dict[str, list[str]] = {}
        roots: list[str] = []
        for person_id, person in by_id.items():
            manager = person.reports_to
            if manager is None or manager not in by_id or manager == person_id:
                roots.append(person_id)
            else:
                reports.setdefault(manager, []).append(person_id)
        # enter/leave times of each person reachable from a root (people on a reporting cycle are not)
        self.enter: dict[str, int] = {}
        self.leave: dict[str, int] = {}
        clock = 0
        for root in roots:
            stack: list[tuple[str, bool]] = [(root, False)]
            while stack:
                person_id, done = stack.pop()
                if done:
                    self.leave[person_id] = clock
                    clock += 1
                    continue
                if person_id in self.enter:
                    continue
                self.enter[person_id] = clock
                clock += 1
                stack.append((person_id, True))
                stack.extend((report, False) for report in reversed(reports.get(person_id, ())))

    def is_above(self, upper: Person, lower: Person) -> bool:
        enter, leave = self.enter, self.leave
        if upper.id not in enter or lower.id not in enter or upper.id == lower.id:
            return False
        return enter[upper.id] < enter[lower.id] and leave[lower.id] < leave[upper.id]

    def above_all(self, found: list[Person]) -> Person | None:
        """The one person of ``found`` above every other in the chain of command, else None."""
        # Only the earliest entered can be above all the others in a depth-first numbering.
        first = min(found, key=lambda person: self.enter.get(person.id, math.inf))
        if all(person is first or self.is_above(first, person) for person in found):
            return first
        return None
