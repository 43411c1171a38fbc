"""Plugins are isolated: a broken rule or rule pack names itself, never takes the run down, and
no code from a linted repository runs unless the user names its folder.

* a rule that raises (or calls sys.exit, or yields what is not a finding) becomes an E100
  finding naming the rule (code, name, origin); every other rule still runs; exit 2;
* a rule module or an installed pack (entry point) that fails to import: exit 2 and a
  message naming the module or the pack, no traceback;
* a rules folder is loaded only when named (``--rules-dir`` or the config's ``plugins:``),
  and ``--isolated`` ignores the config's ``plugins:``;
* installed packs are discovered once per process (importlib.metadata reads every
  installed distribution's metadata to find them).

The runs go through ``orglint.cli.main`` in-process; an exception escaping it fails the test.
"""

from __future__ import annotations

import io
import json
import sys
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import orglint.plugins
from orglint.cli import main

# Ada is CEO and CPO (R001, a built-in rule, fires); nobody has an email (Q902 fires for both).
CHART = textwrap.dedent(
    """\
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO & Chief Product Officer}
      - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
    """
)

HEADER = '''\
"""
## What it does
A test rule.

## Why is this bad?
It is a test.
"""
from orglint import rule
'''

WORKING_RULE = """

@rule(code="Q902", name="no-email", severity="warning")
def no_email(org, options):
    for person in org.people.values():
        if not person.email:
            yield org.finding(person, f"{person.display} has no email")
"""


def crashing_rule(body: str, code: str = "Q901", name: str = "boom-rule") -> str:
    return f'''

@rule(code="{code}", name="{name}", severity="warning")
def check(org, options):
{textwrap.indent(textwrap.dedent(body), "    ")}
'''


