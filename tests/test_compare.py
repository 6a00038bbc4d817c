"""The side-by-side matrix: cells, qualifiers, rows, every format, wide tables, escaping, the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import attrs
import pytest

from conftest import run_cli
from engine.views.compare import HOUSEKEEPING_TOPICS, Comparison, compare, default_topics
from engine.rendering import render

DAY = dt.date(2026, 1, 1)
LATER = dt.date(2028, 1, 1)  # every RCEP e-commerce transition has ended


@pytest.fixture(scope="module")
def three(corpus):
    return [corpus.agreement(i) for i in ("cptpp", "usjdta", "rcep")]


@pytest.fixture(scope="module")
def matrix(corpus, three) -> Comparison:
    return compare(three, [corpus.norms("digital-core")], as_of=DAY)


def texts(cell):
    return [q.text for a in cell.articles for q in a.qualifiers]


def test_rows_are_the_norms_and_columns_the_agreements(matrix, corpus):
    norms = [f"digital-core.{n.id}" for n in corpus.norms("digital-core").norms]
    assert [r.key for r in matrix.rows] == norms
    assert [a.id for a in matrix.agreements] == ["cptpp", "usjdta", "rcep"]
    assert [(c.row, c.agreement) for c in matrix.cells] == [(n, a) for n in norms for a in ("cptpp", "usjdta", "rcep")]
    assert all(c.grade in ("met", "partial", "unmet") for c in matrix.cells)


def test_cells_name_articles_and_the_qualifiers_that_matter(matrix):
    cptpp = matrix.cell("digital-core.data-flows", "cptpp")
    assert (cptpp.grade, cptpp.articles[0].number) == ("met", "14.11")
    assert "objective policy exception" in texts(cptpp)
    assert "binding" == cptpp.articles[0].qualifiers[0].text

    rcep = matrix.cell("digital-core.data-flows", "rcep")
    assert (rcep.grade, rcep.articles[0].number) == ("partial", "12.15")
    found = texts(rcep)
    for words in ("self-judging policy exception", "non-disputable security exception", "no dispute settlement"):
        assert words in found
    transition = next(q for q in rcep.articles[0].qualifiers if q.kind == "transition")
    assert transition.parties == ("KH", "LA", "MM", "VN") and transition.until == dt.date(2027, 1, 1)
    assert any(t.startswith("excludes") and "financial-services" in t for t in found)

    assert "contingent on wto-moratorium" in texts(matrix.cell("digital-core.customs-duties", "rcep"))
    assert "no dispute settlement" in texts(matrix.cell("digital-core.source-code", "usjdta"))
    assert "covers algorithms" in texts(matrix.cell("digital-core.source-code", "usjdta"))
    assert "mass-market software only" in texts(matrix.cell("digital-core.source-code", "cptpp"))


def test_a_cell_says_when_no_article_addresses_the_row(matrix):
    cell = matrix.cell("digital-core.source-code", "rcep")
    assert cell.grade == "unmet" and cell.unmet_because == "no-article" and cell.articles == ()


def test_qualifiers_follow_the_date_and_the_party(corpus, three):
    later = compare(three, [corpus.norms("tpp3")], as_of=LATER)
    assert not any(q.kind == "transition" for q in later.cell("tpp3.data-flows", "rcep").articles[0].qualifiers)
    japan = compare(three, [corpus.norms("tpp3")], as_of=DAY, party="JP")
    assert not any(q.kind == "transition" for q in japan.cell("tpp3.data-flows", "rcep").articles[0].qualifiers)
    vietnam = compare(three, [corpus.norms("tpp3")], as_of=DAY, party="VN")
    assert vietnam.cell("tpp3.data-flows", "usjdta").grade == "not-applicable"


def test_topic_rows_list_articles_strongest_first_without_a_grade(corpus, three):
    c = compare(three, topics=["cross-border-data", "cybersecurity"], as_of=DAY)
    assert [r.key for r in c.rows] == ["cross-border-data", "cybersecurity"]
    assert all(cell.grade is None for cell in c.cells)
    assert c.cell("cybersecurity", "rcep").articles[0].strength == "hortatory"
    strengths = [a.strength for cell in c.cells for a in cell.articles]
    assert strengths  # something on the topics
    with pytest.raises(ValueError, match="unknown topic"):
        compare(three, topics=["cross-border-dta"])


def test_default_rows_are_the_topics_addressed(three):
    c = compare(three, as_of=DAY)
    keys = [r.key for r in c.rows]
    assert keys == list(default_topics(three))
    assert "cross-border-data" in keys and not HOUSEKEEPING_TOPICS & set(keys)


def test_order_of_articles_does_not_change_the_matrix(corpus, matrix):
    rcep = corpus.agreement("rcep")
    shuffled = attrs.evolve(rcep, chapters=tuple(attrs.evolve(ch, articles=tuple(reversed(ch.articles)))
                                                 for ch in reversed(rcep.chapters)))
    again = compare([corpus.agreement("cptpp"), corpus.agreement("usjdta"), shuffled],
                    [corpus.norms("digital-core")], as_of=DAY)
    assert again == matrix


def test_every_format(matrix):
    text = render(matrix, "text")
    assert "Art. 14.11: binding;" in text and "objective policy" in text and "Art. 12.15" in text
    assert "✓ met" in text and "✗ unmet" in text and "no article" in text

    md = render(matrix, "markdown")
    assert "| Row | cptpp | usjdta | rcep |" in md
    assert "Art. 12.15: binding; self-judging policy exception" in md

    rows = list(csv.DictReader(io.StringIO(render(matrix, "csv"))))
    assert len(rows) == 15
    row = next(r for r in rows if r["agreement"] == "rcep" and r["row"] == "digital-core.data-flows")
    assert row["grade"] == "partial" and row["articles"] == "12.15" and "no dispute settlement" in row["qualifiers"]

    data = json.loads(render(matrix, "json"))
    assert data["schema"] == {"name": "tradegap.comparison", "version": "2.0"}
    assert len(data["cells"]) == 15 and data["as_of"] == "2026-01-01"

    html = render(matrix, "html")
    assert '<table class="matrix">' in html and html.count('<td class="cell') == 15


def test_render_is_reproducible(matrix):
    assert render(matrix, "text") == render(matrix, "text")
    assert render(matrix, "html") == render(matrix, "html")


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
    for ident in ids:  # every agreement still has its column, in some chunk
        assert f"| {ident} " in text


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


def test_cli_compare(tmp_path):
    code, out, err = run_cli("compare", "cptpp", "usjdta", "rcep", "--norms", "digital-core", "--as-of", "2026-01-01")
    assert code == 0, err
    assert "Art. 12.15" in out and "self-judging policy" in out and "digital-core.customs-" in out
    for fmt in ("markdown", "json", "csv", "html"):
        code, out, err = run_cli("compare", "cptpp", "usjdta", "rcep", "--norms", "digital-core", "--as-of",
                                 "2026-01-01", "--format", fmt)
        assert code == 0 and "12.15" in out, (fmt, err)
    target = tmp_path / "c.html"
    code, _, _ = run_cli("compare", "cptpp", "rcep", "--topics", "source-code", "-f", "html", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("args, words", [
    (("compare", "cptpp", "--topics", "cross-border-dta"), "unknown topic `cross-border-dta`"),
    (("compare", "cptp", "--norms", "tpp3"), "unknown agreement `cptp`"),
    (("compare", "cptpp", "--norms", "tpp4"), "unknown norm set `tpp4`"),
    (("compare", "cptpp", "--as-of", "soon"), "--as-of `soon` is not a date"),
])
def test_cli_errors_are_one_line_and_a_hint(args, words):
    code, out, err = run_cli(*args)
    assert code == 2 and f"tradegap: error: {words}" in err and "Traceback" not in err
