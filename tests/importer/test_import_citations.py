"""An imported PDF's quotes cite the page and line they stand on; a topic whose paragraphs commit otherwise than
the article gets a commitment of its own."""

from __future__ import annotations

import datetime as dt

import engine
from engine.checking.validate import validate
from engine.importer import import_file, to_source
from engine.importer.autocode import Coding
from engine.importer.build import _commitments
from engine.importer.strengths import TopicCommitment
from engine.language import model as M
from engine.language import vocab as V
from engine.rendering import render
from made_pdfs import TEXTS, layout, made  # noqa: F401  (fixtures)


def _quotes(a: M.Agreement) -> list[M.Quote]:
    out = []
    for _, art in a.all_articles():
        for s in (art.commitment, *art.topic_commitments, *art.exceptions, *art.scope, *art.transitions):
            out += list(s.quotes) if s is not None else []
    return out


def test_a_pdfs_quotes_cite_their_page_and_line_and_the_draft_keeps_them(made):
    result = import_file(str(made["synthetic"].pdfs["A"]))
    a = result.agreement
    cited = [q for q in _quotes(a) if q.citation is not None and q.citation.page is not None]
    assert cited and all(q.citation.page >= 1 and q.citation.line >= 1 for q in cited)
    text = to_source(result, validate=validate)
    assert f"page {cited[0].citation.page} line {cited[0].citation.line}" in text
    report = engine.evaluate(a, engine.Corpus.bundled().norms("digital-core"), as_of=dt.date(2026, 1, 1))
    shown = render(report, "text")
    assert any(f"(p. {q.citation.page}, l. {q.citation.line})" in shown for q in cited)


def test_a_plain_texts_quotes_carry_no_page():
    result = import_file("tests/fixtures/import/treaty.txt")
    assert all(q.citation is None or q.citation.page is None for q in _quotes(result.agreement))


def test_a_topic_gets_its_own_commitment_only_where_it_differs_from_the_articles():
    binding = M.Commitment(V.Strength.BINDING, "obligation", (M.Quote("shall"),))
    hortatory = M.Commitment(V.Strength.HORTATORY, None, (M.Quote("recognise"),))
    coding = Coding(topics=("source-code", "cooperation"), commitment=binding,
                    topic_strengths=(TopicCommitment("source-code", binding, "1"),
                                     TopicCommitment("cooperation", hortatory, "2")))
    general, (only,) = _commitments(coding)
    assert general == binding
    assert (only.strength, only.topics, only.paragraph, only.quotes) == (
        V.Strength.HORTATORY, ("cooperation",), "2", (M.Quote("recognise"),))


def test_a_topic_that_commits_no_one_is_never_credited_with_another_topics_strength():
    binding = M.Commitment(V.Strength.BINDING, "obligation", (M.Quote("shall"),))
    coding = Coding(topics=("source-code", "scope"), commitment=binding,
                    topic_strengths=(TopicCommitment("source-code", binding, "1"), TopicCommitment("scope", None)))
    general, per_topic = _commitments(coding)
    assert general is None
    assert [(c.strength, c.topics, c.paragraph) for c in per_topic] == [(V.Strength.BINDING, ("source-code",), "1")]
    article = M.Article("1", topics=coding.topics, commitment=general, topic_commitments=per_topic)
    assert (article.strength_on(("scope",)), article.strength_on(("source-code",))) == (
        V.Strength.ABSENT, V.Strength.BINDING)