def run_cli(*args: str) -> tuple[int, str, str]:
    """``orglint ARGS`` in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, sys.stdout, sys.stderr
    sys.argv, sys.stdout, sys.stderr = ["orglint", *args], out, err
    code: object = 0
    try:
        main()
    except SystemExit as done:
        code = done.code
    finally:
        sys.argv, sys.stdout, sys.stderr = saved
    assert isinstance(code, int), code
    return code, out.getvalue(), err.getvalue()


def no_traceback(*texts: str) -> None:
    for text in texts:
        assert "Traceback" not in text, text
        assert "internal error" not in text, text


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository holding the chart, the current directory there."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "org.yaml").write_text(CHART, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ORGLINT_DEBUG", raising=False)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check_json(*args: str) -> tuple[int, list[dict], str]:
    code, out, err = run_cli("check", "org.yaml", "--format", "json", *args)
    no_traceback(out, err)
    return code, json.loads(out), err


def codes(findings: list[dict]) -> list[tuple[str, str]]:
    return sorted((finding["code"], finding["subject"]) for finding in findings)


# ----------------------------------------------------------------------------- a crashing rule


def test_a_rule_that_raises_is_an_e100_naming_it_and_the_other_rules_still_run(repo):
    write(repo / "plugins" / "crashy.py", HEADER + crashing_rule('raise ZeroDivisionError("boom")\nyield') + WORKING_RULE)
    code, findings, _err = check_json("--rules-dir", "plugins")
    assert code == 2
    crashes = [finding for finding in findings if finding["code"] == "E100"]
    assert len(crashes) == 1
    crash = crashes[0]
    assert crash["name"] == "rule-crashed" and crash["kind"] == "internal" and crash["severity"] == "error"
    assert crash["subject"] == "Q901"
    message = crash["message"]
    assert message.startswith("rule Q901 (boom-rule) from orglint_local_rules.")  # code, name, origin
    assert ".crashy crashed: ZeroDivisionError: boom at " in message
    assert f"{repo / 'plugins' / 'crashy.py'}:" in message  # where, in the plugin's own file
    # The built-in rules and the plugin's other rule still ran.
    assert ("R001", "people.ada") in codes(findings)
    assert [subject for code_, subject in codes(findings) if code_ == "Q902"] == ["people.ada", "people.bob"]


def test_a_crashing_rule_in_text_output_has_no_traceback(repo):
    write(repo / "plugins" / "crashy.py", HEADER + crashing_rule("return {}['missing']"))
    code, out, err = run_cli("check", "org.yaml", "--rules-dir", "plugins", "--color", "never")
    no_traceback(out, err)
    assert code == 2
    assert "E100" in out and "rule Q901 (boom-rule)" in out and "KeyError: 'missing'" in out
    assert "R001" in out
    assert err.strip().startswith("Found 2 problems (2 errors)")


def test_a_rule_that_fails_after_yielding_reports_none_of_its_findings(repo):
    body = "yield org.finding(org.ceo, 'half a result')\nraise RuntimeError('late')"
    write(repo / "plugins" / "late.py", HEADER + crashing_rule(body))
    code, findings, _ = check_json("--rules-dir", "plugins")
    assert code == 2
    assert "half a result" not in json.dumps(findings)
    assert [f["message"].split(" crashed: ")[1].split(" at ")[0] for f in findings if f["code"] == "E100"] == [
        "RuntimeError: late"
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # sys.exit() in a rule used to end the run with exit 0 and no output at all.
        ("import sys\nsys.exit(0)\nyield", "crashed: SystemExit: 0 at "),
        ("yield 'not a finding'", "crashed: InvalidFinding: it yielded str 'not a finding', not a Finding (use org.finding())"),
        # A finding the reports cannot show used to crash the github, junit and html formats.
        (
            "from orglint import Finding\n"
            "yield Finding(code='Q', name='q', severity=None, message=None, subject='', file=None, line='x', column=None)",
            "crashed: InvalidFinding: it yielded a finding whose line is 'x', not a whole number from 1",
        ),
        ("yield org.finding('nobody', 'who?')", "crashed: AttributeError: "),
        ("return None", "crashed: TypeError: 'NoneType' object is not iterable"),
    ],
    ids=["sys-exit", "yields-a-string", "malformed-finding", "unknown-subject", "returns-none"],
)
def test_misbehaving_rules_are_e100_too(repo, body, expected):
    write(repo / "plugins" / "odd.py", HEADER + crashing_rule(body) + WORKING_RULE)
    for output_format in ("json", "github", "junit", "html", "sarif", "text"):
        code, out, err = run_cli("check", "org.yaml", "--rules-dir", "plugins", "--format", output_format)
        no_traceback(out, err)
        assert code == 2, (output_format, err)
    code, findings, _ = check_json("--rules-dir", "plugins")
    crash = [finding for finding in findings if finding["code"] == "E100"]
    assert len(crash) == 1 and crash[0]["message"].startswith("rule Q901 (boom-rule) from ")
    assert expected in crash[0]["message"]
    assert ("R001", "people.ada") in codes(findings) and ("Q902", "people.bob") in codes(findings)


def test_the_crash_is_reported_even_when_the_rule_is_asked_for_alone(repo):
    write(repo / "plugins" / "crashy.py", HEADER + crashing_rule("raise ValueError('bad')"))
    code, findings, _ = check_json("--rules-dir", "plugins", "--select", "Q901")
    assert code == 2
    assert [(f["code"], f["subject"]) for f in findings] == [("E100", "Q901")]


# ----------------------------------------------------------------------------- modules and packs that fail to import


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("import acme_sdk_that_is_not_installed\n", "ModuleNotFoundError: No module named 'acme_sdk_that_is_not_installed'"),
        ("def broken(:\n", "SyntaxError: "),
        ("raise RuntimeError('needs a licence key')\n", "RuntimeError: needs a licence key"),
        ("import sys\nsys.exit(3)\n", "SystemExit: 3"),  # used to end orglint with exit 3, silently
    ],
    ids=["missing-dependency", "syntax-error", "raises", "sys-exit"],
)
def test_a_rules_module_that_fails_to_import_is_named(repo, module, expected):
    write(repo / "plugins" / "fine.py", HEADER + WORKING_RULE)
    write(repo / "plugins" / "broken_rules.py", module)
    code, out, err = run_cli("check", "org.yaml", "--rules-dir", "plugins")
    no_traceback(out, err)
    assert code == 2
    assert out == ""
    assert err.startswith("orglint: error: cannot import rule module plugins/broken_rules.py: ")
    assert expected in err


def test_a_rules_folder_that_does_not_exist(repo):
    code, out, err = run_cli("check", "org.yaml", "--rules-dir", "no-such-folder")
    no_traceback(out, err)
    assert code == 2 and "rules folder no-such-folder does not exist" in err


def test_a_plugin_rule_reusing_a_builtin_code_is_named(repo):
    write(repo / "plugins" / "clash.py", HEADER + crashing_rule("yield from ()", code="R001", name="my-ceo-rule"))
    code, out, err = run_cli("check", "org.yaml", "--rules-dir", "plugins")
    no_traceback(out, err)
    assert code == 2
    assert "rule R001 is defined twice: in orglint.rules.r001_ceo_is_cpo and in orglint_local_rules." in err


def fake_entry_points(monkeypatch, *entry_points: EntryPoint) -> None:
    monkeypatch.setattr(orglint.plugins, "_entry_points", lambda: (*entry_points,))


def test_an_installed_pack_that_fails_to_import_is_named(repo, monkeypatch):
    fake_entry_points(
        monkeypatch,
        EntryPoint(name="builtin", value="orglint.rules", group="orglint.rules"),
        EntryPoint(name="acme", value="acme_orglint_rules", group="orglint.rules"),
    )
    code, out, err = run_cli("check", "org.yaml")
    no_traceback(out, err)
    assert code == 2
    assert out == ""
    assert err == (
        "orglint: error: cannot import rule pack 'acme' (module acme_orglint_rules): "
        "ModuleNotFoundError: No module named 'acme_orglint_rules'\n"
    )
    # Every command that loads rules says the same.
    for args in (["rules"], ["explain", "R001"], ["graph", "org.yaml"]):
        code, out, err = run_cli(*args)
        no_traceback(out, err)
        assert code == 2 and "cannot import rule pack 'acme' (module acme_orglint_rules)" in err, args


def test_an_installed_pack_with_a_broken_module_names_the_module(repo, monkeypatch, tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    write(site / "acme_pack" / "__init__.py", "")
    write(site / "acme_pack" / "good.py", HEADER + WORKING_RULE)
    write(site / "acme_pack" / "bad.py", "raise ImportError('acme-sdk>=2 is required')\n")
    monkeypatch.syspath_prepend(str(site))
    fake_entry_points(monkeypatch, EntryPoint(name="acme", value="acme_pack", group="orglint.rules"))
    try:
        code, out, err = run_cli("check", "org.yaml")
        no_traceback(out, err)
        assert code == 2
        assert err == "orglint: error: cannot import rule module acme_pack.bad: ImportError: acme-sdk>=2 is required\n"
        # Fixed, the pack loads and its rules run beside the built-in ones.
        write(site / "acme_pack" / "bad.py", "")
        code, findings, _ = check_json()
        assert code == 1
        assert {"R001", "Q902"} <= {finding["code"] for finding in findings}
    finally:
        for name in [name for name in sys.modules if name == "acme_pack" or name.startswith("acme_pack.")]:
            del sys.modules[name]


def test_installed_packs_are_discovered_once_per_process(repo, monkeypatch):
    import importlib.metadata

    calls = []
    real = importlib.metadata.entry_points

    def counting(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(importlib.metadata, "entry_points", counting)
    orglint.plugins._installed_entry_points.cache_clear()
    try:
        for _ in range(3):
            code, _, _ = run_cli("check", "org.yaml", "--format", "json")
            assert code == 1
        orglint.plugins.load_rules()
        assert calls == [{"group": "orglint.rules"}]
    finally:
        orglint.plugins._installed_entry_points.cache_clear()


# ----------------------------------------------------------------------------- nothing runs unless named

MARKER_RULE = """
from pathlib import Path

