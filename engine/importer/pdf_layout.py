"""From the rows of a PDF's pages to the body lines and footnotes of its text.

- **Running headers, footers and page numbers.** The first and last three rows of every page are looked at.
  A row that reads as a page number (``12``, ``12-3``, ``- 12 -``, ``Page 12 of 40``, ``12/40``) is dropped
  there.  So is a row repeated word for word at the same height (within 3 points) at the top or foot of
  several pages (at least 2 when the document has 4 pages or fewer, else 3; more than half of the pages for
  a row that reads like a heading), with at least 4 letters, or alike but for a number that counts the pages
  after a separator (``Chapter 12 - 3``), when it stands apart from the text: further than 1.3 lines from
  the next row.
- **Footnotes.** The body's size is the size most text of the document is in.  At the foot of a page, the
  rows in a smaller size form the page's footnotes when one of them starts with a footnote number (a
  superscript, or a number followed by a space); a footnote runs until the next one starts.  Small rows
  before the first number continue the last footnote of the page before.  A body row's superscript
  numbers are markers of the page's footnotes (``7, 8`` marks two), kept as marks in the line's text.
- **Lines.** Each remaining row is a :class:`~engine.importer.lines.Line` at its page and line (every row
  of the page counted from the top, running header included).
"""

from __future__ import annotations

import collections
import re
from typing import Sequence

import attrs

from engine.importer.lines import Footnote, Line, mark, visible
from engine.importer.pdf_rows import Row
from engine.importer.raw import Position

EDGE = 3  # rows looked at, at the top and at the foot of each page
FOOTNOTE_RATIO = 0.92  # footnote text is smaller than the body's by at least this much
PARAGRAPH_GAP = 1.25  # rows further apart than this many times the usual leading: a paragraph ends
_PAGE_NUMBER = re.compile(r"(?i)\s*(?:page\s+)?[-\u2013\u2014]?\s*\d{1,4}(?:\s*[-\u2013]\s*\d{1,4})?"
                          r"\s*[-\u2013\u2014]?\s*(?:(?:of|/)\s*\d{1,4})?\s*")
_NOTE_START = re.compile(r"\s*(\d{1,3}|[*\u2020\u2021])\s+(?=\S)")
_NUMBERS = re.compile(r"\d{1,3}|[*\u2020\u2021]")


@attrs.frozen
class Page:
    number: int  # 1-based
    rows: tuple[Row, ...]  # top to bottom


