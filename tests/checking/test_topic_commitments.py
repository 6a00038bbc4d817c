"""Commitments per topic (`binding for TOPIC... [paragraph "N"]`): checked, amended, removed, diffed, shown."""

from __future__ import annotations

import datetime as dt

import pytest

import engine
from engine.checking.validate import validate
from engine.language import codes as C
from engine.language import model as M
from engine.language import vocab as V
from engine.syntax.parse import parse_text
from engine.views.compare import compare
from engine.views.diff import diff

BASE = """agreement base {
  parties JP VN
  in-force 2020-01-01
  verification text
  article 1 "Mixed" {
    topic source-code cross-border-data cooperation
    binding "No Party shall require"
    hortatory for cooperation paragraph "3" "The Parties recognise"
    best-endeavour for source-code cross-border-data paragraph "2" "shall endeavour"
  }
}
"""


def _diags(text: str) -> list[tuple[str, str]]:
    doc = parse_text(text, "t.agr").document
    assert doc is not None
    return [(d.code, d.message) for d in validate(doc)]


def _draft(body: str) -> tuple[engine.Corpus, M.Article]:
    corpus = engine.parse(BASE + f"\nagreement d {{\n  based-on base\n  verification unverified\n{body}\n}}\n", "t.agr")
    (pair,) = corpus.agreement("d").all_articles()
    return corpus, pair[1]


def _per_topic(article: M.Article) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [(c.strength, c.topics, c.paragraph) for c in article.topic_commitments]


def test_the_article_keeps_a_general_commitment_and_one_per_topic():
    (a,) = parse_text(BASE, "t.agr").document.items
    (art,) = a.articles
    assert _diags(BASE) == []
    assert art.strength == V.Strength.BINDING
    assert [art.strength_for(t) for t in ("source-code", "cross-border-data", "cooperation", "scope")] == [
        V.Strength.BEST_ENDEAVOUR, V.Strength.BEST_ENDEAVOUR, V.Strength.HORTATORY, V.Strength.BINDING]
    assert art.commitment_for("cooperation").paragraph == "3"
    assert art.strength_on(("source-code", "cooperation")) == V.Strength.HORTATORY  # the weakest of the norm's
    assert art.strength_on(("definitions",)) == V.Strength.BINDING  # none of them: the general one


@pytest.mark.parametrize("statement, expected", [
    ('hortatory for scope "x"', (C.TOPIC_NOT_OF_ARTICLE.id, "article 1 has no topic `scope`, so it can give it no "
                                                            "commitment")),
    ('hortatory for source-code "x"', (C.GIVEN_TWICE.id, "article 1 gives `source-code` a commitment twice")),
    ('hortatory for no-such-topic "x"', (C.UNKNOWN_TOPIC.id, "unknown topic `no-such-topic`")),
    ('hortatory affirmaton for cooperation "x"', (C.UNKNOWN_SETTING.id, "unknown form `affirmaton`")),
    ('hortatory for cooperation', (C.NO_QUOTE.id, "the hortatory commitment of article 1 for cooperation quotes "
                                                  "no words")),
])
def test_what_validation_says_of_a_commitment_per_topic(statement, expected):
    text = ('agreement a { article 1 { topic source-code cooperation\n binding for source-code "y"\n'
            f' {statement} }} }}')
    assert expected in _diags(text)


def test_an_amendment_that_writes_no_topics_is_checked_against_its_base_once_resolved():
    assert _diags('agreement d { based-on base amend article 1 { hortatory for source-code "x" } }') == []
    corpus, _ = _draft('  amend article 1 { hortatory for scope "x" }')
    (diag,) = [d for d in corpus.diagnostics if d.is_error]
    assert diag.code == C.TOPIC_NOT_OF_ARTICLE.id and diag.span.line == 16  # at the amendment


def test_an_amendment_overrides_the_commitment_of_the_topics_it_names_and_keeps_the_others():
    corpus, art = _draft('  amend article 1 { binding for source-code "No Party shall require" }')
    assert not corpus.errors
    assert _per_topic(art) == [("hortatory", ("cooperation",), "3"), ("best-endeavour", ("cross-border-data",), "2"),
                               ("binding", ("source-code",), None)]
    assert art.topic_commitments[-1].verification == V.Verification.UNVERIFIED  # the draft's words, the draft's level
    assert art.topic_commitments[0].verification == V.Verification.TEXT


@pytest.mark.parametrize("removal, general, per_topic", [
    ("remove commitment cooperation", V.Strength.BINDING,
     [("best-endeavour", ("source-code", "cross-border-data"), "2")]),
    ("remove commitment source-code", V.Strength.BINDING,
     [("hortatory", ("cooperation",), "3"), ("best-endeavour", ("cross-border-data",), "2")]),
    ("remove commitment", V.Strength.ABSENT,
     [("hortatory", ("cooperation",), "3"), ("best-endeavour", ("source-code", "cross-border-data"), "2")]),
])
def test_remove_commitment_takes_away_the_general_one_or_one_topics(removal, general, per_topic):
    corpus, art = _draft(f"  amend article 1 {{ {removal} }}")
    assert not corpus.errors and art.strength == general and _per_topic(art) == per_topic


def test_removing_a_topic_that_keeps_its_commitment_is_an_error():
    corpus, _ = _draft("  amend article 1 { remove topic cooperation }")
    assert [d.code for d in corpus.diagnostics if d.is_error] == [C.TOPIC_NOT_OF_ARTICLE.id]
    assert not [d for d in _draft("  amend article 1 { remove topic cooperation remove commitment cooperation }")[0]
                .diagnostics if d.is_error]


def test_remove_commitment_names_a_known_topic():
    assert (C.UNKNOWN_TOPIC.id, "unknown topic `cooperaton`") in _diags(
        "agreement d { based-on base amend article 1 { remove commitment cooperaton } }")


def test_diff_shows_a_topics_strength_changing():
    corpus, _ = _draft('  amend article 1 { binding for cooperation paragraph "3" "The Parties recognise" }')
    d = diff(corpus.agreement("base"), corpus.agreement("d"))
    (change,) = d.articles
    assert [(c.attribute, c.old, c.new) for c in change.changes] == [
        ("commitment for cooperation", "hortatory for para 3", "binding for para 3")]


def test_a_comparison_cell_shows_the_strength_on_its_row():
    corpus = engine.parse(BASE, "t.agr")
    c = compare([corpus.agreement("base")], topics=["cooperation", "source-code"], as_of=dt.date(2026, 1, 1))
    assert [(cell.articles[0].strength, cell.articles[0].qualifiers[0].text) for cell in c.cells] == [
        (V.Strength.HORTATORY, "hortatory (para 3)"), (V.Strength.BEST_ENDEAVOUR, "best endeavour (para 2)")]
