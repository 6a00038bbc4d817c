"""The library API: the eleven verbs other tools call.  Everything returns frozen attrs results.

    import datetime as dt
    import engine

    corpus = engine.load()
    report = engine.evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), as_of=dt.date(2026, 11, 27))
    print(engine.render(report, "markdown"))

Every error raised on purpose is an :class:`engine.errors.TradegapError` (``UnknownId`` is also a
``KeyError``, ``UsageError``/``UnresolvedDraft``/``InvalidInput`` also ``ValueError``).  No call prints,
switches off the garbage collector or writes a file; ``load(..., cache=True)`` opts into the per-user
parse cache that the command line uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional, Sequence, Union

import attrs

from engine.checking.corpus import Corpus
from engine.errors import InvalidInput, UnknownId, UsageError
from engine.evaluation.findings import Finding, Report
from engine.language import model as M
from engine.rendering import FORMATS
from engine.views.compare import Comparison
from engine.views.diff import Diff
from engine.views.expectations import ExpectationResult
from engine.views.pair import Pair
from engine.views.precedents import DEFAULT_LIMIT, SuggestedReport

Result = Union[Report, Finding, Comparison, Diff, Pair, SuggestedReport]
"""Every value :func:`render` prints."""

Agreements = Union[M.Agreement, Iterable[M.Agreement]]
NormSets = Union[M.NormSet, Iterable[M.NormSet]]


def load(paths: Sequence[str] = (), include_bundled: bool = True, *, cache: bool = False) -> Corpus:
    """Read agreements, norm sets and expectations from files and folders into a resolved corpus.

    Args:
        paths: files (``.agr``, ``.norms``, ``.expect``) and folders of them; none gives the bundled corpus.
        include_bundled: put the corpus shipped with tradegap under the given files.
        cache: read and write the per-user parse cache (``$XDG_CACHE_HOME/tradegap``); off by default.

    Returns:
        A :class:`Corpus`.  Problems in the files do not raise: they are in ``corpus.diagnostics``
        (``corpus.errors`` for the errors alone), and what could be read is usable.

    Example:
        >>> corpus = engine.load(["examples/"])
        >>> corpus.agreement("kjdpa").based_on
        'ksdpa'
    """
    return Corpus.from_paths(list(paths), include_bundled=include_bundled, cache=cache)


def parse(text: str, path: str = "<input>", *, corpus: Optional[Corpus] = None) -> Corpus:
    """A corpus with one more source text in it, resolved against what the corpus holds.

    This is how a draft written ``based-on rcep`` is evaluated: parse it on top of the bundled corpus.

    Args:
        text: agreement, norm-set or expectation source.
        path: the name diagnostics and citations use for the text.
        corpus: the corpus to add it to (default: the bundled corpus).

    Returns:
        A new :class:`Corpus`; the text's problems are among its ``diagnostics``.

    Example:
        >>> mine = engine.parse('agreement d { based-on rcep  status draft }', "d.agr")
        >>> mine.agreement("d").status
        'draft'
    """
    base = corpus if corpus is not None else Corpus.bundled()
    return base.with_text(text, path)


def evaluate(agreements: Agreements, norm_sets: NormSets, as_of: Optional[dt.date] = None,
             party: Optional[str] = None) -> Report:
    """Grade agreements against every norm of the norm sets, with reasons and the words behind them.

    Args:
        agreements: one resolved agreement or several (from a :class:`Corpus`).
        norm_sets: one norm set or several.
        as_of: the date of the evaluation (default: today).
        party: take one party's position (an ISO 3166 code); default: every party.

    Returns:
        A :class:`Report`: one finding per agreement and norm, in the order given.

    Raises:
        UnresolvedDraft: an agreement written ``based-on`` another was not resolved (load it through a corpus).
        UsageError: ``as_of`` is not a date, or ``party`` is not an ISO 3166 code.

    Example:
        >>> report = engine.evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), dt.date(2026, 11, 27))
        >>> report.finding("rcep", "tpp3.data-flows").grade
        <Grade.PARTIAL: 'partial'>
    """
    from engine.evaluation.evaluator import evaluate as _evaluate

    return _evaluate(agreements, norm_sets, _date(as_of), _party(party))


def explain(agreement: M.Agreement, norm_set: M.NormSet, norm: str, as_of: Optional[dt.date] = None,
            party: Optional[str] = None) -> Finding:
    """One finding with its whole trace: every candidate article, requirement and predicate, and what was found.

    Args:
        agreement: a resolved agreement.
        norm_set: the norm set holding the norm.
        norm: the norm's id within the set (``"data-flows"``).
        as_of: the date (default: today).
        party: one party's position (ISO code), or every party.

    Returns:
        A :class:`~engine.results.Finding` whose ``candidates`` carry the trace; ``render`` prints it.

    Raises:
        UnknownId: the norm set has no such norm.
        UnresolvedDraft, UsageError: as for :func:`evaluate`.

    Example:
        >>> f = engine.explain(corpus.agreement("rcep"), corpus.norms("tpp3"), "data-flows")
        >>> [c.requirement for c in f.candidates[0].checks if not c.held][0]
        'require enforceable'
    """
    chosen = norm_set.norm(norm)
    if chosen is None:
        from engine.language.diagnostics import did_you_mean

        known = [n.id for n in norm_set.norms]
        raise UnknownId(f"norm set `{norm_set.id}` has no norm `{norm}`",
                        did_you_mean(norm, known) or "known: " + ", ".join(known))
    return evaluate(agreement, attrs.evolve(norm_set, norms=(chosen,)), as_of, party).findings[0]


def compare(agreements: Iterable[M.Agreement], norm_sets: NormSets = (), topics: Sequence[str] = (),
            as_of: Optional[dt.date] = None, party: Optional[str] = None, lens: str = "grade") -> Comparison:
    """The side-by-side matrix: agreements in columns, norms (or topics) in rows.

    Args:
        agreements: resolved agreements, one column each, in order.
        norm_sets: norm sets whose norms are the rows.
        topics: topics as further rows (the strongest article on each); with neither, the topics addressed.
        as_of, party: as for :func:`evaluate`.
        lens: ``"grade"`` (cells by grade and score) or ``"strength"`` (cells by the decisive article's
            strength, hard or soft, irrespective of enforceability: a view of the same findings).

    Returns:
        A :class:`~engine.results.Comparison`.

    Raises:
        UsageError: an unknown topic (the hint suggests the closest), a bad date or party.

    Example:
        >>> engine.compare([corpus.agreement("cptpp"), corpus.agreement("rcep")], corpus.norms("tpp3"))
    """
    from engine.views.compare import compare as _compare

    return _compare(tuple(agreements), _sets(norm_sets), tuple(topics), _date(as_of), _party(party), lens=lens)


def diff(old: M.Agreement, new: M.Agreement, norm_sets: NormSets = (), as_of: Optional[dt.date] = None,
         party: Optional[str] = None) -> Diff:
    """What changed between two agreements (or a draft and its base), and which gaps that closes or opens.

    Args:
        old, new: resolved agreements.
        norm_sets: norm sets whose grades are compared (none: only the text changes).
        as_of, party: as for :func:`evaluate`.

    Returns:
        A :class:`~engine.results.Diff`.

    Example:
        >>> engine.diff(corpus.agreement("ksdpa"), examples.agreement("kjdpa"), corpus.norms("tpp3")).closes
        1
    """
    from engine.views.diff import diff as _diff

    return _diff(old, new, _sets(norm_sets), _date(as_of), _party(party))


def pair(agreements: Union[Corpus, Iterable[M.Agreement]], x: str, y: str, norm_sets: NormSets = (),
         as_of: Optional[dt.date] = None, drafts: Sequence[M.Agreement] = ()) -> Pair:
    """What binds two countries to each other on a date, the strongest commitment per norm, and what drafts add.

    Args:
        agreements: a corpus, or resolved agreements, to search for those that bind both.
        x, y: ISO 3166 codes (alpha-2 or alpha-3).
        norm_sets: the norms to answer for.
        as_of: the date (default: today).
        drafts: draft agreements between the two, to see which gaps they would close.

    Returns:
        A :class:`~engine.results.Pair`.

    Raises:
        UsageError: a code that is not ISO 3166, the same country twice, a draft that does not name both.

    Example:
        >>> engine.pair(corpus, "KR", "JP", corpus.norms("tpp3")).binding[0].agreement.id
        'rcep'
    """
    from engine.views.pair import pair as _pair

    pool = agreements.agreements.values() if isinstance(agreements, Corpus) else agreements
    return _pair(pool, x, y, _sets(norm_sets), _date(as_of), tuple(drafts))


def suggest(corpus: Corpus, report: Report, limit: Optional[int] = DEFAULT_LIMIT) -> SuggestedReport:
    """The report with, for every gap, the articles elsewhere in the corpus that meet the norm (precedents).

    Args:
        corpus: where to look for precedents.
        report: a report from :func:`evaluate`.
        limit: precedents per gap (None: all), best first (accepted by its own parties, binding, more parties, newer).

    Returns:
        A :class:`~engine.results.SuggestedReport`; ``render`` prints it as ``tradegap report --suggest`` does.
    """
    from engine.views.precedents import suggest_report

    return suggest_report(corpus, report, limit)


def check_expectations(corpus: Corpus, expectations: Optional[Iterable[M.Expectation]] = None,
                       today: Optional[dt.date] = None) -> tuple[ExpectationResult, ...]:
    """Check ``expect`` lines (default: every one in the corpus) against the engine's grades.

    Args:
        corpus: the corpus holding the agreements and norm sets the expectations name.
        expectations: the expectations to check (default: ``corpus.expectations``).
        today: the date for expectations written without ``as-of`` (default: today).

    Returns:
        One :class:`~engine.results.ExpectationResult` per expectation, in order; ``.passed`` says if it holds.
    """
    from engine.views.expectations import check_all

    return check_all(corpus, corpus.expectations if expectations is None else expectations, _date(today))


def render(result: Result, fmt: str = "text") -> str:
    """Text for a result: a report, finding (its trace), comparison, diff, pair or suggested report.

    Args:
        result: any result the API returns.
        fmt: one of ``engine.rendering.FORMATS``: text, markdown, json, csv, html.

    Returns:
        The text; every string taken from agreement files is made inert for the format.

    Raises:
        UsageError: an unknown format.
        TypeError: a value that is not a result, or a result with no form in that format (the message
            names the types the format supports).
    """
    from engine.rendering import render as _render

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", "choose one of " + ", ".join(FORMATS))
    return _render(result, fmt)


def format_source(text: str, path: str = "<input>") -> str:
    """The canonical layout of source text, every comment kept, verified to parse back to the same document.

    Args:
        text: agreement, norm-set or expectation source.
        path: the name diagnostics use.

    Returns:
        The formatted text.

    Raises:
        InvalidInput: the text does not parse (``.diagnostics`` says where and why).
    """
    from engine.checking.fmt import format_source as _fmt

    formatted, diagnostics = _fmt(text, path)
    if formatted is None:
        first = diagnostics[0].message if diagnostics else "the text cannot be formatted"
        raise InvalidInput(f"{path}: {first}", diagnostics, "run `tradegap check` on it for every problem")
    return formatted


# ---------------------------------------------------------------- argument checks


def _date(value: Optional[dt.date]) -> Optional[dt.date]:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    raise UsageError(f"a date is needed, not {value!r}", "pass datetime.date(2026, 11, 27), "
                     "or datetime.date.fromisoformat('2026-11-27')")


def _party(code: Optional[str]) -> Optional[str]:
    if code is None:
        return None
    from engine.language import parties as P

    canonical = P.canonical(code.upper()) if isinstance(code, str) else None
    if canonical is None:
        raise UsageError(f"`{code}` is not an ISO 3166-1 country code", "e.g. KR, JP, KOR, JPN")
    return code


def _sets(norm_sets: NormSets) -> tuple[M.NormSet, ...]:
    return (norm_sets,) if isinstance(norm_sets, M.NormSet) else tuple(norm_sets)


__all__ = ["load", "parse", "evaluate", "explain", "compare", "diff", "pair", "suggest", "check_expectations",
           "render", "format_source"]
