"""What an article means in its context, on a date, from a party's position.

An article inherits its chapter's and agreement's exceptions, scope and
dispute-settlement statements; a party is bound only once the agreement is
in force for it and no transition or reservation holds it back.  These
functions work that out, each answer with the source node that decided it,
so traces and reports can cite the line.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

import attrs

from engine.language import model as M


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
    why: str
    span: M.Span = attrs.field(default=M.NO_SPAN, eq=False)


def placed_articles(agreement: M.Agreement) -> tuple[Placed, ...]:
    return tuple(Placed(agreement, ch, a) for ch, a in agreement.all_articles())


def add_years(day: dt.date, years: int) -> dt.date:
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
        found = [d for d in level if d.mode != "shielded"]
        if found:
            mode = found[-1]
            break
    shields = tuple(d for level in levels for d in level if d.mode == "shielded")
    return mode, shields


def not_enforceable(p: Placed, ctx: Context) -> tuple[bool, tuple[Held, ...], Optional[M.DisputeSettlement]]:
    """(excluded outright, parties shielded on the date, the deciding statement)."""
    mode, shields = dispute_settlement(p)
    if mode is not None and mode.mode == "excluded":
        return True, (), mode
    held = []
    view = set(parties_in_view(p, ctx))
    for s in shields:
        for party in s.parties:
            if party not in view:
                continue
            end = period_end(s.period, p.agreement.entry_into_force(party))
            if end is None or ctx.as_of < end:
                held.append(Held(party, end, "shielded from dispute settlement", s.span))
    return False, tuple(held), mode


def not_bound(p: Placed, ctx: Context) -> tuple[Held, ...]:
    """Parties in view that the article does not bind on the date, and why."""
    a = p.agreement
    held: list[Held] = []
    for party in parties_in_view(p, ctx):
        eif = a.entry_into_force(party)
        if eif is not None and ctx.as_of < eif:
            held.append(Held(party, eif, "the agreement is not yet in force for it", a.span))
            continue
        for t in p.article.transitions:
            if party in t.parties:
                end = period_end(t.period, eif)
                if end is None or ctx.as_of < end:
                    held.append(Held(party, end, "transition period", t.span))
        for r in p.article.reservations:
            if party in r.parties:
                end = period_end(r.period, eif)
                if r.period is None or end is None or ctx.as_of < end:
                    held.append(Held(party, end if r.period else None, "reservation", r.span))
    return tuple(held)


def in_force(agreement: M.Agreement, ctx: Context) -> bool:
    eif = agreement.entry_into_force(ctx.party)
    return agreement.status in ("in-force", None) and eif is not None and eif <= ctx.as_of
