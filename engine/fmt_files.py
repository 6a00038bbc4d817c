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

    Only what the parser sees matters here (syntax, invalid dates, a setting
    given twice): a file with an unknown topic is still formatted.
    The result is checked to parse back to the same document with the same
    comments; if it does not (a formatter bug), nothing is returned.
    """
    result = parse_text(text, path)
    if result.document is None or any(d.is_error for d in result.diagnostics):
        # An invalid date or a setting given twice parses, but the document cannot
        # hold it: formatting would drop the words, so the file is left as it is.
        return None, result.diagnostics
    formatted = format_document(result.document)
    again = parse_text(formatted, path)
    if again.document != result.document or \
            [c.text for c in again.document.comments] != [c.text for c in result.document.comments]:
        from .validate import validate

        own = tuple(D.narrow(d, text) for d in validate(result.document) if d.is_error)
        if own:  # e.g. a keyword used as a topic name: the file's own errors come first
            return None, own
        return None, (D.error("E0102", "the formatter could not keep this file's meaning; it was left unchanged",
                              M.Span(path, 1, 1, 1, 2), "this is a bug in tradegap; please report it"),)
    return formatted, ()


def write_atomic(path: str, text: str) -> None:
    """Replace ``path`` with ``text``: a temporary file in the same folder, flushed, then renamed.

    A symbolic link is kept: the file it points to is the one replaced.
    """
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
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
