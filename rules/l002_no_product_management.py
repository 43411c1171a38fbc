"""
## What it does
Flags an org of at least `min-headcount` people in which nobody works in the product function.

## Why is this bad?
When nobody's job is to decide what to build and why, those decisions are made by default: by the
loudest customer, the biggest deal of the quarter, or the engineers' own preferences.

The classic company of R&D, marketing, sales and customer support is missing a fifth department
that every SaaS business now needs: product management, a team of product experts who, as the company
grows, interface with each of the four others and make sure the pieces fit together. Making sure that
everyone in the organization follows the same plan is, in the words of "What “Product-Led” Looks Like in
2023", a responsibility that "falls squarely on the shoulders of the product team";
without one, it falls to nobody. Hire a head of product reporting to the CEO, then product managers or
owners for the teams.

The product function is everyone holding a product role (`cpo`, `product-manager`, `product-owner`,
or a product leader's title) and everyone without a role whose home unit has `function: product`.
A chart in which nobody's function can be told (no title orglint can read, no unit with a
`function`: a bare identity export, say) is not flagged, since there is nothing to judge;
`orglint roles` shows how each title was read. The finding names `org` and points at the CEO (or, with
no CEO, at the `org:` entry), to whom the product leader would report; the message gives the headcount
and the largest functions.

One root cause, one finding. With nobody in product, the missing product owner (F002), the missing
liaisons (F003 to F005: the interfaces the product department grows into), the missing department
(F001), products owned outside product management (G006) and a product strategy without a product
leader (G008) are all this finding; they are folded into it (docs/strategy.md).

Strategy. Information only under `technology-driven` ("it might make sense to fully focus on the
technology", though "there is always a customer") and under `service-oriented` (a service company for
which a defined understanding of the service "is very helpful", not a product department).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
  - {id: e1, name: Linus Berg, title: Software Engineer, reports_to: grace}
  - {id: e2, name: Alan Turing, title: Backend Engineer, reports_to: grace}
  - {id: e3, name: Edsger Dijkstra, title: Frontend Engineer, reports_to: grace}
  - {id: e4, name: Barbara Liskov, title: QA Engineer, reports_to: grace}
  - {id: e5, name: Ken Thompson, title: Site Reliability Engineer, reports_to: grace}
  - {id: e6, name: Frances Allen, title: Software Engineer, reports_to: grace}
  - {id: s1, name: Mia Wong, title: Account Executive, reports_to: ivan}
  - {id: s2, name: Noah Klein, title: Account Executive, reports_to: ivan}
  - {id: s3, name: Lea Meyer, title: Sales Development Rep, reports_to: ivan}
  - {id: s4, name: Omar Haddad, title: Account Manager, reports_to: ivan}
  - {id: s5, name: Sara Lind, title: Solutions Engineer, reports_to: ivan}
  - {id: s6, name: Tom Baker, title: Account Executive, reports_to: ivan}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: ivan, name: Ivan Petrov, title: VP Sales, reports_to: ada}
  - {id: e1, name: Linus Berg, title: Software Engineer, reports_to: grace}
  - {id: e2, name: Alan Turing, title: Backend Engineer, reports_to: grace}
  - {id: e3, name: Edsger Dijkstra, title: Frontend Engineer, reports_to: grace}
  - {id: e4, name: Barbara Liskov, title: QA Engineer, reports_to: grace}
  - {id: e5, name: Ken Thompson, title: Site Reliability Engineer, reports_to: grace}
  - {id: e6, name: Frances Allen, title: Software Engineer, reports_to: grace}
  - {id: s1, name: Mia Wong, title: Account Executive, reports_to: ivan}
  - {id: s2, name: Noah Klein, title: Account Executive, reports_to: ivan}
  - {id: s3, name: Lea Meyer, title: Sales Development Rep, reports_to: ivan}
  - {id: s4, name: Omar Haddad, title: Account Manager, reports_to: ivan}
  - {id: s5, name: Sara Lind, title: Solutions Engineer, reports_to: ivan}
```

## Options
- `min-headcount` (int, default 15): the number of people from which a product function is expected.
  Below it, founders usually still carry the product decisions themselves; raise it for a
  services business that does not sell a product of its own.

## References
- "The Product is the Organization" (a fifth department, Product Management, next to R&D, marketing,
  sales and support).
- "What “Product-Led” Looks Like in 2023" (keeping everyone on the same plan falls to the product team).
- "Differing Approaches for Product Organizations" (technology driven, service oriented).
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule
from orglint.vocabulary import FUNCTIONS

_LARGEST = 3  # functions named in the message


@rule(
    code="L002",
    name="no-product-management",
    severity="warning",
    strategies={"technology-driven": "info", "service-oriented": "info"},
    supersedes=("F001", "F002", "F003", "F004", "F005", "G006", "G008"),
    options={
        "min-headcount": Option("int", 15, "headcount from which a product function is expected", minimum=1),
    },
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    headcount = len(org.people)
    if headcount < options["min-headcount"] or org.people_in("product"):
        return
    sizes = sorted(
        ((len(org.people_in(function)), function) for function in FUNCTIONS if function not in ("product", "executive")),
        key=lambda pair: -pair[0],
    )
    if not sizes or sizes[0][0] == 0:
        return  # nobody's function can be told (a bare identity export): no basis for a finding
    largest = ", ".join(f"{function} {size}" for size, function in sizes[:_LARGEST] if size)
    message = f"{headcount} people and nobody in the product function: no product manager, product owner or head of product"
    if largest:
        message += f" (largest functions: {largest})"
    ceo = org.ceo
    yield org.finding(org, message, at=ceo)
