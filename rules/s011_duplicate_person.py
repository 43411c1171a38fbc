"""
## What it does
Flags two people under different ids who share an email address, or who share a name and a title
while one of them has no email (two entries with different emails are two people). Emails are compared
without case, names and titles without case and extra spaces.

## Why is this bad?
One person entered twice counts double in every headcount, span and team size, and the two entries
drift apart over time.

This happens when a chart is assembled from several sources (an HR export and a hand-written file), or
when someone moves team and gets a new entry instead of an edited one. The finding is on the second
entry and points at the first. Merge the two entries into one, keeping the id that other entries
reference. Two different people with the same name and title do exist in large companies: give them
their emails (which then differ), or suppress the finding with a reason.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO, email: ada@acme.example}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada, email: bob@acme.example}
  - {id: robert.stone, name: Robert Stone, title: Engineering Manager, reports_to: bob, email: Bob@acme.example}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO, email: ada@acme.example}
  - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada, email: bob@acme.example}
  - {id: rob, name: Robert Stone, title: Engineering Manager, reports_to: bob, email: robert@acme.example}
```

## References
- The orglint org chart format (docs/format.md): ids are unique, and `email` identifies a person across
  sources.
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, Person, rule


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@rule(code="S011", name="duplicate-person", severity="warning")
def check(org: Org, options: Options) -> Iterator[Finding]:
    people = org.people.values()
    # A name and title match counts only against an entry without an email, so only the titles of
    # such entries are worth indexing (in a chart where everyone has an email: none).
    titles = {
        _key(person.title) for person in people if not (person.email and person.email.strip()) and person.name and person.title
    }
    by_email: dict[str, Person] = {}
    # (normalised name, title) -> [first entry, first entry without an email]
    by_name_title: dict[tuple[str, str], list[Person | None]] = {}
    title_keys: dict[str, str] = {}  # titles repeat a lot: normalise each once
    for person in people:
        email = person.email.strip() if person.email else ""
        if not (email.isascii() and email.islower()):  # most emails are already as compared: no copy
            email = email.casefold()
        first = by_email.get(email) if email else None
        if first is not None:
            yield org.finding(
                person,
                f"{person.display} has the same email ({(person.email or '').strip()}) as {first.display}, "
                f"id '{first.id}': one person entered twice?",
                field="email",
                related=[("first entry", first)],
            )
        elif email:
            by_email[email] = person
        if not (titles and person.name and person.title):
            continue
        title = title_keys.get(person.title)
        if title is None:
            title = title_keys[person.title] = _key(person.title)
        if title not in titles:
            continue
        key = (_key(person.name), title)
        entries = by_name_title.get(key)
        if entries is None:
            by_name_title[key] = [person, None if email else person]
            continue
        same = entries[1] if email else entries[0]
        if same is not None and first is None:
            yield org.finding(
                person,
                f"{person.display} has the same name and title as the entry with id '{same.id}': one person entered twice?",
                field="name",
                related=[("first entry", same)],
            )
        if entries[1] is None and not email:
            entries[1] = person
