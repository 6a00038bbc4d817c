"""Arguments checked where the library is entered (engine/api.py, the public Corpus methods).

A wrong type raises :class:`engine.errors.BadArgument` (a ``UsageError`` and a ``TypeError``) that names
the argument, what it must be and what it was, before anything deep inside can fail on it.  Values are
shown short: a 50 MB string or an object whose ``str()`` raises cannot make the message fail or grow.
"""

from __future__ import annotations

import os
import reprlib
from typing import Any, Iterable, Optional, TypeVar

from engine.errors import BadArgument

_T = TypeVar("_T")
_SHORT = reprlib.Repr()
_SHORT.maxstring = 40
_SHORT.maxother = 40


def short(value: object) -> str:
    """A repr of ``value`` cut to some forty characters ('' if its repr raises)."""
    try:
        return _SHORT.repr(value)
    except Exception:
        return ""


def shown(value: object) -> str:
    """``value`` in a few words: its type, and a short repr of it."""
    text, kind = short(value), type(value).__name__
    return f"{kind} {text}" if text and not text.startswith(f"<{kind}") else kind


def _wrong(name: str, needed: str, value: object, hint: Optional[str] = None) -> BadArgument:
    return BadArgument(f"`{name}` must be {needed}, not {shown(value)}", hint)


def text(value: Any, name: str) -> str:
    """``value`` if it is a string."""
    if not isinstance(value, str):
        raise _wrong(name, "a string", value, "bytes are decoded first: data.decode('utf-8')"
                     if isinstance(value, (bytes, bytearray)) else None)
    return value


def flag(value: Any, name: str) -> bool:
    """``value`` if it is True or False."""
    if not isinstance(value, bool):
        raise _wrong(name, "True or False", value)
    return value


def path(value: Any, name: str) -> str:
    """``value`` as a path string: a string or an ``os.PathLike`` (never an int: a number is a file
    descriptor to ``open``, and reading one would read and close the caller's own stdin or stdout)."""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str):
        raise _wrong(name, "a path (a string or pathlib.Path)", value)
    return value


def paths(value: Any, name: str) -> list[str]:
    """``value`` as a list of path strings: a list, tuple or other iterable of paths, not one string."""
    if isinstance(value, (str, bytes, os.PathLike, dict)):
        raise _wrong(name, "a list of paths", value, f"to give one path, write [{short(value)}]")
    return [path(p, f"{name}[{i}]") for i, p in enumerate(_iterate(value, name, "a list of paths"))]


def instance(value: Any, kind: type[_T], name: str, needed: str) -> _T:
    """``value`` if it is a ``kind``."""
    if not isinstance(value, kind):
        raise _wrong(name, needed, value)
    return value


def instances(value: Any, kind: type[_T], name: str, needed: str) -> tuple[_T, ...]:
    """One ``kind`` or an iterable of them, as a tuple (a string or a mapping is not such an iterable)."""
    if isinstance(value, kind):
        return (value,)
    if isinstance(value, (str, bytes, dict)):
        raise _wrong(name, needed, value)
    checked: list[_T] = []
    for i, item in enumerate(_iterate(value, name, needed)):
        if not isinstance(item, kind):
            raise _wrong(f"{name}[{i}]", needed, item)
        checked.append(item)
    return tuple(checked)


def words(value: Any, name: str) -> tuple[str, ...]:
    """An iterable of strings (not one string) as a tuple."""
    if isinstance(value, (str, bytes, dict)):
        raise _wrong(name, "a list of words", value, f"for one, write [{short(value)}]")
    items = tuple(_iterate(value, name, "a list of words"))
    for i, item in enumerate(items):
        text(item, f"{name}[{i}]")
    return items


def _iterate(value: Any, name: str, needed: str) -> Iterable[Any]:
    """The items of ``value``, or the error that says it is not a collection."""
    try:
        return list(value)
    except Exception as exc:  # not iterable, or its iterator raised
        raise _wrong(name, needed, value) from exc
