"""
## What it does
Flags a business unit whose lead does not report directly to the CEO.

## Why is this bad?
A business unit exists so that one person is accountable for a product line end to end, and that
accountability only holds if the head of the unit answers to the CEO. When a business-unit head reports
to a COO, a CRO or another executive, the product line's priorities are filtered through someone else's
agenda (usually revenue this quarter), and the CEO loses the direct view of each product line that the
business-unit structure was meant to give.

Only business units with a `lead` who is defined in the chart are checked, and only when the org has
a CEO (S008 reports a unit without a lead, S002 an unknown id, including an unknown manager of the
head). A business unit led by the CEO in person is not flagged. A business unit nested inside another
is flagged too: if its head really answers to a division head, say so with an inline suppression and
its reason. The finding points at the unit's `lead`.

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
  - {id: otto, name: Otto Weber, title: Chief Operating Officer, reports_to: ada}
  - {id: bea, name: Bea Rossi, title: General Manager, reports_to: ada, unit: bu-insights}
  - {id: carl, name: Carl Jensen, title: General Manager, reports_to: otto, unit: bu-pipelines}
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
  - {id: otto, name: Otto Weber, title: Chief Operating Officer, reports_to: ada}
  - {id: bea, name: Bea Rossi, title: General Manager, reports_to: ada, unit: bu-insights}
  - {id: carl, name: Carl Jensen, title: General Manager, reports_to: ada, unit: bu-pipelines}
```

## References
- "What Is a Product Organization?" (airfocus glossary): several products, business units whose heads
  report to the CEO.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule


@rule(code="G002", name="business-unit-head-not-under-ceo", severity="warning")
def check(org: Org, options: Options) -> Iterator[Finding]:
    ceo = org.ceo
    if ceo is None:
        return
    for unit in org.units.values():
        if unit.type != "business-unit" or not unit.lead:
            continue
        head = org.people.get(unit.lead)
        if head is None or head is ceo or head.reports_to == ceo.id:
            continue
        manager = org.manager_of(head)
        if manager is not None:
            where = f"reports to {manager.display}"
            related = [(f"{head.label}'s manager", manager), ("the CEO", ceo)]
        elif head.reports_to:
            continue  # an unknown manager id: S002 reports it
        else:
            where = "reports to nobody"
            related = [("the CEO", ceo)]
        yield org.finding(
            unit,
            f"{head.display}, head of business unit {unit.label}, {where}, not to the CEO, {ceo.label}",
            field="lead",
            related=related,
        )
