"""What an article means in its context, on a date, from a party's position.

An article inherits its chapter's and agreement's exceptions, scope and
dispute-settlement statements; a party is bound only once the agreement is
in force for it and no transition or reservation holds it back.  These
functions work that out, each answer with the statement that decided it
(:class:`Stated`), so traces and reports can cite the line and quote the words.

They also say what an encoding knows: whether the text binds anyone on the
date (:func:`force`) and which parts of the treaty it covers
(:func:`covered_parts`).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping, Optional, Union

from engine.language import model as M
from engine.language import vocab as V
from engine.language.citations import AGREEMENT_LEVEL, article_words, chapter_words
from engine.util.records import Record, field


def on_date(as_of: Optional[dt.date]) -> dt.date:
    """The date of an evaluation: ``as_of``, else today.

    Only the public entry points (``evaluate``, ``compare``, ``diff``, ``pair``, ``precedents``,
    ``suggest``) call this; every inner function takes its date as given, so the clock is read once.
    """
    return as_of if as_of is not None else dt.date.today()


class Context(Record):
    """The date and party perspective of an evaluation, and the topics of the norm being evaluated (what an
    article's commitment is read for: see :meth:`engine.language.model.Article.commitment_on`)."""

    as_of: dt.date
    party: Optional[str] = None
    topics: tuple[str, ...] = ()


class Placed(Record):
    """An article with the chapter and agreement it stands in."""

    agreement: M.Agreement
    chapter: Optional[M.Chapter]
    article: M.Article




# ---------------------------------------------------------------- statements


Statement = Union[M.Commitment, M.Scope, M.Software, M.Exception_, M.DisputeSettlement, M.Contingency,
                  M.Transition, M.Reservation]

# Where a statement stands (exceptions are listed with it, see :func:`exceptions`).
ARTICLE, CHAPTER, AGREEMENT = "article", "chapter", "agreement"
AGREEMENT_CITATION = AGREEMENT_LEVEL  # what a statement written at agreement level is cited as


class Stated(Record):
    """A statement that decided something, with where it stands: what a reason's evidence quotes.

    Attributes:
        quotes: its words (none: nothing can be quoted).
        verification: its level: its own, else that of the article, chapter or agreement it stands in.
        where: where it stands, as a citation: ``Art. 12.15``, ``Ch. 14, Art. 3``, ``Ch. 12``, ``Agreement``.
        article: the number of the article it stands in ("" at chapter or agreement level).
        title: that article's title.
        span: where it is written.
        chapter: in an agreement numbered per chapter, the chapter it stands in (what an article number
            it cites is read in); else None.
    """

    quotes: tuple[M.Quote, ...]
    verification: str
    where: str
    article: str = ""
    title: Optional[str] = None
    span: M.Span = M.NO_SPAN
    chapter: Optional[str] = None


def _first_level(*levels: Optional[str]) -> str:
    return next((x for x in levels if x), V.Verification.UNVERIFIED)


def stated(p: Placed, node: Statement, level: str = ARTICLE) -> Stated:
    """A statement of the placed article (``level`` article), of its chapter, or of its agreement."""
    a, ch, art = p.agreement, p.chapter, p.article
    chapter_level = ch.verification if ch is not None else None
    cited = a.cited_chapter(ch)
    if level == ARTICLE:
        return Stated(node.quotes, _first_level(node.verification, art.verification, chapter_level, a.verification),
                      article_words(art.number, cited), art.number, art.title, node.span, cited)
    if level == CHAPTER and ch is not None:
        return Stated(node.quotes, _first_level(node.verification, chapter_level, a.verification),
                      chapter_words(ch.number), span=node.span, chapter=cited)
    return Stated(node.quotes, _first_level(node.verification, a.verification), AGREEMENT_CITATION, span=node.span)


def article_stated(p: Placed) -> Stated:
    """The article itself as the place a statement was looked for (nothing to quote)."""
    a, ch, art = p.agreement, p.chapter, p.article
    level = _first_level(art.verification, ch.verification if ch is not None else None, a.verification)
    cited = a.cited_chapter(ch)
    return Stated((), level, article_words(art.number, cited), art.number, art.title, art.span, cited)


def standing(p: Placed, node: Statement) -> str:
    """Where a statement in reach of the article stands: :data:`ARTICLE`, :data:`CHAPTER` or :data:`AGREEMENT`."""
    art = p.article
    own = (art.commitment, *art.topic_commitments, art.software, art.contingency, *art.scope, *art.exceptions,
           *art.dispute_settlement, *art.transitions, *art.reservations)
    if any(x is node for x in own):
        return ARTICLE
    ch = p.chapter
    if ch is not None and any(x is node for x in (*ch.scope, *ch.exceptions, *ch.dispute_settlement)):
        return CHAPTER
    return AGREEMENT


def stated_in_reach(p: Placed, node: Statement) -> Stated:
    """A statement in reach of the article, cited where it stands."""
    return stated(p, node, standing(p, node))


def entry_stated(a: M.Agreement, party: Optional[str] = None) -> Stated:
    """The agreement's entry-into-force line that speaks for ``party`` (or the general one; it has no words
    to quote), else where its parties are written."""
    entry = next((e for e in a.in_force if party is not None and party in e.parties), None)
    entry = entry or next((e for e in a.in_force if not e.parties), None)
    span = entry.span.or_else(a.spans.parties) if entry is not None else a.spans.parties.or_else(a.span)
    return Stated((), _first_level(a.verification), AGREEMENT_CITATION, span=span)


# ---------------------------------------------------------------- held parties


class Held(Record):
    """A party not bound, or not able to use dispute settlement, on the date, and why."""

    party: str
    until: Optional[dt.date]  # None: indefinitely
    reason: V.HeldReason
    span: M.Span = field(default=M.NO_SPAN, eq=False)
    possibly_until: Optional[dt.date] = None  # an extendable period: possibly held until this date
    paragraph: Optional[str] = None  # held from this paragraph only
    event: Optional[str] = None  # held until this event (its date, once known, is ``until``)
    source: Optional[Stated] = field(default=None, eq=False, repr=False)  # the statement that holds it

    @property
    def why(self) -> str:
        """The reason in words: ``transition period``, ``shielded from dispute settlement`` ..."""
        return self.reason.meaning

    def extended(self, as_of: Optional[dt.date]) -> bool:
        """Whether, on ``as_of``, the party is held only if its period was extended."""
        return (self.possibly_until is not None and self.until is not None and as_of is not None
                and as_of >= self.until)

    def describe(self, as_of: Optional[dt.date] = None) -> str:
        """The hold in words, both ends of an extendable period named: ``transition period until 2027-01-01,
        possibly until 2030-01-01``; ``reservation until its data law is implemented``; ``... for para 1(a)``."""
        words = self.why
        if self.event is not None:
            words += f" until {self.event}" + (f" ({self.until.isoformat()})" if self.until else "")
        elif self.extended(as_of) and self.until is not None and self.possibly_until is not None:
            words += (f", possibly extended until {self.possibly_until.isoformat()}"
                      f" (first period ended {self.until.isoformat()})")
        elif self.until is not None:
            words += f" until {self.until.isoformat()}"
            words += f", possibly until {self.possibly_until.isoformat()}" if self.possibly_until else ""
        return words + (f" for para {self.paragraph}" if self.paragraph else "")


class Enforcement(Record):
    """Whether dispute settlement reaches an article on the date.

    Attributes:
        decided: the nearest ``applies``/``excluded`` statement (None: nothing is said, so it applies).
        shielded: the parties in view that a shield holds back on the date.
    """

    decided: Optional[M.DisputeSettlement]
    shielded: tuple[Held, ...] = ()

    @property
    def excluded_by(self) -> Optional[M.DisputeSettlement]:
        """The statement that excludes dispute settlement outright, if one does."""
        d = self.decided
        return d if d is not None and d.mode == V.DsMode.EXCLUDED else None


def placed_articles(agreement: M.Agreement) -> tuple[Placed, ...]:
    """Every article of the agreement with the chapter it stands in."""
    return tuple(Placed(agreement, ch, a) for ch, a in agreement.all_articles())


class TopicIndex(Record):
    """An agreement's placed articles, where each topic's articles are among them, and the parts of the
    treaty the encoding covers (:func:`covered_parts`).

    Built once per agreement, not once per norm: placing every article again for
    each of thirty norms was most of the cost of a report.
    """

    placed: tuple[Placed, ...]
    where: Mapping[str, tuple[int, ...]]
    covered: tuple[str, ...] = ()

    @classmethod
    def of(cls, agreement: M.Agreement) -> "TopicIndex":
        """The index of one agreement."""
        placed = placed_articles(agreement)
        where: dict[str, list[int]] = {}
        for i, p in enumerate(placed):
            for t in p.article.topics:
                positions = where.setdefault(t, [])
                if not positions or positions[-1] != i:
                    positions.append(i)
        return cls(placed, {t: tuple(ps) for t, ps in where.items()}, covered_parts(agreement))

    def on(self, topics: Iterable[str]) -> tuple[Placed, ...]:
        """The articles on any of ``topics``, in the agreement's order."""
        return tuple(self.placed[i] for i in sorted({i for t in topics for i in self.where.get(t, ())}))


# ---------------------------------------------------------------- periods


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by ``years`` (29 February becomes 28; past the calendar: the calendar's end)."""
    if not dt.MINYEAR <= day.year + years <= dt.MAXYEAR:  # a period past the calendar: it never ends
        return dt.date.max if years > 0 else dt.date.min
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def period_end(period: Optional[M.Period], start: Optional[dt.date]) -> Optional[dt.date]:
    """When a period ends: ``until`` its date (an event's, once known), or ``years`` after ``start``
    (None: never, an event whose date is not known, or an unknown start)."""
    if period is None:
        return None
    if period.until is not None:
        return period.until
    if period.years is not None and start is not None:
        return add_years(start, period.years)
    return None


def period_ends(period: Optional[M.Period],
                start: Optional[dt.date]) -> tuple[Optional[dt.date], Optional[dt.date]]:
    """When a period ends, and when it possibly ends if it is extended (None when it is not extendable)."""
    end = period_end(period, start)
    if end is None or period is None or not period.extension_years:
        return end, None
    return end, add_years(end, period.extension_years)


def _holding(until: Optional[dt.date], possibly: Optional[dt.date], as_of: dt.date) -> bool:
    return until is None or as_of < (possibly or until)


def holds(period: Optional[M.Period], start: Optional[dt.date], as_of: dt.date) -> bool:
    """Whether a period that started on ``start`` still holds a party back on the date (see :func:`hold`)."""
    return _holding(*period_ends(period, start), as_of)


def hold(p: Placed, party: str, node: Union[M.Transition, M.Reservation, M.DisputeSettlement],
         reason: V.HeldReason, start: Optional[dt.date], as_of: dt.date) -> Optional[Held]:
    """The hold a transition, reservation or shield puts on ``party`` on the date (None: it has ended).

    A party is held until the period's end, or until its possible end when the period is extendable;
    indefinitely when the period has no end that can be known.
    """
    period = node.period
    until, possibly = period_ends(period, start)
    if not _holding(until, possibly, as_of):
        return None
    paragraph = None if isinstance(node, M.DisputeSettlement) else node.paragraph
    return Held(party, until, reason, node.span, possibly, paragraph, period.event if period else None,
                stated_in_reach(p, node))


# ---------------------------------------------------------------- an article in context


def parties_in_view(p: Placed, ctx: Context) -> tuple[str, ...]:
    """The parties an evaluation speaks for: the perspective party, or all."""
    return parties_of(p.agreement, ctx)


def parties_of(agreement: M.Agreement, ctx: Context) -> tuple[str, ...]:
    """The parties of the agreement an evaluation speaks for: the perspective party, or all."""
    if ctx.party is not None:
        return (ctx.party,) if ctx.party in agreement.parties else ()
    return agreement.parties


def exceptions(p: Placed) -> tuple[tuple[M.Exception_, str], ...]:
    """Every exception that applies to the article, with where it is written (article/chapter/agreement)."""
    out = [(e, ARTICLE) for e in p.article.exceptions]
    if p.chapter is not None:
        out += [(e, CHAPTER) for e in p.chapter.exceptions]
    out += [(e, AGREEMENT) for e in p.agreement.exceptions]
    return tuple(out)


def scope(p: Placed) -> tuple[M.Scope, ...]:
    """The article's scope statements, chapter statements on other items included."""
    own = {s.item for s in p.article.scope}
    inherited = tuple(s for s in (p.chapter.scope if p.chapter else ()) if s.item not in own)
    return p.article.scope + inherited


def dispute_settlement(p: Placed) -> tuple[Optional[M.DisputeSettlement], tuple[M.DisputeSettlement, ...]]:
    """The nearest applies/excluded statement (None: nothing said) and every shield in reach."""
    levels = [p.article.dispute_settlement, p.chapter.dispute_settlement if p.chapter else (),
              p.agreement.dispute_settlement]
    mode = None
    for level in levels:
        found = [d for d in level if d.mode != V.DsMode.SHIELDED]
        if found:
            mode = found[-1]
            break
    shields = tuple(d for level in levels for d in level if d.mode == V.DsMode.SHIELDED)
    return mode, shields


def enforcement(p: Placed, ctx: Context) -> Enforcement:
    """Whether dispute settlement reaches the article on the date, and for which parties it does not."""
    mode, shields = dispute_settlement(p)
    if mode is not None and mode.mode == V.DsMode.EXCLUDED:
        return Enforcement(mode)
    held = []
    view = set(parties_in_view(p, ctx))
    for s in shields:
        for party in s.parties:
            if party in view:
                h = hold(p, party, s, V.HeldReason.SHIELDED, p.agreement.entry_into_force(party), ctx.as_of)
                held += [h] if h is not None else []
    return Enforcement(mode, tuple(held))


def _held_back(p: Placed, party: str, eif: Optional[dt.date], as_of: dt.date) -> list[Held]:
    """The transitions and reservations of the article that hold ``party`` back on the date."""
    held = [hold(p, party, t, V.HeldReason.TRANSITION, eif, as_of) for t in p.article.transitions
            if party in t.parties]
    held += [hold(p, party, r, V.HeldReason.RESERVATION, eif, as_of) for r in p.article.reservations
             if party in r.parties]
    return [h for h in held if h is not None]


def entry_hold(a: M.Agreement, party: str, as_of: dt.date) -> Optional[Held]:
    """The hold of a party for which the agreement is not yet in force, or whose entry into force is unknown."""
    eif = a.entry_into_force(party)
    if eif is None:
        source = entry_stated(a, party)
        return Held(party, None, V.HeldReason.ENTRY_UNKNOWN, source.span, source=source)
    if as_of < eif:
        source = entry_stated(a, party)
        return Held(party, eif, V.HeldReason.NOT_IN_FORCE, source.span, source=source)
    return None


def not_bound(p: Placed, ctx: Context) -> tuple[Held, ...]:
    """Parties in view that the article does not bind on the date, and why.

    A text that is not in force on the date (see :func:`force`) is read as written: only its transitions
    and reservations hold parties back (their periods have no known start, so they have no known end).
    """
    a = p.agreement
    in_force_now = force(a, ctx.as_of) is V.Force.IN_FORCE
    held: list[Held] = []
    for party in parties_in_view(p, ctx):
        entry = entry_hold(a, party, ctx.as_of) if in_force_now else None
        if entry is not None:
            held.append(entry)
        else:
            held += _held_back(p, party, a.entry_into_force(party) if in_force_now else None, ctx.as_of)
    return tuple(held)


# ---------------------------------------------------------------- force


def in_force_status(agreement: M.Agreement) -> bool:
    """Whether the agreement's status allows it to be in force (``in-force``, or none given)."""
    return agreement.status is None or agreement.status == V.Status.IN_FORCE


def in_force(agreement: M.Agreement, ctx: Context) -> bool:
    """Whether the agreement is in force on the date (for the perspective party, if there is one)."""
    eif = agreement.entry_into_force(ctx.party)
    return in_force_status(agreement) and eif is not None and eif <= ctx.as_of


_STATUS_FORCE: Mapping[str, V.Force] = {
    V.Status.DRAFT: V.Force.HYPOTHETICAL,
    V.Status.PROPOSED: V.Force.HYPOTHETICAL,
    V.Status.CONCLUDED: V.Force.NOT_IN_FORCE,
    V.Status.SIGNED: V.Force.NOT_IN_FORCE,
    V.Status.TERMINATED: V.Force.TERMINATED,
}


def force(agreement: M.Agreement, as_of: dt.date) -> V.Force:
    """Whether the text binds anyone on the date.

    A draft or proposal is hypothetical; a concluded or signed text is not in force; a terminated one is
    terminated.  Otherwise (status ``in-force`` or none) it is in force once its earliest known entry into
    force has come; before that it is not in force; with no date and no status, unknown (with status
    ``in-force`` and no date, in force: the status says so).
    """
    by_status = _STATUS_FORCE.get(agreement.status or "")
    if by_status is not None:
        return by_status
    known = [e.date for e in agreement.in_force if e.date is not None]
    if not known:
        return V.Force.IN_FORCE if agreement.status == V.Status.IN_FORCE else V.Force.UNKNOWN
    return V.Force.IN_FORCE if min(known) <= as_of else V.Force.NOT_IN_FORCE


# ---------------------------------------------------------------- coverage


_PARTS = tuple(V.Part)  # in vocabulary order


def topic_parts(topics: Iterable[str]) -> tuple[V.Part, ...]:
    """The parts of a treaty where rules on these topics stand, each once, in vocabulary order."""
    table = V.TOPIC_PART
    found = {table[t] for t in topics if t in table}
    return tuple(p for p in _PARTS if p in found)


def chapter_parts(chapter: M.Chapter) -> tuple[str, ...]:
    """The parts a chapter covers: its ``part`` if written, else the parts of its articles' topics."""
    if chapter.part:
        return (chapter.part,)
    return topic_parts([t for a in chapter.articles for t in a.topics])


def covered_parts(agreement: M.Agreement) -> tuple[str, ...]:
    """The parts of the treaty the encoding covers: ``coverage`` as written (``("complete",)`` for a complete
    encoding); else the parts of the chapters it holds, of its articles outside chapters and of its
    agreement-level statements (exceptions, dispute settlement).  In vocabulary order."""
    if agreement.coverage:
        if V.COMPLETE in agreement.coverage:
            return (V.COMPLETE,)
        return tuple(p for p in _PARTS if p in agreement.coverage)
    found: set[str] = set(topic_parts([t for a in agreement.articles for t in a.topics]))
    for ch in agreement.chapters:
        found.update(chapter_parts(ch))
    if agreement.exceptions:
        found.add(V.Part.EXCEPTIONS)
    if agreement.dispute_settlement:
        found.add(V.Part.DISPUTE_SETTLEMENT)
    return tuple(p for p in _PARTS if p in found)


def is_covered(covered: Iterable[str], part: str) -> bool:
    """Whether an encoding that covers ``covered`` covers ``part``."""
    covered = tuple(covered)
    return V.COMPLETE in covered or part in covered


def not_encoded(parts: Iterable[str], covered: tuple[str, ...]) -> bool:
    """Whether rules in ``parts`` (a norm's, see :func:`topic_parts`) stand outside an encoding that covers
    ``covered`` (no part at all: they do not)."""
    parts = tuple(parts)
    return bool(parts) and not any(is_covered(covered, part) for part in parts)


def _outside_label(articles: tuple[M.Article, ...]) -> str:
    numbers = sorted((a.number for a in articles), key=M.number_key)
    if len(numbers) == 1:
        return article_words(numbers[0])
    if M.unnumbered_ordinal(numbers[-1]) is not None:  # `Arts. 1-unnumbered 2` would read as a range of numbers
        return f"{article_words(numbers[0])} to {article_words(numbers[-1])}"
    return f"Arts. {numbers[0]}-{numbers[-1]}"


def searched(agreement: M.Agreement, parts: Iterable[str]) -> tuple[str, ...]:
    """Where the engine looked for a rule in ``parts``: the chapters in those parts (every chapter when none
    is), in number order, as ``Ch. 12 Electronic Commerce``; articles outside chapters as ``Arts. 1-22``."""
    wanted = set(parts)
    chapters = [ch for ch in agreement.chapters if wanted & set(chapter_parts(ch))] or list(agreement.chapters)
    out = [chapter_words(ch.number) + (f" {ch.title}" if ch.title else "")
           for ch in sorted(chapters, key=lambda c: M.number_key(c.number))]
    if agreement.articles:
        out.append(_outside_label(agreement.articles))
    return tuple(out)

