"""Read a treaty in plain text, in the usual layout, into a :class:`RawTreaty`.

Headings are lines (Markdown ``#`` and ``**`` marks aside) such as ``CHAPTER 14 ELECTRONIC COMMERCE``, ``Chapter 12:
Electronic Commerce`` or ``CHAPTER 12`` with the title on the next line, and
``Article 14.11: Cross-Border Transfer of Information`` or ``ARTICLE 8`` with
the title on the next line.  Everything else is body text (numbered paragraphs
stay in the body).  A line that starts like a heading but reads as running
text (``Article 10.8 (Reservations ...``, ``Article 8.71 of the Agreement
shall ...``) is not a heading.  Leading ``#`` lines are a header and skipped; lines that hold only a page number
are dropped.  Markdown footnotes (``covered person[^1]``, and ``[^1]: For greater certainty, ...`` on a line of its
own) become footnotes of the article whose text holds the marker.

The heading logic (:func:`read_lines`) also reads the lines of a PDF (:mod:`engine.importer.pdf`): lines that
know their page and line, footnotes already taken out, their markers left in the text as marks.
"""

from __future__ import annotations

import os
import re
from typing import Optional, Sequence

import attrs

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.importer.lines import Footnote, Line, assemble, keys, mark, visible
from engine.importer.raw import Position, RawArticle, RawChapter, RawTreaty, clean_text, parse_label, slug

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


def _next_title(lines: Sequence[str], i: int) -> Optional[int]:
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
class _Article:
    """An article being read: its heading, where it is, its body lines and footnote keys so far."""

    label: str
    title: Optional[str]
    at: Position
    body: list[Line] = attrs.Factory(list)
    notes: list[Footnote] = attrs.Factory(list)
    heading_keys: list[str] = attrs.Factory(list)  # footnotes marked in the heading

    def raw(self) -> RawArticle:
        text, lines, notes = assemble(self.body, self.notes)
        return RawArticle(self.label, self.title, text, str(self.at), self.at, lines, notes)


@attrs.define
class _Chapter:
    """A chapter being read: its heading, where it is, its articles so far."""

    label: str
    title: Optional[str]
    at: Position
    articles: list[_Article] = attrs.Factory(list)

    def raw(self) -> RawChapter:
        return RawChapter(self.label, self.title, tuple(a.raw() for a in self.articles), str(self.at))


class _Reader:
    """Reads the lines of a treaty into chapters and articles, one line at a time."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.texts = [visible(x.text) for x in lines]  # what headings are read from
        self.chapters: list[_Chapter] = []
        self.loose: list[_Article] = []  # articles before any chapter
        self.preamble: list[str] = []  # lines before the first heading
        self.chapter: Optional[_Chapter] = None
        self.article: Optional[_Article] = None
        self.skip: set[int] = set()  # title lines already read with their heading
        self.owner: list[Optional[_Article]] = []  # the article each line went to (or was read in)
        self.marked: dict[str, _Article] = {}  # footnote key -> the article whose text (or heading) marks it

    def read(self, start: int) -> None:
        """Read from line ``start`` to the end."""
        self.owner = [None] * len(self.lines)
        for i in range(start, len(self.lines)):
            if i not in self.skip:
                previous = self.texts[i - 1] if i > start and i - 1 not in self.skip else ""
                self.line(i, previous)
            self.owner[i] = self.article

    def line(self, i: int, previous: str) -> None:
        """Line ``i``: a chapter heading, an article heading, or text (``previous``: the line before it)."""
        line = self.texts[i]
        head = _heading(_CHAPTER, line, previous)
        if head is not None:
            self.article = None
            self.chapter = _Chapter(head[0], self.heading_title(head, i), self.lines[i].at)
            self.chapters.append(self.chapter)
            return
        head = _heading(_ARTICLE, line, previous)
        if head is not None:
            self.article = _Article(head[0], None, self.lines[i].at)
            self.article.title = self.heading_title(head, i)
            (self.chapter.articles if self.chapter is not None else self.loose).append(self.article)
            self.take_marks(self.lines[i].text, self.article, heading=True)
        elif self.article is not None:
            self.article.body.append(self.lines[i])
            self.take_marks(self.lines[i].text, self.article)
        elif self.chapter is None:
            self.preamble.append(line)

    def take_marks(self, text: str, article: _Article, heading: bool = False) -> None:
        for key in keys(text):
            self.marked.setdefault(key, article)
            if heading:
                article.heading_keys.append(key)

    def heading_title(self, head: tuple[str, str], i: int) -> Optional[str]:
        """The heading's own title, or the title on the line after it (then not read again)."""
        title = head[1]
        if not title:
            j = _next_title(self.texts, i)
            if j is not None:
                title = self.texts[j].strip()
                self.skip.add(j)
                if self.article is not None:
                    self.take_marks(self.lines[j].text, self.article, heading=True)
        return clean_text(title) or None

    def attach(self, notes: Sequence[Footnote]) -> None:
        """Each footnote to the article that marks it, else to the article it is printed in (in the order of
        the marks, the heading's first, unmarked ones last)."""
        for note in notes:
            article = self.marked.get(note.key)
            if article is None and 0 < note.after <= len(self.owner):
                article = self.owner[note.after - 1]
            if article is not None:
                article.notes.append(note)
        for a in self.articles():
            marked = a.heading_keys + [k for x in a.body for k in keys(x.text)]
            order = {k: n for n, k in reversed(list(enumerate(marked)))}
            a.notes.sort(key=lambda n: order.get(n.key, len(order)))

    def articles(self) -> list[_Article]:
        return self.loose + [a for c in self.chapters for a in c.articles]


