"""A node's span as the parser hands it over (language/model.py, ``packed``): a plain tuple in the node's slot,
read back as a ``Span`` equal to the one a caller would have given; built, compared, printed and pickled as a
node given a ``Span`` is (docs/performance.md, P5)."""

from __future__ import annotations

import gc
import pickle

import attrs
from hypothesis import given
from hypothesis import strategies as st

from engine.language import model as M
from engine.syntax.parse import parse_text

SPAN_FIELDS = [(cls, f.name) for cls in vars(M).values() if isinstance(cls, type) and attrs.has(cls)
               and cls.__module__ == M.__name__ and cls is not M.Span for f in attrs.fields(cls) if f.type == "Span"]

TEXT = """agreement a "A" {
  kind fta
  parties JP KR
  article 1 "One" {
    topic cross-border-data
    binding "shall allow" paraphrase "allows transfers"
    exception general "except as" # a comment
    note "n"
  }
}
norms n {
  norm x {
    topic cross-border-data
    require binding and not (enforceable or in-force) because "why"
  }
}
"""

spans = st.builds(M.Span, st.text(max_size=5), st.integers(0, 10**6), st.integers(0, 500), st.integers(0, 10**6),
                  st.integers(0, 500))


def test_every_span_field_reads_a_packed_span_back_as_a_span():
    assert len(SPAN_FIELDS) > 20  # every node's `span`, Article's `topic_span`, each setting's span
    for cls, name in SPAN_FIELDS:
        node = cls.__new__(cls)
        object.__setattr__(node, name, M.packed("a.agr", 3, 4, 5, 6))
        got = getattr(node, name)
        assert type(got) is M.Span and got == M.Span("a.agr", 3, 4, 5, 6)
        assert M.stored_span(node, name) == ("a.agr", 3, 4, 5, 6)


@given(spans)
def test_a_node_given_a_packed_span_equals_prints_and_pickles_as_one_given_the_span(span):
    parts = (span.file, span.line, span.column, span.end_line, span.end_column)
    packed, plain = M.Quote("w", span=M.packed(*parts)), M.Quote("w", span=span)
    assert packed.span == span and packed.span == plain.span
    assert packed == plain and hash(packed) == hash(plain) and repr(packed) == repr(plain)
    assert pickle.dumps(packed) == pickle.dumps(plain)
    again = pickle.loads(pickle.dumps(packed))
    assert type(again.span) is M.Span and again.span == span
    assert attrs.evolve(packed, text="v").span == span


def test_a_span_given_is_read_back_as_the_same_object():
    span = M.Span("a.agr", 1, 2, 3, 4)
    assert M.Note("n", span=span).span is span
    assert M.Note("n").span is M.NO_SPAN
    assert M.Article("1").topic_span is M.NO_SPAN
    assert M.SettingSpans().kind is M.NO_SPAN and M.SettingSpans(kind=span).kind is span


def parsed_nodes(document):
    stack = list(document.items)
    while stack:
        x = stack.pop()
        if attrs.has(type(x)):
            yield x
            stack.extend(getattr(x, f.name) for f in attrs.fields(type(x)) if f.type != "Span")
        elif isinstance(x, tuple):
            stack.extend(x)


def test_the_parser_leaves_spans_the_collector_does_not_track():
    result = parse_text(TEXT, "a.agr")
    assert result.ok
    gc.collect()  # a tuple of strings and numbers is untracked by the first collection that sees it
    seen = 0
    for node in parsed_nodes(result.document):
        for cls, name in SPAN_FIELDS:
            if type(node) is cls and getattr(node, name).written:
                assert not gc.is_tracked(M.stored_span(node, name)), (cls, name)
                seen += 1
    assert seen > 15


def test_spans_read_from_a_parse_are_where_the_text_wrote_them():  # as the parser gave them as Span objects
    document = parse_text(TEXT, "a.agr").document
    assert document is not None
    agreement, norms = document.items
    article = agreement.articles[0]
    assert article.span == M.Span("a.agr", 4, 3, 9, 4)
    assert article.topic_span == M.Span("a.agr", 5, 5, 5, 28)
    assert [q.span for q in article.commitment.quotes] == [M.Span("a.agr", 6, 13, 6, 26),
                                                            M.Span("a.agr", 6, 38, 6, 56)]
    assert agreement.spans.parties == M.Span("a.agr", 3, 3, 3, 16)
    predicate = norms.norms[0].requirements[0].predicate
    assert predicate.span == M.Span("a.agr", 14, 13, 14, 53)
    assert predicate.operands[1].span == M.Span("a.agr", 14, 25, 14, 53)
