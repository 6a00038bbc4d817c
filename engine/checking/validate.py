"""Checks on one document: vocabulary, duplicates, dates, parties, predicates, coverage, weights, scores.

Every problem is collected; nothing stops at the first.  Checks that need
more than one document (``based-on``, ids across files, expectations) live
in :mod:`engine.checking.resolve` and :mod:`engine.checking.corpus`.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping, Optional

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.citations import article_words
from engine.language.predicates import PREDICATES
from engine.syntax.limits import MAX_PREDICATE_DEPTH, MAX_WEIGHT


def validate(doc: M.Document) -> tuple[D.Diagnostic, ...]:
    """All diagnostics for one parsed document (an empty one, or one of comments only, defines nothing: E0312)."""
    if not doc.items:
        return (C.NOTHING_DEFINED.at(M.Span(doc.path, 1, 1, 1, 2)),)
    out: list[D.Diagnostic] = []
    for item in doc.items:
        if isinstance(item, M.Agreement):
            out.extend(_agreement(item))
        elif isinstance(item, M.NormSet):
            out.extend(_normset(item))
        elif isinstance(item, M.Expectation):
            out.extend(_expectation(item))
    return tuple(out)


def _vocab(message: C.Message, what: str, word: Optional[str], table: Iterable[str],
           span: M.Span) -> Iterator[D.Diagnostic]:
    if word is not None and word not in table:
        yield message.unknown(span, what, word, table)


def _party_codes(codes: Iterable[str], span: M.Span) -> Iterator[D.Diagnostic]:
    for code in codes:
        if P.canonical(code) is None:
            yield C.UNKNOWN_PARTY_CODE.at(span, hint=D.did_you_mean(code, P.known_codes()), focus=code, code=code)


def _not_parties(codes: Iterable[str], members: set[str], agreement: M.Agreement, span: M.Span,
                 what: str) -> Iterator[D.Diagnostic]:
    if not members:
        return
    for code in codes:
        c = P.canonical(code)
        if c is not None and c not in members:
            yield C.PARTY_NOT_A_MEMBER.at(
                span, secondary=((agreement.spans.parties.or_else(agreement.span), "parties listed here"),),
                focus=code, what=what, code=code, name=P.name(code), agreement=agreement.id)


# ---------------------------------------------------------------- agreements


def plain_file_name(name: str) -> bool:
    """Whether ``name`` is a plain file name (what `source` may hold): no folder, `..` or drive."""
    return 0 < len(name) <= 128 and name[0].isascii() and name[0].isalnum() and ".." not in name \
        and all(ch.isascii() and (ch.isalnum() or ch in "._-") for ch in name)


def _agreement(a: M.Agreement) -> Iterator[D.Diagnostic]:
    members = _members(a)
    yield from _metadata(a)
    yield from _coverage(a)
    yield from _parties_and_entry_into_force(a, members)
    yield from _needs_a_base(a)
    yield from _exceptions(a.exceptions)
    yield from _dispute(a.dispute_settlement, members, a)
    yield from _articles(a, members)
    yield from _chapters(a, members)
    yield from _amendments(a, members)
    yield from _citations(a)


def _members(a: M.Agreement) -> set[str]:
    """The agreement's parties as canonical codes (unknown codes left out: they are reported once)."""
    return {c for c in map(P.canonical, a.parties) if c is not None}


def _metadata(a: M.Agreement) -> Iterator[D.Diagnostic]:
    sp = a.spans
    if a.source is not None and not plain_file_name(a.source):
        yield C.SOURCE_IS_A_PATH.at(sp.source.or_else(a.span))
    yield from _vocab(C.NO_SUCH_SETTING_WORD, "agreement kind", a.kind, V.AGREEMENT_KINDS, sp.kind.or_else(a.span))
    yield from _vocab(C.NO_SUCH_SETTING_WORD, "status", a.status, V.STATUSES, sp.status.or_else(a.span))
    yield from _vocab(C.NO_SUCH_SETTING_WORD, "verification level", a.verification, V.VERIFICATION_LEVELS,
                      sp.verification.or_else(a.span))
    yield from _vocab(C.NO_SUCH_SETTING_WORD, "numbering", a.numbering, V.NUMBERINGS, sp.numbering.or_else(a.span))


