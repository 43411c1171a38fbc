"""
## What it does
Flags a CEO who is also the chief product officer, the head of the product function, or a product
manager or product owner.

## Why is this bad?
Product management is one of the most time-consuming jobs in a product company, and a CEO who also
does it gives the product only what is left of their week.

The CEO holds the vision, drives the business by it, and feeds product management with it; the CEO
also answers for the whole organization: investors, hiring, sales, finance, every department that
needs them. Product management is the craft that makes all the pieces fit together without slowing
everyone down: customer discovery, roadmap trade-offs, working every day with engineering,
marketing, sales and support. Nobody does both well, which is why "the CEO should never be the CPO".
A CEO who keeps the product seat also takes away the one role that can argue with them about the
product, and the organization learns that product decisions are made in the CEO's office. Give the
product a leader of its own who reports to the CEO, and let the CEO empower that leader rather than
do the job.

What counts. The CEO (the person holding `ceo`, or the single top of the chart) is flagged when they
hold `cpo` (a title like "CEO & Chief Product Officer" or `roles: [ceo, cpo]`), when their title marks
them as a product leader ("CEO and Head of Product"), when they hold `product-manager` or
`product-owner`, or when they are the `lead` of a product unit and nobody else in the org leads
product. A CEO listed as `lead` of the product unit while a VP of Product (or another product
leader) exists is read as a nominal lead, not flagged: that leader holds the seat, and L001 checks
that they report to the CEO. The finding points at the CEO's `title` (or `roles` where the role is
written). A founder who is still the only product person on purpose can say so with an inline
suppression and its reason (`# orglint: disable=R001 -- until the first product hire`).

One root cause, one finding: the missing product leader is this finding, so L001 (no head of product
at the CEO's table), G008 (a product strategy without a product leader), F001 (no product department)
and F002 (R&D without a product owner) are folded into it when they fire too (docs/strategy.md).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO & Chief Product Officer}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
```

## References
- "The Product is the Organization" (The CEO should never be the CPO).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

from ._product_chain import PM_ROLES, ROLE_LABEL, ceo_product_seat, held, product_units_led, role_field


@rule(code="R001", name="ceo-is-cpo", severity="error", supersedes=("L001", "G008", "F001", "F002"))
def check(org: Org, options: Options) -> Iterator[Finding]:
    ceo = org.ceo
    if ceo is None:
        return
    seat = ceo_product_seat(org)
    craft = held(ceo, *PM_ROLES)
    if seat is None and not craft:
        return
    related = []
    if seat == "cpo":
        message = f"{ceo.display} is both the CEO and the chief product officer"
        field = role_field(ceo, "cpo")
    elif seat == "title":
        message = f"{ceo.display} is both the CEO and the head of product"
        field = "title"
    elif seat == "unit":
        units = product_units_led(org, ceo)
        names = ", ".join(unit.label for unit in units)
        message = f"{ceo.display} is the CEO and the only product leader, as lead of {names}"
        field = "title"
        related = [(f"{ceo.label} leads this product unit", unit.location("lead")) for unit in units]
    else:
        roles = " and ".join(ROLE_LABEL[role] for role in craft)
        article = "an" if roles[0] in "aeiou" else "a"
        message = f"{ceo.display} is both the CEO and {article} {roles}"
        field = role_field(ceo, *craft)
    if seat is not None and craft:
        message += f", and also works as {' and '.join(ROLE_LABEL[role] for role in craft)}"
    yield org.finding(ceo, message, field=field, related=related)
