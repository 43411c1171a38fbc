#!/usr/bin/env python3
"""Benchmark `orglint check` on synthetic org charts of growing size.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--with-million] [--repeat 3]
                             [--orglint CMD] [--yamllint] [--json]

Charts come from generate.py and are cached in benchmarks/out/ (git-ignored),
keyed by size, seed and a hash of the generator, so a changed generator
makes fresh ones. Each measurement runs the command in a child process and
takes its wall time and its peak resident memory (ru_maxrss from os.wait4 on
that child, which is exact per child, unlike RUSAGE_CHILDREN deltas).

The result is a Markdown table (or JSON with --json) on stdout; progress goes
to stderr. The exit status is non-zero only if the harness itself fails: a
command that fails (orglint exit 2, a crash, a timeout) is shown as a failed
measurement.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
GENERATOR = HERE / "generate.py"

# From docs/design.md "Targets" (measured on the 2-core dev machine).
TARGET_100K_SECONDS = 3.0
TARGET_100K_BYTES = 1e9
TARGET_GROWTH_RATIO = 12.0
TARGET_1M_SECONDS = 30.0
TARGET_1M_BYTES = 6e9
TARGET_STARTUP_RATIO = 1.3
STARTUP_BASELINE = "import typer, rich, networkx, yaml"
CHECK_ARGS = ["check", "--format", "concise", "--exit-zero"]


@dataclass
class Run:
    """One execution of a command."""

    argv: list[str]
    wall: float = 0.0  # seconds
    cpu: float = 0.0  # user + system seconds: less skewed by other load
    max_rss: int = 0  # bytes
    exit_code: int | None = None
    stdout_lines: int = 0  # non-empty lines: findings, in concise format
    error: str | None = None  # why the run does not count, if it does not

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Measurement:
    """Repeated runs of one command on one input."""

    label: str
    runs: list[Run] = field(default_factory=list)

    @property
    def good(self) -> list[Run]:
        return [r for r in self.runs if r.ok]

    @property
    def error(self) -> str | None:
        bad = [r for r in self.runs if not r.ok]
        return bad[0].error if bad else None

    @property
    def best(self) -> float | None:
        return min((r.wall for r in self.good), default=None)

    @property
    def median(self) -> float | None:
        good = self.good
        return statistics.median(r.wall for r in good) if good else None

    @property
    def best_cpu(self) -> float | None:
        return min((r.cpu for r in self.good), default=None)

    @property
    def peak_rss(self) -> int | None:
        return max((r.max_rss for r in self.good), default=None)

    def summary(self) -> dict:
        return {
            "label": self.label,
            "best_s": self.best,
            "median_s": self.median,
            "best_cpu_s": self.best_cpu,
            "peak_rss_bytes": self.peak_rss,
            "error": self.error,
            "runs": [asdict(r) for r in self.runs],
        }


def run_once(argv: list[str], cwd: Path, timeout: float) -> Run:
    """Run argv to completion; wall time and peak RSS of that one child."""
    run = Run(argv=argv)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=cwd)
        except OSError as exc:
            run.error = f"cannot start {argv[0]}: {exc}"
            return run
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        run.wall = time.perf_counter() - started
        run.exit_code = proc.returncode = os.waitstatus_to_exitcode(status)
        run.cpu = usage.ru_utime + usage.ru_stime
        run.max_rss = usage.ru_maxrss * 1024  # Linux reports kilobytes
        out.seek(0)
        run.stdout_lines = sum(1 for line in out if line.strip())
        if timed_out.is_set():
            run.error = f"timed out after {timeout:g} s"
        elif run.exit_code not in (0, 1):
            # orglint: 0 = clean, 1 = findings, 2 = input/usage/config error or a
            # rule crashed; negative = killed by a signal.
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            what = f"killed by signal {-run.exit_code}" if run.exit_code < 0 else f"exit {run.exit_code}"
            run.error = what + (": " + " | ".join(tail) if tail else "")
    return run


def measure(label: str, argv: list[str], repeat: int, cwd: Path, timeout: float) -> Measurement:
    m = Measurement(label)
    for i in range(repeat):
        run = run_once(argv, cwd, timeout)
        m.runs.append(run)
        note = f"{run.wall:.2f} s (cpu {run.cpu:.2f} s), {run.max_rss / 2**20:.0f} MiB" if run.ok else run.error
        progress(f"  {label} [{i + 1}/{repeat}]: {note}")
        if not run.ok:
            break  # a failing command fails the same way again: save the time
    return m


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---- inputs ---------------------------------------------------------------------------


def generator_version() -> str:
    return hashlib.sha256(GENERATOR.read_bytes()).hexdigest()[:10]


def chart_path(n: int, seed: int, files: int, style: str = "own") -> Path:
    stem = f"org-{n}-seed{seed}" + (f"-{files}files" if files > 1 else "") + (f"-{style}" if style != "own" else "")
    return OUT / (f"{stem}-{generator_version()}" + ("" if files > 1 else ".yaml"))


def ensure_chart(n: int, seed: int, files: int, timeout: float, style: str = "own") -> tuple[Path, Run | None]:
    """The cached chart of n people written in ``style``, generated first if missing (the run of
    the generator is returned then, None when cached)."""
    path = chart_path(n, seed, files, style)
    if path.exists():
        return path, None
    OUT.mkdir(parents=True, exist_ok=True)
    stem = path.name.rsplit("-", 1)[0]
    for stale in OUT.glob(f"{stem}-*"):
        version = stale.name[len(stem) + 1 :].removesuffix(".yaml")
        if len(version) != 10 or version.strip("0123456789abcdef"):
            continue  # not this chart by an older generator (e.g. a split variant)
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    progress(f"generating {n:,} people -> {path.relative_to(REPO)}")
    argv = [sys.executable, str(GENERATOR), str(n), "-o", str(path), "--seed", str(seed), "--style", style, "-q"]
    if files > 1:
        argv += ["--files", str(files)]
    run = run_once(argv, OUT, timeout)
    if not run.ok:
        raise RuntimeError(f"the generator failed for n={n}: {run.error}")
    progress(f"  generated in {run.wall:.1f} s, {run.max_rss / 2**20:.0f} MiB")
    return path, run


def size_on_disk(path: Path) -> int:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*.yaml"))
    return path.stat().st_size


def compile_orglint_bytecode() -> None:
    """Byte-compile orglint's modules, as `pip install` does for an installed package.

    An editable install run where PYTHONDONTWRITEBYTECODE is set (as on the dev
    machine) would otherwise compile every orglint module on every start, which
    no installed copy does. The baseline's libraries are compiled already.
    """
    import compileall
    import importlib.util

    for package in ("orglint", "orglint.rules"):
        spec = importlib.util.find_spec(package)
        for location in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(location, quiet=1)


def startup_example() -> tuple[Path, str]:
    """The smallest example chart (a clean one if there is one), or else a
    tiny generated chart (examples/ may not have any yet)."""
    examples = sorted((REPO / "examples").glob("**/*.y*ml"))
    examples = [p for p in examples if p.suffix in (".yaml", ".yml")]
    if examples:
        clean = [p for p in examples if "clean" in p.name]
        chosen = min(clean or examples, key=lambda p: (p.stat().st_size, str(p)))
        return chosen, str(chosen.relative_to(REPO))
    path = OUT / "startup-org.yaml"
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(GENERATOR), "12", "-o", str(path), "-q"], check=True)
    return path, str(path.relative_to(REPO))


# ---- the command under test --------------------------------------------------------------


def default_orglint() -> str:
    """The orglint console script installed next to this Python."""
    script = Path(sys.executable).parent / "orglint"
    if script.exists():
        return shlex.quote(str(script))
    return shutil.which("orglint") or "orglint"


def orglint_argv(command: str, chart: Path) -> list[str]:
    """The command line for checking chart: {file} in command is replaced by
    the chart's path; otherwise `check --format concise --exit-zero FILE` is
    appended (file last, so a stand-in can read sys.argv[-1])."""
    argv = shlex.split(command)
    if any("{file}" in arg for arg in argv):
        return [arg.replace("{file}", str(chart)) for arg in argv]
    return argv + CHECK_ARGS + [str(chart)]


def find_yamllint(command: str) -> list[str] | None:
    """The yamllint command: the one given, else the script next to this
    Python, else yamllint on PATH; None if there is none."""
    if command:
        return shlex.split(command)
    script = Path(sys.executable).parent / "yamllint"
    found = str(script) if script.exists() else shutil.which("yamllint")
    return [found] if found else None


# ---- the machine ------------------------------------------------------------------------


def machine_info() -> dict:
    cpu = platform.processor() or platform.machine()
    memory = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    try:
        import yaml

        pyyaml = f"{yaml.__version__} ({'with' if yaml.__with_libyaml__ else 'WITHOUT'} libyaml)"
    except ImportError:
        pyyaml = "not installed"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "memory_bytes": memory,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "pyyaml": pyyaml,
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "git": git_revision(),
    }


def git_revision() -> str | None:
    try:
        rev = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "orglint", "rules"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return (rev + (" + uncommitted changes" if dirty else "")) if rev else None


# ---- the benchmark ----------------------------------------------------------------------


def benchmark(args) -> dict:
    sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    if args.with_million and 1_000_000 not in sizes:
        sizes.append(1_000_000)
    workdir = Path(tempfile.mkdtemp(prefix="orglint-bench-"))  # no .orglint.yaml up from here
    results: dict = {
        "machine": machine_info(),
        "command": None,
        "sizes": [],
        "growth_ratio_100k_10k": None,
        "growth_ratio_cpu_100k_10k": None,
        "startup": None,
        "yamllint": None,
    }
    try:
        styles = [style.strip() for style in args.styles.split(",") if style.strip()]
        for n in sizes:
            for style in styles:
                chart, generated = ensure_chart(n, args.seed, args.files, args.timeout, style)
                argv = orglint_argv(args.orglint, chart)
                results["command"] = shlex.join(orglint_argv(args.orglint, Path("FILE")))
                m = measure(f"{n:,} people, {style}", argv, args.repeat, workdir, args.timeout)
                good = m.good
                results["sizes"].append(
                    {
                        "people": n,
                        "style": style,
                        "chart": str(chart.relative_to(REPO)),
                        "bytes": size_on_disk(chart),
                        "generate_s": generated.wall if generated else None,
                        "findings": good[-1].stdout_lines if good else None,
                        **m.summary(),
                    }
                )
        best = {s["people"]: s for s in results["sizes"] if s["style"] == styles[0]}
        if 100_000 in best and 10_000 in best:
            big, small = best[100_000], best[10_000]
            if big["best_s"] and small["best_s"]:
                results["growth_ratio_100k_10k"] = big["best_s"] / small["best_s"]
                results["growth_ratio_cpu_100k_10k"] = big["best_cpu_s"] / small["best_cpu_s"]

        if args.startup_runs > 0:
            compile_orglint_bytecode()
            example, shown = startup_example()
            orglint_m = measure(
                "start-up: orglint", orglint_argv(args.orglint, example), args.startup_runs + 1, workdir, args.timeout
            )
            baseline_m = measure(
                "start-up: imports", [sys.executable, "-c", STARTUP_BASELINE], args.startup_runs + 1, workdir, args.timeout
            )
            # The first of each warms the page cache and .pyc files: not counted.
            for m in (orglint_m, baseline_m):
                if len(m.runs) > 1:
                    m.runs = m.runs[1:]
            ratio = orglint_m.best / baseline_m.best if orglint_m.best and baseline_m.best else None
            results["startup"] = {
                "example": shown,
                "orglint": orglint_m.summary(),
                "baseline": baseline_m.summary(),
                "ratio": ratio,
            }

        if args.yamllint is not None:
            yamllint = find_yamllint(args.yamllint)
            if yamllint is None:
                results["yamllint"] = {"installed": False}
            else:
                chart, _ = ensure_chart(100_000, args.seed, 1, args.timeout)
                # One run: it takes about a minute. Findings (exit 1) are fine.
                m = measure(
                    "yamllint -d relaxed, 100,000 people", yamllint + ["-d", "relaxed", str(chart)], 1, workdir, args.timeout
                )
                results["yamllint"] = {"installed": True, "command": shlex.join(yamllint), **m.summary()}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results["targets"] = check_targets(results)
    return results


def check_targets(results: dict) -> list[dict]:
    """docs/design.md's targets next to what was measured (None = not measured)."""
    by_size = {s["people"]: s for s in results["sizes"] if s.get("style", "own") == results["sizes"][0].get("style", "own")}

    def of_size(n, key):
        return by_size[n][key] if n in by_size else None

    startup = results["startup"]
    rows = [
        (f"100k people: at most {TARGET_100K_SECONDS:g} s", "s", of_size(100_000, "best_s"), TARGET_100K_SECONDS),
        ("100k people: peak memory under 1 GB", "bytes", of_size(100_000, "peak_rss_bytes"), TARGET_100K_BYTES),
        (
            f"time(100k) / time(10k) at most {TARGET_GROWTH_RATIO:g}",
            "ratio",
            results["growth_ratio_100k_10k"],
            TARGET_GROWTH_RATIO,
        ),
        (f"1M people: under {TARGET_1M_SECONDS:g} s", "s", of_size(1_000_000, "best_s"), TARGET_1M_SECONDS),
        ("1M people: peak memory under 6 GB", "bytes", of_size(1_000_000, "peak_rss_bytes"), TARGET_1M_BYTES),
        (
            f"small org: at most {TARGET_STARTUP_RATIO:g}x the imports' time",
            "ratio",
            startup["ratio"] if startup else None,
            TARGET_STARTUP_RATIO,
        ),
    ]
    return [
        {"target": target, "unit": unit, "measured": value, "met": None if value is None else value <= limit}
        for target, unit, value, limit in rows
    ]


