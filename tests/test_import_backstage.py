"""The Backstage importer: Group -> unit, User -> person, on Backstage's own example catalog and small cases."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, chart
from orglint.api import lint, lint_text, load_org
from orglint.rule import Severity

ACME = FIXTURES / "realdata" / "backstage-acme"


@pytest.fixture(scope="module")
def acme():
    return load_org([str(ACME)])


def test_acme_units(acme):
    org, _problems = acme
    units = {unit.id: (unit.name, unit.type, unit.parent, unit.lead, unit.function, unit.extra) for unit in org.units.values()}
    assert units == {
        "acme-corp": ("ACME Corp", "company", None, None, None, {"x-backstage-type": "organization"}),
        "infrastructure": (None, "department", "acme-corp", None, None, {}),
        "backstage": ("Backstage", "department", "infrastructure", None, None, {"x-backstage-type": "sub-department"}),
        "boxoffice": ("Box Office", "department", "infrastructure", None, None, {"x-backstage-type": "sub-department"}),
        "team-a": (None, "team", "backstage", None, None, {}),  # no displayName on purpose upstream
        "team-b": ("Team B", "team", "backstage", None, None, {}),
        "team-c": ("Team C", "team", "boxoffice", None, None, {}),
        "team-d": ("Team D", "team", "boxoffice", None, None, {}),
        "team-e": ("Team E With A Very Very Very Very Big Name Size", "team", "boxoffice", None, None, {}),
        "guests": (None, "squad", None, None, None, {}),
    }
    # The only root organization names the org.
    assert org.name == "ACME Corp"


def test_acme_people_and_memberships(acme):
    org, _problems = acme
    people = {
        person.id: (person.name, person.email, person.unit, person.units, person.reports_to) for person in org.people.values()
    }
    team = {
        "team-a": ["breanna.davison", "janelle.dawe", "nigel.manning"],
        "team-b": ["amelia.park", "colette.brock", "jenny.doe", "jonathon.page", "justine.barrow"],
        "team-c": ["calum.leavy", "frank.tiernan", "peadar.macmahon", "sarah.gilroy", "tara.macgovern"],
        "team-d": ["eva.macdowell", "lucy.sheehan"],
    }
    assert len(people) == 17
    for unit_id, ids in team.items():
        for person_id in ids:
            _name, email, unit, units, reports_to = people[person_id]
            assert (unit, units, reports_to) == (unit_id, (), None)
            assert email == person_id.replace(".", "-") + "@example.com"
    assert people["breanna.davison"][0] is None  # no displayName upstream, on purpose
    assert people["janelle.dawe"][0] == "Janelle Dawe"
    # "guest" in the default namespace twice (team-a file and create-app's file) and once in "development":
    # the namespaced one gets its own id, and its full reference group:default/team-a resolves to team-a.
    assert people["development/guest"] == ("Guest User", "guest@example.com", "team-a", (), None)
    # Files are read in sorted order: create-app's guest comes first; the team-a file's guest is a duplicate (S003).
    assert people["guest"] == (None, None, "guests", (), None)
    assert [
        (d.first.file.endswith("create-app-default-org.yaml"), d.second.file.endswith("team-a-group.yaml"), d.second.line)
        for d in org.duplicates
    ] == [(True, True, 51)]
    assert [person.id for person in org.members["team-a"]] == [
        "breanna.davison",
        "janelle.dawe",
        "nigel.manning",
        "development/guest",
    ]
    assert org.members["team-e"] == []


def test_acme_parent_children_disagreement_is_one_warning_with_both_locations(acme):
    _org, problems = acme
    assert [(p.code, p.severity, p.kind, p.subject) for p in problems] == [("E013", Severity.WARNING, "input", "units.team-e")]
    warning = problems[0]
    assert warning.file.endswith("backstage-acme/team-e-big-name-group.yaml")
    assert (warning.line, warning.column) == (12, 11)  # team-e's `parent: boxoffice`
    assert warning.message == (
        "team-e names boxoffice as its parent, but boxoffice's spec.children (team-c, team-d) does not list team-e; "
        "orglint uses the parent boxoffice"
    )
    [related] = warning.related
    assert related.file.endswith("backstage-acme/boxoffice-group.yaml")
    assert (related.line, related.column, related.message) == (13, 13, "boxoffice's spec.children")


def test_acme_locations_point_at_the_entities(acme):
    org, _problems = acme
    janelle = org.people["janelle.dawe"]
    assert janelle.file.endswith("team-a-group.yaml")
    assert (janelle.line, janelle.end_line) == (26, 35)
    assert janelle.location("name").line == 32 and janelle.location("unit").line == 35
    team_e = org.units["team-e"]
    assert (team_e.location("parent").line, team_e.location("parent").column) == (12, 11)


def test_acme_lint_is_not_an_input_error(acme):
    result = lint([str(ACME)])
    assert result.input_errors == []
    assert [p.code for p in result.input_problems] == ["E013"]
    codes = {(f.code, f.subject) for f in result.rule_findings}
    assert ("S003", "people.guest") in codes  # the duplicate guest
    assert ("S009", "units.team-e") in codes  # team-e has nobody


CATALOG = """\
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: product
  annotations:
    orglint.io/lead: user:priya
    orglint.io/function: product
