"""engine/util/records.py: the shared methods compare, hash and print as attrs' own; a record behaves as a frozen
attrs class declared the same way."""

from __future__ import annotations

from typing import Optional

import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.language import model as M
from engine.util.records import Record, field, fields, is_record, share_methods


@attrs.frozen
class Theirs:
    name: str
    count: int = 0
    note: Optional[str] = attrs.field(default=None, eq=False)
    secret: str = attrs.field(default="", repr=False)


@attrs.frozen(repr=False, eq=False)
class Ours:
    name: str
    count: int = 0
    note: Optional[str] = attrs.field(default=None, eq=False)
    secret: str = attrs.field(default="", repr=False)


share_methods(vars(), __name__)

FIELDS = st.tuples(st.sampled_from(["a", "b"]), st.integers(0, 2), st.none() | st.text(max_size=3),
                   st.sampled_from(["s", "t"]))


def same_as_attrs(cls, x, y):
    """``cls`` made of ``x`` and ``y`` compares, hashes and prints as attrs' own ``Theirs`` does."""
    assert (cls(*x) == cls(*y)) == (Theirs(*x) == Theirs(*y))
    assert (cls(*x) != cls(*y)) == (Theirs(*x) != Theirs(*y))
    if Theirs(*x) == Theirs(*y):
        assert hash(cls(*x)) == hash(cls(*y))
    assert repr(cls(*x)) == repr(Theirs(*x)).replace("Theirs", cls.__name__)


@given(FIELDS, FIELDS)
def test_shared_methods_compare_hash_and_print_as_attrs(x, y):
    same_as_attrs(Ours, x, y)


def test_only_the_same_class_is_equal():
    assert Ours("a") != Theirs("a") and Theirs("a") != Ours("a")
    assert Ours("a") != ("a", 0, None, "")


def test_the_shared_classes_stay_frozen_attrs():
    q = M.Quote("shall")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.text = "may"  # type: ignore[misc]
    assert attrs.evolve(q, text="may") == M.Quote("may") and attrs.has(M.Quote)
    # a span is left out of equality, as attrs' own field option says
    assert M.Quote("shall", span=M.Span("a.agr", 1, 1, 1, 2)) == M.Quote("shall")


# ---------------------------------------------------------------- records


class Rec(Record):
    name: str
    count: int = 0
    note: Optional[str] = field(default=None, eq=False)
    secret: str = field(default="", repr=False)


class Sub(Rec):
    extra: int = 0
    tags: tuple[str, ...] = field(factory=tuple, kw_only=True)


@given(FIELDS, FIELDS)
def test_a_record_compares_hashes_and_prints_as_an_attrs_class(x, y):
    same_as_attrs(Rec, x, y)


def test_a_record_is_frozen_pickles_and_replaces():
    r = Sub("a", 1, "n", "s", 5, tags=("t",))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.name = "b"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del r.count
    back = pickle.loads(pickle.dumps(r))
    assert back == r and (back.note, back.secret, back.extra, back.tags) == ("n", "s", 5, ("t",))
    assert r.replace(count=2) == Sub("a", 2, "n", "s", 5, tags=("t",)) and r.count == 1
    assert repr(r) == "Sub(name='a', count=1, note='n', extra=5, tags=('t',))"
    with pytest.raises(TypeError, match="no field 'nosuch'"):
        r.replace(nosuch=1)
    assert Rec("a") != Sub("a") and Sub("a") != Rec("a") and Rec("a") != ("a", 0, None, "")


def test_a_record_is_called_as_attrs_would_write_its_init():
    assert [f.name for f in fields(Sub)] == ["name", "count", "note", "secret", "extra", "tags"]
    assert Sub("a").tags == () and Sub("a").extra == 0 and Sub(name="a", extra=3).extra == 3
    assert Sub("a", tags=("x",)).tags == ("x",) and Sub("a").tags is Sub("b").tags  # () is one object
    for call, message in [(lambda: Rec(), "missing 1 required argument"),
                          (lambda: Rec("a", 1, None, "s", 9), "takes 5 positional arguments but 6"),
                          (lambda: Sub("a", 1, None, "s", 2, ("t",)), "takes 6 positional arguments but 7"),
                          (lambda: Rec("a", name="b"), "multiple values for argument 'name'"),
                          (lambda: Rec("a", nosuch=1), "unexpected keyword argument 'nosuch'")]:
        with pytest.raises(TypeError, match=message):
            call()
    assert is_record(Sub) and not is_record(Theirs) and not is_record(Sub("a"))


def test_a_factory_makes_a_new_value_for_each_record():
    class Bag(Record):
        items: list[int] = field(factory=list)

    a, b = Bag(), Bag()
    a.items.append(1)
    assert b.items == [] and Bag([2]).items == [2]


def test_post_init_checks_and_field_order_is_checked_when_the_class_is_made():
    class Even(Record):
        n: int

        def __post_init__(self) -> None:
            if self.n % 2:
                raise ValueError("odd")

    assert Even(2).n == 2
    with pytest.raises(ValueError, match="odd"):
        Even(3)
    with pytest.raises(TypeError, match="'b' without a default follows 'a'"):
        class Bad(Record):  # noqa: F841
            a: int = 0
            b: int


@given(st.integers(0, 3), st.booleans())
def test_a_record_takes_the_calls_a_function_of_its_signature_takes(given_count, use_keywords):
    names = ("name", "count", "note", "secret")
    values = ("x", 7, "n", "s")[:given_count + 1]
    args, kwargs = ((), dict(zip(names, values))) if use_keywords else (values, {})
    assert tuple(getattr(Rec(*args, **kwargs), n) for n in names) == attrs.astuple(Theirs(*args, **kwargs))
