"""The baseline: the findings a team has accepted for now, so that CI fails only on new ones.

A baseline records findings by (code, subject), never by line or file, with a
count per pair: moving entries, editing other lines or adding comments does
not revive old findings, while a *second* finding with the same code and
subject (a second cycle through the same person, say) is still reported.
Within a pair, the findings reported as new are the ones last in file order.

The file is JSON, sorted, one entry per pair, so that it diffs well in review::

    {
      "orglint-baseline": 1,
      "findings": [
        {"code": "R001", "subject": "people.ana", "count": 1, "name": "ceo-is-cpo",
         "message": "Ana Lopez (CEO & CPO) is both CEO and chief product officer"}
      ]
    }

``name`` and ``message`` are there for the humans reading the file; matching
uses only ``code``, ``subject`` and ``count``. Only rule findings are
recorded: input problems always fail the run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from orglint.boundary import MAX_BASELINE_BYTES, BoundaryError, read_regular_file
from orglint.model import shown as cut
from orglint.rule import Finding

FORMAT_KEY = "orglint-baseline"
FORMAT_VERSION = 1


class BaselineError(Exception):
    """The baseline file is missing, unreadable or malformed; the message names it."""


@dataclass
class Baseline:
    """Accepted findings: (code, subject) -> how many of them."""

    counts: Counter = field(default_factory=Counter)
    path: str = ""

    @classmethod
    def from_findings(cls, findings: Iterable[Finding]) -> Baseline:
        return cls(Counter((finding.code, finding.subject) for finding in findings if finding.kind == "rule"))

    @classmethod
    def load(cls, path: Path | str) -> Baseline:
        shown = str(path)
        try:
            # Only a regular file, of bounded size: a baseline that is /dev/zero must not hang the run.
            text = read_regular_file(path, MAX_BASELINE_BYTES, f"baseline file {shown}").decode("utf-8-sig")
        except BoundaryError as error:
            if Path(path).is_dir():
                raise BaselineError(f"baseline file {shown} is a folder") from None
            raise BaselineError(str(error)) from None
        except FileNotFoundError:
            raise BaselineError(
                f"baseline file {shown} not found; create it with `orglint check --write-baseline {shown}`"
            ) from None
        except IsADirectoryError:
            raise BaselineError(f"baseline file {shown} is a folder") from None
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise BaselineError(f"cannot read baseline file {shown}: {reason}") from None
        import json

        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise BaselineError(f"baseline file {shown} is not valid JSON: {cut(error.msg)} (line {error.lineno})") from None
        except RecursionError:
            raise BaselineError(f"baseline file {shown} is nested too deeply to be a baseline") from None
        return cls(_parse(data, shown), shown)

    def filter(self, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new, known): rule findings beyond their pair's recorded count are new."""
        if not self.counts:
            return findings, []
        remaining = Counter(self.counts)
        new: list[Finding] = []
        known: list[Finding] = []
        for finding in sorted(findings, key=lambda finding: finding.sort_key):
            key = (finding.code, finding.subject)
            if finding.kind == "rule" and remaining[key] > 0:
                remaining[key] -= 1
                known.append(finding)
            else:
                new.append(finding)
        return new, known

    def __len__(self) -> int:
        return sum(self.counts.values())


def _parse(data: object, shown: str) -> Counter:
    def bad(why: str) -> BaselineError:
        return BaselineError(f"baseline file {shown} is malformed: {why} (rewrite it with --write-baseline)")

    if not isinstance(data, dict) or FORMAT_KEY not in data:
        raise bad(f'expected a JSON object with "{FORMAT_KEY}": {FORMAT_VERSION}')
    if data[FORMAT_KEY] != FORMAT_VERSION:
        raise bad(f"version {cut(repr(data[FORMAT_KEY]))} is not supported (this orglint writes version {FORMAT_VERSION})")
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise bad('"findings" must be a list')
    counts: Counter = Counter()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise bad(f"findings[{index}] must be an object")
        code, subject, count = entry.get("code"), entry.get("subject"), entry.get("count", 1)
        if not isinstance(code, str) or not code or not isinstance(subject, str):
            raise bad(f'findings[{index}] needs a "code" and a "subject" (strings)')
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise bad(f"findings[{index}].count must be a whole number of at least 1")
        counts[(code, subject)] += count
    return counts


def baseline_json(findings: Iterable[Finding], *, tool_version: str = "") -> str:
    """The baseline file for these findings (rule findings only), sorted by code then subject."""
    import json

    pairs: dict[tuple[str, str], list[Finding]] = {}
    for finding in sorted(findings, key=lambda finding: finding.sort_key):
        if finding.kind == "rule":
            pairs.setdefault((finding.code, finding.subject), []).append(finding)
    entries = [
        {
            "code": code,
            "subject": subject,
            "count": len(found),
            "name": found[0].name,
            "message": found[0].message,
        }
        for (code, subject), found in sorted(pairs.items())
    ]
    document: dict[str, object] = {FORMAT_KEY: FORMAT_VERSION}
    if tool_version:
        document["tool"] = f"orglint {tool_version}"
    document["findings"] = entries
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path | str, findings: Iterable[Finding], *, tool_version: str = "") -> int:
    """Write the baseline (orglint.files.write_output); returns how many findings it records.
    Raises OSError or WriteRefused."""
    from orglint.files import write_output

    recorded = [finding for finding in findings if finding.kind == "rule"]
    write_output(path, baseline_json(recorded, tool_version=tool_version))
    return len(recorded)
