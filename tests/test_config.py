"""Configuration: discovery, precedence, selection, severities, options, extends, ignores, plugins, schema."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from unittest import mock

import jsonschema
import pytest
import yaml

from orglint.api import default_rules, lint
from orglint.config import KEYS, ConfigError, config_schema, discover, find_config, load_config, resolve
from orglint.session import open_session

# Ada is CEO and CPO (R001, error) with five reports (S005 fires when max < 5); Grace is CTO and CPO
# (R004, info); Linus reports to an unknown id (S002, error).
CHART = textwrap.dedent(
    """\
    orglint: 1
    org:
      name: Acme Analytics
    people:
      - {id: ada, name: Ada Byron, title: CEO & Chief Product Officer}
      - {id: grace, name: Grace Hopper, title: CTO & Chief Product Officer, reports_to: ada}
      - {id: bo, name: Bo Lind, title: VP Sales, reports_to: ada}
      - {id: cy, name: Cy Young, title: VP Marketing, reports_to: ada}
      - {id: di, name: Di Ross, title: VP Support, reports_to: ada}
      - {id: ed, name: Ed Moss, title: CFO, reports_to: ada}
      - {id: linus, name: Linus Berg, title: Software Engineer, reports_to: gracie}
    """
)
CORE = "R001,R004,S002,S005,X001,X002"


def orglint(capsys, *args: str) -> tuple[int, str, str]:
    """Run the console entry point in-process: (exit code, stdout, stderr)."""
    from orglint.cli import main

    with mock.patch.object(sys, "argv", ["orglint", *args]), mock.patch.dict("os.environ", {"GITHUB_ACTIONS": ""}):
        with pytest.raises(SystemExit) as done:
            main()
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def found(capsys, *args: str) -> tuple[int, list[tuple[str, str, str]]]:
    """Exit code and (code, subject, severity) of every finding, from JSON output."""
    code, out, err = orglint(capsys, "check", "org.yaml", "--format", "json", *args)
    assert code in (0, 1), err
    return code, [(f["code"], f["subject"], f["severity"]) for f in json.loads(out)]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository with the chart at its root, the current directory there."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "org.yaml").write_text(CHART)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


# --- discovery ----------------------------------------------------------------------------


def test_no_config_runs_every_rule_at_its_default(repo, capsys):
    assert found(capsys, "--select", CORE) == (
        1,
        [("R001", "people.ada", "error"), ("R004", "people.grace", "info"), ("S002", "people.linus", "error")],
    )


def test_config_is_found_in_a_parent_folder(repo, capsys, monkeypatch):
    write(repo / ".orglint.yaml", "select: [S005, S002]\noptions: {S005: {max: 4}}\n")
    (repo / "team").mkdir()
    (repo / "team" / "org.yaml").write_text(CHART)
    monkeypatch.chdir(repo / "team")
    assert find_config() == repo / ".orglint.yaml"
    assert found(capsys)[1] == [("S005", "people.ada", "warning"), ("S002", "people.linus", "error")]


def test_discovery_stops_at_the_repository_root(tmp_path, monkeypatch):
    write(tmp_path / ".orglint.yaml", "ignore: [ALL]\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "repo" / "sub")
    assert find_config() is None
    assert discover().layers == []
    monkeypatch.chdir(tmp_path)
    assert find_config() == tmp_path / ".orglint.yaml"


def test_pyproject_table_is_found_and_plain_pyproject_skipped(repo, capsys, monkeypatch):
    write(repo / "pyproject.toml", "[tool.orglint]\nselect = ['R004']\nseverity = { R004 = 'error' }\n")
    (repo / "app").mkdir()
    write(repo / "app" / "pyproject.toml", "[project]\nname = 'app'\n[project.scripts]\norglint = 'x:y'\n")
    (repo / "app" / "org.yaml").write_text(CHART)
    monkeypatch.chdir(repo / "app")
    assert find_config() == repo / "pyproject.toml"
    assert found(capsys)[1] == [("R004", "people.grace", "error")]


def test_pyproject_is_read_with_tomli_where_there_is_no_tomllib(repo, monkeypatch):
    # Python 3.10: tomllib is missing and the backport tomli (a dependency there) reads the table.
    import tomli

    monkeypatch.setitem(sys.modules, "tomllib", None)  # import tomllib now raises ModuleNotFoundError
    loads = mock.Mock(wraps=tomli.loads)
    monkeypatch.setattr(tomli, "loads", loads)
    write(repo / "pyproject.toml", "[tool.orglint]\nselect = ['R004']\n")
    assert load_config(repo / "pyproject.toml").layers[0].select is not None
    assert loads.called


def test_tomli_is_declared_for_python_before_3_11():
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert """"tomli>=1.1; python_version < '3.11'",""" in pyproject


def test_orglint_yaml_wins_over_pyproject_in_the_same_folder(repo):
    write(repo / "pyproject.toml", "[tool.orglint]\nselect = ['R004']\n")
    write(repo / ".orglint.yml", "select: [R001]\n")
    assert find_config() == repo / ".orglint.yml"
    write(repo / ".orglint.yaml", "select: [R001]\n")
    with pytest.raises(ConfigError, match="keep one"):
        find_config()


def test_explicit_config_in_either_form(repo, capsys):
    write(repo / "ci" / "lint.yaml", "select: [R004]\n")
    write(repo / "ci" / "pyproject.toml", "[tool.orglint]\nselect = ['S002']\n")
    write(repo / ".orglint.yaml", "select: [R001]\n")
    assert found(capsys, "--config", "ci/lint.yaml")[1] == [("R004", "people.grace", "info")]
    assert found(capsys, "--config", "ci/pyproject.toml")[1] == [("S002", "people.linus", "error")]
    assert found(capsys)[1] == [("R001", "people.ada", "error")]


def test_isolated_ignores_the_config_and_its_plugins(repo, capsys):
    write(repo / "local_rules" / "q001.py", PLUGIN)
    write(repo / ".orglint.yaml", "plugins: [local_rules]\nselect: [Q001]\n")
    assert found(capsys)[1] == [("Q001", "people.ada", "warning")]
    assert ("Q001", "people.ada", "warning") not in found(capsys, "--isolated")[1]
    code, _, err = orglint(capsys, "check", "org.yaml", "--isolated", "--select", "Q001")
    assert code == 2 and "no rule matches 'Q001'" in err


PLUGIN = '''\
"""
## What it does
Flags the CEO.

