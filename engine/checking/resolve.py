"""Resolution: drafts built on a base agreement become whole agreements.

A draft (``based-on ID``) inherits its base's metadata, chapters and
articles; its own chapters merge into the base's by number, its articles
replace the base's of the same number, ``amend article`` overrides
attributes one by one, ``omit article`` removes.  The result is a new
immutable :class:`~engine.language.model.Agreement`; nothing is edited in place.

Resolution also fills in what an article inherits (its verification level),
stamps every statement with the level of the text that wrote it (a draft's
own statements with the draft's, see :func:`_own_levels`), and turns alpha-3
party codes into alpha-2, so the evaluator sees one form.  Every agreement
that comes out of :func:`resolve` is marked ``resolved`` and holds no
amendments or omissions (see :func:`is_resolved`).
"""

from __future__ import annotations

from typing import Callable, Mapping, Optional, TypeVar, Union

import attrs

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.checking.validate import citations_need_chapters, topic_commitments

Lookup = Callable[[str], Optional[M.Agreement]]
T = TypeVar("T")
Statement = Union[M.Commitment, M.Scope, M.Software, M.Exception_, M.DisputeSettlement, M.Contingency,
                  M.Transition, M.Reservation]
S = TypeVar("S", bound=Statement)


def resolve(agreement: M.Agreement, lookup: Lookup, done: Optional[dict[str, M.Agreement]] = None) \
        -> tuple[M.Agreement, tuple[D.Diagnostic, ...]]:
    """The whole agreement ``agreement`` stands for, with diagnostics for what could not be applied.

    Args:
        agreement: an agreement as written (a draft or not).
        lookup: the written agreement with an id, or None (``Corpus.written.get``).
        done: resolved agreements by id, shared by the calls that resolve one corpus: a base found
            there is not resolved again (nor its problems reported again), and every agreement of a
            chain this call resolves is added, so that a corpus's chains are walked once in all.

    Returns:
        The resolved agreement (:func:`is_resolved` holds for it) and the problems found on the way:
        a base that is not in the corpus, a ``based-on`` circle, an amended or omitted article the base
        lacks.
    """
    diags: list[D.Diagnostic] = []
    resolved = _resolve(agreement, lookup, {} if done is None else done, diags)
    return resolved, tuple(diags)


def is_resolved(agreement: M.Agreement) -> bool:
    """Whether ``agreement`` is whole: it is no draft, or it is a draft that :func:`resolve` merged.

    The rule: an agreement without ``based_on`` needs no base, so it is resolved; one with
    ``based_on`` is resolved only if it carries the ``resolved`` mark (set by :func:`resolve`, never
    by the parser) and no amendments or omissions are left in it.  A draft as written, or a
    resolved one given amendments again with ``attrs.evolve``, is not.
    """
    if agreement.based_on is None:
        return True
    return agreement.resolved and not agreement.amendments and not agreement.omissions \
        and not agreement.chapter_omissions


def _resolve(a: M.Agreement, lookup: Lookup, done: dict[str, M.Agreement], diags: list[D.Diagnostic]) -> M.Agreement:
    """Walk down the ``based-on`` chain from ``a`` (a loop, not recursion), then lay each draft over its base.

    A chain that goes round in a circle is cut where it closes; its results depend on where the walk
    began, so none of them is added to ``done``.
    """
    chain, bottom, circular = _walk(a, lookup, done, diags)
    if not circular:
        done[chain[-1].id] = bottom
    for draft in reversed(chain[:-1]):
        bottom = _finish(_overlay(_own_levels(draft), _take_chapters(bottom, draft.base_chapters, diags), diags))
        if not circular:
            done[draft.id] = bottom
    return bottom


def _walk(a: M.Agreement, lookup: Lookup, done: Mapping[str, M.Agreement], diags: list[D.Diagnostic]) \
        -> tuple[list[M.Agreement], M.Agreement, bool]:
    """The chain from ``a`` to the last agreement whose base needs no walking, that last one resolved,
    and whether the chain closed a circle."""
    chain = [a]
    ids = {a.id}
    while True:
        top = chain[-1]
        if top.based_on is None:
            return chain, _finish(top), False
        if top.based_on in ids:
            cycle = " -> ".join([x.id for x in chain] + [top.based_on])
            diags.append(C.BASED_ON_CIRCLE.at(top.spans.based_on.or_else(top.span), focus=top.based_on, cycle=cycle))
            return chain, _finish(attrs.evolve(top, based_on=None)), True
        base = done.get(top.based_on)
        if base is not None:
            return chain, _finish(_overlay(_own_levels(top), _take_chapters(base, top.base_chapters, diags), diags)), False
        written = lookup(top.based_on)
        if written is None:
            diags.append(C.BASE_NOT_IN_CORPUS.at(top.spans.based_on.or_else(top.span), focus=top.based_on,
                                                 agreement=top.id, base=top.based_on))
            return chain, _finish(top), False
        chain.append(written)
        ids.add(written.id)


