"""What orglint prints and writes, on an untrusted checkout (SECURITY.md): each attack, run as it would be.

Chart and config text must never start a line a CI system reads as a command, reach a terminal as
an escape sequence, or hide behind invisible characters; a source line cannot blow up the output;
and no write lands on an input, replaces a device, a FIFO or a link, or follows a committed link
out of the repository. The tests run the installed console script: only a subprocess shows what
really reaches the log.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest

from orglint import files
from orglint.sanitize import defuse_ci_commands, for_log, visible

ORGLINT = str(Path(sys.executable).parent / "orglint")
SCHEMA = Path(__file__).parent / "fixtures" / "schemas" / "sarif-schema-2.1.0.json"

# Each value carries a line break followed by a workflow command, a terminal escape (an OSC 8
# hyperlink), an Azure Pipelines logging command or a zero-width space.
HOSTILE_CHART = (
    "orglint: 1\n"
    'org: {name: "Acme\\n::error file=org.yaml::forged org"}\n'
    "people:\n"
    '  - {id: "::error file=x::pwned", name: "Ada\\u001b]8;;http://evil.example\\u0007click", '
    'title: "CEO ##vso[task.setvariable variable=token]1"}\n'
    '  - {id: bob, name: "Bob\\n::stop-commands::endtoken", title: "Engineer\\n::add-mask::x", reports_to: "ghost\\u200b"}\n'
)
CLEAN_CHART = "orglint: 1\norg: {name: Acme}\npeople:\n  - {id: ada, name: Ada, title: CEO}\n"


def orglint(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in {"GITHUB_ACTIONS", "FORCE_COLOR"}}
    return subprocess.run([ORGLINT, *args], cwd=cwd, capture_output=True, timeout=120, input=stdin, env={**env, "NO_COLOR": "1"})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


def forged_lines(text: str, *, own_annotations: bool = False) -> list[str]:
    """Lines a CI system would run as a command (orglint's own github annotations excepted)."""
    found = []
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("::") and not (
            own_annotations and stripped.startswith(("::error file=", "::warning file=", "::notice file="))
        ):
            found.append(line)
        if stripped.startswith("::") and own_annotations and ("pwned" in line.split("::", 2)[1]):
            found.append(line)  # an annotation whose properties were forged
        if "##vso[" in line.lower() or "##[" in line or "##teamcity[" in line.lower():
            found.append(line)
    return found


@pytest.mark.parametrize(
    "args",
    [
        ("check", "org.yaml"),
        ("check", "org.yaml", "--format", "concise"),
        ("check", "org.yaml", "--format", "json"),
        ("check", "org.yaml", "--format", "sarif"),
        ("check", "org.yaml", "--format", "gitlab"),
        ("check", "org.yaml", "--format", "junit"),
        ("check", "org.yaml", "--format", "html"),
        ("roles", "org.yaml"),
        ("roles", "org.yaml", "--format", "json"),
        ("stats", "org.yaml"),
        ("stats", "org.yaml", "--format", "json"),
        ("graph", "org.yaml"),
        ("graph", "org.yaml", "--format", "dot"),
    ],
)
def test_chart_text_never_forges_a_ci_command_or_a_terminal_escape(repo, args):
    (repo / "org.yaml").write_text(HOSTILE_CHART, encoding="utf-8")
    result = orglint(*args, cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    out = result.stdout.decode("utf-8") + result.stderr.decode("utf-8")
    assert forged_lines(out) == []
    assert "\x1b" not in out and "\x07" not in out


def test_github_format_escapes_data_into_its_own_annotations(repo):
    (repo / "org.yaml").write_text(HOSTILE_CHART, encoding="utf-8")
    result = orglint("check", "org.yaml", "--format", "github", cwd=repo)
    assert result.returncode == 1
    out = result.stdout.decode("utf-8") + result.stderr.decode("utf-8")
    assert forged_lines(out, own_annotations=True) == []
    assert all(
        line.startswith(("::error file=org.yaml,", "::warning file=org.yaml,", "::notice file=org.yaml,"))
        for line in result.stdout.decode().splitlines()
    )


def test_invisible_characters_are_shown_in_text_output(repo):
    (repo / "org.yaml").write_text(HOSTILE_CHART, encoding="utf-8")
    text = orglint("check", "org.yaml", cwd=repo).stdout.decode("utf-8")
    assert "reports to 'ghost<U+200B>'" in text
    assert "\u200b" not in text


def test_config_errors_with_line_breaks_do_not_forge_commands(repo):
    (repo / "org.yaml").write_text(CLEAN_CHART, encoding="utf-8")
    (repo / ".orglint.yaml").write_text('"bad\\n::error file=x::pwned\\n##vso[task.complete]": 1\n', encoding="utf-8")
    result = orglint("check", "org.yaml", cwd=repo)
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert "bad" in err and forged_lines(err) == []


def test_sarif_messages_escape_link_syntax_and_still_validate(repo):
    (repo / "org.yaml").write_text(
        'orglint: 1\npeople:\n  - {id: ada, name: "[click here](https://evil.example)", title: CEO, reports_to: nobody}\n',
        encoding="utf-8",
    )
    result = orglint("check", "org.yaml", "--format", "sarif", cwd=repo)
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text(encoding="utf-8")))
    messages = [entry["message"]["text"] for entry in sarif["runs"][0]["results"]]
    assert any("\\[click here\\](https://evil.example)" in message for message in messages)
    assert not any(
        "[click here](" in message.replace("\\[", "").replace("\\]", "") and "](" in message.replace("\\](", "")
        for message in messages
    )


