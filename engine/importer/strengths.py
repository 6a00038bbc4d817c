"""Strength per topic: each topic takes the strength of the paragraphs (or items) where it is found.

Every segment of the article (:mod:`engine.importer.paragraphs`) is read with the ``strength``
rules: the first that holds gives the segment's own strength (``none``: the segment commits no
one).  A segment with no strength of its own, an enumerated item above all, takes its chapeau's
("The Parties agree to: ... (b) ensure that ..." binds on (b)); an item's own hortatory words
("(ii) encourage the use of ...") describe what its chapeau commits to, and give way to it.

A topic a rule gave on the article's text alone is found where that rule's words are: the
segments on which the rule holds.  A topic a rule gave on the heading (or on the chapter or other
topics alone) is the article's subject: it is found in every segment that no other topic is found
in (in all of them when every segment is another topic's).  ``topic T within U`` says that T is
part of U: the segments where T is found stay U's too.  The topic's strength is the strongest of its
segments'; the paragraph named is the one where it is found.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, Sequence

import attrs

from engine.language import model as M
from engine.language import vocab as V
from engine.importer.conditions import Env, Found
from engine.importer.paragraphs import KnownNote, Segment, segments
from engine.importer.passages import window
from engine.importer.raw import clean_text
from engine.importer.rules_lang import Phrase, Rule

if TYPE_CHECKING:
    from engine.importer.autocode import CompiledRule

MAX_QUOTES = 3
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,2}\.\s+")  # a quote starts with the paragraph's words, not its number


@attrs.frozen
class TopicCommitment:
    """A topic's strength in one article, read from the paragraphs where the topic is found."""

    topic: str
    commitment: Optional[M.Commitment]  # None: nothing on the topic commits anyone
    paragraph: Optional[str] = None  # where it is found: "2", "1(b)"; None: no numbered paragraph


@attrs.frozen
class Reading:
    """What a segment commits to, and which segment's words say so."""

    strength: str  # a V.Strength value, or NO_STRENGTH
    rule: Rule
    found: Found
    segment: int
    rank: int = attrs.field(init=False)  # -1 for `none`

    @rank.default
    def _rank(self) -> int:
        return V.Strength.rank_of(self.strength)


class SegmentReader:
    """An article's segments and the strength each one carries."""

    def __init__(self, raw: str, strength_rules: Sequence[CompiledRule], env: Env,
                 footnotes: Sequence[KnownNote] = ()) -> None:
        self.raw = raw
        self.segments = segments(raw, footnotes)
        self.env = env
        own = [self._own(i, strength_rules) for i in range(len(self.segments))]
        self.readings: list[Optional[Reading]] = []
        self.heads: set[int] = set()  # the chapeaus that have items
        for i, reading in enumerate(own):
            self.readings.append(self._effective(i, reading))

    def _own(self, i: int, rules: Sequence[CompiledRule]) -> Optional[Reading]:
        self.env.hay = norm = self.segments[i].norm
        words = frozenset(norm.split())
        for c in rules:
            if not c.may_hold(words):
                continue
            found = c.test(self.env)
            if found is not None:
                return Reading(c.rule.args[0], c.rule, found, i)
        return None

    def chapeau(self, i: int) -> Optional[int]:
        """The chapeau segment ``i`` is an item of (the nearest one above it in its paragraph)."""
        seg = self.segments[i]
        if seg.footnote:
            return None
        for j in range(i - 1, -1, -1):
            up = self.segments[j]
            if up.paragraph != seg.paragraph:
                return None
            if up.chapeau and not up.footnote and (up.level < seg.level or up.level == seg.level == 0):
                return j
        return None

    def _effective(self, i: int, own: Optional[Reading]) -> Optional[Reading]:
        j = self.chapeau(i)
        if j is not None:
            self.heads.add(j)
        above = self.readings[j] if j is not None else None
        if own is None:
            return above
        if above is not None and own.strength == V.Strength.HORTATORY and self.segments[i].level > 0:
            return above
        return own

    def quote(self, i: int, found: Found) -> Optional[M.Quote]:
        """The words of segment ``i`` around the first text phrase of ``found`` (verbatim, white space collapsed)."""
        seg = self.segments[i]
        text = _PARAGRAPH_NUMBER.sub("", clean_text(self.raw[seg.start:seg.end]), count=1)
        phrase = next((p for f, p in found if f == "text" and isinstance(p, Phrase)), None)
        return M.Quote(window(text, phrase)) if text else None


def _holds(reader: SegmentReader, c: CompiledRule, found: Found) -> list[int]:
    """The segments a topic rule is found in: where it holds, else where one of its phrases is, else
    where the longest word of one is (a phrase that a chapeau and its item share)."""
    env = reader.env
    where = []
    for i, seg in enumerate(reader.segments):
        env.hay = seg.norm
        if c.test(env) is not None:
            where.append(i)
    if where:
        return where
    phrases = [p for f, p in found if f == "text" and isinstance(p, Phrase)]
    where = [i for i, seg in enumerate(reader.segments) if any(p.norm in seg.norm for p in phrases)]
    if where:
        return where
    keys = [f" {p.key} " for p in phrases]  # a phrase cut across two segments: where its longest word is
    return [i for i, seg in enumerate(reader.segments) if any(k in seg.norm for k in keys)]