_COVERAGE_WORDS: tuple[str, ...] = (*V.PARTS, V.COMPLETE)


def _coverage(a: M.Agreement) -> Iterator[D.Diagnostic]:
    """``coverage``: parts of a treaty, each once, or ``complete`` alone."""
    span = a.spans.coverage.or_else(a.span)
    seen: set[str] = set()
    for word in a.coverage:
        yield from _vocab(C.NO_SUCH_PART, "coverage word", word, _COVERAGE_WORDS, span)
        if word in seen:
            yield C.PART_LISTED_TWICE.at(span, focus=word, part=word)
        seen.add(word)
    if V.COMPLETE in seen and len(seen) > 1:
        yield C.COMPLETE_NOT_ALONE.at(span, focus=V.COMPLETE)


def _parties_and_entry_into_force(a: M.Agreement, members: set[str]) -> Iterator[D.Diagnostic]:
    sp = a.spans
    yield from _party_codes(a.parties, sp.parties.or_else(a.span))
    seen: dict[str, str] = {}
    for code in a.parties:
        c = P.canonical(code)
        if not c:
            continue
        if c in seen:
            yield C.PARTY_LISTED_TWICE.at(sp.parties.or_else(a.span), code=code, first=seen[c])
        else:
            seen[c] = code
    for entry in a.in_force:
        yield from _party_codes(entry.parties, entry.span)
        yield from _not_parties(entry.parties, members, a, entry.span, "`in-force`")
        if a.signed and entry.date and entry.date < a.signed:
            yield C.IN_FORCE_BEFORE_SIGNED.at(entry.span, secondary=((sp.signed.or_else(a.span), "signed here"),),
                                              in_force=entry.date, signed=a.signed)
    general = [e for e in a.in_force if not e.parties]
    for extra in general[1:]:
        yield C.GENERAL_IN_FORCE_TWICE.at(extra.span, secondary=((general[0].span, "first given"),))


def _needs_a_base(a: M.Agreement) -> Iterator[D.Diagnostic]:
    """``amend article``, ``omit article``, ``omit chapter`` and a bare ``chapter N`` without ``based-on``."""
    if a.based_on:
        return
    written: tuple[tuple[tuple[M.Amendment | M.Omission, ...], C.Message], ...] = (
        (a.amendments, C.AMEND_WITHOUT_BASE), (a.omissions, C.OMIT_WITHOUT_BASE),
        (a.chapter_omissions, C.OMIT_CHAPTER_WITHOUT_BASE))
    for items, message in written:
        for item in items:
            yield message.at(item.span)
    for chapter in a.base_chapters:
        yield C.BASE_CHAPTER_WITHOUT_BASE.at(chapter.span, number=chapter.number)


def _articles(a: M.Agreement, members: set[str]) -> Iterator[D.Diagnostic]:
    """Every article checked; a number written twice where it must be unique (the agreement, or with
    ``numbering per-chapter`` its chapter) is reported."""
    numbers: dict[tuple[Optional[str], str], tuple[Optional[M.Chapter], M.Article]] = {}
    for chapter, article in a.all_articles():
        key = (a.cited_chapter(chapter), article.number)
        if key in numbers:
            yield _twice(a, numbers[key], (chapter, article))
        else:
            numbers[key] = (chapter, article)
        level = article.verification or (chapter.verification if chapter else None) or a.verification
        yield from _article(article, members, a, auto=level == V.Verification.AUTO)
        yield from _placeholder(article.number, article.span)


