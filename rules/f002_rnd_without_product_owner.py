"""
## What it does
Flags an engineering function of at least `min-engineers` people with no product owner or product
manager in the org to work with it.

## Why is this bad?
Engineers without a product owner build whatever arrives loudest: the biggest customer's request,
the CEO's idea of the week, the sales deal at the end of the quarter. R&D should have its product
owner(s): someone side by side with the team who grooms the backlog, attends the ceremonies and
decides what is worth building next, so that the engineers' time goes to the product strategy.

"In or alongside" R&D: the product owner or product manager may sit inside engineering, in a squad
with the engineers, or in a product department beside R&D. Any person holding `product-owner` or
`product-manager` anywhere in the org silences the rule; other rules (L003 to L006) say whether they
are well placed. The engineering headcount is everyone whose function is engineering (engineers,
engineering managers, the CTO, and people without a role in an engineering unit). The finding points
at the head of engineering, or at the first engineer when engineering has no leader.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: linus, name: Linus Berg, title: Senior Software Engineer, reports_to: grace}
  - {id: alan, name: Alan Turing, title: Backend Engineer, reports_to: grace}
  - {id: edsger, name: Edsger Dijkstra, title: Frontend Engineer, reports_to: grace}
  - {id: barbara, name: Barbara Liskov, title: QA Engineer, reports_to: grace}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Owner, reports_to: julia}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: linus, name: Linus Berg, title: Senior Software Engineer, reports_to: grace}
  - {id: alan, name: Alan Turing, title: Backend Engineer, reports_to: grace}
  - {id: edsger, name: Edsger Dijkstra, title: Frontend Engineer, reports_to: grace}
  - {id: barbara, name: Barbara Liskov, title: QA Engineer, reports_to: grace}
```

## Options
- `min-engineers` (int, default 5): the engineering headcount from which a product owner is expected.
  Below it, a founder often still plays the role informally.

## References
- "The Product is the Organization" (R&D should have their product owner(s)).
"""

from orglint import Option, rule


@rule(
    code="F002",
    name="rnd-without-product-owner",
    severity="warning",
    options={
        "min-engineers": Option("int", 5, "engineering headcount from which a product owner is expected", minimum=1),
    },
)
def check(org, options):
    engineers = org.people_in("engineering")
    if len(engineers) < options["min-engineers"]:
        return
    # Both roles belong to the product function: only its people can hold them.
    if any(person.holds("product-owner", "product-manager") for person in org.people_in("product")):
        return
    heads = org.heads("engineering")
    anchor = heads[0] if heads else engineers[0]
    led = f" (led by {anchor.display})" if heads else ""
    yield org.finding(
        org,
        f"engineering has {len(engineers)} people{led} and nobody in the org is a product owner or product manager: "
        "no one owns the backlog the engineers build from",
        at=anchor,
    )
