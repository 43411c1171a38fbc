"""The strategy table (issue 10): rule x declared strategy -> severity or off, kept in each rule's
``@rule(strategies=...)``, rendered in docs/strategy.md, and applied by the engine.

Every cell that differs from the rule's own severity is written out here by hand, so that a change
to the table is a deliberate change to this test too, and each cell is then run on the rule's own
documented Example with that strategy declared.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orglint.api import lint_text
from orglint.docs import example_charts, strategy_doc
from orglint.plugins import load_rules
from orglint.vocabulary import STRATEGIES

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules().rules
PRODUCT_SIDE = (
    "product-led",
    "product-led-growth",
    "product-led-sales",
    "product-centric",
    "product-oriented",
    "product-operating-model",
)
SERVICE = ("product-oriented", "service-oriented")

# (rule, strategy or None) -> the severity there, "off" where the rule does not apply. Every other
# cell is the rule's own severity.
DIFFERING = {
    # Article 002, technology driven: "it might make sense to fully focus on the technology".
    ("L001", "technology-driven"): "info",
    ("L002", "technology-driven"): "info",
    ("L005", "technology-driven"): "info",
    ("F002", "technology-driven"): "info",
    ("G006", "technology-driven"): "info",
    # Article 002, sales led: "This approach is totally fine and in no means something bad".
    ("L001", "sales-led"): "info",
    ("L003", "sales-led"): "info",
    # Product under sales contradicts a declared product strategy (not product-oriented: a service company).
    **{("L003", strategy): "error" for strategy in PRODUCT_SIDE if strategy != "product-oriented"},
    # Article 002, service companies: "in no means product centric or product led".
    **{(code, strategy): "off" for code in ("F002", "F003", "F004", "F005", "G001", "G006") for strategy in SERVICE},
    ("L002", "service-oriented"): "info",
    # Rules that exist for one kind of strategy only.
    **{("G005", strategy): "off" for strategy in (None, *STRATEGIES) if strategy != "product-led-growth"},
    **{("G008", strategy): "off" for strategy in (None, *STRATEGIES) if strategy not in PRODUCT_SIDE},
}


def declared_table() -> dict:
    cells = {}
    for code, rule in RULES.items():
        for strategy in (None, *STRATEGIES):
            level = rule.severity_under(strategy)
            if level != rule.severity:
                cells[(code, strategy)] = "off" if level is None else level.label
    return cells


def test_the_code_declares_exactly_the_documented_cells():
    assert declared_table() == DIFFERING


def test_docs_strategy_md_is_generated_from_the_code():
    text = (ROOT / "docs" / "strategy.md").read_text(encoding="utf-8")
    assert text == strategy_doc(RULES.values()), "regenerate: python -m orglint.docs docs"


def with_strategy(chart: str, strategy: str | None) -> str:
    chart = re.sub(r"^  strategy: .*\n", "", chart, flags=re.MULTILINE)
    if strategy is None:
        return chart
    if re.search(r"^org:\n", chart, flags=re.MULTILINE):
        return re.sub(r"^org:\n", f"org:\n  strategy: {strategy}\n", chart, count=1, flags=re.MULTILINE)
    return chart.replace("orglint: 1\n", f"orglint: 1\norg:\n  strategy: {strategy}\n", 1)


CELLS = sorted(
    {(code, strategy) for code, rule in RULES.items() if rule.strategies for strategy in (None, *STRATEGIES)},
    key=lambda cell: (cell[0], cell[1] or ""),
)


@pytest.mark.parametrize("code, strategy", CELLS, ids=[f"{code}-{strategy or 'none'}" for code, strategy in CELLS])
def test_each_cell_is_applied_to_the_rules_example(code, strategy):
    rule = RULES[code]
    example, _ = example_charts(rule)
    # The Example fires under its own strategy; here, under each strategy of the table.
    fired = lint_text(
        with_strategy(example, "product-led-growth" if code == "G005" else None if code != "G008" else "product-led"),
        select=[code],
    ).rule_findings
    assert fired, f"{code}'s Example does not fire"
    expected = DIFFERING.get((code, strategy), rule.severity.label)
    got = [str(finding.severity) for finding in lint_text(with_strategy(example, strategy), select=[code]).rule_findings]
    assert got == ([] if expected == "off" else [expected] * len(got)) and (expected == "off" or got)


def test_a_users_severity_wins_over_the_strategy():
    from orglint.engine import RunSettings
    from orglint.rule import Severity
    from orglint.severity import SeverityPolicy

    example, _ = example_charts(RULES["L001"])
    settings = RunSettings(severity=SeverityPolicy(explicit={"L001": Severity.ERROR}))
    [finding] = lint_text(with_strategy(example, "sales-led"), select=["L001"], settings=settings).rule_findings
    assert finding.severity is Severity.ERROR