_MARKUP = re.compile(r"^#+\s*|(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
_NAMES_AN_AGREEMENT = re.compile(r"(?i)^(?:the\s+)?(?:[\w\-]+\s+){0,6}(?:agreement|treaty|protocol|convention)\b[^.;]*$")


def lead_title(lead: Sequence[str]) -> Optional[str]:
    """The treaty's title from the lines before its first heading: the first short line that names an
    agreement (``# AGREEMENT ON ELECTRONIC COMMERCE``, ``Free Trade Agreement between ...``), Markdown marks
    taken off; else the first line, if short.  A cover page's letterhead (``**World Trade Organization**``)
    is not a title when a line names the agreement."""
    lines = [_MARKUP.sub("", x).strip() for x in lead]
    lines = [x for x in lines if x and len(x) <= 200]
    named = next((x for x in lines if len(x) <= 120 and _NAMES_AN_AGREEMENT.match(x)), None)
    return named or (lines[0] if lines else None)


def read_lines(lines: Sequence[Line], notes: Sequence[Footnote], path: str, start: int = 0, what: str = "plain-text"
               ) -> tuple[Optional[RawTreaty], tuple[D.Diagnostic, ...]]:
    """The treaty in ``lines`` (from ``start``), its footnotes attached to their articles; None when no
    article heading is found.  ``what`` names the kind of source in the agreement's notes."""
    reader = _Reader(lines)
    reader.read(start)
    if not reader.articles():
        return None, (C.NO_ARTICLE_HEADINGS.at(M.Span(path, 1, 1, 1, 2)),)
    reader.attach(notes)
    notes_out = [f"{what} import: parties, dates and status are not read from the text; add them"]
    lead = [clean_text(x) for x in reader.preamble if x.strip()]
    title = lead_title(lead)
    if lead:
        notes_out.append("text before the first heading (title, preamble) is not imported")
    stem = os.path.splitext(os.path.basename(path))[0]
    return RawTreaty(ident=slug(stem), title=title, source=os.path.basename(path),
                     chapters=tuple(c.raw() for c in reader.chapters), articles=tuple(a.raw() for a in reader.loose),
                     notes=tuple(notes_out)), ()


def read_text(text: str, path: str) -> tuple[Optional[RawTreaty], tuple[D.Diagnostic, ...]]:
    """The treaty in ``text``, or None when no article heading is found."""
    lines, notes = _markdown_footnotes(text.split("\n"))
    start = 0
    while start < len(lines) and (lines[start].text.startswith("#") or not lines[start].text.strip()):
        start += 1
    return read_lines(lines, notes, path, start)


_MD_MARK = re.compile(r"\[\^([^\]\s]{1,20})\]")
_MD_DEFINITION = re.compile(r"^\s{0,3}\[\^([^\]\s]{1,20})\]:[ \t]*(.*)$")


def _markdown_footnotes(raw: list[str]) -> tuple[list[Line], list[Footnote]]:
    """The lines (page numbers blanked, footnote markers as marks) and the footnote definitions taken out.

    A marker names the next definition of its label (labels may repeat: numbering restarts in each
    chapter); a definition runs on to the next blank line, heading or definition."""
    lines: list[Line] = []
    notes: list[Footnote] = []
    uses: dict[str, int] = {}  # label -> how many definitions of it were read
    note: Optional[list[Line]] = None
    for n, text in enumerate(raw, 1):
        at = Position(None, n)
        d = _MD_DEFINITION.match(text)
        if d:
            label = d.group(1)
            note = [Line(d.group(2), at)]
            notes.append(Footnote(f"{label}~{uses.get(label, 0)}", label, (), len(lines)))
            uses[label] = uses.get(label, 0) + 1
            notes[-1] = attrs.evolve(notes[-1], lines=tuple(note))
            continue
        if note is not None and text.strip() and not (_ARTICLE.match(text) or _CHAPTER.match(text)):
            note.append(Line(text, at))
            notes[-1] = attrs.evolve(notes[-1], lines=tuple(note))
            continue
        note = None
        if _PAGE_NUMBER.match(text):
            text = ""
        elif "[^" in text:
            text = _MD_MARK.sub(lambda m: mark(f"{m.group(1)}~{uses.get(m.group(1), 0)}"), text)
        lines.append(Line(text, at))
    return lines, notes