## Why is this bad?
It is a test.
"""
from orglint import rule


@rule(code="Q001", name="flag-the-ceo", severity="warning")
def check(org, options):
    if org.ceo is not None:
        yield org.finding(org.ceo, "the CEO")
'''


# --- precedence and selection ---------------------------------------------------------------


def test_command_line_beats_the_file(repo, capsys):
    write(repo / ".orglint.yaml", "select: [S002]\nfail-on: error\n")
    assert found(capsys, "--select", "R004")[1] == [("R004", "people.grace", "info")]
    # fail-on from the file: info findings do not fail...
    code, _, _ = orglint(capsys, "check", "org.yaml", "--select", "R004", "-q")
    assert code == 0
    # ... unless the command line says so.
    code, _, _ = orglint(capsys, "check", "org.yaml", "--select", "R004", "--fail-on", "info", "-q")
    assert code == 1


def test_command_line_ignore_removes_from_the_files_selection(repo, capsys):
    write(repo / ".orglint.yaml", "select: [R001, S002]\n")
    assert found(capsys, "--ignore", "S")[1] == [("R001", "people.ada", "error")]


def test_select_and_ignore_by_name_code_and_prefix(repo, capsys):
    write(repo / ".orglint.yaml", "select: [ceo-is-cpo, S00]\nignore: [span-of-control, S001, S003, S004]\n")
    assert found(capsys)[1] == [("R001", "people.ada", "error"), ("S002", "people.linus", "error")]


def test_comma_separated_string_selectors(repo, capsys):
    write(repo / ".orglint.yaml", "select: R001, unknown-reference\n")
    assert found(capsys)[1] == [("R001", "people.ada", "error"), ("S002", "people.linus", "error")]


# --- severity and options --------------------------------------------------------------------


def test_severity_overrides_most_specific_wins(repo, capsys):
    write(
        repo / ".orglint.yaml",
        """\
        select: [R001, R004, S002, S005]
        severity:
          R: warning          # every R rule ...
          cto-is-cpo: error   # ... but this one (more specific, whatever the order)
          S002: off           # not run at all
        options:
          span-of-control: {max: 4}
        """,
    )
    assert found(capsys)[1] == [
        ("S005", "people.ada", "warning"),
        ("R001", "people.ada", "warning"),
        ("R004", "people.grace", "error"),
    ]


def test_option_override_changes_behaviour(repo, capsys):
    write(repo / ".orglint.yaml", "select: [S005]\noptions:\n  S005:\n    max: 5\n")
    assert found(capsys)[1] == []
    write(repo / ".orglint.yaml", "select: [S005]\noptions:\n  span-of-control:\n    max: 4\n")
    assert found(capsys)[1] == [("S005", "people.ada", "warning")]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            "options:\n  span-of-control:\n    maxx: 4\n",
            ".orglint.yaml:3: options.span-of-control: rule S005 (span-of-control) has no option 'maxx' "
            "(did you mean 'max'?); its options: max",
        ),
        (
            "options:\n  S005:\n    max: four\n",
            ".orglint.yaml:3: options.S005.max: invalid value for option 'max' of rule S005 (span-of-control): "
            "expected a whole number, got str 'four'",
        ),
        (
            "options:\n  S005:\n    max: 0\n",
            "options.S005.max: invalid value for option 'max' of rule S005 (span-of-control): must be at least 1",
        ),
        ("options:\n  R001:\n    max: 4\n", "rule R001 (ceo-is-cpo) has no options, so 'max' cannot be set"),
        ("options:\n  S:\n    max: 4\n", "options: 'S' names"),
        ("ignores: [S005]\n", ".orglint.yaml:1: unknown key 'ignores' (did you mean 'ignore'?)"),
        ("severity:\n  S005: warn\n", ".orglint.yaml:2: severity.S005: unknown severity 'warn' (did you mean 'warning'?)"),
        ("fail-on: never\n", ".orglint.yaml:1: fail-on: unknown level the string 'never'"),
        ("select: 5\n", ".orglint.yaml:1: select: expected a list of rule codes, prefixes or names, got the number 5"),
        ("select: [R001, 7]\n", "select: expected a rule code, prefix or name, got the number 7"),
        ("- R001\n", ".orglint.yaml: the config must be a mapping of keys"),
        ("select: [R001\n", ".orglint.yaml:2: invalid YAML"),
        ("select: [R001]\nselect: [S002]\n", ".orglint.yaml:2: duplicate key 'select' (first on line 1)"),
        ("plugins: [nowhere]\n", "plugins: folder 'nowhere' does not exist"),
        ("extends: strcit\n", "extends: 'strcit' is neither a preset (recommended, strict) (did you mean 'strict'?)"),
        ("baseline: 3\n", "baseline: expected the path of a baseline file"),
    ],
)
def test_invalid_config_is_exit_2_naming_file_and_key(repo, capsys, config, expected):
    write(repo / ".orglint.yaml", config)
    code, out, err = orglint(capsys, "check", "org.yaml")
    assert code == 2
    assert out == ""
    assert err.startswith("orglint: error: ") and expected in err, err


def test_invalid_toml_names_the_file(repo, capsys):
    write(repo / "pyproject.toml", "[tool.orglint]\nselect = [\n")
    code, _, err = orglint(capsys, "check", "org.yaml")
    assert code == 2 and "pyproject.toml: invalid TOML" in err


def test_toml_errors_name_the_line(repo, capsys):
    write(repo / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.orglint.options.span-of-control]\nmaxx = 3\n")
    code, _, err = orglint(capsys, "check", "org.yaml")
    assert code == 2 and "pyproject.toml:5: options.span-of-control: rule S005 (span-of-control) has no option 'maxx'" in err


def test_missing_explicit_config(repo, capsys):
    code, _, err = orglint(capsys, "check", "org.yaml", "--config", "nope.yaml")
    assert code == 2 and "nope.yaml: config file not found" in err


def test_unknown_rules_in_config_are_x002_not_errors(repo, capsys):
    write(repo / ".orglint.yaml", "select: [R001, X002]\nignore: [T099]\nseverity:\n  ceo-as-cpo: info\n")
    code, out, _ = orglint(capsys, "check", "org.yaml", "--format", "json")
    assert code == 1
    x002 = [(f["subject"], f["file"], f["line"], f["column"], f["message"]) for f in json.loads(out) if f["code"] == "X002"]
    assert x002 == [
        (
            "config",
            ".orglint.yaml",
            2,
            10,
            "ignore names 'T099', which no loaded rule has; "
            "if a plugin provides it, install the plugin or name its folder in plugins:",
        ),
        ("config", ".orglint.yaml", 4, 3, "severity names 'ceo-as-cpo', which no loaded rule has (did you mean 'ceo-is-cpo'?)"),
    ]


# --- presets and extends ----------------------------------------------------------------------


def test_strict_raises_info_to_warning_unless_set_explicitly(repo, capsys):
    write(repo / ".orglint.yaml", "extends: strict\nselect: [R004, S002]\n")
    assert found(capsys)[1] == [("R004", "people.grace", "warning"), ("S002", "people.linus", "error")]
    write(repo / ".orglint.yaml", "extends: strict\nselect: [R004]\nseverity: {R004: info}\n")
    assert found(capsys)[1] == [("R004", "people.grace", "info")]


def test_extends_chain_layers_apply_in_order(repo, capsys):
    write(
        repo / "shared" / "base.yaml",
        """\
        extends: strict
        select: [R, S002, S005]
        ignore: [R001]
        options: {span-of-control: {max: 4}}
        fail-on: error
        """,
    )
    write(repo / "shared" / "team.yaml", "extends: base.yaml\nignore: [S002]\n")
    write(repo / ".orglint.yaml", "extends: shared/team.yaml\nseverity: {S005: error}\n")
    config = load_config(repo / ".orglint.yaml")
    assert config.preset == "strict"
    assert config.files == ["shared/base.yaml", "shared/team.yaml", ".orglint.yaml"]
    assert config.fail_on == "error"
    # R001 ignored by the base, S002 by the team file; R004 raised by strict; S005 tuned and raised.
    assert found(capsys)[1] == [("S005", "people.ada", "error"), ("R004", "people.grace", "warning")]


def test_extends_cycle_is_an_error(repo, capsys):
    write(repo / "a.yaml", "extends: b.yaml\n")
    write(repo / "b.yaml", "extends: a.yaml\n")
    code, _, err = orglint(capsys, "check", "org.yaml", "--config", "a.yaml")
    assert code == 2 and "extends: cycle: a.yaml -> b.yaml -> a.yaml" in err


def test_extends_missing_file(repo, capsys):
    # (A path outside the repository is refused before it is looked at: tests/test_security_config.py.)
    write(repo / ".orglint.yaml", "extends: shared/base.yaml\n")
    code, _, err = orglint(capsys, "check", "org.yaml")
    assert code == 2 and ".orglint.yaml:1: extends: 'shared/base.yaml' is neither a preset" in err


# --- per-file and per-subject ignores ----------------------------------------------------------


def test_per_file_ignores(repo, capsys):
    (repo / "org.yaml").unlink()
    (repo / "charts" / "legacy").mkdir(parents=True)
    (repo / "charts" / "legacy" / "acquired.yaml").write_text(
        "orglint: 1\npeople:\n  - {id: zed, name: Zed, title: Engineer, reports_to: nobody}\n"
    )
    (repo / "charts" / "main.yaml").write_text(
        "orglint: 1\npeople:\n  - {id: ada, name: Ada, title: CEO}\n  - {id: bea, name: Bea, title: Engineer, reports_to: adaa}\n"
    )
    write(repo / ".orglint.yaml", "select: [S002]\nper-file-ignores:\n  'charts/legacy/**': [unknown-reference]\n")
    _code, out, _ = orglint(capsys, "check", "charts", "--format", "json")
    assert [(f["code"], f["subject"], f["file"]) for f in json.loads(out)] == [("S002", "people.bea", "charts/main.yaml")]
    # A pattern without a slash matches the file name in any folder.
    write(repo / ".orglint.yaml", "select: [S002]\nper-file-ignores:\n  'main.yaml': [S]\n")
    _code, out, _ = orglint(capsys, "check", "charts", "--format", "json")
    assert [(f["code"], f["subject"]) for f in json.loads(out)] == [("S002", "people.zed")]


def test_per_file_ignores_are_relative_to_the_config_file(repo, capsys, monkeypatch):
    write(repo / ".orglint.yaml", "select: [R001, S002]\nper-file-ignores:\n  'team/*.yaml': [S002]\n")
    (repo / "team").mkdir()
    (repo / "team" / "org.yaml").write_text(CHART)
    monkeypatch.chdir(repo / "team")
    assert found(capsys)[1] == [("R001", "people.ada", "error")]


def test_per_subject_ignores(repo, capsys):
    write(
        repo / ".orglint.yaml",
        """\
        select: [R001, R004, S002]
        per-subject-ignores:
          people.ada: [R001]          # founder-led until the first product hire
          "people.l*": [unknown-reference]
          people.grace: [S002]        # does not cover R004
        """,
    )
    assert found(capsys)[1] == [("R004", "people.grace", "info")]


# --- the rules command -------------------------------------------------------------------------


def test_rules_command_shows_the_configured_state(repo, capsys):
    write(repo / ".orglint.yaml", "extends: strict\nignore: [S005]\nseverity: {R001: warning}\n")
    code, out, _ = orglint(capsys, "rules", "--format", "json")
    assert code == 0
    rows = {row["code"]: (row["enabled"], row["severity"]) for row in json.loads(out)}
    assert rows["S005"] == (False, "warning")
    assert rows["R001"] == (True, "warning")
    assert rows["R004"] == (True, "warning")  # info raised by strict
    assert rows["S002"] == (True, "error")
    code, out, _ = orglint(capsys, "rules", "--format", "json", "--isolated")
    rows = {row["code"]: (row["enabled"], row["severity"]) for row in json.loads(out)}
    assert rows["S005"] == (True, "warning") and rows["R004"] == (True, "info")


def test_rules_command_shows_the_configured_option_values(repo, capsys):
    write(repo / ".orglint.yaml", "options: {S005: {max: 12}}\n")
    code, out, _ = orglint(capsys, "rules", "--format", "json")
    assert code == 0
    rows = {row["code"]: row for row in json.loads(out)}
    assert rows["S005"]["options"]["max"]["default"] == 10
    assert rows["S005"]["options"]["max"]["value"] == 12  # the value a check would use
    code, out, _ = orglint(capsys, "rules", "--format", "json", "--isolated")
    assert {row["code"]: row for row in json.loads(out)}["S005"]["options"]["max"]["value"] == 10


def test_session_api(repo):
    write(repo / ".orglint.yaml", "select: [R001]\nfail-on: info\n")
    session = open_session()
    assert [rule.code for rule in session.rules] == ["R001"]
    assert str(session.fail_on) == "info"
    assert [(f.code, f.subject) for f in lint(["org.yaml"], session=session).rule_findings] == [("R001", "people.ada")]
    with pytest.raises(TypeError, match="not both"):
        lint(["org.yaml"], session=session, select=["S"])  # the session already decided the selection


# --- the JSON Schema -----------------------------------------------------------------------------

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "orglint" / "data" / "config.schema.json"

VALID = [
    "{}",
    "extends: recommended",
    """\
    extends: ../shared/.orglint.yaml
    select: [S, R, L, ceo-is-cpo]
    ignore: T006, S006
    severity:
      ALL: warning
      R001: error
      manager-of-one: off
    options:
      span-of-control: {max: 8}
      S007: {max-depth: 7}
      Q001: {anything: [1, 2]}       # a plugin rule: not known to the schema
    per-file-ignores:
      "imports/**/*.csv": [S002, S003]
      legacy.yaml: S
    per-subject-ignores:
      people.ana: [R001]
      units.*: [T002]
    plugins: [org-rules]
    fail-on: error
    baseline: .orglint-baseline.json
    """,
]
INVALID = [
    "ignores: [S005]",
    "severity: {R001: warn}",
    "options: {span-of-control: {maxx: 8}}",
    "options: {span-of-control: {max: eight}}",
    "fail-on: never",
    "select: [1]",
    "plugins: 3",
]


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA_FILE.read_text())


def test_the_shipped_schema_is_current(schema):
    assert schema == config_schema(default_rules()), "regenerate it: python -m orglint.config > orglint/data/config.schema.json"
    jsonschema.Draft7Validator.check_schema(schema)
    assert set(schema["properties"]) == set(KEYS)


@pytest.mark.parametrize("text", VALID)
def test_valid_examples_pass_the_schema_and_the_loader(schema, text, tmp_path, monkeypatch):
    data = yaml.safe_load(textwrap.dedent(text))
    jsonschema.validate(data, schema)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org-rules").mkdir()
    (tmp_path / "shared").mkdir()
    write(tmp_path / "shared" / ".orglint.yaml", "{}\n")
    write(tmp_path / "proj" / ".orglint.yaml", text)
    (tmp_path / "proj" / "org-rules").mkdir()
    resolve(load_config(tmp_path / "proj" / ".orglint.yaml"), default_rules())


@pytest.mark.parametrize("text", INVALID)
def test_invalid_examples_fail_the_schema_and_the_loader(schema, text, tmp_path):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(text), schema)
    write(tmp_path / ".orglint.yaml", text + "\n")
    with pytest.raises(ConfigError):
        resolve(load_config(tmp_path / ".orglint.yaml"), default_rules())


def test_the_starter_config_is_valid(schema, tmp_path):
    from orglint.starter import STARTER_CONFIG

    jsonschema.validate(yaml.safe_load(STARTER_CONFIG) or {}, schema)
    write(tmp_path / ".orglint.yaml", STARTER_CONFIG)
    resolve(load_config(tmp_path / ".orglint.yaml"), default_rules())
