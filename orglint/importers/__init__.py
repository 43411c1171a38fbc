"""Importers turn loaded sources into one Org: native YAML, and (by detection) other formats.

Each importer module offers ``build(org, sources, problems)`` (Backstage and
CSV also take ``options=ImportOptions(...)``, e.g. the CSV column map of
``--map``). :func:`_claimant` picks the importer of each source: CSV by file
name, Backstage by ``apiVersion: backstage.io/...``, GitLab's team page by a
list of entries with ``slug:`` and ``reports_to:`` (or a person file with
``reports_to:`` and ``role:`` at the top level); native YAML is the fallback. Importers are imported only when a
source needs them, to keep start-up fast.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from orglint.loader import LoadResult, SourceFile
from orglint.model import Org
from orglint.rule import Finding

# Module names under orglint.importers, in the order they are asked; "native" last.
IMPORTERS = ("backstage", "gitlab", "csv", "native")


@dataclass(frozen=True)
class ImportOptions:
    """How to read inputs that need telling: ``column_map`` is CSV field -> column header (``--map``);
    ``stdin_name`` is what standard input is called in locations, and its format follows from it
    (``--stdin-filename``: ``export.csv`` is read as CSV)."""

    column_map: Mapping[str, str] = field(default_factory=dict)
    stdin_name: str | None = None


def _importer(name: str):
    return importlib.import_module(f"orglint.importers.{name}")


def _claimant(source: SourceFile) -> str:
    if source.kind == "csv":
        return "csv"
    if _looks_like_backstage(source):
        return "backstage"
    if _looks_like_gitlab_team(source):
        return "gitlab"
    return "native"


_BACKSTAGE_API_VERSION = re.compile(r"^apiVersion:[ \t]*[\"']?backstage\.io/", re.MULTILINE)


def _looks_like_backstage(source: SourceFile) -> bool:
    """Backstage catalog files carry ``apiVersion: backstage.io/...`` at the top level of a document.

    Read from the text, not from composed nodes: native charts are parsed only
    once, as a stream, by their importer.
    """
    text = source.text
    if "backstage.io/" not in text:  # a plain substring scan is ~20x faster than the regex
        return False
    return _BACKSTAGE_API_VERSION.search(text) is not None


# Lines before the first entry of a top-level list: blank lines, comments, directives, "---".
_LIST_AT_TOP = re.compile(r"\A\ufeff?(?:[ \t]*(?:#[^\n]*)?\r?\n|%[^\n]*\n|---[ \t]*(?:#[^\n]*)?\r?\n)*-(?:[ \t]|\r?\n)")
_ENTRY_KEY = {key: re.compile(rf"^(?:-[ \t]+|[ \t]+)?{key}:", re.MULTILINE) for key in ("slug", "reports_to")}


def _looks_like_gitlab_team(source: SourceFile) -> bool:
    """GitLab's team page: a list of entries with ``slug`` and ``reports_to`` (``data/team.yml``), or one
    person's file with ``reports_to`` and ``role`` or ``departments`` at the top level (never valid in a
    native chart, whose top level is ``orglint``, ``org``, ``people`` ...)."""
    text = source.text
    if "reports_to:" not in text:
        return False
    if _has_top_level_key(text, "reports_to"):
        return _has_top_level_key(text, "role") or _has_top_level_key(text, "departments")
    if "slug:" not in text or not _LIST_AT_TOP.match(text):
        return False
    return _ENTRY_KEY["slug"].search(text) is not None and _ENTRY_KEY["reports_to"].search(text) is not None


def _has_top_level_key(text: str, key: str) -> bool:
    """Whether a line starts with ``key:``. A substring search: the same as a multi-line regex for
    ``^key:``, and some 20x faster on a chart of hundreds of megabytes that has no such line."""
    return text.startswith(f"{key}:") or f"\n{key}:" in text


def build_org(loaded: LoadResult, options: ImportOptions | None = None) -> tuple[Org, list[Finding]]:
    """One Org from every loaded source; problems found while building are returned."""
    org = Org()
    org.files = [source.path for source in loaded.files]
    problems: list[Finding] = []
    groups: dict[str, list[SourceFile]] = {}
    for source in loaded.files:
        groups.setdefault(_claimant(source), []).append(source)
    for name in IMPORTERS:
        sources = groups.get(name)
        if sources:
            if name == "native":
                _importer(name).build(org, sources, problems)
            else:
                _importer(name).build(org, sources, problems, options=options or ImportOptions())
    org.settle_roles_by_unit()  # a title's unit settles what it alone leaves open
    for source in loaded.files:
        # Problems of files that were composed on demand (Backstage catalogs); the native
        # importer reports its own, which _unique folds together.
        problems.extend(source.parse_problems)
    return org, _unique(problems)


def _unique(problems: list[Finding]) -> list[Finding]:
    """Drop repeats: a problem inside an anchored node is met once per alias that uses it."""
    seen: set[tuple] = set()
    unique: list[Finding] = []
    for problem in problems:
        key = (problem.code, problem.file, problem.line, problem.column, problem.message)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique
