"""An article's text for coding: normalized once, with its sentences and clauses marked,
and verbatim quotes around the phrases found in it."""

from __future__ import annotations

import functools
import re
from typing import Optional

from engine.language import model as M
from engine.importer.raw import clean_text
from engine.importer.rules_lang import Phrase, normalize

MAX_QUOTE = 200
SHORT_QUOTE = 60  # a quote shorter than this runs on into the next sentence
# A clause ends at a comma that a new subject follows ("..., which shall apply mutatis mutandis,
# each Party shall not adopt ..."), not at the commas of "shall, where appropriate, cooperate".
CLAUSE_END = re.compile(r",\s+(?=(?:each|the|neither|no|a|that|either|any|every)\s+part(?:y|ies)\b)",
                        re.IGNORECASE)

# Sentence and clause ends are marked in the text with words no treaty uses, so that one pass of
# normalize() serves the whole article and a part is found between two marks.
_S, _C = " qqzs ", " qqzc "
_MARK_PERIOD = re.compile(r"\.\s+")
_MARK_SEMICOLON = re.compile(r";\s+")
_MARK_BLANK = re.compile(r"\n[ \t]*\n\s*")
_UNMARK_CHAPEAU = re.compile(r":\s*qqzs ")  # a chapeau runs on into its first item
_RAW_SENTENCE_END = re.compile(r"[.;](?:\s|$)|\n[ \t]*\n")


class ArticleText:
    """An article normalized once, with its sentence and clause ends marked.

    Strength is read clause by clause (a clause ends at a comma followed by a new subject,
    "..., which shall apply mutatis mutandis, each Party shall not adopt ..."), transitions
    sentence by sentence; a sentence ends at `.` or `;` or a blank line, except after `:`.
    """

    __slots__ = ("raw", "full", "words")

    def __init__(self, raw: str):
        self.raw = raw
        marked = _MARK_BLANK.sub(_S, _MARK_SEMICOLON.sub(";" + _S, _MARK_PERIOD.sub("." + _S, raw)))
        if ":" in marked:
            marked = _UNMARK_CHAPEAU.sub(": ", marked)
        if "," in marked:
            marked = CLAUSE_END.sub("," + _C, marked)
        self.full = normalize(marked)
        self.words = frozenset(self.full.split())

    def part(self, pos: int, sentences: bool) -> tuple[int, int]:
        """(start, end) in ``full`` of the clause (or sentence) that holds ``pos``, spaces included."""
        full = self.full
        start = full.rfind(_S, 0, pos)
        start = start + 5 if start >= 0 else 0
        end = full.find(_S, pos)
        end = end + 1 if end >= 0 else len(full)
        if not sentences:
            c = full.rfind(_C, start, pos)
            start = c + 5 if c >= 0 else start
            c = full.find(_C, pos, end)
            end = c + 1 if c >= 0 else end
        return start, end

    def parts_with(self, words: tuple[str, ...], sentences: bool) -> list[tuple[int, int]]:
        """The clauses (or sentences) that hold one of ``words`` (each padded with spaces), in order."""
        full, present, out = self.full, self.words, set()
        for w in words:
            if w[1:-1] not in present:
                continue
            pos = full.find(w)
            while pos >= 0:
                part = self.part(pos + 1, sentences)
                out.add(part)
                pos = full.find(w, part[1] - 1)
        return sorted(out)

    def first_part(self, sentences: bool) -> tuple[int, int]:
        return self.part(1, sentences)

    def quote(self, phrase: Optional[Phrase], at: int = 0, clause: bool = False) -> Optional[M.Quote]:
        """The sentence around the phrase's first use at or after ``at`` in ``full`` (from the start of
        its clause when ``clause``), verbatim but for white space, at most MAX_QUOTE characters."""
        raw = self.raw
        if phrase is None:
            lo = hi = 0
        else:
            nth = self.full.count(phrase.norm, 0, at)
            m = None
            for i, found in enumerate(phrase_regex(phrase.norm).finditer(raw)):
                m = found
                if i >= nth:
                    break
            if m is None:
                return None
            lo, hi = m.span()
        start = 0
        for b in _RAW_SENTENCE_END.finditer(raw, max(0, lo - 3000), lo):
            if not (b.group()[0] == "\n" and after_colon(raw, b.start())):
                start = b.end()
        if clause:
            for c in CLAUSE_END.finditer(raw, start, lo):
                start = c.end()
        end, pos = len(raw), hi
        while True:
            stop = _RAW_SENTENCE_END.search(raw, pos)
            if stop is None:
                break
            end = stop.start() + (1 if stop.group()[0] in ".;" else 0)
            if end - start >= SHORT_QUOTE:
                break
            pos = stop.end()
        text = clean_text(raw[start:end])
        return M.Quote(window(text, phrase)) if text else None


def after_colon(raw: str, pos: int) -> bool:
    """Whether the text before ``pos`` ends with a colon (spaces aside)."""
    while pos > 0 and raw[pos - 1] in " \t":
        pos -= 1
    return pos > 0 and raw[pos - 1] == ":"


@functools.lru_cache(maxsize=4096)
def phrase_regex(norm: str) -> re.Pattern[str]:
    sep = r"(?:[\W_]|\([a-z0-9]{1,6}\))+"
    return re.compile(r"(?<![^\W_])" + sep.join(re.escape(w) for w in norm.split()) + r"(?![^\W_])", re.IGNORECASE)


def window(text: str, phrase: Optional[Phrase]) -> str:
    """At most MAX_QUOTE characters of ``text`` around the phrase, cut at spaces."""
    if len(text) <= MAX_QUOTE:
        return text
    m = phrase_regex(phrase.norm).search(text) if phrase is not None else None
    lo, hi = (m.start(), m.end()) if m else (0, 0)
    start = 0 if hi <= MAX_QUOTE else max(0, lo - 40)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < lo else start
    end = min(len(text), max(start + MAX_QUOTE, hi))
    if end < len(text):
        space = text.rfind(" ", hi, end + 1)
        end = space if space > hi else end
    return text[start:end].strip(" ,;:")
