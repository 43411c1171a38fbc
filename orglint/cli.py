"""The command line: the only module that prints or exits.

Exit codes (Ruff's and ESLint's): 0 nothing at or above --fail-on; 1 findings
at or above it; 2 input, usage or config error, or a rule crashed.

Imports: what every lint needs is imported here; what only one command needs (tables, pictures,
statistics, conversion) is imported inside that command, so that ``orglint check`` in a
pre-commit hook does not pay for it.
"""

from __future__ import annotations

import functools
import io
import os
import signal
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from orglint import __version__
from orglint.api import LintResult, lint, lint_loaded, load_org
from orglint.baseline import BaselineError
from orglint.baseline import write_baseline as write_baseline_file
from orglint.config import ConfigError
from orglint.engine import SelectionError
from orglint.files import WriteRefused, input_paths, refuse_inputs, write_output
from orglint.importers import ImportOptions
from orglint.loader import LoadResult
from orglint.overrides import OverrideError
from orglint.plugins import PluginError, RuleSet
from orglint.report import FORMATS, Report, render, summary_line, url_for
from orglint.rule import Finding, Severity
from orglint.sanitize import defuse_ci_commands, for_log, utf8_safe
from orglint.session import Session, open_session

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

DEFAULT_PATHS = ("org.yaml", "org")

app = typer.Typer(
    name="orglint",
    help="Lint org charts kept as code: structural damage and product-organization anti-patterns.",
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


# --format of `check`: the report package's table of formats, the one list of them.
CheckFormat = Enum("CheckFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


# The options several commands share, declared once.
ChartPaths = Annotated[
    list[str] | None,
    typer.Argument(help="Org chart files or directories; - reads standard input. Default: org.yaml, else org/."),
]
OutputFile = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of standard output.")
]
Select = Annotated[
    list[str] | None,
    typer.Option("--select", help="Rules to run: codes, prefixes (L, S00), names, or ALL. Comma-separated or repeated."),
]
Ignore = Annotated[list[str] | None, typer.Option("--ignore", help="Rules not to run (same forms as --select).")]
RulesDir = Annotated[
    list[str] | None, typer.Option("--rules-dir", help="Also load rule modules from this folder (runs its code).")
]
ColumnMap = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        metavar="FIELD=COLUMN",
        help='CSV imports: read FIELD from the column COLUMN, e.g. --map manager="Supervisor Name" '
        "(fields: id, name, first-name, last-name, preferred-name, title, manager, department, email; "
        "FIELD= ignores that field). Repeatable.",
    ),
]
StdinFilename = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        metavar="NAME",
        help="What standard input (-) is called: shown in locations, matched by per-file-ignores, and it sets "
        "the format (export.csv is read as CSV). With no path given, standard input is read.",
    ),
]
ConfigFile = Annotated[
    Path | None,
    typer.Option("--config", help="Use this config file (.orglint.yaml or pyproject.toml) instead of looking for one."),
]
Isolated = Annotated[
    bool,
    typer.Option("--isolated", help="Ignore every config file and the plugin folders it names (for untrusted checkouts)."),
]
NoPlugins = Annotated[
    bool,
    typer.Option(
        "--no-plugins",
        help="Run no code the config names: a config with plugins: is an error naming them (for untrusted "
        "checkouts; --rules-dir still loads).",
    ),
]


# A large chart is millions of objects; freeing them one by one takes longer than
# reading the chart. The console script ends the process without that teardown
# (see run), so the last result is kept here until then.
_KEEP_UNTIL_EXIT: list = []


class UsageError(Exception):
    """A problem with how orglint was called or configured: exit 2 with this message."""


def _err(message: str) -> None:
    sys.stderr.write(for_log(message.rstrip("\n")) + "\n")  # messages quote chart and config data


def _version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"orglint {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """orglint reads an org chart, builds a graph of it, and reports what is wrong and why."""


def _split(values: list[str] | None) -> list[str] | None:
    """``--select R001,L --select S`` -> ["R001", "L", "S"]; None when not given."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _selection(values: list[str] | None) -> list[str] | None:
    """``--select`` values; an empty one is a usage error: in CI it is an unset variable
    (``--select "$RULES"``), and running no rule would pass every chart. (An empty ``--ignore``
    ignores nothing, which is harmless.)"""
    selected = _split(values)
    if selected is not None and not selected:
        raise UsageError("--select is empty, so no rule would run; name rules (e.g. --select ALL) or leave --select out")
    return selected


