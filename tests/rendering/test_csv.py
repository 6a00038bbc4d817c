"""CSV: one line per finding or cell, with the 2.0 columns a spreadsheet filters on."""

from __future__ import annotations

import csv
import io

import attrs

import honest as H
from engine.rendering import render


def rows(result: object) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(result, "csv"))))


def test_a_report_line_has_score_force_verification_and_the_evidence_of_each_reason():
    by = {(r["agreement"], r["norm"]): r for r in rows(H.honest_report())}
    rcep = by["rcep", "tpp3.data-flows"]
    assert (rcep["grade"], rcep["score"], rcep["verification"], rcep["force"]) == ("partial", "43", "text", "in-force")
    assert rcep["reasons"].startswith("require enforceable (weight 3): Without dispute settlement")
    assert rcep["reason_evidence"].startswith('require enforceable: Art. 12.17.3 "No Party shall have recourse')
    assert "forbid exception public-policy self-judging: Art. 12.15, fn 14" in rcep["reason_evidence"]
    assert rcep["evidence"].startswith('context: Art. 12.15 "A Party shall not prevent')
    assert rcep["notes"].startswith("five years, with an additional three years")
    assert by["usjdta", "tpp3.data-flows"]["score"] == "86"
    assert "Art. 11: no statement: cannot be quoted" in by["usjdta", "tpp3.data-flows"]["reason_evidence"]
    assert "paraphrase: neither" in by["usjdta", "tpp3.data-flows"]["evidence"]


def test_not_encoded_unmet_and_a_text_not_in_force():
    by = {(r["agreement"], r["norm"]): r for r in rows(H.honest_report())}
    tech = by["jpau", "tpp3.tech-transfer"]
    assert (tech["grade"], tech["score"], tech["covered"]) == ("not-encoded", "", "electronic-commerce")
    assert by["rcep", "tpp3.source-code"]["searched"] == "Ch. 12 Electronic Commerce"
    assert by["wto", "tpp3.customs-duties"]["force"] == "not-in-force"


def test_a_comparison_line_has_grade_and_strength_both():
    cells = rows(H.honest_comparison())
    assert [(c["grade"], c["score"], c["strength"]) for c in cells] == [
        ("partial", "43", "hard"), ("partial", "86", "hard"), ("partial", "50", "soft"),
        ("not-encoded", "", ""), ("not-encoded", "", ""), ("unmet", "0", "none")]
    assert cells[2]["force"] == "not-in-force" and cells[1]["verification"] == "unverified"
    assert rows(attrs.evolve(H.honest_comparison(), lens="strength")) == cells


def test_a_pair_line_has_the_strongest_score():
    (line,) = rows(H.honest_pair())
    strongest = (line["strongest_grade"], line["strongest_score"], line["strongest_verification"])
    assert strongest == ("partial", "43", "text")
