"""Classes that cost little at import: shared methods for the model's attrs classes, and records.

attrs writes and compiles a ``__repr__``, an ``__eq__`` and a ``__hash__`` for each class when its module
is imported, and the report builds about forty classes before it does any work.  The model's classes are
declared ``@attrs.frozen(repr=False, eq=False)`` and given the methods here by :func:`share_methods`,
which compare, hash and print exactly as attrs' own would: equality over the fields attrs compares (not
those declared ``eq=False``), for objects of the same class only; a hash over the fields it hashes; the
repr attrs prints.  The methods read each class's fields once, on first use.

What is not the parsed model (results, diagnostics, evaluation records) is a :class:`Record`: declared as
a frozen attrs class is, built for about a tenth of its cost, nothing compiled.
"""

from __future__ import annotations

import operator
import sys
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Optional, TypeVar

import attrs

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
elif sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10: only type checkers read it
    def dataclass_transform(**_: Any) -> Callable[[Any], Any]:
        return lambda cls: cls

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


# ---------------------------------------------------------------- records: frozen records that are not the model

_NOTHING: Any = type("_Nothing", (), {"__repr__": lambda self: "NOTHING", "__slots__": ()})()
"""No default given (a field without one must be passed)."""


class _FieldSpec:
    """What :func:`field` declares of a record's field."""

    __slots__ = ("default", "factory", "kw_only", "eq", "repr")

    def __init__(self, default: Any, factory: Optional[Callable[[], Any]], kw_only: bool, eq: bool,
                 repr: bool) -> None:
        self.default, self.factory, self.kw_only, self.eq, self.repr = default, factory, kw_only, eq, repr


def field(*, default: Any = _NOTHING, factory: Optional[Callable[[], Any]] = None, kw_only: bool = False,
          eq: bool = True, repr: bool = True) -> Any:
    """A record field's options (as ``attrs.field``'s): a default or a ``factory`` that makes one, whether it
    is passed by keyword only, left out of equality and hashing (``eq=False``), left out of the repr."""
    return _FieldSpec(default, factory, kw_only, eq, repr)


class Field:
    """One field of a record class, as :func:`fields` gives it."""

    __slots__ = ("name", "default", "factory", "kw_only", "eq", "repr")

    def __init__(self, name: str, spec: _FieldSpec) -> None:
        self.name = name
        self.default, self.factory, self.kw_only = spec.default, spec.factory, spec.kw_only
        self.eq, self.repr = spec.eq, spec.repr

    @property
    def required(self) -> bool:
        """Whether a value must be passed (no default, no factory)."""
        return self.default is _NOTHING and self.factory is None


