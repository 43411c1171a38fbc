"""
## What it does
Flags an org that declares exactly one product and has two or more business units.

## Why is this bad?
With a single product, business units divide one product between several heads, each with a slice of the
roadmap and none with the whole of it, and the customer meets the seams. Business units are meant to
split a company by product line; with one product there is nothing to split. A company focused on one
product is better served by a centralized structure, with the CEO, the CTO and the CPO all serving that
one product.

If the units are really regions, segments or functions, give them the type that says so (`department`,
`team`, ...); if the company does sell several products, declare them under `products:`. The finding
points at the second business unit, the one that makes the structure plural.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
products:
  - {id: insights, name: Insights, owner: priya, metrics: [NPS, MAU]}
units:
  - {id: bu-smb, name: Insights SMB, type: business-unit, lead: bea}
  - {id: bu-enterprise, name: Insights Enterprise, type: business-unit, lead: carl}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bea, name: Bea Rossi, title: General Manager, reports_to: ada, unit: bu-smb}
  - {id: carl, name: Carl Jensen, title: General Manager, reports_to: ada, unit: bu-enterprise}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: bea, unit: bu-smb}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
products:
  - {id: insights, name: Insights, owner: priya, metrics: [NPS, MAU]}
units:
  - {id: product, name: Product Management, type: department, function: product, lead: julia}
  - {id: rnd, name: R&D, type: department, function: engineering, lead: grace}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: Chief Product Officer, reports_to: ada, unit: product}
  - {id: grace, name: Grace Hopper, title: Chief Technology Officer, reports_to: ada, unit: rnd}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia, unit: product}
```

## References
- "What Is a Product Organization?" (airfocus glossary): a business focused on a single product is
  better served by a centralized structure with CEO, CTO and CPO serving that product.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule


@rule(code="G004", name="single-product-with-business-units", severity="info")
def check(org: Org, options: Options) -> Iterator[Finding]:
    if len(org.products) != 1:
        return
    units = org.units_of_type("business-unit")
    if len(units) < 2:
        return
    product = next(iter(org.products.values()))
    names = ", ".join(unit.label for unit in units[:5]) + (f" and {len(units) - 5} more" if len(units) > 5 else "")
    yield org.finding(
        org,
        f"one product ({product.label}) split across {len(units)} business units ({names}): "
        "a single product is better served by one centralized organization",
        at=units[1],
        related=[(f"business unit {units[0].label}", units[0]), (f"the only product, {product.label}", product)],
    )
