"""
## What it does
Flags a chart that defines no people at all.

## Why is this bad?
An org chart without people checks nothing: every rule about reporting lines, roles and teams passes
vacuously, so a green run means nothing.

This usually means the people live in a file that was not passed to orglint (a chart split over several
files, with only the units file given), or a `people:` key that was misspelt or left empty while the
chart was being started. Pass the whole directory (`orglint check org/`), or add the people.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad}
people: []
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: checkout, name: Checkout, type: squad, lead: bob}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: Engineering Manager, reports_to: ada, unit: checkout}
```

## References
- The orglint org chart format (docs/format.md): `people` is required and may be empty only with a warning.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule


@rule(code="S012", name="no-people", severity="warning")
def check(org: Org, options: Options) -> Iterator[Finding]:
    if org.people:
        return
    counts = []
    if org.units:
        counts.append(f"{len(org.units)} unit{'s' if len(org.units) != 1 else ''}")
    if org.products:
        counts.append(f"{len(org.products)} product{'s' if len(org.products) != 1 else ''}")
    detail = f" (only {' and '.join(counts)})" if counts else ""
    yield org.finding(org, f"the chart defines no people{detail}")
