"""lark's syntax errors as diagnostics, worded for the DSL.

A syntax error names what was found and, from the terminals lark would have
taken there, what was expected: ``a name``, ``a date (YYYY-MM-DD)``, `` `}` ``,
or a keyword as it is written.

A block left open is reported at its ``{`` (:func:`unclosed_first`).  When the parser reaches the end of
the file inside a block, the brace that was never closed may be hundreds of lines up.  Counting braces
finds the outermost block left open, not the one the drafter forgot to close (the later ``}`` close the
inner blocks one level too early), so the indentation decides, as rustc does: a ``}`` that starts a line
and stands further left than the line that opened the innermost open block closes an outer block, and
that innermost block is the one left open.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterable, Optional

import attrs

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.language import model as M
from engine.syntax.lark_util import Found, Unexpected, describe_unexpected, end_span, terminal_spelling

if TYPE_CHECKING:
    from lark.exceptions import UnexpectedInput

_TOKEN_WORDS = {
    "NAME": "a name", "STRING": "a quoted string", "DATE": "a date (YYYY-MM-DD)",
    "CODE": "a party code such as JP", "NUMBER": "an article number such as 14.11",
    "INT": "a whole number", "LBRACE": "`{`", "RBRACE": "`}`", "LPAR": "`(`",
    "RPAR": "`)`", "DOT": "`.`", "DOTDOT": "`..`", "$END": "the end of the file",
}
# What an unexpected token is called, by terminal; a keyword or a symbol otherwise.
_TOKEN_KINDS = {"NAME": "word", "STRING": "string", "CODE": "party code", "NUMBER": "number",
                "DATE": "date", "INT": "number"}
MAX_EXPECTED_SHOWN = 8
MAX_TOKEN_SHOWN = 40


def _word(terminal: str) -> str:
    """How a message names a terminal: a description, or the keyword in backquotes."""
    return _TOKEN_WORDS.get(terminal) or "`" + terminal_spelling(terminal) + "`"


def expected_words(terminals: Iterable[str]) -> str:
    """The terminals as a message lists them: sorted, at most eight and ``...``."""
    words = sorted({_word(t) for t in terminals})
    if len(words) > MAX_EXPECTED_SHOWN:
        words = words[:MAX_EXPECTED_SHOWN] + ["..."]
    return ", ".join(words)


def token_kind(type_: str, text: str) -> str:
    """What a token of terminal ``type_`` written as ``text`` is called: ``word``, ``keyword``, ``symbol`` ..."""
    if type_ in _TOKEN_KINDS:
        return _TOKEN_KINDS[type_]
    return "keyword" if type_.isupper() and text.isalpha() else "symbol"


def _character(u: Unexpected) -> D.Diagnostic:
    if u.text == '"':
        return C.STRING_NOT_CLOSED.at(u.span)
    if u.text.isalpha() and u.text.isupper():
        return C.STRAY_CAPITAL.at(u.span, shown=u.escaped)
    if u.expected:
        return C.STRAY_CHARACTER.at(u.span, shown=u.escaped, expected=expected_words(u.expected))
    return C.STRAY_CHARACTER_ANYWHERE.at(u.span, shown=u.escaped)


def _token(u: Unexpected) -> D.Diagnostic:
    if u.type == "NUMBER" and u.text[:1].isalpha() and "NUMBER" not in u.expected:  # a lone capital (`G`, `G-01`)
        return C.STRAY_CAPITAL.at(u.span, shown=u.text)
    shown = u.text if len(u.text) <= MAX_TOKEN_SHOWN else u.text[:MAX_TOKEN_SHOWN - 3] + "..."
    keywords = {t.lower().replace("_", "-") for t in u.expected if t.isupper() and t not in _TOKEN_WORDS}
    hint = D.did_you_mean(u.text, keywords) if u.type == "NAME" else None
    return C.STRAY_TOKEN.at(u.span, hint=hint, kind=token_kind(u.type, u.text), shown=shown,
                            expected=expected_words(u.expected))


def _end(u: Unexpected) -> D.Diagnostic:
    if "RBRACE" in u.expected:
        return C.END_IN_BLOCK.at(u.span)
    return C.END_IN_STATEMENT.at(u.span, expected=expected_words(u.expected))


_WORDING: dict[Found, Callable[[Unexpected], D.Diagnostic]] = {
    Found.CHARACTER: _character, Found.TOKEN: _token, Found.END: _end,
}


def syntax_diagnostic(exc: UnexpectedInput, path: str, text: str) -> D.Diagnostic:
    """The diagnostic for a syntax error lark raised while parsing ``text`` from ``path``."""
    u = describe_unexpected(exc, path, text)
    if u.found is Found.OTHER:
        return C.CANNOT_PARSE.at(u.span, error=exc)
    return _WORDING[u.found](u)


# ---------------------------------------------------------------- a block left open

# A string (to the end of its line if it is not closed: strings never span lines), a comment, or a brace.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.?)*"?|#.*|[{}]')
_STRING = re.compile(r'"(?:[^"\\]|\\.?)*"?')
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]*")
_OWNER_WORDS = 3  # `amend article 14.17`
_OWNER_CHARS = 200  # a block's head is short: no more of the line is read for it


@attrs.frozen
class OpenBrace:
    """A ``{`` that is never closed: where it stands (1-based) and the block it opens (``article 14.19``)."""

    line: int
    column: int
    owner: str


class _Stack:
    """The braces open so far, with the indentation of each one's line and the least indentation up to it."""

    def __init__(self) -> None:
        self.braces: list[OpenBrace] = []
        self.indents: list[int] = []
        self.least: list[int] = []  # least[i]: the least indentation among the first i + 1 open braces

    def push(self, brace: OpenBrace, indent: int) -> None:
        self.braces.append(brace)
        self.indents.append(indent)
        self.least.append(min(indent, self.least[-1]) if self.least else indent)

    def pop(self) -> OpenBrace:
        self.indents.pop()
        self.least.pop()
        return self.braces.pop()

    def close(self, indent: int, at_line_start: bool) -> Optional[OpenBrace]:
        """Close the innermost block; a ``}`` further left than its opener's line leaves that block open
        (returned), when a block further out stands that far left."""
        left_open: Optional[OpenBrace] = None
        while at_line_start and len(self.braces) > 1 and self.indents[-1] > indent and self.least[-2] <= indent:
            popped = self.pop()
            left_open = left_open or popped
        if self.braces:
            self.pop()
        return left_open


def _owner(before: str) -> str:
    """The block a brace opens, from the words before it on its line (strings left out)."""
    words = _WORD.findall(_STRING.sub(" ", before[-_OWNER_CHARS:]))
    return " ".join(words[:_OWNER_WORDS]) or "this block"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def unclosed_brace(text: str) -> Optional[OpenBrace]:
    """The ``{`` the text most likely leaves open, or None when every ``{`` has its ``}``.

    Linear in the text, however many braces it holds (the owner is worked out for the one brace returned).
    """
    stack = _Stack()
    suspect: Optional[OpenBrace] = None
    balance = 0  # `{` less `}`: only a text with more of the first leaves a block open
    lines = text.split("\n")
    for lineno, line in enumerate(lines, 1):
        indent = _indent(line)
        for m in _TOKEN.finditer(line):
            token = m.group()
            if token == "{":
                balance += 1
                stack.push(OpenBrace(lineno, m.start() + 1, ""), indent)
            elif token == "}":
                balance -= 1
                suspect = suspect or stack.close(indent, m.start() == indent)
    found = suspect or (stack.braces[-1] if stack.braces else None)
    if balance <= 0 or found is None:
        return None
    return attrs.evolve(found, owner=_owner(lines[found.line - 1][:found.column - 1]))


def unclosed_first(syntax: Iterable[D.Diagnostic], lowered: Iterable[D.Diagnostic], text: str,
                   path: str) -> tuple[D.Diagnostic, ...]:
    """The syntax errors and the lowering's diagnostics, with a ``{`` left open reported where it stands
    instead of the errors it causes.

    A block left open makes everything after it misread (the next article inside the last one, the end of
    the file inside a block): those errors are dropped for the one that names the brace (E0103).
    """
    found, more = tuple(syntax), tuple(lowered)
    brace = unclosed_brace(text) if found else None
    if brace is None:
        return found + more
    before = tuple(d for d in found + more if (d.span.line, d.span.column) < (brace.line, brace.column))
    at = M.Span(path, brace.line, brace.column, brace.line, brace.column + 1)
    return before + (C.UNCLOSED_BRACE.at(at, secondary=((end_span(path, text), "the file ends here"),),
                                         owner=brace.owner),)