spec:
  type: Business Unit
  profile:
    displayName: Product Management
  children: [growth]
  members: [priya, tom]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: growth
spec:
  type: pod
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: priya
  annotations:
    orglint.io/reports-to: ada
spec:
  profile:
    displayName: Priya Patel
    jobTitle: VP of Product
    email: priya@example.com
  memberOf: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: tom
  annotations:
    example.com/job-title: Product Manager
spec:
  profile:
    displayName: Tom Tran
  memberOf: [Group:Growth]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: website
spec:
  type: website
  owner: growth
"""


def test_children_give_a_parent_and_annotations_give_lead_title_function_reports_to():
    result = lint_text(CATALOG, filename="catalog.yaml", select=[])
    org = result.org
    assert result.input_problems == []
    product, growth = org.units["product"], org.units["growth"]
    assert (product.name, product.type, product.function, product.lead, product.extra) == (
        "Product Management",
        "business-unit",
        "product",
        "priya",
        {"x-backstage-type": "Business Unit"},
    )
    # growth declares no parent; product's spec.children adopts it. "pod" is not a unit type: team, original kept.
    assert (growth.parent, growth.type, growth.extra) == ("product", "team", {"x-backstage-type": "pod"})
    priya, tom = org.people["priya"], org.people["tom"]
    assert (priya.title, priya.reports_to, priya.unit, priya.units, priya.email) == (
        "VP of Product",
        "ada",
        "product",
        (),
        "priya@example.com",
    )
    # memberOf first (kind and name matched case-insensitively), then groups whose spec.members name the user.
    assert (tom.title, tom.unit, tom.units) == ("Product Manager", "growth", ("product",))
    assert "cpo" in priya.roles and "product-manager" in tom.roles
    assert list(org.units) == ["product", "growth"] and list(org.people) == ["priya", "tom"]  # Component skipped


def test_child_naming_another_parent_is_a_warning_at_the_children_listing():
    text = chart(
        """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: eng}
        spec: {type: department, children: [web, mobile]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: sales}
        spec: {type: department, children: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: web}
        spec: {type: team, parent: sales, children: []}
        """
    )
    org, problems = _load(text)
    assert org.units["web"].parent == "sales"  # the group's own spec.parent wins
    assert [(p.code, p.severity, p.subject, p.line, p.column) for p in problems] == [
        ("E013", Severity.WARNING, "units.eng", 4, 37),  # eng lists web, which names sales
        ("E013", Severity.WARNING, "units.eng", 4, 42),  # eng lists mobile, which does not exist
        ("E013", Severity.WARNING, "units.web", 14, 28),  # web names sales, whose children omit it
    ]
    lists_web, lists_mobile, names_sales = problems
    assert lists_web.message == (
        "eng lists web among its children, but web names sales as its parent; orglint uses the parent sales"
    )
    assert [(r.message, r.line, r.column) for r in lists_web.related] == [("web's spec.parent", 14, 28)]
    assert lists_mobile.message == "eng lists mobile among its children, but no Group mobile is defined in the catalog"
    assert names_sales.message == (
        "web names sales as its parent, but sales's spec.children (none) does not list web; orglint uses the parent sales"
    )
    assert [(r.message, r.line) for r in names_sales.related] == [("sales's spec.children", 9)]


def _load(text: str, filename: str = "catalog.yaml"):
    result = lint_text(text, filename=filename, select=[])
    problems = sorted(result.input_problems, key=lambda p: (p.line, p.column))
    return result.org, problems


def test_namespaces_and_references():
    text = chart(
        """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: ops, namespace: Platform}
        spec: {type: squad, parent: group:default/eng, children: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: eng}
        spec: {type: department, children: ["platform/ops"]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: {name: sam, namespace: platform}
        spec: {memberOf: [ops, eng, "default/eng"]}
        """
    )
    org, problems = _load(text)
    assert problems == []
    assert list(org.units) == ["Platform/ops", "eng"]
    assert org.units["Platform/ops"].parent == "eng"
    # Unqualified references mean the holder's namespace (Backstage's rule): "eng" in platform is platform/eng.
    sam = org.people["platform/sam"]
    assert (sam.unit, sam.units) == ("Platform/ops", ("platform/eng", "eng"))


@pytest.mark.parametrize(
    ("spec_type", "unit_type"),
    [
        ("organization", "company"),
        ("department", "department"),
        ("sub-department", "department"),
        ("business_unit", "business-unit"),
        ("team", "team"),
        ("Squad", "squad"),
        ("tribe", "tribe"),
        ("chapter", "chapter"),
        ("guild", "guild"),
        ("platform-team", "platform"),
        ("value stream", "value-stream"),
        ("working-group", "team"),
    ],
)
def test_group_types(spec_type, unit_type):
    org, problems = _load(
        f"apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {{name: g}}\nspec: {{type: {spec_type}, children: []}}\n"
    )
    assert problems == []
    assert org.units["g"].type == unit_type
    assert org.units["g"].extra == ({} if spec_type == unit_type else {"x-backstage-type": spec_type})


def test_broken_entities_are_located_input_errors():
    text = chart(
        """
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: {namespace: x}
        spec: {memberOf: [a]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: {name: bo}
        spec: {memberOf: team-a, profile: {displayName: [Bo]}}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: {name: cy}
        spec: {memberOf: ["component:web", "a/b/c"]}
        ---
        - just a list
        """
    )
    org, problems = _load(text)
    assert [(p.code, p.severity.label, p.line) for p in problems] == [
        ("E013", "error", 3),  # no metadata.name
        ("E004", "error", 9),  # memberOf not a list
        ("E004", "error", 9),  # displayName not a string
        ("E013", "warning", 14),  # a component is not a group
        ("E013", "error", 14),  # not an entity reference
        ("E013", "error", 16),  # a document that is not an entity
    ]
    assert list(org.people) == ["bo", "cy"]
    assert "'a/b/c' is not an entity reference" in problems[4].message


def test_mixed_directory_native_and_backstage(tmp_path):
    (tmp_path / "catalog.yaml").write_text(
        "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: eng}\nspec: {type: department, children: []}\n",
        encoding="utf-8",
    )
    (tmp_path / "org.yaml").write_text(
        "orglint: 1\norg: {name: Mixed}\npeople:\n  - {id: ada, title: CEO}\n  - {id: bo, title: Engineer, reports_to: ada, unit: eng}\n",
        encoding="utf-8",
    )
    (tmp_path / "component.yaml").write_text(
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: web}\nspec: {type: website}\n", encoding="utf-8"
    )
    result = lint([str(tmp_path)], select=["S002"])
    assert result.input_problems == [] and result.rule_findings == []
    assert result.org.name == "Mixed"
    assert [p.id for p in result.org.members["eng"]] == ["bo"]
