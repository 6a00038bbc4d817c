"""Supply chains (issue 17): the IPEF goals as a norm set, the IPEF Supply Chain Agreement graded on them with
cited or paraphrased evidence, and what a Korea-Japan co-designation draft adds between Korea and Japan."""

from __future__ import annotations

import datetime as dt

from engine.evaluation.evaluator import evaluate
from engine.language import vocab as V
from engine.views.pair import pair

from conftest import ROOT, run_cli

DAY = dt.date(2026, 11, 27)
GOALS = ("critical-goods", "investment", "information-sharing", "logistics", "workers", "transparency")
DRAFT = str(ROOT / "examples" / "kj-critical-materials.agr")


def test_the_norm_set_has_one_norm_per_goal_each_requirement_with_a_reason(corpus):
    ns = corpus.norms("ipef-sc")
    assert tuple(n.id for n in ns.norms) == GOALS
    assert all(r.because for n in ns.norms for r in n.requirements)
    assert "Ministerial Statement" in (ns.source or "")
    code, out, _ = run_cli("list", "norms")
    assert code == 0 and sum(line.startswith("ipef-sc.") for line in out.splitlines()) == 6


def test_the_ipef_agreement_is_graded_on_every_goal_with_quoted_or_paraphrased_evidence(corpus):
    report = evaluate(corpus.agreement("ipef-sca"), corpus.norms("ipef-sc"), DAY)
    assert [f.norm for f in report.findings] == [f"ipef-sc.{g}" for g in GOALS]
    for f in report.findings:
        assert f.grade == V.Grade.PARTIAL and f.verification is not None and f.article
        words = [e for e in f.evidence + tuple(e for r in f.reasons for e in r.evidence) if not e.absent]
        assert words, f.norm
        assert all(e.paraphrase or e.verification == V.Verification.TEXT for e in words), f.norm


def test_the_crisis_network_is_cited_verbatim_and_the_unconfirmed_article_is_a_paraphrase(corpus):
    report = evaluate(corpus.agreement("ipef-sca"), corpus.norms("ipef-sc"), DAY)
    network = report.finding("ipef-sca", "ipef-sc.information-sharing")
    assert network.article == "7"
    assert any(e.verification == V.Verification.TEXT and not e.paraphrase and "emergency communications channel"
               in (e.quote or "") for e in network.evidence)
    identification = report.finding("ipef-sca", "ipef-sc.critical-goods")
    assert identification.article == "3"
    assert all(e.paraphrase for e in identification.evidence if e.quote)


def test_unknown_entries_into_force_hold_parties_back_but_korea_is_bound(corpus):
    ipef, sc = corpus.agreement("ipef-sca"), corpus.norms("ipef-sc")
    everyone = evaluate(ipef, sc, DAY).finding("ipef-sca", "ipef-sc.information-sharing")
    korea = evaluate(ipef, sc, DAY, party="KR").finding("ipef-sca", "ipef-sc.information-sharing")
    assert korea.score is not None and everyone.score is not None and korea.score > everyone.score
    held = [r for r in everyone.reasons if r.parties]
    assert held and set(held[0].parties) == {"AU", "BN", "ID", "MY", "NZ", "PH", "TH", "VN"}


def test_the_draft_closes_four_goals_between_korea_and_japan_and_narrows_two(full_corpus):
    p = pair(full_corpus.agreements.values(), "KR", "JP", [full_corpus.norms("ipef-sc")], DAY,
             drafts=[full_corpus.agreement("kj-critical-materials")])
    assert "ipef-sca" in [b.agreement.id for b in p.agreements]
    effects = {r.norm.split(".")[1]: r.effect for r in p.rows}
    assert effects == {"critical-goods": V.Effect.CLOSES, "investment": V.Effect.NARROWS,
                       "information-sharing": V.Effect.CLOSES, "logistics": V.Effect.NARROWS,
                       "workers": V.Effect.CLOSES, "transparency": V.Effect.CLOSES}
    assert (p.closes, p.narrows) == (4, 2)
    for row in p.rows:
        assert row.strongest is not None and row.strongest.agreement == "ipef-sca"


def test_the_pair_command_shows_what_the_draft_adds():
    code, out, err = run_cli("pair", "KR", "JP", "--norms", "ipef-sc", "--with", DRAFT, "--as-of", "2026-11-27")
    assert code == 0, err
    assert "with kj-critical-materials: closes 4 gaps, narrows 2" in out


def test_a_supply_chain_agreement_is_silent_on_digital_trade_not_unencoded(corpus):
    report = evaluate(corpus.agreement("ipef-sca"), corpus.norms("tpp3"), DAY)
    assert {f.grade for f in report.findings} == {V.Grade.UNMET}
    rcep = evaluate(corpus.agreement("rcep"), corpus.norms("ipef-sc"), DAY)
    assert {f.grade for f in rcep.findings} == {V.Grade.NOT_ENCODED}
