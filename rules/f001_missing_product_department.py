"""
## What it does
Flags an org that has departments for at least three of engineering, marketing, sales and support,
but no department for product management.

## Why is this bad?
The classic R&D + Marketing + Sales + Support split leaves nobody whose job is the product as a whole,
so every department pulls it its own way. A SaaS business needs a fifth department, product management:
a team of product specialists who interface with each of the other four (product owners with R&D,
product marketing managers with marketing, pre-sales engineers with sales, customer success engineers
with support). Without a home of its own, product management ends up scattered inside the other
departments, or done on the side by whoever shouts loudest.

A department here is a unit of type `department` or `team` (the default type) with a `function`:
the functional homes of people. Squads, tribes, chapters, guilds, platform teams and other
cross-functional or community units do not count, on either side: a product chapter or guild is a
community of practice, not a product management department. Product leadership inside business units
is the fifth department too: in a company of several products organized as business units, each unit
holds its own product management. So the rule is quiet when a leader of the product function (other
than the CEO) is a member of a business unit (or of a unit inside one) or reports, directly or not, to
a business unit's head. The finding points at the first of the departments found; the others are
listed as related locations.

One root cause, one finding. When a more specific rule names the same missing product leadership (L001
to L005, R001, R004), this finding is folded into it. F001 itself stands for G006: with no product
department, a product owned outside product management is the same gap (docs/strategy.md).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: rnd, name: R&D, type: department, function: engineering, lead: grace}
  - {id: marketing, name: Marketing, type: department, function: marketing, lead: mia}
  - {id: sales, name: Sales, type: department, function: sales, lead: ivan}
  - {id: support, name: Customer Support, type: department, function: support, lead: sam}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada, unit: rnd}
  - {id: mia, name: Mia Wong, title: VP Marketing, reports_to: ada, unit: marketing}
  - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada, unit: sales}
  - {id: sam, name: Sam Okafor, title: Head of Support, reports_to: ada, unit: support}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: grace, unit: rnd}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: rnd, name: R&D, type: department, function: engineering, lead: grace}
  - {id: marketing, name: Marketing, type: department, function: marketing, lead: mia}
  - {id: sales, name: Sales, type: department, function: sales, lead: ivan}
  - {id: support, name: Customer Support, type: department, function: support, lead: sam}
  - {id: product, name: Product Management, type: department, function: product, lead: julia}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada, unit: rnd}
  - {id: mia, name: Mia Wong, title: VP Marketing, reports_to: ada, unit: marketing}
  - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada, unit: sales}
  - {id: sam, name: Sam Okafor, title: Head of Support, reports_to: ada, unit: support}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada, unit: product}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia, unit: product}
```

## References
- "The Product is the Organization" (the fifth department: product management).
- "What Is a Product Organization?" (airfocus glossary): several products, business units whose heads
  report to the CEO.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

#: The four classic departments, in the order messages list them.
CLASSIC = ("engineering", "marketing", "sales", "support")
#: Unit types that are functional homes of people ("departments").
DEPARTMENT_TYPES = frozenset(("department", "team"))


@rule(code="F001", name="missing-product-department", severity="warning", supersedes=("G006",))
def check(org: Org, options: Options) -> Iterator[Finding]:
    if _product_leadership_in_business_units(org):
        return
    first_of: dict = {}
    for unit in org.units.values():
        if unit.type not in DEPARTMENT_TYPES or not unit.function:
            continue
        if unit.function == "product":
            return
        if unit.function in CLASSIC and unit.function not in first_of:
            first_of[unit.function] = unit
    if len(first_of) < 3:
        return
    found = [first_of[function] for function in CLASSIC if function in first_of]
    listed = _join([f"{unit.function} ({unit.label})" for unit in found])
    who = org.name or "The org"
    anchor = next(iter(first_of.values()))  # the first department in file order
    yield org.finding(
        org,
        f"{who} has departments for {listed} but none for product management: "
        "add a unit with function: product to hold the product managers and owners",
        at=anchor,
        related=[(f"{unit.function} department {unit.label}", unit) for unit in found if unit is not anchor],
    )


def _product_leadership_in_business_units(org) -> bool:
    """A leader of the product function inside a business unit (its member, or below its head)."""
    units = org.units_of_type("business-unit")
    if not units:
        return False
    unit_ids = {unit.id for unit in units}
    heads = {unit.lead for unit in units if unit.lead}
    for leader in org.leaders("product"):
        if leader is org.ceo:
            continue
        if any(_within(org, unit_id, unit_ids) for unit_id in leader.memberships):
            return True
        if any(boss.id in heads for boss in org.chain(leader)):
            return True
    return False


def _within(org, unit_id, targets) -> bool:
    """Whether the unit is one of ``targets`` or nested inside one (parent cycles cut)."""
    seen = set()
    while unit_id and unit_id not in seen:
        if unit_id in targets:
            return True
        seen.add(unit_id)
        unit = org.units.get(unit_id)
        unit_id = unit.parent if unit is not None else None
    return False


def _join(items: list) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
