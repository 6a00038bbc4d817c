"""What an article means in its context, on a date, from a party's position.

An article inherits its chapter's and agreement's exceptions, scope and
dispute-settlement statements; a party is bound only once the agreement is
in force for it and no transition or reservation holds it back.  These
functions work that out, each answer with the source node that decided it,
so traces and reports can cite the line.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping, Optional

import attrs

from engine.language import model as M
from engine.language import vocab as V


def on_date(as_of: Optional[dt.date]) -> dt.date:
    """The date of an evaluation: ``as_of``, else today.

    Only the public entry points (``evaluate``, ``compare``, ``diff``, ``pair``, ``precedents``,
    ``suggest``) call this; every inner function takes its date as given, so the clock is read once.
    """
    return as_of if as_of is not None else dt.date.today()


@attrs.frozen
class Context:
    """The date and party perspective of an evaluation."""

    as_of: dt.date
    party: Optional[str] = None


@attrs.frozen
class Placed:
    """An article with the chapter and agreement it stands in."""

    agreement: M.Agreement
    chapter: Optional[M.Chapter]
    article: M.Article


@attrs.frozen
class Held:
    """A party not bound, or not able to use dispute settlement, on the date, and why."""

    party: str
    until: Optional[dt.date]  # None: indefinitely
    reason: V.HeldReason
    span: M.Span = attrs.field(default=M.NO_SPAN, eq=False)
    possibly_until: Optional[dt.date] = None  # an extendable period: possibly held until this date
    paragraph: Optional[str] = None  # held from this paragraph only
    event: Optional[str] = None  # held until this event (its date, once known, is ``until``)

    @property
    def why(self) -> str:
        """The reason in words: ``transition period``, ``shielded from dispute settlement`` ..."""
        return self.reason.meaning


@attrs.frozen
class Enforcement:
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


@attrs.frozen
class TopicIndex:
    """An agreement's placed articles, and where each topic's articles are among them.

    Built once per agreement, not once per norm: placing every article again for
    each of thirty norms was most of the cost of a report.
    """

    placed: tuple[Placed, ...]
    where: Mapping[str, tuple[int, ...]]

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
        return cls(placed, {t: tuple(ps) for t, ps in where.items()})

    def on(self, topics: Iterable[str]) -> tuple[Placed, ...]:
        """The articles on any of ``topics``, in the agreement's order."""
        return tuple(self.placed[i] for i in sorted({i for t in topics for i in self.where.get(t, ())}))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by ``years`` (29 February becomes 28; past the calendar: the calendar's end)."""
    if not dt.MINYEAR <= day.year + years <= dt.MAXYEAR:  # a period past the calendar: it never ends
        return dt.date.max if years > 0 else dt.date.min
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def period_end(period: Optional[M.Period], start: Optional[dt.date]) -> Optional[dt.date]:
    """When a period ends: ``until`` its date, or ``years`` after ``start`` (None: never/unknown start)."""
    if period is None:
        return None
    if period.until is not None:
        return period.until
    if period.years is not None and start is not None:
        return add_years(start, period.years)
    return None


def parties_in_view(p: Placed, ctx: Context) -> tuple[str, ...]:
    """The parties an evaluation speaks for: the perspective party, or all."""
    if ctx.party is not None:
        return (ctx.party,) if ctx.party in p.agreement.parties else ()
    return p.agreement.parties


def exceptions(p: Placed) -> tuple[tuple[M.Exception_, str], ...]:
    """Every exception that applies to the article, with where it is written (article/chapter/agreement)."""
    out = [(e, "article") for e in p.article.exceptions]
    if p.chapter is not None:
        out += [(e, "chapter") for e in p.chapter.exceptions]
    out += [(e, "agreement") for e in p.agreement.exceptions]
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
            if party not in view:
                continue
            end = period_end(s.period, p.agreement.entry_into_force(party))
            if end is None or ctx.as_of < end:
                held.append(Held(party, end, V.HeldReason.SHIELDED, s.span))
    return Enforcement(mode, tuple(held))


def _held_back(p: Placed, party: str, eif: Optional[dt.date], as_of: dt.date) -> list[Held]:
    """The transitions and reservations of the article that hold ``party`` back on the date."""
    held = []
    for t in p.article.transitions:
        if party in t.parties:
            end = period_end(t.period, eif)
            if end is None or as_of < end:
                held.append(Held(party, end, V.HeldReason.TRANSITION, t.span))
    for r in p.article.reservations:
        if party in r.parties:
            end = period_end(r.period, eif)
            if r.period is None or end is None or as_of < end:
                held.append(Held(party, end if r.period else None, V.HeldReason.RESERVATION, r.span))
    return held


def not_bound(p: Placed, ctx: Context) -> tuple[Held, ...]:
    """Parties in view that the article does not bind on the date, and why."""
    a = p.agreement
    held: list[Held] = []
    for party in parties_in_view(p, ctx):
        eif = a.entry_into_force(party)
        if eif is not None and ctx.as_of < eif:
            held.append(Held(party, eif, V.HeldReason.NOT_IN_FORCE, a.span))
        else:
            held += _held_back(p, party, eif, ctx.as_of)
    return tuple(held)


def in_force_status(agreement: M.Agreement) -> bool:
    """Whether the agreement's status allows it to be in force (``in-force``, or none given)."""
    return agreement.status is None or agreement.status == V.Status.IN_FORCE


def in_force(agreement: M.Agreement, ctx: Context) -> bool:
    """Whether the agreement is in force on the date (for the perspective party, if there is one)."""
    eif = agreement.entry_into_force(ctx.party)
    return in_force_status(agreement) and eif is not None and eif <= ctx.as_of