def _take_chapters(base: M.Agreement, chosen: tuple[M.BaseChapter, ...], diags: list[D.Diagnostic]) -> M.Agreement:
    """``based-on X chapter N...``: the base with only the chapters named (its loose articles left out).

    The base's ``coverage`` does not carry over to such a draft: it covers the parts of the chapters it holds,
    unless it writes its own.  A chapter the base lacks is reported (E0307).
    """
    if not chosen:
        return base
    known = [ch.number for ch in base.chapters]
    for ch in chosen:
        if ch.number not in known:
            diags.append(C.CHAPTER_NOT_IN_BASE.at(ch.span, focus=ch.number, number=ch.number, base=base.id,
                                                  known=_numbers(known)))
    wanted = {ch.number for ch in chosen}
    return attrs.evolve(base, chapters=tuple(ch for ch in base.chapters if ch.number in wanted), articles=(),
                        coverage=())


def _numbers(numbers: list[str]) -> str:
    """Chapter numbers as a hint lists them (``none`` for none)."""
    return ", ".join(sorted(numbers, key=M.number_key)) or "none"


def _prefer(new: T, old: T) -> T:
    """The draft's value where it wrote one (anything but None or empty), else the base's."""
    return new if new else old


# ---------------------------------------------------------------- the base's articles, while a draft is laid over


class _Shelf:
    """A chapter being rebuilt: its frozen settings (``chapter.articles`` is ignored) and its articles so far.

    A plain class: an attrs class costs every command about 1.5 M instructions at import."""

    __slots__ = ("chapter", "articles")

    def __init__(self, chapter: M.Chapter, articles: list[M.Article]) -> None:
        self.chapter, self.articles = chapter, articles

    def done(self) -> M.Chapter:
        return attrs.evolve(self.chapter, articles=tuple(self.articles))


class ArticleIndex:
    """Where each article stands while a draft is laid over its base: chapters in order, then loose articles.

    Mutable and private to one resolution; :meth:`chapters` and :meth:`articles` give the frozen result.
    Numbers are looked up in the chapters first, in order, then among the loose articles.  In a base numbered
    agreement-wide the first article with a number is the one found, replaced or removed; in a base numbered
    per chapter a number may stand in several chapters, and a reference that names no chapter finds them all
    (:meth:`where`: the caller reports the ambiguity).  A reference that names its chapter (``ch 14``) looks
    in that chapter alone.
    """

    def __init__(self, base: M.Agreement) -> None:
        self._shelves = [_Shelf(ch, list(ch.articles)) for ch in base.chapters]
        self._loose = list(base.articles)
        self.per_chapter = base.per_chapter

    def where(self, number: str, chapter: Optional[str] = None) -> list[tuple[list[M.Article], int, Optional[str]]]:
        """Every place an article with this number stands (the chapter named, else all; agreement-wide: the
        first only), as (its list, its index, its chapter's number or None)."""
        seqs: list[tuple[list[M.Article], Optional[str]]] = [
            (s.articles, s.chapter.number) for s in self._shelves if chapter is None or s.chapter.number == chapter]
        seqs += [(self._loose, None)] if chapter is None else []
        found = [(seq, i, ch) for seq, ch in seqs for i, art in enumerate(seq) if art.number == number]
        return found if self.per_chapter else found[:1]

    def find(self, number: str, chapter: Optional[str] = None) -> Optional[M.Article]:
        """The article with this number (in the chapter named), the first of several, or None."""
        found = self.where(number, chapter)
        return found[0][0][found[0][1]] if found else None

    def replace(self, number: str, article: M.Article, chapter: Optional[str] = None) -> None:
        """Put ``article`` where the (first) article with ``number`` stands (nothing if there is none)."""
        found = self.where(number, chapter)
        if found:
            found[0][0][found[0][1]] = article

    def remove(self, number: str, chapter: Optional[str] = None) -> bool:
        """Remove the (first) article with this number; whether there was one."""
        found = self.where(number, chapter)
        if found:
            found[0][0].pop(found[0][1])
        return bool(found)

    def remove_loose(self, number: str) -> None:
        """Remove the article with this number outside chapters, if there is one."""
        self._loose = [a for a in self._loose if a.number != number]

    def shelf(self, number: str) -> Optional[_Shelf]:
        """The chapter with this number, as being rebuilt, or None."""
        return next((s for s in self._shelves if s.chapter.number == number), None)

    def chapter_numbers(self) -> list[str]:
        return [s.chapter.number for s in self._shelves]

    def remove_chapter(self, number: str) -> bool:
        """Remove the chapter with this number and its articles; whether there was one."""
        shelf = self.shelf(number)
        if shelf is not None:
            self._shelves = [s for s in self._shelves if s is not shelf]
        return shelf is not None

    def add_chapter(self, chapter: M.Chapter) -> None:
        self._shelves.append(_Shelf(chapter, list(chapter.articles)))

    def add_loose(self, article: M.Article) -> None:
        self._loose.append(article)

    def chapters(self) -> tuple[M.Chapter, ...]:
        return tuple(s.done() for s in self._shelves)

    def articles(self) -> tuple[M.Article, ...]:
        return tuple(self._loose)


