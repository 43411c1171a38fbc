#!/usr/bin/env python3
"""Precision and recall of orglint's product rules on the realistic charts of tests/corpus/.

    python benchmarks/fidelity.py [--corpus DIR] [--min 0.95] [--differences] [--cli] [--json]

Each chart's header lists the findings a product leader expects (`# expect: CODE subject`, or
`# expect: none`; see tests/corpus/README.md). Every chart is linted on its own with the default
rules, and its product findings (codes starting R, L, F, G or T) are compared with the
expectations as a multiset of (code, subject):

- true positive: a finding that was expected;
- false positive: a finding that was not expected (or more often than expected);
- false negative: an expected finding that orglint did not report.

The report, on stdout, is a Markdown table with a row per chart (with --differences, only the
charts that differ), the totals with precision and recall, the same per rule, the severities that
differ from an expectation's note, and the structural findings (S codes, input problems) for
information: the corpus is meant to be structurally clean.

Exit status: 0; 1 when --min is given and precision or recall is below it; 2 when a chart
cannot be read or has no expectation line.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
PRODUCT_FAMILIES = ("R", "L", "F", "G", "T")

_EXPECT = re.compile(r"^#\s*expect:\s*(?P<rest>.*?)\s*$")
_CODE_SUBJECT = re.compile(r"^(?P<code>[A-Z]\d{3})\s+(?P<subject>org|(?:people|units|products)\.\S+)(?:\s.*)?$")


class CorpusError(Exception):
    """A chart of the corpus has no usable expectations (its header is the contract)."""


@dataclass
class Finding:
    code: str
    subject: str
    severity: str
    message: str


@dataclass
class ChartResult:
    name: str
    expected: Counter
    got: list[Finding]
    structural: list[Finding] = field(default_factory=list)
    expected_severities: dict = field(default_factory=dict)

    @property
    def severity_differences(self) -> list[tuple[Finding, str]]:
        """Expected findings that came with another severity than the expectation's note says."""
        return [
            (f, self.expected_severities[(f.code, f.subject)])
            for f in self.got
            if (f.code, f.subject) in self.expected_severities and f.severity != self.expected_severities[(f.code, f.subject)]
        ]

    @property
    def got_pairs(self) -> Counter:
        return Counter((f.code, f.subject) for f in self.got)

    @property
    def true_positives(self) -> Counter:
        return self.expected & self.got_pairs

    @property
    def false_positives(self) -> Counter:
        return self.got_pairs - self.expected

    @property
    def false_negatives(self) -> Counter:
        return self.expected - self.got_pairs


def read_expectations(path: Path) -> Counter:
    """The (code, subject) pairs the chart's header expects, as a multiset.

    Only the leading comment block is read; `# expect: none` stands for no finding. A chart with
    no expectation line, or a line that does not parse, is an error: a silent empty expectation
    would count every finding as a false positive and hide the mistake.
    """
    expected: Counter = Counter()
    said_none = False
    seen_any = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = _EXPECT.match(line)
        if not match:
            continue
        seen_any = True
        rest = match["rest"]
        if rest.lower().startswith("none"):
            said_none = True
            continue
        pair = _CODE_SUBJECT.match(rest)
        if not pair:
            raise CorpusError(f"{path}:{number}: cannot read the expectation {rest!r} (want 'CODE subject')")
        expected[(pair["code"], pair["subject"])] += 1
    if not seen_any:
        raise CorpusError(f"{path}: no '# expect:' line in the header")
    if said_none and expected:
        raise CorpusError(f"{path}: '# expect: none' together with expected findings")
    return expected


_SEVERITY_NOTE = re.compile(r"\(\s*(?P<severity>info|warning|error)\b", re.IGNORECASE)


def read_expected_severities(path: Path) -> dict[tuple[str, str], str]:
    """Severities some expectations state in their note ("(info: a declared sales-led strategy)").

    Information only: the score compares code and subject; a declared strategy that should soften
    a finding is written this way so that the difference shows in the report.
    """
    severities = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = _EXPECT.match(line)
        pair = _CODE_SUBJECT.match(match["rest"]) if match else None
        note = _SEVERITY_NOTE.search(match["rest"][pair.end("subject") :]) if pair else None
        if note:
            severities[(pair["code"], pair["subject"])] = note["severity"].lower()
    return severities


