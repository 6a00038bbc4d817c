"""What a reader hands on: a treaty as read (metadata, chapters, articles, text), before coding.

Also the numbering rules shared by the readers: how a heading label such as
``ARTICLE 9.10``, ``ARTÍCULO 3-06`` or ``ARTICLE XIII`` becomes an article
number the language accepts, and what to say when it had to be changed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Callable, Optional

import attrs

Progress = Callable[[int, int], None]
"""Told how far a long import is: (steps done, steps in all; for a PDF, its pages). Never prints itself."""

# The language's article numbers: digits, an optional letter, dot-separated parts.
NUMBER = re.compile(r"\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*")


@attrs.frozen
class Position:
    """Where a line of the source is: its page (1-based, in the PDF's own order; None for plain text) and its
    line (1-based: on the page, every line of text counted from the top, running headers included; in a
    plain text, in the file)."""

    page: Optional[int]
    line: int

    def __str__(self) -> str:
        return f"line {self.line}" if self.page is None else f"page {self.page} line {self.line}"


@attrs.frozen
class RawFootnote:
    """A footnote of an article: its number as printed, and where its words and its marker are.

    The words follow the article's body in :attr:`RawArticle.text` (``text[start:end]``), each footnote a
    paragraph of its own, in the order of their markers; ``anchor`` is the offset in the text where the
    marker stood (the marker itself is not in the text: ``covered person1`` reads ``covered person``), None
    when the marker is in the heading or was not found.
    """

    number: str
    start: int
    end: int
    anchor: Optional[int]
    at: Position


@attrs.frozen
class RawParagraph:
    """A paragraph of an article's text: ``text[start:end]``, where it starts in the source, and the number
    of the footnote it is (None for the body)."""

    start: int
    end: int
    at: Optional[Position]
    footnote: Optional[str] = None


@attrs.frozen
class RawArticle:
    """An article as the source gives it: its heading label as written, title and body text.

    Readers that know where the words come from (plain text, PDF) also give the heading's position
    (``at``), the position of every source line in the text (``lines``: (offset, position), ascending
    offsets) and the article's footnotes, whose words follow the body in ``text``.
    """

    label: Optional[str]
    title: Optional[str]
    text: str
    ref: str  # where it is in the source, for notes: "article_identifier 36720", "line 17"
    at: Optional[Position] = None
    lines: tuple[tuple[int, Position], ...] = ()
    footnotes: tuple[RawFootnote, ...] = ()

    def position(self, offset: int) -> Optional[Position]:
        """The position of the source line that holds ``text[offset]`` (None when the reader gives none)."""
        i = bisect.bisect_right(self.lines, offset, key=lambda x: x[0]) - 1
        return self.lines[i][1] if i >= 0 else self.at

    def footnote_at(self, offset: int) -> Optional[RawFootnote]:
        """The footnote whose words hold ``text[offset]``; None in the body."""
        return next((f for f in self.footnotes if f.start <= offset < f.end), None)

    def paragraphs(self) -> tuple[RawParagraph, ...]:
        """The text's paragraphs (separated by blank lines), each with where it starts in the source."""
        out = []
        for m in _PARAGRAPH.finditer(self.text):
            note = self.footnote_at(m.start())
            out.append(RawParagraph(m.start(), m.end(), self.position(m.start()), note.number if note else None))
        return tuple(out)


_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")


@attrs.frozen
class RawChapter:
    label: Optional[str]
    title: Optional[str]
    articles: tuple[RawArticle, ...]
    ref: str


@attrs.frozen
class RawTreaty:
    """A whole treaty as read, metadata already in the language's terms."""

    ident: str
    title: Optional[str] = None
    kind: Optional[str] = None
    status: Optional[str] = None
    parties: tuple[str, ...] = ()
    signed: Optional[dt.date] = None
    in_force: Optional[dt.date] = None
    source: Optional[str] = None
    chapters: tuple[RawChapter, ...] = ()
    articles: tuple[RawArticle, ...] = ()  # outside any chapter
    notes: tuple[str, ...] = ()


# ---------------------------------------------------------------- numbering

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
WORD_NUMBERS = {w: i for i, w in enumerate(_UNITS)} | _TENS | {"premier": 1, "first": 1, "primero": 1}
_LEADING_WORD = re.compile(r"^\s*[^\W\d_]+\.?\s*[:\-\u2013]?\s*")


def roman(text: str) -> Optional[int]:
    """The value of a well-formed Roman numeral (I to CCCXCIX), else None."""
    s = text.upper()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total if _to_roman(total) == s else None


def _to_roman(n: int) -> str:
    out = []
    for v, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
                   (1, "I")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


def words_number(text: str) -> Optional[int]:
    """``TWENTY-ONE`` -> 21, ``ONE`` -> 1, ``PREMIER`` -> 1; else None."""
    parts = [p for p in re.split(r"[\s\-]+", text.lower()) if p]
    if not parts or any(p not in WORD_NUMBERS for p in parts):
        return None
    if len(parts) == 1:
        return WORD_NUMBERS[parts[0]]
    if len(parts) == 2 and parts[0] in _TENS and 0 < WORD_NUMBERS[parts[1]] < 10:
        return WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]]
    return None


