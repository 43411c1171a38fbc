"""The GitHub Action (action.yml) and the CI snippets of the README's "Use it in CI" section.

Both are checked offline against the schemas that check-jsonschema vendors
(GitHub Actions metadata, GitHub workflows, GitLab CI), and the action's own
shell steps are run with bash against the orglint under test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from helpers import FIXTURES, ROOT

ACTION = ROOT / "action.yml"
SARIF_SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
Q_RULES = FIXTURES / "ci" / "rules"

# The snippets of the README's "Use it in CI" section (kept here so they are validated).
GITHUB_WORKFLOW = """\
name: org chart
on:
  pull_request:
    paths: ["org.yaml", "org/**", ".orglint.yaml"]
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write   # to upload SARIF to code scanning
jobs:
  orglint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: orglint/orglint@v0.1.0
        with:
          paths: org/
          fail-on: warning
      - uses: github/codeql-action/upload-sarif@v3
        if: ${{ !cancelled() && hashFiles('orglint.sarif') != '' }}
        with:
          sarif_file: orglint.sarif
          category: orglint
"""

GITHUB_WORKFLOW_PIP = """\
name: org chart
on: [pull_request]
jobs:
  orglint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install orglint
      - run: orglint check --no-plugins org/
"""

GITLAB_CI = """\
orglint:
  stage: test
  image: python:3.12-slim
  script:
    - pip install orglint
    - orglint check --format gitlab --output gl-code-quality-report.json org/
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
"""

PRE_COMMIT_CONFIG = """\
repos:
  - repo: https://github.com/orglint/orglint
    rev: v0.1.0
    hooks:
      - id: orglint
"""


def vendored_schema(name: str) -> dict:
    """A schema shipped inside the check-jsonschema package (no network)."""
    pytest.importorskip("check_jsonschema")
    package = resources.files("check_jsonschema.builtin_schemas.vendor")
    return json.loads((package / name).read_text(encoding="utf-8"))


def validate(document: object, schema: dict) -> None:
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


class _Yaml12Loader(yaml.SafeLoader):
    """Safe YAML with YAML 1.2 booleans, as GitHub reads workflows (`on:` stays a key)."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(text: str) -> object:
    return yaml.load(text, Loader=_Yaml12Loader)