def is_product_code(code: str) -> bool:
    return code[:1] in PRODUCT_FAMILIES


def lint_chart(path: Path, use_cli: bool = False) -> tuple[list[Finding], list[Finding]]:
    """(product findings, structural findings and input problems) of one chart, default rules."""
    if use_cli:
        completed = subprocess.run(
            [sys.executable, "-m", "orglint", "check", "--isolated", "--format", "json", "--exit-zero", str(path)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if completed.returncode != 0:
            raise CorpusError(f"{path}: orglint exited {completed.returncode}: {completed.stderr.strip()}")
        entries = json.loads(completed.stdout or "[]")
        found = [Finding(d["code"], d["subject"], d["severity"], d["message"]) for d in entries]
        product = [
            Finding(d["code"], d["subject"], d["severity"], d["message"])
            for d in entries
            if d.get("kind", "rule") == "rule" and is_product_code(d["code"])
        ]
    else:
        from orglint.api import lint

        result = lint([str(path)])
        found = [Finding(f.code, f.subject, str(f.severity), f.message) for f in result.findings]
        product = [
            Finding(f.code, f.subject, str(f.severity), f.message) for f in result.rule_findings if is_product_code(f.code)
        ]
    product_keys = {(f.code, f.subject, f.message) for f in product}
    other = [f for f in found if (f.code, f.subject, f.message) not in product_keys and not f.code.startswith("X")]
    return product, other


def ratio(numerator: int, denominator: int) -> float:
    # No finding at all and none expected: nothing was wrong.
    return numerator / denominator if denominator else 1.0


def run_corpus(corpus: Path, use_cli: bool = False) -> list[ChartResult]:
    charts = sorted(corpus.glob("*.yaml"))
    if not charts:
        raise CorpusError(f"{corpus}: no *.yaml chart")
    results = []
    for path in charts:
        expected = read_expectations(path)
        product, structural = lint_chart(path, use_cli)
        results.append(ChartResult(path.stem, expected, product, structural, read_expected_severities(path)))
    return results


def totals(results: list[ChartResult]) -> dict[str, int]:
    tp = sum(sum(r.true_positives.values()) for r in results)
    fp = sum(sum(r.false_positives.values()) for r in results)
    fn = sum(sum(r.false_negatives.values()) for r in results)
    return {"tp": tp, "fp": fp, "fn": fn}


def per_rule(results: list[ChartResult]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for r in results:
        for kind, counter in (("tp", r.true_positives), ("fp", r.false_positives), ("fn", r.false_negatives)):
            for (code, _subject), n in counter.items():
                table.setdefault(code, {"tp": 0, "fp": 0, "fn": 0})[kind] += n
    return dict(sorted(table.items()))


TOTALS_HEADER = "| charts | exact | true positives | false positives | false negatives | precision | recall |"


def totals_row(results: list[ChartResult]) -> str:
    """The totals as one Markdown table row (the README shows this row under TOTALS_HEADER)."""
    t = totals(results)
    exact = sum(1 for r in results if not (r.false_positives or r.false_negatives))
    precision, recall = ratio(t["tp"], t["tp"] + t["fp"]), ratio(t["tp"], t["tp"] + t["fn"])
    return f"| {len(results)} | {exact} | {t['tp']} | {t['fp']} | {t['fn']} | {precision:.1%} | {recall:.1%} |"


def _pairs(counter: Counter) -> str:
    items = []
    for (code, subject), n in sorted(counter.items()):
        items.append(f"{code} {subject}" + (f" x{n}" if n > 1 else ""))
    return ", ".join(items) or "-"


def markdown(results: list[ChartResult], only_differences: bool = False) -> str:
    lines = ["## Product findings per chart", ""]
    lines += ["| chart | expected | got | TP | FP | FN |", "|---|---|---|---:|---:|---:|"]
    for r in results:
        differs = r.false_positives or r.false_negatives
        if only_differences and not differs:
            continue
        lines.append(
            f"| {r.name}{'' if differs else ' ✓'} | {_pairs(r.expected)} | {_pairs(r.got_pairs)} | "
            f"{sum(r.true_positives.values())} | {sum(r.false_positives.values())} | {sum(r.false_negatives.values())} |"
        )
    exact = sum(1 for r in results if not (r.false_positives or r.false_negatives))
    lines += ["", f"{exact} of {len(results)} charts match their expectations exactly.", ""]
    lines += ["## Totals", "", TOTALS_HEADER, "|---:|---:|---:|---:|---:|---:|---:|", totals_row(results), ""]
    lines += ["## Per rule", "", "| rule | TP | FP | FN | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    for code, c in per_rule(results).items():
        lines.append(
            f"| {code} | {c['tp']} | {c['fp']} | {c['fn']} | {ratio(c['tp'], c['tp'] + c['fp']):.0%} | "
            f"{ratio(c['tp'], c['tp'] + c['fn']):.0%} |"
        )
    differences = [(r.name, f, want) for r in results for f, want in r.severity_differences]
    lines += ["", "## Severities that differ from the expectation's note (information, not scored)", ""]
    if differences:
        lines += ["| chart | finding | expected | got |", "|---|---|---|---|"]
        lines += [f"| {name} | {f.code} {f.subject} | {want} | {f.severity} |" for name, f, want in differences]
    else:
        lines.append("None.")
    structural = [(r.name, f) for r in results for f in r.structural]
    lines += ["", "## Structural findings and input problems (information; the corpus should have none)", ""]
    if structural:
        lines += ["| chart | code | subject | message |", "|---|---|---|---|"]
        lines += [f"| {name} | {f.code} | {f.subject} | {f.message.replace('|', '/')} |" for name, f in structural]
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def as_json(results: list[ChartResult]) -> str:
    t = totals(results)
    return json.dumps(
        {
            "charts": [
                {
                    "chart": r.name,
                    "expected": sorted(f"{c} {s}" for (c, s), n in r.expected.items() for _ in range(n)),
                    "got": sorted(f"{f.code} {f.subject}" for f in r.got),
                    "false_positives": sorted(f"{c} {s}" for (c, s), n in r.false_positives.items() for _ in range(n)),
                    "false_negatives": sorted(f"{c} {s}" for (c, s), n in r.false_negatives.items() for _ in range(n)),
                    "structural": sorted(f"{f.code} {f.subject}" for f in r.structural),
                    "severity_differences": [
                        {"finding": f"{f.code} {f.subject}", "expected": want, "got": f.severity}
                        for f, want in r.severity_differences
                    ],
                }
                for r in results
            ],
            "totals": {**t, "precision": ratio(t["tp"], t["tp"] + t["fp"]), "recall": ratio(t["tp"], t["tp"] + t["fn"])},
            "per_rule": per_rule(results),
        },
        indent=2,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of charts (default: tests/corpus)")
    parser.add_argument(
        "--min", type=float, default=None, metavar="RATIO", help="exit 1 when precision or recall is below RATIO (e.g. 0.95)"
    )
    parser.add_argument(
        "--cli", action="store_true", help="run `python -m orglint check --format json` per chart instead of the library"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--differences", action="store_true", help="list only the charts whose findings differ from the expectations"
    )
    args = parser.parse_args(argv)
    try:
        results = run_corpus(args.corpus, args.cli)
    except CorpusError as error:
        print(f"fidelity: {error}", file=sys.stderr)
        return 2
    print(as_json(results) if args.json else markdown(results, args.differences), end="")
    t = totals(results)
    precision, recall = ratio(t["tp"], t["tp"] + t["fp"]), ratio(t["tp"], t["tp"] + t["fn"])
    if args.min is not None and (precision < args.min or recall < args.min):
        print(f"fidelity: precision {precision:.1%}, recall {recall:.1%}: below {args.min:.0%}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
