"""Input problems: what is wrong with the input itself, as opposed to the org.

They are not rules (nothing can select or ignore them); they carry E-codes so
that CI output and JSON consumers can tell them apart, and any of them makes
the run exit 2.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable

from orglint.rule import Finding, Related, Severity

# code -> (name, one-line explanation shown by `orglint explain`)
INPUT_PROBLEMS: dict[str, tuple[str, str]] = {
    "E001": ("yaml-syntax", "The file is not valid YAML."),
    "E002": ("duplicate-key", "A mapping has the same key twice; YAML parsers silently keep the last one."),
    "E003": ("unknown-key", "A key that the org chart format does not define (prefix your own keys with x-)."),
    "E004": ("wrong-type", "A value has the wrong type, e.g. a list where a single id is expected."),
    "E005": ("unsupported-version", "The file declares an orglint format version other than 1."),
    "E006": (
        "unreadable-file",
        "A path could not be read: missing, a directory loop, no permission, not a regular file (a device, a FIFO), "
        "or a link leading outside the repository, which orglint refuses to read.",
    ),
    "E007": (
        "undecodable-file",
        "The file is binary, or not text in UTF-8 (or in the UTF-16 or UTF-32 its byte order mark announces).",
    ),
    "E008": ("unsafe-tag", "A YAML tag outside the safe subset (such as !!python/object); it is never executed."),
    "E009": ("limit-exceeded", "The input exceeds a safety limit (alias expansion, nesting depth, file size)."),
    "E010": ("empty-input", "An empty file or a directory without org chart files."),
    "E011": ("invalid-value", "A value outside the allowed set, such as an unknown unit type or role."),
    "E012": ("conflicting-definition", "A section that may appear only once is defined in two files."),
    "E013": ("import-problem", "A problem in a Backstage catalog, GitLab team page or HR export that orglint could not map."),
    "E100": ("rule-crashed", "A rule raised an exception; its results are missing. Report it to the rule's authors."),
}


def input_problem(
    code: str,
    message: str,
    file: str | None,
    line: int = 1,
    column: int = 1,
    *,
    subject: str = "",
    related: Iterable[Related] = (),
    severity: Severity = Severity.ERROR,
) -> Finding:
    """Make the Finding for an input problem (severity error unless told)."""
    name = INPUT_PROBLEMS[code][0]
    kind = "internal" if code == "E100" else "input"
    return Finding(
        code=code,
        name=name,
        severity=severity,
        message=message,
        subject=subject,
        file=file,
        line=line,
        column=column,
        related=tuple(related),
        kind=kind,
    )


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a close match exists, else ``""``."""
    return _did_you_mean(word, tuple(choices))


@functools.lru_cache(maxsize=4096)
def _did_you_mean(word: str, choices: tuple[str, ...]) -> str:
    # Cached: a large chart repeats the same typo in every entry, and difflib costs ~0.3 ms a call.
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
