"""Resolution: drafts built on a base agreement become whole agreements.

A draft (``based-on ID``) inherits its base's metadata, chapters and
articles; its own chapters merge into the base's by number, its articles
replace the base's of the same number, ``amend article`` overrides
attributes one by one, ``omit article`` removes.  The result is a new
immutable :class:`~engine.model.Agreement`; nothing is edited in place.

Resolution also fills in what an article inherits (its verification level)
and turns alpha-3 party codes into alpha-2, so the evaluator sees one form.
"""

from __future__ import annotations

from typing import Callable, Optional

import attrs

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.language import parties as P

Lookup = Callable[[str], Optional[M.Agreement]]


def resolve(agreement: M.Agreement, lookup: Lookup) -> tuple[M.Agreement, tuple[D.Diagnostic, ...]]:
    """The whole agreement ``agreement`` stands for, with diagnostics for what could not be applied."""
    diags: list[D.Diagnostic] = []
    resolved = _resolve(agreement, lookup, (), diags)
    return resolved, tuple(diags)


def _resolve(a: M.Agreement, lookup: Lookup, chain: tuple[str, ...], diags: list) -> M.Agreement:
    if a.based_on is None:
        return _finish(a)
    if a.based_on in chain + (a.id,):
        cycle = " -> ".join(chain + (a.id, a.based_on))
        diags.append(C.BASED_ON_CIRCLE.at(a.spans.based_on.or_else(a.span), focus=a.based_on, cycle=cycle))
        return _finish(attrs.evolve(a, based_on=None, amendments=(), omissions=()))
    base_written = lookup(a.based_on)
    if base_written is None:
        diags.append(C.BASE_NOT_IN_CORPUS.at(a.spans.based_on.or_else(a.span), focus=a.based_on,
                                             agreement=a.id, base=a.based_on))
        return _finish(attrs.evolve(a, amendments=(), omissions=()))
    base = _resolve(base_written, lookup, chain + (a.id,), diags)
    return _finish(_overlay(a, base, diags))


def _overlay(draft: M.Agreement, base: M.Agreement, diags: list) -> M.Agreement:
    """The base with the draft's metadata, chapters, articles, amendments and omissions applied."""
    # Where each base article stands: (chapter index or None, article)
    chapters = [attrs.evolve(ch, articles=list(ch.articles)) for ch in base.chapters]
    loose = list(base.articles)

    def find(number: str):
        for ci, ch in enumerate(chapters):
            for ai, art in enumerate(ch.articles):
                if art.number == number:
                    return ci, ai
        for ai, art in enumerate(loose):
            if art.number == number:
                return None, ai
        return None

    def remove(number: str) -> None:
        where = find(number)
        if where is not None:
            ci, ai = where
            (loose if ci is None else chapters[ci].articles).pop(ai)

    # Inheritance of verification happens in _finish on the base already; keep base levels.
    for ch in draft.chapters:
        for art in ch.articles:
            remove(art.number)
        index = next((i for i, c in enumerate(chapters) if c.number == ch.number), None)
        if index is None:
            chapters.append(attrs.evolve(ch, articles=list(ch.articles)))
        else:
            old = chapters[index]
            chapters[index] = attrs.evolve(
                old,
                title=ch.title or old.title,
                articles=old.articles + list(ch.articles),
                exceptions=ch.exceptions or old.exceptions,
                dispute_settlement=ch.dispute_settlement or old.dispute_settlement,
                scope=ch.scope or old.scope,
                verification=ch.verification or old.verification,
                notes=old.notes + ch.notes,
                span=ch.span,
            )
    for art in draft.articles:
        remove(art.number)
        loose.append(art)
    for amendment in draft.amendments:
        where = find(amendment.number)
        if where is None:
            diags.append(C.AMENDED_NOT_IN_BASE.at(amendment.span, focus=amendment.number,
                                                  number=amendment.number, base=base.id))
            continue
        ci, ai = where
        seq = loose if ci is None else chapters[ci].articles
        seq[ai] = amend(seq[ai], amendment)
    for omission in draft.omissions:
        if find(omission.number) is None:
            diags.append(C.OMITTED_NOT_IN_BASE.at(omission.span, focus=omission.number,
                                                  number=omission.number, base=base.id))
            continue
        remove(omission.number)
    return attrs.evolve(
        base,
        id=draft.id,
        title=draft.title or base.title,
        kind=draft.kind or base.kind,
        status=draft.status or base.status,
        parties=draft.parties or base.parties,
        signed=draft.signed if draft.spans.signed.written else (None if draft.parties else base.signed),
        in_force=draft.in_force if (draft.in_force or draft.parties) else base.in_force,
        source=draft.source or base.source,
        verification=draft.verification or base.verification,
        based_on=draft.based_on,
        exceptions=draft.exceptions or base.exceptions,
        dispute_settlement=draft.dispute_settlement or base.dispute_settlement,
        chapters=tuple(attrs.evolve(ch, articles=tuple(ch.articles)) for ch in chapters),
        articles=tuple(loose),
        amendments=(),
        omissions=(),
        notes=base.notes + draft.notes,
        span=draft.span,
        spans=base.spans.overlay(draft.spans),
    )