# ---------------------------------------------------------------- laying a draft over its base


def _overlay(draft: M.Agreement, base: M.Agreement, diags: list[D.Diagnostic]) -> M.Agreement:
    """The base with the draft's metadata, chapters, articles, amendments and omissions applied.

    The base's verification levels were already inherited (the base went through ``_finish``), the
    draft's own ones too (:func:`_own_levels`): neither takes the other's.
    """
    index = ArticleIndex(base)
    _check_numbering(draft, base, diags)
    _omit_chapters(index, draft.chapter_omissions, base, diags)
    _merge_chapters(index, draft.chapters)
    _loose_articles(index, draft.articles, base.id, diags)
    _apply_amendments(index, draft.amendments, base.id, diags)
    _apply_omissions(index, draft.omissions, base.id, diags)
    merged = attrs.evolve(_merge_metadata(draft, base), chapters=index.chapters(), articles=index.articles())
    if merged.per_chapter:  # numbered per chapter (as its base): its citations read in the merged chapters
        sp = draft.span
        diags.extend(d for d in citations_need_chapters(merged)
                     if d.span.file == sp.file and sp.line <= d.span.line <= sp.end_line)
    return merged


def _check_numbering(draft: M.Agreement, base: M.Agreement, diags: list[D.Diagnostic]) -> None:
    """A draft numbers its articles as its base does (it inherits the base's numbering when it writes none)."""
    ours, theirs = draft.numbering, base.numbering or V.Numbering.AGREEMENT_WIDE
    if ours is not None and ours in V.NUMBERINGS and ours != theirs:
        diags.append(C.NUMBERING_DIFFERS.at(draft.spans.numbering.or_else(draft.span), numbering=ours,
                                            base=base.id, base_numbering=theirs))


def _located(index: ArticleIndex, node: M.Amendment | M.Omission, how: str, base: str,
             diags: list[D.Diagnostic]) -> tuple[bool, Optional[str]]:
    """Whether a draft's ``amend``/``omit article`` names one base article, and its chapter (None: outside
    chapters); a reference that names none, or in a base numbered per chapter several, is reported (the hint
    lists their chapters)."""
    number, chapter = node.number, node.chapter
    found = index.where(number, chapter)
    if len(found) == 1:
        return True, found[0][2]
    if found:
        chapters = ", ".join(ch or "outside chapters" for _, _, ch in found)
        diags.append(C.AMBIGUOUS_IN_BASE.at(node.span, focus=number, number=number, base=base, chapters=chapters,
                                            how=how))
    elif chapter is not None and index.find(number) is not None:
        holding = sorted({ch for _, _, ch in index.where(number) if ch is not None}, key=M.number_key)
        known = f"article {number} stands in chapter {', '.join(holding)}" if holding \
            else f"article {number} stands outside chapters"
        diags.append(C.ARTICLE_NOT_IN_CHAPTER.at(node.span, focus=number, number=number, chapter=chapter, base=base,
                                                 done="amended" if isinstance(node, M.Amendment) else "omitted",
                                                 known=known))
    else:
        message = C.AMENDED_NOT_IN_BASE if isinstance(node, M.Amendment) else C.OMITTED_NOT_IN_BASE
        diags.append(message.at(node.span, focus=number, number=number, base=base))
    return False, None


