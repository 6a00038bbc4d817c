"""Precedents rendered: every format; a snippet cannot break out of its Markdown fence or the terminal."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from engine.evaluation.evaluator import evaluate
from engine.rendering import render_suggestions
from engine.views.precedents import suggest_for_report

DAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def suggestions(corpus):
    return suggest_for_report(corpus, evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), DAY), limit=None)


def test_formats(suggestions):
    text = render_suggestions(suggestions, "text")
    assert "1. Comprehensive and Progressive Agreement for Trans-Pacific Partnership (cptpp), Art. 14.11" in text
    assert '     article 14.11 "Cross-Border Transfer of Information by Electronic Means" {' in text
    md = render_suggestions(suggestions, "markdown")
    assert "## Precedents" in md and "   ```" in md and 'article 14.17 "Source Code" {' in md
    rows = list(csv.DictReader(io.StringIO(render_suggestions(suggestions, "csv"))))
    assert rows[0]["precedent_agreement"] == "cptpp" and rows[0]["snippet"].startswith("# Precedent")
    data = json.loads(render_suggestions(suggestions, "json"))
    assert data["suggestions"][0]["precedents"][0]["article"] == "14.11"
    html = render_suggestions(suggestions, "html")
    assert html.startswith("<section") and "<pre><code>" in html and "&quot;Source Code&quot;" in html


def test_a_snippet_cannot_close_its_markdown_fence_early(suggestions):
    import attrs

    p = suggestions[0].precedents[0]
    tricky = attrs.evolve(suggestions[0], precedents=(attrs.evolve(p, snippet='note "````"\n'),))
    md = render_suggestions([tricky], "markdown")
    assert "   `````" in md and "\n   ```\n" not in md
    assert "\x1b" not in render_suggestions([attrs.evolve(tricky, norm="tpp3.\x1b[2J")], "text")
