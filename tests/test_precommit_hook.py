"""The pre-commit hook (.pre-commit-hooks.yaml), exercised with the real pre-commit tool.

The end-to-end test installs orglint the way pre-commit does for users: it clones
a hook repository at a revision and pip-installs it into a fresh virtualenv. The
hook repository is a snapshot of this checkout's working tree, committed or not,
so the test checks the code under test (`pre-commit try-repo` would leave
untracked files out and install afresh on every run; one PRE_COMMIT_HOME here
serves all runs). The install needs the package index (setuptools, orglint's
dependencies); set ORGLINT_OFFLINE=1 to skip.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = pytest.mark.slow  # builds a pre-commit environment and runs the hook: `pytest -m "not slow"` skips them

HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"
# What the snapshot of the checkout needs to be pip-installable and to hold the hook.
SNAPSHOT = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "orglint", "rules")

BAD_CHART = """\
orglint: 1
org:
  name: Loopy Ltd
people:
  - id: ana
    name: Ana Silva
    title: CEO
    reports_to: ben
  - id: ben
    name: Ben Okafor
    title: VP Engineering
    reports_to: ana
"""


def _hook() -> dict:
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(HOOKS_FILE))
    return hook


def test_manifest_is_valid_for_pre_commit():
    pytest.importorskip("pre_commit")
    hook = _hook()
    assert hook["id"] == "orglint"
    assert hook["entry"] == "orglint check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False  # org-wide rules need the whole chart
    assert hook["require_serial"] is True


@pytest.mark.parametrize(
    "path, runs",
    [
        ("org.yaml", True),
        ("org.yml", True),
        ("people/org.yaml", True),
        (".orglint.yaml", True),
        ("org/people.yaml", True),
        ("org/teams/platform.yml", True),
        ("org/hr-export.csv", True),
        ("company/org/units.yaml", True),
        ("README.md", False),
        ("borg.yaml", False),
        ("organisation.yaml", False),
        ("org/notes.md", False),
        ("src/org.py", False),
    ],
)
def test_hook_runs_for_org_chart_files_only(path, runs):
    pytest.importorskip("pre_commit")
    assert bool(re.search(_hook()["files"], path)) is runs


def _git(*args: str, cwd: Path, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True)


def _snapshot_repo(target: Path, env: dict[str, str]) -> str:
    """Copy the working tree's package files into a fresh git repository; return its HEAD."""
    target.mkdir()
    for name in SNAPSHOT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        elif source.exists():
            shutil.copy2(source, target / name)
    _git("init", "-q", "-b", "main", cwd=target, env=env)
    _git("add", "-A", cwd=target, env=env)
    _git("commit", "-q", "-m", "snapshot", cwd=target, env=env)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=target, env=env, check=True, capture_output=True, text=True)
    return head.stdout.strip()


_NETWORK_TROUBLE = (
    "Could not find a version that satisfies",
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "No matching distribution found",
)


def _pre_commit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    output = done.stdout + done.stderr
    if done.returncode == 3 and any(sign in output for sign in _NETWORK_TROUBLE):
        pytest.skip("pre-commit could not install orglint: the package index is unreachable")
    return done


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed (pre-commit needs it)")
@pytest.mark.skipif(
    os.environ.get("ORGLINT_OFFLINE") == "1", reason="ORGLINT_OFFLINE=1: the hook install needs the package index"
)
def test_hook_fails_on_a_bad_chart_and_passes_on_a_clean_one(tmp_path):
    pytest.importorskip("pre_commit")
    from orglint.starter import STARTER_CHART

    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT", "GITHUB_", "ORGLINT_"))}
    # pip and virtualenv keep their usual caches (the user's, not the temporary HOME's):
    # with them warm, the hook's virtualenv is seeded and filled without downloads.
    env.setdefault("PIP_CACHE_DIR", str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pip"))
    env.setdefault(
        "VIRTUALENV_OVERRIDE_APP_DATA",
        str(Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "virtualenv"),
    )
    env.update(
        HOME=str(home),
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),  # one store for every run: one install
        GIT_AUTHOR_NAME="orglint tests",
        GIT_AUTHOR_EMAIL="tests@example.com",
        GIT_COMMITTER_NAME="orglint tests",
        GIT_COMMITTER_EMAIL="tests@example.com",
        GIT_CONFIG_NOSYSTEM="1",
        NO_COLOR="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    rev = _snapshot_repo(tmp_path / "orglint-hook", env)

    project = tmp_path / "project"
    project.mkdir()
    _git("init", "-q", "-b", "main", cwd=project, env=env)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {(tmp_path / 'orglint-hook').as_posix()}\n    rev: {rev}\n    hooks:\n      - id: orglint\n",
        encoding="utf-8",
    )
    (project / "README.md").write_text("# Our org\n", encoding="utf-8")
    (project / "org.yaml").write_text(BAD_CHART, encoding="utf-8")
    _git("add", "-A", cwd=project, env=env)

    bad = _pre_commit("run", "--all-files", "--color", "never", cwd=project, env=env)
    output = bad.stdout + bad.stderr
    assert bad.returncode == 1, output
    assert re.search(r"orglint \(org chart lint\)\.+Failed", output), output
    assert "S001" in output and "org.yaml" in output, output

    (project / "org.yaml").write_text(STARTER_CHART, encoding="utf-8")
    _git("add", "-A", cwd=project, env=env)
    clean = _pre_commit("run", "--all-files", "--color", "never", cwd=project, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"orglint \(org chart lint\)\.+Passed", clean.stdout), clean.stdout

    untouched = _pre_commit("run", "--files", "README.md", "--color", "never", cwd=project, env=env)
    assert untouched.returncode == 0, untouched.stdout + untouched.stderr
    assert re.search(r"orglint \(org chart lint\)\.+\(no files to check\)Skipped", untouched.stdout), untouched.stdout
