"""
## What it does
Flags a reporting cycle: following `reports_to` from someone leads back to a person already on the way.
Someone who reports to themselves is a cycle of one.

## Why is this bad?
A chain of command that goes round in a circle has no top: nobody on it can escalate a decision, and
their depth, span and leaders cannot be worked out.

Cycles usually appear after a re-org edited in two places: a manager was moved under one of their own
reports, or a `reports_to` was copied onto the wrong line. orglint reports each cycle once, on the
person of the cycle written first in the chart, lists the whole loop in order in the message and points
at every `reports_to` on the way. To work out everything else, orglint cuts the loop and treats its
people as the top of their own branch, so other rules still run, but their results for these people
mean little until the loop is fixed.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
  - {id: carla, name: Carla Diaz, title: Engineering Manager, reports_to: dan}
  - {id: dan, name: Dan Okafor, title: Staff Engineer, reports_to: carla}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
  - {id: carla, name: Carla Diaz, title: Engineering Manager, reports_to: bob}
  - {id: dan, name: Dan Okafor, title: Staff Engineer, reports_to: carla}
```

## References
- The orglint org chart format (docs/format.md), "Chain of command": cycles are cut and reported by S001.
- "What “Product-Led” Looks Like in 2023": reporting lines decide who has a seat at the table, so they
  must lead somewhere.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

#: Longer cycles are shortened in the message (every step stays in the related locations).
SHOWN_STEPS = 10


def describe_cycle(names: list[str], link: str, then: str) -> str:
    """``A reports to B, who reports to C, who reports to A``; long loops are shortened in the middle."""
    loop = names + [names[0]]
    if len(names) > SHOWN_STEPS:
        hidden = len(loop) - SHOWN_STEPS
        loop = loop[: SHOWN_STEPS - 2] + [f"... ({hidden} more) ..."] + loop[-2:]
    return f"{loop[0]} {link} " + f", {then} ".join(loop[1:])


@rule(code="S001", name="reporting-cycle", severity="error")
def check(org: Org, options: Options) -> Iterator[Finding]:
    cycles = org.cycles
    if not cycles:
        return
    order = {person_id: index for index, person_id in enumerate(org.people)}
    for cycle in cycles:
        # Start the loop at its person written first in the chart, keeping reporting order.
        start = min(range(len(cycle)), key=lambda index: order[cycle[index].id])
        cycle = cycle[start:] + cycle[:start]
        first = cycle[0]
        if len(cycle) == 1:
            yield org.finding(first, f"{first.display} reports to themselves (a reporting cycle of one)", field="reports_to")
            continue
        loop = describe_cycle([person.label for person in cycle], "reports to", "who reports to")
        related = [
            (f"{person.label} reports to {cycle[(index + 1) % len(cycle)].label}", person.location("reports_to"))
            for index, person in enumerate(cycle)
            if index > 0
        ]
        yield org.finding(
            first,
            f"reporting cycle of {len(cycle)} people: {loop}",
            field="reports_to",
            related=related,
        )
