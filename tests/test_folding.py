"""The engine's two rule-agnostic declarations (issue 10): ``strategies`` (a rule's severity, or off,
under a declared org.strategy) and ``supersedes`` (one root cause, one finding). Rules are made here
with made-up codes, so these tests pin the mechanism, not the product rules."""

from __future__ import annotations

import pytest

from orglint.engine import run_rules
from orglint.model import Org, Person, Product
from orglint.rule import RuleError, Severity, rule


def make_org(strategy: str | None = None) -> Org:
    org = Org(name="Acme", strategy=strategy)
    for person in (Person("ada", title="CEO", line=2), Person("bob", title="CTO", reports_to="ada", line=3)):
        org.add(person)
    org.add(Product("app", name="App", line=4))
    return org


def declare(code: str, subject: str, *, severity: str = "warning", **declarations):
    """A rule that yields one finding about ``subject`` ("org", "people.bob", "products.app")."""

    def check(org, options):
        if subject == "org":
            target = org
        else:
            kind, _, identifier = subject.partition(".")
            target = org.people[identifier] if kind == "people" else org.products[identifier]
        yield org.finding(target, f"{code} says so")

    check.__doc__ = "## What it does\nTest rule."
    return rule(code=code, name=f"test-{code.lower()}", severity=severity, **declarations)(check).__orglint_rule__


def reported(findings) -> list[tuple[str, str]]:
    return sorted((finding.code, finding.subject) for finding in findings)


def test_a_finding_about_the_org_is_folded_into_a_finding_about_a_person():
    root = declare("Z001", "people.bob", supersedes=("Z002",))
    other = declare("Z002", "org", severity="error")
    [finding] = run_rules(make_org(), [root, other])
    assert (finding.code, finding.subject, finding.severity) == ("Z001", "people.bob", Severity.WARNING)
    [note] = finding.related
    assert note.message == "Z002 folded in: Z002 says so" and note.line == 2  # where Z002 pointed: the CEO


def test_an_org_finding_folds_a_product_finding_and_the_same_subject_folds_too():
    org_root = declare("Z001", "org", supersedes=("Z002",))
    assert reported(run_rules(make_org(), [org_root, declare("Z002", "products.app")])) == [("Z001", "org")]
    person_root = declare("Z003", "people.bob", supersedes=("Z004",))
    assert reported(run_rules(make_org(), [person_root, declare("Z004", "people.bob")])) == [("Z003", "people.bob")]


def test_findings_about_two_different_entities_are_not_folded():
    root = declare("Z001", "people.bob", supersedes=("Z002",))
    assert reported(run_rules(make_org(), [root, declare("Z002", "products.app")])) == [
        ("Z001", "people.bob"),
        ("Z002", "products.app"),
    ]


def test_only_declared_codes_are_folded():
    root = declare("Z001", "org", supersedes=("Z002",))
    assert reported(run_rules(make_org(), [root, declare("Z003", "org")])) == [("Z001", "org"), ("Z003", "org")]


def test_a_folded_finding_does_not_carry_what_it_supersedes():
    # Z001 (a person) stands for Z002 (the org); Z002 would stand for Z003 (a product), but Z002 is
    # folded away and Z001 does not stand for Z003: the product's finding stays.
    first = declare("Z001", "people.bob", supersedes=("Z002",))
    middle = declare("Z002", "org", supersedes=("Z003",))
    last = declare("Z003", "products.app")
    assert reported(run_rules(make_org(), [last, middle, first])) == [("Z001", "people.bob"), ("Z003", "products.app")]
    # Without Z001, Z002 is reported and folds Z003.
    assert reported(run_rules(make_org(), [last, middle])) == [("Z002", "org")]


def test_a_rule_that_does_not_run_folds_nothing():
    other = declare("Z002", "org")
    assert reported(run_rules(make_org(), [other])) == [("Z002", "org")]


def test_strategies_set_the_severity_or_switch_the_rule_off():
    rule_ = declare("Z001", "org", severity="warning", strategies={"sales-led": "info", "service-oriented": "off"})
    assert [f.severity for f in run_rules(make_org(), [rule_])] == [Severity.WARNING]
    assert [f.severity for f in run_rules(make_org("sales-led"), [rule_])] == [Severity.INFO]
    assert run_rules(make_org("service-oriented"), [rule_]) == []


def test_a_star_stands_for_every_other_strategy_and_for_none():
    only_plg = declare("Z001", "org", strategies={"*": "off", "product-led-growth": "warning"})
    assert run_rules(make_org(), [only_plg]) == []
    assert run_rules(make_org("sales-led"), [only_plg]) == []
    assert reported(run_rules(make_org("product-led-growth"), [only_plg])) == [("Z001", "org")]


def test_min_severity_still_raises_above_the_strategys_severity():
    def check(org, options):
        yield org.finding(org, "raised", min_severity="error")

    check.__doc__ = "## What it does\nTest rule."
    raised = rule(code="Z009", name="test-z009", severity="warning", strategies={"sales-led": "info"})(check).__orglint_rule__
    assert [f.severity for f in run_rules(make_org("sales-led"), [raised])] == [Severity.ERROR]


@pytest.mark.parametrize(
    "declarations, error",
    [
        ({"strategies": {"growth-hacking": "info"}}, "unknown strategy 'growth-hacking'"),
        ({"strategies": {"sales-led": "loud"}}, "strategy sales-led: unknown severity 'loud'"),
        ({"supersedes": ("Z001",)}, "supersedes 'Z001' is not another rule's code"),
        ({"supersedes": ("L1",)}, "supersedes 'L1' is not another rule's code"),
    ],
)
def test_wrong_declarations_are_rule_errors(declarations, error):
    with pytest.raises(RuleError, match=error):
        declare("Z001", "org", **declarations)
