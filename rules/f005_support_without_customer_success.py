"""
## What it does
Flags a support function of at least `min-size` people with nobody in customer success anywhere in
the org.

## Why is this bad?
Support answers tickets; customer success makes sure customers get the value they paid for before they
open one, or before they churn. Support should have customer success engineers: people who understand
each customer's context and problem, and whom customers call because talking to them helps. Without
them, the org only hears from customers when something is broken, and product management loses its
best source of what customers are trying to do.

Customer success is present when someone holds the `customer-success` role ("Customer Success
Manager", "Customer Success Engineer", "Technical Account Manager"), works in a unit whose function is
`customer-success`, or leads customer success. The finding points at the head of support, or at the
first support person when support has no leader.


Not applied under `product-oriented` and `service-oriented` (docs/strategy.md): the liaisons are the
interfaces of a SaaS business's product department, and a service company "in no means product
centric or product led" staffs client projects instead. When nobody works in the product function at
all, L002 reports the one root cause and this finding is folded into it.
## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: sam, name: Sam Okafor, title: Head of Support, reports_to: ada}
  - {id: lena, name: Lena Vogel, title: Support Engineer, reports_to: sam}
  - {id: hugo, name: Hugo Costa, title: Customer Support Specialist, reports_to: sam}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: sam, name: Sam Okafor, title: Head of Support, reports_to: ada}
  - {id: lena, name: Lena Vogel, title: Support Engineer, reports_to: sam}
  - {id: hugo, name: Hugo Costa, title: Customer Support Specialist, reports_to: sam}
  - {id: zoe, name: Zoe Laine, title: Customer Success Engineer, reports_to: sam}
```

## Options
- `min-size` (int, default 3): the support headcount from which customer success is expected.

## References
- "Differing Approaches for Product Organizations" (product oriented: service companies).
- "The Product is the Organization" (support should have customer success engineers).
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule

from ._liaison import missing_liaison


@rule(
    code="F005",
    name="support-without-customer-success",
    severity="info",
    options={"min-size": Option("int", 3, "support headcount from which customer success is expected", minimum=1)},
    strategies={"product-oriented": "off", "service-oriented": "off"},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    yield from missing_liaison(
        org,
        "support",
        options["min-size"],
        lambda _supporters: bool(org.people_in("customer-success") or org.leaders("customer-success")),
        "nobody in customer success",
        "customers are heard from only when something breaks",
    )
