"""Issue 12's corrections, on the bundled corpus: each finding rests on the statement its source justifies.

The grades are in tests/conformance/corrections.expect; these tests check what decides them (the failed
requirement, its evidence and citation), so that a grade right for the wrong reason fails.
"""

from __future__ import annotations

import datetime as dt

import engine
from engine.evaluation.findings import Finding, Reason
from engine.language import vocab as V

AS_OF = dt.date(2026, 11, 30)


def _finding(corpus, agreement: str, norm: str, party=None) -> Finding:
    norm_set, name = norm.split(".")
    return engine.explain(corpus.agreement(agreement), corpus.norms(norm_set), name, as_of=AS_OF, party=party)


def _failed(finding: Finding, predicate: str) -> Reason:
    (reason,) = [r for r in finding.reasons if predicate in r.requirement]
    return reason


def test_usmca_security_exception_is_non_disputable_and_cited_as_a_paraphrase(corpus):
    finding = _finding(corpus, "usmca", "tpp3.data-flows")
    assert finding.grade == V.Grade.PARTIAL
    reason = _failed(finding, "essential-security non-disputable")
    (evidence, *_) = reason.evidence
    assert evidence.citation.startswith("Art. 32.2") and evidence.paraphrase
    assert evidence.verification == V.Verification.UNVERIFIED


def test_usmca_19_11_is_checked_against_the_text(corpus):
    (article,) = [a for _, a in corpus.agreement("usmca").all_articles() if a.number == "19.11"]
    assert article.verification == V.Verification.TEXT
    assert not any(q.paraphrase for q in article.commitment.quotes)


def test_rcep_positive_list_carve_out_lowers_data_flows_and_computing_facilities(corpus):
    for norm in ("tpp3.data-flows", "tpp3.computing-facilities", "digital-core.data-flows"):
        reason = _failed(_finding(corpus, "rcep", norm), "uncommitted-sectors")
        assert reason.weight == 2
        assert any(e.citation == "Art. 12.3" and not e.paraphrase for e in reason.evidence)


def test_negative_list_carve_outs_are_not_gaps(corpus):
    """CPTPP 14.11 carries only non-conforming-measures (a negative list): met."""
    assert _finding(corpus, "cptpp", "tpp3.data-flows").grade == V.Grade.MET


def test_viet_nam_is_held_until_its_data_framework_and_the_reason_names_the_event(corpus):
    before = _finding(corpus, "cptpp", "trust.personal-information", party="VN")
    assert before.grade == V.Grade.MET
    early = engine.explain(corpus.agreement("cptpp"), corpus.norms("trust"), "personal-information",
                           as_of=dt.date(2023, 6, 1), party="VN")
    reason = _failed(early, "binds every party")
    assert "Viet Nam's legal framework for the protection of personal data applies" in reason.detail
    assert any(e.citation == "Art. 14.8, fn 5" for e in reason.evidence)


def test_cptpp_source_code_carve_outs_of_14_17_3_and_4_are_coded_from_the_text(corpus):
    (article,) = [a for _, a in corpus.agreement("cptpp").all_articles() if a.number == "14.17"]
    excluded = {s.item for s in article.scope if s.mode == V.ScopeMode.EXCLUDES}
    assert {V.ScopeItem.NEGOTIATED_CONTRACTS, V.ScopeItem.COMPLIANCE_MODIFICATION,
            V.ScopeItem.PATENT_REQUIREMENTS} <= excluded


def test_the_wto_text_binds_no_one_and_names_its_development_periods(corpus):
    finding = _finding(corpus, "wto-ecommerce", "digital-core.customs-duties")
    assert finding.force == V.Force.NOT_IN_FORCE
    wto = corpus.agreement("wto-ecommerce")
    assert wto.status == V.Status.CONCLUDED and wto.entry_into_force() is None
    (article,) = [a for a in wto.articles if a.number == "20"]
    assert any("no more than five years" in n.text and "two additional years" in n.text for n in article.notes)


def test_usjdta_lack_of_dispute_settlement_is_a_fact_with_its_source(corpus):
    reason = _failed(_finding(corpus, "usjdta", "tpp3.data-flows"), "require enforceable")
    (evidence,) = reason.evidence
    assert evidence.paraphrase and not evidence.absent and "8 October 2019" in (evidence.quote or "")


def test_usjdta_numbers_follow_the_secondary_source_and_disputed_ones_say_so(corpus):
    articles = {a.number: a for _, a in corpus.agreement("usjdta").all_articles()}
    assert articles["16"].topics == ("unsolicited-messages",)
    assert not any("internet-access" in a.topics for a in articles.values())
    finding = _finding(corpus, "usjdta", "trust.cybersecurity")
    assert finding.article == "19" and any("uncertain" in n for n in finding.notes)


