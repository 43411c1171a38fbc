"""
## What it does
Flags a unit with no members and no child units. Nobody names it in `unit` or `units`, it has no lead,
and no unit has it as `parent`.

## Why is this bad?
An empty unit is a leftover of a past re-org or a team that exists only on paper, and either way the
chart claims capacity that is not there.

Roadmaps and capacity plans read the chart: a "Payments squad" with nobody in it looks like a team that
can take work. Delete the unit, or put its people in it with `unit:` (home unit) or `units:` (extra
memberships such as chapters and guilds). A unit that only groups other units (a tribe of squads, a
department of teams) is not empty. If the unit's lead is an unknown id, S002 says so, and the unit
counts as having no lead here.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad, lead: bob}
  - {id: payments, name: Payments, type: squad}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: Engineering Manager, reports_to: ada, unit: checkout}
  - {id: eli, name: Eli Cohen, title: Backend Engineer, reports_to: bob, unit: checkout}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad, lead: bob}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: Engineering Manager, reports_to: ada, unit: checkout}
  - {id: eli, name: Eli Cohen, title: Backend Engineer, reports_to: bob, unit: checkout}
```

## References
- The orglint org chart format (docs/format.md): a unit's members are the people whose `unit` or `units`
  names it, plus its `lead`.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule


@rule(code="S009", name="empty-unit", severity="warning")
def check(org: Org, options: Options) -> Iterator[Finding]:
    members = org.members
    children = org.child_units
    for unit in org.units.values():
        if members.get(unit.id):
            continue
        if any(child is not unit for child in children.get(unit.id, ())):
            continue
        yield org.finding(unit, f"{unit.display} has no members and no child units")
