"""The README's examples: a clean product-led company, and one chart per anti-pattern family.

examples/product-led.yaml must produce no finding of any severity. Each chart in
examples/anti-patterns/ tells a story in its header comment and must produce exactly the
findings that story names (code, subject and severity), nothing more; applying the fix the
story describes must leave a chart with no findings at all. Each file is linted on its own:
they are separate orgs (linting the folder would merge them into one chart).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import EXAMPLES, ROOT
from orglint.api import lint, lint_text

CLEAN = "examples/product-led.yaml"
ANTI_PATTERNS = EXAMPLES / "anti-patterns"


@pytest.fixture(autouse=True)
def _from_the_repository_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in findings are shown relative to the current directory


def console_script() -> str:
    """The installed `orglint` entry point of the Python running the tests."""
    beside = Path(sys.executable).with_name("orglint")
    found = str(beside) if beside.exists() else shutil.which("orglint")
    assert found, "the orglint console script is not installed"
    return found


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "FORCE_COLOR")}
    env["NO_COLOR"] = "1"
    return subprocess.run([console_script(), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def findings_of(path: str) -> list[tuple[str, str, str]]:
    """Sorted (code, subject, severity) of every finding, with the default rules and settings."""
    result = lint([path])
    assert not result.input_problems, [f"{p.code} {p.line}:{p.column} {p.message}" for p in result.input_problems]
    return sorted((f.code, f.subject, str(f.severity)) for f in result.findings)


# ------------------------------------------------------------------------------------------------
# The clean example: the README's first command.


def test_product_led_example_has_no_findings_at_all():
    result = lint([CLEAN])
    assert [(f.code, f.subject, f.message) for f in result.findings] == []
    assert result.suppressed == [] and result.baselined == []  # clean for real, nothing hidden


def test_product_led_example_passes_through_the_console_script_even_on_infos():
    completed = run_cli("check", CLEAN, "--fail-on", "info")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout == ""
    assert "All checks passed" in completed.stderr


def test_product_led_example_reads_like_a_real_product_led_company():
    org = lint([CLEAN]).org
    assert 30 <= len(org.people) <= 50
    assert org.strategy == "product-led-growth" and org.ceo.id == "helena"
    assert "# orglint: disable" not in (ROOT / CLEAN).read_text()  # clean by design, not by suppression

    # Every function a product-led SaaS company needs has a department with a lead.
    departments = {unit.function: unit for unit in org.units_of_type("department")}
    assert set(departments) == {
        "product",
        "design",
        "data",
        "engineering",
        "marketing",
        "sales",
        "customer-success",
        "finance",
        "legal",
        "people",
    }
    assert all(unit.lead in org.people for unit in departments.values())

    # The product leader has a seat at the CEO's table, apart from the CTO.
    [cpo] = [person for person in org.people.values() if person.holds("cpo")]
    [cto] = [person for person in org.people.values() if person.holds("cto")]
    assert cpo.reports_to == cto.reports_to == org.ceo.id and cpo is not cto

    # The liaisons of product in every department.
    roles = set().union(*(person.roles for person in org.people.values()))
    assert {
        "product-manager",
        "product-owner",
        "designer",
        "data-scientist",
        "pre-sales-engineer",
        "product-marketing-manager",
        "customer-success",
        "support-engineer",
    } <= roles

    # Cross-functional squads around a platform team, with a chapter and a guild across them.
    squads = org.units_of_type("squad")
    assert len(squads) == 3
    for squad in squads:
        members = org.members[squad.id]
        assert any(person.holds("product-manager", "product-owner") for person in members), squad.id
        assert any("engineering" in org.functions_of(person) for person in members), squad.id
        assert any("design" in org.functions_of(person) for person in members), squad.id
    assert len(org.units_of_type("platform")) == 1
    assert len(org.units_of_type("chapter")) == 1 and len(org.units_of_type("guild")) == 1

    [product] = org.products.values()
    assert product.owner == cpo.id and len(product.metrics) >= 3


# ------------------------------------------------------------------------------------------------
# The anti-patterns: each story's findings, exactly.

EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    # Tessa is "CEO & Head of Product" (the CEO holds the product seat: an error); her two PMs each
    # hold a second job: product owner for Ruben, marketer for Carmen.
    "founder-led.yaml": [
        ("R001", "people.tessa", "error"),
        ("R002", "people.ruben", "warning"),
        ("R003", "people.carmen", "warning"),
    ],
    # The VP of Product reports to the CRO in a company that calls itself product-led: no product
    # seat at the CEO's table (L001) and product under sales, an error under a product-* strategy
    # (L003). The product people sit in the Sales department, so there is no product department
    # (F001); seven people in sales and no solutions engineer (F004, info).
    "sales-led.yaml": [
        ("F004", "org", "info"),
        ("L003", "people.julian", "error"),  # L001 and F001 are the same root cause, folded into it
    ],
    # The CPO reports to the CEO, but the platform product director reports to the VP of
    # Engineering (L005) and two PMs report to marketing and sales (L006 each). The technical PM
    # under the platform director is not flagged: she has a product leader above her.
    "scattered-pms.yaml": [
        ("L005", "people.ines", "warning"),
        ("L006", "people.elena", "warning"),
        ("L006", "people.hugo", "warning"),
    ],
    # Two products in two business units (so no G001), but the Pulse GM reports to the Insights GM
    # (G002, on the unit) and the CTO reports through the Insights GM too (G003, on the CTO).
    # The heads of product reporting to their GMs are where a BU structure puts them: no L001.
    "multi-product-bu.yaml": [
        ("G002", "units.pulse-bu", "warning"),
        ("G003", "people.hamid", "warning"),
    ],
    # Fraud has no PM or PO (T001), Payouts has 11 members (T002), Mobile sits outside the tribe
    # (T004), the QA chapter lives in one squad (T005), four squads and no platform team (T006).
    "squads-and-tribes.yaml": [
        ("T001", "units.fraud", "warning"),
        ("T002", "units.payouts", "warning"),
        ("T004", "units.mobile", "info"),
        ("T005", "units.qa-chapter", "info"),
        ("T006", "org", "info"),
    ],
    # Product-led growth with nobody in data, finance or legal (one G005 each; marketing and support
    # exist), and a lone PM with nobody leading product (G008; L001 stays quiet: a single PM
    # reporting to the CEO holds the seat de facto).
    "product-led-growth.yaml": [
        ("G005", "org", "warning"),
        ("G005", "org", "warning"),
        ("G005", "org", "warning"),
        ("G008", "org", "warning"),
    ],
}

# Key facts each finding's message must state: the people, units and numbers of the story.
KEY_PHRASES: dict[str, dict[str, list[str]]] = {
    "founder-led.yaml": {
        "R001": ["Tessa Hale (CEO & Head of Product)", "both the CEO and the chief product officer"],
        "R002": ["Ruben Soto", "both a product manager and a product owner"],
        "R003": ["Carmen Vidal", "both a product manager and a marketer"],
    },
    "sales-led.yaml": {
        "L003": ["Victoria Hale (Chief Revenue Officer), a sales leader", "the org's strategy is product-led"],
        "F004": ["sales has 7 people", "no pre-sales engineer"],
    },
    "scattered-pms.yaml": {
        "L005": ["Inès Lambert (Director of Product Management)", "Viktor Sorensen (VP of Engineering)"],
        "L006": ["Sofia Esposito (Chief Product Officer)"],
    },
    "multi-product-bu.yaml": {
        "G002": ["Paulo Mendes", "business unit Pulse", "Karen Holt", "Ruth Adler"],
        "G003": ["Hamid Rahman (Chief Technology Officer)", "Karen Holt", "business unit Insights"],
    },
    "squads-and-tribes.yaml": {
        "T001": ["squad Fraud (5 members)", "a product manager or product owner"],
        "T002": ["squad Payouts has 11 members, more than 10"],
        "T004": ["squad Mobile", "Engineering (department)", "Payments"],
        "T005": ["chapter QA", "squad Payouts"],
        "T006": ["4 squads and product teams", "no platform team"],
    },
    "product-led-growth.yaml": {
        "G005": ["Sprout follows a product-led-growth strategy"],
        "G008": ["nobody leads the product function"],
    },
}


def test_every_anti_pattern_example_is_tested():
    assert sorted(path.name for path in ANTI_PATTERNS.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_anti_pattern_has_exactly_its_findings(name):
    assert findings_of(f"examples/anti-patterns/{name}") == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_anti_pattern_story_lists_its_findings(name):
    """The header comment's list ("#   L003 error    people.julian  ...") is what orglint reports."""
    header = (ANTI_PATTERNS / name).read_text(encoding="utf-8").split("\norglint: 1", 1)[0]
    listed = re.findall(r"^#\s+([A-Z]\d{3})\s+(error|warning|info)\s+(\S+)", header, flags=re.MULTILINE)
    assert sorted((code, subject, severity) for code, severity, subject in listed) == EXPECTED[name]
    assert f"orglint check examples/anti-patterns/{name}" in header
    assert "How to fix it" in header


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_anti_pattern_messages_name_the_story(name):
    result = lint([f"examples/anti-patterns/{name}"])
    for code, phrases in KEY_PHRASES[name].items():
        messages = [f.message for f in result.findings if f.code == code]
        assert messages, code
        for message in messages:
            for phrase in phrases:
                assert phrase in message, (code, phrase, message)


