"""
## What it does
Flags a squad with more than `max` members.

## Why is this bad?
A squad works because everybody in it knows what everybody else is doing: one stand-up, one backlog,
decisions taken in the room. Past ten or so people, the stand-up becomes a status meeting, the backlog
splits into private queues and sub-teams form inside the squad without anyone having decided it. Split
the squad along its mandate (two product areas, or product and platform work) into two squads, each
cross-functional, rather than letting it grow.

Members are the people whose `unit` or `units` names the squad, plus its `lead`, each counted once. The
finding points at the squad.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad, lead: em}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: em, name: Eva Lund, title: Engineering Manager, reports_to: ada, unit: checkout}
  - {id: priya, name: Priya Nair, title: Product Owner, reports_to: ada, unit: checkout}
  - {id: e1, name: Linus Berg, title: Backend Engineer, reports_to: em, unit: checkout}
  - {id: e2, name: Alan Turing, title: Backend Engineer, reports_to: em, unit: checkout}
  - {id: e3, name: Edsger Dijkstra, title: Backend Engineer, reports_to: em, unit: checkout}
  - {id: e4, name: Barbara Liskov, title: Frontend Engineer, reports_to: em, unit: checkout}
  - {id: e5, name: Ken Thompson, title: Frontend Engineer, reports_to: em, unit: checkout}
  - {id: e6, name: Radia Perlman, title: Frontend Engineer, reports_to: em, unit: checkout}
  - {id: e7, name: Donald Knuth, title: QA Engineer, reports_to: em, unit: checkout}
  - {id: e8, name: Frances Allen, title: iOS Engineer, reports_to: em, unit: checkout}
  - {id: e9, name: John Backus, title: Android Engineer, reports_to: em, unit: checkout}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad, lead: em}
  - {id: mobile, name: Mobile Checkout, type: squad, lead: e5}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: em, name: Eva Lund, title: Engineering Manager, reports_to: ada, unit: checkout}
  - {id: priya, name: Priya Nair, title: Product Owner, reports_to: ada, unit: checkout}
  - {id: e1, name: Linus Berg, title: Backend Engineer, reports_to: em, unit: checkout}
  - {id: e2, name: Alan Turing, title: Backend Engineer, reports_to: em, unit: checkout}
  - {id: e3, name: Edsger Dijkstra, title: Backend Engineer, reports_to: em, unit: checkout}
  - {id: e4, name: Barbara Liskov, title: Frontend Engineer, reports_to: em, unit: checkout}
  - {id: e5, name: Ken Thompson, title: Engineering Manager, reports_to: ada, unit: mobile}
  - {id: e6, name: Radia Perlman, title: Product Owner, reports_to: ada, unit: mobile}
  - {id: e7, name: Donald Knuth, title: QA Engineer, reports_to: e5, unit: mobile}
  - {id: e8, name: Frances Allen, title: iOS Engineer, reports_to: e5, unit: mobile}
  - {id: e9, name: John Backus, title: Android Engineer, reports_to: e5, unit: mobile}
```

## Options
- `max` (int, default 10): the largest squad that is not flagged.

## References
- "Unraveling the Intricacies of a Product-Driven Organization" (each squad is a cross-functional team
  with a specific product or platform mandate; the structure "supports swift decision-making"). The
  size limit of about ten is orglint's own default, not the article's.
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule


@rule(
    code="T002",
    name="squad-too-large",
    severity="warning",
    options={"max": Option("int", 10, "the largest squad that is not flagged", minimum=1)},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    limit = options["max"]
    for unit in org.units.values():
        if unit.type != "squad":
            continue
        size = len(org.members.get(unit.id, ()))
        if size > limit:
            yield org.finding(
                unit,
                f"{unit.called('squad')} has {size} members, more than {limit}: split it into two cross-functional squads",
            )
