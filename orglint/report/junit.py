"""``junit``: JUnit XML, one test case per rule that ran, for CI test-report views.

One ``<testsuite name="orglint">`` (inside ``<testsuites>``). Each rule that ran is
a test case (classname ``orglint.<family>``, name ``CODE name``): passing when it
found nothing, else failing with ONE ``<failure>`` that lists every finding of the
rule (JUnit readers such as Jenkins keep only the first failure element of a test
case, and GitLab reads one). Input problems are a test case per E-code with an
``<error>`` (the chart could not be checked). No timestamps: the output is
deterministic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from orglint.report import Report
from orglint.report.ci import catalog, repo_path
from orglint.rule import Finding
from orglint.sanitize import printable

SUITE = "orglint"
# Characters XML 1.0 cannot carry at all (even escaped).
_INVALID_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    """A safety net after :func:`printable`, which already escapes every C0 control character."""
    return _INVALID_XML.sub("\ufffd", text)


def render(report: Report, *, color: bool = False) -> str:
    by_code: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_code.setdefault(finding.code, []).append(finding)

    cases = []
    failures = errors = 0
    for info in catalog(report):
        found = by_code.get(info.code, [])
        case = ET.Element("testcase", {"classname": f"{SUITE}.{info.tag}", "name": f"{info.code} {info.name}", "time": "0"})
        first_file = next((repo_path(f.file, report) for f in found if repo_path(f.file, report)), None)
        if first_file is not None:
            case.set("file", _clean(printable(first_file)))
        if found:
            is_error = info.is_input or any(f.kind != "rule" for f in found)
            errors += is_error
            failures += not is_error
            worst = max(f.severity for f in found)
            message = found[0].message if len(found) == 1 else f"{len(found)} findings; first: {found[0].message}"
            element = ET.SubElement(
                case, "error" if is_error else "failure", {"message": _clean(printable(message)), "type": worst.label}
            )
            element.text = _clean("\n".join(_line(f, report) for f in found) + "\n")
        cases.append(case)

    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": str(errors)}
    root = ET.Element("testsuites", {"name": SUITE, **counts, "time": "0"})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts, "skipped": "0", "time": "0"})
    suite.extend(cases)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _line(finding: Finding, report: Report) -> str:
    path = repo_path(finding.file, report) or finding.file or "<org>"
    subject = f" ({finding.subject})" if finding.subject else ""
    text = printable(
        f"{path}:{finding.line}:{finding.column}: {finding.code} [{finding.severity.label}] {finding.message}{subject}"
    )
    for related in finding.related:
        where = repo_path(related.file, report) or related.file or "<org>"
        text += "\n" + printable(f"    note: {related.message} at {where}:{related.line}:{related.column}")
    return text
