"""Monotonicity: strengthening an article never lowers a grade (unmet < partial < met)."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engine
from engine.language import model as M
from engine.language import vocab as V

TODAY = dt.date(2026, 11, 27)


def _strengthen(article: M.Article, how: str) -> M.Article:
    if how == "binding":
        c = article.commitment or M.Commitment("hortatory")
        return attrs.evolve(article, commitment=attrs.evolve(c, strength="binding"))
    if how == "objective":
        return attrs.evolve(article, exceptions=tuple(
            attrs.evolve(e, qualifiers=tuple(q for q in e.qualifiers if q not in ("self-judging", "non-disputable"))
                         + tuple(sorted(V.OBJECTIVE_CONDITIONS - set(e.qualifiers))))
            for e in article.exceptions))
    if how == "no-exceptions":
        return attrs.evolve(article, exceptions=())
    if how == "dispute-settlement":
        return attrs.evolve(article, dispute_settlement=(M.DisputeSettlement("applies"),))
    if how == "no-transition":
        return attrs.evolve(article, transitions=(), reservations=())
    raise ValueError(how)


def _with_article(agreement: M.Agreement, number: str, new: M.Article) -> M.Agreement:
    chapters = tuple(attrs.evolve(ch, articles=tuple(new if a.number == number else a for a in ch.articles))
                     for ch in agreement.chapters)
    loose = tuple(new if a.number == number else a for a in agreement.articles)
    return attrs.evolve(agreement, chapters=chapters, articles=loose)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["rcep", "cptpp", "jpmn", "jpch", "wto-ecommerce", "jpeu", "usjdta"]),
       pick=st.integers(0, 10_000),
       how=st.sampled_from(["binding", "objective", "no-exceptions", "dispute-settlement", "no-transition"]),
       when=st.sampled_from([dt.date(2019, 6, 1), dt.date(2023, 1, 1), TODAY]))
def test_strengthening_an_article_never_lowers_a_grade(corpus, name, pick, how, when):
    agreement = corpus.agreement(name)
    placed = agreement.all_articles()
    _, article = placed[pick % len(placed)]
    stronger = _with_article(agreement, article.number, _strengthen(article, how))
    sets = [corpus.norm_sets[k] for k in sorted(corpus.norm_sets)]
    before = engine.evaluate(agreement, sets, as_of=when).grades()
    after = engine.evaluate(stronger, sets, as_of=when).grades()
    for key, grade in before.items():
        if grade == V.Grade.NOT_ENCODED:  # no article on the topic: strengthening one cannot change that
            assert after[key] == grade
            continue
        assert V.Grade(after[key]).rank >= V.Grade(grade).rank, (key, article.number, how, grade, after[key])
