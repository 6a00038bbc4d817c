"""Coverage: "no article" is said only where the encoding covers that part of the treaty."""

from __future__ import annotations

import datetime as dt

import attrs

import engine
from engine.evaluation import context as F
from engine.evaluation.evaluator import evaluate
from engine.language import model as M
from engine.language import vocab as V

DAY = dt.date(2026, 11, 30)


def _agreement(**fields: object) -> M.Agreement:
    base = dict(parties=("JP", "KR"), status="in-force", in_force=(M.PartyEntry(dt.date(2020, 1, 1)),))
    return M.Agreement("a", **{**base, **fields})  # type: ignore[arg-type]


def _chapter(number: str, *topics: str, part: str | None = None) -> M.Chapter:
    articles = tuple(M.Article(f"{number}.{i + 1}", topics=(t,), commitment=M.Commitment("binding"))
                     for i, t in enumerate(topics))
    return M.Chapter(number, f"Chapter {number}", articles, part=part)


def test_the_default_coverage_is_the_parts_of_the_chapters_held_and_the_agreement_level_statements():
    a = _agreement(chapters=(_chapter("14", "cross-border-data", "dispute-resolution"), _chapter("9", "scope",
                                                                                               part="investment")),
                   exceptions=(M.Exception_("essential-security"),))
    assert F.covered_parts(a) == (V.Part.ELECTRONIC_COMMERCE, V.Part.INVESTMENT, V.Part.EXCEPTIONS,
                                  V.Part.DISPUTE_SETTLEMENT)
    assert F.covered_parts(_agreement()) == ()


def test_written_coverage_wins_and_complete_covers_everything():
    a = _agreement(chapters=(_chapter("14", "cross-border-data"),), coverage=("customs", "electronic-commerce"))
    assert F.covered_parts(a) == (V.Part.ELECTRONIC_COMMERCE, V.Part.CUSTOMS)
    complete = attrs.evolve(a, coverage=(V.COMPLETE,))
    assert F.covered_parts(complete) == (V.COMPLETE,) and F.is_covered(F.covered_parts(complete), V.Part.INVESTMENT)


def test_a_norm_in_a_part_not_encoded_is_not_encoded_and_says_what_is(corpus):
    (f, *_) = evaluate(corpus.agreement("jpeu"), corpus.norms("cptpp21"), DAY).findings
    assert (f.grade, f.score, f.unmet_because, f.searched) == (V.Grade.NOT_ENCODED, None, None, ())
    assert f.covered == (V.Part.ELECTRONIC_COMMERCE, V.Part.DISPUTE_SETTLEMENT)
    (reason,) = f.reasons
    assert reason.because == ("The encoding covers electronic-commerce and dispute-resolution; technology "
                              "transfer as a performance requirement for investment stands in investment, which is "
                              "not encoded.")
    (ev,) = reason.evidence
    assert ev.absent and ev.quote is None
    assert f.verification is None


def test_jpeu_grades_nothing_unmet_outside_the_chapters_it_encodes(corpus):
    report = evaluate(corpus.agreement("jpeu"), corpus.norms("cptpp21"), DAY)
    assert {f.grade for f in report.findings} == {V.Grade.NOT_ENCODED}
    covered = F.covered_parts(corpus.agreement("jpeu"))
    for f in report.findings:
        assert not any(F.is_covered(covered, p) for p in F.topic_parts(f.topics))


def test_covering_the_part_turns_not_encoded_into_an_absence_that_names_the_chapters_searched(corpus):
    jpeu = attrs.evolve(corpus.agreement("jpeu"), coverage=("electronic-commerce", "investment"))
    (f, *_) = evaluate(jpeu, corpus.norms("cptpp21"), DAY).findings
    assert (f.grade, f.unmet_because, f.score) == (V.Grade.UNMET, V.UnmetBecause.NO_ARTICLE, 0)
    # no chapter is in the investment part, so every chapter was searched
    assert f.searched == ("Ch. 8 Trade in Services, Investment Liberalisation and Electronic Commerce (Section F: "
                          "Electronic Commerce)",)
    assert f.reasons[0].evidence[0].absent and f.verification == V.Verification.UNVERIFIED


def test_an_absence_names_only_the_chapters_of_the_norms_part(corpus):
    f = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY).finding("rcep", "tpp3.source-code")
    assert (f.grade, f.unmet_because) == (V.Grade.UNMET, V.UnmetBecause.NO_ARTICLE)
    assert f.searched == ("Ch. 12 Electronic Commerce",)


def test_a_written_chapter_part_decides_where_the_engine_looked():
    a = _agreement(chapters=(_chapter("3", "cooperation", part="electronic-commerce"), _chapter("4", "cooperation")),
                   articles=(M.Article("1", topics=("definitions",)), M.Article("2", topics=("scope",))))
    assert F.searched(a, (V.Part.ELECTRONIC_COMMERCE,)) == ("Ch. 3 Chapter 3", "Ch. 4 Chapter 4", "Arts. 1-2")
    assert F.searched(a, (V.Part.CUSTOMS,)) == ("Ch. 3 Chapter 3", "Ch. 4 Chapter 4", "Arts. 1-2")
    customs = attrs.evolve(a, chapters=(a.chapters[0], attrs.evolve(a.chapters[1], part="customs")))
    assert F.searched(customs, (V.Part.CUSTOMS,)) == ("Ch. 4 Chapter 4", "Arts. 1-2")


def test_an_article_found_in_a_part_not_declared_is_still_graded(corpus):
    rcep = attrs.evolve(corpus.agreement("rcep"), coverage=("customs",))
    f = evaluate(rcep, corpus.norms("tpp3"), DAY).finding("rcep", "tpp3.data-flows")
    assert f.grade == V.Grade.PARTIAL and f.article == "12.15"


def test_the_report_says_what_each_encoding_covers(corpus):
    info = engine.evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), as_of=DAY).agreements[0]
    assert info.coverage == (V.Part.ELECTRONIC_COMMERCE, V.Part.INVESTMENT, V.Part.CUSTOMS,
                             V.Part.INTELLECTUAL_PROPERTY, V.Part.EXCEPTIONS, V.Part.DISPUTE_SETTLEMENT)
    assert (info.force, info.verification) == (V.Force.IN_FORCE, V.Verification.TEXT)
