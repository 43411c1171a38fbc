"""
## What it does
Flags an org that declares `exploit` units but no `explore` unit, or `explore` units while nobody
works outside them. Information only, and only where the chart declares these unit types.

## Why is this bad?
An ambidextrous structure with one arm has lost the balance it exists for: today's products against
tomorrow's. The dual structure has an exploit arm that improves the existing platforms and products and
an explore arm that innovates and creates new offerings.
Exploit units without an explore unit mean the chart declares the exploit arm and nobody is preparing
tomorrow's offerings. Explore units are different: a company that sets up an "AI Labs" or a New
Ventures arm and labels nothing else has its exploit arm already, the rest of the company, so T007
says nothing; only when everyone (but the CEO and the explore leads) sits inside the explore units is
the exploit arm missing. Either declare the missing arm, or give the units the type that describes them
(`team`, `squad`, ...) if the org is not ambidextrous.

One finding for the org, about the first unit of the arm that exists; the others are related
locations. The rule is information, not a warning: whether a company runs an ambidextrous structure at
all is its own choice, and the article presents it as one structure among several.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: core, name: Core Products, type: exploit, lead: grace}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada, unit: core}
  - {id: nina, name: Nina Patel, title: Director of Engineering, reports_to: grace, unit: core}
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

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

from ._product_chain import ExploreArm


@rule(code="T007", name="ambidextrous-missing-arm", severity="info")
def check(org: Org, options: Options) -> Iterator[Finding]:
    explore = org.units_of_type("explore")
    exploit = org.units_of_type("exploit")
    if bool(explore) == bool(exploit):
        return
    if explore and _works_outside(org):
        return  # the rest of the company is the exploit arm, declared or not
    present, missing = ("explore", "exploit") if explore else ("exploit", "explore")
    units = explore or exploit
    first = units[0]
    others = f" and {len(units) - 1} other {present} unit{'s' if len(units) > 2 else ''}" if len(units) > 1 else ""
    yield org.finding(
        first,
        f"{present} unit {first.label}{others} but no {missing} unit: the ambidextrous structure lacks its {missing} arm",
        related=[(f"{present} unit {unit.label}", unit) for unit in units[1:]],
    )


def _works_outside(org) -> bool:
    """Whether someone other than the CEO (and the explore arm's leads) works outside the explore arm."""
    ceo = org.ceo
    in_explore_arm = ExploreArm(org)
    return any(
        person is not ceo and person.id not in in_explore_arm.leads and not in_explore_arm(person)
        for person in org.people.values()
    )
