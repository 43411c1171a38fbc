"""Tests of benchmarks/generate.py, the generator of synthetic org charts that
the benchmark lints. Small charts only, so this stays fast."""

from __future__ import annotations

import collections
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "benchmarks" / "generate.py"
N = 200

FUNCTIONS = {
    "engineering",
    "product",
    "design",
    "data",
    "marketing",
    "sales",
    "support",
    "customer-success",
    "finance",
    "legal",
    "people",
    "operations",
}


def _load_generator():
    # benchmarks/ is not a package: load the script by path.
    spec = importlib.util.spec_from_file_location("orglint_benchmark_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


@pytest.fixture(scope="module")
def chart_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("generated") / "org.yaml"
    gen.write_org(N, path, seed=0)
    return path


@pytest.fixture(scope="module")
def chart(chart_file) -> dict:
    return yaml.safe_load(chart_file.read_text(encoding="utf-8"))


def assert_well_formed(chart: dict, n: int) -> None:
    """Exactly n people, unique ids, one top, every reference defined, no cycle."""
    people = chart["people"]
    ids = [p["id"] for p in people]
    assert len(ids) == n
    assert len(set(ids)) == n, "person ids are unique"
    person_ids = set(ids)
    units = {u["id"]: u for u in chart["units"]}
    assert len(units) == len(chart["units"]), "unit ids are unique"
    products = {p["id"] for p in chart["products"]}
    assert len(products) == len(chart["products"]), "product ids are unique"

    for p in people:
        assert p["reports_to"] is None or p["reports_to"] in person_ids, p
        assert p["unit"] in units, p
        assert set(p.get("units", [])) <= set(units), p
        assert set(p.get("dotted_to", [])) <= person_ids, p
    for u in units.values():
        assert u["lead"] in person_ids, u
        assert u.get("parent") is None or u["parent"] in units, u
        assert set(u.get("products", [])) <= products, u
    for product in chart["products"]:
        assert product["owner"] in person_ids, product

    tops = [p for p in people if p["reports_to"] is None]
    assert len(tops) == 1, "a single top of the chart"

    boss = {p["id"]: p["reports_to"] for p in people}
    for start in boss:
        seen, current = set(), start
        while current is not None:
            assert current not in seen, f"reporting cycle through {current}"
            seen.add(current)
            current = boss[current]


def spans(chart: dict) -> collections.Counter:
    return collections.Counter(p["reports_to"] for p in chart["people"] if p["reports_to"])


def depth(chart: dict) -> int:
    boss = {p["id"]: p["reports_to"] for p in chart["people"]}
    memo: dict[str, int] = {}

    def level(pid):
        if pid not in memo:
            memo[pid] = 1 if boss[pid] is None else level(boss[pid]) + 1
        return memo[pid]

    return max(level(pid) for pid in boss)


def test_file_is_valid_yaml_in_format_v1(chart, chart_file):
    assert chart["orglint"] == 1
    assert set(chart) == {"orglint", "org", "products", "units", "people"}
    assert chart["org"]["name"]
    # The YAML written by hand loads to exactly what generate_org returns.
    assert chart == gen.generate_org(N, seed=0)
    # Every string scalar is quoted: no "no", "on" or "1e3" can change type.
    for line in chart_file.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("#", "- id:")) or ":" not in line:
            continue
        value = line.split(":", 1)[1].strip()
        assert value == "" or value[0] in '"[' or value in ("null", "1"), line


def test_deterministic_for_a_seed(tmp_path):
    assert gen.generate_org(N, seed=5) == gen.generate_org(N, seed=5)
    assert gen.generate_org(N, seed=5) != gen.generate_org(N, seed=6)
    gen.write_org(N, tmp_path / "a.yaml", seed=5)
    gen.write_org(N, tmp_path / "b.yaml", seed=5)
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()


def test_chart_is_well_formed(chart):
    assert_well_formed(chart, N)


@pytest.mark.parametrize("n", [1, 2, 14, 15, 16, 57, 99, 100, 501, 1000, 2001])
@pytest.mark.parametrize("seed", [0, 3])
def test_any_size_is_well_formed(n, seed):
    assert_well_formed(gen.generate_org(n, seed=seed), n)


