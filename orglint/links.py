"""Where a rule's documentation page is: one default, one setting (`docs-url:` in the config).

Every output that links a finding to its rule (JSON ``url``, SARIF ``helpUri``, GitHub and GitLab
annotations, the HTML report, `orglint explain`, the language server) asks :func:`rule_url`.
The pages are docs/rules/<CODE>.md, generated from each rule's documentation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - rule.py validates a plugin's url with this module
    from orglint.rule import Rule

# The project's published rule pages. `docs-url:` replaces it, for a mirror inside a company.
DEFAULT_DOCS_URL = "https://github.com/orglint/orglint/blob/main/docs/rules/{code}.md"

# http(s), a host, and no character that could end a link or an annotation early.
_URL = re.compile(r"https?://[^\s\"'<>`\\]+", re.ASCII)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def docs_url_problem(value: str) -> str | None:
    """Why ``value`` cannot be a `docs-url:` setting, or None when it can.

    It is an http(s) address that may hold ``{code}`` and ``{name}``; without either,
    ``<CODE>.md`` is appended (a folder of pages like docs/rules/)."""
    if not _URL.fullmatch(value):
        return "expected an http:// or https:// address without spaces or quotes"
    unknown = sorted({name for name in _PLACEHOLDER.findall(value) if name not in ("code", "name")})
    if unknown:
        return f"unknown placeholder {{{unknown[0]}}}; use {{code}} or {{name}}"
    return None


def page_url(code: str, name: str, docs_url: str = DEFAULT_DOCS_URL) -> str:
    """The address of one page of the docs at ``docs_url`` (a template, or a folder)."""
    if "{code}" in docs_url or "{name}" in docs_url:
        return docs_url.replace("{code}", code).replace("{name}", name)
    return docs_url.rstrip("/") + f"/{code}.md"


def rule_url(rule: Rule, docs_url: str = DEFAULT_DOCS_URL) -> str | None:
    """The documentation page of ``rule``: the built-in pack's pages are at ``docs_url``; a plugin
    rule's is the ``url`` it declares, or None (its pages are not ours to link)."""
    if rule.url is not None:
        return rule.url
    if rule.builtin:
        return page_url(rule.code, rule.name, docs_url)
    return None
