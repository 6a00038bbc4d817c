"""Text: where in a file's bytes a decoder gave up."""

from __future__ import annotations

import attrs

from engine.util.records import share_methods


@attrs.frozen(repr=False, eq=False)
class BadByte:
    """The first byte a decoder refused: its value, and its 1-based line and column (columns count bytes).

    The position is in the bytes the codec was given (``UnicodeDecodeError.object``), so a file that
    starts with a byte-order mark, which ``utf-8-sig`` strips first, is counted without it.
    """

    value: int
    line: int
    column: int

    @classmethod
    def of(cls, exc: UnicodeDecodeError) -> "BadByte":
        """The byte ``exc`` is about."""
        data, start = exc.object, exc.start
        line = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        return cls(data[start], line, column)


share_methods(vars(), __name__)  # one __repr__, __eq__, __hash__ for the classes (engine.util.records)