def _twice(a: M.Agreement, first: tuple[Optional[M.Chapter], M.Article],
           again: tuple[Optional[M.Chapter], M.Article]) -> D.Diagnostic:
    """An article number written a second time where it must be unique."""
    (ch1, art1), (ch2, art2) = first, again
    secondary = ((art1.span, "first written here"),)
    if a.per_chapter:
        where = f"chapter {ch2.number}" if ch2 is not None else "the articles outside chapters"
        return C.ARTICLE_TWICE_IN_CHAPTER.at(art2.span, secondary=secondary, number=art2.number, where=where,
                                             agreement=a.id)
    if ch1 is not None and ch2 is not None and ch1.number != ch2.number:
        return C.ARTICLE_TWICE_ACROSS_CHAPTERS.at(art2.span, secondary=secondary, number=art2.number,
                                                  agreement=a.id, first=ch1.number, second=ch2.number)
    return C.ARTICLE_WRITTEN_TWICE.at(art2.span, secondary=secondary, number=art2.number, agreement=a.id)


def _placeholder(number: str, span: M.Span) -> Iterator[D.Diagnostic]:
    """``unnumbered 0``: placeholders are counted from 1."""
    if M.unnumbered_ordinal(number) == 0:
        yield C.COUNTED_FROM_ONE.at(span, focus=number, what="unnumbered article", value=0)


# ---------------------------------------------------------------- citations


def _statements(items: Iterable[object]) -> Iterator[M.Quote]:
    for x in items:
        yield from getattr(x, "quotes", ())


def _article_quotes(art: M.Article) -> Iterator[M.Quote]:
    yield from _statements((art.commitment, *art.topic_commitments, *art.scope, art.software, *art.exceptions,
                            *art.dispute_settlement, art.contingency, *art.transitions, *art.reservations))


def _every_quote(a: M.Agreement) -> Iterator[M.Quote]:
    yield from _statements((*a.exceptions, *a.dispute_settlement))
    for ch in a.chapters:
        yield from _statements((*ch.exceptions, *ch.dispute_settlement, *ch.scope))
    for _, art in a.all_articles():
        yield from _article_quotes(art)
    for am in a.amendments:
        yield from _article_quotes(am.changes)


def _citations(a: M.Agreement) -> Iterator[D.Diagnostic]:
    """Pages, lines and placeholders counted from 1; in an agreement numbered per chapter, a citation at
    agreement level names its chapter (unless an article outside chapters has its number)."""
    for q in _every_quote(a):
        c = q.citation
        if c is None:
            continue
        for what, value in (("page", c.page), ("line", c.line)):
            if value is not None and value < 1:
                yield C.COUNTED_FROM_ONE.at(q.span, focus=f"{what} {value}", what=what, value=value)
        yield from _placeholder(c.article, q.span)
    if a.per_chapter and not a.based_on:  # a draft's: checked once laid over its base (resolve)
        yield from citations_need_chapters(a)


def citations_need_chapters(a: M.Agreement) -> Iterator[D.Diagnostic]:
    """In an agreement numbered per chapter, each citation whose article is not where it is read (E0313). An
    article number is read in the chapter ``ch N`` names, else in the chapter its statement stands in, else
    (agreement level, an article outside chapters) outside chapters. Outside chapters it must name an article
    there; in a chapter, an article the encoding does not hold there is reported when the encoding holds that
    number elsewhere (the citation would name the wrong one); one it holds nowhere, or in a chapter it does
    not encode, is the source's word."""
    loose = {art.number for art in a.articles}
    numbers = {ch.number: {art.number for art in ch.articles} for ch in a.chapters}
    for where, q in _placed_quotes(a):
        c = q.citation
        if c is None:
            continue
        chapter = c.chapter or where
        if chapter is None and c.article not in loose:
            yield _needs_chapter(a, q, c.article)
        elif chapter in numbers and c.article not in numbers[chapter] and (
                c.article in loose or any(c.article in n for n in numbers.values())):
            yield _not_in_chapter(a, q, c.article, chapter, implicit=c.chapter is None)


def _placed_quotes(a: M.Agreement) -> Iterator[tuple[Optional[str], M.Quote]]:
    """Every quote with the chapter its citation's article number is read in (None: outside chapters)."""
    for q in _statements((*a.exceptions, *a.dispute_settlement)):
        yield None, q
    for ch in a.chapters:
        for q in _statements((*ch.exceptions, *ch.dispute_settlement, *ch.scope)):
            yield ch.number, q
    for chapter, art in a.all_articles():
        for q in _article_quotes(art):
            yield (chapter.number if chapter is not None else None), q


