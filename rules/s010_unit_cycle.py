"""
## What it does
Flags units whose `parent` links go round in a circle. Following `parent` from a unit leads back to a
unit already on the way; a unit that is its own parent is a cycle of one.

## Why is this bad?
A unit nested inside itself has no place in the organization, so roll-ups of headcount and ownership
never reach the top.

Such loops appear when a re-org moves a tribe under one of its own squads, or when two units are edited
in different files. orglint reports each loop once, on the unit of the loop written first in the
chart, lists the loop in order and points at every `parent` on the way.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: commerce, name: Commerce, type: tribe, lead: bob, parent: checkout}
  - {id: checkout, name: Checkout, type: squad, lead: cy, parent: commerce}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: Director of Engineering, reports_to: ada, unit: commerce}
  - {id: cy, name: Cy Young, title: Engineering Manager, reports_to: bob, unit: checkout}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: commerce, name: Commerce, type: tribe, lead: bob}
  - {id: checkout, name: Checkout, type: squad, lead: cy, parent: commerce}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: Director of Engineering, reports_to: ada, unit: commerce}
  - {id: cy, name: Cy Young, title: Engineering Manager, reports_to: bob, unit: checkout}
```

## References
- "Unraveling the Intricacies of a Product-Driven Organization" (Jen MacIvor): tribes are clusters of
  squads, so the nesting must lead somewhere.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

#: Longer cycles are shortened in the message (every step stays in the related locations).
SHOWN_STEPS = 10


def _describe(names: list[str]) -> str:
    loop = names + [names[0]]
    if len(names) > SHOWN_STEPS:
        hidden = len(loop) - SHOWN_STEPS
        loop = loop[: SHOWN_STEPS - 2] + [f"... ({hidden} more) ..."] + loop[-2:]
    return f"{loop[0]} is inside " + ", which is inside ".join(loop[1:])


@rule(code="S010", name="unit-cycle", severity="error")
def check(org: Org, options: Options) -> Iterator[Finding]:
    cycles = org.unit_cycles
    if not cycles:
        return
    order = {unit_id: index for index, unit_id in enumerate(org.units)}
    for cycle in cycles:
        start = min(range(len(cycle)), key=lambda index: order[cycle[index].id])
        cycle = cycle[start:] + cycle[:start]
        first = cycle[0]
        if len(cycle) == 1:
            yield org.finding(first, f"{first.display} is its own parent (a unit cycle of one)", field="parent")
            continue
        related = [
            (f"{unit.label} is inside {cycle[(index + 1) % len(cycle)].label}", unit.location("parent"))
            for index, unit in enumerate(cycle)
            if index > 0
        ]
        yield org.finding(
            first,
            f"unit cycle of {len(cycle)} units: {_describe([unit.label for unit in cycle])}",
            field="parent",
            related=related,
        )
