"""Precedents: ranked articles that meet a norm, with snippets that paste into a draft and still meet it."""

from __future__ import annotations

import datetime as dt

import pytest

import engine
from conftest import ROOT, run_cli
from engine.checking.corpus import load_text
from engine.rendering import render_suggestions
from engine.checking.resolve import resolve
from engine.evaluation.evaluator import evaluate
from engine.language import vocab as V
from engine.views.precedents import accepted_by, suggest_for_report

DAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def report(corpus):
    return evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY)


@pytest.fixture(scope="module")
def suggestions(corpus, report):
    return suggest_for_report(corpus, report, limit=None)


def paste(snippet: str, parties: str = "KR JP") -> str:
    """A minimal agreement with the snippet pasted into its only chapter."""
    return (f'agreement pasted "A draft with one pasted article" {{\n  parties {parties}\n'
            f'  chapter 1 "Digital Trade" {{\n{snippet}  }}\n}}\n')


def test_one_suggestion_per_gap(report, suggestions):
    gaps = [f.norm for f in report.findings if f.grade in ("partial", "unmet")]
    assert [s.norm for s in suggestions] == gaps == ["tpp3.data-flows", "tpp3.computing-facilities",
                                                     "tpp3.source-code"]
    assert all(s.agreement == "rcep" for s in suggestions)


def test_cptpp_comes_first_and_the_ranking_holds(corpus, report, suggestions):
    expected_first = {"tpp3.data-flows": "14.11", "tpp3.computing-facilities": "14.13", "tpp3.source-code": "14.17"}
    for s in suggestions:
        assert s.precedents, s.norm
        assert (s.precedents[0].agreement, s.precedents[0].article) == ("cptpp", expected_first[s.norm])
        assert "rcep" not in {p.agreement for p in s.precedents}
        own = frozenset(report.agreements[0].parties)
        keys = [(-accepted_by(corpus.agreement(p.agreement), own), -V.STRENGTH_ORDER.index(p.strength),
                 -p.parties, -(p.date.toordinal() if p.date else 0)) for p in s.precedents]
        assert keys == sorted(keys)
        assert len(s.precedents) > 1  # other agreements too, not CPTPP alone
        assert s.precedents[0].citation.startswith("Comprehensive and Progressive Agreement for Trans-Pacific "
                                                   "Partnership (cptpp), Art. ")


def test_every_snippet_pastes_into_a_draft_and_meets_the_norm(corpus, suggestions):
    ns = corpus.norms("tpp3")
    checked = 0
    for s in suggestions:
        for p in s.precedents:
            f = load_text(paste(p.snippet), f"{p.agreement}-{p.article}.agr")
            assert f.diagnostics == (), (p.citation, [str(d) for d in f.diagnostics])
            pasted, diags = resolve(f.document.items[0], lambda i: None)
            assert diags == ()
            finding = evaluate(pasted, ns, DAY).finding("pasted", s.norm)
            assert finding.grade == "met", (p.citation, finding.reasons)
            checked += 1
    assert checked >= 6


def test_a_snippet_makes_its_context_explicit(suggestions):
    first = suggestions[0].precedents[0]  # CPTPP 14.11: chapter-level dispute settlement and exceptions, MY/VN shields
    assert "dispute-settlement applies" in first.snippet
    assert "exception essential-security self-judging" in first.snippet
    assert "Left out (they name parties of cptpp): dispute-settlement shielded MY" in first.snippet
    assert "shielded" not in first.snippet.split("article 14.11", 1)[1]


def test_tradegap_check_accepts_a_pasted_snippet(tmp_path, suggestions):
    draft = tmp_path / "draft.agr"
    draft.write_text(paste(suggestions[2].precedents[0].snippet), encoding="utf-8")
    code, out, err = run_cli("check", str(draft))
    assert code == 0, err
    assert "checked 1 file: 0 errors" in out
    assert "draft.agr" not in err  # no warning about the pasted file either


def test_an_article_a_draft_inherits_is_listed_once(report):
    c = engine.load([str(ROOT / "tests" / "fixtures" / "kjdpa.agr")])
    found = suggest_for_report(c, report, limit=None)[0]
    ksdpa = next(p for p in found.precedents if p.agreement == "ksdpa")
    assert ksdpa.also_in == ("kjdpa-test",)
    assert "kjdpa-test" not in {p.agreement for p in found.precedents}


def test_limit_keeps_the_best_and_counts_the_rest(corpus, report, suggestions):
    limited = suggest_for_report(corpus, report, limit=2)
    for full, short in zip(suggestions, limited):
        assert short.precedents == full.precedents[:2]
        assert short.more == len(full.precedents) - 2
