"""
## What it does
Flags a dotted line (`dotted_to`) to someone who is already in the person's own chain of command:
their manager, their manager's manager, or someone who reports up to them.

## Why is this bad?
A dotted line exists to connect someone to a second perspective: the product manager who sits in an
engineering squad and keeps a line to the head of product, the regional marketer who keeps a line to
the brand team. A dotted line to one's own manager's manager adds no second perspective, and a dotted
line to someone who reports up to the person makes a loop in which nobody knows who decides. Both
usually survive from a re-org that moved the solid line and forgot the dotted one.

Remove the dotted line, or point it at the person outside the chain it was meant for.

## Example
```yaml
orglint: 1
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia, dotted_to: [ada]}
```

## Use instead
```yaml
orglint: 1
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia, dotted_to: [grace]}
```

## References
- orglint's docs/plugins.md: the graph API this rule is written against.
"""

import networkx

from orglint import Org, rule


@rule(code="ACME001", name="dotted-line-in-own-chain", severity="warning")
def check(org: Org, options):
    graph = org.reporting_graph  # manager -> report edges, one node per person
    for person in org.people.values():
        if not person.dotted_to:
            continue
        above = networkx.ancestors(graph, person.id)  # the whole chain of command, cycles included
        below = networkx.descendants(graph, person.id)  # everyone who reports up to them
        for dotted in person.dotted_to:
            if dotted not in org.people or dotted == person.id:
                continue  # S002 reports an unknown id
            if dotted in above:
                where = "already above them in their chain of command"
            elif dotted in below:
                where = "someone who reports up to them"
            else:
                continue
            manager = org.people[dotted]
            yield org.finding(person, f"{person.display} has a dotted line to {manager.display}, {where}", field="dotted_to")
