"""The errors the library raises: catch :class:`TradegapError` to catch them all.

Each subclass also subclasses the built-in a caller would expect (``KeyError`` for an unknown id,
``ValueError`` for a bad argument), so existing ``except`` clauses keep working.  Every error carries
an optional ``hint``: one sentence on what to do instead.
"""

from __future__ import annotations

from typing import Optional


class TradegapError(Exception):
    """The root of every error tradegap raises on purpose.

    Args:
        message: what went wrong, in one sentence.
        hint: what to do instead (shown by the command line as ``= help: ...``).
    """

    def __init__(self, message: str, hint: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class UnknownId(TradegapError, KeyError):
    """An agreement, norm set, norm or party that the corpus does not hold."""

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


class UsageError(TradegapError, ValueError):
    """An argument that cannot be used as given (a bad date, a malformed code, an unsupported format)."""


class BadArgument(UsageError, TypeError):
    """An argument of the wrong type (a string where an agreement is needed, ``None`` for a text).

    Also a ``TypeError``, which is what Python raises for a wrong type.
    """


class UnresolvedDraft(TradegapError, ValueError):
    """A draft written ``based-on`` another agreement was given to the evaluator before being resolved.

    Load it through a :class:`~engine.Corpus` (``engine.load`` or ``engine.parse``), which resolves it.
    """


class InvalidInput(TradegapError, ValueError):
    """Text that does not parse or validate; ``diagnostics`` holds every problem found."""

    def __init__(self, message: str, diagnostics: tuple[object, ...] = (), hint: Optional[str] = None) -> None:
        super().__init__(message, hint)
        self.diagnostics = diagnostics
