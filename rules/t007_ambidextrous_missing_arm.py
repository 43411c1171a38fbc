"""
## What it does
Flags an org that has `explore` units but no `exploit` unit, or `exploit` units but no `explore` unit.

## Why is this bad?
An ambidextrous structure with one arm has lost the balance it exists for: today's products against
tomorrow's. It has two arms on purpose: an exploit arm that improves the existing products and
platforms, and an explore arm that innovates and creates new offerings, each with its own pace, metrics
and tolerance for failure.
Explore units without an exploit unit leave today's products (and today's revenue) to whoever is left;
exploit units without an explore unit mean nobody is preparing tomorrow's products, and the word
"exploit" describes the whole company. Either declare the missing arm, or give the units the type that
describes them (`team`, `squad`, ...) if the org is not ambidextrous.

One finding for the org, about the first unit of the arm that exists; the others are related
locations.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: labs, name: Acme Labs, type: explore, lead: nina}
  - {id: rnd, name: R&D, type: department, function: engineering, lead: grace}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: nina, name: Nina Patel, title: Director of Engineering, reports_to: ada, unit: labs}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada, unit: rnd}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: labs, name: Acme Labs, type: explore, lead: nina}
  - {id: core, name: Core Products, type: exploit, lead: grace}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: nina, name: Nina Patel, title: Director of Engineering, reports_to: ada, unit: labs}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada, unit: core}
```

## References
- "Unraveling the Intricacies of a Product-Driven Organization" (the dual, ambidextrous structure: an
  exploit arm for existing platforms and products, an explore arm for new offerings).
"""

from orglint import rule


@rule(code="T007", name="ambidextrous-missing-arm", severity="warning")
def check(org, options):
    explore = org.units_of_type("explore")
    exploit = org.units_of_type("exploit")
    if bool(explore) == bool(exploit):
        return
    present, missing = ("explore", "exploit") if explore else ("exploit", "explore")
    units = explore or exploit
    first = units[0]
    others = f" and {len(units) - 1} other {present} unit{'s' if len(units) > 2 else ''}" if len(units) > 1 else ""
    yield org.finding(
        first,
        f"{present} unit {first.label}{others} but no {missing} unit: "
        f"the ambidextrous structure lacks its {missing} arm",
        related=[(f"{present} unit {unit.label}", unit) for unit in units[1:]],
    )
