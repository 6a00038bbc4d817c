"""The bundled corpus and examples as data: clean under check and fmt --check; quotes verbatim in their texts."""

from __future__ import annotations

import pathlib
import re
from typing import Any, Iterator, Mapping, Optional

import attrs
import pytest

from engine.checking.corpus import load_file
from engine.language import model as M
from engine.language import vocab as V

from conftest import ROOT, TEXTS, TOTA, run_cli

SOURCE_DIRS = [ROOT / "agreements", ROOT / "rules", ROOT / "examples"]


def test_check_is_clean_on_the_corpus_and_examples():
    code, out, err = run_cli("check", *(str(d) for d in SOURCE_DIRS))
    assert code == 0, err
    assert "0 errors" in out


def test_bundled_corpus_checks_clean_without_arguments():
    code, out, err = run_cli("check")
    assert code == 0, err


def test_fmt_check_passes_on_every_file():
    code, out, err = run_cli("fmt", "--check", *(str(d) for d in SOURCE_DIRS))
    assert code == 0, out + err


def test_expected_agreements_are_bundled(corpus):
    for ident in ("cptpp", "rcep", "usjdta", "depa", "ksdpa", "usmca", "jpeu", "jpuk", "jpch", "jpmn", "jpau",
                  "wto-ecommerce"):
        assert ident in corpus.agreements
    for ident in ("tpp3", "digital-core", "usjdta-plus", "cptpp21", "trust"):
        assert ident in corpus.norm_sets
        assert corpus.norms(ident).version


def test_every_agreement_file_has_a_header_saying_what_it_rests_on():
    for path in sorted((ROOT / "agreements").glob("*.agr")) + [ROOT / "examples" / "kjdpa.agr"]:
        head = path.read_text(encoding="utf-8").lstrip().splitlines()[:3]
        assert head and head[0].startswith("#"), f"{path.name} has no header comment"


# ---------------------------------------------------------------- verbatim quotes
#
# Every statement whose (stamped) verification is `text` must quote words found verbatim in the agreement's
# `source`: a file in ../shared/texts (the words anywhere in it), or a ToTA file `pta_N.xml` in
# ../shared/tota/xml, read at run time, where each quote must stand in the article it cites (`art N`), else in
# the article holding the statement (a chapter-level statement: in its chapter; an agreement-level one:
# anywhere). Paraphrases are not quotes and are never checked.

TOTA_SOURCE = re.compile(r"pta_\d+\.xml")


def _normalise(text: str) -> str:
    """Whitespace folded, curly quotes kept."""
    return re.sub(r"\s+", " ", text).strip()


def _strip_glued_digits(text: str) -> str:
    """Footnote digits glued to words dropped ("person1 or" -> "person or")."""
    return re.sub(r"(?<=[A-Za-z,.;:)\u201d])\d{1,3}(?=[\s,.;:]|$)", "", text)


@attrs.frozen
class Cited:
    """A quote of a `text` statement and where it must stand."""

    text: str
    article: Optional[str]  # the article it cites, else the article holding the statement; None above articles
    chapter: Optional[str]  # the chapter holding the statement (None outside chapters), or the one it cites
    span: M.Span
    per_chapter: bool = False  # the agreement numbers per chapter: the article is the one of that chapter