Path(__file__).with_name("IMPORTED").write_text("this module ran")


@rule(code="Q903", name="marker", severity="warning")
def marker(org, options):
    if org.ceo is not None:
        yield org.finding(org.ceo, "the marker rule ran")
"""


@pytest.fixture
def planted(repo):
    """A repository that carries rule modules where a careless linter might pick them up."""
    for folder in ("rules", "orglint_rules", ".orglint", "org"):
        write(repo / folder / "marker.py", HEADER + MARKER_RULE)
    write(repo / "org" / "team.yaml", "people:\n  - {id: cy, name: Cy Young, title: Engineer, reports_to: ada}\n")
    write(repo / "orglint_rules.py", HEADER + MARKER_RULE)
    write(repo / "conftest.py", HEADER + MARKER_RULE)
    return repo


def imported(repo: Path) -> list[str]:
    return sorted(str(path.parent.relative_to(repo)) for path in repo.rglob("IMPORTED"))


def test_no_rule_folder_is_loaded_unless_named(planted):
    for args in (
        ["check", "org.yaml"],
        ["check", "."],
        ["check", "org.yaml", "org"],
        ["rules"],
        ["graph", "org.yaml"],
        ["stats", "."],
    ):
        code, out, err = run_cli(*args)
        no_traceback(out, err)
        assert code in (0, 1), (args, err)
        assert "Q903" not in out
    assert imported(planted) == []


def test_a_rules_dir_is_loaded_when_named(planted):
    _code, findings, _ = check_json("--rules-dir", "rules")
    assert ("Q903", "people.ada") in codes(findings)
    assert imported(planted) == ["rules"]


def test_config_plugins_are_loaded_and_isolated_ignores_them(planted):
    write(planted / ".orglint.yaml", "plugins: [rules]\n")
    code, findings, _ = check_json()
    assert ("Q903", "people.ada") in codes(findings)
    assert imported(planted) == ["rules"]
    (planted / "rules" / "IMPORTED").unlink()

    code, findings, _ = check_json("--isolated")
    assert "Q903" not in {finding["code"] for finding in findings}
    assert ("R001", "people.ada") in codes(findings)
    for args in (["rules", "--isolated"], ["graph", "org.yaml", "--isolated"]):
        code, out, err = run_cli(*args)
        no_traceback(out, err)
        assert code == 0 and "Q903" not in out, args
    code, out, err = run_cli("explain", "Q903", "--isolated")
    assert code == 2 and "no rule or input problem is called 'Q903'" in err
    assert imported(planted) == []  # the plugin's code did not even run


def test_explain_knows_the_rules_of_the_configs_plugins(planted):
    write(planted / ".orglint.yaml", "plugins: [rules]\n")
    code, out, err = run_cli("explain", "Q903")
    no_traceback(out, err)
    assert code == 0, err
    assert "## What it does" in out


def test_isolated_does_not_read_a_broken_config(planted):
    write(planted / ".orglint.yaml", "plugins: [no-such-folder]\nselect: 42\n")
    code, out, err = run_cli("check", "org.yaml")
    no_traceback(out, err)
    assert code == 2 and ".orglint.yaml" in err
    code, findings, _ = check_json("--isolated")
    assert code == 1 and ("R001", "people.ada") in codes(findings)
