"""lark's syntax errors as diagnostics, worded for the DSL.

A syntax error names what was found and, from the terminals lark would have
taken there, what was expected: ``a name``, ``a date (YYYY-MM-DD)``, `` `}` ``,
or a keyword as it is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from engine.language import codes as C
from engine.language import diagnostics as D
from engine.syntax.lark_util import Found, Unexpected, describe_unexpected, terminal_spelling

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
