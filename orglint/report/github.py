"""``github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=org.yaml,line=12,col=5,title=R001 ceo-is-cpo::message`` (warning
-> ``::warning``, info -> ``::notice``); the message ends with why it matters and the rule's page. GitHub shows each as an annotation on the
pull request diff and the run summary. The CLI picks this format by itself when
``GITHUB_ACTIONS=true`` and no ``--format`` is given.
"""

from __future__ import annotations

from orglint.report import Report
from orglint.report.ci import repo_path, rule_info
from orglint.rule import Finding, Severity
from orglint.sanitize import printable

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, *, color: bool = False) -> str:
    return "".join(command(finding, report) + "\n" for finding in report.findings)


def command(finding: Finding, report: Report) -> str:
    properties = []
    path = repo_path(finding.file, report)
    if path is not None:
        properties += [f"file={escape_property(path)}", f"line={max(1, finding.line)}", f"col={max(1, finding.column)}"]
    properties.append(f"title={escape_property(f'{finding.code} {finding.name}')}")
    message = printable(finding.message, keep_line_breaks=True)  # escape_data encodes CR and LF
    info = rule_info(finding.code, report, finding)
    url = report.url_for(finding.code)
    if url is not None:
        message += f"\n{info.why}\nHow to fix it: {url}" if info.why else f"\nHow to fix it: {url}"
    elif info.why:
        message += f"\n{info.why} (run `orglint explain {finding.code}`)"
    return f"::{COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(message)}"