def _statements(node: Any) -> Iterator[Any]:
    """The statements (anything with quotes and a verification) directly in an article, chapter or agreement."""
    for field in attrs.fields(type(node)):
        value = getattr(node, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if attrs.has(type(item)) and hasattr(item, "quotes") and hasattr(item, "verification"):
                yield item


def _cited(statement: Any, article: Optional[str], chapter: Optional[str], per_chapter: bool) -> Iterator[Cited]:
    if statement.verification != V.Verification.TEXT:
        return
    for q in statement.quotes:
        if not q.paraphrase:
            c = q.citation
            yield Cited(q.text, c.article if c else article, (c.chapter if c else None) or chapter, q.span,
                        per_chapter or (c is not None and c.chapter is not None))


def text_quotes(agreement: M.Agreement) -> Iterator[Cited]:
    """Every verbatim quote of a statement at verification `text`, in a resolved agreement."""
    per = agreement.per_chapter
    for s in _statements(agreement):
        yield from _cited(s, None, None, per)
    for chapter, article in agreement.all_articles():
        for s in _statements(article):
            yield from _cited(s, article.number, chapter.number if chapter else None, per)
    for ch in agreement.chapters:
        for s in _statements(ch):
            yield from _cited(s, None, ch.number, per)


@attrs.frozen
class SourceText:
    """A source's words: the whole text, and (for ToTA) each article's and chapter's."""

    whole: str
    articles: Mapping[str, str] = attrs.field(factory=dict)
    chapters: Mapping[str, str] = attrs.field(factory=dict)
    in_chapters: Mapping[tuple[str, str], str] = attrs.field(factory=dict)  # (chapter, article) -> words

    def holds(self, quote: Cited) -> bool:
        """Whether the quote stands where it must (anywhere, for a text without articles)."""
        if self.in_chapters and quote.per_chapter and quote.article is not None:
            where = self.in_chapters.get(((quote.chapter or "").lstrip("0"), quote.article), "")
        elif self.articles and quote.article is not None:
            where = self.articles.get(quote.article, "")
        elif self.chapters and quote.chapter is not None:
            where = self.chapters.get(quote.chapter, "")
        else:
            where = self.whole
        needle = _normalise(quote.text)
        return needle in where or _strip_glued_digits(needle) in _strip_glued_digits(where)


def _number(label: Optional[str]) -> str:
    """ToTA's "ARTICLE 14.11" / "CHAPTER 9" as the language writes it: "14.11", "9"."""
    return (label or "").split()[-1] if label else ""


def tota_text(path: pathlib.Path) -> SourceText:
    """A ToTA XML file read into the words of each article and chapter (whitespace folded)."""
    from defusedxml.ElementTree import parse

    body = parse(str(path), forbid_dtd=True).getroot().find("body")
    articles: dict[str, str] = {}
    chapters: dict[str, str] = {}
    in_chapters: dict[tuple[str, str], str] = {}
    for ch in body.findall("chapter"):
        words = []
        for a in ch.findall("article"):
            text = _normalise("".join(a.itertext()))
            words.append(text)
            if a.get("number"):
                articles.setdefault(_number(a.get("number")), text)
                in_chapters.setdefault((_number(ch.get("number")).lstrip("0"), _number(a.get("number"))), text)
        chapters.setdefault(_number(ch.get("number")), " ".join(words))
    return SourceText(" ".join(chapters.values()), articles, chapters, in_chapters)


def source_text(name: str) -> SourceText:
    """The text a `source` names: a ToTA file by its name `pta_N.xml`, else a file in shared/texts."""
    if TOTA_SOURCE.fullmatch(name):
        return tota_text(TOTA / name)
    return SourceText(_normalise((TEXTS / name).read_text(encoding="utf-8")))


def _source_path(name: str) -> pathlib.Path:
    return TOTA / name if TOTA_SOURCE.fullmatch(name) else TEXTS / name


def missing_quotes(agreement: M.Agreement, source: SourceText) -> list[str]:
    """The quotes of the agreement's `text` statements that do not stand verbatim where they must."""
    return [f"{'Art. ' + q.article if q.article else 'Ch. ' + str(q.chapter)}: {q.text!r} ({q.span})"
            for q in text_quotes(agreement) if not source.holds(q)]


AGREEMENT_FILES = sorted((ROOT / "agreements").glob("*.agr"))  # found while collecting; read while testing


@pytest.mark.skipif(not TEXTS.is_dir(), reason="../shared/texts is not beside the checkout")
@pytest.mark.parametrize("path", AGREEMENT_FILES, ids=[p.stem for p in AGREEMENT_FILES])
def test_quotes_of_text_statements_stand_verbatim_in_the_source(path, corpus):
    (written,) = [i for i in load_file(str(path)).document.items if isinstance(i, M.Agreement)]
    agreement = corpus.agreement(written.id)
    if agreement.source is None:  # nothing to check against, so nothing may claim to be checked
        assert list(text_quotes(agreement)) == []
        return
    where = _source_path(agreement.source)
    if TOTA_SOURCE.fullmatch(agreement.source) and not TOTA.is_dir():
        pytest.skip("../shared/tota/xml is not beside the checkout")
    assert where.is_file(), f"{path.name}: source {agreement.source} is not in {where.parent}"
    missing = missing_quotes(agreement, source_text(agreement.source))
    assert not missing, "quotes not found verbatim where they are cited:\n" + "\n".join(missing)


def test_every_agreement_that_claims_text_quotes_something(corpus):
    """An agreement with `text` statements has a source and at least one verbatim quote to check."""
    for agreement in corpus.agreements.values():
        claims = any(s.verification == V.Verification.TEXT for _, a in agreement.all_articles()
                     for s in _statements(a))
        if claims:
            assert agreement.source is not None, agreement.id
            assert list(text_quotes(agreement)), agreement.id


def _with_commitment_quote(agreement: M.Agreement, number: str, quote: M.Quote) -> M.Agreement:
    """The agreement with article ``number``'s commitment quoting ``quote`` instead."""
    def change(a: M.Article) -> M.Article:
        if a.number != number:
            return a
        return attrs.evolve(a, commitment=attrs.evolve(a.commitment, quotes=(quote,)))
    chapters = tuple(attrs.evolve(ch, articles=tuple(change(a) for a in ch.articles)) for ch in agreement.chapters)
    return attrs.evolve(agreement, chapters=chapters, articles=tuple(change(a) for a in agreement.articles))


@pytest.mark.skipif(not TEXTS.is_dir(), reason="../shared/texts is not beside the checkout")
def test_the_quote_check_can_fail(corpus):
    """The check really compares: an invented quote in a `text` statement is reported."""
    rcep = corpus.agreement("rcep")
    text = source_text("rcep.txt")
    assert missing_quotes(rcep, text) == []
    invented = M.Quote("A Party shall always allow every transfer of information")
    missing = missing_quotes(_with_commitment_quote(rcep, "12.15", invented), text)
    assert len(missing) == 1 and missing[0].startswith("Art. 12.15: 'A Party shall always allow")


@pytest.mark.skipif(not TOTA.is_dir(), reason="../shared/tota/xml is not beside the checkout")
def test_a_tota_quote_must_stand_in_the_article_it_cites():
    """Words of the source cited to the wrong article are reported; cited to the right one, they pass."""
    text = source_text("pta_151.xml")
    words = "Each Party shall provide for criminal procedures and penalties to be applied at least in cases of trade mark counterfeiting"
    right = Cited(words, "16.20", "16", M.NO_SPAN)
    assert text.holds(right)
    assert not text.holds(attrs.evolve(right, article="16.18"))
    assert not text.holds(attrs.evolve(right, article=None, chapter="14"))
    assert text.holds(attrs.evolve(right, article=None, chapter=None))


def test_unverified_articles_are_marked(corpus):
    levels = {a.verification for ag in corpus.agreements.values() for _, a in ag.all_articles()}
    assert levels <= {"text", "secondary", "unverified", "auto"}
    usjdta = corpus.agreement("usjdta")
    assert {a.verification for _, a in usjdta.all_articles() if a.number != "1"} == {"unverified"}
