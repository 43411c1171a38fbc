"""`orglint server`: findings in the editor, as a Language Server over stdio (pygls).

The server lints an org chart when it is opened, changed and saved, and clears its
diagnostics when it is closed. Each diagnostic carries the rule code, a link to the rule's
page, the finding's related locations, and a quick fix that adds a suppression comment with
a reason to fill in.

Which documents: a YAML document is linted only when it looks like an org chart (a top-level
``people:``, ``units:``, ``products:``, ``org:`` or ``orglint:`` key, or Backstage ``kind: User``
/ ``kind: Group`` entities, or GitLab's team page), and a CSV document always; any other YAML
file (workflows, Kubernetes manifests) gets no diagnostics rather than a storm of "unknown
key". The config is the one `orglint check` would use for that file (discovered from its
folder, or ``--config``); ``--isolated`` and ``--no-plugins`` work as for `check`.

The mapping from findings to LSP objects (:func:`diagnostics`, :func:`suppression_edit`) is
pure and needs no pygls; only :func:`serve` does. A lint that fails unexpectedly is logged
(``window/logMessage``) and leaves the document without diagnostics: the server stays up.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from orglint.rule import Severity

if TYPE_CHECKING:  # pragma: no cover
    from orglint.api import LintResult
    from orglint.session import Session

SOURCE = "orglint"
REASON_PLACEHOLDER = "reason: say why this is acceptable here"

_CHART_KEY = re.compile(r"^(?:orglint|org|people|units|products)[ \t]*:", re.MULTILINE)
_BACKSTAGE = re.compile(r"^kind:[ \t]*(?:User|Group)[ \t]*$", re.MULTILINE)
_GITLAB = re.compile(r"^- slug:[ \t]*\S", re.MULTILINE)


def is_chart(path: str, text: str) -> bool:
    """Whether a document is an org chart orglint should lint (see the module doc)."""
    lower = path.lower()
    if lower.endswith(".csv"):
        return True
    if not lower.endswith((".yaml", ".yml")):
        return False
    return bool(_CHART_KEY.search(text) or _BACKSTAGE.search(text) or _GITLAB.search(text))


# --- pure mapping -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    line: int  # 0-based, as LSP counts
    character: int


@dataclass(frozen=True)
class Related:
    path: str | None
    start: Position
    message: str


@dataclass(frozen=True)
class Diagnostic:
    """What the server sends for one finding (converted to lsprotocol's type by the glue)."""

    start: Position
    end: Position
    severity: str  # "error", "warning", "information"
    code: str
    message: str
    href: str | None
    related: tuple[Related, ...] = ()
    data: dict[str, str] = field(default_factory=dict)


_LSP_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "information"}


def _position(line: int, column: int) -> Position:
    """orglint counts lines and columns from 1 (0 when unknown); LSP from 0."""
    return Position(max(line - 1, 0), max(column - 1, 0))


def diagnostics(result: LintResult, path: str, text: str, page_of: Callable[[str], str | None]) -> list[Diagnostic]:
    """The diagnostics of the findings located in the document ``path`` (and those with no
    file: about the org as a whole), each underlining the rest of its line."""
    lines = text.splitlines()
    found = []
    for finding in result.findings:
        if finding.file not in (path, None):
            continue
        start = _position(finding.line, finding.column)
        width = len(lines[start.line]) if start.line < len(lines) else start.character
        end = Position(start.line, max(width, start.character + 1))
        related = tuple(Related(item.file, _position(item.line, item.column), item.message) for item in finding.related)
        found.append(
            Diagnostic(
                start=start,
                end=end,
                severity=_LSP_SEVERITY[finding.severity],
                code=finding.code,
                message=f"{finding.message} ({finding.name})",
                href=page_of(finding.code),
                related=related,
                data={"code": finding.code, "subject": finding.subject or "", "kind": finding.kind},
            )
        )
    return found


@dataclass(frozen=True)
class Insertion:
    """Text to insert at a position (a quick fix's edit)."""

    at: Position
    text: str
    title: str


def suppression_edit(result: LintResult, code: str, subject: str, text: str) -> Insertion | None:
    """The quick fix for a finding: a ``disable-next-line`` comment above the entry the finding is
    about (it covers every line of the entry), or a ``disable-file`` comment at the top for a
    finding about the org as a whole. None for input problems, which a comment cannot hide."""
    if code.startswith("E"):
        return None
    kind, _, key = subject.partition(".")
    entity = getattr(result.org, kind, {}).get(key) if kind in ("people", "units", "products") else None
    lines = text.splitlines()
    if entity is not None and 1 <= entity.line <= len(lines):
        line_text = lines[entity.line - 1]
        indent = line_text[: len(line_text) - len(line_text.lstrip())]
        return Insertion(
            Position(entity.line - 1, 0),
            f"{indent}# orglint: disable-next-line={code} -- {REASON_PLACEHOLDER}\n",
            f"Suppress {code} for {subject} (with a reason)",
        )
    return Insertion(
        Position(0, 0),
        f"# orglint: disable-file={code} -- {REASON_PLACEHOLDER}\n",
        f"Suppress {code} in this file (with a reason)",
    )


