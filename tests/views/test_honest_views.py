"""The views never say more than the findings know: not-encoded is no absence, a text not in force binds no
one, and cells and columns carry scores, levels, force and coverage."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from engine.errors import UsageError
from engine.language import model as M
from engine.language import vocab as V
from engine.views.compare import Lens, compare
from engine.views.diff import diff, effect
from engine.views.expectations import check_expectation
from engine.views.pair import best_first, pair
from engine.views.precedents import suggest_for_report
from engine.evaluation.evaluator import evaluate

DAY = dt.date(2026, 11, 30)


# ---------------------------------------------------------------- compare


def test_cells_carry_score_level_and_force_and_columns_force_and_coverage(corpus):
    c = compare([corpus.agreement(i) for i in ("rcep", "usjdta", "wto-ecommerce")], [corpus.norms("tpp3")],
                ["cross-border-data"], as_of=DAY)
    rcep = c.cell("tpp3.data-flows", "rcep")
    assert (rcep.score, rcep.verification, rcep.force) == (40, V.Verification.TEXT, V.Force.IN_FORCE)
    assert c.cell("tpp3.data-flows", "usjdta").score == 90
    wto = c.cell("tpp3.data-flows", "wto-ecommerce")
    assert (wto.force, wto.grade) == (V.Force.NOT_IN_FORCE, V.Grade.UNMET)
    assert [(a.id, a.force) for a in c.agreements] == [("rcep", V.Force.IN_FORCE), ("usjdta", V.Force.IN_FORCE),
                                                       ("wto-ecommerce", V.Force.NOT_IN_FORCE)]
    assert V.Part.ELECTRONIC_COMMERCE in c.agreements[0].coverage
    topic = c.cell("cross-border-data", "usjdta")
    assert (topic.grade, topic.verification, topic.force) == (None, V.Verification.UNVERIFIED, V.Force.IN_FORCE)


def test_a_not_encoded_cell_has_no_score_and_no_level(corpus):
    c = compare([corpus.agreement("jpeu")], [corpus.norms("cptpp21")], as_of=DAY)
    cell = c.cells[0]
    assert (cell.grade, cell.score, cell.verification, cell.articles) == (V.Grade.NOT_ENCODED, None, None, ())


def test_the_strength_lens_reads_the_same_findings(corpus):
    agreements = [corpus.agreement(i) for i in ("rcep", "usjdta", "cptpp")]
    by_grade = compare(agreements, [corpus.norms("tpp3")], as_of=DAY)
    by_strength = compare(agreements, [corpus.norms("tpp3")], as_of=DAY, lens="strength")
    assert (by_grade.lens, by_strength.lens) == (Lens.GRADE, Lens.STRENGTH)
    assert by_strength.cells == by_grade.cells
    # usjdta is binding (hard) although it cannot be enforced: its decisive article says so
    assert by_strength.cell("tpp3.data-flows", "usjdta").articles[0].strength == V.Strength.BINDING


def test_an_unknown_lens_is_a_usage_error(corpus):
    with pytest.raises(UsageError, match="unknown lens `strenght`") as e:
        compare([corpus.agreement("rcep")], [corpus.norms("tpp3")], as_of=DAY, lens="strenght")
    assert e.value.hint == "did you mean `strength`?"


def test_qualifiers_name_both_ends_the_paragraph_and_an_unknown_entry(corpus):
    rcep = corpus.agreement("rcep")
    ch12 = next(ch for ch in rcep.chapters if ch.number == "12")
    flows = next(a for a in ch12.articles if a.number == "12.15")
    kh = M.Transition(("KH",), M.Period(years=5, extension_years=3), paragraph="2")
    changed = attrs.evolve(rcep, in_force=rcep.in_force + (M.PartyEntry(None, ("MM",)),), chapters=tuple(
        attrs.evolve(ch, articles=tuple(attrs.evolve(a, transitions=(kh,)) if a is flows else a
                                        for a in ch.articles)) if ch is ch12 else ch for ch in rcep.chapters))
    c = compare([changed], topics=["cross-border-data"], as_of=dt.date(2026, 1, 1))
    texts = [q.text for q in c.cells[0].articles[0].qualifiers]
    assert "transition for KH to 2027-01-01 (possibly 2030-01-01) (para 2)" in texts
    assert "entry into force unknown for MM" in texts


# ---------------------------------------------------------------- pair


def test_a_text_not_in_force_is_never_counted_and_an_unknown_entry_says_so(corpus):
    p = pair(corpus.agreements.values(), "JP", "AU", [corpus.norms("tpp3")], DAY)
    assert ("wto-ecommerce", "status concluded") in [(n.agreement.id, n.why) for n in p.not_binding]
    assert "wto-ecommerce" not in [b.agreement.id for b in p.agreements]
    rcep = corpus.agreement("rcep")
    rcep = attrs.evolve(rcep, in_force=rcep.in_force + (M.PartyEntry(None, ("MM",)),))
    q = pair([rcep], "MM", "JP", [corpus.norms("tpp3")], DAY)
    assert [(n.agreement.id, n.why) for n in q.not_binding] == [("rcep", "entry into force for MM not known")]


def test_not_encoded_is_never_taken_for_an_absence_nor_for_a_gap_a_draft_closes(corpus):
    jpeu = corpus.agreement("jpeu")
    covering = attrs.evolve(jpeu, id="jpeu-investment", coverage=("electronic-commerce", "investment"))
    draft = attrs.evolve(corpus.agreement("cptpp"), id="d", status="draft", parties=("JP", "EU"))
    p = pair([jpeu, covering], "JP", "EU", [corpus.norms("cptpp21")], DAY, drafts=[draft])
    row = p.row("cptpp21.technology-transfer-requirements")
    assert sorted(f.grade for f in row.findings) == [V.Grade.NOT_ENCODED, V.Grade.UNMET]
    assert row.strongest is not None and row.strongest.grade == V.Grade.NOT_ENCODED
    assert row.with_drafts is not None and row.with_drafts.grade == V.Grade.MET
    assert row.effect is None and p.closes == 0
    assert [best_first(g) for g in (V.Grade.MET, V.Grade.PARTIAL, V.Grade.NOT_ENCODED, V.Grade.UNMET,
                                    V.Grade.NOT_APPLICABLE)] == [0, 1, 2, 3, 4]


def test_the_strongest_is_the_one_with_the_higher_score(corpus):
    usjdta = attrs.evolve(corpus.agreement("usjdta"), parties=("JP", "KR"))
    rcep = corpus.agreement("rcep")
    p = pair([rcep, usjdta], "JP", "KR", [corpus.norms("tpp3")], DAY)
    best = p.row("tpp3.data-flows").strongest
    assert best is not None and (best.agreement, best.score) == ("usjdta", 90)


# ---------------------------------------------------------------- diff


def test_a_not_encoded_finding_neither_opens_nor_closes_a_gap(corpus):
    jpeu = corpus.agreement("jpeu")
    covered = attrs.evolve(jpeu, coverage=("electronic-commerce", "investment"))
    d = diff(jpeu, covered, [corpus.norms("cptpp21")], DAY)
    (change,) = d.grades
    assert (change.old_grade, change.new_grade, change.effect) == (V.Grade.NOT_ENCODED, V.Grade.UNMET,
                                                                   V.Effect.CHANGES)
    assert (change.old_score, change.new_score) == (None, 0)
    assert (d.closes, d.opens, d.narrows, d.widens) == (0, 0, 0, 0)
    back = diff(covered, jpeu, [corpus.norms("cptpp21")], DAY)
    assert back.grades[0].effect == V.Effect.CHANGES and back.opens == 0


def test_a_higher_score_narrows_a_gap_of_the_same_grade(corpus):
    report = evaluate([corpus.agreement("rcep"), corpus.agreement("usjdta")], corpus.norms("tpp3"), DAY)
    rcep, usjdta = report.finding("rcep", "tpp3.data-flows"), report.finding("usjdta", "tpp3.data-flows")
    assert effect(rcep, usjdta) == V.Effect.NARROWS and effect(usjdta, rcep) == V.Effect.WIDENS


def test_the_diff_shows_coverage_and_unknown_entries(corpus):
    jpau = corpus.agreement("jpau")
    other = attrs.evolve(jpau, coverage=("electronic-commerce",), in_force=(M.PartyEntry(None),))
    changes = {c.attribute: (c.old, c.new) for c in diff(jpau, other).agreement}
    assert changes["coverage"] == (None, "electronic-commerce")
    assert changes["in-force"] == ("2015-01-15", "unknown")


# ---------------------------------------------------------------- precedents and expectations


def test_no_precedent_is_sought_for_a_not_encoded_finding(corpus):
    report = evaluate(corpus.agreement("jpeu"), corpus.norms("cptpp21"), DAY)
    assert suggest_for_report(corpus, report) == ()


def test_an_expectation_can_name_not_encoded_and_a_score_range(corpus):
    ok = check_expectation(corpus, M.Expectation("jpeu", "cptpp21", None, "not-encoded"), DAY)
    assert ok.passed and ok.why == ()
    ranged = M.Expectation("rcep", "tpp3", "data-flows", "partial", score_min=20, score_max=60)
    result = check_expectation(corpus, ranged, DAY)
    assert result.passed and result.text == "expect rcep tpp3.data-flows partial score 20..60"
    high = check_expectation(corpus, attrs.evolve(ranged, score_min=50), DAY)
    assert not high.passed and high.why == ("rcep tpp3.data-flows: score 40, not in 50..60",)
    wrong = check_expectation(corpus, M.Expectation("jpau", "cptpp21", "express-shipments", "unmet",
                                                    score_max=10), DAY)
    assert wrong.why == ("jpau cptpp21.express-shipments: not-encoded, not unmet; no score (not-encoded), "
                         "not in 0..10",)
