"""
## What it does
Flags a manager with more direct reports than the `max` option allows (10 by default).

## Why is this bad?
Past about ten direct reports a manager stops coaching and starts triaging: one-to-ones get skipped
and decisions queue up behind one calendar.

A wide span is often a sign that a team has grown without anyone splitting it, or that a founder still
has the whole company reporting to them. Split the group around products or customer journeys (a squad
each, with a lead), or add a layer where the work really has sub-teams. A CEO's executive team or a
team of very senior specialists can sustain more: raise `max` for the whole chart or suppress the
finding on that person with a reason. Only `reports_to` lines count; dotted lines do not.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: Engineering Manager, reports_to: ada}
  - {id: e1, name: Eli Cohen, title: Backend Engineer, reports_to: bob}
  - {id: e2, name: Fay Wong, title: Backend Engineer, reports_to: bob}
  - {id: e3, name: Gus Meyer, title: Frontend Engineer, reports_to: bob}
  - {id: e4, name: Hana Sato, title: Frontend Engineer, reports_to: bob}
  - {id: e5, name: Ivo Petrov, title: Mobile Engineer, reports_to: bob}
  - {id: e6, name: Jia Li, title: Mobile Engineer, reports_to: bob}
  - {id: e7, name: Kai Berg, title: QA Engineer, reports_to: bob}
  - {id: e8, name: Lea Roth, title: Site Reliability Engineer, reports_to: bob}
  - {id: e9, name: Max Dunn, title: Data Engineer, reports_to: bob}
  - {id: e10, name: Nia Obi, title: Backend Engineer, reports_to: bob}
  - {id: e11, name: Oli Park, title: Frontend Engineer, reports_to: bob}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: Director of Engineering, reports_to: ada}
  - {id: cy, name: Cy Young, title: Engineering Manager, reports_to: bob}
  - {id: dee, name: Dee Ford, title: Engineering Manager, reports_to: bob}
  - {id: e1, name: Eli Cohen, title: Backend Engineer, reports_to: cy}
  - {id: e2, name: Fay Wong, title: Backend Engineer, reports_to: cy}
  - {id: e3, name: Gus Meyer, title: Frontend Engineer, reports_to: cy}
  - {id: e4, name: Hana Sato, title: Frontend Engineer, reports_to: cy}
  - {id: e9, name: Max Dunn, title: Data Engineer, reports_to: cy}
  - {id: e10, name: Nia Obi, title: Backend Engineer, reports_to: cy}
  - {id: e5, name: Ivo Petrov, title: Mobile Engineer, reports_to: dee}
  - {id: e6, name: Jia Li, title: Mobile Engineer, reports_to: dee}
  - {id: e7, name: Kai Berg, title: QA Engineer, reports_to: dee}
  - {id: e8, name: Lea Roth, title: Site Reliability Engineer, reports_to: dee}
  - {id: e11, name: Oli Park, title: Frontend Engineer, reports_to: dee}
```

## Options
- `max` (whole number, default `10`): the most direct reports a person may have.

## References
- None of the five product articles discusses span of control; the default of 10 is orglint's own
  rule of thumb. V. A. Graicunas, "Relationship in Organization" (1933), showed why spans cannot grow
  freely: the relationships a manager has to keep up grow much faster than the number of reports.
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule


@rule(
    code="S005",
    name="span-of-control",
    severity="warning",
    options={"max": Option("int", 10, "The most direct reports a person may have.", minimum=1)},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    limit = options["max"]
    people = org.people
    for manager_id, reports in org.direct_reports.items():
        if len(reports) <= limit:
            continue
        manager = people.get(manager_id)
        if manager is None:
            continue  # an unknown manager id: S002 reports each line
        count = sum(1 for report in reports if report is not manager)
        if count > limit:
            yield org.finding(manager, f"{manager.display} has {count} direct reports, more than {limit}")
