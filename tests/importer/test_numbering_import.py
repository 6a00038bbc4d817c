"""The importer writes numbers as the source writes them: per chapter where the text restarts, placeholders
(`unnumbered N`, with a note and a warning) where it gives none, never a number of its own making."""

from __future__ import annotations

import collections
import datetime as dt

import pytest

import engine
from conftest import TOTA
from engine.checking.validate import validate
from engine.importer import import_bytes, import_file, to_source
from engine.importer.numbering import written_article, written_chapter
from engine.importer.tota import read_tota
from engine.language import codes as C
from engine.language import model as M
from engine.rendering import render

PTA_54 = TOTA / "pta_54.xml"


def _xml(chapters: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><treaty><meta><name>T</name><treaty_identifier>903'
            f"</treaty_identifier></meta><body>{chapters}</body></treaty>").encode("utf-8")


def _chapter(label: str | None, name: str | None, *articles: str | None) -> str:
    head = (f' number="{label}"' if label else "") + (f' name="{name}"' if name else "")
    numbers = [f' number="{a}"' if a else "" for a in articles]
    body = "".join(f'<article{n} article_identifier="{i}">Text {i}.</article>' for i, n in enumerate(numbers, 1))
    return f"<chapter{head}>{body}</chapter>"


def _numbers(a: M.Agreement) -> list[tuple[str | None, str]]:
    return [(ch.number if ch else None, art.number) for ch, art in a.all_articles()]


def _imported(chapters: str) -> engine.importer.ImportResult:
    result = import_bytes(_xml(chapters), "t.xml")
    assert result.agreement is not None
    to_source(result, validate=validate)  # the draft checks clean
    return result


def test_a_text_whose_chapters_restart_is_imported_numbered_per_chapter():
    result = _imported(_chapter("CHAPTER 1", "One", "ARTICLE 1", "ARTICLE 2")
                       + _chapter("CHAPTER 2", "Two", "ARTICLE 1", "ARTICLE 2", "ARTICLE 2"))
    a = result.agreement
    assert a.per_chapter
    assert _numbers(a) == [("1", "1"), ("1", "2"), ("2", "1"), ("2", "2"), ("2", "unnumbered 1")]
    (warning,) = result.diagnostics
    assert warning.code == C.NO_NUMBER_IN_SOURCE.id and not warning.is_error
    assert warning.message == ("article unnumbered 1 of chapter 2 (ToTA article_identifier 3): the text numbers it "
                               "`ARTICLE 2`, a number given before in this chapter")


def test_a_text_numbered_throughout_gives_a_chapter_number_it_repeats_a_placeholder_that_names_it():
    result = _imported(_chapter("CHAPTER 1", "Goods", "ARTICLE 1") + _chapter("CHAPTER 1", "Services", "ARTICLE 2"))
    assert not result.agreement.per_chapter
    assert _numbers(result.agreement) == [("1", "1"), ("unnumbered 1", "2")]
    (warning,) = result.diagnostics
    assert warning.code == C.NO_NUMBER_IN_SOURCE.id and not warning.is_error
    assert warning.message == ("chapter unnumbered 1 (ToTA chapter_identifier 2): the text numbers it `CHAPTER 1`, "
                               "a number given before in this text")
    assert any("`CHAPTER 1`" in str(n) for n in result.agreement.chapters[1].notes)


def test_restarting_chapters_of_one_number_get_a_placeholder_each_after_the_first():
    result = _imported(_chapter("CHAPTER 1", "A", "ARTICLE 1") + _chapter("CHAPTER 1", "B", "ARTICLE 1"))
    assert _numbers(result.agreement) == [("1", "1"), ("unnumbered 1", "1")]
    assert [d.message.split(":")[0] for d in result.diagnostics] == [
        "chapter unnumbered 1 (ToTA chapter_identifier 2)"]


def test_no_number_gives_a_placeholder_and_a_container_is_no_chapter():
    result = _imported(_chapter(None, None, None) + _chapter(None, None, "ARTICLE 1", "ARTICLE 2")
                       + _chapter(None, "Final Provisions", "ARTICLE 3"))
    a = result.agreement
    assert _numbers(a) == [(None, "unnumbered 1"), (None, "1"), (None, "2"), ("unnumbered 1", "3")]
    assert [d.message for d in result.diagnostics] == [
        "chapter unnumbered 1 (ToTA chapter_identifier 3): the source gives it no number",
        "article unnumbered 1 (ToTA article_identifier 1): the source gives it no number"]
    report = engine.evaluate(a, engine.Corpus.bundled().norms("tpp3"), as_of=dt.date(2026, 1, 1))
    assert report.findings


def test_lettered_numbers_are_written_as_the_text_writes_them():
    result = _imported(_chapter("CHAPTER G", "Investment", "ARTICLE G-01", "ARTICLE G-02"))
    assert _numbers(result.agreement) == [("G", "G-01"), ("G", "G-02")] and result.diagnostics == ()


@pytest.mark.skipif(not PTA_54.is_file(), reason="../shared/tota/xml/pta_54.xml is not here")
def test_safta_numbers_chapter_14s_articles_1_to_10_as_written():
    result = import_file(str(PTA_54))
    a = result.agreement
    assert a is not None and a.per_chapter and result.diagnostics == ()
    (ch14,) = [ch for ch in a.chapters if ch.number == "14"]
    assert [art.number for art in ch14.articles] == [str(n) for n in range(1, 11)]
    assert ch14.articles[2].title == "Customs Duties" and not ch14.articles[2].notes[:-1]
    text = to_source(result, validate=validate)
    assert "numbering per-chapter" in text and "0." not in "".join(n for _, n in _numbers(a))
    report = engine.evaluate(a, engine.Corpus.bundled().norms("digital-core"), as_of=dt.date(2026, 1, 1))
    assert "Ch. 14, Art. 3" in render(report, "text")


# ---------------------------------------------------------------- the whole ToTA corpus


def _source_numbers(path: str) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """Every chapter and article number the source writes (as the language writes it), counted."""
    raw, _ = read_tota(open(path, "rb").read(), path)
    assert raw is not None
    chapters = collections.Counter(w.number for w in map(written_chapter, raw.chapters) if w.number)
    articles = collections.Counter(w.number for ch in raw.chapters for w in map(written_article, ch.articles)
                                   if w.number)
    return chapters, articles


@pytest.mark.slow
@pytest.mark.skipif(not TOTA.is_dir(), reason="../shared/tota/xml is not beside the checkout")
def test_no_import_of_the_tota_corpus_writes_a_number_the_source_does_not_write():
    files = sorted(TOTA.glob("*.xml"))
    assert len(files) > 400
    for path in files:
        result = import_file(str(path))
        a = result.agreement
        assert a is not None, path.name
        chapters, articles = _source_numbers(str(path))
        ours_ch = collections.Counter(ch.number for ch in a.chapters if M.unnumbered_ordinal(ch.number) is None)
        ours_art = collections.Counter(art.number for _, art in a.all_articles()
                                       if M.unnumbered_ordinal(art.number) is None)
        assert not ours_ch - chapters, (path.name, ours_ch - chapters)
        assert max(ours_ch.values(), default=1) == 1, path.name  # a chapter is named by its number: once
        assert not ours_art - articles, (path.name, ours_art - articles)
        placeholders = sum(1 for ch in a.chapters if M.unnumbered_ordinal(ch.number) is not None) \
            + sum(1 for _, art in a.all_articles() if M.unnumbered_ordinal(art.number) is not None)
        assert placeholders == len([d for d in result.diagnostics if d.code == C.NO_NUMBER_IN_SOURCE.id])