def _loose_articles(index: ArticleIndex, articles: tuple[M.Article, ...], base: str,
                    diags: list[D.Diagnostic]) -> None:
    """A draft's articles outside chapters: each replaces the base's article of its number and stands outside
    chapters.  In a base numbered per chapter, only the base's article of the number outside chapters is the same
    article: one whose number stands only in chapters names another article there, so it is reported (the draft
    writes it in its chapter's block, or amends it with ``ch N``) and not applied."""
    for art in articles:
        if not index.per_chapter:
            index.remove(art.number)
        elif any(ch is None for _, _, ch in index.where(art.number)):
            index.remove_loose(art.number)
        elif index.where(art.number):
            chapters = [str(ch) for _, _, ch in index.where(art.number)]
            words = f"chapter{'s' if len(chapters) > 1 else ''} {', '.join(chapters)}"
            diags.append(C.LOOSE_ARTICLE_AMBIGUOUS.at(art.span, focus=art.number, number=art.number, base=base,
                                                      chapters=words, ch=chapters[0] if len(chapters) == 1 else "N"))
            continue
        index.add_loose(art)


def _merge_chapters(index: ArticleIndex, chapters: tuple[M.Chapter, ...]) -> None:
    """A draft's chapters: each article replaces the base's of its number; a chapter merges into the base's
    chapter of its number (the draft's settings where it wrote them, notes and articles appended) or is added."""
    for ch in chapters:
        for art in ch.articles:  # per chapter: the base's article of its number in the same chapter
            index.remove(art.number, ch.number if index.per_chapter else None)
        shelf = index.shelf(ch.number)
        if shelf is None:
            index.add_chapter(ch)
            continue
        old = shelf.chapter
        shelf.chapter = attrs.evolve(
            old,
            title=_prefer(ch.title, old.title),
            exceptions=_prefer(ch.exceptions, old.exceptions),
            dispute_settlement=_prefer(ch.dispute_settlement, old.dispute_settlement),
            scope=_prefer(ch.scope, old.scope),
            verification=_prefer(ch.verification, old.verification),
            part=_prefer(ch.part, old.part),
            notes=old.notes + ch.notes,
            span=ch.span,
        )
        shelf.articles.extend(ch.articles)


def _apply_amendments(index: ArticleIndex, amendments: tuple[M.Amendment, ...], base: str,
                      diags: list[D.Diagnostic]) -> None:
    for amendment in amendments:
        found, chapter = _located(index, amendment, "amend article", base, diags)
        article = index.find(amendment.number, chapter) if found else None
        if article is not None:
            amended = amend(article, amendment)
            index.replace(amendment.number, amended, chapter)
            diags.extend(d.replace(span=amendment.span, secondary=((d.span, "the commitment"),))
                         for d in topic_commitments(amended) if d.code == C.TOPIC_NOT_OF_ARTICLE.id)


def _omit_chapters(index: ArticleIndex, omissions: tuple[M.Omission, ...], base: M.Agreement,
                   diags: list[D.Diagnostic]) -> None:
    """``omit chapter N``: the base's chapter N goes, with every article in it."""
    for omission in omissions:
        if not index.remove_chapter(omission.number):
            diags.append(C.OMITTED_CHAPTER_NOT_IN_BASE.at(
                omission.span, focus=omission.number, number=omission.number, base=base.id,
                known=_numbers([ch.number for ch in base.chapters])))


def _apply_omissions(index: ArticleIndex, omissions: tuple[M.Omission, ...], base: str,
                     diags: list[D.Diagnostic]) -> None:
    for omission in omissions:
        found, chapter = _located(index, omission, "omit article", base, diags)
        if found:
            index.remove(omission.number, chapter)


def _merge_metadata(draft: M.Agreement, base: M.Agreement) -> M.Agreement:
    """The base's settings with the draft's id and every setting the draft wrote.

    A draft that names its own parties is a new treaty: the base's signature and entry into force
    do not carry over to it.  Notes are the base's, then the draft's.
    """
    return attrs.evolve(
        base,
        id=draft.id,
        title=_prefer(draft.title, base.title),
        kind=_prefer(draft.kind, base.kind),
        status=_prefer(draft.status, base.status),
        parties=_prefer(draft.parties, base.parties),
        signed=draft.signed if draft.spans.signed.written else (None if draft.parties else base.signed),
        in_force=draft.in_force if (draft.in_force or draft.parties) else base.in_force,
        source=_prefer(draft.source, base.source),
        verification=_prefer(draft.verification, base.verification),
        based_on=draft.based_on,
        coverage=_prefer(draft.coverage, base.coverage),
        numbering=base.numbering,
        exceptions=_prefer(draft.exceptions, base.exceptions),
        dispute_settlement=_prefer(draft.dispute_settlement, base.dispute_settlement),
        notes=base.notes + draft.notes,
        span=draft.span,
        spans=base.spans.overlay(draft.spans),
    )


