"""The Corpus as a library type (engine/checking/corpus.py): read-only tables, typed lookup errors,
one more text added with ``with_text``, every agreement in it resolved."""

from __future__ import annotations

import pytest

from conftest import assert_read_only

from engine.checking.corpus import AGREEMENT, NORM_SET, Corpus, load_text
from engine.checking.resolve import is_resolved
from engine.errors import TradegapError, UnknownId
from engine.language import codes as C

DRAFT = 'agreement mine "Mine" {\n  based-on rcep\n  status draft\n  omit article 12.14\n}\n'


def test_an_unknown_agreement_is_an_unknown_id_that_says_what_was_meant(corpus):
    with pytest.raises(UnknownId) as caught:
        corpus.agreement("rcpe")
    exc = caught.value
    assert isinstance(exc, KeyError) and isinstance(exc, TradegapError)
    assert str(exc) == "unknown agreement `rcpe`; did you mean `rcep`?"
    assert exc.hint == "`tradegap list agreements` shows them"


def test_an_unknown_norm_set_far_from_any_lists_the_known_ones(corpus):
    with pytest.raises(UnknownId) as caught:
        corpus.norms("zzzzzz")
    assert str(caught.value) == "unknown norm set `zzzzzz`; known: " + ", ".join(sorted(corpus.norm_sets))
    assert caught.value.hint == "`tradegap list norms` shows them"


@pytest.mark.parametrize("table", ["written", "agreements", "norm_sets", "origin"])
def test_the_tables_are_read_only(corpus, table):
    mapping = getattr(corpus, table)
    assert_read_only(mapping)


def test_a_corpus_keeps_its_own_copy_of_what_it_was_given(corpus):
    given = dict(corpus.agreements)
    copy = Corpus(corpus.files, agreements=given)
    given.clear()
    assert set(copy.agreements) == set(corpus.agreements)


def test_origin_is_keyed_by_kind_and_id(corpus):
    assert corpus.origin[(AGREEMENT, "rcep")] == "agreements/rcep.agr"
    assert (NORM_SET, "tpp3") in corpus.origin
    assert corpus.agreements_in("agreements/rcep.agr") == ("rcep",)


def test_with_text_adds_a_resolved_draft_and_leaves_the_corpus_as_it_was(corpus):
    mine = corpus.with_text(DRAFT, "mine.agr")
    assert "mine" not in corpus.agreements and not mine.errors
    draft = mine.agreement("mine")
    assert draft.based_on == "rcep" and draft.status == "draft" and is_resolved(draft)
    rcep = {art.number for _, art in corpus.agreement("rcep").all_articles()}
    assert {art.number for _, art in draft.all_articles()} == rcep - {"12.14"}
    assert not is_resolved(mine.written["mine"])
    assert mine.agreements_in("mine.agr") == ("mine",)


def test_with_text_reports_the_text_problems(corpus):
    mine = corpus.with_text('agreement mine { based-on nowhere }', "mine.agr")
    assert [d.code for d in mine.errors] == [C.UNKNOWN_AGREEMENT.id]
    assert mine.errors[0].span.file == "mine.agr"


def test_with_text_shadows_a_bundled_agreement_but_not_a_users(corpus):
    shadowed = corpus.with_text('agreement rcep "Mine" { parties JP KR }', "rcep.agr")
    assert shadowed.agreement("rcep").title == "Mine" and not shadowed.errors
    twice = shadowed.with_text('agreement rcep "Again" { parties JP KR }', "again.agr")
    assert twice.agreement("rcep").title == "Mine"
    assert [d.code for d in twice.errors] == [C.ID_DEFINED_TWICE.code.id]


def test_with_text_keeps_the_problems_of_finding_the_files(tmp_path):
    corpus = Corpus.from_paths([str(tmp_path / "missing")], include_bundled=False)
    mine = corpus.with_text('agreement a { parties JP KR }', "a.agr")
    assert mine.discovery == corpus.discovery and len(corpus.discovery) == 1
    assert mine.diagnostics[0] == corpus.diagnostics[0] == corpus.discovery[0]
    assert set(mine.agreements) == {"a"}


def test_every_agreement_of_a_corpus_is_resolved(corpus):
    assert all(is_resolved(a) for a in corpus.agreements.values())
    with_draft = Corpus.build(corpus.files + (load_text(DRAFT, "mine.agr"),))
    assert with_draft.agreement("mine") == corpus.with_text(DRAFT, "mine.agr").agreement("mine")
