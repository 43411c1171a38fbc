"""Reading charts from an untrusted checkout (SECURITY.md): each attack on the chart reader, run as it would be.

The files of a pull request are untrusted: a committed symbolic link must not make
orglint show a file outside the repository, a link to a device or a FIFO must not
exhaust memory or hang, a deep folder or an odd file name must not crash it, and
vendored folders are not linted. Most tests run the installed console script, with
an address-space limit, because only a subprocess proves there is no traceback, no
hang and no runaway memory.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import quote

import pytest

from orglint.api import lint
from orglint.loader import expand_paths, read_text

ORGLINT = str(Path(sys.executable).parent / "orglint")
TIMEOUT = 60
FORMATS = ["text", "concise", "json", "sarif", "github", "gitlab", "junit", "html"]

SECRET = "s3cr3t_ghp_Tok3nValue"
# A file outside the repository whose first line is a top-level key: read as a chart, the key
# would be named in an "unknown key" message and shown in the source snippet.
SECRET_YAML = f"{SECRET}: hunter2\npeople:\n  - id: root-{SECRET}\n"
SECRET_CSV = f"{SECRET},{SECRET}_2\nx,y\n"
CHART = "orglint: 1\npeople:\n  - id: ada\n    name: Ada\n    title: CEO\n  - id: bob\n    name: Bob\n    reports_to: nobody\n"


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    # A read that never ends fails fast here instead of taking the shared machine's memory.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def orglint(*args: str, cwd: Path | None = None, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [ORGLINT, *args],
        cwd=cwd,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1"},
        preexec_fn=_limit_memory,
    )


def output_of(result: subprocess.CompletedProcess) -> str:
    return result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A checked-out repository (``tmp_path/repo``, with ``.git``) holding ``org/people.yaml``;
    ``tmp_path/secret.yaml`` and ``tmp_path/secret.csv`` lie outside it."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "org").mkdir()
    (root / "org" / "people.yaml").write_text(CHART, encoding="utf-8")
    (tmp_path / "secret.yaml").write_text(SECRET_YAML, encoding="utf-8")
    (tmp_path / "secret.csv").write_text(SECRET_CSV, encoding="utf-8")
    return root


def assert_refused_link(result: subprocess.CompletedProcess, link: str, tmp_path: Path) -> str:
    output = output_of(result)
    assert result.returncode == 2, output
    assert "Traceback" not in output and "internal error" not in output, output
    assert SECRET not in output, output
    assert "hunter2" not in output, output
    assert str(tmp_path / "secret") not in output and "secret.yaml" not in output and "secret.csv" not in output, output
    assert "E006" in output and link in output, output
    return output


# --- symbolic links leading outside the repository ---------------------------------------------


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_committed_link_to_a_file_outside_the_repository_is_refused(repo, tmp_path, output_format):
    (repo / "org" / "leak.yaml").symlink_to(tmp_path / "secret.yaml")
    result = orglint("check", "org", "--format", output_format, cwd=repo)
    assert_refused_link(result, "leak.yaml", tmp_path)
    assert "S002" in output_of(result)  # the real chart is still checked: bob reports to nobody


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_a_link_outside_is_refused_with_isolated_too(repo, tmp_path, output_format):
    (repo / "org" / "leak.yaml").symlink_to(tmp_path / "secret.yaml")
    assert_refused_link(orglint("check", "org", "--isolated", "--format", output_format, cwd=repo), "leak.yaml", tmp_path)


@pytest.mark.parametrize("command", [["check"], ["check", "--format", "json"], ["roles"], ["stats"], ["graph"]])
def test_a_csv_link_does_not_leak_its_first_line(repo, tmp_path, command):
    (repo / "org" / "export.csv").symlink_to(tmp_path / "secret.csv")
    output = assert_refused_link(orglint(*command, "org", cwd=repo), "export.csv", tmp_path)
    assert f"{SECRET}_2" not in output


def test_convert_refuses_a_link_outside(repo, tmp_path):
    (repo / "export.csv").symlink_to(tmp_path / "secret.csv")
    result = orglint("convert", "export.csv", "-o", "out.yaml", cwd=repo)
    assert_refused_link(result, "export.csv", tmp_path)
    assert not (repo / "out.yaml").exists()


def test_a_chart_path_on_the_command_line_that_is_a_committed_link_is_refused(repo, tmp_path):
    (repo / "org.yaml").symlink_to(tmp_path / "secret.yaml")
    output = assert_refused_link(orglint("check", "org.yaml", "--format", "concise", cwd=repo), "org.yaml", tmp_path)
    assert output.startswith(
        "org.yaml:1:1: E006 [error] org.yaml leads outside the repository (the current folder); orglint does not read it"
    )


def test_a_link_to_a_folder_outside_named_on_the_command_line_is_refused(repo, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "org.yaml").write_text(SECRET_YAML, encoding="utf-8")
    (repo / "charts").symlink_to(outside, target_is_directory=True)
    for named in ("charts", "charts/org.yaml"):
        result = orglint("check", named, "--format", "concise", cwd=repo)
        output = output_of(result)
        assert result.returncode == 2 and SECRET not in output and "elsewhere" not in output, output
        assert output.startswith(f"{named}:1:1: E006 [error] {named} leads outside the repository"), output


def test_a_link_through_dot_dot_is_refused(repo, tmp_path):
    (repo / "org" / "up.yaml").symlink_to("../../secret.yaml")  # relative, as git stores it
    assert_refused_link(orglint("check", "org", "--format", "json", cwd=repo), "up.yaml", tmp_path)


def test_outside_the_repository_is_decided_from_the_working_folder_without_git(tmp_path):
    # No repository: the working folder is the boundary for what lies below it.
    work = tmp_path / "work"
    (work / "org").mkdir(parents=True)
    (work / "org" / "people.yaml").write_text(CHART, encoding="utf-8")
    (tmp_path / "secret.yaml").write_text(SECRET_YAML, encoding="utf-8")
    (work / "org" / "leak.yaml").symlink_to(tmp_path / "secret.yaml")
    assert_refused_link(orglint("check", "org", cwd=work), "leak.yaml", tmp_path)


def test_a_link_inside_the_repository_keeps_working(repo):
    (repo / "shared").mkdir()
    (repo / "shared" / "team.yaml").write_text("people:\n  - id: cy\n    reports_to: ada\n    title: Engineer\n")
    (repo / "org" / "team.yaml").symlink_to("../shared/team.yaml")
    result = orglint("check", "org", "--format", "json", "--select", "S002", cwd=repo)
    assert result.returncode == 1, output_of(result)
    findings = json.loads(result.stdout)
    assert [(f["code"], f["file"]) for f in findings] == [("S002", "org/people.yaml")]
    stats = orglint("stats", "org", "--format", "json", cwd=repo)
    assert stats.returncode == 0, output_of(stats)
    assert json.loads(stats.stdout)["headcount"] == 3


def test_the_user_may_name_a_file_outside_any_repository(tmp_path):
    # The command line is trusted: a file the user names is read wherever it is.
    chart = tmp_path / "elsewhere" / "org.yaml"
    chart.parent.mkdir()
    chart.write_text(CHART, encoding="utf-8")
    (tmp_path / "here").mkdir()
    result = orglint("check", str(chart), "--format", "concise", "--select", "S002", cwd=tmp_path / "here")
    assert result.returncode == 1, output_of(result)
    assert "E006" not in output_of(result) and "S002" in output_of(result)


# --- devices, FIFOs and limits ------------------------------------------------------------------


def test_a_link_to_dev_zero_is_refused_quickly(repo, tmp_path):
    (repo / "org" / "zero.yaml").symlink_to("/dev/zero")
    started = time.monotonic()
    result = orglint("check", "org", "--format", "concise", cwd=repo, timeout=30)
    output = output_of(result)
    assert time.monotonic() - started < 20
    assert result.returncode == 2, output
    assert "org/zero.yaml:1:1: E006 [error] org/zero.yaml leads outside the repository (the current folder)" in output


def test_a_device_named_by_the_user_is_refused_as_not_a_regular_file(tmp_path):
    result = orglint("check", "/dev/zero", "--format", "concise", cwd=tmp_path, timeout=30)
    output = output_of(result)
    assert result.returncode == 2, output
    assert (
        "/dev/zero:1:1: E006 [error] /dev/zero is not a regular file (a character device); orglint reads only regular files"
        in output
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_does_not_block(repo):
    os.mkfifo(repo / "org" / "pipe.yaml")
    result = orglint("check", "org", "--format", "concise", cwd=repo, timeout=30)
    output = output_of(result)
    assert result.returncode == 2, output
    assert (
        "org/pipe.yaml:1:1: E006 [error] org/pipe.yaml is not a regular file (a FIFO); orglint reads only regular files" in output
    )


def test_a_chart_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    import orglint.loader as loader

    monkeypatch.setattr(loader, "MAX_CHART_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_text("people:\n" + "  - id: p\n" * 200)
    text, problem = read_text("big.yaml", path)
    assert text is None
    assert (problem.code, problem.message) == ("E009", "big.yaml is larger than 1000 bytes; orglint does not read it")


def test_standard_input_stays_readable(tmp_path):
    result = subprocess.run(
        [ORGLINT, "check", "-", "--format", "concise", "--select", "S002"],
        input=CHART.encode(),
        capture_output=True,
        timeout=TIMEOUT,
        cwd=tmp_path,
    )
    assert result.returncode == 1 and result.stdout.decode().startswith("<stdin>:8:17: S002"), output_of(result)


# --- deep folders ------------------------------------------------------------------------------


@pytest.fixture
def deep_folder(tmp_path: Path):
    """``tmp_path/org/d/d/.../d``, 1,000 deep; removed afterwards from the bottom up, because
    pytest's own clean-up (shutil.rmtree) recurses and would fail on it."""
    folders = [tmp_path / "org"]
    for _ in range(1000):  # one by one: Path.mkdir(parents=True) recurses too
        folders.append(folders[-1] / "d")
    for folder in folders:
        folder.mkdir()
    yield folders[-1]
    for folder in reversed(folders):
        for child in folder.iterdir():
            if not child.is_dir():
                child.unlink()
        folder.rmdir()


