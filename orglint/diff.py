"""`orglint diff`: what a re-org changes, computed from the chart before and after.

:func:`compare` is pure: two Orgs and the findings of each in, an :class:`OrgDiff` out.
People are matched by id. Findings are matched by (code, subject), counted, as the
baseline matches them (orglint.baseline), so a finding that only moved lines is neither
introduced nor resolved.

:func:`load_at_revision` reads the chart as it was at a git revision through git itself
(``git cat-file``), nothing checked out: the revision is verified as a commit first (a
value starting with ``-`` is refused, so it cannot become a git option), paths are read
only inside the repository, symbolic links and submodules at the revision are not
followed, and every file is size-checked before it is read.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from orglint.baseline import Baseline
from orglint.boundary import MAX_CHART_BYTES
from orglint.loader import CSV_SUFFIXES, VENDORED_FOLDERS, Exclusion, LoadResult, decode, parse_source
from orglint.model import Org, Person
from orglint.problems import input_problem
from orglint.rule import Finding

CHART_SUFFIXES = (".yaml", ".yml", *CSV_SUFFIXES)
GIT_TIMEOUT = 60  # seconds for one git command


class RevisionError(Exception):
    """The chart cannot be read at the revision asked for; the message says why."""


# --- the comparison ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRef:
    id: str
    label: str  # name (title)


@dataclass(frozen=True)
class FieldChange:
    field: str  # "manager", "unit", "title"
    old: str | None  # as shown: a manager's or unit's label, a title
    new: str | None


@dataclass(frozen=True)
class Move:
    person: PersonRef
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Figures:
    """The shape of one part of the org: people in it, its managers' largest span, its deepest level."""

    headcount: int = 0
    managers: int = 0
    largest_span: int = 0
    levels: int = 0  # the most managers above anyone in it


@dataclass(frozen=True)
class PartChange:
    kind: str  # "unit" or "function"
    id: str
    label: str
    before: Figures | None  # None: the part did not exist
    after: Figures | None


@dataclass(frozen=True)
class LeaderChange:
    leader: PersonRef
    before: int  # direct reports
    after: int
    gained: tuple[PersonRef, ...]
    lost: tuple[PersonRef, ...]


@dataclass
class OrgDiff:
    base: str
    head: str
    joined: list[PersonRef] = field(default_factory=list)
    left: list[PersonRef] = field(default_factory=list)
    moved: list[Move] = field(default_factory=list)
    parts: list[PartChange] = field(default_factory=list)
    leaders: list[LeaderChange] = field(default_factory=list)
    introduced: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    totals: dict[str, tuple[int, int]] = field(default_factory=dict)  # figure -> (before, after)

    @property
    def empty(self) -> bool:
        return not (self.joined or self.left or self.moved or self.parts or self.leaders or self.introduced or self.resolved)


def compare(
    base: Org,
    head: Org,
    base_findings: Iterable[Finding],
    head_findings: Iterable[Finding],
    *,
    base_name: str = "base",
    head_name: str = "head",
) -> OrgDiff:
    """What changed from ``base`` to ``head``."""
    diff = OrgDiff(base=base_name, head=head_name)
    diff.joined = [_ref(head.people[key]) for key in head.people if key not in base.people]
    diff.left = [_ref(base.people[key]) for key in base.people if key not in head.people]
    for key, after in head.people.items():
        before = base.people.get(key)
        if before is None:
            continue
        changes = []
        if before.reports_to != after.reports_to:
            changes.append(FieldChange("manager", _person_label(base, before.reports_to), _person_label(head, after.reports_to)))
        if before.memberships != after.memberships:
            changes.append(FieldChange("unit", _units_label(base, before.memberships), _units_label(head, after.memberships)))
        if (before.title or None) != (after.title or None):
            changes.append(FieldChange("title", before.title, after.title))
        if changes:
            diff.moved.append(Move(_ref(after), tuple(changes)))
    diff.parts = _part_changes(base, head)
    diff.leaders = _leader_changes(base, head)
    diff.introduced = _unmatched(head_findings, base_findings)
    diff.resolved = _unmatched(base_findings, head_findings)
    base_totals, head_totals = _figures(base, base.people.values()), _figures(head, head.people.values())
    diff.totals = {
        "people": (len(base.people), len(head.people)),
        "units": (len(base.units), len(head.units)),
        "managers": (base_totals.managers, head_totals.managers),
        "largest span": (base_totals.largest_span, head_totals.largest_span),
        "levels": (base_totals.levels, head_totals.levels),
    }
    return diff


