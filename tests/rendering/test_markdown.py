"""Markdown: the same verdicts as the text, in tables and lists a memo can take."""

from __future__ import annotations

import attrs

import honest as H
from engine.rendering import render


def test_the_report_table_carries_score_badge_and_not_encoded():
    md = render(H.honest_report(), "markdown")
    assert "| tpp3.data-flows | *~ partial 43* | 12.15 | \\[text\\] | require enforceable |" in md
    assert "| tpp3.data-flows | *~ partial 86* | 11 | \\[unverified\\] | require enforceable |" in md
    assert "| tpp3.tech-transfer | ? not encoded | - | - | its part of the treaty is not encoded |" in md
    assert "Findings: ? not encoded 1" in md


def test_each_reason_is_a_list_item_with_its_evidence_under_it():
    md = render(H.honest_report(), "markdown")
    head = "- **✗ require enforceable (weight 3)**: Without dispute settlement the rule rests on goodwill."
    item = md[md.index(head):].split("\n")
    assert item[1].startswith("  - Art. 12.17.3 “No Party shall have recourse")
    assert "  - Art. 12.15, fn 14 “the necessity behind" in md
    assert "  - Art. 11: no statement: cannot be quoted" in md
    assert "> context: Art. 11 paraphrase: neither Party shall prohibit" in md and "“neither" not in md
    assert "- note: five years, with an additional three years" in md
    assert "- searched: Ch. 12 Electronic Commerce" in md and "- the encoding covers: electronic-commerce" in md


def test_force_is_said_for_the_agreement_and_its_findings():
    md = render(H.honest_report(), "markdown")
    assert md.count("**binds no one on 2026-11-27: concluded, not in force (graded as written)**") == 2


def test_the_key_is_a_table():
    md = render(H.honest_report(), "markdown")
    key = md[md.index("## Key"):]
    assert "| grades | ✓ met | an article meets every requirement" in key
    assert "|  | ? not encoded | the encoding does not cover" in key
    assert "| checked | \\[text\\] |" in key and "| force | binds no one |" in key


def test_a_comparison_has_badged_columns_scored_cells_and_a_not_encoded_section():
    md = render(H.honest_comparison(), "markdown")
    assert "| Row | RCEP \\[text\\] | US-Japan DTA \\[unverified\\] | WTO \\[secondary\\]<br>not in force |" in md
    assert "| *~ partial 43* \\[text\\]<br>Art. 12.15: binding | *~ partial 86* \\[unverified\\]" in md
    assert "Cells: ~ partial 3  ✗ unmet 1  ? not encoded 2" in md
    gaps = md[md.index("## Gaps"):md.index("## Not encoded")]
    assert "    - Art. 12.17.3 “No Party shall have recourse" in gaps and "tech-transfer: **✗ unmet**" in gaps
    assert "rcep**, tpp3.tech-transfer" not in gaps
    assert "- **rcep**: tpp3.tech-transfer" in md[md.index("## Not encoded"):]


def test_the_strength_lens_in_markdown():
    md = render(attrs.evolve(H.honest_comparison(), lens="strength"), "markdown")
    assert "**● hard** \\[text\\]<br>Art. 12.15" in md and "**◐ soft** \\[secondary\\]" in md
    assert "| strength | ● hard |" in md


def test_a_pair_in_markdown():
    md = render(H.honest_pair(), "markdown")
    assert "| Norm | Strongest | RCEP \\[text\\] |" in md and "~ partial 43 \\[text\\]" in md
    assert "- **tpp3.data-flows** (rcep, *~ partial 43*)" in md
    assert "    - Art. 12.17.3 “No Party shall have recourse" in md