def _use_color(choice: Color, stream, to_file: bool) -> bool:
    if choice is Color.always:
        return True
    if choice is Color.never or to_file:
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _default_paths() -> list[str]:
    for candidate in DEFAULT_PATHS:
        if Path(candidate).exists():
            return [candidate]
    raise UsageError(
        "no org chart given and none found here (looked for org.yaml and org/); "
        "pass a path, e.g. `orglint check path/to/org.yaml`, or run `orglint init`"
    )


# How each kind of output escapes a CI command marker that chart data carries into it (see
# orglint.sanitize.defuse_ci_commands): in a JSON string, in XML text, as plain text.
_CI_ESCAPES = {
    "json": ("\\u0023", "\\u003a"),
    "xml": ("&#35;", "&#58;"),
    "text": ("\\x23", "\\x3a"),
}


def _write_output(text: str, output: Path | None, inputs: Iterable[Path] = (), kind: str | None = "text") -> None:
    """Write to stdout, or to ``output`` (atomically, never onto one of the ``inputs``; see orglint.files).

    What goes to stdout lands in a CI log: markers a CI system reads as commands are defused
    (``kind`` says how to escape them; None for the github format)."""
    text = utf8_safe(text)  # bytes of file names that were not UTF-8, escaped
    if output is None:
        if kind is not None:
            text = defuse_ci_commands(text, *_CI_ESCAPES[kind])
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        write_output(output, text, inputs)
    except WriteRefused as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror or error}") from None


def _print_rich(*renderables: object) -> None:
    """Print rich tables to stdout as the terminal wants them, CI command markers defused (a cell
    of chart data can start a line)."""
    from rich.console import Console

    console = Console(highlight=False)
    with console.capture() as capture:
        for renderable in renderables:
            console.print(renderable)
    sys.stdout.write(defuse_ci_commands(capture.get()))
    sys.stdout.flush()


def _inputs(targets: list[str], stdin_filename: str | None, *writes: Path | None) -> list[Path]:
    """The files a command reads, when it is to write a file (they must not be written over)."""
    if not any(write is not None for write in writes):
        return []
    return input_paths(targets, stdin_filename)


def _repository_base() -> tuple[str | None, str | None]:
    """The git repository root above the current directory, and the current directory (for CI paths)."""
    from orglint.report.ci import find_repo_root

    try:
        cwd = Path.cwd().resolve()
    except OSError:
        return None, None
    root = find_repo_root(cwd)
    return (root.as_posix() if root is not None else None), cwd.as_posix()


def _targets(paths: list[str] | None, stdin_filename: str | None) -> list[str]:
    """The paths to read: those given; standard input under --stdin-filename; else the default chart."""
    if stdin_filename is not None:
        if not paths:
            return ["-"]
        if "-" not in paths:
            raise UsageError("--stdin-filename names standard input: pass - as a path, or no path")
    return list(paths) if paths else _default_paths()


def _import_options(column_map: list[str] | None, stdin_filename: str | None = None) -> ImportOptions | None:
    """The importers' options from --map values and --stdin-filename; a bad --map is a usage error."""
    if not column_map and stdin_filename is None:
        return None
    from orglint.importers.csv import parse_column_map

    try:
        return ImportOptions(column_map=parse_column_map(column_map or []), stdin_name=stdin_filename)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _open_session(
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    rules_dir: list[str] | None = None,
    config_file: Path | None = None,
    isolated: bool = False,
    no_plugins: bool = False,
    **options,
) -> Session:
    """The config, rules, selection and baseline of a run, from the command's options as typer
    gives them; every problem with them is a usage error."""
    try:
        session = open_session(
            select=_selection(select),
            ignore=_split(ignore) or [],
            rules_dirs=rules_dir or [],
            config_file=config_file,
            isolated=isolated,
            no_plugins=no_plugins,
            **options,
        )
    except SelectionError as error:
        raise UsageError(f"--select/--ignore: no rule matches '{error}' (see `orglint rules`)") from None
    except (ConfigError, PluginError, BaselineError) as error:
        raise UsageError(str(error)) from None
    for note in session.config.notes:
        _err(f"orglint: note: {note}")
    return session


