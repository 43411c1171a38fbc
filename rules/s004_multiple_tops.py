"""
## What it does
Flags everyone besides the CEO who has no `reports_to`: a chart should have one top.

## Why is this bad?
Everyone but the CEO reports to someone, so a second person without a manager is almost always a
forgotten `reports_to` that splits the chart in two.

With several tops and no `ceo` role, orglint cannot tell who the CEO is, and every rule that reasons
about "reports to the CEO" or "has a product leader above them" stays silent. One finding is given for
each top other than the CEO; when no one holds `ceo`, the top written first in the chart is taken as the
reference and the others are flagged. When the CEO reports to someone (a chair or a parent company), the
top of the CEO's own chain is the reference. Co-founders or a board who really sit outside the reporting
line can be listed in the `allow` option. Someone whose `reports_to` names a manager the chart does not
define is not a top here: S002 reports the missing manager, or accepts it in a knowingly partial chart
(its option `allow-external-managers`).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
  - {id: priya, name: Priya Nair, title: VP Product}
  - {id: sam, name: Sam Lee, title: Product Manager, reports_to: priya}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
  - {id: priya, name: Priya Nair, title: VP Product, reports_to: ada}
  - {id: sam, name: Sam Lee, title: Product Manager, reports_to: priya}
```

## Options
- `allow` (list of person ids, default `[]`): people allowed to have no manager besides the CEO, such as
  co-founders or an executive chair. Example: `options: {S004: {allow: [eve]}}`.

## References
- The orglint org chart format (docs/format.md), "The CEO": with several tops and no `ceo`, rules that need
  the CEO do not fire.
- "What Is a Product Organization?" (airfocus glossary): the heads of the organization report to the CEO.
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule


@rule(
    code="S004",
    name="multiple-tops",
    severity="warning",
    options={"allow": Option("list[str]", (), "Person ids allowed to have no manager besides the CEO (co-founders).")},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    tops = org.tops
    if len(tops) < 2:
        return
    ceo = org.ceo
    if ceo is None:
        reference = tops[0]
    elif ceo.reports_to is None:
        reference = ceo
    else:
        chain = org.chain(ceo)
        reference = chain[-1] if chain and chain[-1].reports_to is None else tops[0]
    allowed = set(options["allow"])
    for person in tops:
        if person is reference or person.id in allowed:
            continue
        yield org.finding(
            person,
            f"{person.display} reports to nobody: the chart has {len(tops)} tops, "
            f"and everyone but {reference.label} should have a reports_to",
            field="reports_to",
            related=[("the top of the chart", reference)],
        )
