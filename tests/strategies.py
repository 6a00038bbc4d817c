"""Hypothesis strategies that build valid model objects (then printed by the formatter)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hypothesis import strategies as st

from engine.language import model as M
from engine.language import vocab as V
from engine.language.predicates import PREDICATES


def grammar_keywords() -> frozenset[str]:
    """The reserved words of the language, read from the grammar's string terminals (``AGREEMENT: "agreement"``)."""
    import importlib.resources

    import lark

    grammar = (importlib.resources.files("engine") / "syntax" / "grammar" / "tradegap.lark").read_text(encoding="utf-8")
    terminals = lark.Lark(grammar, parser="lalr").terminals
    return frozenset(t.pattern.value for t in terminals
                     if isinstance(t.pattern, lark.lexer.PatternStr) and re.fullmatch(r"[a-z][a-z-]*", t.pattern.value))


KEYWORDS = grammar_keywords()

names = st.from_regex(r"\A[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}\Z").filter(lambda s: s not in KEYWORDS)
codes = st.sampled_from(["JP", "KR", "SG", "AU", "VN", "US", "GB", "JPN", "KOR", "EU"])
text = st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=40)  # no surrogates, no newlines
numbers = st.from_regex(r"\A[0-9]{1,2}(\.[0-9]{1,2}){0,2}[a-z]?\Z")
dates = st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))
small = st.integers(0, 99)
weights = st.none() | st.integers(1, 100)
paragraphs = st.none() | st.from_regex(r"\A[0-9]{1,2}(\([a-z]\))?\Z") | text


def tup(s: st.SearchStrategy[Any], max_size: int = 3, min_size: int = 0) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(s, min_size=min_size, max_size=max_size).map(tuple)


article_numbers = numbers | st.integers(1, 30).map(M.unnumbered)  # as written, or `unnumbered N`
chapter_refs = st.none() | numbers  # `ch N`
pages = st.none() | st.tuples(st.integers(1, 999), st.none() | st.integers(1, 99))  # `page N [line N]`


@st.composite
def citations(draw: st.DrawFn) -> M.Citation:
    """``art N [ch N] [fn N] [page N [line N]]``."""
    page = draw(pages)
    return M.Citation(draw(article_numbers), draw(st.none() | small), chapter=draw(chapter_refs),
                      page=page[0] if page else None, line=page[1] if page else None)


citations = citations()
quotes = st.builds(M.Quote, text, st.none() | citations, st.booleans())
periods = (st.builds(M.Period, years=small, extension_years=st.none() | small) | st.builds(M.Period, until=dates)
           | st.builds(M.Period, until=st.none() | dates, event=text))
commitments = st.builds(M.Commitment, st.sampled_from(["binding", "best-endeavour", "hortatory"]),
                        st.none() | st.sampled_from(sorted(V.FORMS)), tup(quotes))
# `binding [FORM] for TOPIC... [paragraph "N"]`: the commitment on some topics alone
topic_commitments = st.builds(M.Commitment, st.sampled_from(["binding", "best-endeavour", "hortatory"]),
                              st.none() | st.sampled_from(sorted(V.FORMS)), tup(quotes),
                              topics=tup(st.sampled_from(sorted(V.TOPICS)), 2, 1), paragraph=paragraphs)
scopes = st.builds(M.Scope, st.sampled_from(["covers", "excludes"]), st.sampled_from(sorted(V.SCOPE_ITEMS)),
                   tup(quotes, 2))
softwares = st.builds(M.Software, st.sampled_from(sorted(V.SOFTWARE_COVERAGE)), tup(quotes, 2))
exceptions = st.builds(M.Exception_, st.sampled_from(sorted(V.EXCEPTION_KINDS)),
                       tup(st.sampled_from(sorted(V.EXCEPTION_QUALIFIERS))), tup(quotes, 2))
disputes = (st.builds(M.DisputeSettlement, st.sampled_from(["applies", "excluded"]), quotes=tup(quotes, 2))
            | st.builds(M.DisputeSettlement, st.just("shielded"), tup(codes, 2, 1), periods, tup(quotes, 2)))
contingencies = st.builds(M.Contingency, names, tup(quotes, 2))
transitions = st.builds(M.Transition, tup(codes, 3, 1), periods, tup(quotes, 2), paragraph=paragraphs)
reservations = st.builds(M.Reservation, tup(codes, 3, 1), st.none() | periods, tup(quotes, 2), paragraph=paragraphs)
notes = st.builds(M.Note, text)
levels = st.none() | st.sampled_from(sorted(V.VERIFICATION_LEVELS))


