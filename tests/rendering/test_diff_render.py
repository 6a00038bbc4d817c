"""A diff rendered: text, Markdown, CSV, JSON and HTML."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

import engine
from conftest import ROOT
from engine.rendering import render
from engine.views.diff import diff

DAY = dt.date(2026, 1, 1)
V2, V3 = (str(ROOT / "tests" / "fixtures" / "drafts" / name) for name in ("v2.agr", "v3.agr"))


@pytest.fixture(scope="module")
def versions():
    a, b = engine.load([V2]), engine.load([V3])
    assert not a.errors and not b.errors
    return a.agreement("kjdraft"), b.agreement("kjdraft"), a


def test_formats(versions, corpus):
    v2, v3, _ = versions
    d = diff(v2, v3, [corpus.norms("tpp3")], DAY)
    text = render(d, "text")
    assert "~ commitment: best-endeavour -> binding prohibition" in text
    assert '- "Each Party shall endeavour' in text and "grades: closes 2 gaps, opens 0" in text
    md = render(d, "markdown")
    assert "## Grades: closes 2 gaps, opens 0" in md and "removed: “Each Party shall endeavour" in md
    rows = list(csv.DictReader(io.StringIO(render(d, "csv"))))
    assert any(r["section"] == "grade" and r["item"] == "tpp3.data-flows" and r["status"] == "closes"
               and (r["old"], r["new"]) == ("partial", "met") for r in rows)
    assert any(r["section"] == "article" and r["item"] == "1.3" and r["status"] == "removed" for r in rows)
    data = json.loads(render(d, "json"))
    assert data["schema"]["name"] == "tradegap.diff" and data["closes"] == 2
    html = render(d, "html")
    assert "<table" in html and "closes 2 gaps" in html


def test_a_paraphrase_in_a_diff_is_never_put_in_quotation_marks(corpus):
    import datetime as dt

    from engine.views.diff import diff

    d = diff(corpus.agreement("usjdta"), corpus.agreement("usmca"), (), dt.date(2026, 11, 30))
    text, md, page = render(d, "text"), render(d, "markdown"), render(d, "html")
    assert "paraphrase: " in text and '"paraphrase: ' not in text
    assert "“paraphrase: " not in md
    assert "<q>paraphrase: " not in page and '<span class="paraphrase">' in page
