"""Inline suppressions: ``# orglint: disable=...`` comments in the YAML of a chart.

Three directives, each naming rules by code or name, optionally followed by
`` -- reason``::

    - id: ana            # orglint: disable=R001,pm-is-po -- founder-led until the CPO starts
    # orglint: disable-next-line=L003 -- interim, see hiring plan
    - id: bob
    # orglint: disable-file=S005

``disable`` at the end of any line of an entry (person, unit, product, or the
``org:`` block) suppresses those rules for that entry's subject, and for
findings located on the entry's lines. ``disable-next-line`` suppresses them
for the entry that starts on the next line with content, and for findings
located on that line. ``disable-file`` suppresses them for every finding
located in the file.

Comments are found tokenizer-light: a regex finds the lines that mention
``orglint:``, and a ``#`` there is a comment only when it starts a line or
follows a blank and lies outside every scalar the YAML parser composed (so a
``#`` inside a quoted, plain or block scalar is not a comment). A chart
without directives costs one regex search.
Suppressions are applied by the pipeline after the rules ran, never by rules;
the :class:`Suppressions` record what each named rule suppressed, for X001
(unused) and X002 (unknown rule).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from orglint.problems import INPUT_PROBLEMS, did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    from orglint.config import Reference
    from orglint.loader import SourceFile
    from orglint.model import Org
    from orglint.plugins import RuleSet
    from orglint.rule import Finding

DISABLE = "disable"
DISABLE_NEXT_LINE = "disable-next-line"
DISABLE_FILE = "disable-file"
DIRECTIVES = (DISABLE, DISABLE_NEXT_LINE, DISABLE_FILE)

# A comment that talks to orglint: "# orglint:" anywhere in a comment.
_MARKER = re.compile(r"#[ \t]*orglint[ \t]*:")
_DIRECTIVE = re.compile(
    r"""orglint[ \t]*:[ \t]*
        (?P<word>[A-Za-z][\w-]*)?      # disable, disable-next-line, disable-file
        [ \t]*(?P<eq>=)?[ \t]*
        (?P<codes>[^\#]*?)             # R001, pm-is-po (rule names never hold "--")
        (?:[ \t]*--[ \t]*(?P<reason>.*))?
        [ \t]*(?:\#.*)?$""",
    re.VERBOSE,
)

# YAML: a comment starts with "#" at the start of a line or after a blank, outside any scalar.
_HASH = re.compile(r"(?:^|(?<=[ \t]))#")


@dataclass
class Comment:
    """A comment holding ``orglint:``: where it is and its text (from ``#``)."""

    line: int
    column: int  # 1-based column of "#"
    text: str
    own_line: bool  # nothing but blanks before it on its line
    offset: int = 0  # where its line starts in the text


def scan_comments(text: str, documents: list[Node] | None = None) -> Iterator[Comment]:
    """Comments that mention ``orglint:``; a ``#`` inside a quoted, plain or block scalar is not one.

    Tokenizer-light: a regex finds the few lines that mention ``orglint:``, and
    only there is each ``#`` checked against the scalars the YAML parser
    already composed (``documents``; composed here when not given), found by
    binary search down the node tree. A chart without directives costs one
    regex search; one with a few costs a few tree descents, not a scan of every line.
    """
    if _MARKER.search(text) is None:
        return
    if documents is None:
        documents = _compose(text)
    scalars = _Scalars(documents)
    line_number = 1
    counted = 0
    done_until = -1  # the end of the last line looked at
    for marker in _MARKER.finditer(text):
        position = marker.start()
        if position < done_until:
            continue
        line_number += text.count("\n", counted, position)
        counted = position
        line_start = text.rfind("\n", 0, position) + 1
        line_end = text.find("\n", position)
        if line_end < 0:
            line_end = len(text)
        done_until = line_end
        line = text[line_start:line_end].rstrip("\r")
        for hash_sign in _HASH.finditer(line):
            column = hash_sign.start()
            if not scalars.inside(line_number - 1, column):
                comment = line[column:].rstrip()
                if _MARKER.search(comment):
                    yield Comment(line_number, column + 1, comment, not line[:column].strip(), line_start)
                break


def _compose(text: str) -> list[Node]:
    import yaml

    try:
        from yaml import CSafeLoader as Loader
    except ImportError:  # pragma: no cover
        from yaml import SafeLoader as Loader  # type: ignore[assignment]
    try:
        return list(yaml.compose_all(text, Loader=Loader))
    except yaml.YAMLError:
        return []


class _Scalars:
    """Answers "is this position inside a scalar?" by binary search down the composed node tree."""

    def __init__(self, documents: list[Node]):
        self.documents = [document for document in documents if document is not None]

    def inside(self, line: int, column: int) -> bool:
        """``line`` and ``column`` are 0-based, like the parser's marks."""
        position = (line, column)
        for document in self.documents:
            node: Node | None = document
            visited: set[int] = set()  # an alias may point back at a node that holds it
            while node is not None and id(node) not in visited and _start(node) <= position < _end(node):
                if isinstance(node, ScalarNode):
                    return True
                visited.add(id(node))
                node = _child(node, position)
        return False


def _child(node: Node, position: tuple[int, int]) -> Node | None:
    """The child of a collection node that holds ``position``, if any."""
    if isinstance(node, SequenceNode):
        children = node.value
        index = bisect.bisect_right(children, position, key=_start) - 1
        if index >= 0 and position < _end(children[index]):
            return children[index]
        candidates = children
    elif isinstance(node, MappingNode):
        pairs = node.value
        index = bisect.bisect_right(pairs, position, key=lambda pair: _start(pair[0])) - 1
        if index >= 0:
            for child in pairs[index]:
                if _start(child) <= position < _end(child):
                    return child
        candidates = [child for pair in pairs for child in pair]
    else:  # pragma: no cover - the composer makes no other nodes
        return None
    # Between children, or children out of order (an alias points back at its anchor).
    for child in candidates:
        if _start(child) <= position < _end(child):
            return child
    return None


def _start(node: Node) -> tuple[int, int]:
    return (node.start_mark.line, node.start_mark.column)


def _end(node: Node) -> tuple[int, int]:
    return (node.end_mark.line, node.end_mark.column)


# --- directives ---------------------------------------------------------------------------


@dataclass
class Named:
    """One rule named in a directive, as written, and what became of it."""

    text: str
    column: int  # 1-based, in the file's line
    code: str | None  # the loaded rule's code; None when no loaded rule has this code or name
    used: bool = False


@dataclass
class Directive:
    """One ``# orglint: ...`` comment: what it says and what it applies to."""

    kind: str  # disable, disable-next-line, disable-file; "" when malformed
    file: str
    line: int
    column: int
    text: str  # the comment as written, from "orglint:"
    named: list[Named] = field(default_factory=list)
    reason: str = ""
    problem: str = ""  # why the comment suppresses nothing whatever the findings (malformed, misplaced)
    subjects: tuple[str, ...] = ()  # the entries it covers
    lines: tuple[int, int] | None = None  # the lines it covers (first, last); None: the whole file
    subject: str = ""  # the subject its own findings (X001, X002) are about: the entry's, or the file
    _named_by_code: dict[str | None, list[Named]] | None = field(default=None, repr=False, compare=False)

    def named_as(self, code: str) -> list[Named]:
        """The rules named in this directive that have ``code`` (a comment may name thousands)."""
        if self._named_by_code is None:
            self._named_by_code = {}
            for named in self.named:
                self._named_by_code.setdefault(named.code, []).append(named)
        return self._named_by_code.get(code, [])


MAX_HINTS = 1_000


@dataclass
class Suppressions:
    """Every suppression comment of a run, and what each named rule suppressed.

    The pipeline fills it (:func:`collect`), applies it to the rules' findings
    (:meth:`apply`), records which rules ran before that (``checked``) and the
    config's rule references (for X002), and hands it to the rules declared
    ``after_suppressions`` as their third argument.
    """

    directives: list[Directive] = field(default_factory=list)
    rule_names: dict[str, str] = field(default_factory=dict)  # every loaded rule: code -> name
    checked: frozenset[str] = frozenset()  # codes of the rules whose findings were matched
    references: list[Reference] = field(default_factory=list)  # config selectors no loaded rule has
    _by_subject: dict[str, list[Directive]] = field(default_factory=dict, repr=False)
    _by_line: dict[tuple[str, int], list[Directive]] = field(default_factory=dict, repr=False)
    _by_file: dict[str, list[Directive]] = field(default_factory=dict, repr=False)
    # Names looked up for "did you mean" (each costs difflib ~0.3 ms): a comment naming thousands
    # of unknown rules gets hints for the first MAX_HINTS.
    _hinted: set[str] = field(default_factory=set, repr=False)

    def _index(self) -> None:
        self._by_subject.clear()
        self._by_line.clear()
        self._by_file.clear()
        for directive in self.directives:
            if directive.problem or not directive.named:
                continue
            for subject in directive.subjects:
                self._by_subject.setdefault(subject, []).append(directive)
            if directive.lines is None:
                self._by_file.setdefault(directive.file, []).append(directive)
            else:
                first, last = directive.lines
                for number in range(first, last + 1):
                    self._by_line.setdefault((directive.file, number), []).append(directive)

    def covering(self, finding: Finding) -> list[Directive]:
        """The directives whose scope holds the finding (whatever rules they name)."""
        found: list[Directive] = list(self._by_subject.get(finding.subject, ()))
        if finding.file is not None:
            seen = {id(directive) for directive in found}
            for directive in self._by_line.get((finding.file, finding.line), ()):
                if id(directive) not in seen:
                    found.append(directive)
            found.extend(self._by_file.get(finding.file, ()))
        return found

    def apply(self, findings: list[Finding], *, mark: bool = True) -> tuple[list[Finding], list[Finding]]:
        """(kept, suppressed). Marks each named rule that suppressed something as used."""
        if not self._by_subject and not self._by_line and not self._by_file:
            return findings, []
        kept: list[Finding] = []
        suppressed: list[Finding] = []
        for finding in findings:
            hit = False
            if finding.kind == "rule":
                for directive in self.covering(finding):
                    for named in directive.named_as(finding.code):
                        hit = True
                        if mark:
                            named.used = True
            (suppressed if hit else kept).append(finding)
        return kept, suppressed

    def unused(self) -> Iterator[tuple[Directive, Named]]:
        """Rules named in well-formed directives that ran and suppressed nothing."""
        for directive in self.directives:
            if directive.problem:
                continue
            for named in directive.named:
                if named.code is not None and named.code in self.checked and not named.used:
                    yield directive, named

    def unknown(self) -> Iterator[tuple[Directive, Named]]:
        """Rules named in directives that no loaded rule has."""
        for directive in self.directives:
            for named in directive.named:
                if named.code is None:
                    yield directive, named

    @property
    def vocabulary(self) -> list[str]:
        """The loaded rules' codes and names, for "did you mean"."""
        return [*self.rule_names, *self.rule_names.values()]

    def label(self, code: str) -> str:
        """``R001 (ceo-is-cpo)``."""
        name = self.rule_names.get(code)
        return f"{code} ({name})" if name else code

    def hint(self, text: str) -> str:
        """Why a name is not a rule, or which rule was probably meant."""
        upper = text.upper()
        if upper in INPUT_PROBLEMS:
            return f"; {upper} ({INPUT_PROBLEMS[upper][0]}) is an input problem, which cannot be suppressed: fix the input"
        if upper == "ALL" or (text.isalpha() and upper in {code.rstrip("0123456789") for code in self.rule_names}):
            return "; a suppression names single rules (a code such as R001, or a name), not a prefix or ALL"
        if text not in self._hinted:
            if len(self._hinted) >= MAX_HINTS:
                return ""
            self._hinted.add(text)
        return did_you_mean(text, self.vocabulary)


# --- reading directives -------------------------------------------------------------------


def collect(files: Iterable[SourceFile], org: Org, rule_set: RuleSet) -> Suppressions:
    """Every directive in the YAML sources, resolved against the loaded rules and placed on the chart's entries."""
    suppressions = Suppressions(rule_names={code: rule.name for code, rule in rule_set.rules.items()})
    sources = [source for source in files if source.kind == "yaml"]
    found: list[tuple[SourceFile, list[Comment]]] = []
    for source in sources:
        if _MARKER.search(source.text) is None:
            continue  # most files: no directive, and no need to compose their nodes
        comments = list(scan_comments(source.text, source.documents))
        if comments:
            found.append((source, comments))
    if not found:
        return suppressions
    for source, comments in found:
        entries = _Entries(org, source.path, _Lines(source.text, comments))
        for comment in comments:
            directive = _parse(source.path, comment, rule_set)
            _place(directive, comment, entries, org)
            suppressions.directives.append(directive)
    suppressions._index()
    return suppressions


def _parse(file: str, comment: Comment, rule_set: RuleSet) -> Directive:
    text = comment.text
    marker = _MARKER.search(text)
    assert marker is not None
    directive = Directive(
        kind="", file=file, line=comment.line, column=comment.column + marker.start(), text=text[marker.start() :]
    )
    match = _DIRECTIVE.match(text, text.index("orglint", marker.start()))
    if match is None:  # pragma: no cover - the pattern matches any text after the marker
        directive.problem = "is not a suppression orglint understands"
        return directive
    word = match.group("word") or ""
    if word not in DIRECTIVES:
        shown = f"'{word}'" if word else "nothing"
        directive.problem = (
            f"names {shown} where a directive ({', '.join(DIRECTIVES)}) is expected{did_you_mean(word, DIRECTIVES)}"
        )
        return directive
    directive.kind = word
    directive.reason = (match.group("reason") or "").strip()
    codes_text = match.group("codes") or ""
    if match.group("eq") is None or not codes_text.strip():
        directive.problem = f"names no rule; write {word}=CODE or {word}=name, e.g. {word}=R001"
        return directive
    codes_column = comment.column + match.start("codes")
    for part in re.finditer(r"[^,\s]+", codes_text):
        name = part.group()
        rule = rule_set.find(name)
        directive.named.append(Named(text=name, column=codes_column + part.start(), code=rule.code if rule else None))
    return directive


class _Lines:
    """Lines of a text fetched on demand, walking from the nearest line already known.

    Directives and the entries around them are a few lines apart, so this costs
    far less than splitting a large chart into all of its lines.
    """

    def __init__(self, text: str, comments: Iterable[Comment]):
        self.text = text
        self.count = text.count("\n") + (0 if text.endswith("\n") else 1)
        self._starts: dict[int, int] = {1: 0}
        for comment in comments:
            self._starts[comment.line] = comment.offset
        self._known = sorted(self._starts)

    def _start(self, number: int) -> int:
        start = self._starts.get(number)
        if start is not None:
            return start
        known = self._known
        index = bisect.bisect_right(known, number)
        below = known[index - 1]  # line 1 is always known
        above = known[index] if index < len(known) else None
        text = self.text
        # Entries are short: a few steps from the nearest directive, forward or backward.
        if above is not None and above - number < number - below:
            line, start = above, self._starts[above]
            while line > number:
                start = text.rfind("\n", 0, start - 1) + 1
                line -= 1
        else:
            line, start = below, self._starts[below]
            while line < number:
                start = text.index("\n", start) + 1
                line += 1
        self._starts[number] = start
        bisect.insort(self._known, number)
        return start

    def __getitem__(self, number: int) -> str:
        """Line ``number`` (1-based), without its line break; "" past the end."""
        if not 1 <= number <= self.count:
            return ""
        start = self._start(number)
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)].rstrip("\r")


