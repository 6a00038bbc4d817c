"""The compiled verdict pass against the traced evaluation: the same findings, field by field.

:func:`engine.evaluation.evaluator.evaluate` decides each finding with the compiled pass
(:mod:`engine.evaluation.verdict`) and works out its trace only when read; :func:`evaluate_norm` builds
every trace at once.  Both must give the same findings on every agreement of the corpus, against every
norm set, on dates before, during and after the transition periods, from no party's, a member's and a
non-member's position.
"""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import strategies as S

from engine._version import __version__
from engine.evaluation import context as F
from engine.evaluation import verdict as VP
from engine.evaluation.evaluator import evaluate, evaluate_norm
from engine.evaluation.findings import DEFERRABLE, AgreementInfo, Deferred, Finding, NormSetInfo, Report
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.predicates import PREDICATES, Pred

DATES = (dt.date(2019, 6, 1), dt.date(2026, 1, 1), dt.date(2031, 6, 1))
PARTIES = (None, "VN", "US")


def traced(agreements: list[M.Agreement], sets: list[M.NormSet], as_of: dt.date, party: str | None) -> Report:
    """The report as the traced evaluation makes it: every finding built whole by :func:`evaluate_norm`."""
    ctx = F.Context(as_of, P.canonical(party) if party else None)
    findings = tuple(evaluate_norm(a, ns, n, ctx) for a in agreements for ns in sets for n in ns.norms)
    return Report(__version__, as_of, ctx.party, tuple(AgreementInfo.of(a, as_of) for a in agreements),
                  tuple(NormSetInfo.of(ns) for ns in sets), findings)


def _everything(full_corpus):
    agreements = [full_corpus.agreements[k] for k in sorted(full_corpus.agreements)]
    return agreements, [full_corpus.norm_sets[k] for k in sorted(full_corpus.norm_sets)]


@pytest.mark.parametrize("as_of", DATES)
@pytest.mark.parametrize("party", PARTIES)
def test_the_compiled_pass_gives_the_traced_findings(full_corpus, as_of, party):
    agreements, sets = _everything(full_corpus)
    fast, slow = evaluate(agreements, sets, as_of, party), traced(agreements, sets, as_of, party)
    assert len(fast.findings) == len(slow.findings) > 100
    for f, s in zip(fast.findings, slow.findings):
        assert f.__getstate__() == s.__getstate__(), (f.agreement, f.norm)
    assert fast == slow and repr(fast) == repr(slow)


def test_the_corpus_exercises_every_grade_and_several_candidates(full_corpus):
    agreements, sets = _everything(full_corpus)
    findings = [f for day in DATES for f in evaluate(agreements, sets, day).findings]
    assert {f.grade for f in findings} >= {V.Grade.MET, V.Grade.PARTIAL, V.Grade.UNMET, V.Grade.NOT_ENCODED}
    assert any(len(f.candidates) > 1 for f in findings)
    assert any(f.unmet_because == V.UnmetBecause.ESSENTIAL_REQUIREMENT for f in findings)


def _deferred_fields(f: Finding) -> list[str]:
    """The fields of ``f`` that still hold a deferred value (read past the field's own descriptor)."""
    slots = {name: getattr(type(f), name).slot for name in DEFERRABLE}
    return [name for name, slot in slots.items() if isinstance(slot.__get__(f, Finding), Deferred)]


def test_traces_are_built_only_when_read(corpus):
    report = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), dt.date(2026, 1, 1))
    graded = next(f for f in report.findings if f.article is not None)
    assert _deferred_fields(graded) == list(DEFERRABLE)
    assert graded.reasons  # the best candidate's trace: reasons, evidence and verification, not the candidates
    assert _deferred_fields(graded) == ["candidates"]
    assert graded.candidates[0].article == graded.article
    assert _deferred_fields(graded) == []


def test_a_finding_with_deferred_fields_pickles_and_evolves_whole(corpus):
    report = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), dt.date(2026, 1, 1))
    again = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), dt.date(2026, 1, 1))
    assert pickle.loads(pickle.dumps(report)) == again
    f = again.findings[0]
    assert f.replace(score=7).candidates == report.findings[0].candidates
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        f.reasons = ()  # type: ignore[misc]


