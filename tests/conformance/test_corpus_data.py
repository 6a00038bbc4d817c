"""The bundled corpus and examples as data: clean under check and fmt --check; quotes verbatim in their texts."""

from __future__ import annotations

import re

import attrs
import pytest

import engine
from engine.checking.corpus import load_file, load_text
from engine.language import model as M

from conftest import ROOT, TEXTS, quotes_in, run_cli

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


def _normalise(text: str) -> str:
    """Whitespace folded, curly quotes kept, footnote digits glued to words dropped."""
    text = re.sub(r"\s+", " ", text)
    return text.strip()


def _strip_glued_digits(text: str) -> str:
    return re.sub(r"(?<=[A-Za-z,.;:)\u201d])\d{1,2}(?=[\s,.;:]|$)", "", text)


def _quotes_of_text_checked_articles(agreement: M.Agreement, default: str):
    for chapter, article in agreement.all_articles():
        level = article.verification or (chapter.verification if chapter else None) or default
        if level == "text":
            for q in quotes_in(article):
                yield article, q


def _missing_quotes(agreement: M.Agreement, text: str) -> list[str]:
    """The quotes of the agreement's text-checked articles that are not in ``text``."""
    haystack = _normalise(text)
    loose = _strip_glued_digits(haystack)
    missing = []
    for article, q in _quotes_of_text_checked_articles(agreement, agreement.verification or "unverified"):
        needle = _normalise(q.text)
        if needle not in haystack and _strip_glued_digits(needle) not in loose:
            missing.append(f"Art. {article.number}: {q.text!r} ({q.span})")
    return missing


AGREEMENT_FILES = sorted((ROOT / "agreements").glob("*.agr"))  # found while collecting; read while testing


@pytest.mark.skipif(not TEXTS.is_dir(), reason="../shared/texts is not beside the checkout")
@pytest.mark.parametrize("path", AGREEMENT_FILES, ids=[p.stem for p in AGREEMENT_FILES])
def test_quotes_of_text_checked_articles_appear_in_the_source_text(path):
    (agreement,) = [i for i in load_file(str(path)).document.items if isinstance(i, M.Agreement)]
    if agreement.source is None:  # nothing to check against, so nothing may claim to be checked
        assert list(_quotes_of_text_checked_articles(agreement, agreement.verification or "unverified")) == []
        return
    source = TEXTS / agreement.source
    assert source.is_file(), f"{path.name}: source {agreement.source} is not in shared/texts"
    missing = _missing_quotes(agreement, source.read_text(encoding="utf-8"))
    assert not missing, "quotes not found verbatim:\n" + "\n".join(missing)


@pytest.mark.skipif(not TEXTS.is_dir(), reason="../shared/texts is not beside the checkout")
def test_the_quote_check_can_fail(corpus):
    """The check above really compares: an invented quote in a text-checked article is reported."""
    rcep = corpus.agreement("rcep")
    text = (TEXTS / "rcep.txt").read_text(encoding="utf-8")
    assert _missing_quotes(rcep, text) == []
    chapter, article = next((ch, a) for ch, a in rcep.all_articles() if a.number == "12.15")
    invented = M.Quote("A Party shall always allow every transfer of information")
    changed = attrs.evolve(article, commitment=attrs.evolve(article.commitment, quotes=(invented,)))
    chapters = tuple(attrs.evolve(ch, articles=tuple(changed if a is article else a for a in ch.articles))
                     if ch is chapter else ch for ch in rcep.chapters)
    missing = _missing_quotes(attrs.evolve(rcep, chapters=chapters), text)
    assert len(missing) == 1 and missing[0].startswith("Art. 12.15: 'A Party shall always allow")


def test_unverified_articles_are_marked(corpus):
    levels = {a.verification for ag in corpus.agreements.values() for _, a in ag.all_articles()}
    assert levels <= {"text", "secondary", "unverified", "auto"}
    usjdta = corpus.agreement("usjdta")
    assert {a.verification for _, a in usjdta.all_articles() if a.number != "1"} == {"unverified"}
