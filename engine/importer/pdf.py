"""Read a treaty in PDF (a text PDF: the official legal text, a ministry's publication) into a :class:`RawTreaty`.

The text and where it stands on each page come from pypdf (imported here only, when a PDF is read).  Then
(:mod:`~engine.importer.pdf_rows`, :mod:`~engine.importer.pdf_layout`, :mod:`~engine.importer.hyphens`):
pieces of text become rows; running headers, footers and page numbers are dropped; the footnotes at the
foot of each page are taken out and their superscript markers left as marks in the body; words hyphenated
at line ends are joined; and the lines go through the plain-text reader's heading logic, each line knowing
its page and line.  A PDF that cannot be read (damaged, encrypted with a password, no pages, no text: a
scan) gives a diagnostic, never an exception.

Why pypdf and not pdfminer.six (measured on the suite's generated treaties, ``docs/importing.md``): both
give each piece of text with its position and font size, which is all the layout needs; pypdf took 5-7 ms
of CPU a page and pdfminer.six 33-39 ms, and pypdf is pure Python with no dependencies of its own.
"""

from __future__ import annotations

import logging
import math
import warnings
from typing import TYPE_CHECKING, Any, Callable, Optional

import attrs

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.importer.hyphens import repair
from engine.importer.lines import Footnote
from engine.importer.pdf_layout import Page, split
from engine.importer.pdf_rows import Piece, rows
from engine.importer.plaintext import read_lines
from engine.importer.raw import Progress, RawTreaty, clean_text

if TYPE_CHECKING:
    from pypdf import PdfReader

"""Called as pages are read: (pages done, pages in all)."""

MAX_PAGES = 20000


class _Unreadable(Exception):
    """The PDF cannot be read; carries the diagnostic's message and fields."""

    def __init__(self, message: C.Message, **fields: Any) -> None:
        super().__init__(message.template)
        self.message = message
        self.fields = fields


def read_pdf(data: bytes, path: str, progress: Optional[Progress] = None
             ) -> tuple[Optional[RawTreaty], tuple[D.Diagnostic, ...]]:
    """The treaty in ``data`` (the bytes of a PDF), or None and why not."""
    try:
        pages, title = _pages(data, progress)
    except _Unreadable as exc:
        return None, (exc.message.at(M.Span(path, 1, 1, 1, 2), **exc.fields),)
    if not any(p.rows for p in pages):
        return None, (C.PDF_NO_TEXT.at(M.Span(path, 1, 1, 1, 2), pages=len(pages)),)
    body, notes = split(pages)
    raw, diags = read_lines(repair(body), [_repaired(n) for n in notes], path, what="PDF")
    if raw is not None and raw.title is None and title:
        raw = attrs.evolve(raw, title=title, notes=raw.notes + ("the title is the PDF's own (its document "
                                                                "information), not read from the text",))
    return raw, diags


def _repaired(note: Footnote) -> Footnote:
    return attrs.evolve(note, lines=tuple(repair(note.lines)))


def _pages(data: bytes, progress: Optional[Progress]) -> tuple[list[Page], Optional[str]]:
    """Every page's rows, and the title the PDF gives itself; pypdf's own complaints silenced (a library
    prints nothing)."""
    log = logging.getLogger("pypdf")
    if not log.handlers:  # its warnings go where the application sends them, never to stderr by default
        log.addHandler(logging.NullHandler())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = _open(data)
        try:
            count = len(reader.pages)
        except Exception as exc:  # pypdf raises many kinds on a damaged file  # noqa: BLE001
            raise _Unreadable(C.PDF_DAMAGED, error=_why(exc)) from None
        if count == 0:
            raise _Unreadable(C.PDF_NO_PAGES)
        if count > MAX_PAGES:
            raise _Unreadable(C.PDF_TOO_MANY_PAGES, pages=count, limit=MAX_PAGES)
        out = []
        for n in range(count):
            try:
                out.append(Page(n + 1, tuple(rows(_pieces(reader, n)))))
            except RecursionError:
                raise _Unreadable(C.PDF_DAMAGED, error=f"page {n + 1} nests too deep") from None
            except Exception as exc:  # noqa: BLE001
                raise _Unreadable(C.PDF_DAMAGED, error=f"page {n + 1}: {_why(exc)}") from None
            if progress is not None:
                progress(n + 1, count)
        title = _title(reader)  # inside: a damaged information dictionary's warnings are silenced too
    return out, title


def _title(reader: PdfReader) -> Optional[str]:
    try:
        title = reader.metadata.title if reader.metadata is not None else None
    except Exception:  # noqa: BLE001  (a damaged information dictionary: no title)
        return None
    text = clean_text(str(title)) if title else ""
    return text if 0 < len(text) <= 200 else None


def _open(data: bytes) -> PdfReader:
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # an empty user password only restricts printing
            raise _Unreadable(C.PDF_ENCRYPTED)
    except _Unreadable:
        raise
    except DependencyError:
        raise _Unreadable(C.PDF_ENCRYPTED) from None
    except Exception as exc:  # noqa: BLE001
        raise _Unreadable(C.PDF_DAMAGED, error=_why(exc)) from None
    return reader


def _why(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:160] + "...") if len(text) > 160 else (text or type(exc).__name__)


def _pieces(reader: PdfReader, n: int) -> list[Piece]:
    """The pieces of text page ``n`` draws, each with its baseline origin and size on the page."""
    out: list[Piece] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip("\n"):
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.sqrt(abs((tm[0] * tm[3] - tm[1] * tm[2]) * (cm[0] * cm[3] - cm[1] * cm[2]))) or 1.0
        height = size * scale
        for k, part in enumerate(text.split("\n")):
            if part:
                out.append(Piece(part, x, y - k * height * 1.2, round(height, 2)))

    reader.pages[n].extract_text(visitor_text=visit)
    return out
