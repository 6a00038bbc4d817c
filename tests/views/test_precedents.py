"""Precedents ranked first by whether the draft's own parties already accepted them elsewhere."""

from __future__ import annotations

import datetime as dt

from engine.checking.corpus import load_text
from engine.checking.resolve import resolve
from engine.evaluation.evaluator import evaluate
from engine.language import model as M
from engine.views.precedents import accepted_by, suggest_for_report

DAY = dt.date(2026, 1, 1)


def _draft(parties: str, status: str = "proposed") -> M.Agreement:
    text = (f'agreement draft "A draft" {{\n  status {status}\n  parties {parties}\n'
            '  chapter 1 {\n    article 1.1 {\n      topic cross-border-data\n    }\n  }\n}\n')
    source = load_text(text, "draft.agr")
    assert source.document is not None and source.diagnostics == ()
    draft, diagnostics = resolve(source.document.items[0], lambda i: None)
    assert diagnostics == ()
    return draft


def _first(corpus, parties: str) -> dict[str, str]:
    report = evaluate(_draft(parties), corpus.norms("tpp3"), DAY)
    return {s.norm: s.precedents[0].agreement for s in suggest_for_report(corpus, report)}


def test_a_precedent_both_parties_accepted_comes_before_a_wider_one(corpus):
    # KR and SG both accepted the KSDPA; of CPTPP's parties only SG is party to the draft.
    assert set(_first(corpus, "KR SG").values()) == {"ksdpa"}
    # KR and JP share no agreement that meets these norms: the wider, binding CPTPP stays first.
    assert set(_first(corpus, "KR JP").values()) == {"cptpp"}


def test_only_parties_of_a_text_they_accepted_count(corpus):
    ksdpa = corpus.agreement("ksdpa")
    assert accepted_by(ksdpa, frozenset({"KR", "SG", "JP"})) == 2
    assert accepted_by(ksdpa, frozenset({"JP"})) == 0
    assert accepted_by(_draft("KR SG"), frozenset({"KR", "SG"})) == 0  # a proposal binds nobody yet
    assert accepted_by(_draft("KR SG", "signed"), frozenset({"KR", "SG"})) == 2
