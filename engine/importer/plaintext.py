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


def _heading(pattern: re.Pattern, line: str, previous: str = "") -> Optional[tuple[str, str]]:
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


def read_text(text: str, path: str) -> tuple[Optional[RawTreaty], tuple[D.Diagnostic, ...]]:
    """The treaty in ``text``, or None when no article heading is found."""
    lines = [("" if _PAGE_NUMBER.match(line) else line) for line in text.split("\n")]
    start = 0
    while start < len(lines) and (lines[start].startswith("#") or not lines[start].strip()):
        start += 1
    chapters: list[dict] = []
    loose: list[RawArticle] = []
    preamble: list[str] = []
    current: Optional[dict] = None  # the article being read
    chapter: Optional[dict] = None
    skip: set[int] = set()

    def close_article() -> None:
        nonlocal current
        if current is not None:
            art = RawArticle(current["label"], current["title"], "\n".join(current["body"]).strip(),
                             f"line {current['line']}")
            (chapter["articles"] if chapter is not None else loose).append(art)
            current = None

    def heading_title(head, i: int):
        """The heading's own title, or the title on the line after it (then not read again)."""
        title = head[1]
        if not title:
            j = _next_title(lines, i)
            if j is not None:
                title = lines[j].strip()
                skip.add(j)
        return clean_text(title) or None

    for i in range(start, len(lines)):
        if i in skip:
            continue
        line = lines[i]
        previous = lines[i - 1] if i > start and i - 1 not in skip else ""
        head = _heading(_CHAPTER, line, previous)
        if head is not None:
            close_article()
            title = heading_title(head, i)
            chapter = {"label": head[0], "title": title, "articles": [], "line": i + 1}
            chapters.append(chapter)
            continue
        head = _heading(_ARTICLE, line, previous)
        if head is not None:
            close_article()
            current = {"label": head[0], "title": heading_title(head, i), "body": [], "line": i + 1}
            continue
        if current is not None:
            current["body"].append(line)
        elif chapter is None:
            preamble.append(line)
    close_article()
    if not loose and not any(c["articles"] for c in chapters):
        return None, (C.NO_ARTICLE_HEADINGS.at(M.Span(path, 1, 1, 1, 2)),)
    notes = ["plain-text import: parties, dates and status are not read from the text; add them"]
    lead = [clean_text(x) for x in preamble if x.strip()]
    title = lead[0] if lead and len(lead[0]) <= 200 else None
    if lead:
        notes.append("text before the first heading (title, preamble) is not imported")
    raw_chapters = tuple(RawChapter(c["label"], c["title"], tuple(c["articles"]), f"line {c['line']}")
                         for c in chapters)
    stem = os.path.splitext(os.path.basename(path))[0]
    return RawTreaty(ident=slug(stem), title=title, source=os.path.basename(path), chapters=raw_chapters,
                     articles=tuple(loose), notes=tuple(notes)), ()