def _standing(a: M.Agreement, number: str) -> list[str]:
    return [ch.number for ch in a.chapters if any(art.number == number for art in ch.articles)]


def _needs_chapter(a: M.Agreement, q: M.Quote, number: str) -> D.Diagnostic:
    chapters = _standing(a, number)
    where = f" (article {number} stands in chapter{'s' if len(chapters) > 1 else ''} {', '.join(chapters)})" \
        if chapters else ""
    return C.CITATION_NEEDS_CHAPTER.at(q.span, focus=f"art {number}", number=number, agreement=a.id, where=where)


def _not_in_chapter(a: M.Agreement, q: M.Quote, number: str, chapter: str, implicit: bool) -> D.Diagnostic:
    chapters = [c for c in _standing(a, number) if c != chapter]
    if chapters:
        where = f" (article {number} stands in chapter{'s' if len(chapters) > 1 else ''} {', '.join(chapters)})"
    else:
        where = f" (article {number} stands outside chapters, where a chapter's statement cannot cite it)"
    read = f" in chapter {chapter}" if implicit else ""
    focus = f"art {number}" if implicit else f"ch {chapter}"
    return C.CITATION_NOT_IN_CHAPTER.at(q.span, focus=focus, number=number, chapter=chapter, read=read,
                                        cited=article_words(number, chapter), agreement=a.id, where=where)


def _chapters(a: M.Agreement, members: set[str]) -> Iterator[D.Diagnostic]:
    first: dict[str, M.Chapter] = {}
    for chapter in a.chapters:
        if chapter.number in first:
            yield C.CHAPTER_WRITTEN_TWICE.at(chapter.span, secondary=((first[chapter.number].span,
                                                                        "first written here"),),
                                             number=chapter.number, agreement=a.id)
        first.setdefault(chapter.number, chapter)
        yield from _vocab(C.NO_SUCH_SETTING_WORD, "verification level", chapter.verification, V.VERIFICATION_LEVELS,
                          chapter.span)
        yield from _vocab(C.NO_SUCH_PART, "part", chapter.part, V.PARTS, chapter.span)
        yield from _exceptions(chapter.exceptions)
        yield from _dispute(chapter.dispute_settlement, members, a)
        for scope in chapter.scope:
            yield from _vocab(C.NO_SUCH_SCOPE_WORD, "scope item", scope.item, V.SCOPE_ITEMS, scope.span)


def _amendments(a: M.Agreement, members: set[str]) -> Iterator[D.Diagnostic]:
    for amendment in a.amendments:
        yield from _article(amendment.changes, members, a, amendment=True)
        for removal in amendment.removals:
            yield from _removal(removal)


def _article(art: M.Article, members: set[str], a: M.Agreement, amendment: bool = False,
             auto: bool = False) -> Iterator[D.Diagnostic]:
    """Checks on one article (``auto``: written by the importer, where no topic is normal)."""
    for topic in art.topics:
        yield from _vocab(C.NO_SUCH_TOPIC, "topic", topic, V.TOPICS, art.topic_span.or_else(art.span))
    if not art.topics and not amendment and not auto:
        yield C.ARTICLE_WITHOUT_TOPIC.at(art.span, number=art.number)
    if art.commitment is not None:
        yield from _vocab(C.NO_SUCH_SETTING_WORD, "form", art.commitment.form, V.FORMS, art.commitment.span)
        if not art.commitment.quotes and not amendment:
            yield C.COMMITMENT_WITHOUT_QUOTE.at(art.commitment.span, strength=art.commitment.strength,
                                                number=art.number)
    yield from topic_commitments(art, check_topics=not amendment or bool(art.topics))
    yield from _vocab(C.NO_SUCH_SETTING_WORD, "verification level", art.verification, V.VERIFICATION_LEVELS, art.span)
    for scope in art.scope:
        yield from _vocab(C.NO_SUCH_SCOPE_WORD, "scope item", scope.item, V.SCOPE_ITEMS, scope.span)
    if art.software is not None:
        yield from _vocab(C.NO_SUCH_SCOPE_WORD, "software coverage", art.software.coverage, V.SOFTWARE_COVERAGE,
                          art.software.span)
    yield from _exceptions(art.exceptions)
    yield from _dispute(art.dispute_settlement, members, a)
    for t in art.transitions:
        yield from _party_codes(t.parties, t.span)
        yield from _not_parties(t.parties, members, a, t.span, "the transition")
    for r in art.reservations:
        yield from _party_codes(r.parties, r.span)
        yield from _not_parties(r.parties, members, a, r.span, "the reservation")


