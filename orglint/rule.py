"""The rule API: what a rule (built-in or plugin) declares and what it yields.

A rule is a function decorated with :func:`rule`. Its documentation is the
docstring of its module (or of the function), in the sections of the rule
catalog: What it does, Why is this bad?, Example, Use instead, Options,
References. The engine, not the rule, stamps code, name and severity on the
findings a rule yields (a finding may ask to be more severe: ``min_severity``).

Two more declarations are read by the engine without knowing any rule:

- ``strategies``: the rule's severity (or ``"off"``: the rule does not apply)
  under a declared ``org.strategy``; ``"*"`` stands for every strategy not
  listed, and for none declared. The rule's own severity holds elsewhere.
- ``supersedes``: codes whose findings describe the same root cause as this
  rule's; after the rules ran, such a finding is folded into this rule's
  finding about the same subject (or the org) as a related note (see
  :func:`orglint.engine.fold_root_causes`).
"""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from orglint.links import docs_url_problem
from orglint.vocabulary import STRATEGIES

__all__ = [
    "Finding",
    "Option",
    "Related",
    "Rule",
    "RuleError",
    "Severity",
    "rule",
]


class Severity(enum.IntEnum):
    """Ordered so that ``finding.severity >= fail_on`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


class RuleError(Exception):
    """A rule is declared wrongly (bad code, unknown option type, ...)."""


_OPTION_TYPES = ("int", "str", "bool", "list[str]")


@dataclass(frozen=True)
class Option:
    """A typed rule option with a default; validated when config is read."""

    type: str
    default: Any
    help: str = ""
    minimum: int | None = None

    def __post_init__(self) -> None:
        if self.type not in _OPTION_TYPES:
            raise RuleError(f"option type must be one of {', '.join(_OPTION_TYPES)}, not {self.type!r}")

    def validate(self, value: Any) -> Any:
        """Return ``value`` converted to the option's type, or raise ValueError."""
        if self.type == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"expected a whole number, got {_describe(value)}")
            if self.minimum is not None and value < self.minimum:
                raise ValueError(f"must be at least {self.minimum}, got {value}")
            return value
        if self.type == "bool":
            if not isinstance(value, bool):
                raise ValueError(f"expected true or false, got {_describe(value)}")
            return value
        if self.type == "str":
            if not isinstance(value, str):
                raise ValueError(f"expected a string, got {_describe(value)}")
            return value
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
            raise ValueError(f"expected a list of strings, got {_describe(value)}")
        return tuple(str(v) for v in value)


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"{type(value).__name__} {value!r}"


@dataclass(frozen=True, slots=True)
class Related:
    """A secondary location of a finding (the other definition, a step of a cycle)."""

    message: str
    file: str | None
    line: int
    column: int


@dataclass(slots=True)
class Finding:
    """One problem found in an org chart.

    ``kind`` is "rule" for rule findings, "input" for problems reading the
    input (E-codes) and "internal" for a rule that crashed.

    ``min_severity`` lets a rule raise one finding above the rule's severity
    (L003 is an error, not a warning, in a product-led org). The engine stamps
    ``max(rule severity, min_severity)``; it never lowers a finding, and a
    user's explicit severity override for the rule wins over both.
    """

    code: str
    name: str
    severity: Severity
    message: str
    subject: str
    file: str | None
    line: int
    column: int
    related: tuple[Related, ...] = ()
    kind: str = "rule"
    min_severity: Severity | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.file or "", self.line, self.column, self.code, self.subject, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "subject": self.subject,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "kind": self.kind,
            "related": [{"message": r.message, "file": r.file, "line": r.line, "column": r.column} for r in self.related],
        }


BUILTIN_PACK = "orglint.rules"  # the module the built-in rule pack installs as

# What a rule's check receives besides the Org: its options by name, validated, defaults filled in.
Options = Mapping[str, Any]
# check(org, options), or check(org, options, suppressions) for a rule declared after_suppressions.
CheckFunction = Callable[..., Iterable[Finding]]