def test_the_single_top_is_the_ceo(chart):
    (top,) = [p for p in chart["people"] if p["reports_to"] is None]
    assert "CEO" in top["title"] or "Chief Executive Officer" in top["title"]
    titles = {p["title"] for p in chart["people"] if p["reports_to"] == top["id"]}
    assert {
        "Chief Technology Officer",
        "VP Product",
        "General Counsel",
        "Head of People",
        "VP Customer Success",
        "Head of Data",
    } <= titles


def test_spans_of_control_are_realistic(chart):
    counts = spans(chart)
    assert all(1 <= c <= 12 for c in counts.values()), counts.most_common(3)
    typical = sum(1 for c in counts.values() if 4 <= c <= 9)
    assert typical / len(counts) >= 0.6, sorted(counts.values())


def test_depth_grows_with_log_of_size(chart):
    assert 4 <= depth(chart) <= 6
    assert 6 <= depth(gen.generate_org(10_000)) <= 8


def test_departments_cover_every_function(chart):
    departments = [u for u in chart["units"] if u["type"] == "department"]
    assert {u["function"] for u in departments} == FUNCTIONS
    assert all(u.get("lead") for u in departments)


def members_by_unit(chart: dict) -> dict[str, list[dict]]:
    by_id = {p["id"]: p for p in chart["people"]}
    members = collections.defaultdict(dict)
    for p in chart["people"]:
        for unit in [p["unit"], *p.get("units", [])]:
            members[unit][p["id"]] = p
    for u in chart["units"]:
        members[u["id"]][u["lead"]] = by_id[u["lead"]]
    return {unit: list(people.values()) for unit, people in members.items()}


def test_squads_are_cross_functional_within_tribes(chart):
    units = {u["id"]: u for u in chart["units"]}
    members = members_by_unit(chart)
    squads = [u for u in chart["units"] if u["type"] == "squad"]
    assert len(squads) >= 5
    for squad in squads:
        titles = [p["title"] for p in members[squad["id"]]]
        assert any("Engineer" in t and "Manager" not in t for t in titles), titles
        assert any("Product Manager" in t or "Product Owner" in t for t in titles), titles
        assert len(titles) <= 10, titles
        assert units[squad["parent"]]["type"] == "tribe"
        assert squad["products"]
    assert any(u["type"] == "platform" for u in chart["units"])
    assert any(u["type"] == "chapter" for u in chart["units"])
    assert any(u["type"] == "guild" for u in chart["units"])
    assert any(p.get("units") for p in chart["people"])


def test_products_have_a_product_owner_and_metrics(chart):
    by_id = {p["id"]: p for p in chart["people"]}
    assert len(chart["products"]) >= 2
    for product in chart["products"]:
        assert "Product" in by_id[product["owner"]]["title"]
        assert product["metrics"]


def test_people_look_human(chart):
    people = chart["people"]
    assert all(" " in p["name"] and p["email"].startswith(p["id"] + "@") for p in people if "email" in p)
    titles = collections.Counter(p["title"] for p in people)
    assert len(titles) >= 60
    assert any(t.startswith("Senior ") for t in titles)
    assert "Engineering Manager" in titles
    assert any(", " in t for t in titles), "regional titles like 'Account Executive, EMEA'"


def test_a_bigger_chart_has_dotted_lines_and_a_few_imperfections():
    chart = gen.generate_org(3000)
    assert any(p.get("dotted_to") for p in chart["people"])
    titles = [p["title"] for p in chart["people"]]
    assert titles.count("Product Manager / Product Owner") == 1
    name_titles = collections.Counter((p["name"], p["title"]) for p in chart["people"])
    assert sum(1 for count in name_titles.values() if count > 1) == 1
    assert max(spans(chart).values()) == 11  # the CEO, with a chief of staff

    clean = gen.generate_org(3000, clean=True)
    assert "Product Manager / Product Owner" not in {p["title"] for p in clean["people"]}
    assert max(spans(clean).values()) <= 10
    assert all(p["metrics"] for p in clean["products"])


def test_files_option_splits_people_across_k_files(tmp_path, chart):
    out = tmp_path / "org"
    subprocess.run([sys.executable, str(GENERATOR), str(N), "-o", str(out), "--files", "3", "-q"], check=True)
    files = sorted(out.glob("*.yaml"))
    assert [f.name for f in files] == ["org.yaml", "people-002.yaml", "people-003.yaml"]
    parts = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]
    assert [("org" in part, "units" in part) for part in parts] == [(True, True), (False, False), (False, False)]
    assert all(part["people"] for part in parts)
    merged = [p for part in parts for p in part["people"]]
    assert merged == chart["people"]
