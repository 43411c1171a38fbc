"""
## What it does
Flags a declared product that has no `owner`, or whose owner is not in the product function.

## Why is this bad?
A product without an accountable product manager is worked on by everybody and decided by nobody.
Requests pile up, trade-offs are settled by whoever escalates, and nobody can say whether the investment
pays off. The owner should be a product person (a product manager, a product owner or a
product leader), because the job is to weigh what customers need against what the business and the
technology allow. When the CTO, a sales leader or the CEO owns a product, that weighing leans toward
their own department's view.

An owner is in the product function when one of their roles belongs to it (`cpo`, `product-manager`,
`product-owner`), when they have no role and their home unit's function is `product`, or when they lead
the product function. The head of a business unit that lists the product in its `products` is an
accountable owner too: in an org of business units, the unit's head answers for its product line. An
owner id that is not defined is left to S002.

Strategy (docs/strategy.md). Information only under `technology-driven` (the CTO owning the technology
is the declared focus for now); not applied under `product-oriented` and `service-oriented`, where the
"products" are a service company's offerings. When nobody works in the product function, L002 stands
for this finding, and with no product department F001 does; it is folded into theirs. The finding points at the
product's `owner` (or at the product when it has none).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
products:
  - {id: insights, name: Insights, owner: grace, metrics: [NPS, MAU]}
  - {id: pipelines, name: Pipelines, metrics: [ARR]}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
products:
  - {id: insights, name: Insights, owner: priya, metrics: [NPS, MAU]}
  - {id: pipelines, name: Pipelines, owner: julia, metrics: [ARR]}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
```

## References
- "The Product is the Organization" (product management is a craft of its own, not a side job of the
  CEO, of marketing or of R&D).
- "What “Product-Led” Looks Like in 2023" (to be product-led, product must lead).
- "What Is a Product Organization?" (airfocus glossary): several products, business units whose heads
  report to the CEO.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule


@rule(
    code="G006",
    name="product-without-owner",
    severity="warning",
    strategies={"technology-driven": "info", "product-oriented": "off", "service-oriented": "off"},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    # The head of a business unit answers for the product lines their unit lists.
    business_unit_products = {
        (unit.lead, product_id) for unit in org.units_of_type("business-unit") if unit.lead for product_id in unit.products
    }
    for product in org.products.values():
        if not product.owner:
            yield org.finding(
                product,
                f"product {product.label} has no owner: name the product manager accountable for it",
            )
            continue
        owner = org.people.get(product.owner)
        if owner is None:
            continue  # unknown id: S002
        functions = org.functions_of(owner)
        if "product" in functions or org.leads_function(owner, "product"):
            continue
        if (owner.id, product.id) in business_unit_products:
            continue
        if not functions:
            where = "who has no known function"
        elif len(functions) == 1:
            where = f"whose function is {next(iter(functions))}"
        else:
            ordered = sorted(functions)
            where = f"whose functions are {', '.join(ordered[:-1])} and {ordered[-1]}"
        yield org.finding(
            product,
            f"product {product.label} is owned by {owner.display}, {where}, not product management",
            field="owner",
            related=[(f"owner {owner.label}", owner)],
        )
