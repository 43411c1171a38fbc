"""
## What it does
Flags an org that declares a product strategy (`product-led`, `product-led-growth`, `product-centric`,
...) while nobody leads the product function.

## Why is this bad?
To be product-led, product must lead: without a product leader, a declared product strategy is a
label. A product-led organization makes its product team central to strategy and decisions; someone has
to set the product direction, drive alignment across departments and decide when to change course.
Without that person, in practice the loudest department sets the roadmap and the company is sales-led or
technology-driven whatever the chart says. The 2023 State of Product Management data shows what is at
stake: only 45% of respondents said product investment meets senior management's expectations, and
23% blamed the lack of a clear company strategy.

A leader of the product function is someone holding `cpo` ("Chief Product Officer", "VP of Product",
"Head of Product"), the `lead` of a unit whose function is `product`, or someone whose title marks them
as a product leader (Director of Product Management, ...). The rule applies only to the product
strategies (docs/strategy.md). The finding points at the org's `strategy`. When L001, L003 to L005 or
R001 report the missing or misplaced product leader, this finding is folded into theirs.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
  strategy: product-led
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: grace}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
  strategy: product-led
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
```

## References
- "What “Product-Led” Looks Like in 2023" (to be product-led, product must lead; 45% and 23% figures).
- "Differing Approaches for Product Organizations" (product-led, product-centric, product-oriented and
  the product operating model).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule
from orglint.vocabulary import PRODUCT_STRATEGIES


@rule(
    code="G008",
    name="product-strategy-without-product-leader",
    severity="warning",
    strategies={"*": "off", **{strategy: "warning" for strategy in sorted(PRODUCT_STRATEGIES)}},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    if org.leaders("product"):
        return
    who = org.name or "the org"
    yield org.finding(
        org,
        f"{who} declares a {org.strategy} strategy but nobody leads the product function: "
        "appoint a CPO, VP or Head of Product to carry it",
        field="strategy",
    )