def test_a_folder_nested_1000_deep_is_walked_without_recursion(tmp_path, deep_folder):
    (deep_folder / "people.yaml").write_text("people:\n  - id: ada\n    reports_to: nobody\n")
    (tmp_path / "org" / "top.yaml").write_text("people:\n  - id: bob\n    reports_to: ghost\n")
    result = orglint("check", "org", "--format", "json", "--select", "S002", cwd=tmp_path)
    assert result.returncode == 1, output_of(result)
    findings = json.loads(result.stdout)
    assert [(f["code"], f["subject"]) for f in findings] == [("S002", "people.ada"), ("S002", "people.bob")]
    assert findings[0]["file"] == "org/" + "d/" * 1000 + "people.yaml"


def test_an_unreadable_folder_inside_a_chart_folder_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org" / "locked").mkdir(parents=True)
    (tmp_path / "org" / "people.yaml").write_text(CHART)
    scandir = os.scandir

    def refusing(folder):  # what a folder without read permission does (root reads them all)
        if os.path.basename(folder) == "locked":
            raise PermissionError(13, "Permission denied", folder)
        return scandir(folder)

    monkeypatch.setattr(os, "scandir", refusing)
    named, problems = expand_paths(["org"])
    assert [name for name, _path in named] == ["org/people.yaml"]
    assert [(p.code, p.file, p.message) for p in problems] == [
        ("E006", "org/locked", "cannot read the folder org/locked: Permission denied")
    ]


