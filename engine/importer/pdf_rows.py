"""The rows of text on a PDF page, from the pieces of text a PDF library reports with their positions.

A :class:`Piece` is what one text-showing operation drew: its text, the origin of its baseline and its
font size (the size on the page, the text and current transformation matrices applied).  Pieces on one
baseline make a :class:`Row`; a smaller piece raised above a baseline (a superscript drawn at a higher
baseline) joins the row below it.  Within a row, pieces keep the order in which the page drew them, except
that a superscript moved into a row goes where its x position puts it.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

import attrs

SUPERSCRIPT_RATIO = 0.8  # a superscript's size is at most this share of the row's size
_MARKER_TEXT = re.compile(r"\s*(?:\d{1,3}|[*\u2020\u2021])(?:\s*,\s*(?:\d{1,3}|[*\u2020\u2021]))*\s*")


@attrs.frozen
class Piece:
    text: str
    x: float
    y: float
    size: float


@attrs.define
class Row:
    """A line of text on a page: its pieces and baseline, the size most of its text is in."""

    pieces: list[Piece]
    y: float
    size: float = 0.0

    def settle(self) -> "Row":
        self.size = max(self.pieces, key=lambda p: len(p.text.strip())).size
        return self

    def segments(self) -> list[tuple[str, bool]]:
        """The row's text in pieces, each with whether it is a footnote marker: a run of superscript pieces
        (smaller than the row's text, and raised or glued to the word before) that reads as numbers,
        ``1`` or ``7, 8``."""
        out: list[tuple[str, bool]] = []
        run: list[str] = []
        for p in self.pieces:
            small = p.size <= self.size * SUPERSCRIPT_RATIO
            raised = p.y - self.y > self.size * 0.15
            glued = not out or not (out[-1][0][-1:].isspace() or p.text[:1].isspace())
            if small and (raised or glued or run):
                run.append(p.text)
                continue
            _flush(run, out)
            out.append((p.text, False))
        _flush(run, out)
        return out

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


def _flush(run: list[str], out: list[tuple[str, bool]]) -> None:
    if run:
        text = "".join(run)
        out.append((text, _MARKER_TEXT.fullmatch(text) is not None))
        run.clear()


def rows(pieces: Iterable[Piece]) -> list[Row]:
    """The page's rows, top to bottom."""
    found: list[Row] = []
    for p in pieces:
        row = _same_baseline(found, p)
        if row is None and not p.text.strip():
            continue  # a space on a baseline of its own: nothing to read
        if row is None:
            found.append(Row([p], p.y))
        else:
            row.pieces.append(p)
    found = [r.settle() for r in found]
    return sorted(_merge_raised(found), key=lambda r: -r.y)


def _same_baseline(found: list[Row], p: Piece) -> Optional[Row]:
    for row in reversed(found[-40:]):
        if abs(row.y - p.y) <= 0.3 * max(p.size, row.pieces[0].size):
            return row
    return None


def _merge_raised(found: list[Row]) -> list[Row]:
    """Rows of small text raised a little above another row's baseline are that row's superscripts."""
    keep = []
    for r in found:
        base = next((b for b in found if b is not r and r.size <= b.size * SUPERSCRIPT_RATIO
                     and 0 < r.y - b.y <= b.size * 0.8 and _overlaps(r, b)), None)
        if base is None:
            keep.append(r)
            continue
        for p in r.pieces:
            at = next((i for i, q in enumerate(base.pieces) if q.x > p.x), len(base.pieces))
            base.pieces.insert(at, p)
    return keep


def _overlaps(r: Row, b: Row) -> bool:
    """Whether the raised row lies within the horizontal reach of the row below (its pieces' x)."""
    lo = min(q.x for q in b.pieces)
    return all(p.x >= lo - b.size for p in r.pieces)
