"""
## What it does
Flags a department, business unit, tribe, squad, platform team or value stream that has no `lead`.

## Why is this bad?
A unit that owns an outcome needs one person accountable for it; without a lead, nobody speaks for
the unit when priorities collide.

Squads, tribes, platform teams and value streams are the building blocks of a product and platform
organization: each carries a mandate (a product area, the shared platform, a stream of customer value)
and the lead is who answers for it. Departments and business units are accountable by definition. Plain
`team`s, chapters, guilds, `company` and explore/exploit arms are not checked: a guild is a voluntary
community and a chapter is usually led through its members' managers. If the lead's id is misspelt,
S002 reports it instead.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad, function: engineering}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: Engineering Manager, reports_to: ada, unit: checkout}
  - {id: eli, name: Eli Cohen, title: Backend Engineer, reports_to: bob, unit: checkout}
  - {id: sam, name: Sam Lee, title: Product Owner, reports_to: ada, unit: checkout}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad, function: engineering, lead: bob}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: Engineering Manager, reports_to: ada, unit: checkout}
  - {id: eli, name: Eli Cohen, title: Backend Engineer, reports_to: bob, unit: checkout}
  - {id: sam, name: Sam Lee, title: Product Owner, reports_to: ada, unit: checkout}
```

## References
- "Unraveling the Intricacies of a Product-Driven Organization" (Jen MacIvor): platform teams, squads
  and tribes, and value streams, each with its own mandate.
- "What Is a Product Organization?" (airfocus glossary): business units whose heads report to the CEO.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

#: Unit types that carry an outcome and need someone accountable for it.
LED_TYPES = ("department", "business-unit", "tribe", "squad", "platform", "value-stream")


@rule(code="S008", name="unit-without-lead", severity="warning")
def check(org: Org, options: Options) -> Iterator[Finding]:
    for unit in org.units.values():
        if unit.type in LED_TYPES and unit.lead is None:
            yield org.finding(unit, f"{unit.display} has no lead", field="lead")
