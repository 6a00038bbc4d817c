"""From a treaty as read to an :class:`~engine.model.Agreement`: numbering, coding, notes.

Numbers are the source's, never made up (see :mod:`engine.importer.numbering`): as the heading writes
them, converted only to the language's way of writing the same number (with a note saying how the text wrote
it); a placeholder ``unnumbered N`` (with a note and a warning, W0520) where the source gives none the
language can write, or gives one twice where it must be unique.  A text whose chapters number their articles
afresh is imported ``numbering per-chapter``.  A chapter with neither number nor title (ToTA's container of a
treaty without chapters) is no chapter: its articles stand outside chapters.
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence, TypeVar

import attrs

from engine.language import diagnostics as D
from engine.language import model as M
from engine.language import vocab as V
from engine.importer.autocode import Coder, Coding, code_article, make_coder
from engine.importer.positions import Source, place_quotes
from engine.importer.numbering import (OPENING, Numbered, Scope, Written, placeholder_warning, restarts,
                                       written_article, written_chapter)
from engine.importer.raw import RawArticle, RawChapter, RawTreaty, clean_text
from engine.importer.rules_lang import RuleSet, normalize

SKIPPED_CHAPTERS = ("preamble", "conclusion")


def opening_heading(item: RawArticle) -> tuple[Optional[str], str]:
    """The title and body of an article whose text opens with its own heading line
    ("Article 2.6 Source Code"), when the source gives no title; else (title, text) unchanged."""
    if item.label or item.title:
        return item.title, item.text
    m = OPENING.match(item.text)
    if m is None:
        return item.title, item.text
    rest = m.group(2).strip()
    if rest and len(rest) <= 100 and rest[0].isupper() and not rest.endswith((".", ",", ";", ":")):
        return clean_text(rest), item.text[m.end():]
    return item.title, item.text


@attrs.frozen
class Stats:
    chapters: int = 0
    articles: int = 0
    coded: int = 0  # articles given at least a topic or a commitment
    with_topic: int = 0
    renumbered: int = 0  # numbers converted from how the text writes them, or placeholders: each with a note
    placeholders: int = 0  # articles and chapters written `unnumbered N`: the source gives no usable number
    warnings: tuple[D.Diagnostic, ...] = attrs.field(default=(), eq=False)  # one per placeholder (W0520)


def _ds_chapter(raw: RawTreaty) -> Optional[str]:
    for ch in raw.chapters:
        if ch.label and " dispute settlement " in normalize(ch.title or "") \
                and " investor " not in normalize(ch.title or ""):
            return ch.label
    return None


def _merge_exceptions(items: list[M.Exception_]) -> tuple[M.Exception_, ...]:
    by_kind: dict[str, M.Exception_] = {}
    for e in items:
        old = by_kind.get(e.kind)
        if old is None:
            by_kind[e.kind] = e
        else:
            quals = old.qualifiers + tuple(q for q in e.qualifiers if q not in old.qualifiers)
            by_kind[e.kind] = attrs.evolve(old, qualifiers=quals, quotes=(old.quotes + e.quotes)[:3])
    return tuple(by_kind.values())


_Cited = TypeVar("_Cited", M.Exception_, M.Scope, M.DisputeSettlement)


def _cite(items: Iterable[_Cited], number: str) -> list[_Cited]:
    """Chapter-level statements quote the article they come from."""
    return [attrs.evolve(x, quotes=tuple(attrs.evolve(q, citation=_cited(q.citation, number)) for q in x.quotes))
            for x in items]


def _cited(citation: Optional[M.Citation], number: str) -> M.Citation:
    """The citation of the article ``number``, keeping what a reader already knew (footnote, page, line)."""
    return attrs.evolve(citation, article=number) if citation is not None else M.Citation(number)


def _article(raw: RawArticle, number: str, note: Optional[str], coding: Coding) -> M.Article:
    notes = [M.Note(note)] if note else []
    if coding.explanation:
        notes.append(M.Note("auto-coded: " + "; ".join(coding.explanation)))
    general, per_topic = _commitments(coding)
    return M.Article(
        number, raw.title, topics=coding.topics, commitment=general, scope=coding.scope,
        software=coding.software, exceptions=coding.exceptions, dispute_settlement=coding.dispute_settlement,
        contingency=coding.contingency, transitions=coding.transitions, verification=V.Verification.AUTO,
        notes=tuple(notes), topic_commitments=per_topic,
    )


def _commitments(coding: Coding) -> tuple[Optional[M.Commitment], tuple[M.Commitment, ...]]:
    """The article's general commitment and one per topic (``binding for TOPIC paragraph "N"``).

    A topic whose own strength (read from the paragraphs where it is found) differs from the article's gets
    its own commitment.  A topic whose paragraphs commit no one would otherwise fall back on the article's
    commitment and be credited with another topic's strength; the language writes no "absent for TOPIC", so
    such an article gets no general commitment and every topic that commits gets its own (none, when no topic
    commits: the article's strongest words are then on none of its topics)."""
    general = coding.commitment
    found = {tc.topic: tc for tc in coding.topic_strengths}
    uncommitted = [t for t in coding.topics if t in found and found[t].commitment is None]
    if general is not None and uncommitted:
        general = None
    out = []
    for tc in coding.topic_strengths:
        c = tc.commitment
        if c is None or (general is not None and (c.strength, c.form) == (general.strength, general.form)):
            continue
        out.append(attrs.evolve(c, topics=(tc.topic,), paragraph=tc.paragraph))
    return general, tuple(out)


def _placed(coding: Coding, raw: RawArticle, number: str) -> Coding:
    """The coding with each quote cited at its page and line of the source PDF (and in its footnote), where
    the reader knows them; a plain text's quotes are cited only when they stand in a footnote."""
    def cite(q: M.Quote, s: Source) -> M.Quote:
        if s.page is None and s.footnote_number is None:
            return q
        return attrs.evolve(q, citation=M.Citation(number, s.footnote_number, page=s.page,
                                                   line=s.line if s.page is not None else None))
    return place_quotes(coding, raw, cite) if raw.lines or raw.at is not None else coding


@attrs.define
class _Level:
    """What the articles of a chapter (or, outside chapters, of the agreement) say of it, citing them."""

    exceptions: list[M.Exception_] = attrs.Factory(list)
    scope: list[M.Scope] = attrs.Factory(list)
    dispute_settlement: list[M.DisputeSettlement] = attrs.Factory(list)

    def add(self, coding: Coding, number: str) -> None:
        self.exceptions += _cite(coding.chapter_exceptions, number)
        self.scope += _cite(coding.chapter_scope, number)
        self.dispute_settlement += _cite(coding.chapter_dispute_settlement, number)


@attrs.define
class _Builder:
    """Numbers and codes the articles of one treaty, counting as it goes.

    ``per_chapter``: the text numbers each chapter's articles afresh, so each chapter (and the articles outside
    chapters) is a scope of its own; else every article shares the agreement's scope.
    """

    coder: Coder
    path: str
    per_chapter: bool = False
    chapter_numbers: Scope = attrs.Factory(lambda: Scope("chapter", " in this text"))
    article_numbers: Scope = attrs.Factory(lambda: Scope("article", " in this text"))
    articles: int = 0
    coded: int = 0
    with_topic: int = 0
    notes: int = 0
    warnings: list[D.Diagnostic] = attrs.Factory(list)

    def _numbered(self, scope: Scope, what: str, w: Written, ref: str, chapter: Optional[str]) -> Numbered:
        numbered = scope.take(w, ref)
        self.notes += numbered.note is not None
        if numbered.placeholder is not None:
            self.warnings.append(placeholder_warning(self.path, what, numbered, ref, chapter))
        return numbered

    def article_list(self, items: Sequence[RawArticle], chapter_title: Optional[str], level: _Level,
                     chapter: Optional[str] = None) -> list[M.Article]:
        """The articles, numbered and coded; what they say of their chapter (or agreement) goes to ``level``."""
        scope = self.article_numbers
        if self.per_chapter:
            scope = Scope("article", " in this chapter" if chapter is not None else " outside chapters")
        out = []
        for item in items:
            numbered = self._numbered(scope, "article", written_article(item), item.ref, chapter)
            title, text = opening_heading(item)
            notes = tuple((f.start, f.end, f.number, f.anchor) for f in item.footnotes) if text is item.text else ()
            item = attrs.evolve(item, title=title, text=text)
            coding = _placed(code_article(self.coder, item.title, chapter_title, item.text, notes), item,
                             numbered.number)
            self.articles += 1
            self.coded += bool(coding.topics or coding.commitment)
            self.with_topic += bool(coding.topics)
            level.add(coding, numbered.number)
            out.append(_article(item, numbered.number, numbered.note, coding))
        return out

    def chapter(self, ch: RawChapter) -> M.Chapter:
        numbered = self._numbered(self.chapter_numbers, "chapter", written_chapter(ch), ch.ref, None)
        level = _Level()
        arts = self.article_list(ch.articles, ch.title, level, numbered.number)
        ds = list({d.mode: d for d in reversed(level.dispute_settlement)}.values())[::-1]
        scope = list({(s.mode, s.item): s for s in reversed(level.scope)}.values())[::-1]
        return M.Chapter(numbered.number, ch.title, tuple(arts), _merge_exceptions(level.exceptions), tuple(ds),
                         tuple(scope), notes=(M.Note(numbered.note),) if numbered.note else ())

    def stats(self, chapters: int) -> Stats:
        warnings = tuple(self.warnings)
        return Stats(chapters, self.articles, self.coded, self.with_topic, self.notes, len(warnings), warnings)


def _skipped(ch: RawChapter) -> bool:
    """A preamble or concluding part: not imported."""
    return ch.label is None and (ch.title or "").strip().lower() in SKIPPED_CHAPTERS


def _container(ch: RawChapter) -> bool:
    """A chapter with neither number nor title: ToTA's container of a treaty without chapters (no chapter)."""
    return ch.label is None and not (ch.title or "").strip()


def _agreement_notes(raw: RawTreaty, rules: RuleSet, skipped: int) -> tuple[M.Note, ...]:
    notes = [f"Imported by `tradegap import` from {raw.source or 'the source'}. Every article is auto-coded by "
             f"the rules in {rules.path or rules.id} (version {rules.version or '?'}) and marked `verification auto`: "
             "a suggestion to review, not a reviewed encoding."]
    if skipped:
        notes.append(f"{skipped} preamble or concluding part{'s' if skipped != 1 else ''} not imported")
    notes.extend(raw.notes)
    return tuple(M.Note(n) for n in notes)


def _parts(raw: RawTreaty) -> tuple[list[RawChapter], tuple[RawArticle, ...]]:
    """The chapters imported as chapters, and the articles outside chapters (the text's own, then those of
    chapters that are no chapters)."""
    kept = [ch for ch in raw.chapters if not _skipped(ch)]
    loose = raw.articles + tuple(a for ch in kept if _container(ch) for a in ch.articles)
    return [ch for ch in kept if not _container(ch)], loose


def _restarts(chapters: Iterable[RawChapter], loose: Iterable[RawArticle]) -> bool:
    """Whether the text numbers each chapter's articles afresh (some number stands in two chapters)."""
    return restarts([[written_article(a) for a in ch.articles] for ch in chapters]
                    + [[written_article(a) for a in loose]])


def build_agreement(raw: RawTreaty, rules: RuleSet, path: str = "") -> tuple[M.Agreement, Stats]:
    """The agreement, every article auto-coded and marked ``verification auto``; ``path`` names the source in
    the warnings (default: ``raw.source``)."""
    chapters_in, loose_in = _parts(raw)
    per_chapter = _restarts(chapters_in, loose_in)
    builder = _Builder(make_coder(rules, raw.parties, _ds_chapter(raw)), path or raw.source or "", per_chapter)
    chapters = [builder.chapter(ch) for ch in chapters_in]
    top = _Level()
    loose = builder.article_list(loose_in, raw.title, top)  # outside chapters, the agreement is the context
    agreement = M.Agreement(
        raw.ident, raw.title, kind=raw.kind, status=raw.status, parties=raw.parties, signed=raw.signed,
        in_force=(M.PartyEntry(raw.in_force),) if raw.in_force else (), source=raw.source,
        verification=V.Verification.AUTO, exceptions=_merge_exceptions(top.exceptions),
        dispute_settlement=tuple({d.mode: d for d in top.dispute_settlement}.values()),
        chapters=tuple(chapters), articles=tuple(loose),
        notes=_agreement_notes(raw, rules, sum(map(_skipped, raw.chapters))),
        numbering=V.Numbering.PER_CHAPTER if per_chapter else None,
    )
    return agreement, builder.stats(len(chapters))
