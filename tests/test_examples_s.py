"""The examples' S findings: small-clean.yaml has none, broken.yaml exactly its structural damage."""

from __future__ import annotations

import pytest

from helpers import EXAMPLES, ROOT
from orglint.api import lint


@pytest.fixture(autouse=True)
def _from_the_repository_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in findings are shown relative to the current directory


def s_findings(name: str) -> list[tuple[str, str, int, int]]:
    result = lint([f"examples/{name}"], select=["S"])
    assert not result.input_problems, [p.message for p in result.input_problems]
    return [(f.code, f.subject, f.line, f.column) for f in result.rule_findings]


def test_small_clean_has_no_s_findings():
    assert s_findings("small-clean.yaml") == []


def test_small_clean_has_no_findings_at_all():
    result = lint(["examples/small-clean.yaml"])
    assert [(f.code, f.subject, f.message) for f in result.findings] == []


def test_small_clean_is_a_real_looking_product_led_startup():
    org = lint(["examples/small-clean.yaml"]).org
    assert 10 <= len(org.people) <= 20
    assert org.strategy == "product-led" and org.ceo.id == "maya"
    roles = set().union(*(person.roles for person in org.people.values()))
    assert {
        "ceo",
        "cto",
        "cpo",
        "product-manager",
        "product-owner",
        "designer",
        "pre-sales-engineer",
        "product-marketing-manager",
        "customer-success",
    } <= roles
    assert [product.metrics != () and product.owner is not None for product in org.products.values()] == [True]


def test_broken_has_exactly_its_structural_damage():
    assert s_findings("broken.yaml") == [
        ("S008", "units.growth", 11, 5),
        ("S009", "units.payments", 12, 5),
        ("S008", "units.payments", 12, 55),
        ("S002", "people.sam", 18, 66),
        ("S001", "people.ivan", 21, 64),
        ("S005", "people.carla", 25, 5),
        ("S003", "people.alex", 37, 5),
    ]


def test_broken_messages_name_people_and_numbers():
    result = lint(["examples/broken.yaml"], select=["S"])
    by_code = {f.code: f.message for f in result.rule_findings}
    assert by_code["S001"] == "reporting cycle of 2 people: Ivan Petrov reports to Jules Martin, who reports to Ivan Petrov"
    assert by_code["S002"] == "Sam Lee (Product Manager) reports to 'pirya', but no person has that id (did you mean 'priya'?)"
    assert (
        by_code["S003"]
        == "person id 'alex' is already defined at line 26 (Alex Kim); this second definition (Alex Moreau) is ignored"
    )
    assert by_code["S005"] == "Carla Diaz (Engineering Manager) has 11 direct reports, more than 10"


def test_examples_exist_where_the_readme_says():
    assert (EXAMPLES / "small-clean.yaml").is_file() and (EXAMPLES / "broken.yaml").is_file()
