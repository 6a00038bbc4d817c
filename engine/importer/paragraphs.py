"""An article's text cut into its numbered paragraphs, and each paragraph into segments.

A **paragraph** starts where the text numbers one (``1.``, ``2.`` ...) at the start of a line or
after the end of a sentence, in sequence from 1; text before the first (a chapeau such as "For
the purposes of this Chapter:") and an article with no numbered paragraph form the paragraph
``""``.  A **footnote** printed inside the text (a line that starts with its number, ``11 Cambodia
...`` or ``16-1For greater clarity ...``) belongs to the paragraph that carries its mark
(``territory.11``, ``charges16-1``), wherever the page break put it.

A **segment** is the unit a strength is read from: a paragraph is cut after ``.`` ``;`` and ``:``,
at blank lines, before an enumerated item at the start of a line, and at a comma that a new subject
follows ("..., each Party shall ...").  A segment that ends with ``:`` is a chapeau; an item
``(a)`` is one level under its chapeau, ``(i)`` two, ``(A)`` three.  Offsets are into the raw text,
so that quotes stay verbatim.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional, Sequence

import attrs

from engine.importer.passages import CLAUSE_END
from engine.importer.rules_lang import normalize

_NUMBERED = re.compile(r"(?:^[ \t]*|(?<=[.;:!?)\]\u201d\"\u2019])[ \t]+)(\d{1,2})\.(?=[ \t]*\n|[ \t]+[^\d\s])", re.M)
_FOOTNOTE_BODY = re.compile(r"^[ \t]*(\d{1,2}(?:-\d{1,2})?)(?![.\d\-])[ \t]*\n?[ \t]*(?=[A-Z\u201c\"])", re.M)
_BREAK = re.compile(r"[.;:](?=\s)|\n[ \t]*\n|\n(?=[ \t]*\(?(?:[a-z]{1,2}|[ivxl]{1,5}|[A-Z]|\d{1,2})\)[ \t])")
_ENUMERATOR = re.compile(r"\s*(?:\d{1,2}\.\s+)?\(?([a-z]{1,2}|[ivxlc]{1,5}|[A-Z]|\d{1,2})\)[ \t]")
_ROMAN = re.compile(r"[ivxl]+")
_LETTER_BEFORE_ROMAN = {"i": "h", "v": "u", "x": "w", "l": "k"}
_BLANK = re.compile(r"\n[ \t]*\n")
_JOINS_BEFORE = re.compile(r"(?i)(?:and|or|and/or)[,;]?")
_NUMBER_ONLY = re.compile(r"\d{1,2}\.")
_CHAPEAU_END = re.compile(r":\s*(?:\d{1,2}(?:-\d{1,2})?)?\s*$")
LETTERS, ROMAN, CAPITALS = 1, 2, 3


@attrs.frozen
class Segment:
    """A piece of a paragraph: raw offsets, the paragraph's label, where it sits among the items."""

    start: int
    end: int
    paragraph: str  # "2"; "" before the first numbered paragraph or when there is none
    item: str  # "(b)(ii)": the enumerated item it is in, "" outside items
    level: int  # 0 outside items, LETTERS for (a), ROMAN for (i), CAPITALS for (A)
    chapeau: bool  # ends with ":" (its items follow)
    footnote: bool  # a footnote's text, moved to the paragraph that carries its mark
    norm: str  # normalize() of its text

    @property
    def where(self) -> str:
        """``1(b)``: the paragraph and the item."""
        return self.paragraph + self.item


def paragraph_starts(raw: str) -> list[tuple[int, str]]:
    """(offset, label) of each numbered paragraph, in order: numbers in sequence from 1, each at
    the start of a line or after the end of a sentence."""
    out: list[tuple[int, str]] = []
    expected = 1
    for m in _NUMBERED.finditer(raw):
        if int(m.group(1)) == expected:
            out.append((m.start(1), m.group(1)))
            expected += 1
    return out


def _footnotes(raw: str, starts: list[int]) -> list[tuple[int, int, str]]:
    """(start, end, number) of each footnote printed in the text as a line of its own."""
    out = []
    bodies = list(_FOOTNOTE_BODY.finditer(raw))
    for i, m in enumerate(bodies):
        blank = _BLANK.search(raw, m.end())
        ends = [blank.start() if blank else len(raw)]
        k = bisect.bisect_right(starts, m.start())
        if k < len(starts):
            ends.append(starts[k])
        if i + 1 < len(bodies):
            ends.append(bodies[i + 1].start())
        out.append((m.start(), min(ends), m.group(1)))
    return out


def _mark(raw: str, number: str, body: tuple[int, int, str]) -> Optional[int]:
    """Where the text carries footnote ``number``'s mark: glued to a word ("territory.11", "person1"),
    not inside the footnote itself; the last before the footnote, else the first after it."""
    found: Optional[int] = None
    pos = raw.find(number)
    while pos >= 0:
        end = pos + len(number)
        glued = pos > 0 and (raw[pos - 1] in _GLUE or (raw[pos - 1] in ".,;:" and pos > 1 and raw[pos - 2].isalpha()))
        if glued and not (end < len(raw) and (raw[end].isdigit() or raw[end] == "-")) \
                and not body[0] <= pos < body[1]:
            if pos > body[0]:
                return found if found is not None else pos
            found = pos
        pos = raw.find(number, end)
    return found


