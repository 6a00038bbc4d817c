"""The order in which things are written changes no result: articles, chapters, norms, files."""

from __future__ import annotations

import datetime as dt
import random

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engine
from conftest import shuffled_agreement
from engine.views.compare import compare

TODAY = dt.date(2026, 11, 27)
DAY = dt.date(2026, 1, 1)


def _all_reports(corpus, agreements, as_of=TODAY):
    sets = [corpus.norm_sets[k] for k in sorted(corpus.norm_sets)]
    return engine.evaluate(agreements, sets, as_of=as_of)


_shuffled = shuffled_agreement


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), name=st.sampled_from(["rcep", "cptpp", "usjdta", "depa", "jpmn", "usmca"]))
def test_order_of_articles_chapters_and_norms_does_not_change_findings(corpus, seed, name):
    rng = random.Random(seed)
    agreement = corpus.agreement(name)
    sets = [corpus.norm_sets[k] for k in sorted(corpus.norm_sets)]
    base = {(f.norm, f.grade, f.article, f.reasons) for f in engine.evaluate(agreement, sets, as_of=TODAY).findings}
    shuffled_sets = [attrs.evolve(s, norms=tuple(rng.sample(s.norms, len(s.norms)))) for s in sets]
    rng.shuffle(shuffled_sets)
    other = engine.evaluate(_shuffled(agreement, rng), shuffled_sets, as_of=TODAY)
    assert {(f.norm, f.grade, f.article, f.reasons) for f in other.findings} == base


def test_order_of_files_does_not_change_findings(corpus):
    files = list(corpus.files)
    reordered = engine.Corpus.build(list(reversed(files)))
    for name in ("rcep", "cptpp", "kjdpa") if "kjdpa" in corpus.agreements else ("rcep", "cptpp"):
        a = _all_reports(corpus, [corpus.agreement(name)]).grades()
        b = _all_reports(reordered, [reordered.agreement(name)]).grades()
        assert a == b


def test_order_of_articles_does_not_change_the_matrix(corpus):
    matrix = compare([corpus.agreement(i) for i in ("cptpp", "usjdta", "rcep")], [corpus.norms("digital-core")],
                     as_of=DAY)
    rcep = corpus.agreement("rcep")
    shuffled = attrs.evolve(rcep, chapters=tuple(attrs.evolve(ch, articles=tuple(reversed(ch.articles)))
                                                 for ch in reversed(rcep.chapters)))
    again = compare([corpus.agreement("cptpp"), corpus.agreement("usjdta"), shuffled],
                    [corpus.norms("digital-core")], as_of=DAY)
    assert again == matrix
