"""Where the time of `orglint check` goes on one chart: reading, building the Org, the derived data,
each rule.

    python benchmarks/phases.py benchmarks/out/org-1000000-seed0-<hash>.yaml [--top 15]

Runs in this process (the rules as `check` runs them, with no config); the garbage collector is
paused as the CLI pauses it. Prints seconds per phase and the rules' share of the whole, the figure
the "rules under a third of the run" goal is about. Not a timing test: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import time

from orglint.api import default_rules
from orglint.engine import RunSettings, effective_options
from orglint.importers import build_org
from orglint.loader import load, paused_gc

# The Org's derived data, computed on first use: timed on their own so that the first rule to ask
# is not charged for them.
DERIVED = ("_people_index", "_leads_mask", "_hierarchy", "members", "unit_leads", "_people_by_function", "ceo")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chart", help="the chart to check")
    parser.add_argument("--top", type=int, default=15, help="how many of the slowest steps to list (default 15)")
    arguments = parser.parse_args()
    steps: list[tuple[str, float]] = []
    with paused_gc():
        started = time.perf_counter()
        loaded = load([arguments.chart])
        read = time.perf_counter()
        org, _problems = build_org(loaded, None)
        built = time.perf_counter()
        for name in DERIVED:
            begin = time.perf_counter()
            getattr(org, name)
            steps.append((f"Org.{name.lstrip('_')}", time.perf_counter() - begin))
        findings = 0
        for code, rule in sorted(default_rules().rules.items()):
            begin = time.perf_counter()
            findings += sum(1 for _finding in rule.run(org, effective_options(rule, RunSettings()), None))
            steps.append((code, time.perf_counter() - begin))
        done = time.perf_counter()
    total = done - started
    rules = done - built
    print(f"{len(org.people):,} people, {findings:,} findings before suppressions and folding")
    print(f"read files   {read - started:7.2f} s")
    print(f"build Org    {built - read:7.2f} s")
    print(f"rules        {rules:7.2f} s (derived data included): {rules / total:.0%} of {total:.2f} s")
    for name, seconds in sorted(steps, key=lambda step: -step[1])[: arguments.top]:
        print(f"  {name:24} {seconds:6.3f} s")


if __name__ == "__main__":
    main()
