"""The comparison matrix rendered: every format, transposed, wide tables in chunks, embedded text inert."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import attrs
import pytest

from engine.language import names
from engine.rendering import render
from engine.views.compare import Comparison, compare

DAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def matrix(corpus) -> Comparison:
    three = [corpus.agreement(i) for i in ("cptpp", "usjdta", "rcep")]
    return compare(three, [corpus.norms("digital-core")], as_of=DAY)


def test_every_format(matrix):
    text = render(matrix, "text")
    assert "Art. 14.11: binding;" in text and "objective policy" in text and "Art. 12.15" in text
    assert "✓ met" in text and "✗ unmet" in text and "no article" in text

    md = render(matrix, "markdown")
    assert "| Row | CPTPP \\[text\\] | US-Japan DTA \\[unverified\\] | RCEP \\[text\\] |" in md
    assert "Art. 12.15: binding; self-judging policy exception" in md

    rows = list(csv.DictReader(io.StringIO(render(matrix, "csv"))))
    assert len(rows) == 15
    row = next(r for r in rows if r["agreement"] == "rcep" and r["row"] == "digital-core.data-flows")
    assert row["grade"] == "partial" and row["articles"] == "12.15" and "no dispute settlement" in row["qualifiers"]

    data = json.loads(render(matrix, "json"))
    assert data["schema"] == {"name": "tradegap.comparison", "version": "2.1"}
    assert len(data["cells"]) == 15 and data["as_of"] == "2026-01-01"

    html = render(matrix, "html")
    assert '<table class="matrix">' in html and html.count('<td class="cell') == 15


def test_transpose_puts_agreements_down_the_side(matrix):
    t = attrs.evolve(matrix, transposed=True)
    assert "| Agreement | digital-core.digital-products-non-discrimination" in render(t, "markdown")
    first_table = render(t, "text").split("+====")[0]
    assert "agreement" in first_table and "digital-core.customs-" in first_table


def test_wide_tables_fit_the_screen(corpus):
    ids = ["cptpp", "usjdta", "rcep", "depa", "ksdpa", "usmca", "jpuk", "jpeu", "jpch", "jpau"]
    c = compare([corpus.agreement(i) for i in ids], [corpus.norms("tpp3")], as_of=DAY)
    text = render(c, "text")
    assert max(len(line) for line in text.splitlines()) <= 120
    for ident in ids:  # every agreement still has its column (headed by its short name), in some chunk
        assert f"| {names.short(ident)} " in text


EVIL = ('agreement evil "<script>alert(1)</script> | =HYPERLINK(\\"x\\") \x1b[31m" {\n'
        '  parties KR JP\n  in-force 2020-01-01\n  chapter 1 "c" {\n'
        '    article 1.1 "<b>t</b> | x" {\n      topic cross-border-data\n'
        '      binding "=cmd|\' /C calc\'!A0 <img src=x onerror=alert(1)>"\n    }\n  }\n}\n')


def test_embedded_text_is_inert_in_every_format(corpus):
    from engine.checking.corpus import load_text
    from engine.checking.resolve import resolve

    f = load_text(EVIL, "evil.agr")
    assert not [d for d in f.diagnostics if d.is_error]
    evil, _ = resolve(f.document.items[0], lambda i: None)
    c = compare([evil], [corpus.norms("tpp3")], as_of=DAY)
    assert "\x1b" not in render(c, "text")
    html = render(c, "html")
    assert "<script>alert" not in html and "<img" not in html and "&lt;script&gt;" in html
    md = render(c, "markdown")
    assert "<script>" not in md and "\\|" in md
    for row in csv.reader(io.StringIO(render(c, "csv"))):
        assert not any(cell[:1] in ("=", "+", "-", "@") for cell in row)