def amend(article: M.Article, amendment: M.Amendment) -> M.Article:
    """The article with an amendment's overrides and removals applied."""
    ch = amendment.changes
    scope = [s for s in article.scope if s.item not in {c.item for c in ch.scope}] + list(ch.scope)
    kinds = {e.kind for e in ch.exceptions}
    exceptions = [e for e in article.exceptions if e.kind not in kinds] + list(ch.exceptions)
    new = attrs.evolve(
        article,
        title=amendment.title or article.title,
        topics=ch.topics or article.topics,
        commitment=ch.commitment or article.commitment,
        scope=tuple(scope),
        software=ch.software or article.software,
        exceptions=tuple(exceptions),
        dispute_settlement=ch.dispute_settlement or article.dispute_settlement,
        contingency=ch.contingency or article.contingency,
        transitions=ch.transitions or article.transitions,
        reservations=ch.reservations or article.reservations,
        verification=ch.verification or article.verification,
        notes=article.notes + ch.notes,
        span=amendment.span,
    )
    for r in amendment.removals:
        if r.what == "exception":
            new = attrs.evolve(new, exceptions=tuple(e for e in new.exceptions if e.kind != r.which))
        elif r.what == "scope":
            new = attrs.evolve(new, scope=tuple(s for s in new.scope if s.item != r.which))
        elif r.what == "topic":
            new = attrs.evolve(new, topics=tuple(t for t in new.topics if t != r.which))
        elif r.what in ("transition", "reservation", "dispute-settlement"):
            field = {"transition": "transitions", "reservation": "reservations",
                     "dispute-settlement": "dispute_settlement"}[r.what]
            new = attrs.evolve(new, **{field: ()})
        elif r.what in ("contingent", "software"):
            new = attrs.evolve(new, **{"contingency" if r.what == "contingent" else "software": None})
    return new


def _codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    # An alpha-2 code is already canonical (or unknown, and kept as written): only
    # alpha-3 codes need pycountry's table, which costs a warm run 40 ms to load.
    return tuple(c if len(c) == 2 else P.canonical(c) or c for c in codes)


def _finish(a: M.Agreement) -> M.Agreement:
    """Fill in inherited verification levels and canonical party codes."""
    default = a.verification or "unverified"

    def art(x: M.Article, level: str) -> M.Article:
        return attrs.evolve(
            x,
            verification=x.verification or level,
            dispute_settlement=tuple(attrs.evolve(d, parties=_codes(d.parties)) for d in x.dispute_settlement),
            transitions=tuple(attrs.evolve(t, parties=_codes(t.parties)) for t in x.transitions),
            reservations=tuple(attrs.evolve(r, parties=_codes(r.parties)) for r in x.reservations),
        )

    chapters = tuple(
        attrs.evolve(
            ch,
            articles=tuple(art(x, ch.verification or default) for x in ch.articles),
            dispute_settlement=tuple(attrs.evolve(d, parties=_codes(d.parties)) for d in ch.dispute_settlement),
        )
        for ch in a.chapters
    )
    return attrs.evolve(
        a,
        parties=_codes(a.parties),
        in_force=tuple(attrs.evolve(e, parties=_codes(e.parties)) for e in a.in_force),
        chapters=chapters,
        articles=tuple(art(x, default) for x in a.articles),
        dispute_settlement=tuple(attrs.evolve(d, parties=_codes(d.parties)) for d in a.dispute_settlement),
    )
