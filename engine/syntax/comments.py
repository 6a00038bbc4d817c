"""The ``#`` comments of a text, which the parser skips and the formatter writes back."""

from __future__ import annotations

import re

from engine.language import model as M

# A string (to the end of its line if it is not closed: strings never span lines), or a comment.
_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\]|\\.?)*"?|#.*')


def scan_comments(text: str) -> tuple[M.Comment, ...]:
    """Every ``#`` comment outside a string, with its line and column (1-based), trailing space removed."""
    return M.Document("", (), scan_comment_table(text)).comments


def scan_comment_table(text: str) -> M.CommentTable:
    """:func:`scan_comments` as a document keeps them: ``(line, column, text, line, ...)``."""
    out: list[int | str] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if "#" not in line:
            continue
        for m in _STRING_OR_COMMENT.finditer(line):
            if m.group().startswith("#"):
                out += (lineno, m.start() + 1, m.group().rstrip())
                break
    return tuple(out)
