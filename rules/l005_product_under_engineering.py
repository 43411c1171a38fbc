"""
## What it does
Flags a head of product whose chain of command passes through an engineering leader before the CEO
(or, when the org has no head of product, each product manager and product owner in that position).

## Why is this bad?
When product answers to engineering, how to build wins over what is worth building, and the product
leader cannot argue for the customer against their own boss's delivery plan.

Reporting to the CTO or the VP of Engineering is the traditional home of product managers, above all
in companies where product never got a seat at the executive table. It keeps product and delivery
close, but it turns the product function into a backlog service for engineering: discovery,
pricing, positioning and the conversation with sales and support get whatever time is left after
the sprint. Product-led companies are reversing the arrangement: in the 2023 State of Product
Management report engineering itself reports to product leadership in 29% of companies, and project
and program management (traditionally in engineering) in 29%. Let the head of product report to the
CEO, beside the head of engineering; product owners can still sit with the engineering teams every
day without reporting to their managers.

What counts is the same as for L003: the chain of command of each head of product is followed
through `reports_to` up to but not including the CEO (dotted lines do not count); an engineering
leader is someone holding `cto`, titled as a leader of engineering (VP Engineering, Director of
Engineering...), or the `lead` of a unit with `function: engineering`. A single person who is both
the head of product and the engineering leader ("VP Product & Engineering") is not flagged here (R004
speaks to that). With no head of product, the product managers are checked, and those under an
engineering leader are one root cause, the missing head of product: one finding on the first of them in
file order, naming the others. Product owners embedded in R&D are not flagged: "R&D should have their
product owner(s)". The finding names the person, points at their `reports_to`, and names the
engineering leader; L001, F001 and G008 about the same missing or misplaced head are folded into it
(docs/strategy.md).

Strategy. Information only under `technology-driven`: a startup that declares it focuses on the
technology for now ("it might make sense to fully focus on the technology").

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: Head of Product, reports_to: grace}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: Head of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
```

## References
- "What “Product-Led” Looks Like in 2023" (product managers traditionally reported to engineering;
  engineering and program management now report to product leadership in 29% of companies each).
- "The Product is the Organization" (R&D should have their product owner(s)).
- "Differing Approaches for Product Organizations" (technology driven).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

from ._product_chain import product_under


@rule(
    code="L005",
    name="product-under-engineering",
    severity="warning",
    strategies={"technology-driven": "info"},
    supersedes=("L001", "F001", "G008"),
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    yield from product_under(org, "engineering")
