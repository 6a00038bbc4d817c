"""Evidence for every reason: the deciding statement's words, citation and level; absences said as such."""

from __future__ import annotations

import datetime as dt

import attrs

from engine.evaluation import context as F
from engine.evaluation.evaluator import evaluate, evaluate_norm, weakest
from engine.language import model as M
from engine.language import vocab as V

DAY = dt.date(2026, 11, 30)


def _reason(f, requirement):
    return next(r for r in f.reasons if r.requirement == requirement)


def test_rcep_enforceability_cites_12_17_with_its_words(corpus):
    f = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY).finding("rcep", "tpp3.data-flows")
    (ev,) = _reason(f, "require enforceable").evidence
    assert (ev.citation, ev.article, ev.verification, ev.absent, ev.context) == ("Art. 12.17", "12.17", "text",
                                                                                 False, False)
    assert ev.quote.startswith("No Party shall have recourse to dispute settlement under Chapter 19")


def test_rcep_self_judging_reason_cites_footnote_14(corpus):
    f = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY).finding("rcep", "tpp3.data-flows")
    evidence = _reason(f, "forbid exception public-policy self-judging").evidence
    assert [e.citation for e in evidence] == ["Art. 12.15", "Art. 12.15", "Art. 12.15, fn 14"]
    assert "shall be decided by the implementing Party" in evidence[-1].quote


def test_usjdta_missing_dispute_settlement_is_a_paraphrase_naming_its_source(corpus):
    f = evaluate(corpus.agreement("usjdta"), corpus.norms("tpp3"), DAY).finding("usjdta", "tpp3.data-flows")
    (reason,) = f.reasons
    (ev,) = reason.evidence
    assert (ev.absent, ev.paraphrase, ev.citation, ev.verification) == (False, True, "Agreement", "unverified")
    assert ev.quote is not None and "no dispute-settlement provisions" in ev.quote  # no clause to quote: a fact
    assert ev.line > 0
    assert f.verification == V.Verification.UNVERIFIED


def _placed_agreement(article: M.Article, **fields: object) -> M.Agreement:
    base = dict(parties=("JP", "KR"), status="in-force", in_force=(M.PartyEntry(dt.date(2020, 1, 1)),),
                verification="text", articles=(article,))
    return M.Agreement("a", **{**base, **fields})  # type: ignore[arg-type]


def _norm(*requirements: M.Requirement) -> tuple[M.NormSet, M.Norm]:
    norm = M.Norm("n", topics=("source-code",), requirements=requirements)
    return M.NormSet("s", norms=(norm,)), norm


def test_a_requirement_nothing_answers_rests_on_an_absence_at_the_article():
    article = M.Article("7", "Source Code", ("source-code",), M.Commitment("binding", quotes=(M.Quote("shall"),)),
                        span=M.Span("a.agr", 5, 3))
    ns, norm = _norm(M.Requirement(M.Atom("covers", ("algorithms",)), "algorithms"))
    f = evaluate_norm(_placed_agreement(article), ns, norm, F.Context(DAY))
    (ev,) = f.reasons[0].evidence
    assert (ev.quote, ev.absent, ev.citation, ev.line, ev.verification) == (None, True, "Art. 7", 5, "text")
    (context,) = f.evidence
    assert (context.quote, context.context) == ("shall", True)


def test_each_statement_speaks_with_its_own_level_and_a_paraphrase_stays_a_paraphrase():
    recalled = M.Quote("the Party decides", paraphrase=True)
    exception = M.Exception_("public-policy", ("self-judging",), (recalled,), verification="unverified")
    article = M.Article("7", topics=("source-code",), commitment=M.Commitment("binding", quotes=(M.Quote("shall"),)),
                        exceptions=(exception,), verification="text")
    ns, norm = _norm(M.Requirement(M.Atom("exception", ("public-policy", "self-judging")), "no", forbid=True))
    f = evaluate_norm(_placed_agreement(article), ns, norm, F.Context(DAY))
    (ev,) = f.reasons[0].evidence
    assert (ev.quote, ev.paraphrase, ev.verification) == ("the Party decides", True, "unverified")
    assert f.verification == V.Verification.UNVERIFIED  # the weakest decisive level, not the article's
    assert [(e.quote, e.verification, e.context) for e in f.evidence] == [("shall", "text", True)]