def test_junit_parses_with_control_characters_in_file_names(repo):
    name = "org\x1b[31m\x01.yaml"
    (repo / name).write_text(CLEAN_CHART.replace("name: Ada,", "name: Ada, reports_to: nobody,"), encoding="utf-8")
    result = orglint("check", name, "--format", "junit", cwd=repo)
    assert result.returncode == 1, result.stderr
    root = ElementTree.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert b"\x1b" not in result.stdout and b"\x01" not in result.stdout


def test_junit_escapes_control_characters_in_messages(repo):
    # Before: C0 characters became U+FFFD (the name unreadable) and C1 ones (a CSI) passed raw.
    (repo / "org.yaml").write_text(
        'orglint: 1\npeople:\n  - {id: ada, name: "A\\x01B\\u009b", title: "C\\x1bEO", reports_to: "no\\x02body"}\n',
        encoding="utf-8",
    )
    result = orglint("check", "org.yaml", "--format", "junit", cwd=repo)
    assert result.returncode == 1, result.stderr
    failure = ElementTree.fromstring(result.stdout).find(".//failure")
    assert failure.get("message") == "A\\x01B\\x9b (C\\x1bEO) reports to 'no\\x02body', but no person has that id"
    assert failure.text.startswith("org.yaml:3:")
    assert "A\\x01B\\x9b (C\\x1bEO)" in failure.text
    assert not any(char in result.stdout.decode("utf-8") for char in "\x01\x02\x1b\x9b\ufffd")


def test_a_one_line_chart_does_not_print_its_line_per_finding(repo):
    people = ", ".join(
        f"{{id: p{index}, name: Person {index}, title: Engineer, reports_to: ghost{index}}}" for index in range(5000)
    )
    chart = "orglint: 1\npeople: [" + people + "]\n"
    assert len(chart) > 300_000
    (repo / "org.yaml").write_text(chart, encoding="utf-8")
    result = orglint("check", "org.yaml", "--select", "S002", cwd=repo)
    assert result.returncode == 1
    findings = result.stdout.count(b"S002 [error]")
    assert findings == 5000
    assert len(result.stdout) < findings * 1200  # before: the whole 300 kB line under every finding
    assert "\u2026".encode() in result.stdout


def test_an_empty_select_is_a_usage_error(repo):
    (repo / "org.yaml").write_text(CLEAN_CHART.replace("title: CEO", "title: CEO, reports_to: ghost"), encoding="utf-8")
    for empty in ("", " , "):
        result = orglint("check", "org.yaml", "--select", empty, cwd=repo)
        assert result.returncode == 2
        assert b"--select is empty" in result.stderr
    assert orglint("check", "org.yaml", "--ignore", "", cwd=repo).returncode == 1  # ignores nothing


# --- writes --------------------------------------------------------------------------------


def test_write_baseline_never_replaces_an_input_even_with_force(repo):
    (repo / "org.yaml").write_text(CLEAN_CHART, encoding="utf-8")
    for spelling in ("org.yaml", "./org.yaml", str(repo / "org.yaml")):
        result = orglint("check", "org.yaml", "--write-baseline", spelling, "--force", cwd=repo)
        assert result.returncode == 2, result.stderr
        assert b"one of the inputs" in result.stderr
    assert (repo / "org.yaml").read_text(encoding="utf-8") == CLEAN_CHART


