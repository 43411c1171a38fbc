"""`orglint server`: a real LSP client session over stdio against the installed console script
(initialize, didOpen, publishDiagnostics, didChange, codeAction, shutdown), and the pure mapping."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from orglint.api import lint_text
from orglint.server import REASON_PLACEHOLDER, diagnostics, is_chart, suppression_edit

ORGLINT = str(Path(sys.executable).parent / "orglint")
TIMEOUT = 30  # seconds: a hang fails the test instead of freezing CI

CHART = """\
people:
  - id: ceo
    title: CEO
  - id: ana
    title: Engineer
    reports_to: ceoo
"""
FIXED = CHART.replace("ceoo", "ceo")


# ---------------------------------------------------------------- the pure parts


def test_which_documents_are_charts():
    assert is_chart("org.yaml", CHART)
    assert is_chart("team.yml", "kind: Group\nmetadata: {name: a}\n")
    assert is_chart("export.csv", "Name,Title\n")
    assert not is_chart(".github/workflows/ci.yml", "on: push\njobs: {}\n")
    assert not is_chart("notes.md", "people: []\n")


def test_findings_become_diagnostics_counted_from_zero():
    result = lint_text(CHART, "org.yaml")
    (diagnostic,) = diagnostics(result, "org.yaml", CHART, lambda code: f"https://docs.example/{code}")
    assert (diagnostic.code, diagnostic.severity, diagnostic.href) == ("S002", "error", "https://docs.example/S002")
    assert (diagnostic.start.line, diagnostic.start.character) == (5, 16)  # line 6, column 17
    assert diagnostic.end.line == 5 and diagnostic.end.character == len("    reports_to: ceoo")
    assert diagnostic.data == {"code": "S002", "subject": "people.ana", "kind": "rule"}


def test_the_quick_fix_suppresses_the_finding_with_a_reason():
    result = lint_text(CHART, "org.yaml")
    insertion = suppression_edit(result, "S002", "people.ana", CHART)
    assert insertion is not None and (insertion.at.line, insertion.at.character) == (3, 0)
    assert insertion.text == f"  # orglint: disable-next-line=S002 -- {REASON_PLACEHOLDER}\n"
    lines = CHART.splitlines(keepends=True)
    edited = "".join(lines[:3]) + insertion.text + "".join(lines[3:])
    assert lint_text(edited, "org.yaml").findings == []
    assert suppression_edit(result, "E001", "", CHART) is None


# ---------------------------------------------------------------- a real client session


async def _session(tmp_path: Path) -> dict:
    client = LanguageClient("orglint-tests", "1")
    published: dict[str, list[types.PublishDiagnosticsParams]] = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.setdefault(params.uri, []).append(params)
        arrived.set()

    async def next_diagnostics(uri: str) -> list[types.Diagnostic]:
        count = len(published.get(uri, []))
        while len(published.get(uri, [])) <= count:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), TIMEOUT)
        return published[uri][-1].diagnostics

    await client.start_io(ORGLINT, "server", "--isolated", cwd=str(tmp_path))
    outcome: dict = {}
    try:
        init = await asyncio.wait_for(
            client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri())),
            TIMEOUT,
        )
        outcome["code_action_provider"] = init.capabilities.code_action_provider
        client.initialized(types.InitializedParams())
        uri = (tmp_path / "org.yaml").as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=CHART))
        )
        opened = await next_diagnostics(uri)
        outcome["opened"] = opened
        actions = await asyncio.wait_for(
            client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri),
                    range=opened[0].range,
                    context=types.CodeActionContext(diagnostics=opened),
                )
            ),
            TIMEOUT,
        )
        outcome["actions"] = actions
        (edit,) = actions[0].edit.changes[uri]
        lines = CHART.splitlines(keepends=True)
        suppressed = "".join(lines[: edit.range.start.line]) + edit.new_text + "".join(lines[edit.range.start.line :])
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                [types.TextDocumentContentChangeWholeDocument(text=suppressed)],
            )
        )
        outcome["after_fix"] = await next_diagnostics(uri)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=3),
                [types.TextDocumentContentChangeWholeDocument(text="people: [\n  - {id: x\n")],
            )
        )
        outcome["broken"] = await next_diagnostics(uri)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=4),
                [types.TextDocumentContentChangeWholeDocument(text=FIXED)],
            )
        )
        outcome["fixed"] = await next_diagnostics(uri)
        workflow = (tmp_path / "ci.yml").as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=workflow, language_id="yaml", version=1, text="on: push\n")
            )
        )
        outcome["not_a_chart"] = await next_diagnostics(workflow)
        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
        outcome["exit_code"] = await asyncio.wait_for(client._server.wait(), TIMEOUT)
    finally:
        if client._server is not None and client._server.returncode is None:
            client._server.kill()
        await client.stop()
    return outcome


def test_a_client_session_over_stdio(tmp_path):
    outcome = asyncio.run(_session(tmp_path))
    assert outcome["code_action_provider"] is not None
    (diagnostic,) = outcome["opened"]
    assert (diagnostic.code, diagnostic.source, diagnostic.severity) == ("S002", "orglint", types.DiagnosticSeverity.Error)
    assert diagnostic.range.start == types.Position(5, 16)
    assert diagnostic.code_description.href == "https://github.com/orglint/orglint/blob/main/docs/rules/S002.md"
    assert "no person has that id" in diagnostic.message
    (action,) = outcome["actions"]
    assert action.kind == types.CodeActionKind.QuickFix and action.title == "Suppress S002 for people.ana (with a reason)"
    assert list(outcome["after_fix"]) == []
    assert [d.code for d in outcome["broken"]] == ["E001"]  # the server survives a broken chart
    assert list(outcome["fixed"]) == []
    assert list(outcome["not_a_chart"]) == []
    assert outcome["exit_code"] == 0


def test_related_locations_reach_the_editor():
    chart = "people:\n  - id: a\n    title: CEO\n  - id: a\n    title: CTO\n"
    result = lint_text(chart, "org.yaml")
    duplicate = next(d for d in diagnostics(result, "org.yaml", chart, lambda code: None) if d.code == "S003")
    assert [(item.path, item.start.line) for item in duplicate.related] == [("org.yaml", 1)]


def test_without_pygls_the_command_says_what_to_install(tmp_path):
    import subprocess

    script = "import sys; sys.modules['pygls'] = None; sys.argv = ['orglint', 'server']; from orglint.cli import run; run()"
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == "orglint: error: orglint server needs pygls: pip install 'orglint[server]'\n"
