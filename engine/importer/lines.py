"""The lines a reader hands to the heading logic: text with footnote markers in it, and where each line is.

A footnote marker stays in its line's text as a private-use mark (``\\ue000KEY\\ue001``) until the article
is put together, so that the words around it can move (a hyphenated word joined across a line end) without
losing it; :func:`assemble` takes the marks out and records where they stood.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

import attrs

from engine.importer.raw import Position, RawFootnote

OPEN, CLOSE = "\ue000", "\ue001"
MARK = re.compile(OPEN + "([^" + CLOSE + "]*)" + CLOSE)


def mark(key: str) -> str:
    """The mark of the footnote ``key`` (unique in the document) as it stands in a line's text."""
    return OPEN + key + CLOSE


def visible(text: str) -> str:
    """The text without its footnote marks."""
    return MARK.sub("", text) if OPEN in text else text


def keys(text: str) -> list[str]:
    """The footnote keys marked in the text, in order."""
    return MARK.findall(text) if OPEN in text else []


@attrs.frozen
class Line:
    """A line of the source: its text (footnote marks in it) and where it is."""

    text: str
    at: Position


@attrs.frozen
class Footnote:
    """A footnote as read: its key (what its marks name), its number as printed, its lines, and how many body
    lines came before it (an unreferenced footnote belongs to the article that holds the line before it)."""

    key: str
    number: str
    lines: tuple[Line, ...]
    after: int


def assemble(body: Sequence[Line], notes: Sequence[Footnote]
             ) -> tuple[str, tuple[tuple[int, Position], ...], tuple[RawFootnote, ...]]:
    """An article's text (its body lines, then each footnote a paragraph of its own), the position of every
    line in it, and its footnotes with where their marks stood in the body (None: in the heading, or not
    found)."""
    parts: list[str] = []
    lines: list[tuple[int, Position]] = []
    found: dict[str, int] = {}
    size = 0
    for line in body:
        text = line.text
        if not parts and not text.strip():
            continue
        if parts:
            parts.append("\n")
            size += 1
        if OPEN in text:
            text = _take_marks(text, size, found)
        if text.strip():
            lines.append((size + len(text) - len(text.lstrip()), line.at))
        parts.append(text)
        size += len(text)
    body_text = "".join(parts).rstrip()
    return _with_notes(body_text, lines, notes, found)


def _take_marks(text: str, offset: int, found: dict[str, int]) -> str:
    """The text without its marks; each mark's offset (in the article, ``offset`` where the line starts) to
    ``found``."""
    out, pos = [], 0
    for m in MARK.finditer(text):
        out.append(text[pos:m.start()])
        found.setdefault(m.group(1), offset + sum(map(len, out)))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _with_notes(body: str, lines: list[tuple[int, Position]], notes: Iterable[Footnote], found: dict[str, int]
                ) -> tuple[str, tuple[tuple[int, Position], ...], tuple[RawFootnote, ...]]:
    text, out = body, []
    lines = [x for x in lines if x[0] < len(body)]
    for note in notes:
        words = [visible(x.text).strip() for x in note.lines]
        if not any(words):
            continue
        text += "\n\n" if text else ""
        start = len(text)
        for w, x in zip(words, note.lines):
            if w:
                text += ("\n" if len(text) > start else "")
                lines.append((len(text), x.at))
                text += w
        anchor = found.get(note.key)
        out.append(RawFootnote(note.number, start, len(text), anchor, note.lines[0].at))
    return text, tuple(lines), tuple(out)