class _Entries:
    """The chart's entries written in one file, by line, and the lines each one covers."""

    def __init__(self, org: Org, file: str, lines: _Lines):
        self.lines = lines
        entries = [entity for entity in org.iter_entities() if entity.file == file]
        entries += [duplicate.second for duplicate in org.duplicates if duplicate.second.file == file]
        entries.sort(key=lambda entity: entity.line)  # already in file order per section: near linear
        self.entries = entries
        self.org_lines = _org_lines(org, file)

    def containing(self, number: int) -> list[tuple[int, int, str]]:
        """(first line, last line, subject) of the entries holding line ``number``."""
        index = bisect.bisect_right(self.entries, number, key=lambda entity: entity.line)
        found: list[tuple[int, int, str]] = []
        # Entries do not nest, so only the last few starting at or before the line can hold it.
        for entity in reversed(self.entries[max(0, index - 8) : index]):
            last = self.last_line(entity.line, entity.end_line)
            if entity.line <= number <= last:
                found.append((entity.line, last, entity.subject))
        return found

    def starting(self, number: int) -> list[tuple[int, int, str]]:
        low = bisect.bisect_left(self.entries, number, key=lambda entity: entity.line)
        high = bisect.bisect_right(self.entries, number, key=lambda entity: entity.line)
        return [(entity.line, self.last_line(entity.line, entity.end_line), entity.subject) for entity in self.entries[low:high]]

    def subject_at(self, number: int) -> str | None:
        entries = self.containing(number)
        if entries:
            return entries[0][2]
        if self.org_lines is not None and self.org_lines[0] <= number <= self.org_lines[1]:
            return "org"
        return None

    def last_line(self, start: int, end: int) -> int:
        """The entry's real last line.

        A YAML block mapping ends where the next token starts, so the recorded
        end is often the first line of the next entry (or of the next section);
        blank and comment lines after an entry do not belong to it either.
        """
        lines = self.lines
        if end <= start or start > lines.count:
            return start
        # The entry's own lines are indented deeper than its first line's "- " (list form) or
        # its id key (mapping form); the next entry or section is not.
        minimum = _indent(lines[start]) + 1
        last = min(end, lines.count)
        while last > start:
            text = lines[last]
            stripped = text.strip()
            if not stripped or stripped.startswith("#") or _indent(text) < minimum:
                last -= 1
                continue
            break
        return last

    def next_content_line(self, after: int) -> int | None:
        for number in range(after + 1, self.lines.count + 1):
            stripped = self.lines[number].strip()
            if stripped and not stripped.startswith("#"):
                return number
        return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _place(directive: Directive, comment: Comment, entries: _Entries, org: Org) -> None:
    """Decide which subjects and lines a directive covers, or why it covers nothing."""
    file = directive.file
    if directive.problem:
        directive.subject = entries.subject_at(directive.line) or file
        return
    if directive.kind == DISABLE_FILE:
        directive.lines = None
        directive.subject = file
        return
    if directive.kind == DISABLE_NEXT_LINE:
        target = entries.next_content_line(comment.line)
        if target is None:
            directive.problem = "is followed by no line to apply to"
            directive.subject = file
            return
        directive.subjects = tuple(subject for _, _, subject in entries.starting(target))
        directive.lines = (target, target)
        directive.subject = directive.subjects[0] if directive.subjects else entries.subject_at(target) or file
        return
    # disable: on a line of an entry (or of the org: block).
    found = entries.containing(comment.line)
    if found:
        directive.subjects = tuple(subject for _, _, subject in found)
        directive.lines = (min(start for start, _, _ in found), max(end for _, end, _ in found))
        directive.subject = directive.subjects[0]
        return
    org_lines = entries.org_lines
    if org_lines is not None and org_lines[0] <= comment.line <= org_lines[1]:
        directive.subjects = ("org",)
        directive.lines = org_lines
        directive.subject = "org"
        return
    directive.problem = (
        "is not on a line of a person, unit or product; put it at the end of one of the entry's lines, "
        f"or use {DISABLE_NEXT_LINE}= on the line above the entry, or {DISABLE_FILE}="
    )
    directive.subject = file


def _org_lines(org: Org, file: str) -> tuple[int, int] | None:
    if org.file != file:
        return None
    last = max([org.line] + [line for line, _ in org.spans.values()])
    return (org.line, last)
