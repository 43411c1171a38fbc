"""
## What it does
Flags an org with at least `min-teams` squads or product teams and no unit of type `platform`.

## Why is this bad?
Without a platform team, every product team builds and runs its own infrastructure, several times
over and differently each time. Deployment pipelines, observability, authentication and data plumbing
then compete with the product work the teams exist for. A platform team
develops and runs the shared platform the products stand on, so that it scales and stays reliable while
the product teams focus on their products: platform stability on one side, product innovation on the
other.

Squads are units of type `squad`; product teams are units of type `team` (the default) that list
`products`. Only a unit of type `platform` counts as the platform team. The finding points at the first
squad or product team.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad, lead: eva}
  - {id: search, name: Search, type: squad, lead: linus}
  - {id: onboarding, name: Onboarding, type: squad, lead: alan}
  - {id: payments, name: Payments, type: squad, lead: lea}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: tara, name: Tara Lee, title: VP of Engineering, reports_to: ada}
  - {id: eva, name: Eva Lund, title: Engineering Manager, reports_to: tara, unit: checkout}
  - {id: linus, name: Linus Berg, title: Engineering Manager, reports_to: tara, unit: search}
  - {id: alan, name: Alan Turing, title: Engineering Manager, reports_to: tara, unit: onboarding}
  - {id: lea, name: Lea Meyer, title: Engineering Manager, reports_to: tara, unit: payments}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad, lead: eva}
  - {id: search, name: Search, type: squad, lead: linus}
  - {id: onboarding, name: Onboarding, type: squad, lead: alan}
  - {id: payments, name: Payments, type: squad, lead: lea}
  - {id: infra, name: Cloud Platform, type: platform, function: engineering, lead: radia}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: tara, name: Tara Lee, title: VP of Engineering, reports_to: ada}
  - {id: eva, name: Eva Lund, title: Engineering Manager, reports_to: tara, unit: checkout}
  - {id: linus, name: Linus Berg, title: Engineering Manager, reports_to: tara, unit: search}
  - {id: alan, name: Alan Turing, title: Engineering Manager, reports_to: tara, unit: onboarding}
  - {id: lea, name: Lea Meyer, title: Engineering Manager, reports_to: tara, unit: payments}
  - {id: radia, name: Radia Perlman, title: Engineering Manager, reports_to: tara, unit: infra}
```

## Options
- `min-teams` (int, default 4): the number of squads and product teams from which a platform team is
  expected. The article ties the right structure to "the size and scale of your organization"; with
  three small teams a separate platform team would be a quarter of engineering, so orglint starts at
  four. Lower it if your teams are large.

## References
- "Unraveling the Intricacies of a Product-Driven Organization" (platform teams develop and manage the
  platform that supports all products, while product teams focus on their products).
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule


@rule(
    code="T006",
    name="missing-platform-team",
    severity="info",
    options={
        "min-teams": Option("int", 4, "squads and product teams from which a platform team is expected", minimum=1),
    },
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    teams = []
    for unit in org.units.values():
        if unit.type == "platform":
            return
        if unit.type == "squad" or (unit.type == "team" and unit.products):
            teams.append(unit)
    if len(teams) < options["min-teams"]:
        return
    names = ", ".join(unit.label for unit in teams[:4]) + (f" and {len(teams) - 4} more" if len(teams) > 4 else "")
    yield org.finding(
        org,
        f"{len(teams)} squads and product teams ({names}) and no platform team: each one builds and runs its own infrastructure",
        at=teams[0],
    )
