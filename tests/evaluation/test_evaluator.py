"""The evaluator's contract: combinations of predicates, resolved input only, no side effects on the interpreter."""

from __future__ import annotations

import datetime as dt
import gc

import attrs
import pytest

import engine
from conftest import ROOT
from engine.checking.corpus import load_text
from engine.errors import UnresolvedDraft
from engine.evaluation import context as F
from engine.evaluation.evaluator import evaluate, evaluate_predicate, require_resolved
from engine.language import model as M
from engine.language import vocab as V

DAY = dt.date(2026, 1, 1)
KJ = ROOT / "tests" / "fixtures" / "kjdpa.agr"


def _placed() -> F.Placed:
    transition = M.Transition(("KR",), M.Period(years=10))
    article = M.Article("1", commitment=M.Commitment("binding"), transitions=(transition,))
    agreement = M.Agreement("a", parties=("JP", "KR"), in_force=(M.PartyEntry(dt.date(2020, 1, 1)),))
    return F.Placed(agreement, None, article)


def test_not_and_or_combine_holds_and_keep_every_step_and_party():
    ctx = F.Context(DAY)
    strong, bound = M.Atom("strength", ("at-least", "binding")), M.Atom("binds-all-parties")
    both = evaluate_predicate(M.All((strong, bound)), _placed(), ctx)
    assert not both.held and [s.test for s in both.steps] == ["strength at-least binding", "binds-all-parties"]
    assert both.parties == ("KR",)
    either = evaluate_predicate(M.Any_((strong, bound)), _placed(), ctx)
    assert either.held and len(either.steps) == 2
    negated = evaluate_predicate(M.Not(bound), _placed(), ctx)
    assert negated.held and negated.steps == evaluate_predicate(bound, _placed(), ctx).steps


def test_a_draft_as_written_is_refused_and_the_resolved_one_is_graded(corpus):
    written = load_text(KJ.read_text(), str(KJ)).document.items[0]
    assert written.based_on == "ksdpa"
    with pytest.raises(UnresolvedDraft, match="`kjdpa-test` is a draft based on `ksdpa`") as e:
        evaluate(written, corpus.norms("tpp3"), DAY)
    assert "corpus" in e.value.hint
    resolved = engine.load([str(KJ)]).agreement("kjdpa-test")
    assert resolved.based_on == "ksdpa"  # resolution keeps the reference (reports show it)
    report = evaluate(resolved, corpus.norms("tpp3"), DAY)
    assert report.agreements[0].based_on == "ksdpa" and report.findings


def test_a_draft_with_only_new_articles_is_refused_too():
    article = M.Article("9", topics=("source-code",), commitment=M.Commitment("binding"))
    draft = M.Agreement("d", based_on="base", articles=(article,))
    with pytest.raises(UnresolvedDraft):
        require_resolved(draft)
    require_resolved(attrs.evolve(draft, based_on=None))  # not a draft: nothing to resolve
    with pytest.raises(UnresolvedDraft):  # every article stating its level does not make it resolved
        require_resolved(attrs.evolve(draft, articles=(attrs.evolve(article, verification="text"),)))
    require_resolved(attrs.evolve(draft, resolved=True))  # what engine.checking.resolve returns


def test_evaluate_leaves_the_garbage_collector_alone(corpus, monkeypatch):
    calls = []
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    monkeypatch.setattr(gc, "enable", lambda: calls.append("enable"))
    agreements = [corpus.agreements[k] for k in sorted(corpus.agreements)] * 4
    sets = [corpus.norm_sets[k] for k in sorted(corpus.norm_sets)]
    assert len(agreements) * sum(len(s.norms) for s in sets) > 1000  # where it used to pause the collector
    evaluate(agreements, sets, DAY)
    assert calls == []


def test_grades_and_reasons_are_vocabulary_members(corpus):
    report = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY, party="US")
    assert {f.grade for f in report.findings} == {V.Grade.NOT_APPLICABLE}
    report = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY)
    assert all(isinstance(f.grade, V.Grade) for f in report.findings)
    assert all(isinstance(c.strength, V.Strength) for f in report.findings for c in f.candidates)
