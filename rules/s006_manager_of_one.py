"""
## What it does
Flags a manager with exactly one direct report when nothing else about their job explains the layer.
That is a manager who only manages, or a leader whose single report leads the same function.

## Why is this bad?
A manager of one adds a hop to every decision without adding management capacity: the report could
sit one level higher, or the two jobs could be one.

Every needless layer is one more relay for decisions and context to pass through. Not every single
reporting line is a needless layer, so orglint flags only these two cases:

- **a manager who only manages**: the person holds no role besides `engineering-manager` (or no role at
  all, for example a bare "Director"), does not lead a unit with at least two other members, and has no
  dotted-line reports. An engineering manager with one engineer is a team still to be hired, or a layer
  to remove.
- **stacked leaders**: the person and their only report both lead the same function: a VP Engineering
  whose only report is a Director of Engineering who runs the team, a VP Product above a single Head of
  Product. One of the two seats is redundant.

Someone whose job is more than managing is not flagged: a CTO with a single engineer in a young
startup, a VP Product with one product manager (they own the product strategy), a product manager with
an associate, a squad lead whose squad is bigger than their reporting line, or anyone who also leads
people through dotted lines. The CEO is never flagged. If your CTO's only report is a VP Engineering by
design (technology vision and engineering management split between two people), suppress the finding on
the CTO's entry with that reason.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
  - {id: carla, name: Carla Diaz, title: Engineering Manager, reports_to: bob}
  - {id: dan, name: Dan Okafor, title: Backend Engineer, reports_to: carla}
  - {id: eve, name: Eve Adams, title: Backend Engineer, reports_to: bob}
  - {id: finn, name: Finn Hale, title: Frontend Engineer, reports_to: bob}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
  - {id: carla, name: Carla Diaz, title: Engineering Manager, reports_to: bob}
  - {id: dan, name: Dan Okafor, title: Backend Engineer, reports_to: carla}
  - {id: eve, name: Eve Adams, title: Backend Engineer, reports_to: carla}
  - {id: finn, name: Finn Hale, title: Frontend Engineer, reports_to: carla}
```

## References
- No product article is the source of this rule; it is orglint's own judgement on reporting layers.
  (The 69% of "What “Product-Led” Looks Like in 2023" is about communication as a scaling concern of
  product teams, not about layers of management, and is not cited as evidence here.)
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule
from orglint.vocabulary import FUNCTIONS

#: Roles that are only about managing people: holding nothing else leaves a single report unexplained.
MANAGEMENT_ONLY = frozenset({"engineering-manager"})


@rule(code="S006", name="manager-of-one", severity="info")
def check(org: Org, options: Options) -> Iterator[Finding]:
    people = org.people
    ceo = org.ceo
    dotted_leaders: set[str] | None = None
    for manager_id, reports in org.direct_reports.items():
        if len(reports) != 1:
            continue
        manager = people.get(manager_id)
        report = reports[0]
        if manager is None or report is manager or manager is ceo or manager.holds("ceo"):
            continue
        if dotted_leaders is None:
            dotted_leaders = {leader for person in people.values() for leader in person.dotted_to}
        if manager.id in dotted_leaders:
            continue
        shared = [f for f in FUNCTIONS if org.leads_function(manager, f) and org.leads_function(report, f)]
        if shared:
            yield org.finding(
                manager,
                f"{manager.display} has one direct report, {report.display}, who also leads {shared[0]}: "
                "one of the two layers is redundant",
                related=[("the only direct report", report)],
            )
        elif manager.roles <= MANAGEMENT_ONLY and not _leads_a_team(org, manager):
            yield org.finding(
                manager,
                f"{manager.display} manages only {report.display}: a layer of management for one person",
                related=[("the only direct report", report)],
            )


def _leads_a_team(org, person) -> bool:
    """Whether the person leads a unit with at least two members besides themselves."""
    members = org.members
    for unit in org.unit_leads.get(person.id, ()):
        if sum(1 for member in members.get(unit.id, ()) if member is not person) >= 2:
            return True
    return False