# ---------------------------------------------------------------- amending one article


def amend(article: M.Article, amendment: M.Amendment) -> M.Article:
    """The article with an amendment's overrides and removals applied.

    Scope statements replace the article's of the same item, exceptions those of the same kind; the
    other settings replace the article's where the amendment wrote them; notes are appended.
    """
    ch = amendment.changes
    items = {c.item for c in ch.scope}
    kinds = {e.kind for e in ch.exceptions}
    new = attrs.evolve(
        article,
        title=_prefer(amendment.title, article.title),
        topics=_prefer(ch.topics, article.topics),
        commitment=_prefer(ch.commitment, article.commitment),
        topic_commitments=_per_topic(article.topic_commitments, ch.topic_commitments),
        scope=tuple(s for s in article.scope if s.item not in items) + ch.scope,
        software=_prefer(ch.software, article.software),
        exceptions=tuple(e for e in article.exceptions if e.kind not in kinds) + ch.exceptions,
        dispute_settlement=_prefer(ch.dispute_settlement, article.dispute_settlement),
        contingency=_prefer(ch.contingency, article.contingency),
        transitions=_prefer(ch.transitions, article.transitions),
        reservations=_prefer(ch.reservations, article.reservations),
        verification=_prefer(ch.verification, article.verification),
        notes=article.notes + ch.notes,
        span=amendment.span,
    )
    for removal in amendment.removals:
        remove = REMOVALS.get(removal.what)
        if remove is not None:  # an unknown word removes nothing (validation reports it)
            new = remove(new, removal.which)
    return new


def _per_topic(base: tuple[M.Commitment, ...], new: tuple[M.Commitment, ...]) -> tuple[M.Commitment, ...]:
    """An amendment's commitments per topic over the base's: each replaces the base's on the topics it names (a
    base commitment for several topics keeps the others)."""
    named = {t for c in new for t in c.topics}
    kept = (attrs.evolve(c, topics=tuple(t for t in c.topics if t not in named)) for c in base)
    return tuple(c for c in kept if c.topics) + new


Remove = Callable[[M.Article, Optional[str]], M.Article]


def _remove_commitment(a: M.Article, topic: Optional[str]) -> M.Article:
    """``remove commitment``: the general commitment; ``remove commitment TOPIC``: the commitment written for
    that topic (a commitment written for several keeps the others)."""
    if topic is None:
        return attrs.evolve(a, commitment=None)
    kept = (attrs.evolve(c, topics=tuple(t for t in c.topics if t != topic)) for c in a.topic_commitments)
    return attrs.evolve(a, topic_commitments=tuple(c for c in kept if c.topics))

REMOVALS: Mapping[str, Remove] = {
    V.Removable.EXCEPTION: lambda a, which: attrs.evolve(a, exceptions=tuple(e for e in a.exceptions
                                                                          if e.kind != which)),
    V.Removable.SCOPE: lambda a, which: attrs.evolve(a, scope=tuple(s for s in a.scope if s.item != which)),
    V.Removable.TOPIC: lambda a, which: attrs.evolve(a, topics=tuple(t for t in a.topics if t != which)),
    V.Removable.TRANSITION: lambda a, _: attrs.evolve(a, transitions=()),
    V.Removable.RESERVATION: lambda a, _: attrs.evolve(a, reservations=()),
    V.Removable.DISPUTE_SETTLEMENT: lambda a, _: attrs.evolve(a, dispute_settlement=()),
    V.Removable.CONTINGENT: lambda a, _: attrs.evolve(a, contingency=None),
    V.Removable.SOFTWARE: lambda a, _: attrs.evolve(a, software=None),
    V.Removable.COMMITMENT: _remove_commitment,
}
"""What ``remove WHAT [WHICH]`` in an amendment does to the article, one row per removable word."""


# ---------------------------------------------------------------- verification levels, statement by statement


def _stamp_all(items: tuple[S, ...], level: str) -> tuple[S, ...]:
    return tuple(s if s.verification else attrs.evolve(s, verification=level) for s in items)


def _stamp_one(item: Optional[S], level: str) -> Optional[S]:
    return item if item is None or item.verification else attrs.evolve(item, verification=level)


