"""Provision search: the articles whose words, titles or notes say what the analyst is looking for.

A query is words and ``"quoted phrases"``, matched case-insensitively on word boundaries (a word also
matches its plural: ``algorithm`` finds ``algorithms``; a phrase's words may stand apart by spaces or
punctuation: ``source code`` finds ``source-code``).  No stemming beyond that.  Every article of every
agreement is searched: its title, each quote of its statements (with the citation a reason would give),
and the encoders' notes.  Hits are ranked by the phrases they match, then by how many of the query's
terms they match, then by strength (binding first), then by agreement and article number.  Each hit
keeps the passages that matched with the spans of the matches, for renderers to highlight.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

import attrs

from engine._version import __version__
from engine.errors import UsageError
from engine.evaluation import context as F
from engine.evaluation.evaluator import context_evidence
from engine.language import model as M
from engine.language import names
from engine.language import vocab as V
from engine.language.citations import article_words

SEARCH_SCHEMA = ("tradegap.search", "2.1")


class Field(V.Word):
    """Where in an article the words matched."""

    TITLE = "title", "the article's title"
    QUOTE = "quote", "the words of one of its statements (or a paraphrase of them)"
    NOTE = "note", "an encoder's note on the article"


@attrs.frozen
class Terms:
    """A query: its ``"quoted phrases"`` and its single words, lower case, in the order written."""

    phrases: tuple[str, ...]
    words: tuple[str, ...]

    @classmethod
    def parse(cls, query: str) -> "Terms":
        """``"source code" algorithm`` -> phrases (source code), words (algorithm); an unclosed quote ends
        at the end of the query."""
        phrases: list[str] = []
        words: list[str] = []
        for quoted, word in re.findall(r'"([^"]*)"?|(\S+)', query.replace("“", '"').replace("”", '"')):
            text = " ".join((quoted or word).casefold().split())
            target = phrases if quoted and " " in text else words
            if text and text not in target:
                target.append(text)
        return cls(tuple(phrases), tuple(words))

    def all(self) -> tuple[str, ...]:
        """Every term, phrases first."""
        return self.phrases + self.words


def pattern(term: str) -> re.Pattern[str]:
    """A term as a regular expression: on word boundaries, a trailing plural allowed, a phrase's words apart
    by any run of spaces or punctuation."""
    body = r"\W+".join(re.escape(w) for w in term.split())
    return re.compile(rf"(?<!\w){body}(?:s|es)?(?!\w)", re.IGNORECASE)


@attrs.frozen
class Passage:
    """Words of an article that matched, with the spans (start, end) of every match, in order."""

    field: Field
    text: str
    citation: str
    spans: tuple[tuple[int, int], ...]
    paraphrase: bool = False
    verification: Optional[str] = None
    file: str = ""
    line: int = 0


@attrs.frozen
class Hit:
    """An article that matched: where it stands, how strong and how checked it is, what matched."""

    agreement: str
    short_name: str
    article: str
    title: Optional[str]
    chapter: Optional[str]
    strength: V.Strength
    verification: str
    topics: tuple[str, ...]
    matched: tuple[str, ...]  # the query's terms found, phrases first
    phrases: int  # how many of the query's phrases matched
    passages: tuple[Passage, ...]
    file: str = ""
    line: int = 0
    per_chapter: bool = attrs.field(default=False, kw_only=True)  # its agreement numbers articles per chapter

    @property
    def citation(self) -> str:
        """``Art. 14.11``; ``Ch. 14, Art. 3`` where the agreement numbers its articles per chapter."""
        return article_words(self.article, self.chapter if self.per_chapter else None)


@attrs.frozen
class Search:
    """The hits of a query, best first, and the filters it ran with."""

    engine_version: str
    query: str
    phrases: tuple[str, ...]
    words: tuple[str, ...]
    topic: Optional[str]
    party: Optional[str]
    agreement: Optional[str]
    hits: tuple[Hit, ...]


def _spans(text: str, patterns: Sequence[tuple[str, re.Pattern[str]]]) -> tuple[set[str], tuple[tuple[int, int], ...]]:
    """The terms found in ``text`` and the spans of their matches (overlaps merged), in order."""
    found: set[str] = set()
    spans: list[tuple[int, int]] = []
    for term, rx in patterns:
        for m in rx.finditer(text):
            found.add(term)
            spans.append(m.span())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return found, tuple(merged)


def _texts(p: F.Placed) -> list[Passage]:
    """The article's searchable words: its title, its quotes (each cited), its notes (spans still empty)."""
    art = p.article
    stated = F.article_stated(p)
    level, where = stated.verification, stated.where
    out = [Passage(Field.TITLE, art.title, where, (), False, level, art.span.file, art.span.line)] if art.title else []
    out += [Passage(Field.QUOTE, e.quote, e.citation, (), e.paraphrase, e.verification, e.file, e.line)
            for e in context_evidence(p) if e.quote is not None]
    return out + [Passage(Field.NOTE, n.text, where, (), False, level, n.span.file, n.span.line) for n in art.notes]


def _hit(p: F.Placed, terms: Terms, patterns: Sequence[tuple[str, re.Pattern[str]]],
         topic: Optional[str] = None) -> Optional[Hit]:
    found: set[str] = set()
    passages = []
    for passage in _texts(p):
        terms_here, spans = _spans(passage.text, patterns)
        if spans:
            found |= terms_here
            passages.append(attrs.evolve(passage, spans=spans))
    if not passages:
        return None
    a, art = p.agreement, p.article
    return Hit(a.id, names.short(a.id), art.number, art.title, p.chapter.number if p.chapter else None,
               V.Strength(art.strength_on((topic,)) if topic else art.strength), F.article_stated(p).verification,
               art.topics,
               tuple(t for t in terms.all() if t in found), sum(1 for t in terms.phrases if t in found),
               tuple(passages), art.span.file, art.span.line, per_chapter=a.per_chapter)


def _rank(h: Hit) -> tuple[int, int, int, str, M.NumberKey, M.NumberKey]:
    chapter = h.chapter if h.per_chapter else None
    return (-h.phrases, -len(h.matched), -V.Strength(h.strength).rank, h.agreement, M.number_key(chapter or ""),
            M.number_key(h.article))


def search(agreements: Iterable[M.Agreement], query: str, topic: Optional[str] = None,
           party: Optional[str] = None, agreement: Optional[str] = None) -> Search:
    """The articles of ``agreements`` matching ``query``, best first.

    ``topic``: only articles on it; ``party`` (alpha-2): only agreements it is a party to; ``agreement``:
    only that agreement.

    Raises:
        UsageError: the query has no words, or the topic is not in the vocabulary.
    """
    terms = Terms.parse(query)
    if not terms.all():
        raise UsageError("nothing to search for", 'give words or "a phrase in quotes", e.g. "source code"')
    if topic is not None and topic not in V.TOPICS:
        from engine.language.diagnostics import did_you_mean

        raise UsageError(f"unknown topic `{topic}`", did_you_mean(topic, V.TOPICS) or "see `tradegap list topics`")
    patterns = [(t, pattern(t)) for t in terms.all()]
    hits = []
    for a in agreements:
        if (party is not None and party not in a.parties) or (agreement is not None and a.id != agreement):
            continue
        for p in F.placed_articles(a):
            if topic is None or topic in p.article.topics:
                hit = _hit(p, terms, patterns, topic)
                hits += [hit] if hit is not None else []
    return Search(__version__, query, terms.phrases, terms.words, topic, party, agreement,
                  tuple(sorted(hits, key=_rank)))
