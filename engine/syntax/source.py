"""Reading a source file: its size limit, UTF-8 (a BOM allowed), no NUL byte."""

from __future__ import annotations

from typing import Optional

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.syntax.limits import MAX_FILE_BYTES
from engine.util.files import Bounded, kind_of, read_bounded
from engine.util.text import BadByte

_MIB = 1024 * 1024


def read_source(path: str) -> tuple[Optional[str], tuple[D.Diagnostic, ...]]:
    """A file's text, or None and the diagnostic that says why it cannot be read as source.

    A regular file over the size limit is not read; a FIFO or a device named outright is read up to
    the limit (a FIFO no one writes to reads as empty: the open never blocks).
    """
    span = M.Span(path, 0, 0, 0, 0)
    try:
        got = read_bounded(path, MAX_FILE_BYTES)
    except OSError as exc:
        return None, (C.CANNOT_READ.at(span, reason=exc.strerror or exc),)
    if got.data is None:
        return None, (_too_large(got, span),)
    return decode_source(got.data, path)


def _too_large(got: Bounded, span: M.Span) -> D.Diagnostic:
    limit = MAX_FILE_BYTES // _MIB
    if not got.regular:
        return C.STREAM_TOO_LARGE.at(span, kind=kind_of(got.mode), limit_mib=limit)
    if got.size > MAX_FILE_BYTES:
        return C.SOURCE_TOO_LARGE.at(span, size_mib=got.size // _MIB, limit_mib=limit)
    return C.TEXT_TOO_LARGE.at(span, limit_mib=limit)  # it grew while being read


def decode_source(data: bytes, path: str) -> tuple[Optional[str], tuple[D.Diagnostic, ...]]:
    """``data`` as UTF-8 text (a BOM dropped), or None and where it stops being usable text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = BadByte.of(exc)
        return None, (C.NOT_UTF8.at(M.Span(path, bad.line, bad.column, bad.line, bad.column + 1)),)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, (C.NUL_BYTE.at(M.Span(path, line, 1, line, 2)),)
    return text, ()