def topic_commitments(art: M.Article, check_topics: bool = True) -> Iterator[D.Diagnostic]:
    """``binding for TOPIC...``: known words, one commitment per topic, and (``check_topics``: the article's
    topics are known, which an amendment that writes none leaves to its base) only topics of the article."""
    seen: dict[str, M.Commitment] = {}
    for c in art.topic_commitments:
        yield from _vocab(C.NO_SUCH_SETTING_WORD, "form", c.form, V.FORMS, c.span)
        if not c.quotes:
            yield C.TOPIC_COMMITMENT_WITHOUT_QUOTE.at(c.span, strength=c.strength, number=art.number,
                                                      topics=", ".join(c.topics))
        for topic in c.topics:
            if topic not in V.TOPICS:
                yield C.NO_SUCH_TOPIC.unknown(c.span, "topic", topic, V.TOPICS)
            elif check_topics and topic not in art.topics:
                yield C.COMMITMENT_FOR_OTHER_TOPIC.at(c.span, focus=topic, number=art.number, topic=topic,
                                                      topics=", ".join(art.topics) or "none")
            if topic in seen:
                yield C.TOPIC_COMMITTED_TWICE.at(c.span, secondary=((seen[topic].span, "first given"),), focus=topic,
                                                 number=art.number, topic=topic)
            seen.setdefault(topic, c)


def _exceptions(exceptions: Iterable[M.Exception_]) -> Iterator[D.Diagnostic]:
    for e in exceptions:
        yield from _vocab(C.NO_SUCH_EXCEPTION_WORD, "exception kind", e.kind, V.EXCEPTION_KINDS, e.span)
        for q in e.qualifiers:
            yield from _vocab(C.NO_SUCH_EXCEPTION_WORD, "exception qualifier", q, V.EXCEPTION_QUALIFIERS, e.span)


def _dispute(items: Iterable[M.DisputeSettlement], members: set[str], a: M.Agreement) -> Iterator[D.Diagnostic]:
    for ds in items:
        yield from _vocab(C.NO_SUCH_SETTING_WORD, "dispute-settlement mode", ds.mode, V.DISPUTE_SETTLEMENT_MODES,
                          ds.span)
        if ds.mode == V.DsMode.SHIELDED:
            if not ds.parties or ds.period is None:
                yield C.SHIELD_INCOMPLETE.at(ds.span)
            yield from _party_codes(ds.parties, ds.span)
            yield from _not_parties(ds.parties, members, a, ds.span, "the shield")
        elif ds.parties or ds.period is not None:
            yield C.MODE_TAKES_NO_PARTIES.at(ds.span, mode=ds.mode)


def _removal(r: M.Removal) -> Iterator[D.Diagnostic]:
    yield from _vocab(C.NO_SUCH_SETTING_WORD, "thing to remove", r.what, V.REMOVABLE, r.span)
    table = _REMOVE_WHICH.get(r.what)
    if r.what == V.Removable.COMMITMENT:  # `remove commitment [TOPIC]`: the general one, or one topic's
        yield from _vocab(C.NO_SUCH_TOPIC, "topic", r.which, V.TOPICS, r.span)
    if table is None:
        return
    if r.which is None:
        yield C.REMOVE_WHICH.at(r.span, what=r.what)
    else:
        yield from _vocab(C.NO_SUCH_SETTING_WORD, r.what, r.which, table, r.span)


_REMOVE_WHICH: Mapping[str, Iterable[str]] = {
    V.Removable.EXCEPTION: V.EXCEPTION_KINDS, V.Removable.SCOPE: V.SCOPE_ITEMS, V.Removable.TOPIC: V.TOPICS}
