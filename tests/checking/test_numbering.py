"""Chapter-scoped article numbers: checked in one document, resolved in drafts, quoted verbatim from ToTA."""

from __future__ import annotations

import re

import pytest

import engine
from conftest import ROOT, TOTA
from engine.language import codes as C
from engine.language import model as M
from engine.syntax.parse import parse_text
from engine.checking.validate import validate

FIXTURE = ROOT / "tests" / "conformance" / "numbering" / "safta.agr"

BASE = """agreement base {
  numbering per-chapter
  parties AU SG
  chapter 1 {
    article 1 "One-one" { topic scope }
    article 3 "One-three" { topic definitions }
  }
  chapter 2 {
    article 1 "Two-one" { topic transparency }
    article 3 "Two-three" { topic cooperation }
  }
  article 9 "Loose" { topic institutional }
}
"""


def _codes(text: str) -> list[tuple[str, str]]:
    doc = parse_text(text, "n.agr").document
    assert doc is not None
    return [(d.code, d.message) for d in validate(doc)]


def _resolved(draft: str) -> tuple[engine.Corpus, M.Agreement]:
    corpus = engine.parse(BASE + "\n" + draft, "n.agr")
    return corpus, corpus.agreement("d")


def _where(a: M.Agreement) -> list[tuple[str | None, str, str | None]]:
    return [(ch.number if ch else None, art.number, art.title) for ch, art in a.all_articles()]


def _errors(corpus: engine.Corpus) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in corpus.diagnostics if d.is_error]


# ---------------------------------------------------------------- one document


def test_a_number_may_repeat_across_chapters_of_an_agreement_numbered_per_chapter():
    assert _codes(BASE) == []
    assert engine.load([str(FIXTURE)]).errors == ()


def test_without_numbering_per_chapter_a_repeat_across_chapters_is_an_error_that_names_the_way_out():
    ((code, message),) = _codes(BASE.replace("  numbering per-chapter\n", "").replace("article 3 \"Two-three\"",
                                                                                      "article 4 \"Two-four\""))
    assert code == C.DUPLICATE_ARTICLE.id and message == "article 1 is written twice in `base` (in chapters 1 and 2)"


def test_numbered_per_chapter_a_repeat_within_one_chapter_is_still_an_error():
    text = BASE.replace('article 3 "One-three"', 'article 1 "One-one again"')
    assert _codes(text) == [(C.DUPLICATE_ARTICLE.id, "article 1 is written twice in chapter 1 of `base`")]


@pytest.mark.parametrize("numbering", ["  numbering per-chapter\n", ""])
def test_a_chapter_number_written_twice_is_an_error_in_any_agreement(numbering):
    text = BASE.replace("  numbering per-chapter\n", numbering).replace("chapter 2 {", "chapter 1 {")
    if not numbering:
        text = text.replace('article 1 "Two-one"', 'article 4 "Two-four"').replace("article 3 \"Two-three\"",
                                                                                  "article 5 \"Two-five\"")
    doc = parse_text(text, "n.agr").document
    assert doc is not None
    (diag,) = [d for d in validate(doc) if d.code == C.DUPLICATE_CHAPTER.id]
    assert diag.message == "chapter 1 is written twice in `base`"
    assert diag.secondary[0][1] == "first written here" and "chapter unnumbered N" in (diag.hint or "")


def test_an_unknown_numbering_word_is_reported_with_the_known_ones():
    ((code, message),) = _codes('agreement a { numbering per-chaptr article 1 { topic scope } }')
    assert code == C.UNKNOWN_SETTING.id and message == "unknown numbering `per-chaptr`"


@pytest.mark.parametrize("citation, problem", [
    ("art 3", "`art 3` outside a chapter of `base`, which numbers its articles per chapter, names no article"),
    ("art 3 ch 1", None),
    ("art 9", None),  # the article outside chapters of that number
    ("art 9 page 0", "page 0 does not exist: they are counted from 1"),
    ("art 1 ch 2 page 4 line 0", "line 0 does not exist: they are counted from 1"),
    ("art unnumbered 0 ch 1", "unnumbered article 0 does not exist: they are counted from 1"),
])
def test_citations_at_agreement_level(citation, problem):
    text = BASE.replace("  parties AU SG\n", f'  parties AU SG\n  exception general "x" {citation}\n')
    assert [m for _, m in _codes(text)] == ([problem] if problem else [])


def test_a_placeholder_is_counted_from_one():
    assert _codes('agreement a { article unnumbered 0 { topic scope } }') == [
        (C.NUMBER_OUT_OF_RANGE.id, "unnumbered article 0 does not exist: they are counted from 1")]


# ---------------------------------------------------------------- drafts


