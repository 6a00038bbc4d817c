"""Making embedded text inert in each output format.

Agreements and norms come from other people's files: a title may hold HTML,
a quote a Markdown pipe, a reason a spreadsheet formula or a terminal escape
sequence.  Each function here neutralises what its format would act on.
"""

from __future__ import annotations

import re

_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
"""C0 and C1 controls but tab and line feed (escape sequences), and the bidi and zero-width marks: all of
them controls or format characters, which ``str.isprintable`` refuses, so that a printable text (nearly
every one) is let through as it is, and the expression is compiled (once, by :mod:`re`) only for a text
that holds one (compiling it costs about 3 M instructions, 1 % of a report)."""
_TILDE = r"(?<=\S)~|~(?=\S)"
"""A tilde that could open or close a strikethrough (one with a space on each side cannot); compiled on
first use (only Markdown needs it)."""


def _inert(text: str) -> str:
    """``text`` with each :data:`_CONTROL` character made U+FFFD."""
    return text if text.isprintable() else re.sub(_CONTROL, "\ufffd", text)


def term(text: object) -> str:
    """For a terminal: control characters (escape sequences, bidi overrides) become U+FFFD."""
    return _inert(str(text)).replace("\n", " ")


def markdown(text: object) -> str:
    """For a Markdown table cell or line: no pipes, markup or HTML that could act."""
    s = term(text)
    s = s.replace("\\", "\\\\")
    for ch in "|`*_[]<>#":
        s = s.replace(ch, "\\" + ch)
    s = re.sub(_TILDE, r"\\~", s)
    return s.strip(" \t")  # `* title*` would be a list item, not emphasis


def csv_cell(text: object) -> str:
    """For a spreadsheet cell: a leading = + - @ (or tab/CR) cannot start a formula."""
    s = _inert(str(text))
    if s and s[0] in "=+-@\t\r":
        return "'" + s
    return s


def html(text: object) -> str:
    """For HTML text and attribute values."""
    import html as _html  # here, not at the top: a text report need not import it (and html.entities)

    return _html.escape(term(text), quote=True)
