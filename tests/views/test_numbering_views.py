"""An agreement numbered per chapter, through evaluation, every view and every format: articles are named by
(chapter, number) and cited "Ch. 14, Art. 3", never by the number alone."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import engine
from conftest import ROOT
from engine.evaluation import context as F
from engine.evaluation.evaluator import evaluate, evaluate_norm
from engine.rendering import render, render_suggestions
from engine.views.compare import compare
from engine.views.diff import diff
from engine.views.pair import pair
from engine.views.precedents import precedents, suggest_report
from engine.views.search import search

DAY = dt.date(2026, 1, 1)
FIXTURES = ROOT / "tests" / "conformance" / "numbering"

# Two chapters, each with an Art. 1 on the same topic: which one decides must be told by its chapter.
TWINS = """agreement twins {
  numbering per-chapter
  parties AU SG
  in-force 2003-07-28
  chapter 1 {
    article 1 "First" { topic customs-duties binding "in chapter one" }
  }
  chapter 2 {
    article 1 "Second" {
      topic customs-duties
      binding "in chapter two"
      dispute-settlement excluded "not enforceable" art 4
    }
  }
}

norms twin-norms {
  norm duties {
    topic customs-duties
    require strength at-least binding because "must bind"
    require enforceable because "must be enforceable"
  }
}
"""


@pytest.fixture(scope="module")
def safta() -> engine.Corpus:
    corpus = engine.load([str(FIXTURES)], include_bundled=False)
    assert not corpus.errors, [str(d) for d in corpus.errors]
    return corpus


@pytest.fixture(scope="module")
def twins() -> engine.Corpus:
    corpus = engine.parse(TWINS, "twins.agr")
    assert not corpus.errors
    return corpus


def test_a_finding_names_its_article_by_chapter_and_cites_its_evidence_so(safta):
    f = evaluate(safta.agreement("safta-test"), safta.norms("numbering-test"), DAY).finding(
        "safta-test", "numbering-test.privacy")
    assert (f.article, f.chapter) == ("7", "14")
    assert [(c.article, c.chapter) for c in f.candidates] == [("7", "14")]
    assert [(r.article, r.chapter) for r in f.reasons] == [("7", "14"), ("7", "14")]
    cited = [(e.article, e.chapter, e.citation) for r in f.reasons for e in r.evidence]
    assert cited == [("10", "14", "Ch. 14, Art. 10"), ("18", "7", "Ch. 7, Art. 18")]
    assert [e.citation for e in f.evidence] == ["Ch. 14, Art. 7"]


def test_the_compiled_pass_and_the_trace_agree_and_break_ties_by_chapter(twins):
    a, ns = twins.agreement("twins"), twins.norms("twin-norms")
    compiled = evaluate(a, ns, DAY).findings[0]
    traced = evaluate_norm(a, ns, ns.norms[0], F.Context(DAY))
    assert (compiled.grade, compiled.score, compiled.article, compiled.chapter) == \
        (traced.grade, traced.score, traced.article, traced.chapter) == ("met", 100, "1", "1")
    assert compiled.reasons == traced.reasons and compiled.evidence == traced.evidence
    assert [e.quote for e in compiled.evidence] == ["in chapter one"]  # the trace found chapter 1's Art. 1 again
    assert [(c.chapter, c.article) for c in compiled.candidates] == [("1", "1"), ("2", "1")]


def test_compare_keeps_the_two_articles_of_one_number_apart(twins):
    c = compare([twins.agreement("twins")], [twins.norms("twin-norms")], as_of=DAY)
    (cell,) = c.cells
    assert [(v.chapter, v.number, v.citation) for v in cell.articles] == [("1", "1", "Ch. 1, Art. 1"),
                                                                        ("2", "1", "Ch. 2, Art. 1")]
    assert cell.articles[1].summary().startswith("Ch. 2, Art. 1: binding; ")
    text = render(c, "text")
    assert "Ch. 2, Art. 1" in text


def test_diff_names_an_article_by_its_chapter_and_number(twins):
    old = twins.agreement("twins")
    changed = engine.parse(TWINS.replace('binding "in chapter two"', 'hortatory "in chapter two"'), "t.agr")
    d = diff(old, changed.agreement("twins"), [twins.norms("twin-norms")], as_of=DAY)
    assert [(a.chapter, a.number, a.citation, [c.attribute for c in a.changes]) for a in d.articles] == [
        ("2", "1", "Ch. 2, Art. 1", ["commitment"])]
    assert "~ Ch. 2, Art. 1 Second" in render(d, "text")
    data = json.loads(render(d, "json"))
    assert data["articles"][0]["per_chapter"] is True and "old_chapter" not in json.dumps(data["grades"])


def test_precedents_search_and_pair_cite_the_chapter(safta, twins):
    (p,) = precedents([twins.agreement("twins")], twins.norms("twin-norms"),
                      twins.norms("twin-norms").norms[0], as_of=DAY)
    assert (p.chapter, p.article) == ("1", "1") and p.citation.endswith("twins, Ch. 1, Art. 1 First")
    hits = search([safta.agreement("safta-test")], "customs duties").hits
    assert [(h.chapter, h.article, h.citation) for h in hits] == [("14", "3", "Ch. 14, Art. 3")]
    assert {x.citation for x in hits[0].passages} == {"Ch. 14, Art. 3"}
    view = pair([safta.agreement("safta-test")], "AU", "SG", [safta.norms("numbering-test")], as_of=DAY)
    assert (view.rows[0].strongest.article, view.rows[0].strongest.chapter) == ("7", "14")
    assert "Ch. 14, Art. 7" in render(view, "text")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "csv"])
def test_every_format_cites_the_chapter(safta, fmt):
    report = evaluate(safta.agreement("safta-test"), safta.norms("numbering-test"), DAY)
    out = render(report, fmt)
    assert "Ch. 14, Art. 7" in out and "Ch. 14, Art. 10" in out and "Ch. 7, Art. 18" in out


def test_the_json_gives_the_chapter_beside_the_article_and_validates(safta):
    jsonschema = pytest.importorskip("jsonschema")
    report = evaluate(safta.agreement("safta-test"), safta.norms("numbering-test"), DAY)
    data = json.loads(render(report, "json"))
    schema = json.loads((ROOT / "engine" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    finding = data["findings"][0]
    assert list(finding)[list(finding).index("article") + 1] == "chapter" and finding["chapter"] == "14"
    evidence = finding["reasons"][1]["evidence"][0]
    assert (evidence["article"], evidence["chapter"], evidence["citation"]) == ("18", "7", "Ch. 7, Art. 18")
    suggested = json.loads(render(suggest_report(safta, report), "json"))
    assert suggested["precedents"][0]["chapter"] == "14"
    assert json.loads(render_suggestions(suggest_report(safta, report).suggestions, "json"))


def test_an_agreement_numbered_agreement_wide_gives_no_chapter_field(corpus):
    data = json.loads(render(evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY), "json"))
    assert '"chapter":' not in json.dumps(data["findings"])


CARVED = """agreement carved {
  numbering per-chapter
  parties AU SG
  in-force 2003-07-28
  chapter 1 {
    article 3 "First" { topic customs-duties binding "in chapter one" excludes government-procurement "gp one" }
  }
  chapter 2 {
    article 3 "Second" { topic customs-duties binding "in chapter two" excludes government-procurement "gp two" }
  }
}

agreement plain {
  parties AU SG
  in-force 2003-07-28
  article 5 "Plain" { topic customs-duties binding "plain" excludes government-procurement "gp" }
}
"""


def test_a_carve_out_said_once_names_each_article_by_its_chapter(twins):
    corpus = engine.parse(CARVED, "carved.agr", corpus=twins)
    c = compare([corpus.agreement("carved"), corpus.agreement("plain")], [corpus.norms("twin-norms")], as_of=DAY)
    (carve,) = c.common_carve_outs()
    assert carve.where == (("carved", (("3", "1"), ("3", "2"))), ("plain", (("5", None),)))
    assert "excludes government-procurement: CARVED Ch. 1, Art. 3; Ch. 2, Art. 3; PLAIN Art. 5" in render(c, "text")
