"""Each verb of the public API, its result type and the errors it raises for bad arguments."""

from __future__ import annotations

import datetime as dt

import pytest

import engine
from engine.errors import InvalidInput, TradegapError, UnknownId, UsageError
from engine.results import Comparison, Diff, Finding, Pair, SuggestedReport

DAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def c():
    return engine.load()


def test_every_verb_returns_its_result_and_render_prints_it(c):
    rcep, cptpp, tpp3 = c.agreement("rcep"), c.agreement("cptpp"), c.norms("tpp3")
    report = engine.evaluate([cptpp, rcep], tpp3, DAY, "JP")
    assert isinstance(report, engine.Report) and report.party == "JP" and len(report.findings) == 6
    results = [
        engine.explain(rcep, tpp3, "data-flows", DAY),
        engine.compare([cptpp, rcep], tpp3, topics=["source-code"], as_of=DAY),
        engine.diff(cptpp, rcep, tpp3, as_of=DAY),
        engine.pair(c, "KR", "JP", tpp3, as_of=DAY),
        engine.suggest(c, report),
    ]
    assert [type(r) for r in results] == [Finding, Comparison, Diff, Pair, SuggestedReport]
    for r in results:
        assert engine.render(r, "json").startswith("{")
    assert engine.render(report, "text").startswith("tradegap ")


def test_bad_arguments_raise_usage_errors_with_hints(c):
    rcep, tpp3 = c.agreement("rcep"), c.norms("tpp3")
    with pytest.raises(UsageError, match="a date is needed") as e:
        engine.evaluate(rcep, tpp3, as_of="2026-11-27")  # type: ignore[arg-type]
    assert "datetime.date" in e.value.hint
    with pytest.raises(UsageError, match="not an ISO 3166-1"):
        engine.evaluate(rcep, tpp3, party="XX")
    with pytest.raises(UsageError, match="unknown format 'pdf'") as e:
        engine.render(engine.evaluate(rcep, tpp3, DAY), "pdf")
    assert "text" in e.value.hint and isinstance(e.value, ValueError)
    with pytest.raises(UnknownId, match="has no norm `data-flow`") as e:
        engine.explain(rcep, tpp3, "data-flow")
    assert e.value.hint == "did you mean `data-flows`?" and isinstance(e.value, KeyError)
    with pytest.raises(TradegapError):
        engine.pair(c, "KR", "KR", tpp3)


def test_format_source_formats_or_raises_with_the_diagnostics():
    assert engine.format_source('agreement a "A" {   kind fta }') == 'agreement a "A" {\n  kind     fta\n}\n'
    with pytest.raises(InvalidInput, match="<input>: ") as e:
        engine.format_source("agreement a {")
    assert e.value.diagnostics and e.value.diagnostics[0].code == "E0103"


def test_parse_adds_a_text_to_a_corpus_and_resolves_it(c):
    mine = engine.parse('agreement d "D" {\n  based-on rcep\n  status draft\n}\n', "d.agr", corpus=c)
    assert not mine.errors and mine.agreement("d").resolved and "rcep" in mine.agreements
    broken = engine.parse("agreement d {", "d.agr")
    assert broken.errors and broken.errors[0].span.file == "d.agr"
    assert engine.check_expectations(c, today=DAY) == ()


def test_the_public_submodules_resolve():
    import engine.model
    import engine.results
    import engine.vocabulary

    for module in (engine.model, engine.results, engine.vocabulary):
        assert all(getattr(module, name) is not None for name in module.__all__)
    assert engine.vocabulary.Grade.MET == "met" and engine.model.Agreement("x").id == "x"