"""The removals that name which one (``remove exception public-policy``), with the words they take."""


# ---------------------------------------------------------------- norm sets


def _weight(weight: Optional[int], span: M.Span) -> Iterator[D.Diagnostic]:
    """A weight is at least 1 (the parser reports one above ``MAX_WEIGHT``)."""
    if weight is not None and weight < 1:
        yield C.WEIGHT_BELOW_ONE.at(span, focus="weight", weight=weight, limit=MAX_WEIGHT)


def _normset(ns: M.NormSet) -> Iterator[D.Diagnostic]:
    yield from _weight(ns.weight, ns.span)
    seen: dict[str, M.Norm] = {}
    for norm in ns.norms:
        if norm.id in seen:
            yield C.NORM_DEFINED_TWICE.at(norm.span, secondary=((seen[norm.id].span, "first defined"),),
                                          norm_set=ns.id, norm=norm.id)
        seen.setdefault(norm.id, norm)
        if not norm.topics:
            yield C.NORM_WITHOUT_TOPIC.at(norm.span, norm_set=ns.id, norm=norm.id)
        for topic in norm.topics:
            yield from _vocab(C.NO_SUCH_TOPIC, "topic", topic, V.TOPICS, norm.span)
        for req in norm.requirements:
            yield from _predicate(req.predicate, 0)
            yield from _weight(req.weight, req.span)


def _predicate(p: M.Predicate, depth: int) -> Iterator[D.Diagnostic]:
    if depth > MAX_PREDICATE_DEPTH:
        yield C.CONDITIONS_TOO_DEEP.at(p.span, limit=MAX_PREDICATE_DEPTH)
        return
    if isinstance(p, M.Not):
        yield from _predicate(p.operand, depth + 1)
    elif isinstance(p, (M.All, M.Any_)):
        for o in p.operands:
            yield from _predicate(o, depth + 1)
    else:
        yield from _atom(p)


def _atom(a: M.Atom) -> Iterator[D.Diagnostic]:
    spec = PREDICATES.get(a.name)
    if spec is None:
        yield C.NO_SUCH_PREDICATE_WORD.unknown(a.span, "predicate", a.name, PREDICATES)
        return
    problem = spec.problems(a.args)
    if problem is None:
        return
    if problem.word is None:
        yield C.WRONG_ARGUMENTS.at(a.span, name=a.name, args=" ".join(a.args), usage=spec.usage)
    else:
        yield from _vocab(C.NO_SUCH_PREDICATE_WORD, problem.what, problem.word, problem.table, a.span)


def _expectation(e: M.Expectation) -> Iterator[D.Diagnostic]:
    yield from _vocab(C.NO_SUCH_SETTING_WORD, "grade", e.grade, V.GRADES, e.span)
    if e.party is not None:
        yield from _party_codes((e.party,), e.span)
    yield from _score(e)


_FIXED_SCORES: Mapping[str, int] = {V.Grade.MET: 100, V.Grade.UNMET: 0}
"""The grades whose findings always have the same score."""
_NO_SCORE = frozenset({V.Grade.NOT_ENCODED, V.Grade.NOT_APPLICABLE})
"""The grades whose findings have no score."""


def _score(e: M.Expectation) -> Iterator[D.Diagnostic]:
    """``score A..B``: A at most B, and a range the expected grade can meet."""
    low, high = e.score_min, e.score_max
    if low is None or high is None:
        return
    shown = f"{low}..{high}"
    fixed = _FIXED_SCORES.get(e.grade)
    if low > high:
        yield C.SCORE_RANGE_REVERSED.at(e.span, focus=shown, low=low, high=high)
    elif e.grade in _NO_SCORE:
        yield C.SCORE_WITHOUT_A_SCORE.at(e.span, focus="score", grade=e.grade)
    elif fixed is not None and not low <= fixed <= high:
        yield C.SCORE_OUTSIDE_GRADE.at(e.span, focus=shown, grade=e.grade, score=fixed, low=low, high=high)
