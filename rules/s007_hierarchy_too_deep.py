"""
## What it does
Flags a branch of the chart where someone has more than `max-depth` managers above them. The default is
8, and each over-deep branch is reported once, on the deepest person in it.

## Why is this bad?
Every level between the people doing the work and the people setting direction is a relay where
context is lost and decisions wait.

Depth counts the managers above a person: the CEO is at 0, their direct reports at 1, and so on; with
the default `max-depth` of 8, someone with 9 managers above them is too deep. Depth grows with the log
of headcount when spans are healthy (even a 100,000-person company needs only about 8 levels with spans
of 5 to 9), so an over-deep branch usually means narrow spans and managers of one stacked on each other
(see S006 and S005).

To keep the output about what to fix rather than about everyone affected, orglint gives one finding per
over-deep branch: the people below the same last manager within the limit (the one at depth
`max-depth`) form a branch, and the finding names the deepest person of that branch (the first written,
on a tie), shows the whole chain down to them, and says how many people in the branch are too deep.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
  - {id: cy, name: Cy Young, title: Director of Engineering, reports_to: bob}
  - {id: dee, name: Dee Ford, title: Engineering Manager, reports_to: cy}
  - {id: eli, name: Eli Cohen, title: Staff Engineer, reports_to: dee}
  - {id: fay, name: Fay Wong, title: Senior Backend Engineer, reports_to: eli}
  - {id: gus, name: Gus Meyer, title: Backend Engineer, reports_to: fay}
  - {id: hana, name: Hana Sato, title: Backend Engineer, reports_to: gus}
  - {id: ivo, name: Ivo Petrov, title: Backend Engineer, reports_to: hana}
  - {id: jia, name: Jia Li, title: Junior Backend Engineer, reports_to: ivo}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
  - {id: cy, name: Cy Young, title: Director of Engineering, reports_to: bob}
  - {id: dee, name: Dee Ford, title: Engineering Manager, reports_to: cy}
  - {id: eli, name: Eli Cohen, title: Staff Engineer, reports_to: dee}
  - {id: fay, name: Fay Wong, title: Senior Backend Engineer, reports_to: dee}
  - {id: gus, name: Gus Meyer, title: Backend Engineer, reports_to: dee}
  - {id: hana, name: Hana Sato, title: Backend Engineer, reports_to: dee}
  - {id: ivo, name: Ivo Petrov, title: Backend Engineer, reports_to: dee}
  - {id: jia, name: Jia Li, title: Junior Backend Engineer, reports_to: dee}
```

## Options
- `max-depth` (whole number, default `8`): the most managers anyone may have above them.

## References
- No product article discusses hierarchy depth; the default of 8 levels is orglint's own, from the
  arithmetic above.
- "Unraveling the Intricacies of a Product-Driven Organization" (Jen MacIvor), for context: it presents
  cross-functional squads as a structure that "supports swift decision-making".
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule

#: Longer chains are shortened in the message.
SHOWN_LEVELS = 12


@rule(
    code="S007",
    name="hierarchy-too-deep",
    severity="warning",
    options={"max-depth": Option("int", 8, "The most managers anyone may have above them.", minimum=1)},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    limit = options["max-depth"]
    too_deep = [(level, person) for person, level in org.people_with_depth() if level > limit]
    if not too_deep:
        return
    # Managers before their reports (depth d > 0 means the manager is at d - 1), file order within a level.
    too_deep.sort(key=lambda pair: pair[0])
    anchor: dict[str, str] = {}  # person id -> id of their manager at depth `limit`
    branches: dict[str, list] = {}  # anchor id -> [deepest person, their depth, count]
    for level, person in too_deep:
        manager = person.reports_to
        if manager is None:  # depth above 0 means a manager: never the case
            continue
        top = manager if level == limit + 1 else anchor.get(manager, manager)
        anchor[person.id] = top
        branch = branches.get(top)
        if branch is None:
            branches[top] = [person, level, 1]
        else:
            branch[2] += 1
            if level > branch[1]:
                branch[0], branch[1] = person, level
    for top_id, (deepest, deepest_level, count) in branches.items():
        chain = [deepest.label] + [manager.label for manager in org.chain(deepest)]
        chain.reverse()
        if len(chain) > SHOWN_LEVELS:
            chain = chain[:3] + [f"... ({len(chain) - 6} more) ..."] + chain[-3:]
        others = ""
        if count > 1:
            others = f"; {count} people below {org.people[top_id].label} are more than {limit} levels down"
        yield org.finding(
            deepest,
            f"{deepest.display} has {deepest_level} managers above them, more than {limit}: {' > '.join(chain)}{others}",
            field="reports_to",
        )