def test_a_draft_stamped_unverified_never_cites_its_new_words_as_text(corpus):
    cptpp = corpus.agreement("cptpp")
    ch14 = next(ch for ch in cptpp.chapters if ch.number == "14")
    art = next(a for a in ch14.articles if a.number == "14.17")
    amended = attrs.evolve(art, software=M.Software("all", (M.Quote("all software"),), verification="unverified"))
    draft = attrs.evolve(cptpp, chapters=tuple(
        attrs.evolve(ch, articles=tuple(amended if a is art else a for a in ch.articles)) if ch is ch14 else ch
        for ch in cptpp.chapters))
    f = evaluate(draft, corpus.norms("tpp3"), DAY).finding("cptpp", "tpp3.source-code")
    levels = {e.quote: e.verification for e in f.evidence}
    assert levels["all software"] == "unverified" and f.verification == V.Verification.UNVERIFIED


def test_a_chapter_level_statement_is_cited_by_its_chapter_unless_its_quote_cites_an_article():
    article = M.Article("3.1", topics=("source-code",), commitment=M.Commitment("binding"))
    excluded = M.DisputeSettlement("excluded", quotes=(M.Quote("no recourse"),
                                                       M.Quote("as Art. 3.9 says", M.Citation("3.9", 2))))
    chapter = M.Chapter("3", "Digital", (article,), dispute_settlement=(excluded,), verification="secondary",
                        notes=(M.Note("chapter note"),))
    a = _placed_agreement(article, articles=(), chapters=(chapter,))
    ns, norm = _norm(M.Requirement(M.Atom("enforceable"), "enforceable"))
    f = evaluate_norm(a, ns, norm, F.Context(DAY))
    assert [(e.citation, e.article, e.verification) for e in f.reasons[0].evidence] == [
        ("Ch. 3", "", "secondary"), ("Art. 3.9, fn 2", "3.9", "secondary")]
    assert f.notes == ("chapter note",)


def test_notes_are_the_decisive_articles_then_its_chapters(corpus):
    f = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY).finding("rcep", "tpp3.data-flows")
    assert f.notes[0].startswith("Para 1 recognises") and f.notes[1].startswith("Art. 12.17.3")


def test_a_reasons_words_are_not_repeated_as_context(corpus):
    f = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY).finding("rcep", "tpp3.data-flows")
    shown = [e for r in f.reasons for e in r.evidence]
    assert all(not e.context for e in shown) and all(e.context for e in f.evidence)
    assert not {(e.quote, e.line) for e in shown} & {(e.quote, e.line) for e in f.evidence}


def test_only_the_operands_that_decide_a_combination_give_evidence():
    article = M.Article("7", topics=("source-code",), commitment=M.Commitment("binding", quotes=(M.Quote("shall"),)),
                        dispute_settlement=(M.DisputeSettlement("excluded", quotes=(M.Quote("no recourse"),)),))
    both = M.All((M.Atom("strength", ("at-least", "binding")), M.Atom("enforceable")))
    ns, norm = _norm(M.Requirement(both, "binding and enforceable"))
    f = evaluate_norm(_placed_agreement(article), ns, norm, F.Context(DAY))
    assert [e.quote for e in f.reasons[0].evidence] == ["no recourse"]


def test_the_weakest_level_wins():
    assert weakest(["text", "secondary", "text"]) == V.Verification.SECONDARY
    assert weakest(["text", "auto", "unverified"]) == V.Verification.AUTO
    assert weakest(["text", "nonsense"]) == V.Verification.UNVERIFIED
    assert weakest([]) is None


def test_a_met_finding_takes_the_weakest_level_of_its_articles_words(corpus):
    f = evaluate(corpus.agreement("cptpp"), corpus.norms("tpp3"), DAY).finding("cptpp", "tpp3.data-flows")
    assert (f.grade, f.verification, f.reasons) == (V.Grade.MET, V.Verification.TEXT, ())
    assert f.evidence and all(e.context for e in f.evidence)
