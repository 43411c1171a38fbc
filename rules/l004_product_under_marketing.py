"""
## What it does
Flags a head of product whose chain of command passes through a marketing leader before the CEO (or,
when the org has no head of product, each product manager and product owner in that position).

## Why is this bad?
When product answers to marketing, product management is treated as marketing's research arm, and
the roadmap follows the campaign calendar instead of the customers' problems.

Product managers have traditionally reported to marketing (or engineering) leaders, mostly in
companies where product had no seat of its own at the executive table. Product management is not
marketing: marketing is a complete discipline (brand, content, events, paid acquisition, marketing
automation) and product management is another, which decides what problem the product solves and
for whom. The two must work closely, which is why the trend now runs the other way: in the 2023
State of Product Management report, product marketing reports to product leadership in 30% of
companies. Move the head of product out from under marketing to report to the CEO, beside the
marketing leader, and put the bridge between them (product marketing managers) where it fits your
go-to-market.

What counts is the same as for L003: the chain of command of each head of product is followed
through `reports_to` up to but not including the CEO (dotted lines do not count); a marketing leader
is someone holding `cmo`, titled as a leader of marketing, or the `lead` of a unit with `function:
marketing`. With no head of product, the product managers and owners are checked, and those under a
marketing leader give one finding, on the first in file order. The finding names the person, points at
their `reports_to`, and names the marketing leader; L001, F001 and G008 about the same missing or
misplaced head are folded into it (docs/strategy.md).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: carmen, name: Carmen Diaz, title: Chief Marketing Officer, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: carmen}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: marco, name: Marco Rossi, title: Content Marketing Manager, reports_to: carmen}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: carmen, name: Carmen Diaz, title: Chief Marketing Officer, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: marco, name: Marco Rossi, title: Content Marketing Manager, reports_to: carmen}
```

## References
- "What “Product-Led” Looks Like in 2023" (product managers traditionally reported to engineering or
  marketing; product marketing now reports to product leadership in 30% of companies).
- "The Product is the Organization" (Product Management is not Marketing).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

from ._product_chain import product_under


@rule(code="L004", name="product-under-marketing", severity="warning", supersedes=("L001", "F001", "G008"))
def check(org: Org, options: Options) -> Iterator[Finding]:
    yield from product_under(org, "marketing")