def test_depa_affirmation_form_is_text_for_4_3_and_counts_against_it(corpus):
    finding = _finding(corpus, "depa", "tpp3.data-flows")
    assert (finding.grade, finding.article) == (V.Grade.PARTIAL, "4.3")
    reason = _failed(finding, "form affirmation")
    assert any(e.verification == V.Verification.TEXT and "affirm their level of commitments" in (e.quote or "")
               for e in reason.evidence)


def test_the_depa_protocol_is_known_only_by_its_metadata(corpus):
    protocol = corpus.agreement("depa-protocol")
    assert protocol.signed == dt.date(2023, 7, 15) and protocol.entry_unknown("NZ")
    finding = _finding(corpus, "depa-protocol", "tpp3.data-flows")
    assert (finding.grade, finding.force) == (V.Grade.NOT_ENCODED, V.Force.UNKNOWN)


def test_cptpp21_cites_the_tpp_articles_at_verification_text(corpus):
    report = engine.evaluate(corpus.agreement("cptpp"), corpus.norms("cptpp21"), as_of=AS_OF)
    cited = {f.norm: (f.grade, f.article, f.verification) for f in report.findings}
    assert cited == {
        "cptpp21.technology-transfer-requirements": (V.Grade.MET, "9.10", V.Verification.TEXT),
        "cptpp21.express-shipments": (V.Grade.MET, "5.7", V.Verification.TEXT),
        "cptpp21.soe-non-commercial-assistance": (V.Grade.MET, "17.6", V.Verification.TEXT),
        "cptpp21.counterfeit-enforcement": (V.Grade.MET, "18.74", V.Verification.TEXT),
    }


def test_the_japanese_epas_cite_their_enforcement_and_investment_articles_at_text(corpus):
    cited = {}
    for agreement in ("jpau", "jpch", "jpmn", "ksdpa"):
        report = engine.evaluate(corpus.agreement(agreement), corpus.norms("cptpp21"), as_of=AS_OF)
        for f in report.findings:
            if f.grade in (V.Grade.MET, V.Grade.PARTIAL):
                cited[(agreement, f.norm.split(".")[1])] = (f.article, f.verification)
    assert cited == {
        ("jpau", "technology-transfer-requirements"): ("14.9", V.Verification.TEXT),
        ("jpau", "counterfeit-enforcement"): ("16.18", V.Verification.TEXT),
        ("jpch", "counterfeit-enforcement"): ("123", V.Verification.TEXT),
        ("jpmn", "counterfeit-enforcement"): ("12.14", V.Verification.TEXT),
        ("ksdpa", "technology-transfer-requirements"): ("10.7", V.Verification.TEXT),
        ("ksdpa", "soe-non-commercial-assistance"): ("15.4", V.Verification.TEXT),
    }


def test_an_investment_chapter_without_the_ban_is_searched_not_skipped(corpus):
    finding = _finding(corpus, "jpch", "cptpp21.technology-transfer-requirements")
    assert (finding.grade, finding.unmet_because) == (V.Grade.UNMET, V.UnmetBecause.NO_ARTICLE)
    assert finding.searched == ("Ch. 9 Investment",)


# ---------------------------------------------------------------- the treaty networks (issue 12 section 3)


def test_the_japanese_and_korean_networks_are_in_the_corpus_without_claiming_absences(corpus):
    for party, at_least in (("JP", 18), ("KR", 16)):
        ids = [i for i, a in corpus.agreements.items() if party in a.parties]
        assert len(ids) >= at_least, (party, ids)
    report = engine.evaluate(corpus.agreement("jpth"), corpus.norms("tpp3"), as_of=AS_OF)
    assert {f.grade for f in report.findings} == {V.Grade.NOT_ENCODED}


def test_an_asean_plus_one_date_is_its_non_asean_partys_only(corpus):
    ajcep = corpus.agreement("jp-asean")
    assert ajcep.entry_into_force("JP") == dt.date(2008, 12, 1)
    assert ajcep.entry_unknown("TH") and not ajcep.entry_unknown("JP")
    efta = corpus.agreement("kr-efta")
    assert efta.entry_into_force("KR") == dt.date(2006, 9, 1) and efta.entry_unknown("CH")


def test_pair_kr_jp_names_exactly_what_binds_both(corpus):
    p = engine.pair(corpus, "KR", "JP", [corpus.norms("tpp3")], as_of=AS_OF)
    assert [b.agreement.id for b in p.agreements] == ["ipef-sca", "rcep"]  # both in force for KR and JP
