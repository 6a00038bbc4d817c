"""The HTML page: self-contained, escaped, graded three ways (in a browser: test_html_in_browser.py)."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

import engine
from conftest import ROOT
from engine.views.compare import compare
from engine.checking.corpus import load_text
from engine.views.diff import diff
from engine.evaluation.evaluator import evaluate
from engine.views.pair import pair
from engine.views.precedents import SuggestedReport, suggest_for_report
from engine.rendering import render
from engine.checking.resolve import resolve

DAY = dt.date(2026, 1, 1)
KJ = str(ROOT / "tests" / "fixtures" / "kjdpa.agr")


@pytest.fixture(scope="module")
def pages(corpus):
    """One page of each kind."""
    c = engine.load([KJ])
    three = [corpus.agreement(i) for i in ("cptpp", "usjdta", "rcep")]
    report = evaluate(three, corpus.norms("tpp3"), DAY)
    return {
        "report": render(SuggestedReport(report, suggest_for_report(corpus, report)), "html"),
        "compare": render(compare(three, [corpus.norms("digital-core")], as_of=DAY), "html"),
        "topics": render(compare(three, topics=["source-code", "cybersecurity"], as_of=DAY), "html"),
        "pair": render(pair(c.agreements.values(), "KR", "JP", [c.norms("tpp3")], DAY,
                            drafts=[c.agreement("kjdpa-test")]), "html"),
        "diff": render(diff(c.agreement("ksdpa"), c.agreement("kjdpa-test"), [c.norms("usjdta-plus")], DAY), "html"),
    }


def test_pages_are_self_contained(pages):
    for kind, page in pages.items():
        assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>"), kind
        assert "Content-Security-Policy" in page and "default-src 'none'" in html.unescape(page), kind
        low = page.lower()
        for outside in ("<link", " src=", " href=", "url(", "@import", "http://", "https://", "@font-face"):
            assert outside not in low, (kind, outside)
        assert low.count("<script") == 1, kind  # the one inline script, allowed by its hash
        assert "@media print" in page and 'id="legend"' in page, kind


def test_grades_read_without_colour(pages):
    page = pages["compare"]
    cells = re.findall(r'<td class="cell (g-[a-z]+)" data-grade="([a-z-]+)"[^>]*>(.*?)</td>', page, re.S)
    assert len(cells) == 15
    words = {"g-met": "met", "g-partial": "partial", "g-unmet": "unmet"}
    for cls, grade, inner in cells:
        assert words[cls] == grade
        assert f'<span class="label">{grade}</span>' in inner  # the word, not only the colour
        assert '<span class="mark" aria-hidden="true">' in inner  # and a symbol
        assert "<details><summary>" in inner and '<div class="body">' in inner
    legend = page.split('id="legend"', 1)[1].split("</section>", 1)[0]
    for word in ("met", "partial", "unmet"):
        assert f'<span class="label">{word}</span>' in legend
    assert '<span class="label">n/a</span>' not in legend  # no party in view: no finding can be n/a


def test_cells_open_to_reasons_and_evidence(pages):
    page = pages["compare"]
    rcep_data = page.split("digital-core.data-flows", 1)[1].split("</tr>", 1)[0]
    assert "Why not met" in rcep_data and "require enforceable" in rcep_data
    assert "<q>A Party shall not prevent cross-border transfer of information" in rcep_data
    assert "agreements/rcep.agr:" in rcep_data


def test_topic_rows_have_no_grade(pages):
    page = pages["topics"]
    assert 'data-grade=' not in page and 'class="cell g-none"' in page
    assert "no grade" in page


def test_the_report_page_carries_its_precedents(pages):
    page = pages["report"]
    assert 'id="precedents"' in page and "<pre><code># Precedent: cptpp chapter 14, Art. 14.11" in page
    assert "&quot;Cross-Border Transfer of Information by Electronic Means&quot;" in page


def test_pair_and_diff_pages(pages):
    assert "closes 3" in pages["pair"] and ">with drafts<" in pages["pair"]
    assert "closes 1 gap, opens 0" in pages["diff"] and "Art. 14.30 Interactive Computer Services" in pages["diff"]


EVIL = ('agreement evil "<script>alert(1)</script>" {\n  parties KR JP\n  in-force 2020-01-01\n'
        '  chapter 1 "</table><h1>x" {\n    article 1.1 "<b onmouseover=alert(2)>t</b>" {\n'
        '      topic cross-border-data\n      binding "\\"><img src=x onerror=alert(3)> & \x1b[2J"\n    }\n  }\n}\n')


def test_everything_embedded_is_escaped(corpus):
    f = load_text(EVIL, "evil.agr")
    evil, _ = resolve(f.document.items[0], lambda i: None)
    for page in (render(evaluate(evil, corpus.norms("tpp3"), DAY), "html"),
                 render(compare([evil], [corpus.norms("tpp3")], as_of=DAY), "html"),
                 render(compare([evil], topics=["cross-border-data"], as_of=DAY), "html")):
        assert "<script>alert" not in page and "<img" not in page and "<b " not in page
        assert "\x1b" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page