def _lint(
    targets: list[str], session: Session, import_options: ImportOptions | None = None, *, loaded: LoadResult | None = None
) -> LintResult:
    """Lint ``targets`` (or what was ``loaded`` already) with the session; an override naming a
    unit the chart lacks is a config error."""
    try:
        if loaded is not None:
            return lint_loaded(loaded, session=session)
        return lint(targets, session=session, import_options=import_options)
    except OverrideError as error:
        raise UsageError(str(error)) from None


def _write_baseline(result, path: Path, quiet: bool) -> None:
    """--write-baseline: record the findings (after suppressions and ignores) and exit 0."""
    try:
        count = write_baseline_file(path, result.findings, tool_version=__version__)
    except WriteRefused as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    if not quiet:
        _err(f"Wrote {count} finding{'' if count == 1 else 's'} to the baseline {path}")
    raise typer.Exit(EXIT_OK)


def _hidden_line(result, session: Session) -> str:
    parts = []
    if result.suppressed:
        parts.append(f"{len(result.suppressed)} suppressed by comments or config")
    if result.baselined:
        parts.append(f"{len(result.baselined)} in the baseline {session.baseline.path if session.baseline else ''}")
    return f"Not shown: {', '.join(parts)}."


def _report_problems(problems: Iterable[Finding], prefix: str = "") -> bool:
    """Print the input problems of a command that shows no findings (roles, stats, graph, convert,
    diff) one per line, as the concise format writes them; True when one of them is an error."""
    from orglint.report.concise import line

    has_error = False
    for problem in problems:
        _err(prefix + line(problem))
        has_error = has_error or problem.severity >= Severity.ERROR
    return has_error


