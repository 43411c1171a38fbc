"""
## What it does
Flags a squad that is not inside a tribe, in an org that has tribes.

## Why is this bad?
Once an org groups its squads into tribes, a squad left outside them has no home: no tribe lead to
settle its dependencies, no neighbouring squads working on related areas, no place in the tribe's
planning. It usually means a squad that was forgotten when the tribes were drawn, or one that still
hangs off a functional department, half-way between the old structure and the new. Give it a `parent`
tribe; if it really belongs to none, ask whether it is a squad or a platform team.

A squad is inside a tribe when its `parent`, or a unit further up through `parent`, is a tribe (a squad
in a sub-group of a tribe counts). A `parent` that names an unknown unit is left to S002. The finding
points at the squad's `parent`, or at the squad when it has none.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: payments, name: Payments, type: tribe, lead: tara}
  - {id: checkout, name: Checkout, type: squad, parent: payments, lead: eva}
  - {id: rnd, name: R&D, type: department, function: engineering, lead: tara}
  - {id: search, name: Search, type: squad, parent: rnd, lead: linus}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: tara, name: Tara Lee, title: VP of Engineering, reports_to: ada, unit: rnd}
  - {id: eva, name: Eva Lund, title: Engineering Manager, reports_to: tara, unit: checkout}
  - {id: linus, name: Linus Berg, title: Engineering Manager, reports_to: tara, unit: search}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: payments, name: Payments, type: tribe, lead: tara}
  - {id: discovery, name: Discovery, type: tribe, lead: tara}
  - {id: checkout, name: Checkout, type: squad, parent: payments, lead: eva}
  - {id: rnd, name: R&D, type: department, function: engineering, lead: tara}
  - {id: search, name: Search, type: squad, parent: discovery, lead: linus}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: tara, name: Tara Lee, title: VP of Engineering, reports_to: ada, unit: rnd}
  - {id: eva, name: Eva Lund, title: Engineering Manager, reports_to: tara, unit: checkout}
  - {id: linus, name: Linus Berg, title: Engineering Manager, reports_to: tara, unit: search}
```

## References
- "Unraveling the Intricacies of a Product-Driven Organization" (squads, and tribes as clusters of
  squads working on related areas).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule


@rule(code="T004", name="squad-outside-tribe", severity="info")
def check(org: Org, options: Options) -> Iterator[Finding]:
    tribes = org.units_of_type("tribe")
    if not tribes:
        return
    units = org.units
    in_tribe: dict = {}  # unit id -> whether it is a tribe or lies inside one (memoized: linear overall)

    def inside(unit_id):
        path: list = []
        on_path: set = set()
        current = unit_id
        result = False
        while current is not None:
            known = in_tribe.get(current)
            if known is not None:
                result = known
                break
            unit = units.get(current)
            if unit is None or current in on_path:  # unknown id, or a unit cycle (S010)
                break
            if unit.type == "tribe":
                result = True
                break
            path.append(current)
            on_path.add(current)
            current = unit.parent
        for unit_id in path:
            in_tribe[unit_id] = result
        return result

    names = ", ".join(tribe.label for tribe in tribes[:3]) + (f" and {len(tribes) - 3} more" if len(tribes) > 3 else "")
    for squad in units.values():
        if squad.type != "squad":
            continue
        if squad.parent is None:
            yield org.finding(squad, f"{squad.called('squad')} has no parent tribe, while the org has tribes ({names})")
            continue
        parent = units.get(squad.parent)
        if parent is None or inside(parent.id):
            continue
        yield org.finding(
            squad,
            f"{squad.called('squad')} sits under {parent.display}, not inside a tribe (the org has tribes: {names})",
            field="parent",
            related=[(f"parent {parent.display}", parent)],
        )