_GLUE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ)\u2019\u201d")


def _label_at(pos: int, starts: list[tuple[int, str]]) -> str:
    label = ""
    for s, lab in starts:
        if s <= pos:
            label = lab
    return label


# A paragraph's piece of text: (start, end, where the mark of the footnote it is, or None for the
# paragraph's own text; -1 for a footnote whose mark was not found).
Span = tuple[int, int, Optional[int]]
# A footnote the reader has already found: (start, end, number, where its mark stood or None), offsets into the
# article's text (a PDF's footnotes follow the body, their marks taken out of the words).
KnownNote = tuple[int, int, str, Optional[int]]


def paragraphs(raw: str, known: Sequence[KnownNote] = ()) -> list[tuple[str, list[Span]]]:
    """Each paragraph's label and its raw spans, footnotes moved to the paragraph of their mark
    (after its own text).  Footnotes the reader found (``known``) are taken as given; else they are found
    in the text as lines that start with their number."""
    starts = paragraph_starts(raw[:min(lo for lo, _, _, _ in known)] if known else raw)
    bounds = [0] + [s for s, _ in starts] + [len(raw)]
    labels = [""] + [lab for _, lab in starts]
    notes = [(lo, hi, n) for lo, hi, n, _ in known] if known else _footnotes(raw, [s for s, _ in starts])
    marks = {n: at for _, _, n, at in known}
    spans: dict[str, list[Span]] = {lab: [] for lab in labels}
    for lab, lo, hi in zip(labels, bounds, bounds[1:]):
        pos = lo
        for n_lo, n_hi, _ in notes:
            if lo <= n_lo < hi:
                if n_lo > pos:
                    spans[lab].append((pos, n_lo, None))
                pos = max(pos, n_hi)
        if hi > pos:
            spans[lab].append((pos, hi, None))
    for note in notes:
        mark = marks[note[2]] if known else _mark(raw, note[2], note)
        spans[_label_at(note[0] if mark is None else mark, starts)].append(
            (note[0], note[1], -1 if mark is None else mark))
    return [(lab, spans[lab]) for lab in labels if any(raw[s:e].strip() for s, e, _ in spans[lab])]


def _level(enumerator: str, last_letter: str) -> int:
    """LETTERS for (a) and (1), ROMAN for (ii) and for (i) unless it follows (h), CAPITALS for (A)."""
    if enumerator.isupper():
        return CAPITALS
    if not _ROMAN.fullmatch(enumerator):
        return LETTERS
    if len(enumerator) == 1 and last_letter == _LETTER_BEFORE_ROMAN[enumerator]:
        return LETTERS
    return ROMAN


def _pieces(raw: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The raw spans of the segments of raw[lo:hi]: a paragraph's number stays with its first words,
    and a lone "and" or "or" between two items with the item before it."""
    cuts = {lo, hi}
    for m in _BREAK.finditer(raw, lo, hi):
        cuts.add(m.end() if m.group()[0] in ".;:" else m.start() + 1)
    for m in CLAUSE_END.finditer(raw, lo, hi):
        cuts.add(m.end())
    points = sorted(cuts)
    out: list[tuple[int, int]] = []
    for a, b in zip(points, points[1:]):
        piece = raw[a:b].strip()
        if not piece:
            continue
        if out and (_JOINS_BEFORE.fullmatch(piece) or _NUMBER_ONLY.fullmatch(raw[out[-1][0]:out[-1][1]].strip())):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _is_chapeau(text: str) -> bool:
    """Whether a segment ends with ":" (a footnote mark after it aside)."""
    return bool(_CHAPEAU_END.search(text))


_SEPARATOR = " qqzsegment "  # a word no treaty uses: the segments are normalized in one pass


def segments(raw: str, known: Sequence[KnownNote] = ()) -> tuple[Segment, ...]:
    """The segments of an article, paragraph by paragraph, in reading order (footnotes last in
    their paragraph, in the item that carries their mark; ``known``: as for :func:`paragraphs`)."""
    out: list[tuple[int, int, str, str, int, bool, bool]] = []
    for label, spans in paragraphs(raw, known):
        items: list[str] = ["", "", "", ""]
        last_letter = ""
        for lo, hi, mark in spans:
            footnote = mark is not None
            marked = "" if mark is None else next((s[3] for s in reversed(out) if s[0] <= mark < s[1]), "")
            for a, b in _pieces(raw, lo, hi):
                text = raw[a:b]
                m = None if footnote else _ENUMERATOR.match(text)
                level = 0
                if m is not None:
                    level = _level(m.group(1), last_letter)
                    if level == LETTERS:
                        last_letter = m.group(1)
                    items[level] = f"({m.group(1)})"
                    for deeper in range(level + 1, len(items)):
                        items[deeper] = ""
                item = marked if footnote else "".join(items[1:])
                out.append((a, b, label, item, level, _is_chapeau(text), footnote))
    norms = normalize(_SEPARATOR.join(raw[a:b] for a, b, *_ in out)).split(_SEPARATOR.strip())
    return tuple(Segment(*seg, " " + " ".join(n.split()) + " ") for seg, n in zip(out, norms))
