"""Reading a rule's documentation: its sections and the org charts in its Example and Use instead.

The test suite executes every rule's documented examples (pycodestyle's
practice): Example must produce the rule's finding and Use instead must not.
"""

from __future__ import annotations

import re
from pathlib import Path

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
`tests/test_strategy_doc.py` fails when this file and the code differ. Regenerate it, with the
rule pages, by `python -m orglint.docs docs`.

## Rule x strategy

`org.strategy` (docs/format.md) is taken at its word: a rule's severity can differ under a declared
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
    from orglint.vocabulary import STRATEGIES

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


# --- docs/rules/: one page per rule and per input problem -------------------------------------

RULES_INDEX_INTRO = """\
# Rules

One page per rule, generated from the rule's own documentation (the docstring of its module in
`rules/`) by `python -m orglint.docs docs`; `tests/test_rule_pages.py` fails when a page and the
code differ. `orglint explain CODE` prints the same text in a terminal, and every finding links to
its page (`docs-url:` in the config points the links at a copy of these pages elsewhere).

Codes and names are stable: write either in `select`, `ignore`, `severity`, `options` and
suppression comments. The letter is the family, for prefix selection (`--select L`).
"""


def generated_pages(rules) -> dict[str, str]:
    """Every generated page under docs/, by path relative to it: strategy.md, rules/index.md,
    rules/<CODE>.md for each rule and each input problem."""
    from orglint.listing import documentation_page, family_title
    from orglint.plugins import RuleSet
    from orglint.problems import INPUT_PROBLEMS

    rules = sorted(rules, key=lambda rule: rule.code)
    rule_set = RuleSet(rules={rule.code: rule for rule in rules})
    pages = {"strategy.md": strategy_doc(rules)}
    index = [RULES_INDEX_INTRO.rstrip("\n")]
    family = None
    for rule in rules:
        if rule.family != family:
            family = rule.family
            index += [
                "",
                f"## {family}: {family_title(family)}",
                "",
                "| code | name | severity | what it does |",
                "|---|---|---|---|",
            ]
        index.append(f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.severity.label} | {rule.summary} |")
        pages[f"rules/{rule.code}.md"] = documentation_page(rule.code, rule_set) or ""
    index += [
        "",
        "## E: input problems",
        "",
        "Problems with the input itself: the chart could not be read as written (exit code 2).",
        "",
    ]
    index += ["| code | name |", "|---|---|"]
    for code, (name, _explanation) in INPUT_PROBLEMS.items():
        index.append(f"| [{code}]({code}.md) | {name} |")
        pages[f"rules/{code}.md"] = documentation_page(code, rule_set) or ""
    pages["rules/index.md"] = "\n".join(index) + "\n"
    return pages


def stale_pages(docs: Path, rules, expected: dict[str, str] | None = None) -> list[str]:
    """The generated pages under ``docs`` that are missing, differ from the code (or from
    ``expected``, the pages already generated), or are left over from a rule that no longer exists."""
    expected = generated_pages(rules) if expected is None else expected
    stale = [
        path
        for path, text in expected.items()
        if not (docs / path).is_file() or (docs / path).read_text(encoding="utf-8") != text
    ]
    present = {f"rules/{page.name}" for page in (docs / "rules").glob("*.md")} if (docs / "rules").is_dir() else set()
    return sorted(stale + sorted(present - set(expected)))


def write_pages(docs: Path, rules) -> list[str]:
    """Write the generated pages under ``docs`` (and remove pages of rules that are gone);
    the paths written or removed."""
    expected = generated_pages(rules)
    changed = stale_pages(docs, rules, expected)
    for path in changed:
        target = docs / path
        if path in expected:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(expected[path], encoding="utf-8")
        else:
            target.unlink()
    return changed


if __name__ == "__main__":  # pragma: no cover - python -m orglint.docs docs
    import sys

    from orglint.plugins import load_rules

    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    for changed in write_pages(folder, load_rules().rules.values()):
        sys.stdout.write(f"{folder / changed}\n")
