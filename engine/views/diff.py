"""What changed between two agreements, or two versions of a draft.

Both sides are resolved agreements (a draft with ``based-on`` is compared
whole, so its base's articles are there too).  The diff lists:

- metadata and agreement-level statements that changed;
- chapters whose own statements changed (they reach every article in them);
- articles added, removed and changed, attribute by attribute, with the
  quotes that left and the quotes that came;
- for the chosen norm sets, the findings whose grade or reasons changed,
  and a count: how many gaps the new side closes and how many it opens.

A gap is a partial or unmet finding (a ``not-encoded`` one is no gap: nothing
is known of it, so it never closes, opens, narrows or widens one: it changes).
``closes``: a gap became met;
``opens``: met became a gap; ``narrows`` / ``widens``: a gap got smaller or
larger (unmet to partial, a higher score, or fewer failed requirements, and
the reverse);
``changes``: same grade, different reasons.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Iterable, Optional, Sequence

import attrs

from engine._version import __version__
from engine.evaluation import context as F
from engine.evaluation.evaluator import evaluate
from engine.evaluation.findings import AgreementInfo, Finding, NormSetInfo
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.citations import article_words
from engine.language.model import number_key

DIFF_SCHEMA = ("tradegap.diff", "2.1")

GAPS = frozenset({V.Grade.PARTIAL, V.Grade.UNMET})  # not-encoded is no gap: nothing is known
UNKNOWN_DATE = "unknown"  # `in-force MM unknown`


@attrs.frozen
class Change:
    """One attribute that differs: its old and new value in words, and the quotes that changed."""

    attribute: str
    old: Optional[str]
    new: Optional[str]
    quotes_removed: tuple[str, ...] = ()
    quotes_added: tuple[str, ...] = ()


@attrs.frozen
class ArticleChange:
    """An article (or a chapter's own statements) added, removed or changed."""

    number: str
    title: Optional[str]
    status: V.ChangeStatus
    chapter: Optional[str] = None
    changes: tuple[Change, ...] = ()
    per_chapter: bool = attrs.field(default=False, kw_only=True)  # numbered in its chapter: cited with it

    @property
    def citation(self) -> str:
        """``Art. 14.11``; ``Ch. 14, Art. 3`` where the agreement numbers its articles per chapter."""
        return article_words(self.number, self.chapter if self.per_chapter else None)


@attrs.frozen
class GradeChange:
    """A norm whose finding differs between the two sides."""

    norm: str
    norm_title: Optional[str]
    old_grade: V.Grade
    new_grade: V.Grade
    old_article: Optional[str]
    new_article: Optional[str]
    effect: V.Effect
    resolved: tuple[str, ...] = ()  # requirements that failed before and hold now
    introduced: tuple[str, ...] = ()  # requirements that fail now and held (or were not tested) before
    old_score: Optional[int] = None  # the findings' scores (None: not-encoded or not-applicable)
    new_score: Optional[int] = None
    # the decisive articles' chapters, where their agreement numbers per chapter (None elsewhere)
    old_chapter: Optional[str] = attrs.field(default=None, kw_only=True)
    new_chapter: Optional[str] = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Diff:
    """Two agreements compared: text first, then grades."""

    engine_version: str
    as_of: dt.date
    party: Optional[str]
    old: AgreementInfo
    new: AgreementInfo
    norm_sets: tuple[NormSetInfo, ...]
    agreement: tuple[Change, ...]  # metadata and agreement-level statements
    chapters: tuple[ArticleChange, ...]
    articles: tuple[ArticleChange, ...]
    grades: tuple[GradeChange, ...]
    closes: int = 0
    opens: int = 0
    narrows: int = 0
    widens: int = 0

    @property
    def summary(self) -> str:
        """``closes 2 gaps, opens 0`` (with narrowed and widened counts when there are any)."""
        text = f"{V.Effect.CLOSES} {self.closes} gap{'s' if self.closes != 1 else ''}, {V.Effect.OPENS} {self.opens}"
        extra = [f"{n} {w}" for n, w in ((self.narrows, "narrowed"), (self.widens, "widened")) if n]
        return text + (f" ({', '.join(extra)})" if extra else "")


# ---------------------------------------------------------------- attributes in words


Entry = tuple[str, tuple[str, ...]]  # (value in words, quotes)


def _quotes(qs: Iterable[M.Quote]) -> tuple[str, ...]:
    """The words of each quote; a paraphrase keeps its mark, so that no renderer quotes it."""
    return tuple(M.PARAPHRASE_MARK + q.text if q.paraphrase else q.text for q in qs)


def _period(p: Optional[M.Period]) -> str:
    if p is None:
        return ""
    if p.event is not None:
        return f" until {p.event}" + (f" ({p.until.isoformat()})" if p.until else "")
    if p.years is not None:
        return f" for {p.years} years" + (f", extendable by {p.extension_years}" if p.extension_years else "")
    return f" until {p.until.isoformat()}" if p.until else ""


def _paragraph(paragraph: Optional[str]) -> str:
    return f" for para {paragraph}" if paragraph else ""


def _exceptions(items: Iterable[M.Exception_], prefix: str = "exception") -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for e in items:
        key = f"{prefix} {e.kind}"
        n = 2
        while key in out:
            key, n = f"{prefix} {e.kind} ({n})", n + 1
        out[key] = (" ".join((e.kind, *e.qualifiers)), _quotes(e.quotes))
    return out


def _dispute(items: Iterable[M.DisputeSettlement]) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for d in items:
        key = "dispute-settlement" + (f" {' '.join(d.parties)}" if d.parties else "")
        out[key] = (d.mode + (f" {' '.join(d.parties)}" if d.parties else "") + _period(d.period), _quotes(d.quotes))
    return out


def _scope(items: Iterable[M.Scope]) -> dict[str, Entry]:
    return {f"scope {s.item}": (f"{s.mode} {s.item}", _quotes(s.quotes)) for s in items}


def _notes(items: Iterable[M.Note]) -> dict[str, Entry]:
    return {f"note {i + 1}": (n.text, ()) for i, n in enumerate(items)}


def article_attributes(a: M.Article) -> dict[str, Entry]:
    """An article's attributes in words, keyed so that the same attribute matches across versions."""
    out: dict[str, Entry] = {}
    if a.title is not None:
        out["title"] = (a.title, ())
    if a.topics:
        out["topic"] = (" ".join(a.topics), ())
    if a.commitment is not None:
        c = a.commitment
        out["commitment"] = (" ".join(x for x in (c.strength, c.form) if x), _quotes(c.quotes))
    for c in a.topic_commitments:  # one entry per topic, so that a topic's strength changing shows as such
        for topic in c.topics:
            out[f"commitment for {topic}"] = (" ".join(x for x in (c.strength, c.form) if x)
                                              + _paragraph(c.paragraph), _quotes(c.quotes))
    out.update(_scope(a.scope))
    if a.software is not None:
        out["software"] = (a.software.coverage, _quotes(a.software.quotes))
    out.update(_exceptions(a.exceptions))
    out.update(_dispute(a.dispute_settlement))
    if a.contingency is not None:
        out["contingent"] = (a.contingency.condition, _quotes(a.contingency.quotes))
    for t in a.transitions:
        out[f"transition {' '.join(t.parties)}"] = (
            f"transition {' '.join(t.parties)}{_period(t.period)}{_paragraph(t.paragraph)}", _quotes(t.quotes))
    for r in a.reservations:
        out[f"reservation {' '.join(r.parties)}"] = (
            f"reservation {' '.join(r.parties)}{_period(r.period)}{_paragraph(r.paragraph)}", _quotes(r.quotes))
    if a.verification is not None:
        out["verification"] = (a.verification, ())
    out.update(_notes(a.notes))
    return out


def chapter_attributes(ch: M.Chapter) -> dict[str, Entry]:
    """A chapter's own statements (what its articles inherit), in words."""
    out: dict[str, Entry] = {}
    if ch.title is not None:
        out["title"] = (ch.title, ())
    if ch.part is not None:
        out["part"] = (ch.part, ())
    out.update(_scope(ch.scope))
    out.update(_exceptions(ch.exceptions))
    out.update(_dispute(ch.dispute_settlement))
    if ch.verification is not None:
        out["verification"] = (ch.verification, ())
    return out


def agreement_attributes(a: M.Agreement) -> dict[str, Entry]:
    """An agreement's metadata and agreement-level statements, in words."""
    out: dict[str, Entry] = {"id": (a.id, ())}
    for key, value in (("title", a.title), ("kind", a.kind), ("status", a.status), ("source", a.source),
                       ("based-on", a.based_on), ("verification", a.verification), ("numbering", a.numbering)):
        if value is not None:
            out[key] = (value, ())
    if a.parties:
        out["parties"] = (" ".join(a.parties), ())
    if a.coverage:
        out["coverage"] = (" ".join(a.coverage), ())
    if a.signed is not None:
        out["signed"] = (a.signed.isoformat(), ())
    for e in a.in_force:
        out["in-force" + (f" {' '.join(e.parties)}" if e.parties else "")] = (
            e.date.isoformat() if e.date else UNKNOWN_DATE, ())
    out.update(_exceptions(a.exceptions))
    out.update(_dispute(a.dispute_settlement))
    return out


def _minus(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """``a`` without the items of ``b`` (as multisets), order kept."""
    rest = list(b)
    out = []
    for x in a:
        if x in rest:
            rest.remove(x)
        else:
            out.append(x)
    return tuple(out)


def attribute_changes(old: dict[str, Entry], new: dict[str, Entry]) -> tuple[Change, ...]:
    """Every key whose value or quotes differ, in the order the old side lists them, then new keys."""
    out = []
    for key in list(old) + [k for k in new if k not in old]:
        o, n = old.get(key), new.get(key)
        if o == n:
            continue
        oq, nq = (o[1] if o else ()), (n[1] if n else ())
        out.append(Change(key, o[0] if o else None, n[0] if n else None, _minus(oq, nq), _minus(nq, oq)))
    return tuple(out)


# ---------------------------------------------------------------- text


Key = tuple[Optional[str], str]  # an article's chapter (where numbered per chapter) and number


def _placed(a: M.Agreement) -> dict[Key, tuple[Optional[M.Chapter], M.Article]]:
    """Every article by what names it: its number (with its chapter, where the agreement numbers per chapter)."""
    return {(a.cited_chapter(ch), art.number): (ch, art) for ch, art in a.all_articles()}


def _order(key: Key) -> tuple[M.NumberKey, M.NumberKey]:
    return number_key(key[0] or ""), number_key(key[1])


def article_changes(old: M.Agreement, new: M.Agreement) -> tuple[ArticleChange, ...]:
    """Articles added, removed and changed, in article-number order (an article of an agreement numbered per
    chapter is named by its chapter and number: the same number in another chapter is another article)."""
    before, after = _placed(old), _placed(new)
    out = []
    for key in sorted(set(before) | set(after), key=_order):
        number = key[1]
        if key not in after:
            ch, art = before[key]
            out.append(ArticleChange(number, art.title, V.ChangeStatus.REMOVED, ch.number if ch else None,
                                     per_chapter=old.per_chapter))
        elif key not in before:
            ch, art = after[key]
            out.append(ArticleChange(number, art.title, V.ChangeStatus.ADDED, ch.number if ch else None,
                                     attribute_changes({}, article_attributes(art)), per_chapter=new.per_chapter))
        else:
            (och, oart), (nch, nart) = before[key], after[key]
            changes = list(attribute_changes(article_attributes(oart), article_attributes(nart)))
            ochn, nchn = (och.number if och else None), (nch.number if nch else None)
            if ochn != nchn:
                changes.insert(0, Change("chapter", ochn, nchn))
            if changes:
                out.append(ArticleChange(number, nart.title or oart.title, V.ChangeStatus.CHANGED, nchn,
                                         tuple(changes), per_chapter=new.per_chapter))
    return tuple(out)


def _chapter_change(number: str, o: Optional[M.Chapter], n: Optional[M.Chapter]) -> Optional[ArticleChange]:
    """The change of one chapter's own statements (None: unchanged)."""
    if n is None:
        return ArticleChange(number, o.title, V.ChangeStatus.REMOVED) if o is not None else None
    if o is None:
        return ArticleChange(number, n.title, V.ChangeStatus.ADDED, None, attribute_changes({}, chapter_attributes(n)))
    changes = attribute_changes(chapter_attributes(o), chapter_attributes(n))
    return ArticleChange(number, n.title or o.title, V.ChangeStatus.CHANGED, None, changes) if changes else None


def chapter_changes(old: M.Agreement, new: M.Agreement) -> tuple[ArticleChange, ...]:
    """Chapters whose own statements (title, scope, exceptions, dispute settlement) changed."""
    before = {c.number: c for c in old.chapters}
    after = {c.number: c for c in new.chapters}
    changes = (_chapter_change(number, before.get(number), after.get(number))
               for number in sorted(set(before) | set(after), key=number_key))
    return tuple(c for c in changes if c is not None)


# ---------------------------------------------------------------- grades


def _failed(f: Finding) -> tuple[str, ...]:
    return tuple(r.requirement for r in f.reasons)


def narrower(old: Finding, new: Finding) -> bool:
    """Whether ``new`` leaves a narrower gap than ``old`` of the same grade: a higher score, else (the same
    score) fewer of the same failed requirements."""
    if old.score is not None and new.score is not None and old.score != new.score:
        return new.score > old.score
    return set(_failed(new)) < set(_failed(old))


def effect(old: Finding, new: Finding) -> Optional[V.Effect]:
    """How the finding moved from ``old`` to ``new`` (None: no change worth reporting).

    Only partial and unmet are gaps: a finding that is or becomes ``not-encoded`` (nothing is known) neither
    closes nor opens one; it ``changes``.
    """
    og, ng = old.grade, new.grade
    if og == ng and set(_failed(old)) == set(_failed(new)) and old.score == new.score:
        return None
    if og in GAPS and ng == V.Grade.MET:
        return V.Effect.CLOSES
    if og == V.Grade.MET and ng in GAPS:
        return V.Effect.OPENS
    if og in GAPS and ng in GAPS:
        if ng.rank > og.rank or (og == ng and narrower(old, new)):
            return V.Effect.NARROWS
        if ng.rank < og.rank or (og == ng and narrower(new, old)):
            return V.Effect.WIDENS
    return V.Effect.CHANGES


def grade_changes(old: Sequence[Finding], new: Sequence[Finding]) -> tuple[GradeChange, ...]:
    """Findings (matched by norm) whose grade or failed requirements differ, in norm order."""
    before = {f.norm: f for f in old}
    out = []
    for n in new:
        o = before.get(n.norm)
        if o is None:
            continue
        how = effect(o, n)
        if how is None:
            continue
        of, nf = _failed(o), _failed(n)
        out.append(GradeChange(n.norm, n.norm_title, o.grade, n.grade, o.article, n.article, how,
                               tuple(r for r in of if r not in nf), tuple(r for r in nf if r not in of),
                               o.score, n.score, old_chapter=o.chapter, new_chapter=n.chapter))
    return tuple(out)


def diff(old: M.Agreement, new: M.Agreement, norm_sets: Sequence[M.NormSet] = (),
         as_of: Optional[dt.date] = None, party: Optional[str] = None) -> Diff:
    """What changed from ``old`` to ``new`` (both resolved), and which findings moved for ``norm_sets``.

    Raises:
        UnresolvedDraft: either side is a draft that was not resolved (with ``norm_sets`` only).
    """
    norm_sets = tuple(norm_sets)
    day = F.on_date(as_of)
    who = P.canonical(party) if party else None
    grades: tuple[GradeChange, ...] = ()
    if norm_sets:
        grades = grade_changes(evaluate(old, norm_sets, day, who).findings, evaluate(new, norm_sets, day, who).findings)
    count = Counter(g.effect for g in grades)
    return Diff(
        __version__, day, who, AgreementInfo.of(old, day), AgreementInfo.of(new, day),
        tuple(NormSetInfo.of(ns) for ns in norm_sets),
        attribute_changes(agreement_attributes(old), agreement_attributes(new)),
        chapter_changes(old, new), article_changes(old, new), grades,
        closes=count[V.Effect.CLOSES], opens=count[V.Effect.OPENS],
        narrows=count[V.Effect.NARROWS], widens=count[V.Effect.WIDENS],
    )