def test_a_draft_chapter_replaces_the_article_of_its_number_in_the_same_chapter_only():
    corpus, d = _resolved('agreement d { based-on base\n chapter 2 { article 3 "New" { topic cooperation } } }')
    assert _errors(corpus) == []
    assert d.per_chapter  # inherited from the base
    assert _where(d) == [(None, "9", "Loose"), ("1", "1", "One-one"), ("1", "3", "One-three"), ("2", "1", "Two-one"),
                         ("2", "3", "New")]


def test_amend_and_omit_name_the_chapter_where_the_number_is_ambiguous():
    corpus, d = _resolved('agreement d { based-on base\n amend article 3 ch 2 "Amended" { }\n'
                          ' omit article 1 ch 1 "gone"\n amend article 9 "Loose too" { } }')
    assert _errors(corpus) == []
    assert _where(d) == [(None, "9", "Loose too"), ("1", "3", "One-three"), ("2", "1", "Two-one"),
                         ("2", "3", "Amended")]


@pytest.mark.parametrize("statement, message", [
    ("amend article 3 { }", "article 3 stands in several chapters of `base`: 1, 2"),
    ("omit article 1", "article 1 stands in several chapters of `base`: 1, 2"),
    ("amend article 3 ch 7 { }", "article 3 is not in chapter 7 of `base`, so it cannot be amended"),
    ("omit article 4", "article 4 is not in `base`, so it cannot be omitted"),
    ('article 3 "Loose three" { topic scope }',
     "article 3 stands in chapters 1, 2 of `base`, which numbers its articles per chapter: this article outside "
     "chapters replaces none of them"),
    ("numbering agreement-wide",
     "`numbering agreement-wide` differs from the numbering of its base `base` (per-chapter)"),
])
def test_a_draft_reference_that_names_no_single_article_is_an_error(statement, message):
    corpus, d = _resolved(f"agreement d {{ based-on base\n {statement} }}")
    assert [m for _, m in _errors(corpus)] == [message]
    assert len(d.all_articles()) == 5  # nothing applied


def test_a_draft_that_inherits_numbering_per_chapter_names_the_chapter_of_its_agreement_level_citations():
    corpus, _ = _resolved('agreement d { based-on base\n exception general "x" art 3 }')
    assert [m for _, m in _errors(corpus)] == [
        "`art 3` outside a chapter of `d`, which numbers its articles per chapter, names no article"]
    assert _errors(_resolved('agreement d { based-on base\n exception general "x" art 3 ch 2 }')[0]) == []


def test_a_draft_article_outside_chapters_replaces_only_the_base_article_outside_chapters():
    corpus, d = _resolved('agreement d { based-on base\n article 9 "Loose again" { topic institutional } }')
    assert _errors(corpus) == [] and ("1", "3", "One-three") in _where(d)
    assert _where(d)[0] == (None, "9", "Loose again") and len(d.all_articles()) == 5
    corpus, d = _resolved('agreement d { based-on base\n article 12 "New" { topic institutional } }')
    assert _errors(corpus) == [] and (None, "12", "New") in _where(d) and len(d.all_articles()) == 6


def test_a_draft_article_outside_chapters_whose_number_stands_in_one_chapter_only_is_an_error_with_the_way_out():
    text = BASE.replace('article 1 "Two-one" { topic transparency }', 'article 2 "Two-two" { topic transparency }')
    corpus = engine.parse(text + '\nagreement d { based-on base\n article 2 "Loose two" { topic scope } }', "n.agr")
    (diag,) = [x for x in corpus.diagnostics if x.is_error]
    assert diag.code == C.AMBIGUOUS_ARTICLE.id
    assert diag.message == ("article 2 stands in chapter 2 of `base`, which numbers its articles per chapter: this "
                            "article outside chapters replaces none of them")
    assert diag.hint == ("write it inside its chapter's block: `chapter 2 { article 2 ... }`, or change it with "
                         "`amend article 2 ch 2`")
    assert [t for _, a in corpus.agreement("d").all_articles() for t in [a.title]].count("Two-two") == 1
    assert "Loose two" not in [a.title for _, a in corpus.agreement("d").all_articles()]


def test_the_ambiguity_hint_lists_the_chapters():
    corpus, _ = _resolved("agreement d { based-on base\n amend article 3 { } }")
    (diag,) = [d for d in corpus.diagnostics if d.is_error]
    assert diag.code == C.AMBIGUOUS_ARTICLE.id and diag.hint == "name the chapter: `amend article 3 ch N` (chapters 1, 2)"


def test_in_a_base_numbered_agreement_wide_ch_narrows_the_search_to_that_chapter():
    corpus = engine.parse('agreement d { based-on cptpp\n amend article 14.11 ch 14 "Cross" { }\n'
                          ' omit article 14.13 ch 9 }', "d.agr")
    found = [d.message for d in corpus.diagnostics if d.span.file == "d.agr"]
    assert found == ["article 14.13 is not in chapter 9 of `cptpp`, so it cannot be omitted"]
    assert any(a.title == "Cross" for _, a in corpus.agreement("d").all_articles())


