"""
## What it does
Flags an org whose strategy is `product-led-growth` and that has nobody for one of the capabilities the
strategy depends on: marketing, finance (pricing), data, legal or support.

## Why is this bad?
Product-led growth needs people outside product and engineering, and a missing capability stalls the
funnel at its step whatever the product's quality. The product is the main tool for acquiring
customers: users get it for free and the product itself has to persuade them to pay. Around it, someone
has to make people aware of the product and bring them to the trial (marketing), set the price users
pay once they leave the free tier (finance), collect and analyse the data that says whether the
strategy works (data), write the licence terms of the free and paid versions (legal), and answer the
questions of trial and paying users (support). Even the most product-led companies add people around
the product: in a Pocus survey, 97% of product-led-growth companies had or planned a sales team, and
46% used sales to convert product-qualified leads.

The rule applies only to an org that declares `product-led-growth` (docs/strategy.md). One finding per
missing capability. A capability is present when someone works in its function (by
role, or by the function of their home unit) or leads it; for support, customer success counts too.
The findings point at the org's `strategy`.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
  strategy: product-led-growth
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: mia, name: Mia Wong, title: Growth Marketer, reports_to: ada}
  - {id: dana, name: Dana Cohen, title: Data Analyst, reports_to: julia}
  - {id: lena, name: Lena Vogel, title: Support Engineer, reports_to: grace}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
  strategy: product-led-growth
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: mia, name: Mia Wong, title: Growth Marketer, reports_to: ada}
  - {id: dana, name: Dana Cohen, title: Data Analyst, reports_to: julia}
  - {id: lena, name: Lena Vogel, title: Support Engineer, reports_to: grace}
  - {id: fred, name: Fred Olsen, title: Pricing Analyst, reports_to: ada}
  - {id: carla, name: Carla Reyes, title: General Counsel, reports_to: ada}
```

## References
- "What “Product-Led” Looks Like in 2023" (product-led growth requires people outside of product:
  marketing, financial, data science, legal and tech support skills).
- "Differing Approaches for Product Organizations" (the Pocus figures on sales in product-led companies).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

#: (capability, functions that provide it, who is needed and why), in the order findings are reported.
CAPABILITIES = (
    ("marketing", ("marketing",), "someone has to make people aware of the product and bring them to the free trial"),
    ("finance", ("finance",), "someone has to set the price users pay once they move past the free tier"),
    ("data", ("data",), "someone has to collect and analyse usage data to tell whether the strategy works"),
    ("legal", ("legal",), "someone has to write the licence terms of the free and the paid versions"),
    (
        "support",
        ("support", "customer-success"),
        "someone has to answer the questions of trial and paying users",
    ),
)


@rule(
    code="G005",
    name="plg-missing-capability",
    severity="warning",
    strategies={"*": "off", "product-led-growth": "warning"},  # only product-led growth needs these
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    who = org.name or "the org"
    for capability, functions, need in CAPABILITIES:
        if any(org.people_in(function) or org.leaders(function) for function in functions):
            continue
        yield org.finding(
            org,
            f"{who} follows a product-led-growth strategy with nobody in {capability}: {need}",
            field="strategy",
        )