def parse_label(label: str) -> tuple[Optional[str], bool]:
    """The number in a heading label and whether it is exactly as written.

    ``ARTICLE 9.10`` -> ("9.10", True); ``ARTÍCULO 3-06`` -> ("3.06", False);
    ``ARTICLE XIII`` -> ("13", False); ``ARTICLE TWENTY-ONE`` -> ("21", False);
    ``ARTICLE 25 BIS`` -> ("25bis", False); ``ARTICLE G-01`` -> ("G-01", True) and ``CHAPTER A`` -> ("A", True)
    (lettered, as Canada-Chile numbers them); ``ARTICLE`` alone -> (None, False): no number to write.
    """
    whole = _number(label.strip().rstrip(".:").strip())
    if whole[0] is not None:
        return whole
    if not _STARTS_WITH_LETTER.match(label):
        return None, False
    rest = _LEADING_WORD.sub("", label, count=1).strip().rstrip(".:").strip()
    return _number(rest) if rest else (None, False)


_STARTS_WITH_LETTER = re.compile(r"\s*[^\W\d_]")
_DASHED = re.compile(r"\d+(?:[.\-\u2013]\d+)+")
_LETTER_IN_BRACKETS = re.compile(r"(\d+)\s*\(([A-Za-z])\)")
_ORDINAL = re.compile(r"(\d+)\s*(?:ER|ST|ND|RD|TH|er|st|nd|rd|th)")
_ROMAN_NUMBER = re.compile(r"([IVXLC]+|[ivxlc]+)((?:\.\d+)*)")
_LATIN_SUFFIX = re.compile(r"\d+\s*[A-Za-z]{2,}(?:\.\d+(?:[A-Za-z]{2,}|[A-Z])?)*")  # 25 BIS, 8BIS.1
_LETTERED = re.compile(r"[A-Z](?:-\d+(?:\.\d+)*)?")  # G, G-01


def _number(rest: str) -> tuple[Optional[str], bool]:
    if NUMBER.fullmatch(rest):
        return rest, True
    if _DASHED.fullmatch(rest):
        return rest.replace("-", ".").replace("\u2013", "."), False
    m = _LETTER_IN_BRACKETS.fullmatch(rest)
    if m:
        return m.group(1) + m.group(2), False
    m = _ORDINAL.fullmatch(rest)
    if m:
        return m.group(1), False
    m = _ROMAN_NUMBER.fullmatch(rest)
    # a lone C or L is more likely a letter in a lettered sequence (A, B, C, ...) than 100 or 50
    if m and m.group(1).upper() not in ("C", "L") and roman(m.group(1)) is not None:
        return str(roman(m.group(1))) + m.group(2), False
    n = words_number(rest)
    if n is not None:
        return str(n), False
    if _LATIN_SUFFIX.fullmatch(rest):  # the language writes a Latin suffix in lower case, joined: 25bis, 8bis.1
        written = re.sub(r"[A-Za-z]{2,}", lambda m: m.group().lower(), rest.replace(" ", ""))
        return written, written == rest
    if _LETTERED.fullmatch(rest):
        return rest, True
    return None, False


def clean_text(text: str) -> str:
    """One line: runs of whitespace one space, control characters dropped."""
    return " ".join(_CONTROL.sub("", text).split())


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def slug(name: str, fallback: str = "imported") -> str:
    """An agreement id from a file name: lower case, words joined by hyphens, starting with a letter."""
    stem = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not stem:
        return fallback
    return stem if stem[0].isalpha() else f"{fallback}-{stem}"
