"""
## What it does
Flags an id defined twice, in one file or across the files of a chart. Two people, two units or two
products under one id clash; a person and a unit may share an id.

## Why is this bad?
Only the first definition counts, so the second silently vanishes from the chart, along with its
reporting line, memberships and roles.

Duplicates typically come from merging two files of a chart split by department (two teams both
defining `alex`), or from copy-pasting an entry and forgetting to change its id. The finding is on the
second definition and points at the first one. Give one of the two a distinct id (for people, the email
handle is a good choice) and update the references that meant the second. People and units may share an
id (`product` can be a person's id and a unit's); only two entries in the same section clash.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: alex, name: Alex Kim, title: VP Engineering, reports_to: ada}
  - {id: alex, name: Alex Moreau, title: Product Manager, reports_to: ada}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: alex.kim, name: Alex Kim, title: VP Engineering, reports_to: ada}
  - {id: alex.moreau, name: Alex Moreau, title: Product Manager, reports_to: ada}
```

## References
- The orglint org chart format (docs/format.md), "Files": a chart may be split over many files that are read
  as one, so ids must be unique across all of them.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

_SINGULAR = {"people": "person", "units": "unit", "products": "product"}


def _named(entity) -> str:
    return f" ({entity.label})" if entity.label != entity.id else ""


@rule(code="S003", name="duplicate-id", severity="error")
def check(org: Org, options: Options) -> Iterator[Finding]:
    for duplicate in org.duplicates:
        first, second = duplicate.first, duplicate.second
        where = f"line {first.line}" if first.file == second.file else f"{first.location()}"
        yield org.finding(
            second,
            f"{_SINGULAR[second.kind]} id '{second.id}' is already defined at {where}{_named(first)}; "
            f"this second definition{_named(second)} is ignored",
            related=[("first definition", first)],
        )