def test_a_predicate_the_compiler_refuses_fails_as_the_trace_does(corpus):
    odd = M.Norm("odd", topics=("cross-border-data",),
                 requirements=(M.Requirement(M.Atom("strength", ("binding",)), "x"),))
    norm_set = M.NormSet("s", norms=(odd,))
    with pytest.raises(IndexError):
        evaluate(corpus.agreement("rcep"), norm_set, dt.date(2026, 1, 1))
    unknown = attrs.evolve(odd, requirements=(M.Requirement(M.Atom("nosuch"), "x"),))
    test = VP.compile_predicate(unknown.requirements[0].predicate)
    with pytest.raises(Exception) as fast:
        evaluate(corpus.agreement("rcep"), attrs.evolve(norm_set, norms=(unknown,)), dt.date(2026, 1, 1))
    with pytest.raises(Exception) as slow:
        evaluate_norm(corpus.agreement("rcep"), norm_set, unknown, F.Context(dt.date(2026, 1, 1)))
    assert type(fast.value) is type(slow.value) and str(fast.value) == str(slow.value) and callable(test)


# ---------------------------------------------------------------- generated agreements and norms

FEW = ("cross-border-data", "source-code", "data-localisation")  # few topics, so that norms find articles
_NONE: st.SearchStrategy[tuple[str, ...]] = st.just(())
_ONE = {Pred.FORM: V.FORMS, Pred.COVERS: V.SCOPE_ITEMS, Pred.EXCLUDES: V.SCOPE_ITEMS,
        Pred.SOFTWARE: V.SOFTWARE_COVERAGE}
_ARGS = {
    Pred.STRENGTH: st.tuples(st.just("at-least"), st.sampled_from(sorted(V.STRENGTHS))),
    Pred.EXCEPTION: st.tuples(st.sampled_from(sorted({*V.EXCEPTION_KINDS, V.ANY_EXCEPTION}))).flatmap(
        lambda kind: S.tup(st.sampled_from(sorted(V.EXCEPTION_QUALIFIERS)), 2).map(lambda qs: kind + qs)),
    **{name: st.tuples(st.sampled_from(sorted(table))) for name, table in _ONE.items()},
    **{name: _NONE for name in (Pred.ENFORCEABLE, Pred.CONTINGENT, Pred.BINDS_ALL_PARTIES, Pred.IN_FORCE)},
}
atoms = st.sampled_from(sorted(PREDICATES)).flatmap(lambda name: _ARGS[name].map(lambda args: M.Atom(name, args)))
predicates = st.recursive(atoms, lambda inner: st.builds(M.Not, inner) | st.builds(M.All, S.tup(inner, 3, 2))
                          | st.builds(M.Any_, S.tup(inner, 3, 2)), max_leaves=6)
requirements = st.builds(M.Requirement, predicates, S.text, st.booleans(), st.booleans(), S.weights)
norm_sets = st.builds(M.NormSet, S.names, norms=S.tup(st.builds(M.Norm, S.names, topics=S.tup(st.sampled_from(FEW), 2, 1),
                                                               requirements=S.tup(requirements, 4, 1)), 3, 1),
                      weight=S.weights)
per_topic = st.builds(M.Commitment, st.sampled_from(["binding", "best-endeavour", "hortatory"]),
                      st.none() | st.sampled_from(sorted(V.FORMS)), S.tup(S.quotes, 1),
                      topics=S.tup(st.sampled_from(FEW), 2, 1), paragraph=st.none() | st.just("2"))
articles = st.builds(M.Article, S.numbers, st.none() | S.text,
                     **{**S._article_kwargs(), "topics": S.tup(st.sampled_from(FEW), 3),
                        "topic_commitments": S.tup(per_topic, 2)})
agreements = st.builds(
    M.Agreement, S.names, status=st.none() | st.sampled_from(sorted(V.STATUSES)), parties=S.tup(S.codes, 4),
    numbering=st.none() | st.sampled_from(sorted(V.NUMBERINGS)),
    in_force=S.tup(S.entries, 2), verification=S.levels, coverage=S.tup(S.parts, 2) | S.coverages,
    exceptions=S.tup(S.exceptions, 2), dispute_settlement=S.tup(S.disputes, 2),
    chapters=S.tup(st.builds(M.Chapter, S.numbers, articles=S.tup(articles, 3), exceptions=S.tup(S.exceptions, 1),
                             dispute_settlement=S.tup(S.disputes, 2), scope=S.tup(S.scopes, 2),
                             verification=S.levels, part=st.none() | S.parts), 2),
    articles=S.tup(articles, 3))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreement=agreements, norm_set=norm_sets, as_of=S.dates, party=st.sampled_from((None, None, "JP", "VN")))
def test_the_compiled_pass_gives_the_traced_findings_on_generated_input(agreement, norm_set, as_of, party):
    assert all(PREDICATES[a.name].problems(a.args) is None for n in norm_set.norms for r in n.requirements
               for a in _atoms(r.predicate))
    fast, slow = evaluate(agreement, norm_set, as_of, party), traced([agreement], [norm_set], as_of, party)
    assert fast == slow and repr(fast) == repr(slow)


