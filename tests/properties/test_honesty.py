"""Properties of honest verdicts (issue 11), tested with hypothesis on the bundled corpus:

- covering more of a treaty never turns a ``met`` into anything else;
- adding a requirement that fails never raises a score (nor a grade);
- the findings do not depend on the order of articles, chapters or files.
"""

from __future__ import annotations

import datetime as dt
import random

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engine
from conftest import shuffled_agreement
from engine.evaluation import context as F
from engine.evaluation.evaluator import evaluate
from engine.language import model as M
from engine.language import vocab as V

DAY = dt.date(2026, 11, 30)
NAMES = ["rcep", "cptpp", "usjdta", "jpau", "jpmn", "jpeu", "usmca", "wto-ecommerce", "depa"]
PARTS = sorted(V.Part) + [V.COMPLETE]
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _sets(corpus) -> list[M.NormSet]:
    return [corpus.norm_sets[k] for k in sorted(corpus.norm_sets)]


@SETTINGS
@given(name=st.sampled_from(NAMES), fewer=st.sets(st.sampled_from(PARTS)), more=st.sets(st.sampled_from(PARTS)),
       when=st.sampled_from([dt.date(2021, 6, 1), DAY]))
def test_covering_more_of_a_treaty_never_lowers_a_met(corpus, name, fewer, more, when):
    agreement = corpus.agreement(name)
    narrow = attrs.evolve(agreement, coverage=tuple(sorted(fewer)))  # empty: the default (the chapters held)
    wide = attrs.evolve(agreement, coverage=tuple(sorted(fewer | more | set(F.covered_parts(agreement)))))
    before = evaluate(narrow, _sets(corpus), when).grades()
    after = evaluate(wide, _sets(corpus), when).grades()
    for key, grade in before.items():
        if grade == V.Grade.MET:
            assert after[key] == V.Grade.MET, key
        if after[key] == V.Grade.NOT_ENCODED:  # and what wider coverage cannot tell, narrower could not either
            assert grade == V.Grade.NOT_ENCODED, key


_NEVER = M.Not(M.Atom("strength", ("at-least", "absent")))  # every article is at least absent


@SETTINGS
@given(name=st.sampled_from(NAMES), essential=st.booleans(), weight=st.integers(1, 100),
       set_weight=st.none() | st.integers(1, 100), where=st.integers(0, 10), party=st.sampled_from([None, "JP", "VN"]))
def test_adding_a_failing_requirement_never_raises_a_score(corpus, name, essential, weight, set_weight, where, party):
    failing = M.Requirement(_NEVER, "never holds", essential=essential, weight=weight)
    agreement = corpus.agreement(name)
    for ns in _sets(corpus):
        ns = attrs.evolve(ns, weight=set_weight)
        harder = attrs.evolve(ns, norms=tuple(
            attrs.evolve(n, requirements=n.requirements[:where] + (failing,) + n.requirements[where:])
            for n in ns.norms))
        before = evaluate(agreement, ns, DAY, party).findings
        after = evaluate(agreement, harder, DAY, party).findings
        for b, a in zip(before, after):
            if b.score is None:
                assert a.score is None and a.grade == b.grade
                continue
            assert a.score is not None and a.score <= b.score, (b.norm, b.score, a.score)
            assert a.score < 100 and V.GRADE_ORDER.index(a.grade) <= V.GRADE_ORDER.index(b.grade)


_shuffled = shuffled_agreement


@SETTINGS
@given(name=st.sampled_from(NAMES), seed=st.integers(0, 10_000), party=st.sampled_from([None, "JP", "KH", "US"]))
def test_findings_do_not_depend_on_the_order_of_articles_and_chapters(corpus, name, seed, party):
    agreement = corpus.agreement(name)
    base = evaluate(agreement, _sets(corpus), DAY, party)
    other = evaluate(_shuffled(agreement, random.Random(seed)), _sets(corpus), DAY, party)
    assert other.findings == base.findings  # grades, scores, reasons, evidence, chapters searched, notes ...
    assert other.agreements == base.agreements  # force, coverage


def test_findings_do_not_depend_on_the_order_of_files(corpus):
    reordered = engine.Corpus.build(list(reversed(corpus.files)))
    for name in ("rcep", "jpau", "wto-ecommerce"):
        a = evaluate(corpus.agreement(name), _sets(corpus), DAY)
        b = evaluate(reordered.agreement(name), [reordered.norm_sets[k] for k in sorted(reordered.norm_sets)], DAY)
        assert a.findings == b.findings
