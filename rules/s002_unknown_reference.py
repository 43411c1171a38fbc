"""
## What it does
Flags a reference to an id that the chart does not define. Every `reports_to`, `dotted_to`, `unit`,
`units`, `lead`, `parent`, `owner` and unit `products` entry is checked.

## Why is this bad?
A dangling reference silently drops a fact from the chart: whoever reports to a typo has no manager,
and every rule that follows the line sees nothing there.

They come from typos (`jon` for `john`), from people who left while their reports kept the old line, and
from names written where an id belongs (`reports_to: Ada Byron` instead of `reports_to: ada`). The
finding names the entry holding the reference, points at the field, and suggests the closest existing
id, the id of a person with that exact name, or says when the id belongs to a unit where a person was
expected (or the reverse).

A missing manager is reported once, however many people report to it: the finding says how many do,
points at the first one's `reports_to`, and lists the others' as related locations (up to 20), so that
one fix, or one suppression, settles it.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: platform, name: Platform, type: platform, lead: grace}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: VP Engineering, reports_to: ada, unit: platform}
  - {id: linus, name: Linus Berg, title: Site Reliability Engineer, reports_to: gracie, unit: platform}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  - {id: platform, name: Platform, type: platform, lead: grace}
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: grace, name: Grace Hopper, title: VP Engineering, reports_to: ada, unit: platform}
  - {id: linus, name: Linus Berg, title: Site Reliability Engineer, reports_to: grace, unit: platform}
```

## Options
- `allow-external-managers` (true or false, default `false`): accept `reports_to` ids that the chart
  does not define, for a chart that is knowingly a snapshot of part of a company (one department's
  export, GitLab's public team page), whose managers sit outside it. Whoever reports to such a manager
  is a top of the snapshot (S004 counts only people with no `reports_to`). Every other reference is
  still checked, and a misspelt manager goes unnoticed, so keep it off for a whole-company chart.
  Example: `options: {S002: {allow-external-managers: true}}`.

## References
- The orglint org chart format (docs/format.md): `reports_to`, `dotted_to`, `lead`, `owner` name person ids,
  `unit`, `units` and `parent` unit ids, a unit's `products` product ids.
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule
from orglint.problems import did_you_mean

_SINGULAR = {"people": "person", "units": "unit", "products": "product"}

#: Above this many ids, suggestions are looked for among the ids sharing the first letter and about the length.
_FULL_SEARCH = 5_000
#: At most this many fuzzy id comparisons per run (half a second of work at worst), so a chart with
#: thousands of broken references stays fast; past it, only typos one edit away are still suggested.
_BUDGET = 25_000
#: At most this many distinct unknown ids get a suggestion (a few milliseconds each).
_MAX_LOOKUPS = 200
#: People reporting to one missing manager listed as related locations; the message gives the full count.
_MAX_RELATED = 20
#: People named in the message of a missing manager's finding.
_MAX_NAMED = 3


class _Suggester:
    """ "Did you mean" for unknown ids: linear set-up, cached, and bounded in total work."""

    def __init__(self, org):
        self.org = org
        self.cache: dict[tuple[str, str], str] = {}
        self.budget = _BUDGET
        self.lookups = 0
        self._by_initial: dict[str, dict[tuple[str, int], list[str]]] = {}
        self._names: dict[str, str] | None = None
        self._alphabets: dict[str, str] = {}

    def hint(self, wanted: str, ref: str) -> str:
        key = (wanted, ref)
        if key not in self.cache:
            self.lookups += 1
            self.cache[key] = self._hint(wanted, ref) if self.lookups <= _MAX_LOOKUPS else ""
        return self.cache[key]

    def _hint(self, wanted: str, ref: str) -> str:
        org = self.org
        if wanted == "people":
            person_id = self._person_named(ref)
            if person_id is not None:
                return f" (did you mean '{person_id}', the id of {org.people[person_id].label}?)"
        for other in ("people", "units", "products"):
            if other != wanted and ref in getattr(org, other):
                return f" ('{ref}' is a {_SINGULAR[other]}, not a {_SINGULAR[wanted]})"
        ids = getattr(org, wanted)
        # Most typos are one edit away (a letter missing, extra, wrong or swapped): look those up directly.
        near = self._one_edit_away(ref, ids, wanted)
        if near:
            return did_you_mean(ref, near)
        if self.budget <= 0:
            return ""
        if len(ids) <= _FULL_SEARCH:
            candidates = ids
        else:  # a typo keeps the first letter and about the length
            buckets = self._buckets(wanted)
            initial, slack = ref[:1].casefold(), max(2, len(ref) // 4)
            candidates = []
            for length in range(len(ref) - slack, len(ref) + slack + 1):
                candidates.extend(buckets.get((initial, length), ()))
        if len(candidates) > self.budget:
            return ""
        self.budget -= len(candidates)
        return did_you_mean(ref, candidates)

    def _one_edit_away(self, ref: str, ids, wanted: str) -> list[str]:
        """Existing ids one deletion, insertion, substitution or transposition away from ``ref``."""
        alphabet = self._alphabets.get(wanted)
        if alphabet is None:
            alphabet = self._alphabets[wanted] = "".join(sorted(set("".join(ids))))
        splits = [(ref[:index], ref[index:]) for index in range(len(ref) + 1)]
        variants = {left + right[1:] for left, right in splits if right}
        variants.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
        variants.update(left + char + right[1:] for left, right in splits if right for char in alphabet)
        variants.update(left + char + right for left, right in splits for char in alphabet)
        variants.discard(ref)
        return sorted(variant for variant in variants if variant in ids)

    def _buckets(self, wanted: str) -> dict[tuple[str, int], list[str]]:
        """Ids by (first letter, length), built once per section."""
        buckets = self._by_initial.get(wanted)
        if buckets is None:
            buckets = {}
            for entity_id in getattr(self.org, wanted):
                buckets.setdefault((entity_id[:1].casefold(), len(entity_id)), []).append(entity_id)
            self._by_initial[wanted] = buckets
        return buckets

    def _person_named(self, ref: str) -> str | None:
        if self._names is None:
            self._names = {}
            for person in self.org.people.values():
                if person.name:
                    self._names.setdefault(person.name.casefold(), person.id)
        return self._names.get(ref.casefold())


def _unknown_references(org):
    """(entity, field, wanted section, referenced id, how the message says it) for each dangling reference."""
    people, units, products = org.people, org.units, org.products
    for person in people.values():
        if person.reports_to is not None and person.reports_to not in people:
            yield person, "reports_to", "people", person.reports_to, "reports to"
        for ref in person.dotted_to:
            if ref not in people:
                yield person, "dotted_to", "people", ref, "has a dotted line to"
        if person.unit is not None and person.unit not in units:
            yield person, "unit", "units", person.unit, "belongs to unit"
        for ref in person.units:
            if ref not in units:
                yield person, "units", "units", ref, "is a member of unit"
    for unit in units.values():
        if unit.lead is not None and unit.lead not in people:
            yield unit, "lead", "people", unit.lead, "is led by"
        if unit.parent is not None and unit.parent not in units:
            yield unit, "parent", "units", unit.parent, "is part of unit"
        for ref in unit.products:
            if ref not in products:
                yield unit, "products", "products", ref, "works on product"
    for product in products.values():
        if product.owner is not None and product.owner not in people:
            yield product, "owner", "people", product.owner, "is owned by"


@rule(
    code="S002",
    name="unknown-reference",
    severity="error",
    options={
        "allow-external-managers": Option(
            "bool", False, "Accept reports_to ids the chart does not define: managers outside a knowingly partial chart."
        )
    },
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    suggester = None
    missing_managers: dict[str, list] = {}  # unknown reports_to id -> the people naming it, in file order
    for entity, field, wanted, ref, verb in _unknown_references(org):
        if field == "reports_to":
            missing_managers.setdefault(ref, []).append(entity)
            continue
        suggester = suggester or _Suggester(org)
        who = f"product {entity.label}" if entity.kind == "products" else entity.display
        yield org.finding(
            entity,
            f"{who} {verb} '{ref}', but no {_SINGULAR[wanted]} has that id{suggester.hint(wanted, ref)}",
            field=field,
        )
    if options["allow-external-managers"]:
        return
    for ref, reports in missing_managers.items():
        suggester = suggester or _Suggester(org)
        yield _missing_manager(org, ref, reports, suggester.hint("people", ref))


def _missing_manager(org, ref, reports, hint):
    """One finding for a manager id that the chart does not define, at the first ``reports_to`` naming it."""
    first = reports[0]
    if len(reports) == 1:
        return org.finding(first, f"{first.display} reports to '{ref}', but no person has that id{hint}", field="reports_to")
    named = [person.label for person in reports[:_MAX_NAMED]]
    more = len(reports) - len(named)
    listed = ", ".join(named[:-1]) + f" and {named[-1]}" if not more else ", ".join(named) + f" and {more} more"
    return org.finding(
        first,
        f"{len(reports)} people report to '{ref}', but no person has that id{hint}: {listed}",
        field="reports_to",
        related=[
            (f"{person.display} also reports to '{ref}'", person.location("reports_to"))
            for person in reports[1 : _MAX_RELATED + 1]
        ],
    )
