"""What the CI formats (sarif, github, junit, gitlab) share: paths, rule metadata, fingerprints.

Everything here is pure except :func:`find_repo_root`, which the CLI calls to
fill ``Report.root`` (formatters never touch the filesystem).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from orglint.problems import INPUT_PROBLEMS
from orglint.report import Report
from orglint.rule import Finding, Severity, first_sentence, split_sections

# Rule family letter -> tag used in SARIF properties and JUnit class names.
FAMILY_TAGS = {
    "S": "structure",
    "R": "roles",
    "L": "product-leadership",
    "F": "departments",
    "G": "strategy-fit",
    "T": "team-topology",
    "X": "bookkeeping",
}
INPUT_TAG = "input"

_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:/")


def find_repo_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``.git`` (a folder, or a file for worktrees)."""
    try:
        current = start.resolve()
    except OSError:
        return None
    for folder in (current, *current.parents):
        try:
            if (folder / ".git").exists():
                return folder
        except OSError:
            return None
    return None


def family_tag(code: str) -> str:
    family = code.rstrip("0123456789")
    if code in INPUT_PROBLEMS:
        return INPUT_TAG
    return FAMILY_TAGS.get(family, family.lower() or "rules")


def _is_absolute(path: str) -> bool:
    return path.startswith("/") or bool(_WINDOWS_ABSOLUTE.match(path))


def repo_path(file: str | None, report: Report) -> str | None:
    """``file`` as a POSIX path relative to the repository root (no leading ``./``).

    Paths in findings are relative to the directory orglint ran in (``report.cwd``)
    or absolute. With ``report.root`` set, they are re-based on it; a file outside
    the repository keeps its absolute path. None for findings with no real file
    (standard input, internal errors).
    """
    if not file or file.startswith("<"):
        return None
    # A backslash is a separator only on Windows; elsewhere it belongs to the name (and to the
    # escapes of a name that is not UTF-8, x\\xff.yaml, made by orglint.loader.shown_name).
    path = file.replace("\\", "/") if os.sep == "\\" else file
    root = (report.root or "").replace("\\", "/").rstrip("/")
    if report.root is not None:
        cwd = (report.cwd or report.root).replace("\\", "/")
        absolute = path if _is_absolute(path) else posixpath.join(cwd, path)
        absolute = posixpath.normpath(absolute)
        if absolute == (root or "/"):
            return "."
        prefix = root + "/"
        return absolute[len(prefix) :] if absolute.startswith(prefix) else absolute
    return posixpath.normpath(path)


def is_relative(path: str) -> bool:
    return not _is_absolute(path)


@dataclass(frozen=True)
class RuleInfo:
    """What a CI format says about a code: a rule that ran, an input problem, or an unknown code."""

    code: str
    name: str
    severity: Severity
    summary: str
    description: str
    why: str
    doc: str
    tag: str
    is_input: bool = False


def rule_info(code: str, report: Report, example: Finding | None = None) -> RuleInfo:
    rule = report.rules.get(code)
    if rule is not None:
        sections = split_sections(rule.doc)
        what = " ".join(sections.get("What it does", "").split())
        summary = rule.summary or rule.name
        return RuleInfo(
            code=code,
            name=rule.name,
            severity=rule.severity,
            summary=summary,
            description=what or summary,
            why=rule.why,
            doc=rule.doc.strip() or summary,
            tag=family_tag(code),
        )
    if code in INPUT_PROBLEMS:
        name, explanation = INPUT_PROBLEMS[code]
        stop = "the rules could not run on this input: fix it and run again (exit code 2)."
        if code == "E100":
            stop = "the other rules still ran, but this rule's results are missing (exit code 2)."
        return RuleInfo(
            code=code,
            name=name,
            severity=Severity.ERROR,
            summary=first_sentence(explanation),
            description=explanation,
            why="",
            doc=f"{explanation}\n\nThis is an input problem, not a rule: {stop}",
            tag=INPUT_TAG,
            is_input=True,
        )
    name = example.name if example is not None else code.lower()
    severity = example.severity if example is not None else Severity.WARNING
    return RuleInfo(
        code=code,
        name=name or code.lower(),
        severity=severity,
        summary=name or code,
        description=name or code,
        why="",
        doc=name or code,
        tag=family_tag(code),
        is_input=example is not None and example.kind != "rule",
    )


def catalog(report: Report) -> list[RuleInfo]:
    """The rules that ran (in report order), then the other codes that occur (sorted)."""
    infos = [rule_info(code, report) for code in report.rules]
    known = set(report.rules)
    extra: dict[str, Finding] = {}
    for finding in report.findings:
        if finding.code not in known and finding.code not in extra:
            extra[finding.code] = finding
    infos += [rule_info(code, report, extra[code]) for code in sorted(extra)]
    return infos


def subject_material(finding: Finding, report: Report) -> str:
    """What identifies a finding across edits: its code and subject (never a line number).

    Findings without a subject (most input problems) fall back to file and message.
    """
    if finding.subject:
        return f"{finding.code}\0{finding.subject}"
    return f"{finding.code}\0{repo_path(finding.file, report) or ''}\0{finding.message}"


def occurrences(findings: Iterable[Finding], key) -> Iterator[tuple[Finding, int]]:
    """Each finding with its 1-based occurrence number among findings sharing ``key(finding)``."""
    seen: dict[str, int] = {}
    for finding in findings:
        material = key(finding)
        seen[material] = seen.get(material, 0) + 1
        yield finding, seen[material]


def digest(material: str, algorithm: str = "sha256", length: int = 32) -> str:
    return hashlib.new(algorithm, material.encode("utf-8"), usedforsecurity=False).hexdigest()[:length]
