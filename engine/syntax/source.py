"""Reading a source file: its size limit, UTF-8 (a BOM allowed), no NUL byte."""

from __future__ import annotations

import os
from typing import Optional

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.syntax.limits import MAX_FILE_BYTES
from engine.util.text import BadByte

_MIB = 1024 * 1024


def read_source(path: str) -> tuple[Optional[str], tuple[D.Diagnostic, ...]]:
    """A file's text, or None and the diagnostic that says why it cannot be read as source."""
    span = M.Span(path, 0, 0, 0, 0)
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return None, (C.SOURCE_TOO_LARGE.at(span, size_mib=size // _MIB, limit_mib=MAX_FILE_BYTES // _MIB),)
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return None, (C.CANNOT_READ.at(span, reason=exc.strerror or exc),)
    return decode_source(data, path)


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
