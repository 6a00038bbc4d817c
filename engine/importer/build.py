"""From a treaty as read to an :class:`~engine.model.Agreement`: numbering, coding, notes.

Article numbers are never invented silently: a number is used as the
heading writes it; one the language cannot write as such (``ARTICLE XIII``,
``ARTÍCULO 3-06``) is converted and the note says how it was written; an
article with no usable number, or a number already taken, gets the next
number in the importer's own series ``0.1``, ``0.2``, ... (no treaty numbers
an article 0.x) and a note that says so.  The same goes for chapters.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, TypeVar

import attrs

from engine.language import model as M
from engine.language import vocab as V
from engine.importer.autocode import Coder, Coding, code_article, make_coder
from engine.importer.raw import RawArticle, RawChapter, RawTreaty, clean_text, parse_label
from engine.importer.rules_lang import RuleSet, normalize

SKIPPED_CHAPTERS = ("preamble", "conclusion")
# "Article 13 Title" opening an article's text when the source gives no number
_OPENING = re.compile(r"^\s*((?:ARTICLE|Article|ARTÍCULO|Artículo|ART\.|Art\.)\s+[0-9IVXLC][0-9A-Za-z.\-]*)"
                      r"[ \t:.\-\u2013]*([^\n]*)")


def opening_heading(item: RawArticle) -> tuple[Optional[str], str]:
    """The title and body of an article whose text opens with its own heading line
    ("Article 2.6 Source Code"), when the source gives no title; else (title, text) unchanged."""
    if item.label or item.title:
        return item.title, item.text
    m = _OPENING.match(item.text)
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
    renumbered: int = 0  # numbers converted or assigned, each with a note


class _Numbers:
    """Hands out numbers: as written when possible, else the next in the series 0.1, 0.2, ..."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.used: set[str] = set()
        self.next = 1
        self.changed = 0

    def take(self, label: Optional[str], text: str, ref: str) -> tuple[str, Optional[str]]:
        number: Optional[str] = None
        exact, origin = False, label or ""  # origin: the words the number is read from
        if label:
            number, exact = parse_label(label)
        elif text:
            m = _OPENING.match(text)
            if m:
                origin = m.group(1).strip()
                number, _ = parse_label(origin)
        if number is not None and number not in self.used:
            self.used.add(number)
            if exact and label:
                return number, None
            self.changed += 1
            if label:
                return number, f"numbered {number}: the text writes `{clean_text(label)}`"
            return number, f"numbered {number} from its opening words `{clean_text(origin)}` ({ref} gives no number)"
        while f"0.{self.next}" in self.used:
            self.next += 1
        assigned = f"0.{self.next}"
        self.used.add(assigned)
        self.changed += 1
        if number is not None:
            why = f"`{clean_text(origin)}` is a number used before in this text"
        elif label:
            why = f"`{clean_text(label)}` cannot be written as a {self.what} number"
        else:
            why = "the source gives no number"
        return assigned, f"{self.what} number {assigned} assigned by the importer: {why} ({ref})"


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
    return [attrs.evolve(x, quotes=tuple(attrs.evolve(q, citation=M.Citation(number)) for q in x.quotes))
            for x in items]


def _article(raw: RawArticle, number: str, note: Optional[str], coding: Coding) -> M.Article:
    notes = [M.Note(note)] if note else []
    if coding.explanation:
        notes.append(M.Note("auto-coded: " + "; ".join(coding.explanation)))
    return M.Article(
        number, raw.title, topics=coding.topics, commitment=coding.commitment, scope=coding.scope,
        software=coding.software, exceptions=coding.exceptions, dispute_settlement=coding.dispute_settlement,
        contingency=coding.contingency, transitions=coding.transitions, verification=V.Verification.AUTO,
        notes=tuple(notes),
    )


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
    """Numbers and codes the articles of one treaty, counting as it goes."""

    coder: Coder
    chapter_numbers: _Numbers = attrs.Factory(lambda: _Numbers("chapter"))
    article_numbers: _Numbers = attrs.Factory(lambda: _Numbers("article"))
    articles: int = 0
    coded: int = 0
    with_topic: int = 0

    def article_list(self, items: tuple[RawArticle, ...], chapter_title: Optional[str],
                     level: _Level) -> list[M.Article]:
        """The articles, coded; what they say of their chapter (or agreement) goes to ``level``."""
        out = []
        for item in items:
            number, note = self.article_numbers.take(item.label, item.text, item.ref)
            title, text = opening_heading(item)
            item = attrs.evolve(item, title=title, text=text)
            coding = code_article(self.coder, item.title, chapter_title, item.text)
            self.articles += 1
            self.coded += bool(coding.topics or coding.commitment)
            self.with_topic += bool(coding.topics)
            level.add(coding, number)
            out.append(_article(item, number, note, coding))
        return out

    def chapter(self, ch: RawChapter) -> M.Chapter:
        number, note = self.chapter_numbers.take(ch.label, "", ch.ref)
        level = _Level()
        arts = self.article_list(ch.articles, ch.title, level)
        ds = list({d.mode: d for d in reversed(level.dispute_settlement)}.values())[::-1]
        scope = list({(s.mode, s.item): s for s in reversed(level.scope)}.values())[::-1]
        return M.Chapter(number, ch.title, tuple(arts), _merge_exceptions(level.exceptions), tuple(ds), tuple(scope),
                         notes=(M.Note(note),) if note else ())

    def stats(self, chapters: int) -> Stats:
        return Stats(chapters, self.articles, self.coded, self.with_topic,
                     self.chapter_numbers.changed + self.article_numbers.changed)


def _skipped(ch: RawChapter) -> bool:
    """A preamble or concluding part: not imported."""
    return ch.label is None and (ch.title or "").strip().lower() in SKIPPED_CHAPTERS


def _agreement_notes(raw: RawTreaty, rules: RuleSet, skipped: int) -> tuple[M.Note, ...]:
    notes = [f"Imported by `tradegap import` from {raw.source or 'the source'}. Every article is auto-coded by "
             f"the rules in {rules.path or rules.id} (version {rules.version or '?'}) and marked `verification auto`: "
             "a suggestion to review, not a reviewed encoding."]
    if skipped:
        notes.append(f"{skipped} preamble or concluding part{'s' if skipped != 1 else ''} not imported")
    notes.extend(raw.notes)
    return tuple(M.Note(n) for n in notes)


def build_agreement(raw: RawTreaty, rules: RuleSet) -> tuple[M.Agreement, Stats]:
    """The agreement, every article auto-coded and marked ``verification auto``."""
    builder = _Builder(make_coder(rules, raw.parties, _ds_chapter(raw)))
    chapters = [builder.chapter(ch) for ch in raw.chapters if not _skipped(ch)]
    top = _Level()
    loose = builder.article_list(raw.articles, raw.title, top)  # outside chapters, the agreement is the context
    agreement = M.Agreement(
        raw.ident, raw.title, kind=raw.kind, status=raw.status, parties=raw.parties, signed=raw.signed,
        in_force=(M.PartyEntry(raw.in_force),) if raw.in_force else (), source=raw.source,
        verification=V.Verification.AUTO, exceptions=_merge_exceptions(top.exceptions),
        dispute_settlement=tuple({d.mode: d for d in top.dispute_settlement}.values()),
        chapters=tuple(chapters), articles=tuple(loose),
        notes=_agreement_notes(raw, rules, sum(map(_skipped, raw.chapters))),
    )
    return agreement, builder.stats(len(chapters))
