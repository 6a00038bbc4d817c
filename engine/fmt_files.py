"""Formatting whole files safely: verify the round trip, then write atomically."""

from __future__ import annotations

import os
import tempfile
from typing import Optional

from . import diagnostics as D
from . import model as M
from .formatter import format_document
from .parsing import parse_text


def format_source(text: str, path: str = "<input>") -> tuple[Optional[str], tuple[D.Diagnostic, ...]]:
    """The formatted text, or None with the diagnostics that prevent formatting.

    Only syntax matters here: a file with an unknown topic is still formatted.
    The result is checked to parse back to the same document with the same
    comments; if it does not (a formatter bug), nothing is returned.
    """
    result = parse_text(text, path)
    if result.document is None:
        return None, result.diagnostics
    formatted = format_document(result.document)
    again = parse_text(formatted, path)
    if again.document != result.document or \
            [c.text for c in again.document.comments] != [c.text for c in result.document.comments]:
        return None, (D.error("E0102", "the formatter could not keep this file's meaning; it was left unchanged",
                              M.Span(path, 1, 1, 1, 2), "this is a bug in tradegap; please report it"),)
    return formatted, ()


def write_atomic(path: str, text: str) -> None:
    """Replace ``path`` with ``text``: a temporary file in the same folder, flushed, then renamed."""
    folder = os.path.dirname(os.path.abspath(path))
    mode = None
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=".tradegap-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
