"""
## What it does
Flags a person who is both a product manager and a product owner.

## Why is this bad?
Product ownership and product management are two full-time jobs with incompatible calendars, so the
person holding both leaves one of them undone.

A product owner, in the Scrum sense, lives with the development team: grooming the backlog,
answering questions the same hour, present at every planning, refinement, review and
retrospective. A product manager spends much of the week outside the building, with customers,
prospects and partners, and with marketing, sales and support. Nobody can be at every ceremony and
at every customer meeting. In practice either the team waits for an absent product owner, or the
product manager stops talking to the market and the roadmap drifts into a backlog. Product
ownership is only one part of product management: give each team a product owner of its own and let
the product manager work on the problem, the market and the roadmap.

A title such as "Product Manager / Product Owner" holds both roles, and so does `roles:
[product-manager, product-owner]`. The finding points at the field the two roles come from (`roles`
when written there, else `title`). In a very small company this is sometimes a conscious stopgap: say
so with an inline suppression and its reason.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager / Product Owner, reports_to: julia}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
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
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: omar, name: Omar Haddad, title: Product Owner, reports_to: julia}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
```

## References
- "The Product is the Organization" (Product Management is not Product Ownership).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

from ._product_chain import role_field


@rule(code="R002", name="pm-is-po", severity="warning")
def check(org: Org, options: Options) -> Iterator[Finding]:
    for person in org.people_in("product"):
        if person.holds("product-manager") and person.holds("product-owner"):
            yield org.finding(
                person,
                f"{person.display} is both a product manager and a product owner",
                field=role_field(person, "product-manager", "product-owner"),
            )