def path_of(uri: str) -> str | None:
    """The file system path of a ``file:`` URI; None for other schemes (unsaved buffers)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return unquote(parsed.path)


# --- the server ---------------------------------------------------------------------------------


class Linter:
    """Lints documents with the session `orglint check` would use for each folder (cached)."""

    def __init__(self, session_options: dict[str, Any]):
        self.session_options = session_options
        self.sessions: dict[Path, Session] = {}
        self.results: dict[str, LintResult] = {}

    def session_for(self, folder: Path) -> Session:
        from orglint.session import open_session

        session = self.sessions.get(folder)
        if session is None:
            session = open_session(start=folder, use_baseline=False, **self.session_options)
            self.sessions[folder] = session
        return session

    def lint(self, uri: str, text: str) -> tuple[str, LintResult, Session] | None:
        """(the name findings carry, the result, the session); None when the document is no chart."""
        from orglint.api import lint_text
        from orglint.loader import display_path

        fs_path = path_of(uri)
        name = fs_path or uri
        if not is_chart(name, text):
            self.results.pop(uri, None)
            return None
        folder = Path(fs_path).parent if fs_path else Path.cwd()
        session = self.session_for(folder)
        shown = display_path(fs_path) if fs_path else name  # as `orglint check` names the file
        result = lint_text(text, shown, session=session)
        self.results[uri] = result
        return shown, result, session

    def forget_config(self) -> None:
        """A config file changed: read the configs again on the next lint."""
        self.sessions.clear()


CONFIG_NAMES = (".orglint.yaml", ".orglint.yml", "pyproject.toml")


def serve(session_options: dict[str, Any]) -> None:  # pragma: no cover - run through a real client in tests
    """Run the language server on stdin/stdout until the client exits."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from orglint import __version__
    from orglint.report import url_for

    server = LanguageServer("orglint", __version__)
    linter = Linter(session_options)

    def to_range(start: Position, end: Position) -> types.Range:
        return types.Range(types.Position(start.line, start.character), types.Position(end.line, end.character))

    def publish(uri: str, text: str, version: int | None = None) -> None:
        try:
            linted = linter.lint(uri, text)
        except Exception as error:
            server.window_log_message(types.LogMessageParams(types.MessageType.Error, f"orglint: {error}"))
            linted = None
        if linted is None:
            server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[], version=version))
            return
        shown, result, session = linted
        page_of = functools.partial(url_for, rules=session.effective_rules(), docs_url=session.config.docs_url)
        items = []
        for diagnostic in diagnostics(result, shown, text, page_of):
            related = [
                types.DiagnosticRelatedInformation(
                    location=types.Location(
                        uri if item.path in (shown, None) else Path(item.path).resolve().as_uri(),
                        to_range(item.start, item.start),
                    ),
                    message=item.message,
                )
                for item in diagnostic.related
            ]
            items.append(
                types.Diagnostic(
                    range=to_range(diagnostic.start, diagnostic.end),
                    message=diagnostic.message,
                    severity={
                        "error": types.DiagnosticSeverity.Error,
                        "warning": types.DiagnosticSeverity.Warning,
                        "information": types.DiagnosticSeverity.Information,
                    }[diagnostic.severity],
                    code=diagnostic.code,
                    code_description=types.CodeDescription(href=diagnostic.href) if diagnostic.href else None,
                    source=SOURCE,
                    related_information=related or None,
                    data=diagnostic.data,
                )
            )
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=items, version=version))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri, params.text_document.text, params.text_document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        publish(document.uri, document.source, params.text_document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if (path_of(uri) or "").endswith(CONFIG_NAMES):
            linter.forget_config()
            for open_uri in list(linter.results):
                publish(open_uri, ls.workspace.get_text_document(open_uri).source)
            return
        publish(uri, ls.workspace.get_text_document(uri).source)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        linter.results.pop(params.text_document.uri, None)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        result = linter.results.get(uri)
        if result is None:
            return []
        text = ls.workspace.get_text_document(uri).source
        actions = []
        for diagnostic in params.context.diagnostics:
            data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
            if diagnostic.source != SOURCE or data.get("kind") != "rule":
                continue
            insertion = suppression_edit(result, str(data.get("code", "")), str(data.get("subject", "")), text)
            if insertion is None:
                continue
            at = types.Position(insertion.at.line, insertion.at.character)
            edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=types.Range(at, at), new_text=insertion.text)]})
            actions.append(
                types.CodeAction(title=insertion.title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic], edit=edit)
            )
        return actions

    server.start_io()