def _homes(reader: SegmentReader, sources: dict[str, list[tuple[CompiledRule, Found]]]) -> dict[str, list[int]]:
    """For each topic, the segments where it is found."""
    located: dict[str, list[int]] = {}
    parts_of: dict[str, set[str]] = {}
    subjects = []
    for topic, rules in sources.items():
        if any(_subject(found) for _, found in rules):
            subjects.append(topic)
            continue
        located[topic] = sorted({i for c, found in rules for i in _holds(reader, c, found)})
        parts_of[topic] = {c.rule.within for c, _ in rules if c.rule.within}
    everything = list(range(len(reader.segments)))
    homes = dict(located)
    for topic in subjects:
        taken = {i for t, where in located.items() if topic not in parts_of[t] for i in where}
        homes[topic] = [i for i in everything if i not in taken] or everything
    return homes


def _best(reader: SegmentReader, where: list[int]) -> Optional[Reading]:
    """The strongest reading among the segments ``where``.  A chapeau's own reading counts through
    its items ("Each Party shall: (a) endeavour to ..." is an effort), unless it is all there is."""
    best: Optional[Reading] = None
    for i in where:
        r = reader.readings[i]
        if r is not None and i not in reader.heads and (best is None or r.rank > best.rank):
            best = r
    if best is None:
        for i in where:
            r = reader.readings[i]
            if r is not None and (best is None or r.rank > best.rank):
                best = r
    return best


def _strongest(reader: SegmentReader, where: list[int]) -> Optional[Reading]:
    """The strongest reading of the segments ``where``; when none of them says anything, their paragraphs'."""
    best = _best(reader, where)
    if best is None and where:
        paragraphs = {reader.segments[i].paragraph for i in where}
        best = _best(reader, [i for i, s in enumerate(reader.segments) if s.paragraph in paragraphs])
    return best


def topic_strengths(reader: SegmentReader, topics: Sequence[str],
                    sources: dict[str, list[tuple[CompiledRule, Found]]],
                    form_rules: Sequence[CompiledRule]) -> tuple[TopicCommitment, ...]:
    """Each topic's commitment, read from the segments where it is found."""
    homes = _homes(reader, sources)
    subjects = {t for t, rules in sources.items() if any(_subject(found) for _, found in rules)}
    numbered = any(s.paragraph for s in reader.segments)
    out = []
    for topic in topics:
        where = homes.get(topic, [])
        best = _strongest(reader, where)
        commitment = None
        if best is not None and best.rank > V.Strength.ABSENT.rank:
            commitment = _commitment(reader, best, where, form_rules)
        at = _where(reader, best, where, topic not in subjects)
        out.append(TopicCommitment(topic, commitment, at if numbered else None))
    return tuple(out)


def _subject(found: Found) -> bool:
    """Whether a topic rule makes its topic the article's subject: it held on the heading, or without a
    word of the text (on the chapter or other topics)."""
    return any(f == "heading" for f, _ in found) or not any(f == "text" for f, _ in found)


def _where(reader: SegmentReader, best: Optional[Reading], where: list[int], located: bool) -> Optional[str]:
    """The paragraph (and item) named for a topic: where its strength is read (the first segment on the topic
    that takes it, else the segment that gives it); with no strength, where the topic is found."""
    if best is not None and best.rank > V.Strength.ABSENT.rank:
        seg = reader.segments[next((i for i in where if reader.readings[i] is best), best.segment)]
        return (seg.where if located else seg.paragraph) or None
    if located and where:
        return reader.segments[where[0]].where or None
    if best is not None:
        return reader.segments[best.segment].paragraph or None
    return None


def strongest(reader: SegmentReader) -> Optional[Reading]:
    """The strongest reading of the article (None when no segment commits anyone)."""
    best = _best(reader, list(range(len(reader.segments))))
    return best if best is not None and best.rank > V.Strength.ABSENT.rank else None


def form_of(reader: SegmentReader, i: int, form_rules: Sequence[CompiledRule]) -> Optional[tuple[Rule, Found]]:
    """The first ``form`` rule that holds on segment ``i`` (else on its chapeau), with the tests that held."""
    env = reader.env
    at: Optional[int] = i
    while at is not None:
        env.hay = reader.segments[at].norm
        for c in form_rules:
            found = c.test(env)
            if found is not None:
                return c.rule, found
        at = reader.chapeau(at)
    return None


def _commitment(reader: SegmentReader, best: Reading, where: list[int],
                form_rules: Sequence[CompiledRule]) -> M.Commitment:
    held = form_of(reader, best.segment, form_rules)
    form = held[0].args[0] if held is not None else None
    quotes = [q for q in (reader.quote(best.segment, best.found),) if q is not None]
    shown = next((i for i in where if reader.readings[i] is best), None)
    if shown is not None and shown != best.segment:
        q = reader.quote(shown, ())
        if q is not None:
            quotes.append(q)
    return M.Commitment(best.strength, form, tuple(quotes[:MAX_QUOTES]))


def first_segment_at(reader: SegmentReader, pos: int) -> Optional[Segment]:
    """The segment that holds raw offset ``pos``."""
    for seg in reader.segments:
        if seg.start <= pos < seg.end:
            return seg
    return None


