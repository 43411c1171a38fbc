"""The command line: the only module that prints or exits.

Exit codes (Ruff's and ESLint's): 0 nothing at or above --fail-on; 1 findings
at or above it; 2 input, usage or config error, or a rule crashed.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from orglint import __version__

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


class CheckFormat(str, Enum):
    text = "text"
    concise = "concise"
    json = "json"


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class UsageError(Exception):
    """A problem with how orglint was called or configured: exit 2 with this message."""


def _err(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


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


def _split(values: Optional[List[str]]) -> Optional[list[str]]:
    """``--select R001,L --select S`` -> ["R001", "L", "S"]; None when not given."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


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


def _load_rule_set(rules_dirs: list[str]):
    from orglint.plugins import PluginError, load_rules

    try:
        return load_rules(rules_dirs=rules_dirs)
    except PluginError as error:
        raise UsageError(str(error)) from None


def _write_output(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from orglint.files import atomic_write

    try:
        atomic_write(output, text)
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror or error}") from None


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(
        None, help="Org chart files or directories; - reads standard input. Default: org.yaml, else org/."
    ),
    output_format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write results to this file (atomically)."),
    select: Optional[List[str]] = typer.Option(
        None, "--select", help="Rules to run: codes, prefixes (L, S00), names, or ALL. Comma-separated or repeated."
    ),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rules not to run (same forms as --select)."),
    fail_on: FailOn = typer.Option(FailOn.warning, "--fail-on", help="Lowest severity that makes the exit code 1."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings (not on errors)."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the text output (NO_COLOR and FORCE_COLOR honoured)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only: no summary."),
    rules_dir: Optional[List[str]] = typer.Option(
        None, "--rules-dir", help="Also load rule modules from this folder (runs its code)."
    ),
) -> None:
    """Lint org charts and report problems with explanations."""
    from orglint.api import lint
    from orglint.engine import SelectionError
    from orglint.report import Report, render, summary_line
    from orglint.rule import Severity

    targets = list(paths) if paths else _default_paths()
    rule_set = _load_rule_set(rules_dir or [])
    try:
        result = lint(targets, rule_set=rule_set, select=_split(select), ignore=_split(ignore) or [])
    except SelectionError as error:
        raise UsageError(f"--select/--ignore: no rule matches '{error}' (see `orglint rules`)") from None

    report = Report(
        findings=result.findings,
        rules=rule_set.rules,
        sources={source.path: source for source in result.files},
        files_checked=len(result.files),
        tool_version=__version__,
    )
    use_color = _use_color(color, sys.stdout, output is not None)
    _write_output(render(output_format.value, report, color=use_color), output)
    if not quiet:
        _err(summary_line(report))

    if result.input_problems:
        raise typer.Exit(EXIT_ERROR)
    threshold = Severity.parse(fail_on.value)
    if not exit_zero and any(finding.severity >= threshold for finding in result.findings):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


@app.command("rules")
def rules_command(
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text table or json."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Mark these rules enabled (default: all)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Mark these rules disabled."),
    rules_dir: Optional[List[str]] = typer.Option(None, "--rules-dir", help="Also load rule modules from this folder."),
) -> None:
    """List every loaded rule by family: code, name, severity, enabled, summary."""
    from orglint.engine import SelectionError, select_rules
    from orglint.listing import rules_json, rules_table

    rule_set = _load_rule_set(rules_dir or [])
    try:
        enabled = {rule.code for rule in select_rules(rule_set, _split(select), _split(ignore) or [])}
    except SelectionError as error:
        raise UsageError(f"--select/--ignore: no rule matches '{error}'") from None
    if output_format is ListFormat.json:
        _write_output(rules_json(rule_set, enabled), None)
        return
    from rich.console import Console

    Console(highlight=False).print(rules_table(rule_set, enabled))


@app.command()
def explain(
    code_or_name: str = typer.Argument(..., metavar="CODE|NAME", help="A rule code (R001), name (ceo-is-cpo) or input-problem code (E002)."),
    rules_dir: Optional[List[str]] = typer.Option(None, "--rules-dir", help="Also load rule modules from this folder."),
) -> None:
    """Show a rule's full documentation: what it does, why it matters, examples, options."""
    from orglint.listing import explain_markdown

    rule_set = _load_rule_set(rules_dir or [])
    markdown = explain_markdown(code_or_name, rule_set)
    if markdown is None:
        raise UsageError(f"no rule or input problem is called '{code_or_name}' (see `orglint rules`)")
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(markdown))
    else:
        sys.stdout.write(markdown.rstrip("\n") + "\n")


@app.command()
def roles(
    paths: Optional[List[str]] = typer.Argument(None, help="Org chart files or directories."),
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text table or json."),
) -> None:
    """Show how every person's title was read into roles and functions."""
    from orglint.api import load_org
    from orglint.listing import roles_json, roles_table

    targets = list(paths) if paths else _default_paths()
    org, problems = load_org(targets)
    for problem in problems:
        _err(f"{problem.file or '<input>'}:{problem.line}:{problem.column}: {problem.code} {problem.message}")
    if output_format is ListFormat.json:
        _write_output(roles_json(org), None)
    else:
        from rich.console import Console

        Console(highlight=False).print(roles_table(org))
    if problems:
        raise typer.Exit(EXIT_ERROR)


def main() -> None:
    """Console-script entry point: run the app, turning every failure into a message and an exit code."""
    try:
        code = app(standalone_mode=False)
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
    except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback reaches users
        import click

        if isinstance(error, click.exceptions.Abort):
            sys.exit(130)
        if isinstance(error, click.ClickException):
            error.show()
            sys.exit(EXIT_ERROR)
        if os.environ.get("ORGLINT_DEBUG"):
            raise
        _err(
            f"orglint: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in orglint; run again with ORGLINT_DEBUG=1 for the traceback and report it."
        )
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
