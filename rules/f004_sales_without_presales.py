"""
## What it does
Flags a sales function of at least `min-size` people with no pre-sales engineer anywhere in the org.

## Why is this bad?
Without pre-sales engineers, account executives either promise what the product does not do or pull
product managers and engineers into every demo and proof of concept. Sales should have product
pre-sales engineers: people who evangelize the product, build solutions around it and configure it
for each customer's context, so that what is sold is what the product delivers.

A pre-sales engineer (role `pre-sales-engineer`: "Sales Engineer", "Solutions Engineer", "Solutions
Architect", "Pre-sales Consultant") anywhere in the org silences the rule. The finding points at the
head of sales, or at the first salesperson when sales has no leader.


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
  - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
  - {id: kim, name: Kim Larsen, title: Account Executive, reports_to: ivan}
  - {id: omar, name: Omar Ali, title: Sales Development Rep, reports_to: ivan}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
  - {id: kim, name: Kim Larsen, title: Account Executive, reports_to: ivan}
  - {id: omar, name: Omar Ali, title: Sales Development Rep, reports_to: ivan}
  - {id: ravi, name: Ravi Iyer, title: Solutions Engineer, reports_to: ivan}
```

## Options
- `min-size` (int, default 3): the sales headcount from which a pre-sales engineer is expected.

## References
- "Differing Approaches for Product Organizations" (product oriented: service companies).
- "The Product is the Organization" (sales should have product pre-sales engineers).
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule

from ._liaison import missing_liaison


@rule(
    code="F004",
    name="sales-without-presales",
    severity="info",
    options={"min-size": Option("int", 3, "sales headcount from which a pre-sales engineer is expected", minimum=1)},
    strategies={"product-oriented": "off", "service-oriented": "off"},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    # The role belongs to the sales function: only its people can hold it.
    yield from missing_liaison(
        org,
        "sales",
        options["min-size"],
        lambda sellers: any(person.holds("pre-sales-engineer") for person in sellers),
        "no pre-sales engineer",
        "nobody fits the product to each customer's context before the deal is signed",
    )
