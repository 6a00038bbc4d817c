"""A Pygments lexer for the tradegap language (``pygmentize -l tradegap``; the docs use it).

Registered as the entry point ``pygments.lexers: tradegap``; Pygments imports this module, so it is the
only one in the package that imports Pygments.  The keywords are read from the grammar and the
vocabulary words from :mod:`engine.language.vocab`, so the lexer never falls behind the language.
A character no token of the language starts with is an ``Error`` token: a test runs the lexer over every
corpus file and finds none.
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, words
from pygments.token import Comment, Error, Keyword, Literal, Name, Number, Operator, Punctuation, String, Whitespace

from engine.language import vocab as V
from engine.language.predicates import PREDICATES
from engine.syntax.keywords import keywords

_OPERATORS = ("and", "or", "not")
_BLOCKS = ("agreement", "norms", "norm", "chapter", "article", "amend", "expect")
_VOCABULARY = tuple(sorted({*V.TOPICS, *V.STRENGTHS, *V.FORMS, *V.SCOPE_ITEMS, *V.SOFTWARE_COVERAGE,
                            *V.EXCEPTION_KINDS, *V.EXCEPTION_QUALIFIERS, *V.DISPUTE_SETTLEMENT_MODES,
                            *V.VERIFICATION_LEVELS, *V.AGREEMENT_KINDS, *V.STATUSES, *V.GRADES, *V.PARTS,
                            *V.REMOVABLE, *PREDICATES, V.COMPLETE, V.ANY_EXCEPTION, "at-least"},
                           key=lambda w: (-len(w), w)))
_WORD_END = r"(?![a-z0-9-])"
_WORD_START = r"(?<![a-z0-9-])"


class TradegapLexer(RegexLexer):
    """Agreements, drafts, norm sets and expectations (``.agr``, ``.norms``, ``.expect``)."""

    name = "tradegap"
    aliases = ["tradegap", "agr"]
    filenames = ["*.agr", "*.norms", "*.expect"]
    mimetypes = ["text/x-tradegap"]
    url = "https://github.com/tradegap/tradegap"

    tokens = {
        "root": [
            (r"[ \t\r\n\f]+", Whitespace),
            (r"#[^\n]*", Comment.Single),
            (r'"(?:[^"\\\n]|\\.)*"', String.Double),
            (r'"[^\n]*', String.Double),  # a string not closed on its line: `check` says so, not the colours
            (r"\d{4}-\d{2}-\d{2}" + _WORD_END, Literal.Date),
            (r"\d+(?:[a-z]+|[A-Z])?(?:\.\d+(?:[a-z]+|[A-Z])?)*|[A-Z](?:-\d+(?:\.\d+)*)?(?![A-Za-z0-9-])", Number),
            (r"\.\.", Operator),
            (r"[{}().]", Punctuation),
            (words(_BLOCKS, prefix=_WORD_START, suffix=_WORD_END), Keyword.Declaration),
            (words(_OPERATORS, prefix=_WORD_START, suffix=_WORD_END), Operator.Word),
            (words(tuple(k for k in keywords() if k not in _BLOCKS + _OPERATORS), prefix=_WORD_START,
                   suffix=_WORD_END), Keyword),
            (words(_VOCABULARY, prefix=_WORD_START, suffix=_WORD_END), Name.Constant),
            (r"[A-Z]{2,3}(?![A-Za-z0-9-])", Name.Label),
            (r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", Name),
            (r".", Error),
        ],
    }
