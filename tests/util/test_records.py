"""engine/util/records.py: the shared methods compare, hash and print as attrs' own."""

from __future__ import annotations

from typing import Optional

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.language import model as M
from engine.util.records import share_methods


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


@given(FIELDS, FIELDS)
def test_shared_methods_compare_hash_and_print_as_attrs(x, y):
    assert (Ours(*x) == Ours(*y)) == (Theirs(*x) == Theirs(*y))
    assert (Ours(*x) != Ours(*y)) == (Theirs(*x) != Theirs(*y))
    if Theirs(*x) == Theirs(*y):
        assert hash(Ours(*x)) == hash(Ours(*y))
    assert repr(Ours(*x)) == repr(Theirs(*x)).replace("Theirs", "Ours")


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