def load_action() -> dict:
    return load_yaml(ACTION.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- action.yml


def test_action_is_valid_against_the_github_action_schema():
    validate(load_action(), vendored_schema("github-actions.json"))


def test_action_inputs_and_steps():
    action = load_action()
    inputs = action["inputs"]
    assert {"paths", "format", "fail-on", "output", "args"} <= set(inputs)
    assert inputs["format"]["default"] == "sarif"
    assert inputs["output"]["default"] == "orglint.sarif"
    assert inputs["fail-on"]["default"] == "warning"
    assert action["outputs"]["exit-code"]["value"] == "${{ steps.check.outputs.exit-code }}"
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    install = next(step for step in steps if step.get("id") == "install")
    assert install["env"]["ORGLINT_SOURCE"] == "${{ github.action_path }}"
    for step in steps:
        if "run" in step:
            # inputs reach the scripts through env only: no expression is pasted into shell code
            assert "${{" not in step["run"], step["name"]
            assert step["shell"] == "bash"
    assert "upload-sarif" in action["inputs"]
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif@") for step in steps)


def _step(name_or_id: str) -> dict:
    return next(step for step in load_action()["runs"]["steps"] if name_or_id in (step.get("id"), step.get("name")))


@pytest.fixture
def action_env(tmp_path):
    """A repository with a bad chart, and the environment GitHub gives the check step."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "org.yaml").write_text((FIXTURES / "ci" / "org.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    shim = tmp_path / "orglint"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m orglint "$@"\n', encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "ORGLINT_"))}
    env.update(
        GITHUB_OUTPUT=str(tmp_path / "github_output"),
        GITHUB_ACTIONS="true",
        NO_COLOR="1",
        ORGLINT_BIN=str(shim),
        ORGLINT_PATHS="",
        ORGLINT_FORMAT="sarif",
        ORGLINT_FAIL_ON="warning",
        ORGLINT_OUTPUT="orglint.sarif",
        ORGLINT_ARGS=f"--rules-dir {Q_RULES} --select Q",
        ORGLINT_ANNOTATIONS="true",
    )
    return repo, env


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    # GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail {0}`.
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _outputs(env: dict[str, str]) -> dict[str, str]:
    lines = Path(env["GITHUB_OUTPUT"]).read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_check_step_keeps_the_exit_code_and_still_writes_sarif(action_env):
    repo, env = action_env
    done = _bash(_step("check")["run"], repo, env)
    assert done.returncode == 0, done.stderr  # the step itself succeeds ...
    outputs = _outputs(env)
    assert outputs == {"exit-code": "1", "output": "orglint.sarif"}  # ... and records orglint's exit code
    log = json.loads((repo / "orglint.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert {result["ruleId"] for result in log["runs"][0]["results"]} == {"Q001", "Q002", "Q003"}
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert any(line.startswith("::error file=org.yaml,line=7,col=12,title=Q001 two-hats::") for line in annotations)

    fail = _step("Fail when orglint failed")
    assert fail["if"] == "${{ steps.check.outputs.exit-code != '0' }}"
    failed = _bash(fail["run"], repo, {**env, "ORGLINT_EXIT_CODE": outputs["exit-code"]})
    assert failed.returncode == 1 and "exited with code 1" in failed.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_check_step_splits_paths_and_args_and_prints_without_output(action_env):
    repo, env = action_env
    (repo / "b.yaml").write_text("orglint: 1\npeople:\n  - id: zed\n    email: zed@example.com\n", encoding="utf-8")
    env.update(
        ORGLINT_PATHS="b.yaml\n",
        ORGLINT_FORMAT="concise",
        ORGLINT_OUTPUT="",
        ORGLINT_ARGS=f"--rules-dir {Q_RULES}  --select Q003 --fail-on info",
    )
    done = _bash(_step("check")["run"], repo, env)
    assert done.returncode == 0, done.stderr
    assert _outputs(env) == {"exit-code": "1", "output": ""}
    assert done.stdout == "b.yaml:3:5: Q003 [info] the org has 1 people (small-org)\n"


# ---------------------------------------------------------------- README snippets


@pytest.mark.parametrize("workflow", [GITHUB_WORKFLOW, GITHUB_WORKFLOW_PIP], ids=["action", "pip"])
def test_readme_github_workflow_is_valid(workflow):
    validate(load_yaml(workflow), vendored_schema("github-workflows.json"))


def test_readme_gitlab_ci_is_valid():
    validate(load_yaml(GITLAB_CI), vendored_schema("gitlab-ci.json"))


def test_readme_pre_commit_config_is_valid(tmp_path):
    pytest.importorskip("pre_commit")
    from pre_commit.clientlib import load_config

    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(PRE_COMMIT_CONFIG, encoding="utf-8")
    assert load_config(str(config))["repos"][0]["hooks"][0]["id"] == "orglint"


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None, reason="bash and git are needed")
def test_review_step_writes_the_reorg_to_the_step_summary(action_env, tmp_path):
    repo, env = action_env
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    (repo / ".git").rmdir()
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    (repo / "org.yaml").write_text(
        "people:\n  - {id: ceo, title: CEO}\n  - {id: ana, title: Engineer, reports_to: ceo}\n", encoding="utf-8"
    )
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=repo, check=True)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    (repo / "org.yaml").write_text(
        "people:\n  - {id: ceo, title: CEO}\n  - {id: bo, title: Designer, reports_to: ceo}\n", encoding="utf-8"
    )
    summary = tmp_path / "step_summary.md"
    env.update(ORGLINT_BASE_SHA=base, GITHUB_STEP_SUMMARY=str(summary), ORGLINT_PATHS="org.yaml")
    step = _step("review")
    assert "pull_request" in step["if"] and step["env"]["ORGLINT_BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    done = _bash(step["run"], repo, env)
    assert done.returncode == 0, done.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### orglint: what this re-org changes\n")
    assert "**1 joined, 1 left, 0 changed manager, unit or title; 0 findings introduced, 0 resolved**" in text
    # A base the repository does not have: the step says so and does not fail the job.
    env.update(ORGLINT_BASE_SHA="0" * 40)
    done = _bash(step["run"], repo, env)
    assert done.returncode == 0 and "could not compare" in done.stdout