_CODE = re.compile(r"^[A-Z][A-Z0-9]{0,3}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_SECTION = re.compile(r"^## +(.+?) *$", re.MULTILINE)


@dataclass(frozen=True)
class Rule:
    """A rule's metadata and its check function."""

    code: str
    name: str
    severity: Severity
    check: CheckFunction = field(repr=False, compare=False)
    options: Mapping[str, Option] = field(default_factory=dict)
    doc: str = ""
    origin: str = ""  # the module or pack it came from, for messages
    # Runs after the other rules' findings went through the inline suppressions, and gets the
    # parsed comments and what each one suppressed as a third argument: X001, X002.
    after_suppressions: bool = False
    # org.strategy (or "*": any other, or none) -> severity, None where the rule does not apply.
    strategies: Mapping[str, Severity | None] = field(default_factory=dict)
    # Codes whose findings on the same subject (or the org) this rule's finding stands for.
    supersedes: tuple[str, ...] = ()
    # Its documentation page, for a plugin rule that has one (built-in rules link to docs/rules/).
    url: str | None = None

    @property
    def builtin(self) -> bool:
        """Whether the rule comes from orglint's own pack (its pages are orglint's docs/rules/)."""
        return self.origin == BUILTIN_PACK or self.origin.startswith(BUILTIN_PACK + ".")

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def sections(self) -> dict[str, str]:
        """The documentation split by its ``## Heading`` sections."""
        return split_sections(self.doc)

    @property
    def summary(self) -> str:
        """One line: the first sentence of "What it does"."""
        return first_sentence(self.sections.get("What it does", ""))

    @property
    def why(self) -> str:
        """One line: the first sentence of "Why is this bad?"."""
        return first_sentence(self.sections.get("Why is this bad?", ""))

    def severity_under(self, strategy: str | None) -> Severity | None:
        """The rule's severity for an org of this declared strategy; None when it does not apply."""
        if strategy is not None and strategy in self.strategies:
            return self.strategies[strategy]
        if "*" in self.strategies:
            return self.strategies["*"]
        return self.severity

    def default_options(self) -> dict[str, Any]:
        return {name: option.default for name, option in self.options.items()}

    def run(self, org: Any, options: Options, suppressions: Any = None) -> Iterator[Finding]:
        """The rule's findings; a rule declared ``after_suppressions`` also gets what the inline
        suppression comments suppressed (orglint.suppressions.Suppressions)."""
        if self.after_suppressions:
            yield from self.check(org, options, suppressions)
        else:
            yield from self.check(org, options)


def split_sections(doc: str) -> dict[str, str]:
    sections: dict[str, str] = {}
    matches = list(_SECTION.finditer(doc))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(doc)
        sections[match.group(1).strip()] = doc[match.end() : end].strip("\n")
    return sections


def first_sentence(text: str) -> str:
    paragraph = " ".join(text.strip().split("\n\n", 1)[0].split())
    match = re.search(r"(?<=[.!?])\s", paragraph)
    return paragraph[: match.start()] if match else paragraph


def _dedent_doc(doc: str | None) -> str:
    import inspect

    return inspect.cleandoc(doc) if doc else ""


def rule(
    *,
    code: str,
    name: str,
    severity: str | Severity,
    options: Mapping[str, Option] | None = None,
    after_suppressions: bool = False,
    strategies: Mapping[str, str] | None = None,
    supersedes: Iterable[str] = (),
    url: str | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Declare a check function as a rule.

    The documentation is the function's docstring, else its module's.
    ``after_suppressions=True`` makes the rule run after every other rule's
    findings were matched against the inline suppressions; its check then takes
    a third argument, the Suppressions: what each suppression comment suppressed.
    ``strategies`` maps a strategy (docs/format.md, or ``"*"`` for every other one
    and none) to a severity or ``"off"``; ``supersedes`` lists the codes this
    rule's findings stand for (see the module doc); ``url`` is a plugin rule's documentation
    page, linked from every finding (built-in rules link to their page in docs/rules/).
    """
    if not _CODE.match(code):
        raise RuleError(f"rule code {code!r} must be a family letter and three digits, e.g. R001")
    if not _NAME.match(name):
        raise RuleError(f"rule name {name!r} must be kebab-case, e.g. ceo-is-cpo")
    level = Severity.parse(severity)
    by_strategy = _strategy_table(code, strategies or {})
    if url is not None and docs_url_problem(url) is not None:
        raise RuleError(f"rule {code}: url {url!r}: {docs_url_problem(url)}")
    superseded = tuple(supersedes)
    for other in superseded:
        if not _CODE.match(other) or other == code:
            raise RuleError(f"rule {code}: supersedes {other!r} is not another rule's code")

    def decorate(check: CheckFunction) -> CheckFunction:
        module = sys.modules.get(check.__module__)
        doc = check.__doc__ or (module.__doc__ if module else None)
        check.__orglint_rule__ = Rule(  # type: ignore[attr-defined]
            code=code,
            name=name,
            severity=level,
            check=check,
            options=dict(options or {}),
            doc=_dedent_doc(doc),
            origin=check.__module__,
            after_suppressions=after_suppressions,
            strategies=by_strategy,
            supersedes=superseded,
            url=url,
        )
        return check

    return decorate


def _strategy_table(code: str, strategies: Mapping[str, str]) -> dict[str, Severity | None]:
    table: dict[str, Severity | None] = {}
    for strategy, level in strategies.items():
        if strategy != "*" and strategy not in STRATEGIES:
            raise RuleError(f"rule {code}: unknown strategy {strategy!r} (expected one of {', '.join(STRATEGIES)} or *)")
        try:
            table[strategy] = None if str(level).strip().lower() == "off" else Severity.parse(level)
        except ValueError as error:
            raise RuleError(f"rule {code}: strategy {strategy}: {error} or off") from None
    return table
