"""The library API: the eleven verbs other tools call.  Everything returns frozen attrs results.

    import datetime as dt
    import engine

    corpus = engine.load()
    report = engine.evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), as_of=dt.date(2026, 11, 27))
    print(engine.render(report, "markdown"))

Every error raised on purpose is an :class:`engine.errors.TradegapError` (``UnknownId`` is also a
``KeyError``, ``UsageError``/``UnresolvedDraft``/``InvalidInput`` also ``ValueError``).  Every argument
is checked on entry: one of the wrong type raises ``BadArgument`` (a ``UsageError`` and a ``TypeError``)
naming the argument, before anything deeper can fail on it.  No call prints,
switches off the garbage collector or writes a file; ``load(..., cache=True)`` opts into the per-user
parse cache that the command line uses.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from typing import Any, Callable, Iterable, Optional, Sequence, Union

import attrs

from engine.checking import arguments as A
from engine.checking.corpus import Corpus
from engine.errors import BadArgument, InvalidInput, UnknownId, UsageError
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
RESULTS = (Report, Finding, Comparison, Diff, Pair, SuggestedReport)

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
    return Corpus.from_paths(paths, include_bundled=include_bundled, cache=cache)


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
    A.text(text, "text")
    A.text(path, "path")
    base = A.instance(corpus, Corpus, "corpus", "a Corpus") if corpus is not None else Corpus.bundled()
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

    return _evaluate(_agreements(agreements), _sets(norm_sets), _date(as_of), _party(party))


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
    A.instance(agreement, M.Agreement, "agreement", _AN_AGREEMENT)
    A.instance(norm_set, M.NormSet, "norm_set", _A_NORM_SET)
    chosen = norm_set.norm(A.text(norm, "norm"))
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

    return _compare(_agreements(agreements), _sets(norm_sets), A.words(topics, "topics"), _date(as_of),
                    _party(party), lens=A.text(lens, "lens"))


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

    A.instance(old, M.Agreement, "old", _AN_AGREEMENT)
    A.instance(new, M.Agreement, "new", _AN_AGREEMENT)
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

    pool = tuple(agreements.agreements.values()) if isinstance(agreements, Corpus) else _agreements(agreements)
    return _pair(pool, A.text(x, "x"), A.text(y, "y"), _sets(norm_sets), _date(as_of),
                 A.instances(drafts, M.Agreement, "drafts", "a list of agreements"))


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

    A.instance(corpus, Corpus, "corpus", "a Corpus")
    A.instance(report, Report, "report", "a Report (from engine.evaluate)")
    return suggest_report(corpus, report, _limit(limit))


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

    A.instance(corpus, Corpus, "corpus", "a Corpus")
    chosen = corpus.expectations if expectations is None else \
        A.instances(expectations, M.Expectation, "expectations", "a list of expectations (corpus.expectations)")
    return check_all(corpus, chosen, _date(today, "today"))


def render(result: Result, fmt: str = "text") -> str:
    """Text for a result: a report, finding (its trace), comparison, diff, pair or suggested report.

    Args:
        result: any result the API returns.
        fmt: one of ``engine.rendering.FORMATS``: text, markdown, json, csv, html.

    Returns:
        The text; every string taken from agreement files is made inert for the format.

    Raises:
        UsageError: an unknown format.
        BadArgument: a value that is not a result (also a ``TypeError``).
        TypeError: a result with no form in that format (the message names the types the format supports).
    """
    from engine.rendering import render as _render

    if A.text(fmt, "fmt") not in FORMATS:
        raise UsageError(f"unknown format {A.short(fmt)}", "choose one of " + ", ".join(FORMATS))
    if not isinstance(result, RESULTS):
        raise BadArgument(f"`result` must be a Report, Finding, Comparison, Diff, Pair or SuggestedReport, "
                          f"not {A.shown(result)}")
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

    formatted, diagnostics = _fmt(A.text(text, "text"), A.text(path, "path"))
    if formatted is None:
        first = diagnostics[0].message if diagnostics else "the text cannot be formatted"
        raise InvalidInput(f"{path}: {first}", diagnostics, "run `tradegap check` on it for every problem")
    return formatted


# ---------------------------------------------------------------- argument checks


_AN_AGREEMENT = "an agreement (corpus.agreement('rcep'))"
_A_NORM_SET = "a norm set (corpus.norms('tpp3'))"


def _date(value: Optional[dt.date], name: str = "as_of") -> Optional[dt.date]:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    raise BadArgument(f"a date is needed: `{name}` must be a datetime.date, not {A.shown(value)}",
                      "pass datetime.date(2026, 11, 27), or datetime.date.fromisoformat('2026-11-27')")


def _party(code: Optional[str]) -> Optional[str]:
    if code is None:
        return None
    from engine.language import parties as P

    A.text(code, "party")
    canonical = P.canonical(code.upper()) if len(code) <= 3 else None
    if canonical is None:
        raise UsageError(f"`{code if len(code) <= 40 else code[:37] + '...'}` is not an ISO 3166-1 country code",
                         "e.g. KR, JP, KOR, JPN")
    return code


def _agreements(agreements: Agreements) -> tuple[M.Agreement, ...]:
    return A.instances(agreements, M.Agreement, "agreements", "an agreement or a list of agreements")


def _sets(norm_sets: NormSets) -> tuple[M.NormSet, ...]:
    return A.instances(norm_sets, M.NormSet, "norm_sets", "a norm set or a list of norm sets")


# ---------------------------------------------------------------- the names of release 0.1, checked too


def _limit(value: Optional[int], name: str = "limit") -> Optional[int]:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise BadArgument(f"`{name}` must be a whole number of precedents or None, not {A.shown(value)}")
    return value


def _pool(value: Union[Corpus, Iterable[M.Agreement]], name: str) -> tuple[M.Agreement, ...]:
    return tuple(value.agreements.values()) if isinstance(value, Corpus) else _agreements(value)


def _of(kind: type, needed: str) -> Callable[[Any, str], Any]:
    return lambda value, name: A.instance(value, kind, name, needed)


def _checks_0_1() -> dict[str, dict[str, Callable[[Any, str], Any]]]:
    """For each name of release 0.1 that is an engine function, how each of its arguments is checked."""
    from engine.evaluation.findings import Finding
    from engine.language.diagnostics import Diagnostic

    agreement, norm_set = _of(M.Agreement, _AN_AGREEMENT), _of(M.NormSet, _A_NORM_SET)
    dated = {"as_of": lambda v, _: _date(v), "party": lambda v, _: _party(v)}
    corpus, report = _of(Corpus, "a Corpus"), _of(Report, "a Report (from engine.evaluate)")
    agreements = {"agreements": lambda v, _: _agreements(v), "norm_sets": lambda v, _: _sets(v)}
    return {
        "compare_agreements": {**agreements, **dated, "topics": A.words, "transpose": A.flag},
        "diff_agreements": {"old": agreement, "new": agreement, "norm_sets": lambda v, _: _sets(v), **dated},
        "pair_countries": {**agreements, "agreements": _pool, "x": A.text, "y": A.text, **dated,
                           "drafts": lambda v, n: A.instances(v, M.Agreement, n, "a list of agreements")},
        "find_precedents": {"agreements": lambda v, _: _agreements(v), "norm_set": norm_set,
                            "norm": _of(M.Norm, "a norm (norm_set.norms[0])"), **dated, "exclude": A.words},
        "suggest_precedents": {"corpus": corpus, "finding": _of(Finding, "a Finding (report.findings[0])"),
                               **dated, "limit": _limit},
        "suggest_for_report": {"corpus": corpus, "report": report, "limit": _limit},
        "format_document": {"doc": _of(M.Document, "a Document (source_file.document)")},
        "format_article": {"article": _of(M.Article, "an article")},
        "render_text": {"d": _of(Diagnostic, "a Diagnostic (corpus.diagnostics[0])"),
                        "sources": lambda v, n: v if v is None else A.instance(v, dict, n, "a dict of path to text")},
    }


@functools.lru_cache(maxsize=None)
def release_0_1(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, which the 0.1 name ``name`` stands for, with its arguments checked as the verbs' are
    (a wrong type raises :class:`~engine.errors.BadArgument`); unchanged if it takes no such argument."""
    checks = _checks_0_1().get(name)
    if checks is None:
        return function
    signature = inspect.signature(function)

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)  # a wrong number of arguments: Python's own TypeError
        for param, check in checks.items():
            if param in bound.arguments:
                bound.arguments[param] = check(bound.arguments[param], param)
        return function(*bound.args, **bound.kwargs)

    return checked


__all__ = ["load", "parse", "evaluate", "explain", "compare", "diff", "pair", "suggest", "check_expectations",
           "render", "format_source"]