def _article_kwargs() -> dict[str, st.SearchStrategy[Any]]:
    return dict(
        topics=tup(st.sampled_from(sorted(V.TOPICS))),
        commitment=st.none() | commitments,
        topic_commitments=tup(topic_commitments, 2),
        scope=tup(scopes, 2),
        software=st.none() | softwares,
        exceptions=tup(exceptions, 2),
        dispute_settlement=tup(disputes, 2),
        contingency=st.none() | contingencies,
        transitions=tup(transitions, 2),
        reservations=tup(reservations, 2),
        verification=levels,
        notes=tup(notes, 2),
    )


articles = st.builds(M.Article, article_numbers, st.none() | text, **_article_kwargs())
parts = st.sampled_from(sorted(V.PARTS))
chapters = st.builds(M.Chapter, numbers, st.none() | text, articles=tup(articles, 3), exceptions=tup(exceptions, 2),
                     dispute_settlement=tup(disputes, 2), scope=tup(scopes, 2), verification=levels,
                     part=st.none() | parts, notes=tup(notes, 1))
removals = st.builds(M.Removal, st.sampled_from(sorted(V.REMOVABLE)), st.none() | names)


@st.composite
def amendments(draw: st.DrawFn) -> M.Amendment:
    number = draw(article_numbers)
    title = draw(st.none() | text)
    changes = draw(st.builds(M.Article, st.just(number), st.just(title), **_article_kwargs()))
    return M.Amendment(number, title, changes, draw(tup(removals, 2)), chapter=draw(chapter_refs))


omissions = st.builds(M.Omission, article_numbers, st.none() | text, chapter=chapter_refs)
entries = st.builds(M.PartyEntry, st.none() | dates, tup(codes, 2))
coverages = tup(parts, 4) | st.just((V.COMPLETE,))

agreements = st.builds(
    M.Agreement, names, st.none() | text,
    kind=st.none() | st.sampled_from(sorted(V.AGREEMENT_KINDS)),
    status=st.none() | st.sampled_from(sorted(V.STATUSES)),
    parties=tup(codes, 5),
    signed=st.none() | dates,
    in_force=tup(entries, 2),
    source=st.none() | text,
    verification=levels,
    based_on=st.none() | names,
    coverage=coverages,
    exceptions=tup(exceptions, 2),
    dispute_settlement=tup(disputes, 2),
    chapters=tup(chapters, 2),
    articles=tup(articles, 2),
    amendments=tup(amendments(), 2),
    omissions=tup(omissions, 2),
    notes=tup(notes, 1),
    numbering=st.none() | st.sampled_from(sorted(V.NUMBERINGS)),
)

atoms = st.builds(M.Atom, st.sampled_from(sorted(PREDICATES)), tup(names, 2))
predicates = st.recursive(
    atoms,
    lambda inner: st.builds(M.Not, inner)
    | st.builds(M.All, tup(inner, 3, 2))
    | st.builds(M.Any_, tup(inner, 3, 2)),
    max_leaves=8,
)
requirements = st.builds(M.Requirement, predicates, text, st.booleans(), st.booleans(), weights)
norms = st.builds(M.Norm, names, st.none() | text, tup(st.sampled_from(sorted(V.TOPICS)), 2),
                  tup(requirements, 3), tup(notes, 1))
norm_sets = st.builds(M.NormSet, names, st.none() | text, st.none() | text, st.none() | text, tup(norms, 3),
                      tup(notes, 1), weights)


@st.composite
def score_ranges(draw: st.DrawFn) -> tuple[int | None, int | None]:
    """No score range, or ``score A..B`` with A <= B."""
    if draw(st.booleans()):
        return None, None
    low = draw(st.integers(0, 100))
    return low, draw(st.integers(low, 100))


@st.composite
def expectations(draw: st.DrawFn) -> M.Expectation:
    low, high = draw(score_ranges())
    return M.Expectation(draw(names), draw(names), draw(st.none() | names), draw(st.sampled_from(sorted(V.GRADES))),
                         draw(st.none() | dates), draw(st.none() | codes), low, high)


documents = st.builds(M.Document, st.just("gen.agr"),
                      tup(st.one_of(agreements, norm_sets, expectations()), 3))
