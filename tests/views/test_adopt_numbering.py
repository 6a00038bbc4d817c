"""Adopting from or into an agreement numbered per chapter: the article is named by its chapter and number."""

from __future__ import annotations

import pytest

import engine
from engine.errors import UsageError
from engine.views.adopt import adopt

SOURCE = """agreement src {
  numbering per-chapter
  parties AU SG
  chapter 1 {
    article 3 "One-three" { topic definitions }
  }
  chapter 14 "Electronic Commerce" {
    article 3 "Customs Duties" {
      topic customs-duties
      binding prohibition "own words" art 3
      exception general "other words" art 3 ch 1
    }
  }
}
"""

PER_CHAPTER = ('agreement d {\n  numbering per-chapter\n  parties AU SG\n'
               '  chapter 2 {\n    article 3 "Two-three" { topic scope }\n  }\n}\n')


def _adopt(draft: str, **kw: str):
    return adopt(engine.parse(SOURCE, "src.agr"), "src", "3", "d.agr", draft, chapter="14", **kw)


def test_an_article_numbered_per_chapter_goes_into_its_chapter_beside_another_chapter_s_article_of_its_number():
    done = _adopt(PER_CHAPTER)
    assert done.chapter == "14" and done.diagnostics == ()
    assert "\n  chapter 14 {\n    article 3 \"Customs Duties\" {" in done.text
    assert 'article 3 "Two-three"' in done.text
    adopted = engine.parse(done.text, "d.agr").agreement("d")
    assert [(ch.number if ch else None, a.number) for ch, a in adopted.all_articles()] == [("2", "3"), ("14", "3")]


def test_only_a_citation_of_another_article_is_flagged_the_same_number_in_another_chapter_being_another():
    flags = _adopt(PER_CHAPTER).flags
    assert [f for f in flags if f.startswith("a quote cited")] == [
        "a quote cited src Ch. 1, Art. 3, which this draft does not hold: the citation was removed"]


def test_the_draft_already_writing_the_article_in_that_chapter_is_a_usage_error():
    draft = PER_CHAPTER.replace("chapter 2 {", "chapter 14 {")
    with pytest.raises(UsageError, match="the draft already writes article 3 of chapter 14"):
        _adopt(draft)
    assert _adopt(draft, new_number="4").chapter == "14"


def test_a_draft_numbered_agreement_wide_keeps_one_number_once():
    draft = PER_CHAPTER.replace("  numbering per-chapter\n", "")
    with pytest.raises(UsageError, match="the draft already writes article 3$"):
        _adopt(draft)
    done = _adopt(draft, new_number="14.3")
    assert done.chapter == "14" and "chapter 14 {\n    article 14.3 " in done.text
