"""
## What it does
Flags a product manager (not a product leader) with more than `max` direct reports outside the
product function.

## Why is this bad?
Product managers lead by influence, not by authority, and a product manager who owns other
departments' people has been made a "mini-CEO", which is the version of the role that fails.

"The product manager is the CEO of the product" is a polarizing idea, and only half true: a product
manager does not decide whom to hire or fire or where the company invests. Product managers who read
it as a licence to dictate to other departments met resistance, rightly; what the phrase should mean
is that a product manager must understand how product depends on every other function. Product
management is the discipline famous for "influence without authority", and the product-led
organization does not change that: product sits in a focal position, with the whole organization
working together, not owning every decision. When engineers, designers or marketers report to a
product manager, the product trio becomes a hierarchy, the people lose a manager of their own craft,
and the product manager's week fills with management instead of discovery. Give those people a
manager in their own function and keep the product manager as their peer.

Judgment calls. A report is "outside the product function" when their function is known and is not
product: engineers, designers, data scientists, marketers, salespeople and so on. Other product
managers and product owners are inside; a report whose function cannot be told (no role, no unit
with a function) is not counted. The product managers checked are the people holding
`product-manager` or `product-owner`, except heads of product, holders of `cpo` and people titled as
product leaders (Director or VP of Product): product leadership does take on other teams, and the
2023 State of Product Management report shows product marketing (30%), program management (29%),
engineering (29%), technical writing (17%) and customer success (16%) increasingly reporting to it.
A group product manager who is the `lead` of a product squad is still a product manager here. The
finding points at the person's entry and names the count by function.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: priya}
  - {id: alan, name: Alan Turing, title: Backend Engineer, reports_to: priya}
  - {id: edsger, name: Edsger Dijkstra, title: Frontend Engineer, reports_to: priya}
  - {id: sofia, name: Sofia Costa, title: Product Designer, reports_to: priya}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
  - {id: alan, name: Alan Turing, title: Backend Engineer, reports_to: grace}
  - {id: edsger, name: Edsger Dijkstra, title: Frontend Engineer, reports_to: grace}
  - {id: sofia, name: Sofia Costa, title: Product Designer, reports_to: julia}
```

## Options
- `max` (int, default 3): the most direct reports outside the product function a product manager
  may have before the rule fires. A small startup may raise it while its first product manager still
  runs a team; set it to 0 to flag any such report.

## References
- "What “Product-Led” Looks Like in 2023" (the mini-CEO controversy; "influence without authority";
  the 2023 State of Product Management report on who reports to product leadership).
- "The Product is the Organization" (a PM would not decide whom to hire or fire, or where to invest).
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule

from ._product_chain import Chains, product_heads, product_people_with_pm_roles


@rule(
    code="L007",
    name="pm-as-mini-ceo",
    severity="info",
    options={
        "max": Option("int", 3, "most direct reports outside the product function", minimum=0),
    },
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    limit = options["max"]
    heads = None  # computed only if a candidate is found
    ceo = org.ceo
    for person in product_people_with_pm_roles(org):
        if person is ceo or person.holds("cpo") or "product" in person.leads:
            continue
        reports = org.reports_of(person)
        if len(reports) <= limit:
            continue
        by_function: dict[str, int] = {}
        outside = 0
        for report in reports:
            functions = org.functions_of(report)
            if not functions or "product" in functions:
                continue
            outside += 1
            function = min(functions)
            by_function[function] = by_function.get(function, 0) + 1
        if outside <= limit:
            continue
        if heads is None:
            heads = {head.id for head in product_heads(org, Chains(org))}
        if person.id in heads:
            continue
        detail = ", ".join(
            f"{count} {function}" for function, count in sorted(by_function.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        yield org.finding(
            person,
            f"{person.display} manages {outside} people outside the product function ({detail}); max {limit}",
        )
