"""The language server on pygls: each request handed to the feature module that answers it.

Documents are analysed on open and on every change (diagnostics are published then); hover, completion,
definition, outline, formatting and quick fixes read the latest analysis of the document's text.
Settings come from the initialization options or ``workspace/didChangeConfiguration``:
``{"tradegap": {"norms": ["tpp3"]}}``.
"""

from __future__ import annotations

from typing import Optional

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer

from engine._version import __version__
from engine.lsp import actions, completion, hover, navigation
from engine.lsp.workspace import Analysis, Settings, Workspace, path_of

NAME = "tradegap"


class TradegapServer(LanguageServer):
    """pygls's server with the tradegap workspace and the latest analysis of each open document."""

    def __init__(self) -> None:
        super().__init__(NAME, __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental)
        self.space = Workspace()
        self.analyses: dict[str, Analysis] = {}

    def analysis(self, uri: str) -> Analysis:
        """The analysis of a document's current text (made again only when the text changed)."""
        text = self.workspace.get_text_document(uri).source
        cached = self.analyses.get(uri)
        encoding = str(self.workspace.position_encoding or T.PositionEncodingKind.Utf16.value)
        if cached is None or cached.text != text or cached.settings != self.space.settings \
                or cached.encoding != encoding:
            cached = self.analyses[uri] = self.space.analyse(path_of(uri), text, encoding)
        return cached

    def publish(self, uri: str, version: Optional[int] = None) -> None:
        """Check a document and send its diagnostics."""
        found = actions.diagnostics(self.analysis(uri))
        self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version))

    def cursor(self, uri: str, pos: T.Position) -> tuple[Analysis, int, int]:
        """A document's analysis and the 0-based line and character column of a client's position."""
        a = self.analysis(uri)
        line, column = a.at.from_client(pos)
        return a, line, column


def build() -> TradegapServer:
    """The server with every feature registered."""
    server = TradegapServer()
    _documents(server)
    _features(server)
    return server


def _documents(server: TradegapServer) -> None:
    @server.feature(T.INITIALIZE)
    def initialize(ls: TradegapServer, params: T.InitializeParams) -> None:
        ls.space.settings = Settings.of(params.initialization_options)

    @server.feature(T.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configure(ls: TradegapServer, params: T.DidChangeConfigurationParams) -> None:
        ls.space.settings = Settings.of(params.settings)
        for uri in list(ls.analyses):
            ls.publish(uri)

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TradegapServer, params: T.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri, params.text_document.version)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TradegapServer, params: T.DidChangeTextDocumentParams) -> None:
        ls.publish(params.text_document.uri, params.text_document.version)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: TradegapServer, params: T.DidSaveTextDocumentParams) -> None:
        ls.space.forget(path_of(params.text_document.uri))  # the folder's files are read again
        for uri in list(ls.analyses):
            ls.analyses.pop(uri, None)
            ls.publish(uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TradegapServer, params: T.DidCloseTextDocumentParams) -> None:
        ls.analyses.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


def _features(server: TradegapServer) -> None:
    @server.feature(T.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: TradegapServer, params: T.HoverParams) -> Optional[T.Hover]:
        return hover.hover(*ls.cursor(params.text_document.uri, params.position))

    @server.feature(T.TEXT_DOCUMENT_COMPLETION, T.CompletionOptions(trigger_characters=[" ", "."]))
    def on_completion(ls: TradegapServer, params: T.CompletionParams) -> T.CompletionList:
        items = completion.complete(*ls.cursor(params.text_document.uri, params.position))
        return T.CompletionList(is_incomplete=False, items=items)

    @server.feature(T.TEXT_DOCUMENT_DEFINITION)
    def on_definition(ls: TradegapServer, params: T.DefinitionParams) -> Optional[T.Location]:
        return navigation.definition(*ls.cursor(params.text_document.uri, params.position))

    @server.feature(T.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def on_symbols(ls: TradegapServer, params: T.DocumentSymbolParams) -> list[T.DocumentSymbol]:
        return navigation.symbols(ls.analysis(params.text_document.uri))

    @server.feature(T.TEXT_DOCUMENT_FORMATTING)
    def on_format(ls: TradegapServer, params: T.DocumentFormattingParams) -> list[T.TextEdit]:
        return actions.formatting(ls.analysis(params.text_document.uri))

    @server.feature(T.TEXT_DOCUMENT_CODE_ACTION, T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
    def on_code_action(ls: TradegapServer, params: T.CodeActionParams) -> list[T.CodeAction]:
        return actions.quick_fixes(params.text_document.uri, list(params.context.diagnostics))


def serve() -> None:
    """Serve one client over standard input and output until it says exit."""
    build().start_io()
