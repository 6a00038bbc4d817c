"""Article and chapter numbers as the source writes them: never made up.

A number is used as the heading writes it, or as the language writes the same number (``ARTICLE XIII`` is
article 13, ``ARTÍCULO 3-06`` article 3.06, ``ARTICLE 25 BIS`` article 25bis: a note says how the text wrote
it), or, where the heading gives none, as the article's opening words write it (``Article 13 Title``).  An
article the source gives no number, one whose number the language cannot write (``ARTICLE G-01``), and one
whose number was given before where it must be unique is written ``article unnumbered N``: the N-th such in its
scope, a placeholder no treaty number can be taken for, with a note and a warning (W0520).  Chapters likewise.

A text whose chapters each number their articles afresh (SAFTA 2003: ``ARTICLE 1`` in every chapter) is
imported ``numbering per-chapter``: a number is then unique within its chapter.  Elsewhere article numbers are
unique in the agreement.  Chapter numbers are unique in every agreement (a chapter is named by its number): a
chapter number the text gives twice (the chapters of each Title of an EU agreement) gets a placeholder, with a
note and a warning naming the number the text wrote.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

import attrs

from engine.importer.raw import RawArticle, RawChapter, clean_text, parse_label
from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M

# "Article 13 Title" opening an article's text when the source gives no number
OPENING = re.compile(r"^\s*((?:ARTICLE|Article|ARTÍCULO|Artículo|ART\.|Art\.)\s+[0-9IVXLC][0-9A-Za-z.\-]*)"
                     r"[ \t:.\-\u2013]*([^\n]*)")


@attrs.frozen
class Written:
    """A number as the source writes it.

    Attributes:
        number: as the language writes it; None: the source gives none the language can write.
        words: the words it is read from (the heading's label, or the opening words); "" when there are none.
        exact: the label is the number exactly as the language writes it.
        from_text: read from the article's opening words, its heading giving no number.
    """

    number: Optional[str]
    words: str = ""
    exact: bool = False
    from_text: bool = False


def written_article(item: RawArticle) -> Written:
    """The number an article's heading (else its opening words) writes."""
    if item.label:
        number, exact = parse_label(item.label)
        return Written(number, clean_text(item.label), exact)
    m = OPENING.match(item.text) if item.text else None
    if m is None:
        return Written(None)
    origin = m.group(1).strip()
    return Written(parse_label(origin)[0], clean_text(origin), from_text=True)


def written_chapter(ch: RawChapter) -> Written:
    """The number a chapter's heading writes."""
    if not ch.label:
        return Written(None)
    number, exact = parse_label(ch.label)
    return Written(number, clean_text(ch.label), exact)


def restarts(groups: Iterable[Sequence[Written]]) -> bool:
    """Whether some number stands in two groups (chapters): the text numbers each chapter's articles afresh."""
    seen: dict[str, int] = {}
    for i, numbers in enumerate(groups):
        for w in numbers:
            if w.number is not None and seen.setdefault(w.number, i) != i:
                return True
    return False


@attrs.frozen
class Numbered:
    """The number an article or chapter is written with, the note that says how the text wrote it, and (for a
    placeholder) why the source's number could not be used."""

    number: str
    note: Optional[str] = None
    placeholder: Optional[str] = None


class Scope:
    """The numbers of one scope (the agreement; with numbering per chapter, one chapter, or the articles outside
    chapters): each number of the source taken as written, once where ``unique``; a placeholder
    ``unnumbered N``, counted from 1, for the rest."""

    def __init__(self, what: str, where: str = "", unique: bool = True) -> None:
        self.what, self.where, self.unique = what, where, unique
        self.used: set[str] = set()
        self.ordinal = 0

    def take(self, w: Written, ref: str) -> Numbered:
        """The number of the next article (or chapter) of the scope, whose source writes ``w``."""
        if w.number is not None and not (self.unique and w.number in self.used):
            self.used.add(w.number)
            if w.exact:
                return Numbered(w.number)
            if w.from_text:
                return Numbered(w.number, f"numbered {w.number} from its opening words `{w.words}` ({ref} gives no "
                                          "number)")
            return Numbered(w.number, f"numbered {w.number}: the text writes `{w.words}`")
        self.ordinal += 1
        placeholder = M.unnumbered(self.ordinal)
        why = self._why(w)
        return Numbered(placeholder, f"{self.what} {placeholder}: {why} ({ref})", why)

    def _why(self, w: Written) -> str:
        if w.number is not None:
            return f"the text numbers it `{w.words}`, a number given before{self.where}"
        if w.words:
            return f"the text writes `{w.words}`, which gives no {self.what} number the language can write"
        return "the source gives it no number"


def placeholder_warning(path: str, what: str, numbered: Numbered, ref: str, chapter: Optional[str]) -> D.Diagnostic:
    """The warning (W0520) that an article or chapter is written with a placeholder, and why."""
    where = f" of chapter {chapter}" if chapter is not None else ""
    return C.PLACEHOLDER_NUMBER.at(M.Span(path), what=what, placeholder=numbered.number, where=where, ref=ref,
                                   why=numbered.placeholder or "")
