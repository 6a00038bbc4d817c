"""Provision search: the query's terms, what matches, the ranking, the filters, the highlights and the JSON."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from engine.errors import UsageError
from engine.language import vocab as V
from engine.rendering import render
from engine.views.search import Field, Terms, pattern, search


def test_a_query_is_phrases_in_quotes_and_single_words():
    terms = Terms.parse('"Source  Code" algorithm “computing facilities” Algorithm "x')
    assert terms.phrases == ("source code", "computing facilities")
    assert terms.words == ("algorithm", "x")  # case folded, repeated once, an unclosed quote ends the query


def test_a_term_matches_on_word_boundaries_a_plural_and_a_phrase_across_punctuation():
    assert pattern("algorithm").search("an Algorithms clause")
    assert not pattern("code").search("the encoded text")
    assert pattern("source code").search("no source-code requirement")


def test_source_code_for_korea_finds_ksdpa_14_17_first(corpus):
    found = search(corpus.agreements.values(), '"source code"', party="KR")
    assert (found.hits[0].agreement, found.hits[0].article) == ("ksdpa", "14.17")
    assert all("KR" in corpus.agreement(h.agreement).parties for h in found.hits)
    assert {h.agreement for h in found.hits} <= {"ksdpa", "rcep", "depa"}


def test_hits_rank_phrases_then_terms_then_strength(corpus):
    found = search(corpus.agreements.values(), 'algorithm "source code"')
    keys = [(-h.phrases, -len(h.matched), -V.Strength(h.strength).rank) for h in found.hits]
    assert keys == sorted(keys) and len(found.hits) > 5
    assert found.hits[0].phrases == 1 and found.hits[0].matched == ("source code", "algorithm")


def test_each_passage_keeps_the_spans_of_its_matches(corpus):
    hit = search(corpus.agreements.values(), '"source code"', agreement="ksdpa").hits[0]
    for p in hit.passages:
        assert p.spans and all(p.text[a:b].casefold().startswith("source") for a, b in p.spans)
    assert {p.field for p in hit.passages} >= {Field.TITLE, Field.QUOTE}
    assert all(p.citation.startswith("Art. 14.17") for p in hit.passages)


def test_filters_by_topic_and_agreement(corpus):
    on_topic = search(corpus.agreements.values(), "source", topic="source-code")
    assert on_topic.hits and all("source-code" in h.topics for h in on_topic.hits)
    one = search(corpus.agreements.values(), "transfer", agreement="rcep")
    assert one.hits and {h.agreement for h in one.hits} == {"rcep"}


@pytest.mark.parametrize("query, topic", [('""', None), ("code", "sourcecode")])
def test_an_empty_query_or_an_unknown_topic_is_a_usage_error(corpus, query, topic):
    with pytest.raises(UsageError):
        search(corpus.agreements.values(), query, topic=topic)


def test_each_format_highlights_the_matches(corpus):
    found = search(corpus.agreements.values(), '"source code"', agreement="ksdpa")
    assert "«source code»" in render(found, "text")
    assert "**source code**" in render(found, "markdown")
    assert "<mark>source code</mark>" in render(found, "html")
    assert "source code" in render(found, "csv").splitlines()[1]


def test_the_json_is_tradegap_search_2_1_and_validates_against_its_schema(corpus):
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(render(search(corpus.agreements.values(), '"source code" algorithm', party="KR"), "json"))
    assert data["schema"] == {"name": "tradegap.search", "version": "2.1"}
    schema = json.loads((ROOT / "engine" / "schemas" / "search.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["hits"][0]["agreement"] == "ksdpa" and data["hits"][0]["passages"][0]["spans"]
