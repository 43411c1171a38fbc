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


def _email_keys(people: list[Person]) -> list[str]:
    """Each person's email as compared ("" for none): stripped and case-folded."""
    stripped = [person.email.strip() if person.email else "" for person in people]
    # Checked and folded all at once, not one by one: almost every chart writes them in ASCII.
    written = "\n".join(stripped)
    if written.isascii():
        folded = written.lower()  # casefold() of ASCII text
        if folded == written:
            return stripped
        keys = folded.split("\n")
        if len(keys) == len(stripped):  # no email holds a line break
            return keys
    return [email.casefold() for email in stripped]


@rule(code="S011", name="duplicate-person", severity="warning")
def check(org: Org, options: Options) -> Iterator[Finding]:
    people = list(org.people.values())
    emails = _email_keys(people)
    # The first entry of each email: the dict of the reversed lists keeps the first.
    by_email = dict(zip(reversed(emails), reversed(people), strict=True))
    by_email.pop("", None)
    twice: set[int] = set()  # positions (in ``people``) of the second entries of an email
    if len(by_email) < len(emails) - emails.count(""):  # some email is written twice
        for position, (email, person) in enumerate(zip(emails, people, strict=True)):
            first = by_email.get(email) if email else None
            if first is not None and first is not person:
                twice.add(position)
                yield org.finding(
                    person,
                    f"{person.display} has the same email ({(person.email or '').strip()}) as {first.display}, "
                    f"id '{first.id}': one person entered twice?",
                    field="email",
                    related=[("first entry", first)],
                )
    yield from _same_name_and_title(org, people, emails, twice)


def _same_name_and_title(org: Org, people: list[Person], emails: list[str], twice: set[int]) -> Iterator[Finding]:
    """A name and title match counts only against an entry without an email: only the entries
    whose title one of those shares are looked at (in a chart where everyone has an email: none)."""
    titles = {
        _key(person.title)
        for person in (people[position] for position in _positions_of("", emails))
        if person.name and person.title
    }
    if not titles:
        return
    written = [person.title for person in people]
    # Titles as written -> as compared, for the titles worth looking at (each normalised once).
    title_keys = {title: compared for title in set(written) if title and (compared := _key(title)) in titles}
    # (normalised name, title) -> [first entry, first entry without an email]
    by_name_title: dict[tuple[str, str], list[Person | None]] = {}
    for position in [position for position, title in enumerate(written) if title in title_keys]:
        person = people[position]
        if not person.name:
            continue
        email = emails[position]
        name_title = (_key(person.name), title_keys[written[position]])
        entries = by_name_title.get(name_title)
        if entries is None:
            by_name_title[name_title] = [person, None if email else person]
            continue
        same = entries[1] if email else entries[0]
        if same is not None and position not in twice:
            yield org.finding(
                person,
                f"{person.display} has the same name and title as the entry with id '{same.id}': one person entered twice?",
                field="name",
                related=[("first entry", same)],
            )
        if entries[1] is None and not email:
            entries[1] = person


def _positions_of(value: str, items: list[str]) -> Iterator[int]:
    """The positions of ``value`` in ``items``, found by list.index: many times faster than a loop
    when, as here, it is rare."""
    position = -1
    while True:
        try:
            position = items.index(value, position + 1)
        except ValueError:
            return
        yield position
