"""Diffs: articles added, removed and changed attribute by attribute; grades closed and opened."""

from __future__ import annotations

import datetime as dt

import pytest

import engine
from conftest import ROOT
from engine.views.diff import Diff, diff

DAY = dt.date(2026, 1, 1)
FIX = ROOT / "tests" / "fixtures"
KJ = str(FIX / "kjdpa.agr")
V2, V3 = str(FIX / "drafts" / "v2.agr"), str(FIX / "drafts" / "v3.agr")


@pytest.fixture(scope="module")
def with_draft():
    c = engine.load([KJ])
    assert not c.errors
    return c


@pytest.fixture(scope="module")
def versions():
    a, b = engine.load([V2]), engine.load([V3])
    assert not a.errors and not b.errors
    return a.agreement("kjdraft"), b.agreement("kjdraft"), a


@pytest.fixture(scope="module")
def draft_diff(with_draft) -> Diff:
    c = with_draft
    return diff(c.agreement("ksdpa"), c.agreement("kjdpa-test"), [c.norms("tpp3"), c.norms("usjdta-plus")], DAY)


def by_number(d: Diff):
    return {a.number: a for a in d.articles}


def test_a_draft_diffs_against_its_base(draft_diff):
    arts = by_number(draft_diff)
    assert set(arts) == {"14.10", "14.17", "14.30"}
    assert arts["14.10"].status == "removed"
    assert arts["14.30"].status == "added" and arts["14.30"].chapter == "14"
    added = {c.attribute: c for c in arts["14.30"].changes}
    assert added["commitment"].new == "binding prohibition" and added["commitment"].old is None
    assert added["commitment"].quotes_added[0].startswith("No Party shall adopt or maintain measures")
    changed = arts["14.17"]
    assert changed.status == "changed"
    assert [(c.attribute, c.old, c.new, c.quotes_added) for c in changed.changes] == [
        ("software", None, "all", ("software owned by a person of the other Party",))]
    meta = {c.attribute: (c.old, c.new) for c in draft_diff.agreement}
    assert meta["parties"] == ("KR SG", "KR JP") and meta["based-on"] == (None, "ksdpa")


def test_grade_changes_of_a_draft(draft_diff):
    assert [(g.norm, g.old_grade, g.new_grade, g.effect) for g in draft_diff.grades] == [
        ("usjdta-plus.interactive-computer-services", "unmet", "met", "closes")]
    assert (draft_diff.closes, draft_diff.opens) == (1, 0)
    assert draft_diff.summary == "closes 1 gap, opens 0"


def test_two_versions_of_a_draft(versions, corpus):
    v2, v3, _ = versions
    d = diff(v2, v3, [corpus.norms("tpp3")], DAY)
    chapter = d.chapters[0]
    assert chapter.number == "1" and chapter.status == "changed"
    ds = chapter.changes[0]
    assert (ds.attribute, ds.old, ds.new) == ("dispute-settlement", "excluded", "applies")
    arts = by_number(d)
    assert {n: a.status for n, a in arts.items()} == {"1.1": "changed", "1.2": "changed", "1.3": "removed",
                                                      "1.4": "added"}
    commitment = next(c for c in arts["1.1"].changes if c.attribute == "commitment")
    assert (commitment.old, commitment.new) == ("best-endeavour", "binding prohibition")
    assert commitment.quotes_removed == ("Each Party shall endeavour to allow the cross-border transfer of "
                                         "information by electronic means",)
    assert commitment.quotes_added[0].startswith("Neither Party shall prohibit or restrict")
    exc = next(c for c in arts["1.2"].changes if c.attribute == "exception public-policy")
    assert exc.new == "public-policy self-judging"
    grades = {g.norm: g for g in d.grades}
    assert grades["tpp3.data-flows"].effect == "closes"
    assert grades["tpp3.source-code"].effect == "closes" and grades["tpp3.source-code"].new_article == "1.4"
    cf = grades["tpp3.computing-facilities"]
    # v3 fails two requirements where v2 failed one: the gap widens by weight (it was "changes" before scores)
    assert (cf.old_grade, cf.new_grade, cf.effect, cf.old_score, cf.new_score) == ("partial", "partial", "widens",
                                                                                    89, 78)
    assert "require enforceable" in cf.resolved and "forbid exception public-policy self-judging" in cf.introduced
    assert d.summary == "closes 2 gaps, opens 0 (1 widened)"


def test_diff_is_symmetric(versions, corpus):
    v2, v3, _ = versions
    forward = diff(v2, v3, [corpus.norms("tpp3")], DAY)
    back = diff(v3, v2, [corpus.norms("tpp3")], DAY)
    assert (back.closes, back.opens) == (forward.opens, forward.closes)
    assert {a.number: a.status for a in back.articles} == {"1.1": "changed", "1.2": "changed", "1.3": "added",
                                                           "1.4": "removed"}


def test_an_agreement_does_not_differ_from_itself(corpus):
    rcep = corpus.agreement("rcep")
    d = diff(rcep, rcep, [corpus.norms("tpp3")], DAY)
    assert (d.agreement, d.chapters, d.articles, d.grades) == ((), (), (), ())
