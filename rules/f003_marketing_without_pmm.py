"""
## What it does
Flags a marketing function of at least `min-size` people with no product marketing manager anywhere
in the org.

## Why is this bad?
Without a product marketing manager, nobody translates features into the messages marketing builds on,
and marketing ends up announcing what engineering shipped instead of the value customers buy.
Marketing should have product marketing managers: people who know the product and the market deeply,
turn features into key messages, and help the marketing team with content, events and lead
generation. Their place is moving, too: in the 2023 State of Product Management data, 30% of product
marketing teams now report to product leadership rather than to marketing.

A product marketing manager (role `product-marketing-manager`, e.g. "Product Marketing Manager" or
"PMM") anywhere in the org silences the rule, whether they sit in marketing or in product management.
The finding points at the head of marketing, or at the first marketer when marketing has no leader.


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
  - {id: mia, name: Mia Wong, title: VP Marketing, reports_to: ada}
  - {id: noor, name: Noor Haddad, title: Content Marketing Manager, reports_to: mia}
  - {id: leo, name: Leo Martin, title: Growth Marketer, reports_to: mia}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: mia, name: Mia Wong, title: VP Marketing, reports_to: ada}
  - {id: noor, name: Noor Haddad, title: Content Marketing Manager, reports_to: mia}
  - {id: leo, name: Leo Martin, title: Growth Marketer, reports_to: mia}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: tess, name: Tess Moreau, title: Product Marketing Manager, reports_to: julia}
```

## Options
- `min-size` (int, default 3): the marketing headcount from which a product marketing manager is expected.

## References
- "Differing Approaches for Product Organizations" (product oriented: service companies).
- "The Product is the Organization" (marketing should have their product marketing managers).
- "What “Product-Led” Looks Like in 2023" (30% of product marketing now reports to product leadership).
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule

from ._liaison import missing_liaison


@rule(
    code="F003",
    name="marketing-without-pmm",
    severity="info",
    options={"min-size": Option("int", 3, "marketing headcount from which a PMM is expected", minimum=1)},
    strategies={"product-oriented": "off", "service-oriented": "off"},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    # The role belongs to the marketing function: only its people can hold it.
    yield from missing_liaison(
        org,
        "marketing",
        options["min-size"],
        lambda marketers: any(person.holds("product-marketing-manager") for person in marketers),
        "no product marketing manager",
        "nobody turns features into the messages marketing builds on",
    )
