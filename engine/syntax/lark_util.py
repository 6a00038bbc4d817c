"""The lark plumbing both grammars share (the DSL's and the coding rules'): strings, spans, syntax errors.

Nothing here knows a grammar's rules or words a message: each parser words its own
diagnostics from an :class:`Unexpected`.  lark itself is imported only when a syntax
error is described, so importing this module stays cheap.
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, Any, Optional

import attrs

from engine.language import model as M

if TYPE_CHECKING:
    from lark import Lark, Token, Transformer

_ESCAPE = re.compile(r"\\(.)", re.S)


def lalr_parser(folder: str, grammar: str, transformer: Optional[Transformer[Token, Any]] = None) -> Lark:
    """An LALR parser with the contextual lexer for the grammar file ``engine/<folder>/<grammar>``.

    With a ``transformer``, its methods run inside the parser and no tree is built; tokens
    carry their positions, rule results none (``propagate_positions`` off).
    """
    from lark import Lark

    return Lark.open_from_package("engine", grammar, (folder,), parser="lalr", lexer="contextual",
                                  transformer=transformer, propagate_positions=False, maybe_placeholders=False)


def unquote(token: str) -> str:
    """The text of a string literal: its quotes removed, each ``\\x`` read as ``x``."""
    body = token[1:-1]
    return _ESCAPE.sub(r"\1", body) if "\\" in body else body


def token_span(path: str, first: Token, last: Optional[Token] = None) -> M.Span:
    """From the start of ``first`` to the end of ``last`` (of ``first`` alone by default)."""
    last = first if last is None else last
    return M.Span(path, first.line or 0, first.column or 0, last.end_line or last.line or 0,
                  last.end_column or (last.column or 0) + len(last))


def packed_token_span(path: str, first: Token, last: Optional[Token] = None) -> M.Span:
    """:func:`token_span` in the form a node keeps it (:func:`engine.language.model.packed`): for a node's span
    argument only."""
    last = first if last is None else last
    return M.packed(path, first.line or 0, first.column or 0, last.end_line or last.line or 0,
                    last.end_column or (last.column or 0) + len(last))


def terminal_spelling(terminal: str) -> str:
    """How a keyword terminal is written in the text: ``IN_FORCE`` is ``in-force``, ``_AND`` is ``and``."""
    return terminal.lower().lstrip("_").replace("_", "-")


def end_span(path: str, text: str) -> M.Span:
    """One column just after the last character that is not white space."""
    body = text.rstrip()
    line = body.count("\n") + 1
    column = len(body) - (body.rfind("\n") + 1) + 1
    return M.Span(path, line, column, line, column + 1)


class Found(enum.Enum):
    """What a syntax error stumbled on."""

    CHARACTER = enum.auto()  # a character no token starts with
    TOKEN = enum.auto()  # a token the grammar does not allow there
    END = enum.auto()  # the end of the text, inside a statement or block
    OTHER = enum.auto()  # anything else lark may raise


@attrs.frozen
class Unexpected:
    """A lark syntax error in terms of the text, for a parser to word as a diagnostic.

    ``span`` is the character or token; at the end of the text, the column after its last
    character that is not white space (:func:`end_span`); otherwise the first column.
    ``text`` is the character or token as written (empty at the end of the text),
    ``type`` the token's terminal, ``expected`` the terminals lark would have taken there.
    """

    found: Found
    span: M.Span
    text: str = ""
    type: str = ""
    expected: frozenset[str] = frozenset()

    @property
    def escaped(self) -> str:
        """The character as a message can show it (``\\t`` for a tab, ``?`` for none)."""
        return repr(self.text)[1:-1] if self.text else "?"


def describe_unexpected(exc: Exception, path: str, text: str) -> Unexpected:
    """What ``exc``, raised by lark while parsing ``text`` from ``path``, found, and where."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    if isinstance(exc, UnexpectedCharacters):
        pos = exc.pos_in_stream or 0
        ch = text[pos] if pos < len(text) else ""
        span = M.Span(path, exc.line, exc.column, exc.line, exc.column + 1)
        return Unexpected(Found.CHARACTER, span, ch, expected=frozenset(exc.allowed or ()))
    if isinstance(exc, (UnexpectedToken, UnexpectedEOF)):
        tok: Optional[Token] = getattr(exc, "token", None)
        expected = frozenset(getattr(exc, "expected", None) or getattr(exc, "accepts", None) or ())
        if tok is None or tok.type == "$END" or isinstance(exc, UnexpectedEOF):
            return Unexpected(Found.END, end_span(path, text), expected=expected)
        return Unexpected(Found.TOKEN, token_span(path, tok), str(tok), tok.type, expected)
    return Unexpected(Found.OTHER, M.Span(path, 1, 1, 1, 2))
