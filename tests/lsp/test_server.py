"""`tradegap lsp` as an editor sees it: a subprocess spoken to in JSON-RPC over stdio (pygls's own client).

One scripted session (the done-when of issue 14): initialize; open a draft with two errors and receive both
diagnostics with codes and ranges; hover on `self-judging`; complete after `topic `; go from `based-on ksdpa`
to the KSDPA file; then the outline, formatting, a quick fix, a base article after `amend article`, and an
article's grades.
"""

from __future__ import annotations

import asyncio
import os
import pathlib
import sys

from lsprotocol import types as T
from pygls.lsp.client import LanguageClient

from engine.api import format_source

ROOT = pathlib.Path(__file__).resolve().parents[2]
DRAFT = '''agreement mine "A draft" {
  based-on ksdpa
  status draft
  parties KR JP
  exception essential-security self-judging
  chapter 14 "Electronic Commerce" {
    article 14.40 "Data" {
      topic cross-border-dta
      binding prohibition "no Party shall"
      exception public-polcy "to achieve a legitimate public policy objective"
    }
  }
  amend article 14.1 { note "x" }
}
'''

def _at(text: str, needle: str, offset: int = 0) -> T.Position:
    before = text[:text.index(needle) + offset]
    return T.Position(before.count("\n"), len(before) - (before.rfind("\n") + 1))


async def _session(folder: pathlib.Path) -> dict:
    client = LanguageClient("test", "1")
    published: asyncio.Queue = asyncio.Queue()
    client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(lambda params: published.put_nowait(params))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    await client.start_io(sys.executable, "-m", "engine", "lsp", "--stdio", env=env, cwd=str(folder))
    try:
        return await _script(client, published, folder)
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


async def _script(client: LanguageClient, published: asyncio.Queue, folder: pathlib.Path) -> dict:
    init = await client.initialize_async(T.InitializeParams(
        capabilities=T.ClientCapabilities(), root_uri=folder.as_uri(), initialization_options={"norms": ["tpp3"]}))
    client.initialized(T.InitializedParams())
    uri = (folder / "mine.agr").as_uri()
    client.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(uri=uri, language_id="tradegap", version=1, text=DRAFT)))
    doc = T.TextDocumentIdentifier(uri)
    out = {"init": init, "diagnostics": await asyncio.wait_for(published.get(), 30)}
    out["hover"] = await client.text_document_hover_async(T.HoverParams(doc, _at(DRAFT, "self-judging", 3)))
    out["topics"] = await client.text_document_completion_async(
        T.CompletionParams(doc, _at(DRAFT, "topic cross", len("topic "))))
    out["amend"] = await client.text_document_completion_async(
        T.CompletionParams(doc, _at(DRAFT, "amend article 14.1", len("amend article 14.1"))))
    out["definition"] = await client.text_document_definition_async(
        T.DefinitionParams(doc, _at(DRAFT, "ksdpa", 2)))
    out["base article"] = await client.text_document_definition_async(
        T.DefinitionParams(doc, _at(DRAFT, "14.1 {", 1)))
    out["symbols"] = await client.text_document_document_symbol_async(T.DocumentSymbolParams(doc))
    out["format"] = await client.text_document_formatting_async(
        T.DocumentFormattingParams(doc, T.FormattingOptions(2, True)))
    out["fixes"] = await client.text_document_code_action_async(T.CodeActionParams(
        doc, out["diagnostics"].diagnostics[0].range, T.CodeActionContext(out["diagnostics"].diagnostics)))
    fixed = DRAFT.replace("cross-border-dta", "cross-border-data").replace("public-polcy", "public-policy")
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        T.VersionedTextDocumentIdentifier(version=2, uri=uri), [T.TextDocumentContentChangeWholeDocument(fixed)]))
    out["clean"] = await asyncio.wait_for(published.get(), 30)
    out["grades"] = await client.text_document_hover_async(T.HoverParams(doc, _at(fixed, "article 14.40", 2)))
    return out


def test_an_editor_session(tmp_path):
    out = asyncio.run(_session(tmp_path))
    assert out["init"].server_info.name == "tradegap"

    found = [(d.code, d.range.start.line, d.range.start.character, d.range.end.character)
             for d in out["diagnostics"].diagnostics]
    assert found == [("E0201", 7, 12, 28), ("E0203", 9, 16, 28)]  # the words, 0-based
    assert "did you mean `cross-border-data`?" in out["diagnostics"].diagnostics[0].message

    assert "the Party itself decides whether the measure is necessary" in out["hover"].contents.value
    assert "cross-border-data" in [i.label for i in out["topics"].items]
    assert {"14.1", "14.10", "14.14"} <= {i.label for i in out["amend"].items}
    assert out["definition"].uri.endswith("/ksdpa.agr")
    assert out["base article"].uri.endswith("/ksdpa.agr")

    assert [s.name for s in out["symbols"]] == ["agreement mine"]
    assert [c.name for c in out["symbols"][0].children] == ["chapter 14", "amend article 14.1"]
    assert [c.name for c in out["symbols"][0].children[0].children] == ["article 14.40"]
    (edit,) = out["format"]  # the whole text, as `tradegap fmt` writes it
    assert edit.new_text == format_source(DRAFT) and (edit.range.start.line, edit.range.end.line) == (0, 14)
    assert [a.title for a in out["fixes"]] == ["Replace with `cross-border-data`", "Replace with `public-policy`"]
    edit = out["fixes"][0].edit.changes[out["diagnostics"].uri][0]
    assert (edit.new_text, edit.range.start.line, edit.range.start.character) == ("cross-border-data", 7, 12)

    assert [d.code for d in out["clean"].diagnostics] == []
    grades = out["grades"].contents.value
    assert "**Art. 14.40** of `mine` against tpp3" in grades and "`tpp3.data-flows`" in grades