# ---------------------------------------------------------------- the fixture's words, where ToTA has them


def _tota_articles(name: str) -> dict[tuple[str, str], str]:
    """(chapter, article number) -> the article's words, from a ToTA file numbered per chapter."""
    from defusedxml.ElementTree import parse

    out = {}
    for ch in parse(str(TOTA / name), forbid_dtd=True).getroot().find("body").findall("chapter"):
        chapter = (ch.get("number") or "").lstrip("0")
        for a in ch.findall("article"):
            number = (a.get("number") or "").split()[-1] if a.get("number") else ""
            out[(chapter, number)] = re.sub(r"\s+", " ", "".join(a.itertext()))
    return out


@pytest.mark.skipif(not (TOTA / "pta_54.xml").is_file(), reason="../shared/tota/xml/pta_54.xml is not here")
def test_the_fixture_quotes_stand_verbatim_in_the_article_of_their_chapter():
    (a,) = [i for i in parse_text(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE)).document.items]
    words = _tota_articles("pta_54.xml")
    quoted = [(q, None) for e in a.exceptions for q in e.quotes]
    quoted += [(q, (ch.number if ch else None, art.number)) for ch, art in a.all_articles()
               for s in (art.commitment, *art.topic_commitments, *art.dispute_settlement) if s is not None
               for q in s.quotes]
    assert len(quoted) >= 8
    for q, (chapter, number) in ((q, where or (None, None)) for q, where in quoted):
        c = q.citation
        key = (c.chapter or chapter, c.article) if c is not None else (chapter, number)
        assert q.text in words[key], (key, q.text)


# ---------------------------------------------------------------- citations read in their chapter


@pytest.mark.parametrize("where, citation, problem", [
    ("chapter", "art 3", None),  # Ch. 2, Art. 3
    ("chapter", "art 9", "`art 9` in chapter 2 is cited as Ch. 2, Art. 9, but chapter 2 of `base` has no article 9"),
    ("article", "art 1", None),  # Ch. 2, Art. 1
    ("article", "art 5", None),  # held nowhere in the encoding: the source's word, as in any agreement
    ("article", "art 4 ch 1", None),
    ("article", "art 9 ch 1", "`art 9` is cited as Ch. 1, Art. 9, but chapter 1 of `base` has no article 9"),
    ("article", "art 3 ch 1", None),
    ("article", "art 7 ch 2", None),
    ("chapter", "art 1 ch 7", None),  # a chapter not encoded
])
def test_a_citation_in_a_chapter_is_read_there_and_must_not_name_an_article_held_elsewhere(where, citation, problem):
    text, statement = BASE, f'dispute-settlement excluded "x" {citation}'
    if where == "chapter":
        text = text.replace("  chapter 2 {\n", f"  chapter 2 {{\n    {statement}\n")
    else:
        text = text.replace('article 3 "Two-three" { topic cooperation }',
                            f'article 3 "Two-three" {{ topic cooperation\n {statement} }}')
    found = [m for _, m in _codes(text)]
    assert found == ([problem] if problem else [])


def test_a_citation_naming_a_chapter_without_that_article_held_in_another_chapter_is_reported_with_where_it_is():
    text = BASE.replace('article 3 "Two-three" { topic cooperation }',
                        'article 3 "Two-three" { topic cooperation\n dispute-settlement excluded "x" art 3 ch 7 }')
    text = text.replace("  article 9", '  chapter 7 { article 1 "Seven-one" { topic scope } }\n  article 9')
    doc = parse_text(text, "n.agr").document
    assert doc is not None
    (diag,) = validate(doc)
    assert diag.code == C.AMBIGUOUS_ARTICLE.id
    assert diag.message == "`art 3` is cited as Ch. 7, Art. 3, but chapter 7 of `base` has no article 3"
    assert diag.hint == "name the chapter it stands in: `art 3 ch N` (article 3 stands in chapters 1, 2)"


def test_a_draft_citation_is_read_in_the_chapters_of_its_base():
    ok = 'agreement d { based-on base\n chapter 2 { article 5 "New" { topic scope\n' \
         ' dispute-settlement excluded "x" art 1 } } }'
    assert _errors(_resolved(ok)[0]) == []
    bad = ok.replace("art 1 }", "art 9 }")
    assert [m for _, m in _errors(_resolved(bad)[0])] == [
        "`art 9` in chapter 2 is cited as Ch. 2, Art. 9, but chapter 2 of `d` has no article 9"]
    explicit = ok.replace("numbering", "").replace("based-on base\n", "based-on base\n numbering per-chapter\n")
    assert _errors(_resolved(explicit)[0]) == []