def body_size(pages: Sequence[Page]) -> float:
    """The size most of the document's text is in."""
    sizes: collections.Counter[float] = collections.Counter()
    for page in pages:
        for r in page.rows:
            sizes[round(r.size, 1)] += len(r.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def furniture(pages: Sequence[Page]) -> set[tuple[int, int]]:
    """(page, row index) of every running header, footer and page number."""
    seen: dict[str, list[tuple[int, float, str]]] = collections.defaultdict(list)
    edges = []
    for page in pages:
        n = len(page.rows)
        for i in sorted(set(range(min(EDGE, n))) | set(range(max(0, n - EDGE), n))):
            text = " ".join(page.rows[i].text.split())
            key = re.sub(r"\d+", "#", text.lower())
            seen[key].append((page.number, page.rows[i].y, text))
            edges.append((page.number, i, key, text, page.rows[i]))
    need = 2 if len(pages) <= 4 else 3
    numbers, repeated = set(), set()
    for number, i, key, text, row in edges:
        if _PAGE_NUMBER.fullmatch(text):
            numbers.add((number, i))
        elif sum(c.isalpha() for c in key) >= 4:
            same = [(p, t) for p, y, t in seen[key] if abs(y - row.y) <= 3]
            # a heading (ARTICLE 1 opening every chapter on a new page) repeats, but not on most pages
            least = max(need, len(pages) // 2 + 1) if _HEADING.match(text) else need
            if len({p for p, t in same if t == text}) >= least or _counts_pages(same, need):
                repeated.add((number, i))
    return numbers | _set_apart(pages, repeated, numbers)


def _set_apart(pages: Sequence[Page], repeated: set[tuple[int, int]], numbers: set[tuple[int, int]]
               ) -> set[tuple[int, int]]:
    """The repeated rows that stand apart from the text: a block of them at the top (or foot) of a page,
    further from the next row of text than 1.3 times the usual line spacing (a line of the body that
    happens to repeat has its neighbour at the usual spacing)."""
    leading = _leading(pages, body_size(pages))
    out = set()
    for page in pages:
        edge = repeated | numbers
        n = len(page.rows)
        top = next((i for i in range(n) if (page.number, i) not in edge), n)
        bottom = next((i for i in range(n - 1, -1, -1) if (page.number, i) not in edge), -1)
        if top == n or (top > 0 and page.rows[top - 1].y - page.rows[top].y > leading * 1.3):
            out |= {(page.number, i) for i in range(top)}
        if bottom >= 0 and bottom < n - 1 and page.rows[bottom].y - page.rows[bottom + 1].y > leading * 1.3:
            out |= {(page.number, i) for i in range(bottom + 1, n)}
    return out & repeated


_HEADING = re.compile(r"(?i)\s*(?:article|art\.|chapter|section|annex|part)\s+[0-9ivxlc]")


def _counts_pages(same: list[tuple[int, str]], need: int) -> bool:
    """Whether the rows (page, text), alike but for their numbers, end with a number that counts the pages
    after a separator or the word page (``Chapter 12 - 3`` on page 40, ``Chapter 12 - 4`` on page 41):
    it goes up by one from page to page.  (``Article 5``, ``Article 6`` at the top of pages 5 and 6 are
    headings, not page numbers.)"""
    if len(same) < need or not all(_COUNTER.search(t) for _, t in same):
        return False
    numbers = sorted({(p, int(_COUNTER.search(t).group(1))) for p, t in same})  # type: ignore[union-attr]
    return all(b[1] - a[1] == b[0] - a[0] for a, b in zip(numbers, numbers[1:]))


_COUNTER = re.compile(r"(?:[-\u2013\u2014/|:]|\bpage|\bp\.)\s*(\d+)\D*$", re.IGNORECASE)


@attrs.define
class _Notes:
    """The footnotes read so far, and the body lines before each."""

    notes: list[Footnote] = attrs.Factory(list)

    def start(self, page: int, number: str, line: Line, after: int) -> None:
        self.notes.append(Footnote(f"p{page}n{number}#{len(self.notes)}", number, (line,), after))

    def extend(self, line: Line) -> None:
        self.notes[-1] = attrs.evolve(self.notes[-1], lines=self.notes[-1].lines + (line,))


def split(pages: Sequence[Page]) -> tuple[list[Line], list[Footnote]]:
    """The body lines of the document, in order, and its footnotes."""
    drop = furniture(pages)
    size = body_size(pages)
    body: list[Line] = []
    notes = _Notes()
    leading = _leading(pages, size)
    for page in pages:
        kept = [(i, r) for i, r in enumerate(page.rows) if (page.number, i) not in drop]
        cut = _footnote_zone(kept, size, bool(notes.notes))
        keys = _read_notes(page.number, kept[cut:], notes, len(body))
        above = None
        for i, r in kept[:cut]:
            if above is not None and above - r.y > leading * PARAGRAPH_GAP or above is None and body \
                    and _ends_paragraph(body[-1].text, r.text):
                body.append(Line("", Position(page.number, i + 1)))
            body.append(Line(_marked(r, keys), Position(page.number, i + 1)))
            above = r.y
    return body, notes.notes


_ENDS = re.compile(r"(?:[.:]|;(?:\s+(?:and|or))?)\s*$")
_STARTS = re.compile(r"\s*(?:\(\w{1,5}\)|\d{1,3}\.\s|[A-Z])")


def _ends_paragraph(last: str, first: str) -> bool:
    """Across a page break, whether a paragraph ends: the page's last line ends a sentence or clause (``.``,
    ``;``, ``:``, ``; and``, ``; or``), and the next page's first line starts like a paragraph (``(e)``,
    ``2.``, a capital)."""
    return _ENDS.search(visible(last)) is not None and _STARTS.match(first) is not None


def _leading(pages: Sequence[Page], size: float) -> float:
    """The distance most often seen between two rows of body text, one under the other (within a paragraph:
    at most 1.5 times the size, when any is)."""
    gaps: collections.Counter[float] = collections.Counter()
    for page in pages:
        for a, b in zip(page.rows, page.rows[1:]):
            if abs(a.size - size) < 0.1 and abs(b.size - size) < 0.1 and a.y > b.y:
                gaps[round(a.y - b.y, 1)] += 1
    tight = collections.Counter({g: n for g, n in gaps.items() if g <= size * 1.5}) or gaps
    return tight.most_common(1)[0][0] if tight else size * 1.2


def _footnote_zone(kept: list[tuple[int, Row]], size: float, earlier: bool) -> int:
    """Where the page's footnotes start in ``kept`` (``len(kept)`` when it has none)."""
    cut = len(kept)
    while cut > 0 and kept[cut - 1][1].size < size * FOOTNOTE_RATIO:
        cut -= 1
    zone = [r for _, r in kept[cut:]]
    starts = [_note_start(r) is not None for r in zone]
    if not any(starts):
        return len(kept)
    if not starts[0] and not earlier:  # small text above the first footnote that continues nothing
        cut += starts.index(True)
    return cut


def _note_start(r: Row) -> tuple[str, str] | None:
    """(number, the rest) when the row starts a footnote: a superscript number, or a number and a space."""
    segments = r.segments()
    if segments and segments[0][1]:
        return segments[0][0].strip(), "".join(t for t, _ in segments[1:])
    m = _NOTE_START.match(r.text)
    return (m.group(1), r.text[m.end():]) if m else None


def _read_notes(page: int, zone: list[tuple[int, Row]], notes: _Notes, after: int) -> dict[str, str]:
    """The page's footnotes into ``notes``; their number -> key."""
    keys: dict[str, str] = {}
    for i, r in zone:
        start = _note_start(r)
        if start is None and notes.notes:
            notes.extend(Line(r.text.strip(), Position(page, i + 1)))
        elif start is not None:
            notes.start(page, start[0], Line(start[1].strip(), Position(page, i + 1)), after)
            keys.setdefault(start[0], notes.notes[-1].key)
    return keys


def _marked(r: Row, keys: dict[str, str]) -> str:
    """The row's text, its superscript numbers that name a footnote of the page written as marks."""
    out: list[str] = []
    for text, marker in r.segments():
        numbers = _NUMBERS.findall(text) if marker else []
        if numbers and all(n in keys for n in numbers):
            if out:
                out[-1] = out[-1].rstrip()  # a marker belongs to the word before it
            out.append("".join(mark(keys[n]) for n in numbers))
        else:
            out.append(text)
    return _SPACES.sub(" ", "".join(out))  # pypdf adds a space for a gap, the text may hold one too


_SPACES = re.compile(r"(?<=\S)[ \t]{2,}")
