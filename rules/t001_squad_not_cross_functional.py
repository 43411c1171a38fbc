"""
## What it does
Flags a squad, or a team working on declared products, whose members lack one of the functions the
`require` option lists (by default engineering and product).

## Why is this bad?
A squad without the skills it needs inside it cannot decide and deliver on its own, which is the whole
point of a squad. A squad is a cross-functional team with a product or platform mandate. A squad of
engineers without a product manager or product owner builds what it is told, waits on someone outside
for every priority call, and nobody in the room speaks for the customer. A squad of product people
without engineers can only write tickets for someone else. Either way, the speed and autonomy that
squads promise are gone.

The rule checks units of type `squad`, and units of type `team` (the default) that list `products`: both
are product teams. A unit's members are the people whose `unit` or `units` names it, plus its `lead`.
Each entry of `require` is a function, matched against the functions of each member (the functions of
their roles, or their home unit's function when they have no role), except `product`, which needs
someone holding `product-manager` or `product-owner` (a designer or a CPO passing by does not make a
squad product-led). An entry that is a role id rather than a function (`designer`, `data-scientist`)
needs someone holding that role; a name that is neither is never satisfied, so a typo shows in every
finding. A unit with no members is left to S009. The finding points at the unit and names every function
it lacks.

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
  - {id: linus, name: Linus Berg, title: Backend Engineer, reports_to: em, unit: checkout}
  - {id: alan, name: Alan Turing, title: Frontend Engineer, reports_to: em, unit: checkout}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad, lead: em}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: em, name: Eva Lund, title: Engineering Manager, reports_to: ada, unit: checkout}
  - {id: linus, name: Linus Berg, title: Backend Engineer, reports_to: em, unit: checkout}
  - {id: alan, name: Alan Turing, title: Frontend Engineer, reports_to: em, unit: checkout}
  - {id: priya, name: Priya Nair, title: Product Owner, reports_to: ada, unit: checkout}
```

## Options
- `require` (list of strings, default `[engineering, product]`): what every squad must have. Add
  `design` to ask for a designer in every squad, or `data` for embedded analytics.

## References
- "Unraveling the Intricacies of a Product-Driven Organization" (each squad is a cross-functional team
  with a product or platform feature mandate).
- "The Product is the Organization" (R&D should have their product owner(s)).
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule
from orglint.vocabulary import FUNCTIONS, ROLE_FUNCTION

PRODUCT_ROLES = ("product-manager", "product-owner")


def is_product_team(unit) -> bool:
    """A squad, or a team that works on declared products."""
    return unit.type == "squad" or (unit.type == "team" and bool(unit.products))


@rule(
    code="T001",
    name="squad-not-cross-functional",
    severity="warning",
    options={
        "require": Option(
            "list[str]",
            ["engineering", "product"],
            "functions every squad needs (product: a product manager or product owner)",
        ),
    },
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    required = list(dict.fromkeys(options["require"]))
    if not required:
        return
    for unit in org.units.values():
        if not is_product_team(unit):
            continue
        members = org.members.get(unit.id, ())
        if not members:
            continue
        # One pass over the members, each asked only for the needs still open (a squad is usually
        # complete after its first few members).
        missing = list(required)
        for person in members:
            missing = [need for need in missing if not _provides(org, person, need)]
            if not missing:
                break
        if missing:
            yield org.finding(
                unit,
                f"{unit.called(_kind(unit))} ({_count(len(members))}) lacks {_join([_describe(m) for m in missing])}",
            )


def _provides(org, person, need: str) -> bool:
    if need == "product":
        return person.holds(*PRODUCT_ROLES)
    if need in FUNCTIONS:
        return need in org.functions_of(person)
    if need in ROLE_FUNCTION:
        return person.holds(need)
    return need in org.functions_of(person)


def _describe(need: str) -> str:
    if need == "product":
        return "a product manager or product owner"
    if need in FUNCTIONS or need not in ROLE_FUNCTION:
        return need
    return f"{'an' if need[0] in 'aeiou' else 'a'} {need}"


def _count(members: int) -> str:
    return "1 member" if members == 1 else f"{members} members"


def _kind(unit) -> str:
    return "squad" if unit.type == "squad" else "product team"


def _join(items: list) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
