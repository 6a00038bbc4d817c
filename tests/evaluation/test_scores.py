"""Depth: requirements weigh, and every finding scores how far short it falls."""

from __future__ import annotations

import datetime as dt

import attrs

from engine.evaluation import context as F
from engine.evaluation.evaluator import BINDS_ALL, evaluate, evaluate_norm, weight
from engine.language import model as M
from engine.language import vocab as V
from engine.language.predicates import requirement_text

DAY = dt.date(2026, 11, 30)


def test_data_flows_scores_order_rcep_below_usjdta_below_cptpp(corpus):
    report = evaluate([corpus.agreement(i) for i in ("rcep", "usjdta", "cptpp")], corpus.norms("tpp3"), DAY)
    rcep, usjdta, cptpp = (report.finding(i, "tpp3.data-flows") for i in ("rcep", "usjdta", "cptpp"))
    assert (rcep.grade, usjdta.grade, cptpp.grade) == (V.Grade.PARTIAL, V.Grade.PARTIAL, V.Grade.MET)
    assert rcep.score is not None and usjdta.score is not None
    assert rcep.score < usjdta.score < cptpp.score == 100
    assert (rcep.score, usjdta.score) == (40, 90)  # weights 4 of 10 hold (12.3.4(b) weighs 2); 9 of 10
    assert [r.weight for r in rcep.reasons] == [1, 1, 1, 2, 1]


def test_unmet_scores_zero_and_not_applicable_none(corpus):
    report = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY)
    assert report.finding("rcep", "tpp3.source-code").score == 0
    (f, *_) = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY, party="US").findings
    assert f.score is None


def test_weights_come_from_the_requirement_then_the_norm_set_then_one(corpus):
    tpp3 = corpus.norms("tpp3")
    r = tpp3.norms[0].requirements[2]
    assert weight(r, tpp3) == 1
    assert weight(r, attrs.evolve(tpp3, weight=2)) == 2
    assert weight(attrs.evolve(r, weight=5), attrs.evolve(tpp3, weight=2)) == 5


def _weighted(norm_set: M.NormSet, norm_id: str, requirement: str, w: int) -> M.NormSet:
    """The norm set reduced to one norm, whose requirement written ``requirement`` weighs ``w``."""
    norm = norm_set.norm(norm_id)
    assert norm is not None
    reqs = tuple(attrs.evolve(r, weight=w) if requirement_text(r) == requirement else r for r in norm.requirements)
    return attrs.evolve(norm_set, norms=(attrs.evolve(norm, requirements=reqs),))


def test_a_heavy_requirement_that_fails_lowers_the_score_and_the_reason_says_its_weight(corpus):
    tpp3 = _weighted(corpus.norms("tpp3"), "data-flows", "require enforceable", 4)
    (f,) = evaluate(corpus.agreement("usjdta"), tpp3, DAY).findings
    assert f.score == 69  # 9 of 13
    (reason,) = f.reasons
    assert (reason.requirement, reason.weight) == ("require enforceable", 4)


def test_the_implicit_check_weighs_the_norm_sets_weight(corpus):
    tpp3 = attrs.evolve(corpus.norms("tpp3"), weight=3)
    f = evaluate(corpus.agreement("rcep"), tpp3, DAY).finding("rcep", "tpp3.data-flows")
    binds = next(r for r in f.reasons if r.requirement == BINDS_ALL)
    assert binds.weight == 3 and f.score == 46  # weights 12 of 26 (the weight-2 requirement keeps its 2)


def test_a_partial_finding_scores_between_1_and_99():
    article = M.Article("1", topics=("cross-border-data",), commitment=M.Commitment("binding"))
    a = M.Agreement("a", parties=("JP",), status="in-force", in_force=(M.PartyEntry(dt.date(2020, 1, 1)),),
                    articles=(article,))
    fails = M.Requirement(M.Not(M.Atom("strength", ("at-least", "absent"))), "never holds")
    holds = M.Requirement(M.Atom("strength", ("at-least", "absent")), "always holds", weight=100)
    ctx = F.Context(DAY)
    nearly = M.Norm("n", topics=("cross-border-data",), requirements=(holds, holds, fails))
    f = evaluate_norm(a, M.NormSet("s", norms=(nearly,)), nearly, ctx)
    assert (f.grade, f.score) == (V.Grade.PARTIAL, 99)
    hardly = M.Norm("n", topics=("cross-border-data",), requirements=(attrs.evolve(fails, weight=100),))
    f = evaluate_norm(a, M.NormSet("s", norms=(hardly,)), hardly, ctx)
    assert (f.grade, f.score) == (V.Grade.PARTIAL, 1)


def test_the_decisive_article_is_the_one_with_the_least_failed_weight():
    heavy = M.Requirement(M.Atom("strength", ("at-least", "binding")), "binding", weight=5)
    light = M.Requirement(M.Atom("enforceable"), "enforceable")
    light2 = M.Requirement(M.Atom("form", ("prohibition",)), "prohibition")
    binding = M.Article("1", topics=("cross-border-data",), commitment=M.Commitment("binding", "obligation"),
                        dispute_settlement=(M.DisputeSettlement("excluded"),))
    soft = M.Article("2", topics=("cross-border-data",), commitment=M.Commitment("best-endeavour", "prohibition"))
    a = M.Agreement("a", parties=("JP",), status="in-force", in_force=(M.PartyEntry(dt.date(2020, 1, 1)),),
                    articles=(soft, binding))
    norm = M.Norm("n", topics=("cross-border-data",), requirements=(heavy, light, light2))
    f = evaluate_norm(a, M.NormSet("s", norms=(norm,)), norm, F.Context(DAY))
    # article 1 fails two light requirements (weight 2), article 2 one heavy one (weight 5)
    assert (f.article, f.score) == ("1", 75)
