"""The side-by-side matrix: cells, qualifiers, rows (its renderings are in tests/rendering/)."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.language import vocab as V
from engine.views.compare import HOUSEKEEPING_TOPICS, Comparison, compare, default_topics

DAY = dt.date(2026, 1, 1)
LATER = dt.date(2030, 6, 1)  # every RCEP e-commerce transition has ended, extensions included


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
    assert transition.parties == ("KH", "LA") and transition.until == dt.date(2027, 1, 1)  # possibly 2030
    assert any(q.kind == "not-in-force" and q.parties == ("MM",) for q in rcep.articles[0].qualifiers)
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
    assert {(cell.row, cell.agreement): [(a.number, a.strength) for a in cell.articles] for cell in c.cells} == {
        ("cross-border-data", "cptpp"): [("14.11", "binding")],
        ("cross-border-data", "usjdta"): [("11", "binding")],
        ("cross-border-data", "rcep"): [("12.15", "binding")],
        ("cybersecurity", "cptpp"): [("14.16", "hortatory")],
        ("cybersecurity", "usjdta"): [("19", "best-endeavour")],
        ("cybersecurity", "rcep"): [("12.13", "hortatory")],
    }
    cooperation = compare(three, topics=["cooperation"], as_of=DAY).cell("cooperation", "rcep")
    assert [(a.number, a.strength) for a in cooperation.articles] == [("12.4", "best-endeavour"),
                                                                     ("12.16", "hortatory")]
    ranks = [V.Strength(a.strength).rank for a in cooperation.articles]
    assert ranks == sorted(ranks, reverse=True)  # strongest first
    with pytest.raises(ValueError, match="unknown topic"):
        compare(three, topics=["cross-border-dta"])


def test_default_rows_are_the_topics_addressed(three):
    c = compare(three, as_of=DAY)
    keys = [r.key for r in c.rows]
    assert keys == list(default_topics(three))
    assert "cross-border-data" in keys and not HOUSEKEEPING_TOPICS & set(keys)
