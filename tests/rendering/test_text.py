"""Plain text: scores, not-encoded, force, each reason followed by its evidence, badges and a key."""

from __future__ import annotations

import datetime as dt

import attrs

import honest as H
from engine.evaluation.findings import Candidate, Check
from engine.language import vocab as V
from engine.rendering import render


def _block(text: str, start: str) -> str:
    """From the line that starts with ``start`` to the next blank line."""
    lines = text.split("\n")
    i = next(i for i, x in enumerate(lines) if x.startswith(start))
    j = next((k for k in range(i, len(lines)) if not lines[k]), len(lines))
    return "\n".join(lines[i:j])


def test_two_partial_grades_are_told_apart_by_their_score():
    text = render(H.honest_report(), "text")
    assert "tpp3.data-flows   ~ partial 43  12.15" in text and "tpp3.data-flows  ~ partial 86  11" in text
    assert "tpp3.data-flows: PARTIAL 43 (Art. 12.15) [text]" in text
    assert "tpp3.data-flows: PARTIAL 86 (Art. 11) [unverified]" in text


def test_each_reason_is_followed_by_its_evidence():
    block = _block(render(H.honest_report(), "text"), "tpp3.data-flows: PARTIAL 43")
    lines = block.split("\n")
    enforce = lines.index("  ✗ require enforceable (weight 3)")
    self_judging = lines.index("  ✗ forbid exception public-policy self-judging")
    assert any(x.startswith('      > Art. 12.17.3 "No Party shall have recourse') for x in lines[enforce:self_judging])
    assert '      > Art. 12.15, fn 14 "the necessity behind the implementation of such' in lines[self_judging:]
    assert "possibly until 2030-01-01" in block and "until its personal data framework applies" in block


def test_context_notes_absence_and_paraphrase_are_labelled():
    text = render(H.honest_report(), "text")
    rcep = _block(text, "tpp3.data-flows: PARTIAL 43")
    assert "  note: five years, with an additional three years if necessary (up to 8): coded" in rcep
    assert '  > context: Art. 12.15 "A Party shall not prevent' in rcep
    usjdta = _block(text, "tpp3.data-flows: PARTIAL 86")
    assert "      > Art. 11: no statement: cannot be quoted" in usjdta
    assert "  > context: Art. 11 paraphrase: neither Party shall prohibit" in usjdta
    assert '"neither' not in usjdta


def test_not_encoded_and_unmet_say_what_the_encoding_covers_and_where_it_looked():
    text = render(H.honest_report(), "text")
    assert "findings: ? not encoded 1" in text
    assert "tpp3.tech-transfer  ? not encoded  -" in text and "its part of the treaty" in text
    assert "  the encoding covers: electronic-commerce" in _block(text, "tpp3.tech-transfer: NOT-ENCODED")
    assert "  searched: Ch. 12 Electronic Commerce" in _block(text, "tpp3.source-code: UNMET")


def test_a_text_not_in_force_says_it_binds_no_one_for_the_agreement_and_each_finding():
    text = render(H.honest_report(), "text")
    line = "binds no one on 2026-11-27: concluded, not in force (graded as written)"
    assert f"\n{line}\n" in text  # under the agreement
    assert f"  {line}" in _block(text, "tpp3.customs-duties: MET (Art. 11) [secondary]")
    assert text.count(line) == 2


def test_the_report_ends_with_a_key_and_fits_80_columns():
    text = render(H.honest_report(), "text")
    key = text[text.index("\nkey:\n"):]
    for shown in ("? not encoded", "~ partial 43", "[unverified]", "paraphrase:", "no statement", "binds no one"):
        assert shown in key
    assert max(len(x) for x in text.splitlines()) <= 80


def test_a_comparison_shows_scores_badges_force_and_counts_not_encoded_apart():
    text = render(H.honest_comparison(), "text")
    assert "| ~ partial 43 [text] | ~ partial 86 [unverified] | ~ partial 50 [secondary]" in text
    assert "| [unverified]" in text and "| not in force" in text  # the column heads
    assert "cells: ~ partial 3  ✗ unmet 1  ? not encoded 2" in text
    gaps = text[text.index("gaps ("):]
    assert "rcep / tpp3.data-flows: partial 43, Art. 12.15 [text]" in gaps
    assert '      > Art. 12.17.3 "No Party shall have recourse' in gaps
    assert "tech-transfer" not in gaps.split("not encoded (")[0].replace("wto / tpp3.tech-transfer", "")
    assert "  rcep: tpp3.tech-transfer" in gaps.split("not encoded (")[1]


def test_the_strength_lens_shows_hard_and_soft_with_its_own_key():
    text = render(attrs.evolve(H.honest_comparison(), lens="strength"), "text")
    assert "| ● hard [text]" in text and "| ◐ soft [secondary]" in text and "| ○ none" in text
    assert "~ partial 43 [text]" not in text.split("gaps (")[0]
    assert "cells: ● hard 2  ◐ soft 1  ○ none 1  ? not encoded 2" in text
    assert "  strength  ● hard         binding ('shall'), whether or not dispute settlement reaches it" in text


def test_a_pair_shows_the_score_and_badge_of_the_strongest():
    text = render(H.honest_pair(), "text")
    assert "| ~ partial 43 [text]" in text and "| Art. 12.15 (RCEP)" in text
    assert "strongest: ~ partial 1" in text and "\nkey:\n" in text


def test_a_diff_says_which_text_binds_no_one():
    text = render(H.honest_diff(), "text")
    assert "wto2 binds no one on 2026-11-27: concluded, not in force (graded as written)" in text
    assert "tpp3.tech-transfer: unmet -> not-encoded: changes" in text


def test_the_trace_gives_each_failed_requirement_its_evidence_and_the_notes():
    f = H.rcep_flows()
    checks = tuple(Check(r.requirement, r.because, False, False) for r in f.reasons)
    traced = f.replace(candidates=(Candidate("12.15", None, V.Strength.BINDING, checks),),
                       force=V.Force.HYPOTHETICAL)
    text = render(traced, "text")
    assert text.startswith("rcep against tpp3.data-flows: PARTIAL 43 (Art. 12.15) [text]\n")
    assert "hypothetical: a draft; binds no one on the date (graded as written)" in text
    evidence = text[text.index("the evidence for each failed requirement:"):]
    assert '  ✗ require enforceable (weight 3)\n      > Art. 12.17.3 "No Party' in evidence
    assert "  note: five years" in text


def test_the_corpus_report_fits_80_columns_and_badges_every_finding_with_an_article(corpus):
    from engine.evaluation.evaluator import evaluate

    r = evaluate([corpus.agreement(i) for i in ("rcep", "usjdta", "jpau")], [corpus.norms("cptpp21")],
                 as_of=dt.date(2026, 11, 27))
    text = render(r, "text")
    assert max(len(x) for x in text.splitlines()) <= 80
    for f in r.findings:
        if f.article:
            assert f"{f.norm}: {f.grade.upper()}" in text and f"(Art. {f.article}) [" in text
