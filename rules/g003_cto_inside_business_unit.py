"""
## What it does
Flags a CTO whose chain of command passes through the head of a business unit.

## Why is this bad?
A CTO inside one business unit is in practice that unit's engineering lead, and nobody keeps the
technology consistent across the product lines. In an organization of several business units, the CTO
sits beside the business-unit heads, not below one of them, and holds what the product lines share:
architecture, security, platforms, the hiring bar. Without that, the other product lines drift into
their own stacks, duplicate their platforms and stop sharing engineers.

The CTO is the holder of the `cto` role ("Chief Technology Officer", "VP Engineering", "Head of
Engineering") highest in the chart. Engineering leads inside business units are normal and are not
flagged as long as a CTO higher up, or at the same level outside every business unit, keeps the whole
picture. The rule runs only when the org has units of type `business-unit`; a business unit led by the
CEO does not count. The finding points at the CTO's `reports_to`.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: bu-insights, name: Insights BU, type: business-unit, lead: bea}
  - {id: bu-pipelines, name: Pipelines BU, type: business-unit, lead: carl}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bea, name: Bea Rossi, title: General Manager, reports_to: ada, unit: bu-insights}
  - {id: carl, name: Carl Jensen, title: General Manager, reports_to: ada, unit: bu-pipelines}
  - {id: grace, name: Grace Hopper, title: Chief Technology Officer, reports_to: bea, unit: bu-insights}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: bu-insights, name: Insights BU, type: business-unit, lead: bea}
  - {id: bu-pipelines, name: Pipelines BU, type: business-unit, lead: carl}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bea, name: Bea Rossi, title: General Manager, reports_to: ada, unit: bu-insights}
  - {id: carl, name: Carl Jensen, title: General Manager, reports_to: ada, unit: bu-pipelines}
  - {id: grace, name: Grace Hopper, title: Chief Technology Officer, reports_to: ada}
```

## References
- "What Is a Product Organization?" (airfocus glossary): with several business units, the CTO may sit
  in parallel to the business-unit heads to keep technology consistent across product lines.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule


@rule(code="G003", name="cto-inside-business-unit", severity="warning")
def check(org: Org, options: Options) -> Iterator[Finding]:
    ceo = org.ceo
    heads: dict = {}  # business-unit head id -> the first business unit they lead
    for unit in org.units.values():
        if unit.type == "business-unit" and unit.lead and unit.lead in org.people and (ceo is None or unit.lead != ceo.id):
            heads.setdefault(unit.lead, unit)
    if not heads:
        return
    ctos = [person for person in org.people.values() if "cto" in person.roles and person is not ceo]
    if not ctos:
        return
    top = min(map(org.depth_of, ctos))
    inside = []
    for cto in (person for person in ctos if org.depth_of(person) == top):
        if cto.id in heads:
            return  # the CTO runs a business unit: a different problem
        through = next((boss for boss in org.chain(cto) if boss.id in heads), None)
        if through is None:
            return  # a CTO beside the business units keeps the whole picture
        inside.append((cto, through))
    cto, boss = inside[0]
    unit = heads[boss.id]
    yield org.finding(
        cto,
        f"{cto.display} reports through {boss.display}, head of business unit {unit.label}: "
        "the CTO should sit beside the business-unit heads, not inside one",
        field="reports_to",
        related=[(f"head of business unit {unit.label}", boss)],
    )
