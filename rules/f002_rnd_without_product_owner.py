"""
## What it does
Flags an engineering function of at least `min-engineers` people, in an org of at least
`min-headcount`, with no product owner, product manager or product leader in the org to work with it.

## Why is this bad?
Engineers without a product owner build whatever arrives loudest: the biggest customer's request,
the CEO's idea of the week, the sales deal at the end of the quarter. R&D should have its product
owner(s): someone side by side with the team who grooms the backlog, attends the ceremonies and
decides what is worth building next, so that the engineers' time goes to the product strategy.

"In or alongside" R&D: the product owner or product manager may sit inside engineering, in a squad
with the engineers, or in a product department beside R&D. Any person holding `product-owner` or
`product-manager` anywhere in the org silences the rule, and so does a product leader (a head of
product who is still the whole product team does the product owner's job too); other rules (L003 to
L006) say whether they are well placed. The engineering headcount is everyone whose function is
engineering (engineers, engineering managers, the CTO, and people without a role in an engineering
unit). The finding points at the head of engineering, or at the first engineer when engineering has
no leader. When nobody at all works in the product function, L002 reports the one root cause and
this finding is folded into it.

Strategy. Information only under `technology-driven` (such a startup may choose to focus fully on
the technology for now); not applied under `product-oriented` and `service-oriented`: a service
company staffs client projects, not a SaaS product's backlog (see docs/strategy.md).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: product, name: Product, function: product}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: linus, name: Linus Berg, title: Senior Software Engineer, reports_to: grace}
  - {id: alan, name: Alan Turing, title: Backend Engineer, reports_to: grace}
  - {id: edsger, name: Edsger Dijkstra, title: Frontend Engineer, reports_to: grace}
  - {id: barbara, name: Barbara Liskov, title: QA Engineer, reports_to: grace}
  - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
  - {id: s1, name: Mia Wong, title: Account Executive, reports_to: ivan}
  - {id: s2, name: Noah Klein, title: Account Executive, reports_to: ivan}
  - {id: s3, name: Lea Meyer, title: Sales Development Rep, reports_to: ivan}
  - {id: s4, name: Omar Haddad, title: Account Manager, reports_to: ivan}
  - {id: s5, name: Sara Lind, title: Solutions Engineer, reports_to: ivan}
  - {id: s6, name: Tom Baker, title: Account Executive, reports_to: ivan}
  - {id: s7, name: Ines Rocha, title: Account Executive, reports_to: ivan}
  - {id: mark, name: Mark Dole, title: Product Specialist, reports_to: ada, unit: product}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: product, name: Product, function: product}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Owner, reports_to: julia}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: linus, name: Linus Berg, title: Senior Software Engineer, reports_to: grace}
  - {id: alan, name: Alan Turing, title: Backend Engineer, reports_to: grace}
  - {id: edsger, name: Edsger Dijkstra, title: Frontend Engineer, reports_to: grace}
  - {id: barbara, name: Barbara Liskov, title: QA Engineer, reports_to: grace}
  - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
  - {id: s1, name: Mia Wong, title: Account Executive, reports_to: ivan}
  - {id: s2, name: Noah Klein, title: Account Executive, reports_to: ivan}
  - {id: s3, name: Lea Meyer, title: Sales Development Rep, reports_to: ivan}
  - {id: s4, name: Omar Haddad, title: Account Manager, reports_to: ivan}
  - {id: s5, name: Sara Lind, title: Solutions Engineer, reports_to: ivan}
  - {id: s6, name: Tom Baker, title: Account Executive, reports_to: ivan}
  - {id: s7, name: Ines Rocha, title: Account Executive, reports_to: ivan}
  - {id: mark, name: Mark Dole, title: Product Specialist, reports_to: julia, unit: product}
```

## Options
- `min-engineers` (int, default 5): the engineering headcount from which a product owner is expected.
  Below it, a founder often still plays the role informally.
- `min-headcount` (int, default 15): the company size from which the rule applies, the same threshold
  as L002's: below it the founders usually still carry the product decisions themselves.

## References
- "The Product is the Organization" (R&D should have their product owner(s)).
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule


@rule(
    code="F002",
    name="rnd-without-product-owner",
    severity="warning",
    options={
        "min-engineers": Option("int", 5, "engineering headcount from which a product owner is expected", minimum=1),
        "min-headcount": Option("int", 15, "org headcount from which a product owner is expected", minimum=1),
    },
    strategies={"technology-driven": "info", "product-oriented": "off", "service-oriented": "off"},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    if len(org.people) < options["min-headcount"]:
        return
    engineers = org.people_in("engineering")
    if len(engineers) < options["min-engineers"]:
        return
    # The roles belong to the product function: only its people can hold them. A head of product
    # who is the only product person does the product owner's job too.
    if any(
        person.holds("product-owner", "product-manager", "cpo") or org.leads_function(person, "product")
        for person in org.people_in("product")
    ):
        return
    heads = org.heads("engineering")
    anchor = heads[0] if heads else engineers[0]
    led = f" (led by {anchor.display})" if heads else ""
    yield org.finding(
        org,
        f"engineering has {len(engineers)} people{led} and nobody in the org is a product owner, product manager or product leader: "
        "no one owns the backlog the engineers build from",
        at=anchor,
    )
