"""The fidelity corpus (tests/corpus/, issue 10): every realistic chart must give exactly the
product findings its header expects, and the scorer (benchmarks/fidelity.py) must count right.

The expectations were written from the articles before orglint was run (tests/corpus/README.md);
a failure here means orglint and a product leader disagree. Do not change an expectation to make
a test pass: either the rule is wrong, or the expectation was wrong by the articles (then correct
it in its own commit and say why in the chart's header).
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
CHARTS = sorted(CORPUS.glob("*.yaml"))


def _load_fidelity():
    # benchmarks/ is not a package: load the script by path.
    spec = importlib.util.spec_from_file_location("orglint_fidelity", ROOT / "benchmarks" / "fidelity.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


fidelity = _load_fidelity()


def test_the_corpus_is_large_enough_and_covers_the_anti_patterns():
    assert len(CHARTS) >= 26
    expected_codes = {code for path in CHARTS for code, _ in fidelity.read_expectations(path)}
    # The anti-patterns the issue names, each seeded at least once.
    assert {"R001", "R002", "R003", "R004", "L001", "L003", "L004", "L005", "L006", "F001", "G005", "T001"} <= expected_codes
    clean = [path.stem for path in CHARTS if not fidelity.read_expectations(path)]
    assert len(clean) >= 10  # well-built orgs, where every finding is a false positive


@pytest.mark.parametrize("path", CHARTS, ids=[path.stem for path in CHARTS])
def test_chart_gives_exactly_the_expected_product_findings(path):
    expected = fidelity.read_expectations(path)
    product, structural = fidelity.lint_chart(path)
    got = Counter((finding.code, finding.subject) for finding in product)
    unexpected = [f"{f.code} {f.subject} ({f.severity}): {f.message}" for f in product if (f.code, f.subject) in got - expected]
    missing = sorted(f"{code} {subject}" for (code, subject) in expected - got)
    assert not structural, [f"{f.code} {f.subject}: {f.message}" for f in structural]
    assert got == expected, f"missing: {missing}; unexpected: {unexpected}"


def test_the_readme_shows_the_current_score():
    # The README's table is the score of the rules as they are: a rule change that moves it must
    # update the README in the same commit.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = fidelity.totals_row(fidelity.run_corpus(CORPUS))
    assert fidelity.TOTALS_HEADER in readme
    assert row in readme, f"update the fidelity table in README.md to: {row}"


# ------------------------------------------------------------------------------------------------
# The scorer itself.


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


CHART_BODY = """orglint: 1
people:
  - {id: ceo, title: CEO & Head of Product}
  - {id: cto, title: CTO, reports_to: ceo}
  - {id: dev, title: Software Engineer, reports_to: cto}
  - {id: qa, title: QA Engineer, reports_to: cto}
"""


def test_expectations_are_read_from_the_header_only_as_a_multiset(tmp_path):
    path = write(
        tmp_path,
        "a.yaml",
        "# Scenario text\n# expect: G005 org  (finance)\n# expect: G005 org\n"
        "# expect: R001 people.ceo\n" + CHART_BODY + "# expect: L001 org\n",
    )
    assert fidelity.read_expectations(path) == Counter({("G005", "org"): 2, ("R001", "people.ceo"): 1})


def test_a_severity_in_the_note_is_reported_but_not_scored(tmp_path, capsys):
    write(tmp_path, "a.yaml", "# expect: R001 people.ceo  (info: a declared strategy)\n" + CHART_BODY)
    assert fidelity.read_expected_severities(tmp_path / "a.yaml") == {("R001", "people.ceo"): "info"}
    results = fidelity.run_corpus(tmp_path)
    assert fidelity.totals(results) == {"tp": 1, "fp": 0, "fn": 0}
    assert [(f.code, want, f.severity) for f, want in results[0].severity_differences] == [("R001", "info", "error")]
    assert "| a | R001 people.ceo | info | error |" in fidelity.markdown(results)


def test_expect_none_is_an_empty_expectation(tmp_path):
    assert fidelity.read_expectations(write(tmp_path, "a.yaml", "# expect: none\n" + CHART_BODY)) == Counter()


@pytest.mark.parametrize(
    "header",
    [
        "# no expectation at all\n",
        "# expect: R001\n",  # no subject
        "# expect: R001 ceo\n",  # subject not written as findings name it
        "# expect: none\n# expect: R001 people.ceo\n",
    ],
)
def test_a_header_without_usable_expectations_is_an_error(tmp_path, header):
    with pytest.raises(fidelity.CorpusError):
        fidelity.read_expectations(write(tmp_path, "a.yaml", header + CHART_BODY))


def test_scores_count_true_and_false_positives_and_negatives(tmp_path, capsys):
    # The chart gives R001 on the CEO (and nothing else in the product families).
    write(tmp_path, "hit.yaml", "# expect: R001 people.ceo\n" + CHART_BODY)
    write(tmp_path, "miss.yaml", "# expect: R002 people.ceo\n" + CHART_BODY)
    results = fidelity.run_corpus(tmp_path)
    assert fidelity.totals(results) == {"tp": 1, "fp": 1, "fn": 1}
    assert fidelity.per_rule(results) == {"R001": {"tp": 1, "fp": 1, "fn": 0}, "R002": {"tp": 0, "fp": 0, "fn": 1}}

    assert fidelity.main(["--corpus", str(tmp_path), "--min", "0.5"]) == 0
    assert fidelity.main(["--corpus", str(tmp_path), "--min", "0.95"]) == 1
    out = capsys.readouterr().out
    assert "| 2 | 1 | 1 | 1 | 1 | 50.0% | 50.0% |" in out
    assert "| miss | R002 people.ceo | R001 people.ceo | 0 | 1 | 1 |" in out


def test_the_cli_and_the_library_score_the_same(tmp_path):
    write(tmp_path, "hit.yaml", "# expect: R001 people.ceo\n" + CHART_BODY)
    library = fidelity.run_corpus(tmp_path)
    cli = fidelity.run_corpus(tmp_path, use_cli=True)
    assert [r.got_pairs for r in cli] == [r.got_pairs for r in library] == [Counter({("R001", "people.ceo"): 1})]


def test_an_unreadable_chart_stops_the_scorer_with_exit_2(tmp_path, capsys):
    write(tmp_path, "bad.yaml", "# expect: R00X people.ceo\n" + CHART_BODY)
    assert fidelity.main(["--corpus", str(tmp_path)]) == 2
    assert "cannot read the expectation" in capsys.readouterr().err
