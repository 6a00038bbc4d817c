"""Text to model: the cached lark parser, error recovery, and :class:`ParseResult`.

The chain: :mod:`.source` reads a file, the LALR parser here runs with
:class:`~engine.syntax.lower.Lower` inside it (no parse tree is built),
:mod:`.errors` words lark's syntax errors, :mod:`.comments` keeps the comments.
lark's exceptions never leave this module: they become diagnostics.  lark is
imported on the first parse, not with this module (a warm cached run never needs it).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Optional

import attrs

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.syntax.comments import scan_comment_table, scan_comments
from engine.syntax.errors import syntax_diagnostic, unclosed_first
from engine.syntax.lark_util import lalr_parser
from engine.syntax.limits import (MAX_FILE_BYTES, MAX_FOOTNOTE, MAX_PREDICATE_DEPTH, MAX_RECOVERY_STEPS,
                                  MAX_SYNTAX_ERRORS, MAX_YEARS)
from engine.syntax.source import read_source

if TYPE_CHECKING:
    from lark import Lark
    from lark.exceptions import UnexpectedCharacters, UnexpectedInput

    from engine.syntax.lower import Lower

__all__ = ["ParseResult", "parse_text", "parse_file", "read_source", "scan_comments", "MAX_FILE_BYTES",
           "MAX_FOOTNOTE", "MAX_PREDICATE_DEPTH", "MAX_RECOVERY_STEPS", "MAX_SYNTAX_ERRORS", "MAX_YEARS"]


@attrs.frozen
class ParseResult:
    """A parsed file: the document (None when it could not be parsed) and diagnostics."""

    document: Optional[M.Document]
    diagnostics: tuple[D.Diagnostic, ...]
    text: str = ""

    @property
    def ok(self) -> bool:
        """Whether there is a document and no error."""
        return self.document is not None and not any(d.is_error for d in self.diagnostics)


@attrs.frozen
class _Parser:
    """The LALR parser and the :class:`Lower` bound inside it."""

    lark: Lark
    lower: Lower


@functools.lru_cache(maxsize=1)
def _parser() -> _Parser:
    """The parser, built once per process."""
    from engine.syntax.lower import Lower

    lower = Lower()
    return _Parser(lalr_parser("syntax/grammar", "tradegap.lark", lower), lower)


# ---------------------------------------------------------------- error recovery


class _Recovery:
    """lark's ``on_error``: notes each syntax error and says whether to go on.

    One diagnostic per line.  Recovery skips one token or character at a time, so a line
    of junk is given up on after ``MAX_RECOVERY_STEPS`` (else 300 KB of `{` take seconds),
    and a file after ``MAX_SYNTAX_ERRORS`` diagnostics.
    """

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.diagnostics: list[D.Diagnostic] = []
        self.last_line = 0  # the line of the last diagnostic
        self.steps = 0

    def __call__(self, exc: UnexpectedInput) -> bool:
        from lark.exceptions import UnexpectedCharacters

        self.steps += 1
        tok = getattr(exc, "token", None)
        at_end = tok is not None and tok.type == "$END"
        if at_end or getattr(exc, "line", None) != self.last_line:
            diag = syntax_diagnostic(exc, self.path, self.text)
            if diag.span.line != self.last_line:
                self.diagnostics.append(diag)
                self.last_line = diag.span.line
        if at_end:
            return False
        if isinstance(exc, UnexpectedCharacters):
            _skip_rest_of_line(exc, self.text)
        return len(self.diagnostics) < MAX_SYNTAX_ERRORS and self.steps < MAX_RECOVERY_STEPS

    def gave_up(self, exc: UnexpectedInput) -> None:
        """Note the error the parse stopped at, unless its line has one already."""
        diag = syntax_diagnostic(exc, self.path, self.text)
        if not self.diagnostics or self.diagnostics[-1].span.line != diag.span.line:
            self.diagnostics.append(diag)


def _skip_rest_of_line(exc: UnexpectedCharacters, text: str) -> None:
    """Resume after a bad character at the end of its line, not the next character.

    One diagnostic per line is all that is reported, and skipping one character at
    a time would rescan an unclosed string to the end of its line each time:
    quadratic on a long line.
    """
    try:
        state = exc.interactive_parser.lexer_thread.state
    except AttributeError:  # another lark: fall back to its own one-character skip
        return
    if state is None:
        return
    counter = state.line_ctr
    end = text.find("\n", counter.char_pos)
    end = len(text) if end < 0 else end
    if end > counter.char_pos:
        counter.feed(text[counter.char_pos:end])


# ---------------------------------------------------------------- entry points


def parse_text(text: str, path: str = "<input>") -> ParseResult:
    """Parse one document; never raises for bad input.

    The fast path (:mod:`.fastparse`) takes what it can; whatever it refuses, lark parses, with its
    error recovery.
    """
    if len(text) > MAX_FILE_BYTES:
        return ParseResult(None, (C.TEXT_TOO_LARGE.at(M.Span(path, 1, 1, 1, 2),
                                                      limit_mib=MAX_FILE_BYTES // (1024 * 1024)),), text)
    parser = _parser()
    return _fast(parser, text, path) or _with_lark(parser, text, path)


def _fast(parser: _Parser, text: str, path: str) -> Optional[ParseResult]:
    """The parse by the fast path, or None when it refuses the text (or anything goes wrong in it)."""
    from engine.syntax import fastparse

    with parser.lower.lowering(path) as lowered:
        try:
            items, comments = fastparse.parse(parser.lark, text)
        except Exception:  # refused, or a callback failed: lark parses again and says what it says
            return None
    return _result(path, text, items, [], lowered, comments)


def _with_lark(parser: _Parser, text: str, path: str) -> ParseResult:
    """The parse by lark, recovering from syntax errors (each becomes a diagnostic)."""
    from lark.exceptions import LarkError, UnexpectedInput

    recovery = _Recovery(path, text)
    items: Optional[tuple[M.Item, ...]] = None
    with parser.lower.lowering(path) as lowered:
        try:
            items = parser.lark.parse(text, on_error=recovery)  # type: ignore[assignment]  # the transformer's
        except UnexpectedInput as exc:
            recovery.gave_up(exc)
        except (LarkError, RecursionError) as exc:  # pragma: no cover - defensive
            recovery.diagnostics.append(C.CANNOT_PARSE_FILE.at(M.Span(path, 1, 1, 1, 2), error=type(exc).__name__))
    return _result(path, text, items, recovery.diagnostics, lowered)


def _result(path: str, text: str, items: Optional[tuple[M.Item, ...]], syntax: list[D.Diagnostic],
            lowered: list[D.Diagnostic], comments: Optional[M.CommentTable] = None) -> ParseResult:
    """The document of ``items`` with its comments (scanned when not given), unless a syntax error or a
    nesting too deep stopped it."""
    diags = unclosed_first(syntax, lowered, text, path)
    if syntax or items is None or any(d.code == C.NESTING_TOO_DEEP.id for d in lowered):
        # Too deep to walk safely (equality, formatting, pickling recurse): no document.
        return ParseResult(None, diags, text)
    return ParseResult(M.Document(path, items, scan_comment_table(text) if comments is None else comments), diags, text)


def parse_file(path: str) -> ParseResult:
    """Read and parse one file; never raises for bad input."""
    text, diags = read_source(path)
    if text is None:
        return ParseResult(None, diags, "")
    return parse_text(text, path)
