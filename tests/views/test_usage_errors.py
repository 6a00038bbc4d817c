"""The views raise the library's errors, with the command line's words and hints."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from engine.errors import TradegapError, UnknownId, UsageError
from engine.views.compare import compare
from engine.views.pair import pair
from engine.views.precedents import suggest

DAY = dt.date(2026, 1, 1)


def test_compare_refuses_an_unknown_topic_with_a_did_you_mean(corpus):
    with pytest.raises(UsageError, match="unknown topic `cross-border-dta`") as e:
        compare([corpus.agreement("rcep")], topics=["cross-border-dta"], as_of=DAY)
    assert e.value.hint == "did you mean `cross-border-data`?"
    with pytest.raises(UsageError) as e:
        compare([corpus.agreement("rcep")], topics=["zzz"], as_of=DAY)
    assert e.value.hint == "see `tradegap list topics`"


@pytest.mark.parametrize("x, y, message, hint", [
    ("KR", "XX", "`XX` is not an ISO 3166-1 country code", "e.g. KR, JP, KOR, JPN"),
    ("KR", "KOR", "a pair needs two different countries", None),
])
def test_pair_refuses_bad_codes(corpus, x, y, message, hint):
    with pytest.raises(UsageError) as e:
        pair(corpus.agreements.values(), x, y, [corpus.norms("tpp3")], DAY)
    assert (e.value.message, e.value.hint) == (message, hint)
    assert isinstance(e.value, ValueError)  # callers that caught ValueError still do


def test_pair_refuses_a_draft_that_is_not_between_the_two(corpus):
    draft = attrs.evolve(corpus.agreement("ksdpa"), id="draft")
    with pytest.raises(UsageError, match="draft `draft` does not name JP as a party"):
        pair(corpus.agreements.values(), "KR", "JP", [corpus.norms("tpp3")], DAY, drafts=[draft])


def test_lookups_in_results_raise_unknown_id(corpus):
    c = compare([corpus.agreement("rcep")], [corpus.norms("tpp3")], as_of=DAY)
    with pytest.raises(UnknownId, match="no cell for tpp3.nothing rcep"):
        c.cell("tpp3.nothing", "rcep")
    p = pair(corpus.agreements.values(), "JP", "AU", [corpus.norms("tpp3")], DAY)
    with pytest.raises(KeyError):  # UnknownId is a KeyError
        p.row("tpp3.nothing")


def test_suggest_for_a_norm_the_corpus_does_not_hold(corpus):
    from engine.evaluation.evaluator import evaluate

    finding = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY).findings[0]
    with pytest.raises(TradegapError, match="norm set `tpp3` has no norm `nothing`"):
        suggest(corpus, finding.replace(norm="tpp3.nothing"), DAY)
