"""One ``__repr__``, ``__eq__`` and ``__hash__`` for the frozen attrs classes on a command's path.

attrs writes and compiles a ``__repr__``, an ``__eq__`` and a ``__hash__`` for each class when its module
is imported: about two thirds of what a class costs to build, paid by every command, and the report
builds about fifty classes (the model, results, diagnostics) before it does any work.  Those classes are
declared ``@attrs.frozen(repr=False, eq=False)`` and given the methods here by :func:`share_methods`,
which compare, hash and print exactly as attrs' own would: equality over the fields attrs compares (not
those declared ``eq=False``), for objects of the same class only; a hash over the fields it hashes; the
repr attrs prints.  The methods read each class's fields once, on first use.
"""

from __future__ import annotations

import operator
from typing import Any, Callable

import attrs

_Key = Callable[[Any], Any]
_EQ: dict[type, _Key] = {}
_HASH: dict[type, _Key] = {}


def _getter(names: tuple[str, ...]) -> _Key:
    """The values of ``names`` of an object, as a tuple (any tuple of the same length for no name)."""
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return operator.attrgetter(*names) if names else (lambda obj: ())


def _eq_key(cls: type) -> _Key:
    key = _EQ.get(cls)
    if key is None:
        key = _EQ[cls] = _getter(tuple(a.name for a in attrs.fields(cls) if a.eq))
    return key


def _hash_key(cls: type) -> _Key:
    key = _HASH.get(cls)
    if key is None:
        key = _HASH[cls] = _getter(tuple(a.name for a in attrs.fields(cls) if a.hash is not False and a.eq))
    return key


def attrs_eq(self: Any, other: object) -> Any:
    """attrs' ``__eq__``: the compared fields, equal in order, for an object of the very same class."""
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = _eq_key(self.__class__)
    return key(self) == key(other)


def attrs_ne(self: Any, other: object) -> Any:
    """attrs' ``__ne__``: the negation of :func:`attrs_eq`."""
    result = attrs_eq(self, other)
    return result if result is NotImplemented else not result


def attrs_hash(self: Any) -> int:
    """A hash over the hashed fields and the class (equal objects hash alike)."""
    cls = self.__class__
    return hash((cls, *_hash_key(cls)(self)))


def attrs_repr(obj: Any) -> str:
    """What attrs' own ``__repr__`` prints (``Span(file='a.agr', line=1, ...)``, the fields marked
    ``repr=False`` left out, a field's own ``repr=`` callable used).  Unlike attrs' it has no guard
    against printing a cycle: none of these classes holds one."""
    cls = type(obj)
    shown = ", ".join(f"{a.name}={(repr if a.repr is True else a.repr)(getattr(obj, a.name))}"
                      for a in attrs.fields(cls) if a.repr is not False)
    return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({shown})"


def share_methods(namespace: dict[str, Any], module: str) -> None:
    """Give the methods above to the attrs classes of ``module`` (its ``vars()``) that lack them: a class
    declared ``repr=False`` gets :func:`attrs_repr`; one declared ``eq=False`` :func:`attrs_eq`,
    :func:`attrs_ne` and :func:`attrs_hash`."""
    for cls in [v for v in namespace.values() if isinstance(v, type) and attrs.has(v) and v.__module__ == module]:
        own = vars(cls)
        if "__repr__" not in own:
            setattr(cls, "__repr__", attrs_repr)
        if "__eq__" not in own:
            setattr(cls, "__eq__", attrs_eq)
            setattr(cls, "__ne__", attrs_ne)
            setattr(cls, "__hash__", attrs_hash)
