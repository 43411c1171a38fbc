"""
## What it does
Flags a head of product whose chain of command passes through a sales leader before the CEO (or,
when the org has no head of product, each product manager and product owner in that position).

## Why is this bad?
When product answers to sales, the roadmap becomes the list of promises made to close this quarter's
deals, and nobody is left to weigh them against the product's strategy.

This is the sales-led company: strategic decisions and culture are shaped by the sales department,
and development is organized around sales opportunities and targets. Selling is not the problem; a
sales-led business can be a healthy one. But a product leader who reports to the revenue leader
cannot say no to a deal, and the product drifts into a collection of one-off projects that do not
add up, which is the opposite of what product-led growth and product-led sales need: there, sales
works with product management on growing the product strategically instead of throwing customer
requests over the wall. Move the head of product out from under sales to report to the CEO, beside
the sales leader, and let the two disagree in the open.

Severity (docs/strategy.md). A warning by default. An error when `org.strategy` is `product-led`,
`product-led-growth`, `product-led-sales`, `product-centric` or `product-operating-model`: such an org
contradicts its own declared strategy. Information under `sales-led`: the article calls that approach
"totally fine and in no means something bad" (to scale, it has to be combined with another one).
`product-oriented` (a service company using product methods, "in no means product centric or product
led") keeps the warning. A `severity:` for L003 in the user's config still wins, for every finding.

What counts. The chain of command is followed through `reports_to` (solid lines; dotted lines do not
count) from each head of product (a leader of the product function with no other product leader
above them), up to but not including the CEO: a CEO who also leads sales is not flagged here. A
sales leader is someone holding `cro`, titled as a leader of sales (VP Sales, Head of Sales...), or
the `lead` of a unit with `function: sales`; a COO or other executive above the head of product is
not. When the org has no head of product at all, the product managers and product owners are checked
the same way (not product owners embedded in R&D, nor the explore arm), and those under a sales leader
are one root cause, the missing head of product: one finding on the first of them in file order,
naming the others. The finding names the person, points at their `reports_to`, and names the sales
leader. It stands for L001, F001 and G008 when they describe the same missing or misplaced head: they
are folded into it as related notes (docs/strategy.md).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
  strategy: product-led
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: ivan, name: Ivan Petrov, title: Chief Revenue Officer, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ivan}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: mia, name: Mia Wong, title: Account Executive, reports_to: ivan}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
  strategy: product-led
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: ivan, name: Ivan Petrov, title: Chief Revenue Officer, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: mia, name: Mia Wong, title: Account Executive, reports_to: ivan}
```

## References
- "Differing Approaches for Product Organizations" (sales-led as the product anti-pattern; product-led
  sales).
- "What “Product-Led” Looks Like in 2023" (the product team's central role in strategy).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

from ._product_chain import product_under

#: Strategies a head of product under sales contradicts (product-oriented is a service company).
CONTRADICTED = ("product-led", "product-led-growth", "product-led-sales", "product-centric", "product-operating-model")


@rule(
    code="L003",
    name="product-under-sales",
    severity="warning",
    strategies={**{strategy: "error" for strategy in CONTRADICTED}, "sales-led": "info"},
    supersedes=("L001", "F001", "G008"),
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    why = f"; the org's strategy is {org.strategy}" if org.strategy in CONTRADICTED else ""
    yield from product_under(org, "sales", why=why)