def test_product_under_sales_is_an_error_only_because_the_strategy_is_product_led():
    text = (ANTI_PATTERNS / "sales-led.yaml").read_text(encoding="utf-8")
    assert "  strategy: product-led\n" in text
    for strategy, severity in (("product-led", "error"), ("service-oriented", "warning"), ("sales-led", "info")):
        result = lint_text(text.replace("  strategy: product-led\n", f"  strategy: {strategy}\n"), filename="sales-led.yaml")
        assert [str(f.severity) for f in result.findings if f.code == "L003"] == [severity]


def test_the_sales_led_example_reports_its_root_cause_once():
    # Moving Julian under the CEO with a product department is one fix: L001 (no seat) and F001 (no
    # product department) are folded into L003 as related notes, where they are still shown.
    result = lint(["examples/anti-patterns/sales-led.yaml"])
    [finding] = [f for f in result.findings if f.code == "L003"]
    folded = sorted(r.message.split(" folded in: ")[0] for r in finding.related if " folded in: " in r.message)
    assert folded == ["F001", "L001"]
    assert not [f for f in result.findings if f.code in ("L001", "F001")]


def test_plg_findings_name_each_missing_capability_once():
    result = lint(["examples/anti-patterns/product-led-growth.yaml"])
    missing = sorted(re.search(r"with nobody in (\w+):", f.message).group(1) for f in result.findings if f.code == "G005")
    assert missing == ["data", "finance", "legal"]


