"""A client of the public API, checked by mypy (``--strict --disallow-any-expr``) in the test suite.

It is never run by pytest: it pins what a type checker sees of ``engine``.  Every name used here must
have its real type (no ``Any``), so a change that makes the API untyped fails the typing test.
"""

from __future__ import annotations

import datetime as dt

import engine
from engine.errors import TradegapError, UnknownId, UsageError
from engine.model import Agreement, NormSet
from engine.results import Comparison, Diff, Finding, Pair, SuggestedReport
from engine.vocabulary import Grade


def gaps(corpus: engine.Corpus, agreement_id: str, norm_set_id: str) -> list[str]:
    agreement: Agreement = corpus.agreement(agreement_id)
    norms: NormSet = corpus.norms(norm_set_id)
    report: engine.Report = engine.evaluate(agreement, norms, as_of=dt.date(2026, 11, 27), party="JP")
    return [f.norm for f in report.findings if f.grade != Grade.MET]


def brief(corpus: engine.Corpus) -> str:
    rcep, cptpp = corpus.agreement("rcep"), corpus.agreement("cptpp")
    tpp3 = corpus.norms("tpp3")
    finding: Finding = engine.explain(rcep, tpp3, "data-flows")
    matrix: Comparison = engine.compare([cptpp, rcep], tpp3, topics=["source-code"])
    changes: Diff = engine.diff(cptpp, rcep, [tpp3])
    both: Pair = engine.pair(corpus, "KR", "JP", tpp3)
    suggested: SuggestedReport = engine.suggest(corpus, engine.evaluate(rcep, tpp3))
    parts: list[str] = [engine.render(x, "markdown") for x in (matrix, changes, both, suggested)]
    parts.append(engine.render(finding, "text"))
    return "\n".join(parts)


def draft(text: str) -> int:
    try:
        mine: engine.Corpus = engine.parse(text, "draft.agr")
        formatted: str = engine.format_source(text, "draft.agr")
    except UnknownId as exc:
        return len(exc.message)
    except (UsageError, TradegapError) as exc:
        return len(exc.hint or "")
    errors: tuple[engine.Diagnostic, ...] = mine.errors
    return len(errors) + len(formatted)


def expectations(corpus: engine.Corpus) -> bool:
    return all(r.passed for r in engine.check_expectations(corpus, today=dt.date(2026, 11, 27)))


def corpus_from(paths: list[str]) -> engine.Corpus:
    return engine.load(paths, include_bundled=True, cache=False)