def _unmatched(findings: Iterable[Finding], others: Iterable[Finding]) -> list[Finding]:
    """The rule findings of ``findings`` that ``others`` has no counterpart for (by code and subject)."""
    new, _known = Baseline.from_findings(others).filter([finding for finding in findings if finding.kind == "rule"])
    return new


def _ref(person: Person) -> PersonRef:
    return PersonRef(person.id, person.display)


def _person_label(org: Org, person_id: str | None) -> str | None:
    if person_id is None:
        return None
    person = org.people.get(person_id)
    return person.display if person is not None else person_id


def _units_label(org: Org, unit_ids: tuple[str, ...]) -> str | None:
    if not unit_ids:
        return None
    return ", ".join(org.units[unit_id].label if unit_id in org.units else unit_id for unit_id in unit_ids)


def _figures(org: Org, people: Iterable[Person]) -> Figures:
    headcount = managers = largest = deepest = 0
    for person in people:
        headcount += 1
        reports = len(org.direct_reports.get(person.id, ()))
        if reports:
            managers += 1
            largest = max(largest, reports)
        deepest = max(deepest, org.depth_of(person))
    return Figures(headcount, managers, largest, deepest)


def _parts(org: Org) -> dict[tuple[str, str], tuple[str, Figures]]:
    """(kind, id) -> (label, figures) for every unit and every function with people."""
    parts: dict[tuple[str, str], tuple[str, Figures]] = {}
    for unit_id, members in org.members.items():
        parts[("unit", unit_id)] = (org.units[unit_id].label, _figures(org, members))
    by_function: dict[str, list[Person]] = {}
    for person in org.people.values():
        for function in org.functions_of(person):
            by_function.setdefault(function, []).append(person)
    for function, people in sorted(by_function.items()):
        parts[("function", function)] = (function, _figures(org, people))
    return parts


def _part_changes(base: Org, head: Org) -> list[PartChange]:
    before, after = _parts(base), _parts(head)
    changes = []
    for key in [*after, *(key for key in before if key not in after)]:
        old, new = before.get(key), after.get(key)
        if old is not None and new is not None and old[1] == new[1]:
            continue
        label = (new or old)[0]  # type: ignore[index]
        changes.append(PartChange(key[0], key[1], label, old[1] if old else None, new[1] if new else None))
    return changes


def _leader_changes(base: Org, head: Org) -> list[LeaderChange]:
    changes = []
    for manager_id in dict.fromkeys([*head.direct_reports, *base.direct_reports]):
        old = {person.id: person for person in base.direct_reports.get(manager_id, ())}
        new = {person.id: person for person in head.direct_reports.get(manager_id, ())}
        if old.keys() == new.keys():
            continue
        leader = head.people.get(manager_id) or base.people.get(manager_id)
        if leader is None:  # an unknown manager (S002): not a leader to report on
            continue
        changes.append(
            LeaderChange(
                _ref(leader),
                len(old),
                len(new),
                tuple(_ref(person) for key, person in new.items() if key not in old),
                tuple(_ref(person) for key, person in old.items() if key not in new),
            )
        )
    changes.sort(key=lambda change: -abs(change.after - change.before))
    return changes


# --- the chart at a git revision ---------------------------------------------------------------


