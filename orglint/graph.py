"""`orglint graph`: the org chart as Mermaid or Graphviz DOT, with the findings highlighted.

:func:`render` is a pure function from an Org and its findings to text, like
a formatter: every person is a node labelled with name and title, reporting
lines are edges (dotted lines dashed), people and units with findings are
coloured by their worst severity and carry the codes in their label.
``group_by_unit`` draws each unit as a box (Mermaid ``subgraph``, DOT
``subgraph cluster_*``) holding the people whose home unit it is, nested by
unit parent. Without it, only units that have findings are drawn, as nodes
linked to their lead.

Big charts (more than ``max_people``, 500 by default) are unreadable as one
picture, so they are cut down by :func:`select_people`:

1. the managers (anyone with a direct report) plus the people with findings;
2. when that is still more than ``max_people``: the people with findings,
   their chains of command, and the CEO.

A manager whose reports are left out says how many ("+12 reports not
shown"), and a comment line at the top of the output says what was left out.

:func:`dot_to_svg` pipes DOT through Graphviz's ``dot -Tsvg``; it raises
:class:`GraphvizError` when Graphviz is missing or fails (the CLI turns that
into a message and exit 2).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from orglint.rule import Finding, Severity
from orglint.sanitize import visible

if TYPE_CHECKING:  # pragma: no cover
    from orglint.model import Org, Person, Unit

FORMATS = ("mermaid", "dot", "svg")
DEFAULT_MAX_PEOPLE = 500
# GitHub's Mermaid renderer refuses flowcharts with more links than this (Mermaid's maxEdges).
MERMAID_MAX_EDGES = 500

GRAPHVIZ_HINT = (
    "install Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`, macOS: `brew install graphviz`, "
    "Windows: `winget install graphviz`), or pipe the DOT output yourself: "
    "`orglint graph PATH --format dot | dot -Tsvg > org.svg`"
)

# severity -> (fill, border): the same palette in Mermaid, DOT and the HTML report
PALETTE = {
    Severity.ERROR: ("#fee2e2", "#b91c1c"),
    Severity.WARNING: ("#fef3c7", "#b45309"),
    Severity.INFO: ("#dbeafe", "#1d4ed8"),
}
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


class GraphvizError(Exception):
    """Graphviz is not installed, or ``dot`` failed on our input."""


# --- findings on subjects -------------------------------------------------------------------


@dataclass
class Flag:
    """What was found about one subject: the worst severity, the codes, the findings."""

    severity: Severity
    findings: list[Finding] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        """Distinct codes, the most severe first, then by code."""
        best: dict[str, Severity] = {}
        for finding in self.findings:
            if finding.code not in best or finding.severity > best[finding.code]:
                best[finding.code] = finding.severity
        return sorted(best, key=lambda code: (-best[code], code))


def split_subject(subject: str) -> tuple[str, str]:
    """``"people.ada.b"`` -> ``("people", "ada.b")``; ``"org"`` -> ``("org", "")``."""
    kind, _, entity_id = subject.partition(".")
    return kind, entity_id


def flags_by_subject(findings: Iterable[Finding]) -> dict[str, Flag]:
    """Subject ("people.ada", "units.growth", "products.x", "org") -> its Flag."""
    flags: dict[str, Flag] = {}
    for finding in findings:
        if not finding.subject:
            continue
        flag = flags.get(finding.subject)
        if flag is None:
            flags[finding.subject] = Flag(finding.severity, [finding])
        else:
            flag.findings.append(finding)
            if finding.severity > flag.severity:
                flag.severity = finding.severity
    return flags


# --- cutting a big chart down ---------------------------------------------------------------


@dataclass
class Selection:
    """The people to draw (file order), and what was left out."""

    people: list[Person]
    kept: set[str]
    hidden_reports: dict[str, int]  # manager id -> direct reports not drawn
    note: str | None = None  # what was left out, for a comment line; None when nothing was

    @property
    def reduced(self) -> bool:
        return self.note is not None


def select_people(org: Org, flagged: set[str], max_people: int | None = DEFAULT_MAX_PEOPLE) -> Selection:
    """Everyone when there are at most ``max_people``; else managers and flagged people, else
    flagged people with their chains of command and the CEO (see the module docstring). Linear."""
    people = org.people
    total = len(people)
    if not max_people or total <= max_people:
        return Selection(list(people.values()), set(people), {})
    flagged = {person_id for person_id in flagged if person_id in people}
    managers = {person_id for person_id in org.direct_reports if person_id in people}
    kept = managers | flagged
    if len(kept) <= max_people:
        flagged_ics = len(flagged - managers)
        note = (
            f"{total} people, more than --max-people {max_people}: showing the {len(managers)} managers"
            + (f" and {flagged_ics} other people with findings" if flagged_ics else "")
            + f"; {total - len(kept)} individual contributors without findings left out"
        )
    else:
        kept = set()
        for person_id in flagged:
            current = people.get(person_id)
            # Walk up until someone already kept: each person is added once (linear overall).
            while current is not None and current.id not in kept:
                kept.add(current.id)
                current = people.get(current.reports_to) if current.reports_to else None
        ceo = org.ceo
        if ceo is not None:
            kept.add(ceo.id)
        note = (
            f"{total} people; even the {len(managers)} managers are more than --max-people {max_people}: "
            f"showing the {len(flagged)} people with findings and their chains of command "
            f"({len(kept)} people); {total - len(kept)} left out"
        )
    hidden: dict[str, int] = {}
    for person in people.values():
        if person.id not in kept and person.reports_to in kept:
            hidden[person.reports_to] = hidden.get(person.reports_to, 0) + 1
    return Selection([person for person in people.values() if person.id in kept], kept, hidden, note)


# --- units: nesting and what to show -------------------------------------------------------


def unit_parents(org: Org) -> dict[str, str | None]:
    """Unit id -> the parent to nest it in: None for top-level units, units whose parent is
    unknown, and units on a parent cycle (S010). Linear."""
    units = org.units
    parent_of: dict[str, str | None] = {}
    for unit in units.values():
        if unit.id in parent_of:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = unit.id
        while current is not None and current in units and current not in parent_of and current not in on_path:
            path.append(current)
            on_path.add(current)
            parent = units[current].parent
            current = parent if parent in units else None
        cycle: set[str] = set()
        if current is not None and current in on_path:
            cycle = set(path[path.index(current) :])
        for unit_id in path:
            parent = units[unit_id].parent
            parent_of[unit_id] = None if unit_id in cycle or parent not in units else parent
    return parent_of


def _unit_children(org: Org, parent_of: dict[str, str | None], shown: set[str]) -> dict[str | None, list[Unit]]:
    children: dict[str | None, list[Unit]] = {}
    for unit in org.units.values():
        if unit.id in shown:
            children.setdefault(parent_of[unit.id], []).append(unit)
    return children


def _shown_units(org: Org, selection: Selection, flags: dict[str, Flag], parent_of: dict[str, str | None]) -> set[str]:
    """All units for a full chart; for a cut-down one, units holding someone drawn or having
    findings, and their ancestors."""
    if not selection.reduced:
        return set(org.units)
    shown: set[str] = set()
    seeds = [person.unit for person in selection.people if person.unit in org.units]
    seeds += [unit_id for unit_id in org.units if f"units.{unit_id}" in flags]
    for unit_id in seeds:
        current: str | None = unit_id
        while current is not None and current not in shown:
            shown.add(current)
            current = parent_of.get(current)
    return shown


# --- ids and labels -----------------------------------------------------------------------


class _Ids:
    """Node ids safe in Mermaid and DOT: a prefix, then letters, digits and underscores; unique."""

    _UNSAFE = re.compile(r"[^A-Za-z0-9_]")

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._by_key: dict[tuple[str, str], str] = {}

    def __call__(self, prefix: str, raw: str) -> str:
        key = (prefix, raw)
        known = self._by_key.get(key)
        if known is not None:
            return known
        base = f"{prefix}_{self._UNSAFE.sub('_', raw)}"
        candidate, number = base, 1
        while candidate in self._used:
            number += 1
            candidate = f"{base}_{number}"
        self._used.add(candidate)
        self._by_key[key] = candidate
        return candidate


def _one_line(text: str) -> str:
    # Chart text on one line, control and invisible characters shown escaped (orglint.sanitize).
    return visible(" ".join(str(text).split()))


def _person_lines(person: Person, flag: Flag | None, hidden: int) -> list[str]:
    lines = [_one_line(person.label)]
    if person.title:
        lines.append(_one_line(person.title))
    if flag is not None:
        lines.append(", ".join(flag.codes))
    if hidden:
        lines.append(f"+{hidden} {'report' if hidden == 1 else 'reports'} not shown")
    return lines


def _unit_title(unit: Unit, flag: Flag | None) -> str:
    title = _one_line(unit.display)
    return f"{title}: {', '.join(flag.codes)}" if flag is not None else title


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# --- Mermaid ------------------------------------------------------------------------------

# Inside a double-quoted Mermaid label: entity codes (#quot; #35; ...), which Mermaid turns into
# the characters; "<" and ">" too so that a name is never read as HTML.
_MERMAID_ESCAPES = str.maketrans(
    {
        '"': "#quot;",
        "#": "#35;",
        "<": "#lt;",
        ">": "#gt;",
        "&": "#amp;",
        "`": "#96;",
    }
)


def mermaid_text(text: str) -> str:
    """Escape free text for a double-quoted Mermaid label (one line)."""
    return _one_line(text).translate(_MERMAID_ESCAPES)


_COMMENT_BRACES = str.maketrans("{}", "()")


def _mermaid_comment(text: str) -> str:
    # A comment runs to the end of the line; braces could be read as a "%%{...}%%" directive.
    return "%% " + _one_line(text).translate(_COMMENT_BRACES)


def _mermaid_label(lines: list[str]) -> str:
    return '"' + "<br>".join(mermaid_text(line) for line in lines) + '"'


def _mermaid_classdef(severity: Severity) -> str:
    fill, border = PALETTE[severity]
    return f"classDef {severity.label} fill:{fill},stroke:{border},stroke-width:2px,color:#111111"


def _mermaid_style(severity: Severity) -> str:
    fill, border = PALETTE[severity]
    return f"fill:{fill},stroke:{border},stroke-width:2px,color:#111111"


# --- DOT ----------------------------------------------------------------------------------


def dot_string(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, & as an entity (Graphviz
    reads HTML entities in labels), line breaks as Graphviz's centred ``\\n``."""
    escaped = "\n".join(visible(part) for part in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    escaped = escaped.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    escaped = escaped.replace("\n", "\\n")
    return f'"{escaped}"'


def _dot_label(lines: list[str]) -> str:
    return dot_string("\n".join(lines))


def _dot_comment(text: str) -> str:
    return "// " + _one_line(text)


# --- rendering ------------------------------------------------------------------------------


@dataclass
class _Plan:
    """What to draw, shared by the Mermaid and DOT writers."""

    org: Org
    flags: dict[str, Flag]
    selection: Selection
    group_by_unit: bool
    ids: _Ids
    parent_of: dict[str, str | None]
    unit_children: dict[str | None, list[Unit]]
    members: dict[str | None, list[Person]]  # unit id (None: outside any box) -> people drawn there
    loose_units: list[Unit]  # without grouping: the flagged units, drawn as nodes
    edges: list[tuple[str, str, str]]  # (from node, to node, "reports" | "dotted" | "leads")
    placed: set[str]  # subjects that have a node or a box
    header: list[str]


def _plan(org: Org, findings: Iterable[Finding], *, group_by_unit: bool, max_people: int | None) -> _Plan:
    flags = flags_by_subject(findings)
    flagged_people = {entity_id for kind, entity_id in map(split_subject, flags) if kind == "people"}
    selection = select_people(org, flagged_people, max_people)
    ids = _Ids()
    for person in selection.people:
        ids("p", person.id)
    parent_of = unit_parents(org) if group_by_unit else {}
    members: dict[str | None, list[Person]] = {}
    unit_children: dict[str | None, list[Unit]] = {}
    loose_units: list[Unit] = []
    placed = {person.subject for person in selection.people}
    if group_by_unit:
        shown = _shown_units(org, selection, flags, parent_of)
        unit_children = _unit_children(org, parent_of, shown)
        for unit in org.units.values():
            if unit.id in shown:
                ids("u", unit.id)
                placed.add(unit.subject)
        for person in selection.people:
            home = person.unit if person.unit in shown else None
            members.setdefault(home, []).append(person)
    else:
        members[None] = list(selection.people)
        for unit in org.units.values():
            if unit.subject in flags:
                loose_units.append(unit)
                ids("u", unit.id)
                placed.add(unit.subject)

    kept = selection.kept
    edges: list[tuple[str, str, str]] = []
    for person in selection.people:
        if person.reports_to is not None and person.reports_to in kept:
            edges.append((ids("p", person.reports_to), ids("p", person.id), "reports"))
    for person in selection.people:
        for manager_id in person.dotted_to:
            if manager_id in kept and manager_id != person.id:
                edges.append((ids("p", manager_id), ids("p", person.id), "dotted"))
    for unit in loose_units:
        if unit.lead in kept:
            edges.append((ids("p", unit.lead), ids("u", unit.id), "leads"))

    counts = {severity: 0 for severity in Severity}
    for flag in flags.values():
        for finding in flag.findings:
            counts[finding.severity] += 1
    total = sum(counts.values())
    described = ", ".join(
        f"{counts[s]} info" if s is Severity.INFO else _plural(counts[s], s.label) for s in SEVERITY_ORDER if counts[s]
    )
    header = [
        f"orglint graph of {org.label}: {len(org.people)} {'person' if len(org.people) == 1 else 'people'}, "
        + f"{_plural(len(org.units), 'unit')}, "
        + (f"{_plural(total, 'finding')} ({described})" if total else "no findings")
    ]
    if total:
        header.append("red: error, amber: warning, blue: info; the codes are in the labels (orglint explain CODE)")
    if selection.note:
        header.append(selection.note)
    return _Plan(
        org=org,
        flags=flags,
        selection=selection,
        group_by_unit=group_by_unit,
        ids=ids,
        parent_of=parent_of,
        unit_children=unit_children,
        members=members,
        loose_units=loose_units,
        edges=edges,
        placed=placed,
        header=header,
    )


def _placeholder(plan: _Plan, unit: Unit) -> str:
    """What an otherwise empty unit box says: nobody, or where its members are."""
    members = len(plan.org.members.get(unit.id, ()))
    if not members:
        return "(nobody)"
    where = "drawn elsewhere or left out" if plan.selection.reduced else "drawn in their home units"
    return f"({members} {'member' if members == 1 else 'members'} {where})"


def _walk_units(plan: _Plan) -> Iterable[tuple[str, Unit | None, int]]:
    """("open", unit, depth) / ("close", unit, depth) events, parents around children, without recursion."""
    stack: list[tuple[str, Unit, int]] = [("open", unit, 0) for unit in reversed(plan.unit_children.get(None, []))]
    while stack:
        event, unit, depth = stack.pop()
        yield event, unit, depth
        if event == "open":
            stack.append(("close", unit, depth))
            for child in reversed(plan.unit_children.get(unit.id, [])):
                stack.append(("open", child, depth + 1))


def render_mermaid(
    org: Org, findings: Iterable[Finding], *, group_by_unit: bool = False, max_people: int | None = DEFAULT_MAX_PEOPLE
) -> str:
    plan = _plan(org, findings, group_by_unit=group_by_unit, max_people=max_people)
    ids, flags, hidden = plan.ids, plan.flags, plan.selection.hidden_reports
    out = ["flowchart TD"]
    out += ["    " + _mermaid_comment(line) for line in plan.header]
    out += ["    " + _mermaid_classdef(severity) for severity in SEVERITY_ORDER]

    def person_line(person: Person, indent: str) -> str:
        lines = _person_lines(person, flags.get(person.subject), hidden.get(person.id, 0))
        return f"{indent}{ids('p', person.id)}[{_mermaid_label(lines)}]"

    unit_styles: list[str] = []
    uses_placeholder = False
    for event, unit, depth in _walk_units(plan):
        indent = "    " * (depth + 1)
        if event == "close":
            out.append(f"{indent}end")
            continue
        assert unit is not None
        flag = flags.get(unit.subject)
        node = ids("u", unit.id)
        out.append(f"{indent}subgraph {node} [{_mermaid_label([_unit_title(unit, flag)])}]")
        # Without it Mermaid may lay a box out left to right whatever the chart's direction.
        out.append(f"{indent}    direction TB")
        people = plan.members.get(unit.id, [])
        for person in people:
            out.append(person_line(person, indent + "    "))
        if not people and not plan.unit_children.get(unit.id):
            out.append(f"{indent}    {ids('e', unit.id)}[{_mermaid_label([_placeholder(plan, unit)])}]:::nobody")
            uses_placeholder = True
        if flag is not None:
            unit_styles.append(f"    style {node} {_mermaid_style(flag.severity)}")
    for person in plan.members.get(None, []):
        out.append(person_line(person, "    "))
    for unit in plan.loose_units:
        flag = flags[unit.subject]
        out.append(f"    {ids('u', unit.id)}[[{_mermaid_label([_one_line(unit.display), ', '.join(flag.codes)])}]]")

    arrows = {"reports": "-->", "dotted": "-.->", "leads": "-.-"}
    for source, target, kind in plan.edges:
        out.append(f"    {source} {arrows[kind]} {target}")

    by_severity: dict[Severity, list[str]] = {severity: [] for severity in SEVERITY_ORDER}
    for person in plan.selection.people:
        flag = flags.get(person.subject)
        if flag is not None:
            by_severity[flag.severity].append(ids("p", person.id))
    for unit in plan.loose_units:
        by_severity[flags[unit.subject].severity].append(ids("u", unit.id))
    for severity in SEVERITY_ORDER:
        nodes = by_severity[severity]
        for start in range(0, len(nodes), 50):  # keep lines short
            out.append(f"    class {','.join(nodes[start : start + 50])} {severity.label}")
    out += unit_styles
    if uses_placeholder:
        out.append("    classDef nobody fill:#ffffff,stroke:#94a3b8,stroke-dasharray:3 3,color:#64748b")
    out += ["    " + _mermaid_comment(line) for line in _unplaced_lines(plan)]
    if len(plan.edges) > MERMAID_MAX_EDGES:
        out.append(
            "    "
            + _mermaid_comment(
                f"{len(plan.edges)} links: GitHub's Mermaid renderer draws at most {MERMAID_MAX_EDGES}; "
                "lower --max-people or use --format svg"
            )
        )
    return "\n".join(out) + "\n"


def _unplaced_lines(plan: _Plan) -> list[str]:
    lines = []
    # Flagged subjects with no node: the org, products, units not drawn, unknown ids.
    for subject, flag in plan.flags.items():
        if subject in plan.placed:
            continue
        for finding in flag.findings:
            lines.append(f"{subject}: {finding.code} {finding.severity.label}: {finding.message}")
    if lines:
        lines.insert(0, "findings not drawn on a node:")
    return lines


def render_dot(
    org: Org, findings: Iterable[Finding], *, group_by_unit: bool = False, max_people: int | None = DEFAULT_MAX_PEOPLE
) -> str:
    plan = _plan(org, findings, group_by_unit=group_by_unit, max_people=max_people)
    ids, flags, hidden = plan.ids, plan.flags, plan.selection.hidden_reports
    out = [_dot_comment(line) for line in plan.header]
    out.append("digraph org {")
    out.append(f'    graph [rankdir=TB, label={dot_string(org.label)}, labelloc=t, fontname="Helvetica", fontsize=14];')
    out.append(
        '    node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#64748b", fontname="Helvetica", fontsize=10];'
    )
    out.append('    edge [color="#475569", arrowsize=0.7];')

    def person_line(person: Person, indent: str) -> str:
        flag = flags.get(person.subject)
        attributes = [f"label={_dot_label(_person_lines(person, flag, hidden.get(person.id, 0)))}"]
        if flag is not None:
            fill, border = PALETTE[flag.severity]
            attributes += [f'fillcolor="{fill}"', f'color="{border}"', "penwidth=2"]
        return f"{indent}{ids('p', person.id)} [{', '.join(attributes)}];"

    for event, unit, depth in _walk_units(plan):
        indent = "    " * (depth + 1)
        if event == "close":
            out.append(f"{indent}}}")
            continue
        assert unit is not None
        flag = flags.get(unit.subject)
        out.append(f"{indent}subgraph cluster_{ids('u', unit.id)} {{")
        out.append(f"{indent}    label={dot_string(_unit_title(unit, flag))}; fontsize=11;")
        if flag is not None:
            fill, border = PALETTE[flag.severity]
            out.append(f'{indent}    style="rounded,filled"; fillcolor="{fill}"; color="{border}"; penwidth=2;')
        else:
            out.append(f'{indent}    style="rounded"; color="#94a3b8";')
        people = plan.members.get(unit.id, [])
        for person in people:
            out.append(person_line(person, indent + "    "))
        if not people and not plan.unit_children.get(unit.id):
            label = dot_string(_placeholder(plan, unit))
            out.append(f'{indent}    {ids("e", unit.id)} [label={label}, shape=plaintext, style="", fontcolor="#64748b"];')
    for person in plan.members.get(None, []):
        out.append(person_line(person, "    "))
    for unit in plan.loose_units:
        fill, border = PALETTE[flags[unit.subject].severity]
        label = _dot_label([_one_line(unit.display), ", ".join(flags[unit.subject].codes)])
        out.append(f'    {ids("u", unit.id)} [label={label}, shape=tab, fillcolor="{fill}", color="{border}", penwidth=2];')

    styles = {"reports": "", "dotted": " [style=dashed, constraint=false]", "leads": " [style=dotted, arrowhead=none]"}
    for source, target, kind in plan.edges:
        out.append(f"    {source} -> {target}{styles[kind]};")
    out += ["    " + _dot_comment(line) for line in _unplaced_lines(plan)]
    out.append("}")
    return "\n".join(out) + "\n"


def render(
    org: Org,
    findings: Iterable[Finding],
    *,
    format: str = "mermaid",
    group_by_unit: bool = False,
    max_people: int | None = DEFAULT_MAX_PEOPLE,
) -> str:
    """The chart as ``mermaid`` or ``dot`` text (``svg``: see :func:`dot_to_svg`)."""
    if format == "mermaid":
        return render_mermaid(org, findings, group_by_unit=group_by_unit, max_people=max_people)
    if format in ("dot", "svg"):
        return render_dot(org, findings, group_by_unit=group_by_unit, max_people=max_people)
    raise ValueError(f"unknown graph format {format!r} (expected one of {', '.join(FORMATS)})")


def dot_to_svg(
    dot_text: str,
    *,
    which: Callable[[str], str | None] | None = None,
    timeout: float = 120,
) -> str:
    """Run Graphviz's ``dot -Tsvg`` on ``dot_text``; raise GraphvizError when it is missing or fails."""
    executable = (which or shutil.which)("dot")
    if executable is None:
        raise GraphvizError(f"--format svg needs Graphviz's `dot` command, which is not on PATH: {GRAPHVIZ_HINT}")
    try:
        completed = subprocess.run(
            [executable, "-Tsvg"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GraphvizError(f"running {executable} -Tsvg failed: {error}") from None
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", "replace").strip()
        raise GraphvizError(f"{executable} -Tsvg exited with {completed.returncode}: {detail}")
    return completed.stdout.decode("utf-8", "replace")
