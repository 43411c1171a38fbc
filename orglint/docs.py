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