def _git(root: Path, *args: str, text: bool = True) -> subprocess.CompletedProcess:
    # No pager, no replace objects, no fsmonitor hook: reading objects must run nothing but git.
    command = ["git", "-C", str(root), "-c", "core.fsmonitor=false", "--no-replace-objects", *args]
    try:
        return subprocess.run(command, capture_output=True, text=text, timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise RevisionError("--base needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"git did not answer within {GIT_TIMEOUT} s") from None


def repository_of(start: Path) -> Path:
    result = _git(start, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise RevisionError(f"--base reads the chart through git, but {start} is not in a git repository")
    return Path(result.stdout.strip())


def verify_revision(root: Path, revision: str) -> str:
    """The commit ``revision`` names (its full hash); RevisionError when it names none."""
    if not revision or revision.startswith("-") or any(char in revision for char in "\0\n\r"):
        raise RevisionError(f"--base: {revision!r} is not a revision")
    result = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if result.returncode != 0:
        raise RevisionError(f"--base: no commit is called {revision!r} in this repository (fetch it first?)")
    return result.stdout.strip()


def load_at_revision(paths: list[str], revision: str, exclusion: Exclusion, cwd: Path | None = None) -> LoadResult:
    """The chart at ``paths`` (as named for the working tree, relative to ``cwd``) as it was at
    ``revision``: the same names, so that findings on both sides match. A path that did not exist
    then is an empty chart (everyone in it joined)."""
    here = (cwd or Path.cwd()).resolve()
    root = repository_of(here).resolve()
    commit = verify_revision(root, revision)
    files = []
    problems: list[Finding] = []
    for shown in paths:
        target = (here / shown).resolve() if not Path(shown).is_absolute() else Path(shown).resolve()
        try:
            relative = target.relative_to(root).as_posix()
        except ValueError:
            raise RevisionError(f"--base: {shown} is outside the repository {root}") from None
        entries = _tree(root, commit, relative)
        base_name = shown.rstrip("/")
        for mode, kind, name in entries:
            inside = name[len(relative) :].lstrip("/") if relative not in ("", ".") else name
            display = f"{base_name}/{inside}" if inside else base_name
            if kind != "blob" or mode == "120000":
                if not inside:  # the path itself is a link or a submodule there
                    problems.append(
                        input_problem("E006", f"{display} is a symbolic link or submodule at {revision}; not followed", display)
                    )
                continue
            if inside and not _walked(inside, display, exclusion):
                continue
            data = _blob(root, f"{commit}:{name}", display)
            text, problem = decode(display, data)
            if problem is not None:
                problems.append(problem)
                continue
            assert text is not None
            source, parse_problems = parse_source(display, text)
            problems += parse_problems
            if source is not None:
                files.append(source)
    return LoadResult(files=files, problems=problems)


def _tree(root: Path, commit: str, relative: str) -> list[tuple[str, str, str]]:
    """(mode, type, path) of every object at or below ``relative`` in the commit."""
    spec = [] if relative in ("", ".") else ["--", relative]
    result = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit, *spec)
    if result.returncode != 0:
        raise RevisionError(f"--base: git could not list {relative or 'the repository'} at {commit[:12]}")
    entries = []
    for record in result.stdout.split("\0"):
        if not record:
            continue
        meta, _, name = record.partition("\t")
        mode, kind, _object = meta.split(" ")
        if name == relative or relative in ("", ".") or name.startswith(relative.rstrip("/") + "/"):
            entries.append((mode, kind, name))
    return entries


def _walked(inside: str, display: str, exclusion: Exclusion) -> bool:
    """Whether a folder walk of the working tree would read this file (same rules: chart suffixes,
    no hidden or vendored folders, the config's excludes)."""
    parts = PurePosixPath(inside).parts
    if not parts[-1].lower().endswith(CHART_SUFFIXES):
        return False
    if any(part.startswith(".") for part in parts):
        return False
    if exclusion.vendored and any(part in VENDORED_FOLDERS for part in parts[:-1]):
        return False
    return not any(match(display) for match in exclusion.matchers)


def _blob(root: Path, spec: str, display: str) -> bytes:
    size = _git(root, "cat-file", "-s", spec)
    if size.returncode != 0:
        raise RevisionError(f"--base: git could not read {display}")
    if int(size.stdout.strip() or 0) > MAX_CHART_BYTES:
        raise RevisionError(f"--base: {display} is larger than {MAX_CHART_BYTES} bytes at that revision")
    result = _git(root, "cat-file", "blob", spec, text=False)
    if result.returncode != 0:
        raise RevisionError(f"--base: git could not read {display}")
    return result.stdout
