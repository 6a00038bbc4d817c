"""Where things are: the engine's spans (1-based lines, columns in characters) and LSP ranges (0-based lines,
columns in the code units the client and server agreed on: UTF-16 unless the client prefers UTF-8 or UTF-32)."""

from __future__ import annotations

from typing import Sequence

import attrs
from lsprotocol import types as T

from engine.language import model as M

UTF16 = T.PositionEncodingKind.Utf16.value


def units(line: str, chars: int, encoding: str = UTF16) -> int:
    """The number of code units of the first ``chars`` characters of ``line``."""
    head = line[:chars]
    if encoding == T.PositionEncodingKind.Utf8.value:
        return len(head.encode("utf-8", "surrogatepass"))
    if encoding == T.PositionEncodingKind.Utf32.value:
        return len(head)
    return len(head) + sum(1 for ch in head if ord(ch) > 0xFFFF)


def chars(line: str, count: int, encoding: str = UTF16) -> int:
    """The character column (0-based) ``count`` code units into ``line``."""
    total = 0
    for i, ch in enumerate(line):
        if total >= count:
            return i
        total += units(ch, 1, encoding)
    return len(line)


@attrs.frozen
class Positions:
    """A text's lines, and the code units its client counts columns in."""

    lines: Sequence[str]
    encoding: str = UTF16

    def line(self, index: int) -> str:
        """The 0-based line ``index`` (empty past the end)."""
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def position(self, line: int, column: int) -> T.Position:
        """The LSP position of a 1-based ``line`` and ``column`` (in characters)."""
        index = max(line - 1, 0)
        return T.Position(index, units(self.line(index), max(column - 1, 0), self.encoding))

    def range(self, span: M.Span) -> T.Range:
        """The LSP range of a span (a span without an end covers one character)."""
        start = self.position(span.line, span.column)
        if span.end_line < span.line or (span.end_line == span.line and span.end_column <= span.column):
            return T.Range(start, T.Position(start.line, start.character + 1))
        return T.Range(start, self.position(span.end_line, span.end_column))

    def head(self, span: M.Span) -> T.Range:
        """The range of the first line of a span: a block's header (``article 14.11 "Title" {``)."""
        end = span.end_column if span.end_line == span.line else len(self.line(span.line - 1)) + 1
        return T.Range(self.position(span.line, span.column), self.position(span.line, end))

    def whole(self) -> T.Range:
        """The range of the whole text."""
        last = max(len(self.lines) - 1, 0)
        return T.Range(T.Position(0, 0), T.Position(last, units(self.line(last), len(self.line(last)), self.encoding)))

    def from_client(self, pos: T.Position) -> tuple[int, int]:
        """(0-based line, character column) of a client's position."""
        return pos.line, chars(self.line(pos.line), pos.character, self.encoding)