# ---- reporting ------------------------------------------------------------------------


def seconds(value) -> str:
    return "–" if value is None else f"{value:.3f} s" if value < 1 else f"{value:.2f} s"


def mib(value) -> str:
    return "–" if value is None else f"{value / 2**20:,.0f} MiB"


def markdown(results: dict) -> str:
    m = results["machine"]
    memory = f", {m['memory_bytes'] / 2**30:.1f} GiB RAM" if m["memory_bytes"] else ""
    load = f"; load average {m['load_average']:.2f} at start (other work skews times)" if m["load_average"] is not None else ""
    lines = [
        "## orglint benchmark",
        "",
        f"- Machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable){memory}{load}",
        f"- Python: {m['python']} on {m['platform']}; PyYAML {m['pyyaml']}",
        f"- Command: `{results['command']}`" + (f" (orglint at git {m['git']})" if m["git"] else ""),
        "",
        "| people | style | file size | wall best | wall median | CPU best | peak RSS | findings | vs fastest style |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    fastest: dict[int, float] = {}
    for s in results["sizes"]:
        if s["best_s"] is not None:
            fastest[s["people"]] = min(fastest.get(s["people"], s["best_s"]), s["best_s"])
    for s in results["sizes"]:
        style = s.get("style", "own")
        if s["best_s"] is None:
            lines.append(f"| {s['people']:,} | {style} | {s['bytes'] / 1e6:.1f} MB | FAILED: {s['error']} | | | | | |")
            continue
        failed = f" (then failed: {s['error']})" if s["error"] else ""
        lines.append(
            f"| {s['people']:,} | {style} | {s['bytes'] / 1e6:.1f} MB | {seconds(s['best_s'])} | "
            f"{seconds(s['median_s'])} | {seconds(s['best_cpu_s'])} | "
            f"{mib(s['peak_rss_bytes'])} | "
            f"{s['findings']:,}{failed} | {s['best_s'] / fastest[s['people']]:.2f}x |"
        )
    runs = max((len(s["runs"]) for s in results["sizes"]), default=0)
    lines += [
        "",
        f"Best and median of {runs} run(s) per size; CPU = user + system time of "
        "the child, which other load on the machine skews less than wall time.",
    ]
    ratio = results["growth_ratio_100k_10k"]
    if ratio is not None:
        lines.append(
            f"time(100k) / time(10k) = {ratio:.1f} wall, "
            f"{results['growth_ratio_cpu_100k_10k']:.1f} CPU "
            f"(target at most {TARGET_GROWTH_RATIO:g}; 10 would be linear)."
        )
    startup = results["startup"]
    if startup:
        o, b = startup["orglint"], startup["baseline"]
        ratio = f"{startup['ratio']:.2f}x" if startup["ratio"] else "–"
        lines += [
            "",
            f"Start-up, best of {len(o['runs'])}: orglint on `{startup['example']}` "
            f'{seconds(o["best_s"])} vs `python -c "{STARTUP_BASELINE}"` '
            f"{seconds(b['best_s'])}: ratio {ratio} "
            f"(target at most {TARGET_STARTUP_RATIO:g}x)" + (f"; orglint failed: {o['error']}" if o["error"] else ""),
        ]
    yl = results["yamllint"]
    if yl is not None:
        if not yl["installed"]:
            lines += ["", "yamllint: not installed (pip install yamllint to compare)."]
        elif yl["best_s"] is None:
            lines += ["", f"yamllint -d relaxed on the 100k chart: failed: {yl['error']}"]
        else:
            lines += [
                "",
                f"yamllint -d relaxed on the 100k chart: {seconds(yl['best_s'])}, {mib(yl['peak_rss_bytes'])} (one run).",
            ]
    lines += ["", "| target (docs/design.md) | measured | met |", "|---|---:|:-:|"]
    show = {"s": seconds, "bytes": mib, "ratio": lambda value: f"{value:.2f}"}
    for t in results["targets"]:
        value = t["measured"]
        shown = "not measured" if value is None else show[t["unit"]](value)
        met = "–" if t["met"] is None else "yes" if t["met"] else "**no**"
        lines.append(f"| {t['target']} | {shown} | {met} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark orglint check on synthetic org charts.")
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="comma-separated numbers of people (default 1000,10000,100000)"
    )
    parser.add_argument("--with-million", action="store_true", help="add 1,000,000 people")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (default 3)")
    parser.add_argument(
        "--orglint",
        default=default_orglint(),
        metavar="CMD",
        help="the orglint command (default: the console script next to this "
        "Python); `check --format concise --exit-zero FILE` is appended "
        "unless CMD contains {file}",
    )
    parser.add_argument(
        "--yamllint",
        nargs="?",
        const="",
        default=None,
        metavar="CMD",
        help="also time `yamllint -d relaxed` on the 100k chart (CMD: the "
        "yamllint command, default: found next to Python or on PATH)",
    )
    parser.add_argument("--startup-runs", type=int, default=10, help="runs for the start-up comparison (default 10; 0 skips it)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--files", type=int, default=1, metavar="K", help="check charts split into K files in a directory")
    parser.add_argument(
        "--styles",
        default="own",
        help="comma-separated ways of writing the YAML to measure: own, safe-dump (PyYAML's default style), "
        "convert (orglint convert's output) (default own; the first is the one the targets use)",
    )
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run is killed (default 900)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    results = benchmark(args)
    sys.stdout.write(json.dumps(results, indent=2) + "\n" if args.json else markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