def _atoms(pred: M.Predicate) -> list[M.Atom]:
    if isinstance(pred, M.Atom):
        return [pred]
    if isinstance(pred, M.Not):
        return _atoms(pred.operand)
    return [a for o in pred.operands for a in _atoms(o)]


# ---------------------------------------------------------------- cases the corpus does not hold

_DATA = ("cross-border-data",)
_BINDING = M.Commitment(V.Strength.BINDING)


def _require(pred: M.Predicate, weight: int | None = None, essential: bool = False) -> M.Requirement:
    return M.Requirement(pred, "because", essential=essential, weight=weight)


def _case(articles: tuple[M.Article, ...], *requirements: M.Requirement) -> tuple[M.Agreement, M.NormSet]:
    agreement = M.Agreement("a", parties=("JP", "VN"), in_force=(M.PartyEntry(dt.date(2020, 1, 1)),),
                            articles=articles)
    return agreement, M.NormSet("s", norms=(M.Norm("n", topics=_DATA, requirements=requirements),))


def _one(agreement: M.Agreement, norm_set: M.NormSet) -> Finding:
    day = dt.date(2026, 1, 1)
    fast, slow = evaluate(agreement, norm_set, day), traced([agreement], [norm_set], day, None)
    assert fast == slow
    return fast.findings[0]


def test_the_least_failed_weight_decides_before_the_number():
    heavy = _require(M.Atom(Pred.CONTINGENT), weight=5)
    light = _require(M.Atom(Pred.FORM, (sorted(V.FORMS)[0],)))
    first = M.Article("1", topics=_DATA, commitment=_BINDING)  # fails heavy (5) and light (1)
    second = M.Article("2", topics=_DATA, commitment=_BINDING, contingency=M.Contingency("x"))  # fails light (1)
    f = _one(*_case((first, second), heavy, light))
    assert (f.article, f.grade, f.score) == ("2", V.Grade.PARTIAL, 86)


def test_a_partial_finding_scores_at_least_1():
    never = M.Atom(Pred.CONTINGENT)
    article = M.Article("1", topics=_DATA, commitment=_BINDING)
    f = _one(*_case((article,), _require(M.Not(never)), *(_require(never, 100) for _ in range(3))))
    assert (f.grade, f.score) == (V.Grade.PARTIAL, 1)


def test_the_first_scope_statement_on_an_item_decides():
    item = sorted(V.SCOPE_ITEMS)[0]
    scope = (M.Scope(V.ScopeMode.COVERS, item), M.Scope(V.ScopeMode.EXCLUDES, item))
    article = M.Article("1", topics=_DATA, commitment=_BINDING, scope=scope)
    assert _one(*_case((article,), _require(M.Atom(Pred.COVERS, (item,))))).grade == V.Grade.MET


def test_essential_failures_decide_before_the_weight():
    essential = _require(M.Atom(Pred.CONTINGENT), essential=True)
    heavy = _require(M.Atom(Pred.FORM, (sorted(V.FORMS)[0],)), weight=3)
    first = M.Article("1", topics=_DATA, commitment=M.Commitment(V.Strength.BINDING, sorted(V.FORMS)[0]))
    second = M.Article("2", topics=_DATA, commitment=_BINDING, contingency=M.Contingency("x"))
    f = _one(*_case((first, second), essential, heavy))  # the first fails the essential one (1), the second heavy (3)
    assert (f.article, f.grade, f.score) == ("2", V.Grade.PARTIAL, 40)
    assert _one(*_case((first,), essential, heavy)).grade == V.Grade.UNMET


def test_the_implicit_check_weighs_the_norm_sets_weight():
    held = M.Transition(("VN",), M.Period(years=30))
    article = M.Article("1", topics=_DATA, commitment=_BINDING, transitions=(held,))
    agreement, norm_set = _case((article,), _require(M.Not(M.Atom(Pred.CONTINGENT))))
    f = _one(agreement, attrs.evolve(norm_set, weight=3))
    assert (f.grade, f.score) == (V.Grade.PARTIAL, 50)


def test_two_norm_sets_under_one_id_keep_their_own_traces():
    article = M.Article("1", topics=_DATA, commitment=_BINDING, transitions=(M.Transition(("VN",), M.Period(years=30)),))
    agreement, norm_set = _case((article,), _require(M.Atom(Pred.CONTINGENT)))
    heavier = attrs.evolve(norm_set, weight=4)
    day = dt.date(2026, 1, 1)
    fast = evaluate(agreement, [norm_set, heavier], day)
    assert fast == traced([agreement], [norm_set, heavier], day, None)
    assert [r.weight for f in fast.findings for r in f.reasons] == [1, 1, 4, 4]


