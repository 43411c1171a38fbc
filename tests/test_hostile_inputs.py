"""Nothing lost, nobody in: hostile and broken inputs give exit 2 and a located message, never a traceback.

These run the real console script, because only a subprocess proves that no
traceback reaches the user and that time and memory stay bounded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # huge, deep and malicious inputs, each run to its limit: `pytest -m "not slow"` skips them

ORGLINT = str(Path(sys.executable).parent / "orglint")
TIMEOUT = 60


def orglint(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [ORGLINT, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT,
        env={**os.environ, "NO_COLOR": "1"},
    )


def assert_clean_failure(result: subprocess.CompletedProcess, *expected: str) -> str:
    """Exit 2, no traceback, and every expected fragment in the output."""
    output = result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, output
    assert "Traceback" not in output, output
    for fragment in expected:
        assert fragment in output, f"{fragment!r} not in:\n{output}"
    return output


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_yaml_syntax_error_is_located(tmp_path):
    path = write(tmp_path, "org.yaml", "people:\n  - id: ada\n    name: [unclosed\n")
    output = assert_clean_failure(orglint("check", str(path), "--format", "concise"), "E001")
    assert "org.yaml:4:" in output or "org.yaml:3:" in output


def test_billion_laughs_is_bounded(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join(f"*{previous}" for _ in range(9)) + "]")
    chart = "x-" + "\nx-".join(lines) + "\npeople:\n  - id: ada\n    x-bomb: *i\n    dotted_to: *i\n"
    path = write(tmp_path, "bomb.yaml", chart)
    output = assert_clean_failure(orglint("check", str(path), "--format", "concise"), "E009")
    assert "bomb.yaml:" in output


def test_an_alias_inside_its_own_anchor_does_not_hang(tmp_path):
    # A recursive node (found by fuzzing): looking for comments inside scalars must not loop.
    chart = "x-loop: &a\n  - *a\n  - [1, 2]   # orglint: disable=S001\npeople:\n  - id: ada   # orglint: disable=S004\n"
    result = orglint("check", str(write(tmp_path, "org.yaml", chart)), "--format", "concise")
    output = result.stdout.decode()
    assert result.returncode == 1, output
    assert "org.yaml:3:14: X001" in output and "org.yaml:5:" in output


def test_a_long_text_repeated_by_aliases_is_bounded(tmp_path):
    # A short file whose aliases repeat a 2 MB scalar: each use would land in a message.
    chart = "x-big: &big " + "x" * 2_000_000 + "\npeople:\n  - id: a\n"
    chart += "".join(f"  - id: p{n}\n    reports_to: a\n    unit: *big\n" for n in range(6))
    output = assert_clean_failure(orglint("check", str(write(tmp_path, "org.yaml", chart)), "--format", "concise"), "E009")
    assert (
        "org.yaml:21:11: E009" in output
    )  # the sixth use passes the limit and "aliases repeat more than 10,000,000 characters" in output


def test_an_absurdly_long_name_is_cut_short_in_messages(tmp_path):
    # The top of the chart has a 100 kB name, and each of 200 other tops is told about it.
    chart = "people:\n  - id: a\n    name: " + "ab " * 33_000 + "z\n"
    chart += "".join(f"  - id: p{n}\n" for n in range(200))
    result = orglint("check", str(write(tmp_path, "org.yaml", chart)), "--format", "concise", "--select", "S004")
    output = result.stdout.decode()
    assert result.returncode == 1
    assert output.count("S004") == 200
    assert len(output) < 200 * 400
    assert "everyone but ab ab ab" in output and "ab\u2026 should have a reports_to" in output


def test_a_list_of_100000_items_reads_in_linear_time(tmp_path):
    # Repeats are dropped keeping the order; a quadratic way took a minute on this 1 MB file.
    items = ", ".join(f"u{n % 99_999}" for n in range(100_000))
    chart = f"orglint: 1\nunits:\n  - id: u0\npeople:\n  - id: a\n    units: [{items}]\n"
    result = orglint("check", str(write(tmp_path, "org.yaml", chart)), "--format", "concise", "--select", "S002")
    output = result.stdout.decode()
    assert result.returncode == 1
    assert output.count("S002") == 99_998  # u1 ... u99998 are unknown; u0 exists, and u0 comes twice


def test_nesting_100000_deep(tmp_path):
    path = write(tmp_path, "deep.yaml", "people: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert_clean_failure(orglint("check", str(path), "--format", "concise"), "deep.yaml:1:", "E009")


def test_deep_block_nesting(tmp_path):
    chart = "people:\n" + "".join("  " * depth + f"k{depth}:\n" for depth in range(1, 3000))
    path = write(tmp_path, "deep-block.yaml", chart)
    assert_clean_failure(orglint("check", str(path), "--format", "concise"), "deep-block.yaml:", "E009")


def test_binary_file(tmp_path):
    path = write(tmp_path, "photo.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_clean_failure(orglint("check", str(path)), "E007", "binary")


def test_non_utf8_file_names_the_byte_and_line(tmp_path):
    path = write(tmp_path, "latin1.yaml", "people:\n  - id: jose\n    name: Jos\xe9\n".encode("latin-1"))
    assert_clean_failure(orglint("check", str(path), "--format", "concise"), "latin1.yaml:3:14", "E007", "0xe9")


def test_empty_file(tmp_path):
    path = write(tmp_path, "org.yaml", "")
    assert_clean_failure(orglint("check", str(path)), "E010", "empty")


def test_comments_only_file(tmp_path):
    path = write(tmp_path, "org.yaml", "# nothing here yet\n")
    assert_clean_failure(orglint("check", str(path)), "E010")


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.check_output [['touch', '{marker}']]",
        "!!python/name:os.system",
    ],
)
def test_python_tags_never_run(tmp_path, tagged):
    marker = tmp_path / "pwned"
    chart = f"people:\n  - id: ada\n    name: {tagged.format(marker=marker)}\n"
    path = write(tmp_path, "evil.yaml", chart)
    assert_clean_failure(orglint("check", str(path), "--format", "concise"), "evil.yaml:3:11", "E008")
    assert not marker.exists()


def test_duplicate_keys_name_both_lines(tmp_path):
    path = write(tmp_path, "org.yaml", "people:\n  - id: ada\n    name: Ada\n    name: Ada Byron\n")
    assert_clean_failure(orglint("check", str(path), "--format", "concise"), "org.yaml:4:5", "E002", "line 3")


WRONG_TYPES = {
    "top level is a list": ("- id: ada\n", "org.yaml:1:1"),
    "people is a string": ("people: everyone\n", "org.yaml:1:9"),
    "entry is a string": ("people:\n  - ada\n", "org.yaml:2:5"),
    "id is a list": ("people:\n  - id: [ada]\n", "org.yaml:2:9"),
    "reports_to is a mapping": ("people:\n  - id: ada\n    reports_to: {id: bob}\n", "org.yaml:3:17"),
    "dotted_to is a string": ("people:\n  - id: ada\n    dotted_to: bob\n", "org.yaml:3:16"),
    "roles item is a list": ("people:\n  - id: ada\n    roles: [[ceo]]\n", "org.yaml:3:13"),
    "org is a list": ("org: [a]\npeople:\n  - id: ada\n", "org.yaml:1:6"),
    "unit products is a number": ("people:\n  - id: ada\nunits:\n  - id: u\n    products: 3\n", "org.yaml:5:15"),
    "metrics is a mapping": ("people:\n  - id: ada\nproducts:\n  - id: p\n    metrics: {a: 1}\n", "org.yaml:5:14"),
}


@pytest.mark.parametrize("case", sorted(WRONG_TYPES))
def test_wrong_types_at_every_level(tmp_path, case):
    chart, where = WRONG_TYPES[case]
    path = write(tmp_path, "org.yaml", chart)
    assert_clean_failure(orglint("check", str(path), "--format", "concise"), where, "E004")


def test_unknown_key_suggests_the_right_one(tmp_path):
    path = write(tmp_path, "org.yaml", "people:\n  - id: ada\n    reportsto: bob\n")
    assert_clean_failure(orglint("check", str(path), "--format", "concise"), "org.yaml:3:5", "E003", "reports_to")


def test_unsupported_version(tmp_path):
    path = write(tmp_path, "org.yaml", "orglint: 2\npeople:\n  - id: ada\n")
    assert_clean_failure(orglint("check", str(path), "--format", "concise"), "org.yaml:1:10", "E005")


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    chart = "people:\n  - id: ada\n    nme: A\n  - id: bob\n    reports_to: [ada]\n  - id: cy\n    titel: CEO\n"
    path = write(tmp_path, "org.yaml", chart)
    output = assert_clean_failure(orglint("check", str(path), "--format", "concise"))
    assert output.count("E003") == 2 and output.count("E004") == 1, output


def test_missing_file(tmp_path):
    assert_clean_failure(orglint("check", str(tmp_path / "nope.yaml")), "E006", "no such file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "org.yaml", "people: []\n")
    path.chmod(0)
    assert_clean_failure(orglint("check", str(path)), "E006")


def test_a_directory_given_as_a_file_inside_a_chart_folder(tmp_path):
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "people.yaml").mkdir()
    assert_clean_failure(orglint("check", str(tmp_path / "org")), "E010")


def test_directory_without_yaml(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    assert_clean_failure(orglint("check", str(tmp_path)), "E010", "no org chart files")


def test_symlink_loop(tmp_path):
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    output = assert_clean_failure(orglint("check", str(tmp_path), "--format", "concise"), "E006")
    assert "a.yaml" in output and "b.yaml" in output


def test_200_megabytes_of_random_bytes(tmp_path):
    path = tmp_path / "noise.yaml"
    with path.open("wb") as handle:
        for _ in range(200):
            handle.write(os.urandom(1 << 20))
    assert_clean_failure(orglint("check", str(path)), "E007")


def test_stdin(tmp_path):
    result = orglint("check", "-", "--format", "concise", stdin=b"people:\n  - id: ada\n    nmae: Ada\n")
    assert_clean_failure(result, "<stdin>:3:5", "E003")


def test_inputs_are_never_written(tmp_path):
    path = write(tmp_path, "org.yaml", "people:\n  - id: ada\n    reports_to: ada\n")
    before = path.read_bytes(), path.stat().st_mtime_ns
    orglint("check", str(path))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_unwritable_output_is_a_clear_error(tmp_path):
    path = write(tmp_path, "org.yaml", "people:\n  - id: ada\n    title: CEO\n")
    result = orglint("check", str(path), "--output", str(tmp_path / "missing-dir" / "out.txt"))
    assert_clean_failure(result, "cannot write")


def test_a_control_character_is_located(tmp_path):
    path = write(tmp_path, "org.yaml", 'orglint: 1\npeople:\n  - {id: ada, name: "Ada \x07 Byron"}\n')
    assert_clean_failure(orglint("check", str(path), "--format", "concise"), "org.yaml:3:26: E001", "U+0007")


def test_values_yaml_reads_as_dates_or_booleans_are_explained(tmp_path):
    path = write(tmp_path, "org.yaml", "people:\n  - {id: 2024-01-01}\n  - {id: 'yes'}\n  - {id: no}\n")
    output = assert_clean_failure(orglint("check", str(path), "--format", "concise"))
    assert "org.yaml:2:10: E004 [error] person id '2024-01-01' is read by YAML as a date; put it in quotes" in output
    assert "org.yaml:4:10: E004 [error] person id 'no' is read by YAML as a boolean; put it in quotes" in output
    assert "'yes'" not in output  # quoted: a string, fine


def test_merge_keys_are_refused_with_a_reason(tmp_path):
    path = write(tmp_path, "org.yaml", "x-base: &b {title: Engineer}\npeople:\n  - {<<: *b, id: bob}\n")
    assert_clean_failure(orglint("check", str(path), "--format", "concise"), "org.yaml:3:6: E003", "merge keys")


@pytest.mark.parametrize("command", [["check"], ["graph"], ["stats", "--format", "json"]])
def test_output_over_an_input_is_refused(tmp_path, command):
    path = write(tmp_path, "org.yaml", "people:\n  - {id: ada, title: CEO}\n")
    before = path.read_bytes()
    result = orglint(*command, str(path), "--output", str(path))
    assert_clean_failure(result, "is one of the inputs")
    assert path.read_bytes() == before


HR_EXPORT = b"Employee ID,Name,Title,Manager ID\n1,Ada Lovelace,CEO,\n2,Bo Chen,VP of Product,1\n2,Bo Again,Engineer,1\n"


@pytest.mark.parametrize("paths", [[], ["-"]], ids=["no-path", "dash"])
def test_stdin_filename_names_standard_input_and_sets_its_format(paths):
    result = orglint("check", *paths, "--stdin-filename", "exports/hr.csv", "--format", "concise", stdin=HR_EXPORT)
    output = result.stdout.decode()
    assert result.returncode == 1, output
    assert output.startswith("exports/hr.csv:4:1: S003 [error] person id '2' is already defined at line 3")


def test_csv_on_standard_input_without_a_name_says_how_to_name_it():
    result = orglint("check", "-", "--format", "concise", stdin=HR_EXPORT)
    output = assert_clean_failure(result, "<stdin>:1:1: E004")
    assert "to read CSV from standard input, name it: --stdin-filename export.csv" in output


def test_convert_reads_a_named_standard_input(tmp_path):
    target = tmp_path / "org.yaml"
    result = orglint(
        "convert", "-", "--stdin-filename", "hr.csv", "-o", str(target), stdin=HR_EXPORT.replace(b"2,Bo Again", b"3,Cy")
    )
    assert result.returncode == 0, result.stderr.decode()
    assert "name: Bo Chen" in target.read_text()


def test_stdin_filename_needs_standard_input(tmp_path):
    write(tmp_path, "org.yaml", "people:\n  - id: ada\n")
    result = orglint("check", "org.yaml", "--stdin-filename", "x.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert "--stdin-filename names standard input: pass - as a path, or no path" in result.stderr.decode()


def test_per_file_ignores_match_the_stdin_filename(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".orglint.yaml", 'per-file-ignores:\n  "exports/*.csv": [S003]\n')
    ignored = orglint("check", "--stdin-filename", "exports/hr.csv", "--format", "concise", cwd=tmp_path, stdin=HR_EXPORT)
    assert ignored.returncode == 0 and ignored.stdout == b""
    elsewhere = orglint("check", "--stdin-filename", "hr.csv", "--format", "concise", cwd=tmp_path, stdin=HR_EXPORT)
    assert elsewhere.returncode == 1 and elsewhere.stdout.decode().startswith("hr.csv:4:1: S003")


def _alias_bomb(final_key: str) -> str:
    lines = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"x-{level}: &{level} [" + ",".join(f"*{previous}" for _ in range(9)) + "]")
    return "\n".join(lines) + f"\n{final_key}: *i\n"


def _alias_bomb_in_a_key() -> str:
    levels = ['&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        levels.append(f"&{level} [" + ",".join(f"*{previous}" for _ in range(9)) + "]")
    return "? [" + ", ".join(levels) + "]\n: 1\n"


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (_alias_bomb("select"), ".orglint.yaml: the config holds more than 100,000 values (YAML aliases?)"),
        (_alias_bomb_in_a_key(), ".orglint.yaml:1: keys must be plain strings"),
    ],
    ids=["values", "keys"],
)
def test_an_alias_bomb_in_the_config_is_bounded(tmp_path, config, expected):
    # A pull request can change .orglint.yaml: it must not be able to hang the CI runner.
    (tmp_path / ".git").mkdir()
    write(tmp_path, "org.yaml", "people:\n  - id: ada\n")
    write(tmp_path, ".orglint.yaml", config)
    assert_clean_failure(orglint("check", "org.yaml", cwd=tmp_path), expected)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "pyproject.toml",
            "[tool.orglint]\nselect = " + "[" * 100_000 + "]" * 100_000 + "\n",
            "pyproject.toml: nested too deeply",
        ),
        ("baseline.json", "[" * 200_000 + "]" * 200_000, "baseline file baseline.json is nested too deeply"),
    ],
)
def test_deeply_nested_config_and_baseline_files(tmp_path, name, content, expected):
    (tmp_path / ".git").mkdir()
    write(tmp_path, "org.yaml", "people:\n  - id: ada\n")
    write(tmp_path, name, content)
    extra = ["--baseline", name] if name.endswith(".json") else []
    assert_clean_failure(orglint("check", "org.yaml", *extra, cwd=tmp_path), expected)


def test_a_comment_naming_100000_unknown_rules(tmp_path):
    # Matching every X002 against every name of the comment was quadratic (minutes).
    names = ",".join(f"Q{n}x" for n in range(100_000))
    path = write(tmp_path, "org.yaml", f"orglint: 1\npeople:\n  - id: a  # orglint: disable={names}\n")
    result = orglint("check", str(path), "--format", "concise")
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 1
    assert len(lines) == 100_000 and all(": X002 [warning] suppression names 'Q" in line for line in lines)
