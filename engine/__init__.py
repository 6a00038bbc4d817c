"""tradegap: a rules-based trade-agreement comparison engine.

The public API (see :mod:`engine.api`) is imported lazily, so that the
command line starts fast::

    import engine
    corpus = engine.Corpus.bundled()
    report = engine.evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"))
    print(engine.render(report, "markdown"))
"""

from engine._version import __version__

_API = {
    "Corpus", "SourceFile", "Diagnostic", "Report", "Finding", "ExpectationResult", "FORMATS",
    "load", "parse", "evaluate", "explain", "render", "render_text", "check_expectations",
    "format_document", "format_article", "format_source", "load_file", "load_text",
    "Comparison", "Diff", "Pair", "Precedent", "Suggestion", "compare_agreements", "diff_agreements",
    "pair_countries", "find_precedents", "suggest_precedents", "suggest_for_report",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name):
    if name in _API:
        from engine import api

        return getattr(api, name)
    raise AttributeError(f"module 'engine' has no attribute {name!r}")


def __dir__():
    return __all__
