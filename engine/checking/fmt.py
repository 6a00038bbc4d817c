"""Formatting whole files safely: the canonical text, verified to parse back to the same document."""

from __future__ import annotations

from typing import Optional

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.syntax.printer import format_document
from engine.syntax.parse import parse_text


def format_source(text: str, path: str = "<input>") -> tuple[Optional[str], tuple[D.Diagnostic, ...]]:
    """The formatted text, or None with the diagnostics that prevent formatting.

    Only what the parser sees matters here (syntax, invalid dates, a setting
    given twice): a file with an unknown topic is still formatted.
    The result is checked to parse back to the same document with the same
    comments (a comment moves with the block it stands above, so their order
    may change); if it does not (a formatter bug), nothing is returned.
    """
    result = parse_text(text, path)
    if result.document is None or any(d.is_error for d in result.diagnostics):
        # An invalid date or a setting given twice parses, but the document cannot
        # hold it: formatting would drop the words, so the file is left as it is.
        return None, result.diagnostics
    formatted = format_document(result.document)
    again = parse_text(formatted, path)
    if again.document != result.document or \
            sorted(c.text for c in again.document.comments) != sorted(c.text for c in result.document.comments):
        from engine.checking.validate import validate  # same room: the file's own errors explain a failed round trip

        own = tuple(D.narrow(d, text) for d in validate(result.document) if d.is_error)
        if own:  # e.g. a keyword used as a topic name: the file's own errors come first
            return None, own
        return None, (C.FORMATTER_CHANGED_MEANING.at(M.Span(path, 1, 1, 1, 2)),)
    return formatted, ()
