"""
## What it does
Flags a chapter whose members all belong to the same squad.

## Why is this bad?
A chapter exists to share one craft across squads; inside a single squad it shares nothing with anybody.
A chapter is a competency area: the backend engineers, the designers or the product managers of several
squads, who meet to share practices, keep a common bar and grow each other. A chapter whose members all
sit in one squad shares nothing with anybody: it is the squad again under another name, and the people
of that craft in the other squads are left without the chapter they should be in. Add the practitioners
from the other squads, or fold the chapter into the squad.

The chapter's members are the people whose `unit` or `units` names it, plus its `lead`; a lead who sits
in no squad (a chapter lead who manages full time) is left out of the comparison. The rule needs at
least two members to compare: an empty chapter is S009's business, and a chapter of one has nobody to
share with in any squad. A member who belongs to no squad means the chapter already reaches beyond one
squad. The finding points at the chapter.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad}
  - {id: search, name: Search, type: squad}
  - {id: backend, name: Backend Chapter, type: chapter, function: engineering}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: linus, name: Linus Berg, title: Backend Engineer, reports_to: ada, unit: checkout, units: [backend]}
  - {id: alan, name: Alan Turing, title: Backend Engineer, reports_to: ada, unit: checkout, units: [backend]}
  - {id: edsger, name: Edsger Dijkstra, title: Backend Engineer, reports_to: ada, unit: search}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad}
  - {id: search, name: Search, type: squad}
  - {id: backend, name: Backend Chapter, type: chapter, function: engineering}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: linus, name: Linus Berg, title: Backend Engineer, reports_to: ada, unit: checkout, units: [backend]}
  - {id: alan, name: Alan Turing, title: Backend Engineer, reports_to: ada, unit: checkout, units: [backend]}
  - {id: edsger, name: Edsger Dijkstra, title: Backend Engineer, reports_to: ada, unit: search, units: [backend]}
```

## References
- "Unraveling the Intricacies of a Product-Driven Organization" (chapters are competency areas across
  squads; guilds are knowledge-sharing networks across the company).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule


@rule(code="T005", name="chapter-in-one-squad", severity="info")
def check(org: Org, options: Options) -> Iterator[Finding]:
    chapters = org.units_of_type("chapter")
    if not chapters:
        return
    members = org.members
    squads_of: dict = {}  # person id -> the squads they belong to, in file order
    for squad in org.units_of_type("squad"):
        for person in members.get(squad.id, ()):
            squads_of.setdefault(person.id, []).append(squad)
    for chapter in chapters:
        people = [person for person in members.get(chapter.id, ()) if person.id != chapter.lead or person.id in squads_of]
        if len(people) < 2:
            continue
        shared = None
        for person in people:
            squads = squads_of.get(person.id)
            if not squads:
                shared = None
                break
            shared = list(squads) if shared is None else [squad for squad in shared if squad in squads]
            if not shared:
                break
        if shared:
            squad = shared[0]
            yield org.finding(
                chapter,
                f"{'both' if len(people) == 2 else f'all {len(people)}'} members of chapter {chapter.label} "
                f"belong to squad {squad.label}: "
                "a chapter should gather one craft across several squads",
                related=[(squad.called("squad"), squad)],
            )
