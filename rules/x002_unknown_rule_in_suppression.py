"""
## What it does
Flags a rule code or name, in an inline `# orglint: disable=...` comment or in the configuration,
that no loaded rule has.

## Why is this bad?
A misspelled rule name suppresses or configures nothing, silently: the team believes an exception is
recorded, or a rule is switched off, tuned or made stricter, and it is not.

Rule codes and names are a contract precisely so that people can write them in comments and config
files, and a typo breaks that contract without a sound. `disable=ceo-as-cpo` does not hide the
finding its author meant to hide, so the author adds a second, broader exception to make CI pass;
`ignore: [T099]` in a config leaves the rule that was meant running, and the team learns to read past
its findings. Catching the typo where it is written keeps every exception deliberate.

What counts. Every name in a suppression comment that is neither the code (`R001`) nor the name
(`ceo-is-cpo`) of a loaded rule, including prefixes and `ALL`, which suppressions do not accept
(they name single rules), and input-problem codes such as `E003`, which are problems with the file
itself and cannot be suppressed. In the configuration: every entry of `select`, `ignore`,
`severity`, `options`, `per-file-ignores` and `per-subject-ignores` that matches no loaded rule
(there, prefixes and `ALL` are fine). A rule from a plugin counts as loaded only when the plugin is
installed or named in `plugins:`. The finding points at the name as written and suggests the
closest rule. It is about the entry the comment covers (or the file, for `disable-file`), or, for the
configuration, about `config`.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - id: ada     # orglint: disable=ceo-as-cpo -- founder runs product until the first product hire
    name: Ada Byron
    title: CEO & Chief Product Officer
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - id: ada     # orglint: disable=ceo-is-cpo -- founder runs product until the first product hire
    name: Ada Byron
    title: CEO & Chief Product Officer
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: ada}
  - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: grace}
```

## References
- "The Product is the Organization" (The CEO should never be the CPO: the exception the comment
  above records, spelled so that it takes effect).
"""

import re
from collections.abc import Iterator

from orglint import Finding, Options, Org, Severity, rule
from orglint.model import shown
from orglint.problems import INPUT_PROBLEMS, did_you_mean
from orglint.suppressions import Suppressions

_CODE = re.compile(r"^[A-Z][A-Z0-9]{0,3}[0-9]{3}$")


@rule(code="X002", name="unknown-rule-in-suppression", severity="warning", after_suppressions=True)
def check(org: Org, options: Options, suppressions: Suppressions | None) -> Iterator[Finding]:
    # Declared after_suppressions: the engine passes what the inline comments suppressed.
    if suppressions is None:
        return
    for directive, named in suppressions.unknown():
        yield _finding(
            directive.subject,
            f"suppression names '{shown(named.text)}', which no loaded rule has{_hint(suppressions, named.text)}",
            directive.file,
            directive.line,
            named.column,
        )
    for reference in suppressions.references:
        yield _finding(
            "config",
            f"{reference.key} names '{shown(reference.text)}', which no loaded rule has"
            f"{_hint(suppressions, reference.text, config=True)}",
            reference.file,
            reference.line,
            reference.column,
        )


def _hint(suppressions, text, config=False):
    if not config:
        hint = suppressions.hint(text)
    elif text.upper() in INPUT_PROBLEMS:
        return f"; {text.upper()} is an input problem, which is always reported"
    else:
        hint = did_you_mean(text, suppressions.vocabulary)
    if not hint and _CODE.match(text.upper()):
        hint = "; if a plugin provides it, install the plugin or name its folder in plugins:"
    return hint


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
