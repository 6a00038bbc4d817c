"""The methods the model shares (language/model.py): ``__repr__`` prints what attrs' own would print; pickling
keeps every field, those left out of equality too."""

from __future__ import annotations

import copy
import pickle

import attrs

from engine.language import model as M


def nodes(value):
    """Every model object within ``value``."""
    stack = [value]
    while stack:
        x = stack.pop()
        if attrs.has(type(x)):
            yield x
            stack.extend(getattr(x, f.name) for f in attrs.fields(type(x)))
            if isinstance(x, M.Document):  # its comments are kept as a table, made into Comments when asked
                stack.extend(x.comments)
        elif isinstance(x, tuple):
            stack.extend(x)


def attrs_repr(node) -> str:
    """``repr(node)`` as attrs generates it, from a class with the same fields and attrs' own repr."""
    fields = attrs.fields(type(node))
    mirror = attrs.make_class(type(node).__name__, {f.name: attrs.field(repr=f.repr, kw_only=True) for f in fields},
                              repr=True, eq=False)
    return repr(mirror(**{f.alias: getattr(node, f.name) for f in fields}))


def test_every_model_class_prints_as_attrs_prints_it(corpus):
    seen = {}
    for f in corpus.files:
        for node in nodes(f.document):
            seen.setdefault(type(node), []).append(node)
    models = {v for v in vars(M).values() if isinstance(v, type) and attrs.has(v) and v.__module__ == M.__name__}
    assert models - set(seen) <= {M.Removal, M.Amendment, M.Omission, M.BaseChapter, M.Expectation, M.Any_}
    for cls, found in seen.items():
        for node in found[:50]:
            assert repr(node) == attrs_repr(node)


def test_classes_the_corpus_lacks_print_as_attrs_prints_them():
    for node in (M.Removal("exception", "public-policy", span=M.Span("a", 1, 2, 3, 4)),
                 M.Amendment("1", "T", M.Article("1", topics=("x",))), M.Omission("2", "why"), M.BaseChapter("3"),
                 M.Expectation("rcep", "tpp3", None, "met", None, "JP", 1, 2), M.NO_SPAN, M.Comment(1, 2, "# x"),
                 M.Any_((M.Atom("enforceable"), M.Not(M.Atom("binding", ("x",)))))):
        assert repr(node) == attrs_repr(node)


def test_a_pickled_document_comes_back_whole(corpus):
    for f in corpus.files:
        again = pickle.loads(pickle.dumps(f.document, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == f.document
        assert again.comments == f.document.comments
        for old, new in zip(nodes(f.document), nodes(again)):  # spans and other fields outside equality
            assert type(old) is type(new)
            assert all(getattr(old, a.name) == getattr(new, a.name) for a in attrs.fields(type(old)))
        assert copy.deepcopy(f.document) == f.document


def test_a_node_is_pickled_as_its_field_values():
    span = M.Span("a.agr", 1, 2, 3, 4)
    assert span.__getstate__() == ("a.agr", 1, 2, 3, 4)
    assert b"end_column" not in pickle.dumps(span)  # no field names in the pickle
