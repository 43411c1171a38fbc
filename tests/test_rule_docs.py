"""Every loaded rule's documentation is complete, and its examples are executed (pycodestyle's practice)."""

from __future__ import annotations

import pytest

from orglint.api import default_rules, lint_text
from orglint.docs import example_charts, missing_sections

RULES = default_rules().sorted()


def test_the_builtin_pack_is_loaded():
    assert RULES, "no rule was discovered through the orglint.rules entry point group"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_documentation_has_every_section(rule):
    assert missing_sections(rule) == []
    assert rule.summary, "What it does must start with a one-sentence summary"
    assert rule.why, "Why is this bad? must start with a one-sentence reason"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_example_fires_and_use_instead_does_not(rule):
    example, fixed = example_charts(rule)
    assert example is not None and fixed is not None, "Example and Use instead each need a ```yaml block"

    # A rule that judges the suppressions (X001) needs the other rules' findings: run them all.
    select = ["ALL"] if rule.after_suppressions else [rule.code]
    fired = lint_text(example, select=select)
    assert not fired.input_problems, [p.message for p in fired.input_problems]
    assert [f.code for f in fired.rule_findings if f.code == rule.code], f"Example does not trigger {rule.code}"

    quiet = lint_text(fixed, select=select)
    assert not quiet.input_problems, [p.message for p in quiet.input_problems]
    assert [f.message for f in quiet.rule_findings if f.code == rule.code] == []
