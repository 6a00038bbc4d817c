"""Executive summaries: per agreement, which norms are met, which fall short and why in plain words, which
have no article, what the encoding cannot tell, and whether the text binds anyone."""

from __future__ import annotations

import datetime as dt

from engine.evaluation.evaluator import evaluate
from engine.evaluation.findings import Reason
from engine.rendering.summary import comparison_summaries, plain_reason, report_summaries
from engine.views.compare import compare

DAY = dt.date(2026, 11, 27)


def _paragraphs(corpus, ids, norms="tpp3"):
    r = evaluate([corpus.agreement(i) for i in ids], [corpus.norms(norms)], as_of=DAY)
    return {info.id: words for info, words in report_summaries(r)}


def test_the_readme_paragraph_on_rcep(corpus):
    words = _paragraphs(corpus, ["cptpp", "rcep"])
    assert words["cptpp"] == "CPTPP meets all three norms."
    rcep = words["rcep"]
    assert rcep.startswith("RCEP meets none of the three norms. On data flows (Art. 12.15) and computing facilities "
                           "(Art. 12.14), RCEP falls short: no dispute settlement, a self-judging public-policy "
                           "exception, a non-disputable essential-security exception, an uncommitted-sectors "
                           "exception, a transition period until 2027-01-01, possibly until 2030-01-01 for para 2 "
                           "for Cambodia and Laos, for Myanmar, its entry into force is not known, a transition "
                           "period until 2027-01-01 for para 2 for Vietnam.")
    assert rcep.endswith("RCEP has no article on source code at all.")


def test_a_text_not_in_force_and_an_unchecked_encoding_are_said(corpus):
    words = _paragraphs(corpus, ["wto-ecommerce", "usjdta"])
    assert "On the date: binds no one on 2026-11-27: concluded, not in force (graded as written)." in \
           words["wto-ecommerce"]
    assert "Its encoding is checked to the level 'unverified'" in words["usjdta"]


def test_not_encoded_is_said_as_such_never_as_a_gap(corpus):
    words = _paragraphs(corpus, ["jpeu"], "cptpp21")["jpeu"]
    unknown = words[words.index(" the engine cannot tell"):]
    assert "(not encoded, not a gap)." in unknown and "has no article on" not in unknown


def test_a_comparison_gives_the_same_paragraphs_from_its_cells(corpus):
    ids = ["cptpp", "rcep"]
    c = compare([corpus.agreement(i) for i in ids], [corpus.norms("tpp3")], as_of=DAY)
    assert {i.id: w for i, w in comparison_summaries(c)} == _paragraphs(corpus, ids)


def test_plain_words_for_the_failed_requirements():
    def reason(requirement, detail="", parties=()):
        return Reason(requirement, "because", "1", parties, detail)

    assert plain_reason(reason("require enforceable")) == "no dispute settlement"
    assert plain_reason(reason("essential require enforceable")) == "no dispute settlement"
    assert plain_reason(reason("forbid exception public-policy self-judging no-arbitrary-discrimination")) == \
        "a self-judging public-policy exception"
    assert plain_reason(reason("binds every party on the date", "BN: reservation; VN: reservation", ("BN", "VN"))) \
        == "a reservation for Brunei Darussalam and Vietnam"
    assert plain_reason(reason("forbid contingent", "contingent on wto-moratorium")) == "contingent on wto-moratorium"
