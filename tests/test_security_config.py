"""Repository content cannot run code, read files outside the repository or hang orglint through its
config (issue 11: items 1, 2, 8, 9 and 12).

Threat model: every file of the checked-out repository (charts, ``.orglint.yaml``,
``pyproject.toml``, baselines, symbolic links) is the attacker's; the command line is the
user's. Each test below is the attack itself, run through the installed console script
(a subprocess) where code could run, so that a plugin that ran leaves its marker file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ORGLINT = str(Path(sys.executable).parent / "orglint")

CHART = textwrap.dedent(
    """\
    orglint: 1
    people:
      - {id: ada, name: Ada Byron, title: CEO & Chief Product Officer}
      - {id: bob, name: Bob Stone, title: VP Engineering, reports_to: ada}
    """
)

# A plugin module as an attacker would write it: its import alone writes the marker file.
EVIL_PLUGIN = '''\
"""
## What it does
Nothing; importing it is the attack.

## Why is this bad?
It is a test.
"""
import os
from pathlib import Path

Path(os.environ["ORGLINT_TEST_MARKER"]).write_text("plugin code ran")
'''

SECRET = "s3cret-token-0f-the-runner"

ALL_FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab")


def run(cwd: Path, *args: str, marker: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "FORCE_COLOR")}
    env["NO_COLOR"] = "1"
    env["ORGLINT_TEST_MARKER"] = str(marker or cwd / "marker-unused")
    return subprocess.run([ORGLINT, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A checked-out repository (``.git``) holding a chart; the marker file lives outside it."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root / "org.yaml", CHART)
    write(root / "evil" / "evil.py", EVIL_PLUGIN)
    return root


def marker_of(repo: Path) -> Path:
    return repo.parent / "marker"


# --- 1. plugins named by repository content -----------------------------------------------------

PLUGIN_CONFIGS = {
    ".orglint.yaml": {".orglint.yaml": "plugins: [evil]\n"},
    "[tool.orglint]": {"pyproject.toml": '[project]\nname = "x"\n\n[tool.orglint]\nplugins = ["evil"]\n'},
    "extends": {".orglint.yaml": "extends: shared/base.yaml\n", "shared/base.yaml": "plugins: [../evil]\n"},
}


@pytest.mark.parametrize("how", list(PLUGIN_CONFIGS))
@pytest.mark.parametrize("command", [["check", "org.yaml"], ["rules"], ["explain", "R001"], ["graph", "org.yaml"]])
def test_no_plugins_imports_no_plugin_and_names_it(repo, how, command):
    for name, text in PLUGIN_CONFIGS[how].items():
        write(repo / name, text)
    marker = marker_of(repo)
    done = run(repo, *command, "--no-plugins", marker=marker)
    assert not marker.exists(), "plugin code ran despite --no-plugins"
    assert done.returncode == 2, done.stderr
    assert "evil" in done.stderr and "--no-plugins" in done.stderr and "allow-plugins" in done.stderr
    assert "Traceback" not in done.stderr


def test_without_no_plugins_the_named_plugin_still_loads(repo):
    """The flag is what stops it: the same config without --no-plugins runs the folder (opted in)."""
    write(repo / ".orglint.yaml", "plugins: [evil]\n")
    marker = marker_of(repo)
    done = run(repo, "check", "org.yaml", "--format", "concise", marker=marker)
    assert marker.exists(), done.stderr
    assert done.returncode == 1, done.stderr  # R001 on Ada


def test_no_plugins_with_a_config_that_names_none_runs_normally(repo):
    write(repo / ".orglint.yaml", "select: [R001]\n")
    done = run(repo, "check", "org.yaml", "--format", "concise", "--no-plugins")
    assert done.returncode == 1, done.stderr
    assert [line.split(" ")[1] for line in done.stdout.splitlines()] == ["R001"]


def test_no_plugins_leaves_rules_dir_on_the_command_line_alone(repo):
    """--rules-dir is the user's (trusted): --no-plugins only concerns the config's plugins."""
    marker = marker_of(repo)
    done = run(repo, "rules", "--no-plugins", "--rules-dir", "evil", marker=marker)
    assert marker.exists() and done.returncode == 0, done.stderr


@pytest.mark.parametrize("folder", ["ABSOLUTE", "../outside_rules", "../../outside_rules", "linked_rules"])
@pytest.mark.parametrize("flag", [[], ["--no-plugins"]])
def test_plugin_folder_outside_the_repository_is_refused(repo, folder, flag):
    outside = repo.parent / "outside_rules"
    write(outside / "evil.py", EVIL_PLUGIN)
    (repo / "linked_rules").symlink_to(outside, target_is_directory=True)
    written = str(outside) if folder == "ABSOLUTE" else folder
    config_dir = repo / "sub" if folder.startswith("../../") else repo  # ../../ from a sub-folder's config
    write(config_dir / ".orglint.yaml", f"select: [R001]\nplugins: ['{written}']\n")
    marker = marker_of(repo)
    done = run(config_dir, "check", str(repo / "org.yaml"), *flag, marker=marker)
    assert not marker.exists(), "plugin code from outside the repository ran"
    assert done.returncode == 2, done.stderr
    assert ".orglint.yaml:2:11: plugins: folder '" in done.stderr
    assert "outside the repository" in done.stderr


def test_plugin_folder_inside_the_repository_through_dotdot_is_allowed(repo):
    write(repo / "team" / ".orglint.yaml", "plugins: [../evil]\n")
    marker = marker_of(repo)
    done = run(repo / "team", "rules", marker=marker)
    assert marker.exists() and done.returncode == 0, done.stderr


def test_plugin_module_linked_from_outside_is_not_imported(repo):
    """The folder is inside, but a module in it is a link to code elsewhere on the machine."""
    outside = write(repo.parent / "elsewhere.py", EVIL_PLUGIN)
    (repo / "rules").mkdir()
    (repo / "rules" / "innocent.py").symlink_to(outside)
    write(repo / ".orglint.yaml", "plugins: [rules]\n")
    marker = marker_of(repo)
    done = run(repo, "rules", marker=marker)
    assert not marker.exists(), "a linked plugin module from outside the repository ran"
    assert done.returncode == 2 and "innocent.py leads outside the repository" in done.stderr


# --- 2. extends and baseline outside the repository ----------------------------------------------


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    return write(tmp_path / "credentials", f"{SECRET}:x:0:0:root:/root:/bin/bash\nline two {SECRET}\n")


@pytest.mark.parametrize("fmt", ALL_FORMATS)
@pytest.mark.parametrize("spelled", ["absolute", "dotdot", "link"])
def test_extends_outside_the_repository_shows_none_of_it(repo, secret_file, fmt, spelled):
    if spelled == "link":
        (repo / "shared.yaml").symlink_to(secret_file)
        target = "shared.yaml"
    else:
        target = str(secret_file) if spelled == "absolute" else "../credentials"
    write(repo / ".orglint.yaml", f"select: [R001]\nextends: {target}\n")
    done = run(repo, "check", "org.yaml", "--format", fmt)
    assert done.returncode == 2
    assert SECRET not in done.stdout and SECRET not in done.stderr
    assert "root:x" not in done.stderr
    assert ".orglint.yaml:2:1: extends:" in done.stderr and "outside the repository" in done.stderr


def test_discovered_config_that_links_outside_is_not_read(repo, secret_file):
    (repo / ".orglint.yaml").symlink_to(secret_file)
    done = run(repo, "check", "org.yaml")
    assert done.returncode == 2
    assert SECRET not in done.stdout + done.stderr
    assert ".orglint.yaml" in done.stderr and "outside the repository" in done.stderr


def test_config_named_on_the_command_line_that_links_outside_is_not_read(repo, secret_file):
    (repo / "ci.yaml").symlink_to(secret_file)
    done = run(repo, "check", "org.yaml", "--config", "ci.yaml")
    assert done.returncode == 2 and SECRET not in done.stdout + done.stderr
    assert "ci.yaml: the config file leads outside the repository" in done.stderr


def test_config_outside_the_working_folder_named_on_the_command_line_is_read(repo, tmp_path):
    """The command line is trusted: --config may name a shared file anywhere."""
    shared = write(tmp_path / "shared" / "orglint.yaml", "select: [S001]\n")
    done = run(repo, "check", "org.yaml", "--config", str(shared), "--format", "concise")
    assert done.returncode == 0 and done.stdout == "", done.stderr


def test_config_that_is_not_a_mapping_shows_only_a_short_quote(repo):
    write(repo / ".orglint.yaml", "x" * 5000 + SECRET + "\n")
    done = run(repo, "check", "org.yaml")
    assert done.returncode == 2
    assert SECRET not in done.stderr
    assert "the config must be a mapping" in done.stderr
    assert len(done.stderr) < 600


def test_every_quoted_config_value_is_cut_short(repo):
    long_key = "k" * 900 + SECRET  # YAML keys are at most 1024 characters
    write(repo / ".orglint.yaml", f"{long_key}: 1\n")
    done = run(repo, "check", "org.yaml")
    assert done.returncode == 2 and "unknown key" in done.stderr and SECRET not in done.stderr
    write(repo / ".orglint.yaml", f"fail-on: {'w' * 4000}{SECRET}\n")
    done = run(repo, "check", "org.yaml")
    assert done.returncode == 2 and "fail-on" in done.stderr and SECRET not in done.stderr
    write(repo / ".orglint.yaml", f"extends: {'e' * 4000}{SECRET}.yaml\n")
    done = run(repo, "check", "org.yaml")
    assert done.returncode == 2 and "extends" in done.stderr and SECRET not in done.stderr


@pytest.mark.parametrize("fmt", ALL_FORMATS)
@pytest.mark.parametrize("spelled", ["absolute", "dotdot", "link"])
def test_baseline_outside_the_repository_is_refused(repo, secret_file, fmt, spelled):
    if spelled == "link":
        (repo / "baseline.json").symlink_to(secret_file)
        target = "baseline.json"
    else:
        target = str(secret_file) if spelled == "absolute" else "../credentials"
    write(repo / ".orglint.yaml", f"select: [R001]\nbaseline: {target}\n")
    done = run(repo, "check", "org.yaml", "--format", fmt)
    assert done.returncode == 2
    assert SECRET not in done.stdout and SECRET not in done.stderr
    assert ".orglint.yaml:2:1: baseline:" in done.stderr and "outside the repository" in done.stderr


@pytest.mark.parametrize("how", ["config", "config-link", "command-line"])
def test_baseline_dev_zero_neither_hangs_nor_eats_memory(repo, how):
    if how == "config":
        write(repo / ".orglint.yaml", "baseline: /dev/zero\n")
        args = ["check", "org.yaml"]
    elif how == "config-link":
        (repo / "zero.json").symlink_to("/dev/zero")
        write(repo / ".orglint.yaml", "baseline: zero.json\n")
        args = ["check", "org.yaml"]
    else:
        args = ["check", "org.yaml", "--baseline", "/dev/zero"]
    started = time.monotonic()
    done = run(repo, *args, timeout=30)
    assert time.monotonic() - started < 20
    assert done.returncode == 2, done.stderr
    assert "/dev/zero" in done.stderr or "zero.json" in done.stderr
    assert "Traceback" not in done.stderr


def test_baseline_that_is_not_valid_shows_only_a_short_quote(repo):
    write(repo / "baseline.json", '{"orglint-baseline": "' + "v" * 5000 + SECRET + '", "findings": []}')
    done = run(repo, "check", "org.yaml", "--baseline", "baseline.json")
    assert done.returncode == 2 and "malformed" in done.stderr
    assert SECRET not in done.stderr and len(done.stderr) < 600


def test_baseline_inside_the_repository_still_works(repo):
    first = run(repo, "check", "org.yaml", "--select", "R001", "--write-baseline", "base.json")
    assert first.returncode == 0, first.stderr
    write(repo / ".orglint.yaml", "select: [R001]\nbaseline: base.json\n")
    done = run(repo, "check", "org.yaml", "--format", "concise")
    assert done.returncode == 0 and done.stdout == "", done.stderr


# --- 3. discovery stops at the repository root, or at the working folder --------------------------


def test_config_above_the_working_folder_is_not_loaded_without_a_repository(tmp_path):
    """A shared temporary folder or a container build context: the config above is not ours."""
    write(tmp_path / "evil" / "evil.py", EVIL_PLUGIN)
    write(tmp_path / ".orglint.yaml", "plugins: [evil]\nselect: [S001]\n")
    work = tmp_path / "checkout"
    write(work / "org.yaml", CHART)
    marker = tmp_path / "marker"
    done = run(work, "check", "org.yaml", "--format", "concise", marker=marker)
    assert not marker.exists(), "a plugin named by a config above the working folder ran"
    assert done.returncode == 1, done.stderr  # R001: the default config (every rule), not select: [S001]
    assert " R001 " in done.stdout
    # and it says why it did not use that config
    assert "../.orglint.yaml" in done.stderr and "working folder" in done.stderr


def test_config_in_the_working_folder_without_a_repository_is_loaded(tmp_path):
    write(tmp_path / "org.yaml", CHART)
    write(tmp_path / ".orglint.yaml", "select: [S001]\n")
    done = run(tmp_path, "check", "org.yaml", "--format", "concise")
    assert done.returncode == 0 and done.stdout == "", done.stderr


def test_config_above_the_working_folder_inside_the_repository_is_loaded(repo):
    write(repo / ".orglint.yaml", "select: [S001]\n")
    (repo / "team").mkdir()
    done = run(repo / "team", "check", "../org.yaml", "--format", "concise")
    assert done.returncode == 0 and done.stdout == "", done.stderr


def test_find_config_never_climbs_above_the_working_folder(tmp_path, monkeypatch):
    from orglint.config import find_config

    write(tmp_path / ".orglint.yaml", "select: [S001]\n")
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a")
    assert find_config() is None
    assert find_config(tmp_path / "a" / "b") is None
    monkeypatch.chdir(tmp_path)
    assert find_config(tmp_path / "a" / "b") == tmp_path / ".orglint.yaml"


# --- 4. linear-time glob matching (issue item 9) -------------------------------------------------


@pytest.mark.parametrize("repeats", [12, 40])
def test_repeated_globstar_against_a_deep_path_is_fast(repeats, tmp_path):
    from orglint.config import _file_matcher

    deep = "/".join(["d"] * 200) + "/org.yaml"
    matcher = _file_matcher("**/" * repeats + "x/*.yaml", tmp_path)
    started = time.monotonic()
    assert matcher(deep) is False
    assert _file_matcher("**/" * repeats + "org.yaml", tmp_path)(deep) is True
    assert _file_matcher("*a" * 30 + "b", tmp_path)("a" * 200) is False
    # Not only collapsed: globstars that cannot be merged, interleaved with folders and stars.
    assert _file_matcher("**/d/" * repeats + "x.yaml", tmp_path)(deep) is False
    assert _file_matcher("**/*/" * repeats + "org.yaml", tmp_path)(deep) is True
    assert _file_matcher("**" * repeats + "x", tmp_path)(deep) is False
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("a/**/**/**/b.yaml", "a/b.yaml", True),
        ("a/**/**/**/b.yaml", "a/x/y/z/b.yaml", True),
        ("a/**/**/**/b.yaml", "ab.yaml", False),
        ("**/**/*.yaml", "org.yaml", True),
        ("**/**/*.yaml", "x/org.csv", False),
        ("legacy/*.yaml", "legacy/sub/a.yaml", False),
        ("legacy/**", "legacy/sub/a.yaml", True),
        ("[!l]*/*.yaml", "legacy/a.yaml", False),
        ("[!l]*/*.yaml", "teams/a.yaml", True),
        ("te?ms/*.yaml", "teams/a.yaml", True),
        ("te?ms/*.yaml", "te/ms/a.yaml", False),
    ],
)
def test_glob_semantics_are_kept(pattern, path, expected, tmp_path):
    from orglint.config import compile_glob

    assert compile_glob(pattern)(path) is expected


def test_repeated_globstar_in_a_config_is_fast_end_to_end(repo):
    deep = repo.joinpath(*["d"] * 120)
    write(deep / "org.yaml", CHART)
    write(repo / ".orglint.yaml", "per-file-ignores:\n  '" + "**/" * 30 + "x/*.yaml': [R001]\n")
    started = time.monotonic()
    done = run(repo, "check", str(deep.relative_to(repo) / "org.yaml"), "--format", "concise", timeout=60)
    assert time.monotonic() - started < 30
    assert done.returncode == 1 and done.stdout.count(" R001 ") == 1, done.stderr


# --- the GitHub Action passes --no-plugins unless allow-plugins is true ---------------------------


def _check_step() -> str:
    import yaml

    action = yaml.safe_load((Path(__file__).resolve().parent.parent / "action.yml").read_text(encoding="utf-8"))
    assert action["inputs"]["allow-plugins"]["default"] == "false"
    step = next(step for step in action["runs"]["steps"] if step.get("id") == "check")
    assert step["env"]["ORGLINT_ALLOW_PLUGINS"] == "${{ inputs.allow-plugins }}"
    return step["run"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("allow", ["false", "true"])
def test_action_runs_no_repository_plugin_unless_allowed(repo, allow):
    write(repo / ".orglint.yaml", "plugins: [evil]\n")
    marker = marker_of(repo)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "ORGLINT_"))}
    env.update(
        GITHUB_OUTPUT=str(repo.parent / "github_output"),
        NO_COLOR="1",
        ORGLINT_BIN=ORGLINT,
        ORGLINT_PATHS="org.yaml",
        ORGLINT_FORMAT="sarif",
        ORGLINT_FAIL_ON="warning",
        ORGLINT_OUTPUT="orglint.sarif",
        ORGLINT_ARGS="",
        ORGLINT_ANNOTATIONS="true",
        ORGLINT_ALLOW_PLUGINS=allow,
        ORGLINT_TEST_MARKER=str(marker),
    )
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _check_step()],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    outputs = dict(line.split("=", 1) for line in (repo.parent / "github_output").read_text().splitlines())
    if allow == "true":
        assert marker.exists() and outputs["exit-code"] == "1", done.stderr  # R001 on Ada
    else:
        assert not marker.exists()
        assert outputs["exit-code"] == "2"
        assert "'evil'" in done.stderr and "allow-plugins: true" in done.stderr


def test_an_unknown_selector_in_the_config_is_quoted_short_in_x002(repo):
    write(repo / ".orglint.yaml", f"per-file-ignores:\n  '{'p' * 900}{SECRET}': ['{'z' * 900}{SECRET}']\n")
    done = run(repo, "check", "org.yaml", "--format", "concise")
    x002 = [line for line in done.stdout.splitlines() if " X002 " in line]
    assert len(x002) == 1, done.stdout + done.stderr
    assert SECRET not in x002[0] and len(x002[0]) < 600
