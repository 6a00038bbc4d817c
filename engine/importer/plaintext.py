"""Read a treaty in plain text, in the usual layout, into a :class:`RawTreaty`.

Headings are lines (Markdown ``#`` and ``**`` marks aside) such as ``CHAPTER 14 ELECTRONIC COMMERCE``, ``Chapter 12:
Electronic Commerce`` or ``CHAPTER 12`` with the title on the next line, and
``Article 14.11: Cross-Border Transfer of Information`` or ``ARTICLE 8`` with
the title on the next line.  Everything else is body text (numbered paragraphs
stay in the body).  A line that starts like a heading but reads as running
text (``Article 10.8 (Reservations ...``, ``Article 8.71 of the Agreement
shall ...``) is not a heading.  Leading ``#`` lines are a header and skipped; lines that hold only a page number
are dropped.
"""

from __future__ import annotations

import os
import re
from typing import Optional

import attrs

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.importer.raw import RawArticle, RawChapter, RawTreaty, clean_text, parse_label, slug

_ARTICLE = re.compile(r"^\s*(?P<label>(?:ARTICLE|Article|ART\.|Art\.)\s*(?P<num>[0-9IVXLC][0-9A-Za-z.\-]*"
                      r"|[A-Z][A-Za-z]+(?:-[A-Za-z]+)?))\s*[:.\-\u2013\u2014]?\s*(?P<title>.*?)\s*$")
_CHAPTER = re.compile(r"^\s*(?P<label>(?:CHAPTER|Chapter)\s+(?P<num>[0-9IVXLC][0-9A-Za-z.\-]*"
                      r"|[A-Z][A-Za-z]+(?:-[A-Za-z]+)?))\s*[:.\-\u2013\u2014]?\s*(?P<title>.*?)\s*$")
MAX_HEADING = 160
# A line that is only a page number ("12-11", "- 3 -"), left by PDF extraction.
_PAGE_NUMBER = re.compile(r"^\s*-?\s*\d{1,3}(?:-\d{1,3})?\s*-?\s*$")


def _title_ok(title: str) -> bool:
    """Whether the words after a heading's number read as a title, not as running text."""
    if not title:
        return True
    if len(title) > MAX_HEADING or title[0] in "(,;[" or title[0].islower() or title.endswith((",", ";")):
        return False
    return not re.match(r"(?i)(of|and|or|to|shall|is|are|in|under|as|which|that)\b", title)


def _next_title(lines: list[str], i: int) -> Optional[int]:
    """The index of the line after ``i`` that is a heading's title on a line of its own, if any."""
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines):
        return None
    line = lines[j].strip()
    if len(line) > 100 or not line[0].isupper() or line.endswith((".", ",", ";", ":")):
        return None
    if _ARTICLE.match(line) or _CHAPTER.match(line) or re.match(r"^(\d+|\(?[a-z]\))[.)]?\s", line):
        return None
    return j


_MARKUP = re.compile(r"^\s*#{1,6}\s+|\*\*|__")


def _heading(pattern: re.Pattern[str], line: str, previous: str = "") -> Optional[tuple[str, str]]:
    """(label, title) when ``line`` is a heading; a line that continues a sentence is not."""
    if re.search(r"[a-z,]\s*$", previous):
        return None  # "... defined in subparagraph (t) of" / "Article 44." is running text
    m = pattern.match(_MARKUP.sub("", line))
    if m is None or not _title_ok(m.group("title")):
        return None
    number, _ = parse_label(m.group("label"))
    if number is None and not re.match(r"[0-9IVXLC]", m.group("num")):
        return None  # "Article Definitions": not a numbered heading
    return m.group("label").strip(), m.group("title")


@attrs.define
class _Chapter:
    """A chapter being read: its heading, the line it is on, its articles so far."""

    label: str
    title: Optional[str]
    line: int
    articles: list[RawArticle] = attrs.Factory(list)

    def raw(self) -> RawChapter:
        return RawChapter(self.label, self.title, tuple(self.articles), f"line {self.line}")


@attrs.define
class _Article:
    """An article being read: its heading, the line it is on, its body lines so far."""

    label: str
    title: Optional[str]
    line: int
    body: list[str] = attrs.Factory(list)

    def raw(self) -> RawArticle:
        return RawArticle(self.label, self.title, "\n".join(self.body).strip(), f"line {self.line}")


class _Reader:
    """Reads the lines of a treaty into chapters and articles, one line at a time."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.chapters: list[_Chapter] = []
        self.loose: list[RawArticle] = []  # articles before any chapter
        self.preamble: list[str] = []  # lines before the first heading
        self.chapter: Optional[_Chapter] = None
        self.article: Optional[_Article] = None
        self.skip: set[int] = set()  # title lines already read with their heading

    def read(self, start: int) -> None:
        """Read from line ``start`` to the end."""
        for i in range(start, len(self.lines)):
            if i not in self.skip:
                previous = self.lines[i - 1] if i > start and i - 1 not in self.skip else ""
                self.line(i, previous)
        self.close_article()

    def line(self, i: int, previous: str) -> None:
        """Line ``i``: a chapter heading, an article heading, or text (``previous``: the line before it)."""
        line = self.lines[i]
        head = _heading(_CHAPTER, line, previous)
        if head is not None:
            self.close_article()
            self.chapter = _Chapter(head[0], self.heading_title(head, i), i + 1)
            self.chapters.append(self.chapter)
            return
        head = _heading(_ARTICLE, line, previous)
        if head is not None:
            self.close_article()
            self.article = _Article(head[0], self.heading_title(head, i), i + 1)
        elif self.article is not None:
            self.article.body.append(line)
        elif self.chapter is None:
            self.preamble.append(line)

    def close_article(self) -> None:
        """The article being read is complete: it goes to its chapter (or stands outside chapters)."""
        if self.article is not None:
            (self.chapter.articles if self.chapter is not None else self.loose).append(self.article.raw())
            self.article = None

    def heading_title(self, head: tuple[str, str], i: int) -> Optional[str]:
        """The heading's own title, or the title on the line after it (then not read again)."""
        title = head[1]
        if not title:
            j = _next_title(self.lines, i)
            if j is not None:
                title = self.lines[j].strip()
                self.skip.add(j)
        return clean_text(title) or None

    def found_articles(self) -> bool:
        return bool(self.loose) or any(c.articles for c in self.chapters)


def read_text(text: str, path: str) -> tuple[Optional[RawTreaty], tuple[D.Diagnostic, ...]]:
    """The treaty in ``text``, or None when no article heading is found."""
    lines = [("" if _PAGE_NUMBER.match(line) else line) for line in text.split("\n")]
    start = 0
    while start < len(lines) and (lines[start].startswith("#") or not lines[start].strip()):
        start += 1
    reader = _Reader(lines)
    reader.read(start)
    if not reader.found_articles():
        return None, (C.NO_ARTICLE_HEADINGS.at(M.Span(path, 1, 1, 1, 2)),)
    notes = ["plain-text import: parties, dates and status are not read from the text; add them"]
    lead = [clean_text(x) for x in reader.preamble if x.strip()]
    title = lead[0] if lead and len(lead[0]) <= 200 else None
    if lead:
        notes.append("text before the first heading (title, preamble) is not imported")
    stem = os.path.splitext(os.path.basename(path))[0]
    return RawTreaty(ident=slug(stem), title=title, source=os.path.basename(path),
                     chapters=tuple(c.raw() for c in reader.chapters), articles=tuple(reader.loose),
                     notes=tuple(notes)), ()
