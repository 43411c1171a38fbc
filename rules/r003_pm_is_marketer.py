"""
## What it does
Flags a product manager or chief product officer who is also a marketer or the chief marketing
officer.

## Why is this bad?
Product management is not marketing: each is a full discipline, and a person holding both does one
of them part-time.

Marketing is a complete domain with its own expertise and its own team: brand, collateral, events,
paid acquisition, social media, content, marketing automation, and more. Product management gets
close to the market, but to learn what problem to solve and for whom, not to run campaigns. When
one person carries both, the role tilts toward whatever has the nearer deadline (usually the launch
campaign) and discovery stops; or the marketing team loses its leader to roadmap meetings. The two
functions must work tightly together instead: product management hands marketing the essence of the
product (and writes content where its market insight is the best asset), marketing builds the
message, the channels and the demand. The bridge between them is a product marketing manager, in
marketing.

A person is flagged when they hold `product-manager` or `cpo` together with `marketer` or `cmo`
(for example the title "VP Product & Marketing"). A `product-marketing-manager` is a marketing role
and is not flagged. The finding points at the field the roles come from (`roles` when written there,
else `title`).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP Product & Marketing, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: marco, name: Marco Rossi, title: Content Marketing Manager, reports_to: julia}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: carmen, name: Carmen Diaz, title: VP of Marketing, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: marco, name: Marco Rossi, title: Content Marketing Manager, reports_to: carmen}
```

## References
- "The Product is the Organization" (Product Management is not Marketing).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

from ._product_chain import ROLE_LABEL, held, role_field


@rule(code="R003", name="pm-is-marketer", severity="warning")
def check(org: Org, options: Options) -> Iterator[Finding]:
    for person in org.people_in("product"):
        product = held(person, "cpo", "product-manager")
        if not product:
            continue
        marketing = held(person, "cmo", "marketer")
        if not marketing:
            continue
        yield org.finding(
            person,
            f"{person.display} is both {_roles(product)} and {_roles(marketing)}",
            field=role_field(person, *product, *marketing),
        )


def _roles(roles):
    """ "the chief product officer", "a product manager": the most senior of the roles held."""
    role = roles[0]
    return f"the {ROLE_LABEL[role]}" if role in ("cpo", "cmo") else f"a {ROLE_LABEL[role]}"