def test_the_walk_is_sorted_and_follows_no_folder_link(tmp_path):
    for name in ("b", "a", "a/z", "a/c"):
        (tmp_path / "org" / name).mkdir(parents=True)
    for name in ("b/2.yaml", "a/z/1.yaml", "a/c/3.yml", "a/0.csv", "10.yaml", "9.yaml"):
        (tmp_path / "org" / name).write_text("people:\n  - id: x\n")
    (tmp_path / "org" / "a" / "loop").symlink_to(tmp_path / "org", target_is_directory=True)
    (tmp_path / "org" / "a" / "dir.yaml").symlink_to(tmp_path / "org" / "b", target_is_directory=True)
    named, problems = expand_paths([str(tmp_path / "org")])
    assert problems == []
    shown = [os.path.relpath(path, tmp_path / "org") for _name, path in named]
    assert shown == ["10.yaml", "9.yaml", "a/0.csv", "a/c/3.yml", "a/z/1.yaml", "b/2.yaml"]


# --- file names that are not UTF-8 or hold control characters -----------------------------------

ODD_NAMES = {
    "not-utf8": (b"x\xff.yaml", "x\\xff.yaml"),
    "escape": (b"a\x1b]0;pwned\x07b.yaml", "a\\x1b]0;pwned\\x07b.yaml"),
    "newline": (b"new\n::error::line.yaml", "new\\n::error::line.yaml"),
    "bidi": ("evil\u202elmay.yaml".encode(), "evil\\u202elmay.yaml"),
}


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("case", sorted(ODD_NAMES))
def test_odd_file_names_are_shown_escaped_in_every_format(tmp_path, output_format, case):
    raw, shown = ODD_NAMES[case]
    folder = tmp_path / "org"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), raw), "wb") as handle:
        handle.write(b"people:\n  - id: ada\n    reports_to: ghost\n")
    result = orglint("check", "org", "--format", output_format, "--select", "S002", cwd=tmp_path)
    output = output_of(result)
    assert result.returncode == 1, output
    assert "internal error" not in output
    stdout = result.stdout.decode("utf-8")  # strict: the output is valid UTF-8
    assert "\x1b" not in stdout and "\x07" not in stdout and "\ufffd" not in stdout and "\u202e" not in stdout
    assert not any(line.startswith("::error::line") for line in stdout.splitlines())
    if output_format == "json":
        assert [f["file"] for f in json.loads(stdout)] == [f"org/{shown}"]
    elif output_format == "sarif":
        [result_] = json.loads(stdout)["runs"][0]["results"]
        assert result_["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(quote(f"org/{shown}"))
    elif output_format == "gitlab":
        assert [issue["location"]["path"] for issue in json.loads(stdout)] == [f"org/{shown}"]
    elif output_format == "junit":
        ElementTree.fromstring(result.stdout)
        assert f"org/{shown}" in stdout
    elif output_format != "github":  # github's own escaping is tested in test_ci_formats
        assert f"org/{shown}" in stdout


def test_display_names_escape_undecodable_bytes_at_their_source(tmp_path):
    folder = tmp_path / "org"
    folder.mkdir()
    for raw in (b"x\xff.yaml", b"tab\there.yaml"):
        with open(os.path.join(os.fsencode(folder), raw), "wb") as handle:
            handle.write(b"people:\n  - id: ada\n")
    named, _problems = expand_paths([str(folder)])
    names = [name.rsplit("/", 1)[-1] for name, _path in named]
    assert names == ["tab\\there.yaml", "x\\xff.yaml"]
    assert all(path.exists() for _name, path in named)  # the real path is kept for reading


# --- encodings ----------------------------------------------------------------------------------

ENCODINGS = {
    "utf-8-sig": codecs.BOM_UTF8 + CHART.encode("utf-8"),
    "utf-16-le": codecs.BOM_UTF16_LE + CHART.encode("utf-16-le"),
    "utf-16-be": codecs.BOM_UTF16_BE + CHART.encode("utf-16-be"),
    "utf-32-le": codecs.BOM_UTF32_LE + CHART.encode("utf-32-le"),
    "utf-32-be": codecs.BOM_UTF32_BE + CHART.encode("utf-32-be"),
}


def _findings(path: Path) -> list[tuple]:
    result = lint([str(path)])
    return [(f.code, f.subject, f.line, f.column, f.message) for f in result.findings]


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_charts_with_a_byte_order_mark_read_like_their_utf8_version(tmp_path, encoding):
    plain = tmp_path / "plain" / "org.yaml"
    marked = tmp_path / encoding / "org.yaml"
    for path, data in ((plain, CHART.encode()), (marked, ENCODINGS[encoding])):
        path.parent.mkdir()
        path.write_bytes(data)
    expected = _findings(plain)
    assert ("S002", "people.bob", 8, 17) in [f[:4] for f in expected]
    assert _findings(marked) == expected


def test_utf16_with_a_broken_surrogate_is_located(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_bytes(codecs.BOM_UTF16_LE + "people:\n  - id: a".encode("utf-16-le") + b"\x00\xd8" + "\n".encode("utf-16-le"))
    text, problem = read_text("org.yaml", path)
    assert text is None
    assert (problem.code, problem.line, problem.column) == ("E007", 2, 10)
    assert problem.message == "org.yaml is not valid UTF-16 text (it starts with a UTF-16 byte order mark)"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named(tmp_path, codec):
    path = tmp_path / "org.yaml"
    path.write_bytes(CHART.encode(codec))
    text, problem = read_text("org.yaml", path)
    assert text is None
    assert (problem.code, problem.message) == (
        "E007",
        "org.yaml looks like UTF-16 text without a byte order mark; save it as UTF-8 (or with the mark)",
    )


def test_a_nul_in_a_utf8_file_is_still_binary(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_bytes(b"people:\x00\n")
    assert read_text("org.yaml", path)[1].message == "org.yaml is a binary file, not an org chart"


EXPORT_ROWS = [
    ["Employee ID", "Name", "Job Title", "Manager ID", "Department"],
    ["1", "Zoë Ångström", "CEO", "", "Executive"],
    ["2", "Bo Chen", "VP of Product", "1", "Product"],
    ["3", "Cy Dörr", "Engineer", "9", "Product"],
]


def test_an_excel_unicode_text_export_reads_like_a_csv(tmp_path):
    comma = tmp_path / "comma" / "hr.csv"
    excel = tmp_path / "excel" / "hr.csv"
    comma.parent.mkdir()
    excel.parent.mkdir()
    comma.write_text("".join(",".join(row) + "\n" for row in EXPORT_ROWS), encoding="utf-8")
    # Excel's "Unicode Text": UTF-16 LE with a byte order mark, cells separated by tabs, CRLF.
    excel.write_bytes(codecs.BOM_UTF16_LE + "".join("\t".join(row) + "\r\n" for row in EXPORT_ROWS).encode("utf-16-le"))
    people = {p.id: (p.name, p.title, p.reports_to, p.unit) for p in lint([str(excel)], select=[]).org.people.values()}
    assert people == {
        "1": ("Zoë Ångström", "CEO", None, "executive"),
        "2": ("Bo Chen", "VP of Product", "1", "product"),
        "3": ("Cy Dörr", "Engineer", "9", "product"),
    }
    strip = lambda findings: [(code, subject, line, column) for code, subject, line, column, _message in findings]  # noqa: E731
    assert strip(_findings(excel)) == strip(_findings(comma))
    assert ("S002", "people.3", 4) in [f[:3] for f in _findings(excel)]


def test_a_unicode_text_csv_through_the_console_script(tmp_path):
    (tmp_path / "hr.csv").write_bytes(
        codecs.BOM_UTF16_LE + "".join("\t".join(row) + "\r\n" for row in EXPORT_ROWS).encode("utf-16-le")
    )
    result = orglint("check", "hr.csv", "--format", "concise", "--select", "S002", cwd=tmp_path)
    assert result.returncode == 1, output_of(result)
    assert result.stdout.decode().startswith("hr.csv:4:")
    assert "1 file" in result.stderr.decode()


# --- vendored folders and exclude ----------------------------------------------------------------

BROKEN = "people:\n  - id: x\n    nmae: broken\n"


def _chart_folder(root: Path) -> Path:
    org = root / "org"
    org.mkdir(parents=True)
    (org / "people.yaml").write_text(CHART)
    for vendored in ("node_modules/pkg", ".venv/lib", "venv", "vendor", "__pycache__", "lib/site-packages/x", ".cache"):
        (org / vendored).mkdir(parents=True)
        for n in range(3):
            (org / vendored / f"f{n}.yaml").write_text(BROKEN)
    return org


def _files(result: subprocess.CompletedProcess) -> set[str]:
    return {finding["file"] for finding in json.loads(result.stdout)}


def test_vendored_folders_are_not_walked(tmp_path):
    _chart_folder(tmp_path)
    result = orglint("check", "org", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, output_of(result)
    assert _files(result) == {"org/people.yaml"}
    assert "in 1 file" in result.stderr.decode()


def test_a_vendored_file_named_on_the_command_line_is_read(tmp_path):
    _chart_folder(tmp_path)
    result = orglint("check", "org/node_modules/pkg/f0.yaml", "org/vendor", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2, output_of(result)
    assert _files(result) == {"org/node_modules/pkg/f0.yaml", *(f"org/vendor/f{n}.yaml" for n in range(3))}


def test_the_exclude_setting_extends_the_defaults(tmp_path):
    org = _chart_folder(tmp_path)
    (tmp_path / ".git").mkdir()
    (org / "legacy").mkdir()
    (org / "legacy" / "old.yaml").write_text(BROKEN)
    (org / "draft.wip.yaml").write_text(BROKEN)
    (org / "keep.yaml").write_text("people:\n  - id: kay\n    reports_to: ada\n")
    (tmp_path / ".orglint.yaml").write_text('exclude: ["org/legacy", "*.wip.yaml"]\n')
    result = orglint("check", "org", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, output_of(result)
    assert _files(result) == {"org/people.yaml"}
    assert "in 2 files" in result.stderr.decode()
    # Named on the command line, an excluded file is read all the same.
    named = orglint("check", "org/legacy/old.yaml", "--format", "json", cwd=tmp_path)
    assert named.returncode == 2 and _files(named) == {"org/legacy/old.yaml"}


def test_exclude_patterns_are_relative_to_the_config_file(tmp_path):
    org = _chart_folder(tmp_path)
    (tmp_path / ".git").mkdir()
    (org / "legacy").mkdir()
    (org / "legacy" / "old.yaml").write_text(BROKEN)
    (tmp_path / ".orglint.yaml").write_text("exclude: [org/legacy/**]\n")
    result = orglint("check", ".", "--format", "json", cwd=org)  # run from below the config
    assert result.returncode == 1, output_of(result)
    assert _files(result) == {"people.yaml"}


@pytest.mark.parametrize("setting", ["exclude: legacy/", "exclude: [legacy]", "exclude: ['org/legacy/**']"])
def test_exclude_forms(tmp_path, setting):
    org = _chart_folder(tmp_path)
    (tmp_path / ".git").mkdir()
    (org / "legacy" / "deeper").mkdir(parents=True)
    (org / "legacy" / "old.yaml").write_text(BROKEN)
    (org / "legacy" / "deeper" / "older.yaml").write_text(BROKEN)
    (org / "legacy.yaml").write_text("people:\n  - id: kay\n    reports_to: ada\n")  # not the folder
    (tmp_path / ".orglint.yaml").write_text(setting + "\n")
    result = orglint("check", "org", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, output_of(result)
    assert _files(result) == {"org/people.yaml"}
    assert "in 2 files" in result.stderr.decode()


def test_default_exclude_false_walks_vendored_folders(tmp_path):
    _chart_folder(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".orglint.yaml").write_text("default-exclude: false\nexclude: [vendor]\n")
    result = orglint("check", "org", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2, output_of(result)
    # Hidden folders stay unwalked; the vendored names are walked, but for the one excluded again.
    assert _files(result) == {
        "org/people.yaml",
        *(
            f"org/{folder}/f{n}.yaml"
            for folder in ("node_modules/pkg", "venv", "__pycache__", "lib/site-packages/x")
            for n in range(3)
        ),
    }


def test_the_exclude_option_on_the_command_line(tmp_path):
    org = _chart_folder(tmp_path)
    (org / "legacy").mkdir()
    (org / "legacy" / "old.yaml").write_text(BROKEN)
    (org / "team.yaml").write_text(BROKEN)
    result = orglint("check", "org", "--exclude", "org/legacy", "--exclude", "team.yaml", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, output_of(result)
    assert _files(result) == {"org/people.yaml"}
    every = orglint("check", "org", "--format", "json", cwd=tmp_path)
    assert _files(every) == {"org/people.yaml", "org/legacy/old.yaml", "org/team.yaml"}


def test_a_folder_whose_files_are_all_excluded_says_so(tmp_path):
    org = tmp_path / "org"
    org.mkdir()
    (org / "a.yaml").write_text(CHART)
    result = orglint("check", "org", "--exclude", "*.yaml", "--format", "concise", cwd=tmp_path)
    output = output_of(result)
    assert result.returncode == 2, output
    assert (
        "org:1:1: E010 [error] org: directory holds no org chart files (*.yaml, *.yml, *.csv); 1 excluded (exclude settings, vendored folders)"
        in output
    )


def test_a_bad_exclude_setting_is_a_located_config_error(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "org.yaml").write_text(CHART)
    (tmp_path / ".orglint.yaml").write_text("select: [S002]\nexclude: {a: b}\n")
    result = orglint("check", "org.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert ".orglint.yaml:2: exclude: expected a list of file or folder globs, got a mapping" in result.stderr.decode()
