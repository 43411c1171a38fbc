"""
## What it does
Flags an inline `# orglint: disable=...` comment, or one rule named in it, that suppressed nothing
in this run.

## Why is this bad?
A suppression that hides nothing is a stale exception: it tells the next reader that something here
is wrong on purpose when it no longer is, and it will silently hide the problem if it ever comes back.

Suppressions are for exceptions a team has decided to live with, each with its reason: the founder
who still runs product until the first product hire, the interim manager of eleven people during a
reorganization. Those reasons expire. The VP of Product starts, the team is split, and the chart is
fixed, but the comment stays. A year later the founder takes the product seat back "for a quarter"
and nobody is told, because the comment written for the old exception now covers the new one.
Keeping every suppression in use keeps the list of exceptions honest: each one names a problem that
is still there.

What counts. Each rule named in a `disable=`, `disable-next-line=` or `disable-file=` comment that
matched none of that rule's findings, among the rules that ran (a rule left out with `--select`,
`--ignore` or the config is not judged, so narrowing a run never makes comments look stale). A
comment that orglint cannot read (a misspelled directive such as `disabel=`, no rule named, or
`disable=` on a line that belongs to no person, unit, product or `org:` block) is flagged too,
because it suppresses nothing whatever the chart says. The finding points at the rule's name in
the comment and is about the entry the comment covers (or the file, for `disable-file`). Names that
no loaded rule has are X002's business.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - id: ada     # orglint: disable=R001 -- founder runs product until the first product hire
    name: Ada Byron
    title: CEO
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - id: ada
    name: Ada Byron
    title: CEO
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
```

## References
- "The Product is the Organization" (The CEO should never be the CPO: the exception a founder's
  suppression records, and the one that should expire).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, Severity, rule
from orglint.suppressions import Suppressions


@rule(code="X001", name="unused-suppression", severity="warning", after_suppressions=True)
def check(org: Org, options: Options, suppressions: Suppressions | None) -> Iterator[Finding]:
    # Declared after_suppressions: the engine passes what the inline comments suppressed.
    if suppressions is None:
        return
    for directive in suppressions.directives:
        if directive.problem:
            yield _finding(
                directive.subject,
                f'"{directive.text}" suppresses nothing: it {directive.problem}',
                directive.file,
                directive.line,
                directive.column,
            )
    for directive, named in suppressions.unused():
        rule_label = suppressions.label(named.code or named.text)  # unused() names only known rules
        where = _scope(org, directive)
        fix = "remove the comment" if len(directive.named) == 1 else f"remove {named.text} from the comment"
        yield _finding(
            directive.subject,
            f"unused suppression: {rule_label} finds nothing {where}; {fix}",
            directive.file,
            directive.line,
            named.column,
        )


def _finding(subject, message, file, line, column):
    return Finding(
        code="",
        name="",
        severity=Severity.WARNING,
        message=message,
        subject=subject,
        file=file,
        line=line,
        column=column,
    )


def _scope(org, directive):
    if directive.kind == "disable-file":
        return f"in {directive.file}"
    labels = [_label(org, subject) for subject in directive.subjects]
    if directive.kind == "disable-next-line":
        return f"on the next line ({', '.join(labels)})" if labels else "on the next line"
    return f"on {', '.join(labels)}" if labels else "here"


def _label(org, subject):
    if subject == "org":
        return org.label
    section, _, identifier = subject.partition(".")
    table = {"people": org.people, "units": org.units, "products": org.products}.get(section, {})
    entity = table.get(identifier)
    return entity.display if entity is not None else subject