@pytest.mark.parametrize("content", [b"org: caf\xe9\n", "orglint: 1\n".encode("utf-16-le"), b""])
def test_output_never_replaces_an_input_that_could_not_be_read(repo, content):
    (repo / "org.yaml").write_text(CLEAN_CHART, encoding="utf-8")
    (repo / "broken.yaml").write_bytes(content)
    result = orglint("check", "org.yaml", "broken.yaml", "--output", "broken.yaml", cwd=repo)
    assert result.returncode == 2
    assert b"one of the inputs" in result.stderr
    assert (repo / "broken.yaml").read_bytes() == content


def test_output_never_replaces_an_input_found_in_a_folder_or_through_links(repo):
    (repo / "org").mkdir()
    chart = repo / "org" / "people.yaml"
    chart.write_text(CLEAN_CHART, encoding="utf-8")
    os.link(chart, repo / "hard.yaml")
    (repo / "soft.yaml").symlink_to(chart)
    for target in ("org/people.yaml", "hard.yaml", "soft.yaml"):
        result = orglint("check", "org", "--output", target, cwd=repo)
        assert result.returncode == 2 and b"one of the inputs" in result.stderr, target
    assert chart.read_text(encoding="utf-8") == CLEAN_CHART


def test_output_never_replaces_the_file_named_by_stdin_filename(repo):
    (repo / "org.yaml").write_text(CLEAN_CHART, encoding="utf-8")
    result = orglint("check", "-", "--stdin-filename", "org.yaml", "--output", "org.yaml", cwd=repo, stdin=CLEAN_CHART.encode())
    assert result.returncode == 2 and b"one of the inputs" in result.stderr
    assert (repo / "org.yaml").read_text(encoding="utf-8") == CLEAN_CHART


