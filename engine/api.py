"""The library API: what other tools call.  Everything returns attrs objects.

    import engine
    corpus = engine.Corpus.bundled()
    report = engine.evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"))
    print(engine.render(report, "markdown"))

Negotiator tools, each returning a frozen attrs result that ``render`` prints
in every format::

    engine.compare_agreements([cptpp, usjdta, rcep], [corpus.norms("digital-core")])  # Comparison
    engine.diff_agreements(corpus.agreement("ksdpa"), corpus.agreement("kjdpa"), [tpp3])  # Diff
    engine.pair_countries(corpus.agreements.values(), "KR", "JP", [tpp3])               # Pair
    engine.suggest_for_report(corpus, report)        # Suggestions with Precedents for every gap
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional, Sequence

from engine.language import model as M
from engine.views.compare import Comparison
from engine.views.compare import compare as compare_agreements
from engine.checking.corpus import Corpus, SourceFile, load_file, load_text
from engine.language.diagnostics import Diagnostic, render_text
from engine.views.diff import Diff
from engine.views.diff import diff as diff_agreements
from engine.evaluation.evaluator import evaluate
from engine.views.expectations import ExpectationResult, check_all
from engine.evaluation.findings import Finding, Report
from engine.syntax.printer import format_article, format_document
from engine.views.pair import Pair
from engine.views.pair import pair as pair_countries
from engine.views.precedents import Precedent, Suggestion, suggest_for_report
from engine.views.precedents import precedents as find_precedents
from engine.views.precedents import suggest as suggest_precedents
from engine.rendering import FORMATS, render


def load(paths: Sequence[str], include_bundled: bool = True) -> Corpus:
    """A corpus of the given files and folders (with the bundled corpus under them by default)."""
    return Corpus.from_paths(paths, include_bundled=include_bundled)


def parse(text: str, path: str = "<input>") -> SourceFile:
    """Parse and validate source text: ``.document`` is None if it does not parse; see ``.diagnostics``."""
    return load_text(text, path)


def explain(agreement: M.Agreement, norm_set: M.NormSet, norm: str, as_of: Optional[dt.date] = None,
            party: Optional[str] = None) -> Finding:
    """One finding with its full trace: every candidate article, every requirement, every predicate."""
    chosen = norm_set.norm(norm)
    if chosen is None:
        raise KeyError(f"norm set `{norm_set.id}` has no norm `{norm}`")
    import attrs

    return evaluate(agreement, attrs.evolve(norm_set, norms=(chosen,)), as_of, party).findings[0]


def check_expectations(corpus: Corpus, expectations: Optional[Iterable[M.Expectation]] = None,
                       today: Optional[dt.date] = None) -> tuple[ExpectationResult, ...]:
    """Check expectations (default: every one in the corpus)."""
    return check_all(corpus, corpus.expectations if expectations is None else expectations, today)


def format_source(text: str, path: str = "<input>") -> Optional[str]:
    """The canonical layout of source text, or None if it does not parse."""
    from engine.checking.fmt import format_source as _fmt

    return _fmt(text, path)[0]


__all__ = [
    "Corpus", "SourceFile", "Diagnostic", "Report", "Finding", "ExpectationResult", "FORMATS",
    "load", "parse", "evaluate", "explain", "render", "render_text", "check_expectations",
    "format_document", "format_article", "format_source", "load_file", "load_text",
    "Comparison", "Diff", "Pair", "Precedent", "Suggestion", "compare_agreements", "diff_agreements",
    "pair_countries", "find_precedents", "suggest_precedents", "suggest_for_report",
]