def _stamp(article: M.Article, level: str) -> M.Article:
    """The article with each statement not stamped yet stamped with ``level`` (the article's own level is kept)."""
    return attrs.evolve(
        article,
        commitment=_stamp_one(article.commitment, level),
        topic_commitments=_stamp_all(article.topic_commitments, level),
        scope=_stamp_all(article.scope, level),
        software=_stamp_one(article.software, level),
        exceptions=_stamp_all(article.exceptions, level),
        dispute_settlement=_stamp_all(article.dispute_settlement, level),
        contingency=_stamp_one(article.contingency, level),
        transitions=_stamp_all(article.transitions, level),
        reservations=_stamp_all(article.reservations, level),
    )


def _article_levels(x: M.Article, level: str) -> M.Article:
    """The article at its effective level (its own, else ``level``), its statements stamped with it."""
    own = x.verification or level
    return attrs.evolve(_stamp(x, own), verification=own)


def _chapter_levels(ch: M.Chapter, level: str) -> M.Chapter:
    own = ch.verification or level
    return attrs.evolve(
        ch,
        articles=tuple(_article_levels(x, own) for x in ch.articles),
        exceptions=_stamp_all(ch.exceptions, own),
        dispute_settlement=_stamp_all(ch.dispute_settlement, own),
        scope=_stamp_all(ch.scope, own),
    )


def _levels(a: M.Agreement) -> M.Agreement:
    """Every article at its effective level (article, chapter, agreement, else unverified), every statement
    of the agreement, its chapters and articles stamped with the level of the block it stands in."""
    default = a.verification or V.Verification.UNVERIFIED.value
    return attrs.evolve(
        a,
        chapters=tuple(_chapter_levels(ch, default) for ch in a.chapters),
        articles=tuple(_article_levels(x, default) for x in a.articles),
        exceptions=_stamp_all(a.exceptions, default),
        dispute_settlement=_stamp_all(a.dispute_settlement, default),
    )


def _own_levels(draft: M.Agreement) -> M.Agreement:
    """A draft's own statements stamped with the DRAFT's levels before it is laid over its base.

    A draft's words are its own (proposed, or recalled), whatever the base's words were checked against:
    its articles and statements take the draft article's, chapter's or agreement's level, else unverified,
    never the base's.  An amendment's statements are stamped likewise; the amended article keeps its own
    article-level verification unless the amendment writes one (see :func:`amend`).
    """
    default = draft.verification or V.Verification.UNVERIFIED.value
    amendments = tuple(attrs.evolve(am, changes=_stamp(am.changes, am.changes.verification or default))
                       for am in draft.amendments)
    return attrs.evolve(_levels(draft), amendments=amendments)


# ---------------------------------------------------------------- what every resolved agreement has


def _codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    # An alpha-2 code is already canonical (or unknown, and kept as written): only
    # alpha-3 codes need pycountry's table, which costs a warm run 40 ms to load.
    return tuple(c if len(c) == 2 else P.canonical(c) or c for c in codes)


def _shields(items: tuple[M.DisputeSettlement, ...]) -> tuple[M.DisputeSettlement, ...]:
    return tuple(attrs.evolve(d, parties=_codes(d.parties)) for d in items)


def _article(x: M.Article) -> M.Article:
    """An article with canonical party codes."""
    return attrs.evolve(
        x,
        dispute_settlement=_shields(x.dispute_settlement),
        transitions=tuple(attrs.evolve(t, parties=_codes(t.parties)) for t in x.transitions),
        reservations=tuple(attrs.evolve(r, parties=_codes(r.parties)) for r in x.reservations),
    )


def _finish(a: M.Agreement) -> M.Agreement:
    """Fill in verification levels and canonical party codes; drop what was applied; mark it."""
    a = _levels(a)
    chapters = tuple(
        attrs.evolve(ch, articles=tuple(_article(x) for x in ch.articles),
                     dispute_settlement=_shields(ch.dispute_settlement))
        for ch in a.chapters
    )
    return attrs.evolve(
        a,
        parties=_codes(a.parties),
        in_force=tuple(attrs.evolve(e, parties=_codes(e.parties)) for e in a.in_force),
        chapters=chapters,
        articles=tuple(_article(x) for x in a.articles),
        dispute_settlement=_shields(a.dispute_settlement),
        amendments=(),
        omissions=(),
        base_chapters=(),
        chapter_omissions=(),
        resolved=True,
    )
