"""Reading a rule's documentation: its sections and the org charts in its Example and Use instead.

The test suite executes every rule's documented examples (pycodestyle's
practice): Example must produce the rule's finding and Use instead must not.
"""

from __future__ import annotations

import re

from orglint.rule import Rule

SECTION_ORDER = ("What it does", "Why is this bad?", "Example", "Use instead", "Options", "References")
_YAML_BLOCK = re.compile(r"```ya?ml\n(.*?)```", re.DOTALL)


def yaml_blocks(text: str) -> list[str]:
    return [block for block in _YAML_BLOCK.findall(text)]


def example_charts(rule: Rule) -> tuple[str | None, str | None]:
    """The org chart of the rule's Example section and of its Use instead section."""
    sections = rule.sections
    example = yaml_blocks(sections.get("Example", ""))
    fixed = yaml_blocks(sections.get("Use instead", ""))
    return (example[0] if example else None, fixed[0] if fixed else None)


def missing_sections(rule: Rule) -> list[str]:
    """Documentation sections a rule must have and lacks (Options only when it has options)."""
    sections = rule.sections
    required = [name for name in SECTION_ORDER if name != "Options" or rule.options]
    return [name for name in required if name not in sections]


# --- docs/strategy.md: the rule x strategy table and the root-cause precedence -----------------

STRATEGY_DOC_INTRO = """\
# Strategy and root causes

Generated from the rules' declarations (`strategies=` and `supersedes=` in each rule's `@rule`);
`tests/test_strategy_doc.py` fails when this file and the code differ. Regenerate it with
`python -m orglint.docs > docs/strategy.md`.

## Rule x strategy

`org.strategy` (FORMAT.md) is taken at its word: a rule's severity can differ under a declared
strategy, and some rules do not apply at all (`off`: the rule is not run). A rule not listed here has
the same severity whatever the strategy. A user's `severity:` for a rule in the config still wins,
and a preset's floor (`strict`) still raises information to a warning.

Cells that differ from the rule's own severity are in bold. "none" is an org that declares no
strategy. The reasons are in each rule's documentation (`orglint explain CODE`).
"""

PRECEDENCE_DOC_INTRO = """\
## One root cause, one finding

Several rules can describe one problem: three product managers under the VP of Engineering with no
head of product are at once "no head of product reports to the CEO" (L001), "no product department"
(F001) and "product under engineering" (L005). The most specific rule reports it; the others are
folded into its finding as related notes (`L001 folded in: ...`, at their own location), so one fix
makes one finding go away and nothing is lost from the output.

The engine applies the rules' `supersedes` declarations after the rules ran, knowing no rule:

- a finding G is folded into a finding F when F's rule lists G's code and both are about the same
  subject, or either is about the org as a whole;
- only findings still reported fold others: a finding folded away does not carry what it supersedes
  (each rule lists every code it stands for);
- rules nothing supersedes are taken first; a finding keeps its own severity;
- `--select`, `--ignore` and `severity: off` decide what runs before folding: a rule that does not
  run folds nothing, so its superseded findings are reported on their own;
- folding comes before inline suppressions, per-file ignores and the baseline, which see the reported
  finding: suppressing it also hides what was folded into it.

| rule | stands for (folds) |
|---|---|
"""


def strategy_doc(rules) -> str:
    """The Markdown of docs/strategy.md for these rules (code order)."""
    from orglint.roles import STRATEGIES

    rules = sorted(rules, key=lambda rule: rule.code)
    columns = ["none", *STRATEGIES]
    lines = [STRATEGY_DOC_INTRO, "| rule | default | " + " | ".join(columns) + " |", "|---|---|" + "---|" * len(columns)]
    for rule in rules:
        if not rule.strategies:
            continue
        cells = []
        for column in columns:
            level = rule.severity_under(None if column == "none" else column)
            shown = "off" if level is None else level.label
            cells.append(shown if level == rule.severity else f"**{shown}**")
        lines.append(f"| {rule.code} {rule.name} | {rule.severity.label} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(PRECEDENCE_DOC_INTRO.rstrip("\n"))
    for rule in rules:
        if rule.supersedes:
            lines.append(f"| {rule.code} {rule.name} | {', '.join(sorted(rule.supersedes))} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - python -m orglint.docs > docs/strategy.md
    import sys

    from orglint.plugins import load_rules

    sys.stdout.write(strategy_doc(load_rules().rules.values()))