@app.command()
def check(
    paths: ChartPaths = None,
    output_format: CheckFormat | None = typer.Option(
        None, "--format", "-f", help="Output format. Default: text, or github when GITHUB_ACTIONS=true."
    ),
    output: OutputFile = None,
    select: Select = None,
    ignore: Ignore = None,
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", help="Lowest severity that makes the exit code 1. Default: fail-on in the config, else warning."
    ),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings (not on errors)."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the text output (NO_COLOR and FORCE_COLOR honoured)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only: no summary."),
    rules_dir: RulesDir = None,
    column_map: ColumnMap = None,
    stdin_filename: StdinFilename = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    no_plugins: NoPlugins = False,
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Report only findings not recorded in this baseline file (overrides the config's)."
    ),
    write_baseline: Path | None = typer.Option(
        None, "--write-baseline", help="Record every current finding in this baseline file (atomically) and exit 0."
    ),
    force: bool = typer.Option(False, "--force", help="Let --write-baseline replace an existing file."),
    statistics: bool = typer.Option(
        False, "--statistics", help="Print how many findings each rule reported, instead of the findings."
    ),
    show_settings: bool = typer.Option(
        False,
        "--show-settings",
        help="Print the config files read (in order, with what each extends) and every rule's resolved "
        "selection, severity and options, then exit without linting (--format json for JSON).",
    ),
    exclude: list[str] | None = typer.Option(
        None,
        "--exclude",
        metavar="GLOB",
        help="Skip these files and folders when walking a folder (relative to the current folder; added to the "
        "config's exclude). Paths named on the command line are always read. Comma-separated or repeated.",
    ),
) -> None:
    """Lint org charts and report problems with explanations."""
    targets = [] if show_settings else _targets(paths, stdin_filename)  # settings need no chart
    inputs = _inputs(targets, stdin_filename, output, write_baseline)
    if write_baseline is not None:
        try:
            refuse_inputs(write_baseline, inputs)  # even with --force
        except WriteRefused as error:
            raise UsageError(str(error)) from None
        if (write_baseline.exists() or write_baseline.is_symlink()) and not force:
            raise UsageError(f"{write_baseline} already exists; pass --force to replace it")
    session = _open_session(
        config_file=config_file,
        isolated=isolated,
        select=select,
        ignore=ignore,
        rules_dir=rules_dir,
        fail_on=fail_on.value if fail_on is not None else None,
        baseline_file=baseline,
        use_baseline=write_baseline is None and not show_settings,  # settings name the baseline, unread
        exclude=_split(exclude) or [],
        no_plugins=no_plugins,
    )
    if show_settings:
        _show_settings(session, as_json=output_format is not None and output_format.value == "json")
        raise typer.Exit(EXIT_OK)
    result = _lint(targets, session, _import_options(column_map, stdin_filename))
    _KEEP_UNTIL_EXIT[:] = [result]
    if write_baseline is not None and not result.input_errors:
        _write_baseline(result, write_baseline, quiet)

    format_name = (
        output_format.value if output_format is not None else "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    )
    output_spec = FORMATS[format_name]
    # Only the CI formats write repository-relative paths; the others skip the walk up the folders.
    root, cwd = _repository_base() if output_spec.repository_paths else (None, None)
    report = Report(
        findings=result.findings,
        rules={code: rule for code, rule in session.effective_rules().items() if code in session.enabled},  # that ran
        sources={source.path: source for source in result.files},
        files_checked=len(result.files),
        tool_version=__version__,
        root=root,
        cwd=cwd,
        org=result.org,  # the html format draws the chart
        docs_url=session.config.docs_url,
    )
    use_color = _use_color(color, sys.stdout, output is not None)
    if statistics:
        from orglint.report import statistics as per_rule

        rendered = (per_rule.render_json if format_name == "json" else per_rule.render_text)(report.findings)
    else:
        rendered = render(format_name, report, color=use_color)
    _write_output(rendered, output, inputs, output_spec.escape)
    if not quiet:
        _err(summary_line(report))
        if result.suppressed or result.baselined:
            _err(_hidden_line(result, session))
    if write_baseline is not None:
        _err(f"orglint: error: {write_baseline} not written: fix the input problems first")

    if result.input_errors:  # input warnings (quirks of imported data) count like findings below
        raise typer.Exit(EXIT_ERROR)
    threshold = session.fail_on
    if not exit_zero and any(finding.severity >= threshold for finding in result.findings):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def _show_settings(session: Session, as_json: bool) -> None:
    """--show-settings: what this run would use, as the config and command line resolve it."""
    import json

    from orglint.listing import settings_data, settings_text
    from orglint.loader import display_path

    baseline = display_path(session.baseline_path) if session.baseline_path is not None else None
    data = settings_data(
        session.config,
        RuleSet(rules=session.effective_rules()),
        session.enabled,
        session.resolved.settings,
        session.fail_on,
        baseline,
        session.resolved.overrides,
    )
    if as_json:
        _write_output(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None, kind="json")
    else:
        _write_output(settings_text(data), None)


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def diff(
    paths: list[str] | None = typer.Argument(
        None,
        help="BASE HEAD: the chart before and after (files or folders). With --base: the chart's paths "
        "(default org.yaml, else org/), read from the working tree as HEAD and at the revision as BASE.",
    ),
    base_revision: str | None = typer.Option(
        None, "--base", metavar="REV", help="Compare with the chart as it was at this git revision (read through git)."
    ),
    output_format: DiffFormat = typer.Option(
        DiffFormat.text, "--format", "-f", help="text, markdown (a pull-request comment or $GITHUB_STEP_SUMMARY), or json."
    ),
    output: OutputFile = None,
    fail_on: FailOn | None = typer.Option(
        None,
        "--fail-on",
        help="Lowest severity of an introduced finding that makes the exit code 1. Default: the config's, else warning.",
    ),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when findings were introduced (not on errors)."),
    select: Select = None,
    ignore: Ignore = None,
    rules_dir: RulesDir = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    no_plugins: NoPlugins = False,
) -> None:
    """What a re-org changes: who joined, left or moved, spans and headcounts, findings introduced and resolved."""
    from orglint.diff import RevisionError, compare, load_at_revision
    from orglint.report import diff as diff_report

    session = _open_session(
        config_file=config_file,
        isolated=isolated,
        select=select,
        ignore=ignore,
        rules_dir=rules_dir,
        fail_on=fail_on.value if fail_on is not None else None,
        use_baseline=False,  # the base is the baseline here
        no_plugins=no_plugins,
    )
    if base_revision is not None:
        head_paths = list(paths) if paths else _default_paths()
        try:
            base_loaded = load_at_revision(head_paths, base_revision, session.exclusion)
        except RevisionError as error:
            raise UsageError(str(error)) from None
        base_result = _lint([], session, loaded=base_loaded)
        read_paths, base_name, head_name = head_paths, base_revision, "working tree"
    else:
        if not paths or len(paths) != 2:
            raise UsageError("orglint diff BASE HEAD takes two charts (files or folders), or --base REV and the chart's paths")
        base_result = _lint([paths[0]], session)
        head_paths = [paths[1]]
        read_paths, base_name, head_name = list(paths), paths[0], paths[1]
    head_result = _lint(head_paths, session)
    _KEEP_UNTIL_EXIT[:] = [base_result, head_result]
    _report_problems(base_result.input_problems, "base: ")
    _report_problems(head_result.input_problems, "head: ")
    changes = compare(
        base_result.org, head_result.org, base_result.findings, head_result.findings, base_name=base_name, head_name=head_name
    )
    page_of = functools.partial(url_for, rules=session.effective_rules(), docs_url=session.config.docs_url)
    inputs = _inputs(read_paths, None, output)  # never written over
    if output_format is DiffFormat.json:
        _write_output(diff_report.render_json(changes, page_of), output, inputs, kind="json")
    elif output_format is DiffFormat.markdown:
        _write_output(diff_report.render_markdown(changes, page_of), output, inputs)
    elif output is not None:
        _write_output(_plain_text(diff_report.renderables(changes)), output, inputs)
    else:
        _print_rich(*diff_report.renderables(changes))
    if base_result.input_errors or head_result.input_errors:
        raise typer.Exit(EXIT_ERROR)
    if not exit_zero and any(finding.severity >= session.fail_on for finding in changes.introduced):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def _plain_text(renderables: Iterable[object]) -> str:
    """Rich renderables as plain text for a file (no colour, trailing spaces cut)."""
    from rich.console import Console

    console = Console(record=True, width=100, highlight=False, file=io.StringIO())
    for renderable in renderables:
        console.print(renderable)
    return "".join(line.rstrip() + "\n" for line in console.export_text().splitlines())


@app.command()
def server(
    rules_dir: RulesDir = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    no_plugins: NoPlugins = False,
) -> None:
    """Run a Language Server on stdin/stdout: findings in the editor as you edit a chart (needs orglint[server])."""
    try:
        import lsprotocol  # noqa: F401 - pygls's types; both come with the server extra
        import pygls  # noqa: F401
    except ImportError:
        raise UsageError("orglint server needs pygls: pip install 'orglint[server]'") from None
    from orglint.server import serve

    serve({"config_file": config_file, "isolated": isolated, "rules_dirs": rules_dir or [], "no_plugins": no_plugins})


@app.command("rules")
def rules_command(
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text table or json."),
    select: Select = None,
    ignore: Ignore = None,
    rules_dir: RulesDir = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    no_plugins: NoPlugins = False,
) -> None:
    """List every loaded rule by family: code, name, severity, enabled, summary (as the config sets them)."""
    from orglint.listing import rules_json, rules_table

    session = _open_session(
        config_file=config_file,
        isolated=isolated,
        select=select,
        ignore=ignore,
        rules_dir=rules_dir,
        use_baseline=False,
        no_plugins=no_plugins,
    )
    rule_set = RuleSet(rules=session.effective_rules())  # severities as configured
    enabled = session.enabled
    if output_format is ListFormat.json:
        _write_output(rules_json(rule_set, enabled, session.resolved.settings.options), None, kind="json")
        return
    _print_rich(rules_table(rule_set, enabled, session.resolved.settings.options))


@app.command()
def explain(
    code_or_name: str = typer.Argument(
        ..., metavar="CODE|NAME", help="A rule code (R001), name (ceo-is-cpo) or input-problem code (E002)."
    ),
    rules_dir: RulesDir = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    no_plugins: NoPlugins = False,
) -> None:
    """Show a rule's full documentation: what it does, why it matters, examples, options."""
    from orglint.listing import explain_markdown

    # The rules a check here would load: the config's plugins too, as `orglint rules` lists them.
    session = _open_session(
        config_file=config_file, isolated=isolated, rules_dir=rules_dir, use_baseline=False, no_plugins=no_plugins
    )
    markdown = explain_markdown(code_or_name, session.rule_set, session.config.docs_url)
    if markdown is None:
        raise UsageError(f"no rule or input problem is called '{code_or_name}' (see `orglint rules`)")
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from rich.markdown import Markdown

        _print_rich(Markdown(markdown))
    else:
        _write_output(markdown.rstrip("\n") + "\n", None)


@app.command()
def roles(
    paths: ChartPaths = None,
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text table or json."),
    column_map: ColumnMap = None,
    stdin_filename: StdinFilename = None,
) -> None:
    """Show how every person's title was read into roles and functions."""
    from orglint.listing import roles_json, roles_table

    targets = _targets(paths, stdin_filename)
    org, problems = load_org(targets, _import_options(column_map, stdin_filename))
    has_error = _report_problems(problems)
    if output_format is ListFormat.json:
        _write_output(roles_json(org), None, kind="json")
    else:
        _print_rich(roles_table(org))
    if has_error:
        raise typer.Exit(EXIT_ERROR)


class GraphFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"
    svg = "svg"


@app.command()
def graph(
    paths: ChartPaths = None,
    output_format: GraphFormat = typer.Option(
        GraphFormat.mermaid,
        "--format",
        "-f",
        help="mermaid (GitHub renders it in Markdown), dot (Graphviz), or svg (needs Graphviz).",
    ),
    output: OutputFile = None,
    group_by_unit: bool = typer.Option(
        False, "--group-by-unit", help="Draw units as boxes around their people, nested by parent unit."
    ),
    max_people: int = typer.Option(
        500, "--max-people", min=0, help="Above this many people, draw only managers and people with findings (0: no limit)."
    ),
    select: Select = None,
    ignore: Ignore = None,
    rules_dir: RulesDir = None,
    column_map: ColumnMap = None,
    stdin_filename: StdinFilename = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    no_plugins: NoPlugins = False,
) -> None:
    """Draw the org chart as Mermaid, Graphviz DOT or SVG, with the findings highlighted."""
    from orglint.graph import GraphvizError, dot_to_svg
    from orglint.graph import render as render_graph

    targets = _targets(paths, stdin_filename)
    session = _open_session(
        config_file=config_file,
        isolated=isolated,
        select=select,
        ignore=ignore,
        rules_dir=rules_dir,
        no_plugins=no_plugins,
    )
    result = _lint(targets, session, _import_options(column_map, stdin_filename))
    _report_problems(result.input_problems)
    text = render_graph(
        result.org,
        result.rule_findings,
        format=output_format.value,
        group_by_unit=group_by_unit,
        max_people=max_people or None,
    )
    if output_format is GraphFormat.svg:
        try:
            text = dot_to_svg(text)
        except GraphvizError as error:
            raise UsageError(str(error)) from None
    _write_output(text, output, _inputs(targets, stdin_filename, output))
    if result.input_errors:
        raise typer.Exit(EXIT_ERROR)


@app.command()
def stats(
    paths: ChartPaths = None,
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text tables or json."),
    output: OutputFile = None,
    column_map: ColumnMap = None,
    stdin_filename: StdinFilename = None,
) -> None:
    """Headcount by function and unit, span-of-control and depth distributions."""
    from orglint.stats import compute, renderables, to_json

    targets = _targets(paths, stdin_filename)
    org, problems = load_org(targets, _import_options(column_map, stdin_filename))
    has_error = _report_problems(problems)
    figures = compute(org)
    if output_format is ListFormat.json:
        _write_output(to_json(figures), output, _inputs(targets, stdin_filename, output), kind="json")
    elif output is not None:
        _write_output(_plain_text(renderables(figures)), output, _inputs(targets, stdin_filename, output))
    else:
        _print_rich(*renderables(figures))
    if has_error:
        raise typer.Exit(EXIT_ERROR)


@app.command()
def convert(
    paths: list[str] = typer.Argument(
        ..., help="Org chart files or directories: native YAML, Backstage catalogs, GitLab team pages, CSV exports."
    ),
    output: str = typer.Option(..., "--output", "-o", help="The native org chart file to write (atomically); - for stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output file if it exists (never an input)."),
    column_map: ColumnMap = None,
    stdin_filename: StdinFilename = None,
) -> None:
    """Import a Backstage catalog, GitLab's team page or an HR export (CSV) and write it in orglint's native format."""
    from orglint.convert import ConvertError
    from orglint.convert import convert as run_convert

    try:
        targets = _targets(paths, stdin_filename)
        conversion = run_convert(
            targets,
            output,
            force=force,
            import_options=_import_options(column_map, stdin_filename),
            stdin_filename=stdin_filename,
        )
    except ConvertError as error:
        _report_problems(error.problems)
        raise UsageError(str(error)) from None
    _report_problems(conversion.warnings)
    if output == "-":
        _write_output(conversion.text, None)
        return
    _write_output(conversion.text, Path(output), _inputs(targets, stdin_filename, Path(output)))
    org = conversion.org
    _err(
        f"wrote {output}: {len(org.people)} people, {len(org.units)} units, {len(org.products)} products"
        + (f" (and {len(org.duplicates)} second definitions of an id, kept for S003)" if org.duplicates else "")
    )


@app.command()
def schema(output: OutputFile = None) -> None:
    """Print the JSON Schema of the org chart format, for editor validation and completion."""
    from orglint.schema import org_chart_schema_json

    _write_output(org_chart_schema_json(), output)


@app.command()
def init(
    directory: Path = typer.Argument(Path("."), help="Where to write org.yaml and .orglint.yaml."),
    force: bool = typer.Option(False, "--force", help="Overwrite existing files."),
) -> None:
    """Write a starter org.yaml and .orglint.yaml that pass `orglint check`."""
    from orglint.starter import STARTER_CHART, STARTER_CONFIG

    targets = [(directory / "org.yaml", STARTER_CHART), (directory / ".orglint.yaml", STARTER_CONFIG)]
    existing = [str(path) for path, _ in targets if path.exists()]
    if existing and not force:
        raise UsageError(f"{', '.join(existing)} already exists; pass --force to overwrite")
    for path, text in targets:
        _write_output(text, path)
        _err(f"wrote {path}")


def _click_errors() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """The (abort, usage error) exception classes of the click that typer runs on: its own copy
    (recent typer vendors click as typer._click, whose errors derive from typer.TyperException)
    or the click package (older typer)."""
    aborts: list[type] = [typer.Abort]
    usage_errors: list[type] = []
    if isinstance(getattr(typer, "TyperException", None), type):
        usage_errors.append(typer.TyperException)
    click = sys.modules.get("click")
    if click is not None:
        aborts.append(click.exceptions.Abort)
        usage_errors.append(click.ClickException)
    return tuple(aborts), tuple(usage_errors)


def main() -> None:
    """Console-script entry point: run the app, turning every failure into a message and an exit code."""
    try:
        code = app(standalone_mode=False, prog_name="orglint")
    except typer.Exit as done:
        code = done.exit_code
    except UsageError as error:
        _err(f"orglint: error: {error}")
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        _err("orglint: interrupted")
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`orglint check | head`): not an error of ours.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's flush at exit
        except OSError:
            pass
        sys.exit(EXIT_OK)
    except Exception as error:
        aborts, usage_errors = _click_errors()
        if isinstance(error, aborts):
            sys.exit(130)
        if isinstance(error, usage_errors):  # a bad option or command: click's message and usage hint
            show = getattr(error, "show", None)
            if callable(show):
                show()
            else:
                _err(f"orglint: error: {error}")
            sys.exit(EXIT_ERROR)
        if os.environ.get("ORGLINT_DEBUG"):
            raise
        _err(
            f"orglint: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in orglint; run again with ORGLINT_DEBUG=1 for the traceback and report it."
        )
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _terminated(signum: int, frame: object) -> None:
    # SIGTERM (a CI job cancelled, a pre-commit timeout) unwinds like an exception, so that a
    # file being written is cleaned up; the default action would leave it behind.
    raise SystemExit(128 + signum)


def run() -> None:
    """The console script and ``python -m orglint``: :func:`main`, then exit without tearing down
    what the run built (see _KEEP_UNTIL_EXIT), output flushed first."""
    signal.signal(signal.SIGTERM, _terminated)
    try:
        main()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else EXIT_ERROR)
        if not _KEEP_UNTIL_EXIT:
            raise
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass  # the reader went away; nothing left to say
    os._exit(code)
