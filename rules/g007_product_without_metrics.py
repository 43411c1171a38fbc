"""
## What it does
Flags a declared product that lists no `metrics`.

## Why is this bad?
A product without metrics cannot show that it is worth what it costs. In the 2023 State of Product
Management data, only 45% of respondents said the return on product investment meets senior
management's expectations, and 32% of product managers answered "I'm not sure": almost a third of
product teams do not measure the success of what they build. Writing the metrics next to the product
makes the question explicit in the chart and in every review of it.

Pick a few that together tell the story rather than a single number: customer satisfaction (NPS, CSAT,
CES), usage (DAU, MAU, engagement), revenue (ARPU, LTV, revenue growth), and for platforms uptime and
API response times. Retention deserves a place: product-led companies are credited with a 50% higher
customer retention rate than sales-led ones, and a product that does not track it cannot tell which
kind it is. The finding points at the product (or at an empty `metrics` list).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
products:
  - {id: insights, name: Insights, owner: priya}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
products:
  - {id: insights, name: Insights, owner: priya, metrics: [NPS, MAU, ARPU, D30 retention]}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
```

## References
- "What “Product-Led” Looks Like in 2023" (45% meet expectations; 32% of product managers not sure).
- "Unraveling the Intricacies of a Product-Driven Organization" (customer satisfaction, usage, revenue
  and platform metrics; retention of product-led companies).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule


@rule(code="G007", name="product-without-metrics", severity="info")
def check(org: Org, options: Options) -> Iterator[Finding]:
    for product in org.products.values():
        if not product.metrics:
            yield org.finding(
                product,
                f"product {product.label} lists no metrics: say how its success is measured (e.g. NPS, MAU, ARPU)",
                field="metrics",
            )