def test_a_committed_link_cannot_redirect_a_write_out_of_the_repository(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "bashrc"
    outside.write_text("keep me\n", encoding="utf-8")
    (repo / "org.yaml").write_text(CLEAN_CHART, encoding="utf-8")
    (repo / "orglint.sarif").symlink_to(outside)
    for option in ("--output", "--write-baseline"):
        result = orglint("check", "org.yaml", "--format", "sarif", option, "orglint.sarif", "--force", cwd=repo)
        assert result.returncode == 2, result.stderr
        assert b"leading outside the repository" in result.stderr
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert (repo / "orglint.sarif").is_symlink()


def test_a_link_inside_the_repository_is_written_through_and_kept(repo):
    (repo / "org.yaml").write_text(CLEAN_CHART, encoding="utf-8")
    (repo / "reports").mkdir()
    (repo / "latest.json").symlink_to(repo / "reports" / "run.json")
    (repo / "reports" / "run.json").write_text("old\n", encoding="utf-8")
    assert orglint("check", "org.yaml", "--format", "json", "--output", "latest.json", cwd=repo).returncode == 0
    assert (repo / "latest.json").is_symlink()
    assert json.loads((repo / "reports" / "run.json").read_text(encoding="utf-8")) == []


def test_output_to_a_fifo_is_written_through(repo):
    (repo / "org.yaml").write_text(CLEAN_CHART, encoding="utf-8")
    fifo = repo / "results.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = orglint("check", "org.yaml", "--format", "json", "--output", "results.fifo", cwd=repo)
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(received[0]) == []
    assert fifo.is_fifo()


def test_output_to_dev_stdout_writes_through_the_pipe(repo):
    (repo / "org.yaml").write_text(CLEAN_CHART, encoding="utf-8")
    result = orglint("check", "org.yaml", "--format", "json", "--output", "/dev/stdout", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "out.json"

    def killed(descriptor, data):
        raise SystemExit(143)  # what SIGTERM raises in the CLI (cli._terminated)

    monkeypatch.setattr(files, "_write_all", killed)
    with pytest.raises(SystemExit):
        files.write_output(target, "{}")
    assert list(tmp_path.iterdir()) == []


def test_sigterm_unwinds_so_that_cleanups_run(tmp_path):
    script = (
        "import os, signal, sys\n"
        "from orglint import cli\n"
        "signal.signal(signal.SIGTERM, cli._terminated)\n"
        "try:\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "finally:\n"
        "    open(sys.argv[1], 'w').write('cleaned')\n"
    )
    marker = tmp_path / "marker"
    result = subprocess.run([sys.executable, "-c", script, str(marker)], capture_output=True, timeout=60)
    assert result.returncode == 143
    assert marker.read_text() == "cleaned"


def test_convert_never_writes_onto_its_input(repo):
    export = repo / "people.csv"
    export.write_text("id,name,title,reports_to\nada,Ada,CEO,\n", encoding="utf-8")
    (repo / "link.csv").symlink_to(export)
    for target in ("people.csv", "./people.csv", str(export), "link.csv"):
        result = orglint("convert", "people.csv", "-o", target, "--force", cwd=repo)
        assert result.returncode == 2, (target, result.stderr)
        assert b"one of the inputs" in result.stderr
    assert export.read_text(encoding="utf-8") == "id,name,title,reports_to\nada,Ada,CEO,\n"
    assert (repo / "link.csv").is_symlink()


def test_init_never_writes_through_a_committed_link_out_of_the_repository(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "profile"
    outside.write_text("keep me\n", encoding="utf-8")
    (repo / "org.yaml").symlink_to(outside)
    result = orglint("init", "--force", cwd=repo)
    assert result.returncode == 2, result.stderr
    assert b"leading outside the repository" in result.stderr
    assert outside.read_text(encoding="utf-8") == "keep me\n"


def test_a_device_is_written_through_not_replaced(tmp_path, monkeypatch):
    # A character device (/dev/null, /dev/stdout) without touching a real one: a regular file that
    # os.stat reports as a device. Written through, it keeps its inode; replaced, it would not.
    device = tmp_path / "null"
    device.write_text("", encoding="utf-8")
    inode = device.stat().st_ino
    real_stat = os.stat

    def as_device(path, *args, **kwargs):
        info = real_stat(path, *args, **kwargs)
        if os.fspath(path) == os.fspath(device):
            return os.stat_result((stat.S_IFCHR | 0o666, *tuple(info)[1:]))
        return info

    monkeypatch.setattr(files.os, "stat", as_device)
    files.write_output(device, "{}\n")
    assert device.stat().st_ino == inode
    assert device.read_text(encoding="utf-8") == "{}\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["null"]


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "mkstemp"])
def test_sigterm_in_the_middle_of_a_write_leaves_no_temporary_file(repo, unnamed):
    # The real console entry point, in a process that receives SIGTERM once half the report is written.
    (repo / "org.yaml").write_text(CLEAN_CHART.replace("title: CEO", "title: CEO, reports_to: ghost"), encoding="utf-8")
    (repo / "report.json").write_text("previous\n", encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        "from orglint import cli, files\n"
        "real_write = files._write_all\n"
        "def half_then_killed(descriptor, data):\n"
        "    os.write(descriptor, data[: len(data) // 2])\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real_write(descriptor, data[len(data) // 2 :])\n"
        "files._write_all = half_then_killed\n"
        + ("" if unnamed else "files._unnamed_file = lambda directory: None\n")
        + "sys.argv = ['orglint', 'check', 'org.yaml', '--format', 'json', '--output', 'report.json']\n"
        "cli.run()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=repo, capture_output=True, timeout=120)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert sorted(path.name for path in repo.iterdir()) == [".git", "org.yaml", "report.json"]
    assert (repo / "report.json").read_text(encoding="utf-8") == "previous\n"


def test_stats_and_roles_tables_escape_rich_markup(repo):
    (repo / "org.yaml").write_text(
        'orglint: 1\nunits:\n  - {id: u, name: "[link=http://evil.example]Sales[/link]", lead: "[bold red]x[/]"}\n'
        'people:\n  - {id: "[bold red]x[/]", name: Ada, title: CEO, unit: u}\n',
        encoding="utf-8",
    )
    for command in ("roles", "stats"):
        result = orglint(command, "org.yaml", cwd=repo)
        assert result.returncode in (0, 1), result.stderr
        out = result.stdout.decode("utf-8")
        assert "\x1b" not in out
    # Shown as typed: rich would otherwise read them as markup (a hyperlink, a style) and drop them.
    assert "[bold red]x[/]" in orglint("roles", "org.yaml", cwd=repo).stdout.decode("utf-8")
    assert "[link=http://evil.example]Sales[/link]" in orglint("stats", "org.yaml", cwd=repo).stdout.decode("utf-8")


# --- the sanitiser itself --------------------------------------------------------------------


def test_sanitiser_units():
    assert visible("a\nb\x1b[0m\u200bc\u202e") == "a\\nb\\x1b[0m<U+200B>c\\u202e"
    assert (
        defuse_ci_commands("ok\n  ::error::x\n##vso[a]b ##teamcity[c] ##[d]")
        == "ok\n  \\x3a:error::x\n#\\x23vso[a]b #\\x23teamcity[c] #\\x23[d]"
    )
    assert for_log("line one\n::warning::two\x1b") == "line one\n\\x3a:warning::two\\x1b"
    assert visible("x\udcff.yaml") == "x\\xff.yaml"
