"""`orglint stats`: the shape of an org in figures, as data (and as rich renderables for the CLI).

:func:`compute` is pure and linear in the size of the chart (one pass over
people and units plus counting; no sorting of people), so it answers on a
100,000-person org as fast as the chart loads.

Definitions:

- headcount by function: a person counts once in each of their functions
  (``org.functions_of``: roles, else the home unit's function), so the
  figures may add up to more than the headcount; people with no function are
  counted as ``unknown``.
- headcount by unit: the unit's members (``org.members``: people naming it as
  home or extra unit, plus its lead).
- a manager is a person with at least one direct report (``reports_to``
  lines only); everyone else is an individual contributor. Span of control
  is the number of direct reports of each manager.
- depth: the number of managers above a person (0 for a top of the chart);
  the depth of the hierarchy is the largest of these.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from orglint.vocabulary import FUNCTIONS, UNIT_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import RenderableType

    from orglint.model import Org

UNKNOWN_FUNCTION = "unknown"
# Span-of-control histogram buckets (inclusive bounds; None: no upper bound). "1" is S006's
# manager of one; past 10 is where S005 warns by default.
SPAN_BUCKETS: tuple[tuple[int, int | None], ...] = ((1, 1), (2, 3), (4, 6), (7, 10), (11, 15), (16, None))
BAR_WIDTH = 30


@dataclass
class Distribution:
    """Summary of a list of whole numbers: min, median, max, mean (None when empty)."""

    count: int = 0
    min: int | None = None
    median: float | None = None
    max: int | None = None
    mean: float | None = None

    @classmethod
    def of(cls, counts: Counter[int]) -> Distribution:
        """From value -> how many times it occurs (linear in the number of distinct values + log)."""
        total = sum(counts.values())
        if not total:
            return cls()
        values = sorted(counts)
        median = _median(values, counts, total)
        mean = sum(value * times for value, times in counts.items()) / total
        return cls(count=total, min=values[0], median=median, max=values[-1], mean=round(mean, 2))


def _median(values: list[int], counts: Counter[int], total: int) -> float:
    """The median of the multiset, walking the distinct values in order."""
    lower_rank, upper_rank = (total - 1) // 2, total // 2  # 0-based ranks of the middle element(s)
    seen = 0
    lower = upper = None
    for value in values:
        seen += counts[value]
        if lower is None and seen > lower_rank:
            lower = value
        if seen > upper_rank:
            upper = value
            break
    assert lower is not None and upper is not None
    middle = (lower + upper) / 2
    return int(middle) if middle == int(middle) else middle


@dataclass
class UnitCount:
    id: str
    name: str
    type: str
    members: int


@dataclass
class Stats:
    org: str | None
    headcount: int
    managers: int
    individual_contributors: int
    tops: int
    products: int
    units: int
    without_unit: int  # people with no home unit and no extra membership
    by_function: dict[str, int]  # FUNCTIONS order, then "unknown"; only non-zero
    by_unit: list[UnitCount]  # file order
    units_by_type: dict[str, int]  # UNIT_TYPES order, then others; only non-zero
    span_of_control: Distribution
    span_histogram: list[tuple[str, int]]  # (bucket label, managers)
    depth: Distribution  # over people
    depth_histogram: list[tuple[int, int]]  # (depth, people), every depth from 0 to max
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span_of_control"]["histogram"] = [{"reports": label, "managers": n} for label, n in self.span_histogram]
        data["depth"]["histogram"] = [{"depth": depth, "people": n} for depth, n in self.depth_histogram]
        del data["span_histogram"], data["depth_histogram"]
        data["by_unit"] = [asdict(unit) for unit in self.by_unit]
        return data


def compute(org: Org) -> Stats:
    people = org.people
    functions: Counter[str] = Counter()
    several_functions = 0
    without_unit = 0
    for person in people.values():
        person_functions = org.functions_of(person)
        if person_functions:
            functions.update(person_functions)
            several_functions += len(person_functions) > 1
        else:
            functions[UNKNOWN_FUNCTION] += 1
        if not person.unit and not person.units:
            without_unit += 1
    by_function = {name: functions[name] for name in (*FUNCTIONS, UNKNOWN_FUNCTION) if functions[name]}
    for name in sorted(functions):  # functions from plugins or newer vocabularies
        if name not in by_function and functions[name]:
            by_function[name] = functions[name]

    spans: Counter[int] = Counter()
    for manager_id, reports in org.direct_reports.items():
        if manager_id in people:
            spans[len(reports)] += 1
    managers = sum(spans.values())
    histogram = []
    for low, high in SPAN_BUCKETS:
        label = str(low) if low == high else (f"{low}+" if high is None else f"{low}-{high}")
        histogram.append((label, sum(n for span, n in spans.items() if span >= low and (high is None or span <= high))))

    depths: Counter[int] = Counter(org.depth.get(person_id, 0) for person_id in people)
    depth = Distribution.of(depths)
    depth_histogram = [(level, depths.get(level, 0)) for level in range(depth.max + 1)] if depth.max is not None else []

    types = Counter(unit.type for unit in org.units.values())
    units_by_type = {name: types[name] for name in UNIT_TYPES if types[name]}
    for name in sorted(types):
        if name not in units_by_type:
            units_by_type[name] = types[name]

    members = org.members
    by_unit = [UnitCount(unit.id, unit.label, unit.type, len(members.get(unit.id, ()))) for unit in org.units.values()]

    notes = []
    if several_functions:
        notes.append(
            f"{several_functions} {'person holds roles' if several_functions == 1 else 'people hold roles'} in several "
            f"functions and {'counts' if several_functions == 1 else 'count'} in each, so the functions add up to "
            "more than the headcount"
        )
    if org.cycles:
        cycles = len(org.cycles)
        notes.append(f"{cycles} reporting {'cycle' if cycles == 1 else 'cycles'} cut for the depth figures (see S001)")
    return Stats(
        org=org.name,
        headcount=len(people),
        managers=managers,
        individual_contributors=len(people) - managers,
        tops=len(org.tops),
        products=len(org.products),
        units=len(org.units),
        without_unit=without_unit,
        by_function=by_function,
        by_unit=by_unit,
        units_by_type=units_by_type,
        span_of_control=Distribution.of(spans),
        span_histogram=histogram,
        depth=depth,
        depth_histogram=depth_histogram,
        notes=notes,
    )


def to_json(stats: Stats) -> str:
    return json.dumps(stats.to_dict(), indent=2, ensure_ascii=False) + "\n"


# --- rich rendering (the CLI prints these) ------------------------------------------------

_EIGHTHS = " ▏▎▍▌▋▊▉"
MAX_UNIT_ROWS = 30


def bar(value: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of block characters, ``width`` cells for ``largest``; at least a sliver for > 0."""
    if value <= 0 or largest <= 0:
        return ""
    eighths = max(1, round(value * width * 8 / largest))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def _figure(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(int(value))


def renderables(stats: Stats) -> list[RenderableType]:
    """Headline, then tables with bars: functions, span of control, depth, unit types, units."""
    from rich.table import Table
    from rich.text import Text

    from orglint.sanitize import rich_text as escape  # markup and control characters of chart data

    def table(title: str, *columns: str) -> Table:
        # The title goes above as its own line (a table title would wrap to the table's width).
        out.append(Text(""))
        out.append(Text(title, style="bold"))
        result = Table(box=None, pad_edge=False, show_header=True, header_style="dim")
        for index, column in enumerate(columns):
            result.add_column(column, justify="right" if index == 1 else "left", no_wrap=True)
        return result

    out: list[RenderableType] = []
    name = escape(stats.org) if stats.org else "The org"
    span = stats.span_of_control
    headline = Text.from_markup(
        f"[bold]{name}[/]: {stats.headcount} people ({stats.managers} managers, "
        f"{stats.individual_contributors} individual contributors), {stats.tops} "
        f"{'top' if stats.tops == 1 else 'tops'}, {stats.units} units, {stats.products} products; "
        f"depth {_figure(stats.depth.max)} (managers above the deepest person)"
    )
    out.append(headline)

    largest = max(stats.by_function.values(), default=0)
    functions = table("Headcount by function", "function", "people", "")
    for function, count in sorted(stats.by_function.items(), key=lambda item: (-item[1], item[0])):
        functions.add_row(escape(function), str(count), Text(bar(count, largest), style="cyan"))
    out.append(functions)

    spans = table(
        f"Span of control over {span.count} managers: min {_figure(span.min)}, median {_figure(span.median)}, "
        f"mean {_figure(span.mean)}, max {_figure(span.max)}",
        "reports",
        "managers",
        "",
    )
    largest = max((n for _, n in stats.span_histogram), default=0)
    for label, count in stats.span_histogram:
        spans.add_row(label, str(count), Text(bar(count, largest), style="green"))
    out.append(spans)

    depth = stats.depth
    levels = table(
        f"Depth: max {_figure(depth.max)}, median {_figure(depth.median)}, mean {_figure(depth.mean)}", "depth", "people", ""
    )
    largest = max((n for _, n in stats.depth_histogram), default=0)
    for level, count in stats.depth_histogram:
        levels.add_row(str(level), str(count), Text(bar(count, largest), style="magenta"))
    out.append(levels)

    if stats.units_by_type:
        types = table("Units by type", "type", "units")
        for unit_type, count in stats.units_by_type.items():
            types.add_row(escape(unit_type), str(count))
        out.append(types)

    if stats.by_unit:
        shown = stats.by_unit
        if len(shown) > MAX_UNIT_ROWS:
            shown = sorted(shown, key=lambda unit: -unit.members)[:MAX_UNIT_ROWS]
        title = "Headcount by unit (members)" + (
            f": the {MAX_UNIT_ROWS} largest of {len(stats.by_unit)} (--format json lists all)"
            if len(shown) < len(stats.by_unit)
            else ""
        )
        units = table(title, "unit", "members", "type")
        for unit in shown:
            units.add_row(escape(unit.name), str(unit.members), escape(unit.type))
        out.append(units)
    if stats.without_unit:
        out += [
            Text(""),
            Text(f"{stats.without_unit} {'person belongs' if stats.without_unit == 1 else 'people belong'} to no unit."),
        ]
    for note in stats.notes:
        out.append(Text(f"Note: {note}.", style="dim"))
    return out
