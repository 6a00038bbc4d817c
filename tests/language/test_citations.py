"""One citation function for every output: articles, chapters, footnotes, pages and lines, placeholders."""

from __future__ import annotations

import pytest

from engine.language.citations import article_words, articles_words, chapter_words, cite, cite_quote
from engine.language.model import Citation


@pytest.mark.parametrize("args, words", [
    (("12.15",), "Art. 12.15"),
    (("12.15", None, 14), "Art. 12.15, fn 14"),
    (("3", "14"), "Ch. 14, Art. 3"),
    (("12.15", None, 14, 12, 4), "Art. 12.15, fn 14 (p. 12, l. 4)"),
    (("3", "14", None, 7), "Ch. 14, Art. 3 (p. 7)"),
    (("unnumbered 1", "14"), "unnumbered article 1 of Ch. 14"),
    (("unnumbered 2",), "unnumbered article 2"),
    (("3", "unnumbered 1"), "unnumbered chapter 1, Art. 3"),
    (("", "14"), "Ch. 14"),
    ((None, None, None, 3), "p. 3"),
    ((None,), ""),
])
def test_cite(args, words):
    assert cite(*args) == words


def test_a_quotes_citation_is_read_in_its_chapter_unless_it_names_one():
    assert cite_quote(Citation("3", 2, page=5, line=1), "14") == "Ch. 14, Art. 3, fn 2 (p. 5, l. 1)"
    assert cite_quote(Citation("18", chapter="7"), "14") == "Ch. 7, Art. 18"
    assert cite_quote(Citation("12.15")) == "Art. 12.15"


def test_placeholders_never_read_as_numbers():
    assert article_words("unnumbered 1") == "unnumbered article 1" and chapter_words("unnumbered 3") == \
        "unnumbered chapter 3"
    assert chapter_words("14") == "Ch. 14"


@pytest.mark.parametrize("articles, words", [
    ([("14.11", None), ("14.13", None)], "Art. 14.11, 14.13"),
    ([("G-01", None), ("14.13", None)], "Art. G-01, 14.13"),  # a lettered number is a number: no guess from a digit
    ([("3", "14"), ("3", "15")], "Ch. 14, Art. 3; Ch. 15, Art. 3"),
    ([("14.11", None), ("unnumbered 1", None)], "Art. 14.11; unnumbered article 1"),
    ([("unnumbered 1", "14")], "unnumbered article 1 of Ch. 14"),
])
def test_several_articles_of_one_agreement(articles, words):
    assert articles_words(articles) == words
