"""The HTML page of the 2.0 verdicts: not-encoded in its own colour, scores, badges, force, evidence, a key."""

from __future__ import annotations

import re

import attrs

import honest as H
from engine.rendering import render


def _td(page: str, label: str) -> str:
    """The ``<td>`` whose aria-label is ``label``."""
    return re.search(r'<td [^>]*aria-label="' + re.escape(label) + r'".*?</td>', page, re.S).group(0)


def test_not_encoded_has_its_own_class_symbol_and_legend_entry():
    page = render(H.honest_comparison(), "html")
    cell = _td(page, "rcep tpp3.tech-transfer: not-encoded")
    assert cell.startswith('<td class="cell g-ne" data-grade="not-encoded"')
    assert '<span class="mark" aria-hidden="true">?</span> <span class="label">not encoded</span>' in cell
    assert ".g-ne{background:var(--ne-bg)" in page and "--ne:#2f5a8f" in page  # blue-grey, not red
    assert '<span class="chip g-ne"><span class="mark" aria-hidden="true">?</span>' in page
    assert "<span>? not encoded: 2</span>" in page


def test_partial_cells_differ_by_score_in_number_bar_and_shade():
    page = render(H.honest_comparison(), "html")
    low, high = _td(page, "rcep tpp3.data-flows: partial"), _td(page, "usjdta tpp3.data-flows: partial")
    assert 'data-band="middle"' in low and 'data-band="high"' in high
    assert 'value="43" title="score 43 of 100">43</meter>' in low and 'value="86"' in high
    assert ".g-partial[data-band=low]" in page


def test_badges_per_cell_column_and_evidence_with_titles_explained():
    page = render(H.honest_comparison(), "html")
    head = page[page.index("<thead>"):page.index("</thead>")]
    assert 'US-Japan DTA<span class="badge v-unverified" title="encoded from general knowledge' in head
    assert '<span class="sub force">not in force</span>' in head
    assert '<span class="badge v-unverified" title=' in _td(page, "usjdta tpp3.data-flows: partial")
    assert '<span class="badge v-auto">auto</span> suggested by the importer' in page  # the legend


def test_each_reason_lists_its_evidence_and_a_paraphrase_is_no_quotation():
    page = render(H.honest_report(), "html")
    rcep = _td(page, "rcep tpp3.data-flows: partial")
    reason = rcep[rcep.index("require enforceable (weight 3)"):rcep.index("forbid exception")]
    assert '<ul class="evidence"><li>Art. 12.17.3 <q>No Party shall have recourse' in reason
    assert "Art. 12.15, fn 14 <q>the necessity behind" in rcep and "note: five years" in rcep
    usjdta = _td(page, "usjdta tpp3.data-flows: partial")
    assert 'Art. 11 <span class="no-statement">no statement: cannot be quoted</span>' in usjdta
    assert '<span class="context">context</span> Art. 11 <span class="paraphrase">(paraphrase) neither' in usjdta
    assert "<q>neither" not in usjdta


def test_force_for_each_agreement_and_finding():
    page = render(H.honest_report(), "html")
    line = '<p class="force">binds no one on 2026-11-27: concluded, not in force (graded as written)</p>'
    assert page.count(line) == 2  # the agreement, and its finding
    assert "not in force" in _td(page, "wto tpp3.customs-duties: met")


def test_the_strength_lens_colours_cells_hard_and_soft_with_its_own_legend():
    page = render(attrs.evolve(H.honest_comparison(), lens="strength"), "html")
    assert _td(page, "rcep tpp3.data-flows: hard").startswith('<td class="cell s-hard"')
    assert _td(page, "wto tpp3.data-flows: soft").startswith('<td class="cell s-soft"')
    assert _td(page, "wto tpp3.tech-transfer: none").startswith('<td class="cell s-none"')
    assert "<h3>strength</h3>" in page and "<meter" not in page.split("<h2>Matrix</h2>")[1]
