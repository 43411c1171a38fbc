"""
## What it does
Flags an org that declares more than one product and has no unit that divides the work by product line
or stream: no `business-unit`, `value-stream`, `tribe`, `explore` or `exploit` unit.

## Why is this bad?
With several products in one centralized structure, the product lines compete for the same engineers,
roadmap slots and executive attention, and nobody below the CEO answers for one product's results.
The structure of a product organization should follow its product strategy, and the number of products
is the first question to ask. For a company building several products, business units, whose heads
report to the CEO (with the CTO beside them keeping the technology consistent across product lines),
make more sense than one centralized structure.

Business units are not the only legitimate answer. Value streams (teams aligned around the streams
that create a product or service), product-aligned tribes of squads and the dual structure's explore
and exploit arms are product-and-platform structures of their own, and the rule is quiet when the
chart declares any of them. It does not apply to a declared `product-oriented` or `service-oriented`
org (docs/strategy.md): a service portfolio is not a set of product lines.

This is advice, not a verdict: two closely related products can share one team. Declare the units
you do have (`type: business-unit`, `value-stream`, ...), or suppress the rule when a centralized
structure is a deliberate choice. The finding points at the second product, the one that makes the
portfolio plural.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
products:
  - {id: insights, name: Insights, owner: priya, metrics: [NPS, MAU]}
  - {id: pipelines, name: Pipelines, owner: omar, metrics: [ARR, DAU]}
units:
  - {id: product, name: Product Management, type: department, function: product, lead: julia}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada, unit: product}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia, unit: product}
  - {id: omar, name: Omar Ali, title: Product Manager, reports_to: julia, unit: product}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
products:
  - {id: insights, name: Insights, owner: priya, metrics: [NPS, MAU]}
  - {id: pipelines, name: Pipelines, owner: omar, metrics: [ARR, DAU]}
units:
  - {id: bu-insights, name: Insights BU, type: business-unit, lead: bea, products: [insights]}
  - {id: bu-pipelines, name: Pipelines BU, type: business-unit, lead: carl, products: [pipelines]}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bea, name: Bea Rossi, title: General Manager, reports_to: ada, unit: bu-insights}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: bea, unit: bu-insights}
  - {id: carl, name: Carl Jensen, title: General Manager, reports_to: ada, unit: bu-pipelines}
  - {id: omar, name: Omar Ali, title: Product Manager, reports_to: carl, unit: bu-pipelines}
```

## References
- "What Is a Product Organization?" (airfocus glossary): align the structure with the product strategy;
  one product, a centralized structure; several products, business units whose heads report to the CEO.
- "Unraveling the Intricacies of a Product-Driven Organization" (squads and tribes, value streams, the
  dual structure).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

#: Unit types that divide the work by product line or stream: business units (article 000), and the
#: value streams, tribes and explore / exploit arms of the structures of article 003.
PRODUCT_LINE_TYPES = ("business-unit", "value-stream", "tribe", "explore", "exploit")


@rule(
    code="G001",
    name="multi-product-without-business-units",
    severity="info",
    strategies={"product-oriented": "off", "service-oriented": "off"},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    products = list(org.products.values())
    if len(products) < 2:
        return
    if org.units_of_type(*PRODUCT_LINE_TYPES):
        return
    names = _names([product.label for product in products])
    yield org.finding(
        org,
        f"{len(products)} products ({names}) and no business unit: "
        "give each product line a unit of its own (a business unit whose head reports to the CEO, or a value stream)",
        at=products[1],
        related=[(f"product {products[0].label}", products[0])],
    )


def _names(labels: list, limit: int = 5) -> str:
    shown = ", ".join(labels[:limit])
    return shown if len(labels) <= limit else f"{shown} and {len(labels) - limit} more"