def _is_class_var(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar", "t.ClassVar"))


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class RecordType(type):
    """The metaclass of :class:`Record`: a class's annotated names become its fields and its slots.

    Building a record class costs a ``type()`` call and a loop over its annotations, where an attrs class
    costs about 1.5 M instructions (attrs compiles its ``__init__`` and builds an ``Attribute`` per field):
    the report's path builds about twenty such classes on every run.  The ``__init__`` is compiled the first
    time the class is called, so a record class never used costs nothing more.
    """

    __record_fields__: tuple[Field, ...]

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> "RecordType":
        inherited = tuple(f for base in bases for f in getattr(base, "__record_fields__", ()))
        own = []
        for field_name, annotation in _annotations(namespace).items():
            if _is_class_var(annotation) or field_name.startswith("__"):
                continue
            given = namespace.pop(field_name, _NOTHING)
            spec = given if isinstance(given, _FieldSpec) else _FieldSpec(given, None, False, True, True)
            own.append(Field(field_name, spec))
        if "__slots__" not in namespace:
            namespace["__slots__"] = tuple(f.name for f in own)
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        cls.__record_fields__ = every = inherited + tuple(own)
        _check_order(cls, every)
        names = tuple(f.name for f in every)
        cls._fields = names  # type: ignore[attr-defined]
        cls._key = staticmethod(_getter(tuple(f.name for f in every if f.eq)))  # type: ignore[attr-defined]
        cls._shown = tuple(f.name for f in every if f.repr)  # type: ignore[attr-defined]
        cls._setters = tuple(_slot(cls, n).__set__ for n in names)  # type: ignore[attr-defined]
        if "__init__" not in namespace:
            setattr(cls, "__init__", _make_init(cls))
        return cls


def _annotations(namespace: dict[str, Any]) -> dict[str, Any]:
    """A class body's annotations, in order (Python 3.14 may keep them in an ``__annotate__`` function)."""
    if "__annotations__" in namespace or "__annotate__" not in namespace:
        return dict(namespace.get("__annotations__", {}))
    import annotationlib  # type: ignore[import-not-found]  # pragma: no cover - Python 3.14

    return dict(annotationlib.call_annotate_function(  # pragma: no cover
        namespace["__annotate__"], annotationlib.Format.FORWARDREF))


def _check_order(cls: type, every: tuple[Field, ...]) -> None:
    """A field without a default may not follow one with a default (among those passed by position)."""
    seen_default = None
    for f in every:
        if f.kw_only:
            continue
        if not f.required:
            seen_default = f.name
        elif seen_default is not None:
            raise TypeError(f"{cls.__qualname__}: field {f.name!r} without a default follows {seen_default!r}")


def _slot(cls: type, name: str) -> Any:
    """The slot descriptor that holds ``name`` (the class's own or a base's)."""
    return next(vars(c)[name] for c in cls.__mro__ if name in vars(c))


def _make_init(cls: Any) -> Callable[..., None]:
    """The ``__init__`` of a record class: ``Rec(a, b, c=..., *, d=...)`` as attrs would write it, each slot set
    straight, then ``__post_init__`` where the class has one.  Nothing is compiled: a call with every field
    given by position, or the trailing defaults left out, sets the slots from the arguments; any other call
    is bound field by field (:func:`_bind`)."""
    setters, every = cls._setters, cls.__record_fields__
    count = len(every)
    post = getattr(cls, "__post_init__", None)
    simple = not any(f.kw_only or f.factory is not None for f in every)
    least = sum(1 for f in every if f.required) if simple else count + 1  # else: always bound
    tail = tuple(f.default for f in every[least:])

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        given = len(args)
        if kwargs or not least <= given <= count:
            args = _bind(cls, args, kwargs)
        elif given < count:
            args += tail[given - least:]
        for setter, value in zip(setters, args):
            setter(self, value)
        if post is not None:
            post(self)
    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _bind(cls: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """The value of every field, in order, from a call's arguments; ``TypeError`` as Python words it for a
    function of the same signature."""
    every: tuple[Field, ...] = cls.__record_fields__
    name = cls.__qualname__
    positional = [f for f in every if not f.kw_only]
    if len(args) > len(positional):
        raise TypeError(f"{name}() takes {len(positional) + 1} positional arguments but {len(args) + 1} were given")
    values = dict(zip((f.name for f in positional), args))
    for key, value in kwargs.items():
        if key in values:
            raise TypeError(f"{name}() got multiple values for argument {key!r}")
        if key not in cls._fields:
            raise TypeError(f"{name}() got an unexpected keyword argument {key!r}")
        values[key] = value
    missing = [f.name for f in every if f.name not in values and f.required]
    if missing:
        raise TypeError(f"{name}() missing {len(missing)} required argument(s): {', '.join(map(repr, missing))}")
    return tuple(values[f.name] if f.name in values else f.factory() if f.factory is not None else f.default
                 for f in every)


_R = TypeVar("_R", bound="Record")


class Record(metaclass=RecordType):
    """A frozen record that is not the parsed model: results, diagnostics, evaluation records.

    Declared as a frozen attrs class is, with annotations and :func:`field` (no decorator)::

        class Step(Record):
            test: str
            held: bool
            line: int = 0
            note: str = field(default="", eq=False)

    A record is slotted; it compares equal to one of the very same class with equal compared fields,
    hashes alike when equal, prints as an attrs class does, pickles, and refuses assignment
    (``attrs.exceptions.FrozenInstanceError``, an ``AttributeError``).  :meth:`replace` stands for
    ``attrs.evolve`` and :func:`fields` for ``attrs.fields``; mypy reads the class as a frozen dataclass
    (``typing.dataclass_transform``), so a wrong constructor call or an assignment is a type error.
    """

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]]
    _key: ClassVar[Callable[[Any], tuple[Any, ...]]]
    _shown: ClassVar[tuple[str, ...]]
    _setters: ClassVar[tuple[Callable[[Any, Any], None], ...]]

    def __setattr__(self, name: str, value: Any) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = self.__class__._key
        return bool(key(self) == key(other))

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self) -> int:
        cls = self.__class__
        return hash((cls, *cls._key(self)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({shown})"

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for setter, value in zip(self._setters, state):
            setter(self, value)

    def replace(self: _R, **changes: Any) -> _R:
        """A copy with ``changes`` (by field name), made through ``__init__`` as ``attrs.evolve`` does."""
        unknown = set(changes) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__qualname__} has no field {sorted(unknown)[0]!r}")
        values = {name: changes[name] if name in changes else getattr(self, name) for name in self._fields}
        return self.__class__(**values)


def fields(cls: type) -> tuple[Field, ...]:
    """The fields of a record class, in order (``attrs.fields`` for records)."""
    return cls.__record_fields__  # type: ignore[attr-defined, no-any-return]


def is_record(cls: object) -> bool:
    """Whether ``cls`` is a record class."""
    return isinstance(cls, RecordType)