def test_an_article_number_written_twice_keeps_the_decisive_one():
    weak = M.Article("7", topics=_DATA, commitment=M.Commitment(V.Strength.HORTATORY))
    strong = M.Article("7", topics=_DATA, commitment=_BINDING)
    f = _one(*_case((weak, strong), _require(M.Atom(Pred.STRENGTH, ("at-least", V.Strength.BINDING)))))
    assert (f.grade, f.candidates[0].strength) == (V.Grade.MET, V.Strength.BINDING)


def test_make_finding_sets_every_field_as_init_does():
    import inspect

    from engine.evaluation.findings import make_finding

    from engine.util.records import fields

    assert list(inspect.signature(make_finding).parameters) == [f.name for f in fields(Finding)]
    assert not hasattr(Finding, "__post_init__")  # nothing __init__ would run beyond setting the fields
    values = ("a", "s.n", "T", ("t",), V.Grade.PARTIAL, None, "1", (), (), (), 50, V.Force.NOT_IN_FORCE,
              V.Verification.TEXT, ("note",), ("Ch. 1",), ("customs",))
    made = make_finding(*values, "14")
    assert made == Finding(*values, chapter="14") and made.__getstate__() == (*values, "14")


# ---------------------------------------------------------------- commitments per topic

_CODE = ("source-code",)


def _two_norms(*articles: M.Article) -> tuple[M.Agreement, M.NormSet]:
    """An agreement of ``articles`` and a norm set asking a binding commitment on data flows, on source code, and
    on either."""
    agreement = M.Agreement("a", parties=("JP", "VN"), in_force=(M.PartyEntry(dt.date(2020, 1, 1)),),
                            articles=articles)
    binding = _require(M.Atom(Pred.STRENGTH, ("at-least", V.Strength.BINDING)))
    norms = tuple(M.Norm(name, topics=topics, requirements=(binding,))
                  for name, topics in (("data", _DATA), ("code", _CODE), ("either", _DATA + _CODE)))
    return agreement, M.NormSet("s", norms=norms)


def _all(agreement: M.Agreement, norm_set: M.NormSet) -> dict[str, Finding]:
    day = dt.date(2026, 1, 1)
    fast, slow = evaluate(agreement, norm_set, day), traced([agreement], [norm_set], day, None)
    assert fast == slow and repr(fast) == repr(slow)
    return {f.norm.split(".")[1]: f for f in fast.findings}


def test_each_topic_takes_its_own_commitment_else_the_general_one():
    mixed = M.Article("1", topics=_DATA + _CODE, commitment=_BINDING,
                      topic_commitments=(M.Commitment(V.Strength.HORTATORY, topics=_CODE, paragraph="2"),))
    found = _all(*_two_norms(mixed))
    assert (found["data"].grade, found["code"].grade) == (V.Grade.MET, V.Grade.PARTIAL)
    assert found["code"].candidates[0].strength == V.Strength.HORTATORY
    (reason,) = found["code"].reasons
    assert reason.detail == "the commitment for source-code (para 2) is hortatory"
    # a norm on both topics reads the weakest of them: the article binds on data flows only
    assert found["either"].grade == V.Grade.PARTIAL


def test_a_topic_without_a_commitment_of_its_own_or_a_general_one_has_none():
    only = M.Article("1", topics=_DATA + _CODE,
                     topic_commitments=(M.Commitment(V.Strength.BINDING, topics=_DATA),))
    found = _all(*_two_norms(only))
    assert (found["data"].grade, found["code"].grade, found["either"].grade) == (
        V.Grade.MET, V.Grade.PARTIAL, V.Grade.PARTIAL)
    assert found["code"].candidates[0].strength == V.Strength.ABSENT


def test_the_strongest_candidate_is_judged_on_the_norms_topic():
    """Two articles fare alike on a norm; the tie goes to the one stronger on the norm's topic, not in general."""
    general = M.Article("1", topics=_CODE, commitment=M.Commitment(V.Strength.BEST_ENDEAVOUR))
    per_topic = M.Article("2", topics=_CODE, commitment=M.Commitment(V.Strength.HORTATORY),
                          topic_commitments=(M.Commitment(V.Strength.BEST_ENDEAVOUR, topics=_CODE),))
    weaker = M.Article("3", topics=_CODE, commitment=_BINDING,
                       topic_commitments=(M.Commitment(V.Strength.HORTATORY, topics=_CODE),))
    found = _all(*_two_norms(weaker, per_topic, general))
    assert [c.article for c in found["code"].candidates] == ["1", "2", "3"]
