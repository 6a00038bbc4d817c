"""tradegap: a rules-based trade-agreement comparison engine.

The public API is eleven verbs and four types (``engine.__all__``), documented in :mod:`engine.api`::

    import engine
    corpus = engine.load()
    report = engine.evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"))
    print(engine.render(report, "markdown"))

Public submodules: :mod:`engine.model` (the parsed model), :mod:`engine.results` (result types),
:mod:`engine.vocabulary` (the words of the language as enums), :mod:`engine.errors`,
:mod:`engine.importer`.  Everything else is internal and may change.

The package is laid out as the pipeline runs (see docs/architecture.md): ``language`` (the nouns) ->
``syntax`` (text <-> model) -> ``checking`` (validate, resolve, corpus) -> ``evaluation`` (pure) ->
``views`` (compare, diff, pair, precedents) -> ``rendering`` -> ``api`` -> ``cli``.  Names are imported
lazily so that the command line starts fast; type checkers see them through the imports below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine._version import __version__

if TYPE_CHECKING:  # the real types, for checkers; at run time names are loaded on first use
    from engine.api import (check_expectations, compare, diff, evaluate, explain, format_source, load, parse,
                            pair, render, suggest)
    from engine.checking.corpus import Corpus
    from engine.errors import TradegapError
    from engine.evaluation.findings import Report
    from engine.language.diagnostics import Diagnostic

__all__ = [
    "load", "parse", "evaluate", "explain", "compare", "diff", "pair", "suggest", "check_expectations",
    "render", "format_source",
    "Corpus", "Report", "Diagnostic", "TradegapError",
]

_HOMES = {
    "Corpus": "engine.checking.corpus", "Report": "engine.evaluation.findings",
    "Diagnostic": "engine.language.diagnostics", "TradegapError": "engine.errors",
}

# Names of release 0.1, kept for one release: (module, attribute, what to use instead).
_DEPRECATED = {
    "compare_agreements": ("engine.views.compare", "compare", "engine.compare"),
    "diff_agreements": ("engine.views.diff", "diff", "engine.diff"),
    "pair_countries": ("engine.views.pair", "pair", "engine.pair"),
    "find_precedents": ("engine.views.precedents", "precedents", "engine.suggest"),
    "suggest_precedents": ("engine.views.precedents", "suggest", "engine.suggest"),
    "suggest_for_report": ("engine.views.precedents", "suggest_for_report", "engine.suggest"),
    "load_text": ("engine.checking.corpus", "load_text", "engine.parse"),
    "load_file": ("engine.checking.corpus", "load_file", "engine.load"),
    "format_document": ("engine.syntax.printer", "format_document", "engine.format_source"),
    "format_article": ("engine.syntax.printer", "format_article", "engine.format_source"),
    "render_text": ("engine.language.diagnostics", "render_text", "str(diagnostic) or Diagnostic.render"),
    "FORMATS": ("engine.rendering", "FORMATS", "engine.rendering.FORMATS"),
    **{name: ("engine.results", name, f"engine.results.{name}") for name in (
        "SourceFile", "Finding", "ExpectationResult", "Comparison", "Diff", "Pair", "Precedent", "Suggestion")},
}


def __getattr__(name: str) -> Any:
    import importlib

    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    if name in __all__:
        return getattr(importlib.import_module("engine.api"), name)
    if name in _DEPRECATED:
        import warnings

        module, attribute, instead = _DEPRECATED[name]
        warnings.warn(f"engine.{name} is deprecated and will be removed in tradegap 0.3; use {instead}",
                      DeprecationWarning, stacklevel=2)
        found = getattr(importlib.import_module(module), attribute)
        if callable(found) and not isinstance(found, type):  # its arguments checked, as the verbs' are
            return importlib.import_module("engine.api").release_0_1(name, found)
        return found
    raise AttributeError(f"module 'engine' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__ + ["__version__"])
