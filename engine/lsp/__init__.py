"""The language server (``tradegap lsp``): diagnostics, hover, completion, definitions, outline and formatting.

A room between the API and the command line: it reads the lower rooms (the corpus, the parser's words,
the vocabulary, evaluation through :mod:`engine.api`) and never imports :mod:`engine.cli`.  Each feature is
a module of plain functions of an :class:`~engine.lsp.workspace.Analysis` and a position;
:mod:`engine.lsp.server` wires them to pygls.
"""
