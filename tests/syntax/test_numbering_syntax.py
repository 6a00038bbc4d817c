"""Faithful numbering in the syntax: `numbering per-chapter`, `ch N`, `article unnumbered N`, `page N line N`."""

from __future__ import annotations

import pytest

from engine.language import codes as C
from engine.language import model as M
from engine.syntax.parse import parse_text
from engine.syntax.printer import format_document

TEXT = """agreement a {
  numbering per-chapter
  exception general "x" art 3 ch 2 fn 4 page 12 line 7

  chapter 1 {
    article 3 "One" {
      topic scope
      binding "y" art unnumbered 2 page 3
    }

    article unnumbered 2 "Untitled in the source" {
      topic definitions
    }
  }

  chapter 2 {
    article 3 "Two" {
      topic transparency
    }
  }
}

agreement d {
  based-on a

  amend article 3 ch 2 "Two" {
    topic cooperation
  }

  omit article 3 ch 1 "why"
  omit article unnumbered 2 ch 1
}
"""


def _parse(text: str) -> M.Document:
    result = parse_text(text, "n.agr")
    assert result.ok, [d.message for d in result.diagnostics]
    assert result.document is not None
    return result.document


def test_the_new_statements_read_into_the_model():
    a, d = _parse(TEXT).items
    assert isinstance(a, M.Agreement) and isinstance(d, M.Agreement)
    assert a.numbering == "per-chapter" and a.per_chapter and not d.per_chapter
    assert a.exceptions[0].quotes[0].citation == M.Citation("3", 4, chapter="2", page=12, line=7)
    one, placeholder = a.chapters[0].articles
    assert one.commitment is not None and one.commitment.quotes[0].citation == M.Citation("unnumbered 2", page=3)
    assert placeholder.number == "unnumbered 2" and M.unnumbered_ordinal(placeholder.number) == 2
    assert [(am.number, am.chapter) for am in d.amendments] == [("3", "2")]
    assert [(om.number, om.chapter, om.reason) for om in d.omissions] == [("3", "1", "why"),
                                                                          ("unnumbered 2", "1", None)]


def test_the_formatter_writes_them_back_as_read():
    doc = _parse(TEXT)
    assert format_document(doc) == TEXT
    assert _parse(format_document(doc)) == doc


def test_an_ordinal_is_written_back_as_a_plain_number():
    doc = _parse('agreement a { article unnumbered 007 { topic scope binding "x" art unnumbered 01 } }')
    (art,) = doc.items[0].articles
    assert art.number == "unnumbered 7" and art.commitment.quotes[0].citation.article == "unnumbered 1"
    assert "article unnumbered 7 {" in format_document(doc)


@pytest.mark.parametrize("text, what", [
    ('binding "x" art 1 page 100000', "a page number"),
    ('binding "x" art 1 page 1 line 10000', "a line number"),
])
def test_a_page_or_line_past_its_limit_is_reported(text, what):
    result = parse_text(f"agreement a {{ article 1 {{ topic scope {text} }} }}", "n.agr")
    (diag,) = result.diagnostics
    assert diag.code == C.NUMBER_TOO_LARGE.id and what in diag.message


@pytest.mark.parametrize("text", [
    'agreement a { article 1 { binding "x" art 1 line 3 } }',  # a line without its page
    'agreement a { article 1 { binding "x" art 1 page 3 fn 2 } }',  # the footnote comes before the page
    'agreement a { article 1 ch 2 { } }',  # an article's chapter is the block it stands in
    'agreement a { article unnumbered { } }',  # a placeholder has its ordinal
])
def test_what_the_grammar_refuses(text):
    assert not parse_text(text, "n.agr").ok


def test_a_citation_after_an_agreement_level_quote_is_told_from_the_next_chapter_block():
    doc = _parse('agreement a { exception general "x" art 3\n chapter 3 { article 1 { topic scope } } }')
    (a,) = doc.items
    assert a.exceptions[0].quotes[0].citation == M.Citation("3") and [ch.number for ch in a.chapters] == ["3"]


def test_the_new_keywords_stay_names_where_a_name_is_expected():
    doc = _parse('norms n { norm m { topic scope require covers ch page line numbering unnumbered because "x" } }')
    (ns,) = doc.items
    assert ns.norms[0].requirements[0].predicate == M.Atom("covers", ("ch", "page", "line", "numbering",
                                                                      "unnumbered"))


def test_placeholders_sort_after_written_numbers_in_their_own_order():
    numbers = ["unnumbered 10", "14.2", "unnumbered 2", "3"]
    assert sorted(numbers, key=M.number_key) == ["3", "14.2", "unnumbered 2", "unnumbered 10"]


def test_lettered_numbers_read_as_numbers_and_a_lone_capital_elsewhere_is_still_no_party_code():
    doc = _parse('agreement a { parties JP KR\n chapter G { article G-01 { topic scope binding "x" art G-02 ch G } } }')
    (a,) = doc.items
    assert a.parties == ("JP", "KR") and _numbers(a) == [("G", "G-01")]
    assert a.chapters[0].articles[0].commitment.quotes[0].citation == M.Citation("G-02", chapter="G")
    (diag,) = parse_text("agreement a { parties J }", "n.agr").diagnostics
    assert diag.code == C.UNEXPECTED_CHARACTER.id and "2 or 3 capital letters" in (diag.hint or "")


def test_a_placeholder_chapter_reads_like_a_placeholder_article():
    doc = _parse('agreement a { chapter unnumbered 1 "Final" { article 3 { topic scope binding "x" '
                 'art 1 ch unnumbered 1 } } }\nagreement d { based-on a chapter unnumbered 1 omit chapter unnumbered 1 }')
    a, d = doc.items
    assert _numbers(a) == [("unnumbered 1", "3")] and d.base_chapters[0].number == "unnumbered 1"
    assert d.chapter_omissions[0].number == "unnumbered 1"


def _numbers(a: M.Agreement) -> list[tuple[str | None, str]]:
    return [(ch.number if ch else None, art.number) for ch, art in a.all_articles()]