def test_scattered_pms_are_flagged_where_they_report():
    result = lint(["examples/anti-patterns/scattered-pms.yaml"])
    where = sorted(f.message.split(", outside")[0] for f in result.findings if f.code == "L006")
    assert where == [
        "Elena Popescu (Senior Product Manager) reports to Tom Becker (VP of Sales)",
        "Hugo Martin (Growth Product Manager) reports to Rachel Green (VP of Marketing)",
    ]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_anti_pattern_through_the_console_script(name):
    completed = run_cli("check", f"examples/anti-patterns/{name}", "--format", "concise")
    assert completed.returncode == 1  # every story has at least one warning (the default --fail-on)
    reported = sorted(re.match(r"^\S+:\d+:\d+: ([A-Z]\d{3}) \[(\w+)\] ", line).groups() for line in completed.stdout.splitlines())
    assert reported == sorted((code, severity) for code, _, severity in EXPECTED[name])


# ------------------------------------------------------------------------------------------------
# The fixes the stories describe leave charts with no findings at all.

FIXES: dict[str, list[tuple[str, str]]] = {
    # A VP of Product for the PMs to report to; Tessa keeps the company. Ruben is a PM, with a product
    # owner beside him for the backlog; Carmen is a PM, with a product marketing manager for launches.
    "founder-led.yaml": [
        (
            "title: CEO & Head of Product, unit: product}",
            "title: CEO & Co-founder}\n"
            "  - {id: vera, name: Vera Lindahl, title: VP of Product, reports_to: tessa, unit: product}",
        ),
        ("lead: tessa}", "lead: vera}"),
        ("owner: tessa", "owner: vera"),
        ("title: Product Manager / Product Owner, reports_to: tessa", "title: Product Manager, reports_to: vera"),
        ("title: Product & Marketing Manager, reports_to: tessa", "title: Product Manager, reports_to: vera"),
        ("title: Product Designer, reports_to: tessa", "title: Product Designer, reports_to: vera"),
        (
            "  - {id: rosa,",
            "  - {id: jo, name: Jo Kim, title: Product Owner, reports_to: vera, unit: product}\n"
            "  - {id: lou, name: Lou Perrin, title: Product Marketing Manager, reports_to: tessa}\n"
            "  - {id: rosa,",
        ),
    ],
    # Julian and his PMs move to a Product department and he reports to the CEO; a solutions engineer
    # joins sales.
    "sales-led.yaml": [
        (
            "  - {id: sales, name: Sales,",
            "  - {id: product, name: Product, type: department, function: product, lead: julian}\n  - {id: sales, name: Sales,",
        ),
        ("title: VP of Product, reports_to: victoria, unit: sales", "title: VP of Product, reports_to: robert, unit: product"),
        (
            "title: Senior Product Manager, reports_to: julian, unit: sales",
            "title: Senior Product Manager, reports_to: julian, unit: product",
        ),
        ("title: Product Manager, reports_to: julian, unit: sales", "title: Product Manager, reports_to: julian, unit: product"),
        (
            "  - {id: ana,",
            "  - {id: sven, name: Sven Holm, title: Solutions Engineer, reports_to: victoria, unit: sales}\n  - {id: ana,",
        ),
    ],
    # Everyone in product reports into the CPO's department, with dotted lines to their old managers.
    "scattered-pms.yaml": [
        (
            "title: Director of Product Management, reports_to: viktor, unit: engineering",
            "title: Director of Product Management, reports_to: sofia, unit: product, dotted_to: [viktor]",
        ),
        ("reports_to: ines, unit: engineering", "reports_to: ines, unit: product"),
        (
            "title: Growth Product Manager, reports_to: rachel, unit: marketing",
            "title: Growth Product Manager, reports_to: sofia, unit: product, dotted_to: [rachel]",
        ),
        (
            "title: Senior Product Manager, reports_to: tom, unit: sales",
            "title: Senior Product Manager, reports_to: sofia, unit: product, dotted_to: [tom]",
        ),
    ],
    # Paulo and Hamid report to the CEO, beside Karen.
    "multi-product-bu.yaml": [
        ('title: "General Manager, Pulse", reports_to: karen', 'title: "General Manager, Pulse", reports_to: ruth'),
        ("title: Chief Technology Officer, reports_to: karen", "title: Chief Technology Officer, reports_to: ruth"),
    ],
    # Fraud gets a product owner; Payouts splits off a Reconciliation squad with its own product owner;
    # Mobile joins the tribe; the QA chapter spans two squads; the SREs form a platform team.
    "squads-and-tribes.yaml": [
        ("  - {id: eva,", "  - {id: zara, name: Zara Ali, title: Product Owner, reports_to: clara, unit: fraud}\n  - {id: eva,"),
        (
            "  - {id: mobile, name: Mobile, type: squad, lead: leon, parent: engineering,",
            "  - {id: reconciliation, name: Reconciliation, type: squad, lead: rosa, parent: payments-tribe, products: [paystream]}\n"
            "  - {id: mobile, name: Mobile, type: squad, lead: leon, parent: payments-tribe,",
        ),
        (
            "  - {id: leon,",
            "  - {id: rosa, name: Rosa Klein, title: Product Owner, reports_to: clara, unit: reconciliation}\n  - {id: leon,",
        ),
        (
            "title: QA Engineer, reports_to: omar, unit: payouts, units: [qa-chapter]}\n  - {id: quinn",
            "title: QA Engineer, reports_to: omar, unit: reconciliation, units: [qa-chapter]}\n  - {id: quinn",
        ),
        (
            "title: Data Engineer, reports_to: omar, unit: payouts}",
            "title: Data Engineer, reports_to: omar, unit: reconciliation}",
        ),
        (
            "title: Backend Engineer, reports_to: omar, unit: payouts}\n  - {id: kira",
            "title: Backend Engineer, reports_to: omar, unit: reconciliation}\n  - {id: kira",
        ),
        (
            "  - {id: qa-chapter,",
            "  - {id: platform, name: Platform, type: platform, lead: nico, parent: engineering}\n  - {id: qa-chapter,",
        ),
        (
            "title: Site Reliability Engineer, reports_to: rita, unit: fraud}",
            "title: Site Reliability Engineer, reports_to: james, unit: platform}",
        ),
        (
            "title: Site Reliability Engineer, reports_to: omar, unit: payouts}",
            "title: Site Reliability Engineer, reports_to: james, unit: platform}",
        ),
    ],
    # A VP of Product above Wiebke; a data analyst, a pricing analyst and legal counsel.
    "product-led-growth.yaml": [
        (
            "title: Product Manager, reports_to: lars",
            "title: Product Manager, reports_to: vic}\n  - {id: vic, name: Vic Duarte, title: VP of Product, reports_to: lars",
        ),
        (
            "  - {id: kofi,",
            "  - {id: lena, name: Lena Brandt, title: Data Analyst, reports_to: vic}\n"
            "  - {id: max, name: Max Ortiz, title: Pricing Analyst, reports_to: lars}\n"
            "  - {id: nour, name: Nour Salem, title: Legal Counsel, reports_to: lars}\n"
            "  - {id: kofi,",
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_fix_the_story_describes_leaves_no_findings(name):
    text = (ANTI_PATTERNS / name).read_text(encoding="utf-8")
    for old, new in FIXES[name]:
        assert text.count(old) == 1, f"{name}: {old!r} should occur once"
        text = text.replace(old, new)
    result = lint_text(text, filename=name)
    assert [(f.code, f.subject, f.message) for f in result.findings] == []
