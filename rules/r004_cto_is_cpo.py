"""
## What it does
Flags a person who is both the chief technology officer and the chief product officer.

## Why is this bad?
Product decides what is worth building and technology decides how to build it well, and when one
person holds both seats that healthy tension is settled in one head, out of sight.

In a product organization the two leaders sit side by side at the CEO's table: the head of product
speaks for customers and the market, the head of technology for architecture, quality, delivery and
the engineers' time. Merged, the product roadmap tends to bend toward the interesting technical
work, or the platform is starved for features; the other departments lose the person they would
appeal to; and the single leader has two full-time jobs. orglint reports it as information rather than
a warning: in a small company a merged seat ("VP Product & Engineering") can be a stage rather than a
design. Plan the split before the merged role becomes a bottleneck.

A person is flagged when they hold both `cto` and `cpo` (a title such as "VP Product & Engineering",
or both roles under `roles:`). The finding points at the field the roles come from. It stands for F001:
when the product managers sit in the merged leader's department, the missing product department is
the same merged seat, and splitting it creates the department (docs/strategy.md).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: CTO & CPO, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: grace}
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
  - {id: julia, name: Julia Brandt, title: Chief Product Officer, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
```

## References
- "The Product is the Organization" (a product organization has its own product leadership next to
  R&D).
- "What “Product-Led” Looks Like in 2023" (product leadership's own seat at the executive table).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

from ._product_chain import role_field


@rule(code="R004", name="cto-is-cpo", severity="info", supersedes=("F001",))
def check(org: Org, options: Options) -> Iterator[Finding]:
    for person in org.people_in("product"):
        if person.holds("cto") and person.holds("cpo"):
            yield org.finding(
                person,
                f"{person.display} is both the chief technology officer and the chief product officer",
                field=role_field(person, "cto", "cpo"),
            )
