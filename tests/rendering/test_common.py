"""The wording every format shares: grades with scores, badges, force, evidence, hard/soft, legends."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import honest as H
from engine.evaluation.findings import Evidence
from engine.language import vocab as V
from engine.rendering import common as C

DAY = dt.date(2026, 11, 27)


def test_partial_grades_carry_their_score_and_others_do_not():
    assert C.grade_words(V.Grade.PARTIAL, 43) == "~ partial 43"
    assert C.grade_words(V.Grade.PARTIAL, 86) != C.grade_words(V.Grade.PARTIAL, 43)
    assert C.grade_words(V.Grade.PARTIAL) == "~ partial"  # a result without a score
    assert C.grade_words(V.Grade.MET, 100) == "✓ met" and C.grade_words(V.Grade.UNMET, 0) == "✗ unmet"


def test_not_encoded_has_its_own_mark_and_is_counted_apart():
    assert C.grade_words(V.Grade.NOT_ENCODED) == "? not encoded"
    assert C.GRADE_CSS[V.Grade.NOT_ENCODED] not in (C.GRADE_CSS[V.Grade.UNMET], C.GRADE_CSS[V.Grade.PARTIAL])
    assert V.Grade.NOT_ENCODED not in C.GAPS
    grades = [V.Grade.UNMET, V.Grade.NOT_ENCODED, V.Grade.NOT_ENCODED, V.Grade.MET, None]
    assert C.counts_words(grades) == "✓ met 1  ✗ unmet 1  ? not encoded 2"


def test_every_grade_has_a_mark_a_label_a_colour_and_a_meaning():
    for g in V.Grade:
        assert g in C.GRADE_MARK and g in C.GRADE_LABEL and g in C.GRADE_CSS and g in C.GRADE_MEANING


def test_the_weakest_level_decides_and_a_word_outside_the_vocabulary_vouches_for_nothing():
    assert C.weakest([V.Verification.TEXT, V.Verification.AUTO, V.Verification.SECONDARY]) == V.Verification.AUTO
    assert C.weakest([V.Verification.TEXT, "made-up"]) == "made-up"
    assert C.weakest([None]) is None


def test_a_finding_without_its_own_level_takes_its_weakest_evidence():
    f = H.rcep_flows()
    assert C.finding_verification(f) == V.Verification.TEXT
    mixed = f.replace(verification=None, evidence=(H.RECALLED,))
    assert C.finding_verification(mixed) == V.Verification.UNVERIFIED
    assert C.finding_verification(H.jpau_tech()) is None
    assert C.badge(V.Verification.AUTO) == "[auto]" and C.badge(None) == ""


@pytest.mark.parametrize("force,status,words", [
    (V.Force.NOT_IN_FORCE, V.Status.CONCLUDED,
     "binds no one on 2026-11-27: concluded, not in force (graded as written)"),
    (V.Force.NOT_IN_FORCE, V.Status.SIGNED, "binds no one on 2026-11-27: signed, not in force (graded as written)"),
    (V.Force.NOT_IN_FORCE, V.Status.IN_FORCE, "binds no one on 2026-11-27: not yet in force (graded as written)"),
    (V.Force.HYPOTHETICAL, V.Status.DRAFT, "hypothetical: a draft; binds no one on 2026-11-27 (graded as written)"),
    (V.Force.HYPOTHETICAL, V.Status.PROPOSED,
     "hypothetical: a proposal; binds no one on 2026-11-27 (graded as written)"),
    (V.Force.TERMINATED, V.Status.TERMINATED, "binds no one on 2026-11-27: terminated (graded as written)"),
    (V.Force.IN_FORCE, V.Status.IN_FORCE, ""),
])
def test_force_says_whom_the_text_binds_on_the_date(force, status, words):
    assert C.force_words(force, status, DAY) == words


def test_unknown_force_is_said_and_a_finding_alone_speaks_of_the_date():
    assert "neither its status nor its entry into force is encoded" in C.force_words(V.Force.UNKNOWN, None, DAY)
    assert C.force_words(V.Force.NOT_IN_FORCE) == "binds no one on the date: not in force (graded as written)"


def test_each_piece_of_evidence_cites_quotes_and_badges():
    assert C.evidence_words(H.ART_1217) == ('Art. 12.17.3 "No Party shall have recourse to dispute settlement under '
                                           'Chapter 19 for any matter arising under this Chapter." '
                                           '(agreements/rcep.agr:260) [text]')
    assert C.evidence_words(H.FN_14).startswith('Art. 12.15, fn 14 "the necessity')


def test_a_paraphrase_is_never_in_quotation_marks():
    words = C.evidence_words(H.RECALLED.replace(context=False))
    assert words.startswith("Art. 11 paraphrase: neither Party") and '"' not in words
    assert "“" not in C.evidence_words(H.RECALLED.replace(context=False), ("“", "”"))


def test_absent_evidence_says_it_cannot_be_quoted_and_context_says_so():
    assert C.evidence_words(H.NO_DS) == "Art. 11: no statement: cannot be quoted"
    assert C.evidence_words(Evidence("", None, None, "", 0, "text", absent=True)) == "no statement: cannot be quoted"
    assert C.evidence_words(H.RCEP_CONTEXT).startswith("context: Art. 12.15 ")


def test_evidence_from_before_2_0_cites_its_article():
    old = Evidence("14.11", None, "Each Party shall allow", "agreements/cptpp.agr", 266, "text")
    assert C.evidence_words(old) == 'Art. 14.11 "Each Party shall allow" (agreements/cptpp.agr:266) [text]'


def test_a_reason_shows_its_parties_and_a_weight_other_than_one():
    rcep = H.rcep_flows()
    assert C.reason_head(rcep.reasons[0]) == "✗ require enforceable (weight 3)"
    assert C.reason_head(rcep.reasons[2]) == "✗ binds every party on the date [KH, VN]"
    assert C.reason_head(rcep.reasons[1], mark=False) == "forbid exception public-policy self-judging"


def test_a_finding_notes_the_chapters_searched_the_parts_covered_and_the_encoders_notes():
    assert C.finding_notes(H.rcep_source()) == ["searched: Ch. 12 Electronic Commerce"]
    assert C.finding_notes(H.jpau_tech()) == ["the encoding covers: electronic-commerce"]
    assert C.finding_notes(H.rcep_flows())[0].startswith("note: five years, with an additional three years")


def test_the_strength_lens_reads_the_decisive_article_hard_or_soft():
    c = attrs.evolve(H.honest_comparison(), lens=C.Lens.STRENGTH)
    heads = [C.cell_head(c, x) for x in c.cells]
    assert heads == ["● hard [text]", "● hard [unverified]", "◐ soft [secondary]", "? not encoded",
                     "? not encoded", "○ none"]
    assert C.cell_counts(c) == [("● hard", 2), ("◐ soft", 1), ("○ none", 1), ("? not encoded", 2)]
    graded = H.honest_comparison()
    assert [C.cell_head(graded, x) for x in graded.cells][:2] == ["~ partial 43 [text]", "~ partial 86 [unverified]"]


def test_a_legend_explains_grades_score_badges_words_and_force():
    shown = {head: [k.shown for k in keys] for head, keys in C.legend().groups}
    assert shown["grades"] == ["✓ met", "~ partial", "~ partial 43", "✗ unmet", "? not encoded", "– n/a"]
    assert shown["checked"] == ["[text]", "[secondary]", "[unverified]", "[auto]"]
    assert "paraphrase:" in shown["words"] and shown["force"] == ["binds no one"]
    lens = {head: [k.shown for k in keys] for head, keys in C.legend(strength=True).groups}
    assert lens["strength"] == ["● hard", "◐ soft", "○ none"] and lens["grades"] == ["? not encoded", "– n/a"]


def test_a_comparison_header_carries_each_columns_facts_and_force():
    lines = C.comparison_header(H.honest_comparison())
    assert "WTO: WTO e-commerce (stabilised text) [concluded; 3 parties; verification secondary; covers " \
           "electronic-commerce]" in lines
    assert "  WTO binds no one on 2026-11-27: concluded, not in force (graded as written)" in lines
