"""The rendering registry: ``render(result, fmt)`` dispatches on the result's type, for every format.

The library call must give the bytes the command line prints (for the golden cases' commands), a
type a format has no form for must be refused with a TypeError that names the
types it has, and the JSON schema must come from the constants, not from class names.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys

import attrs
import pytest

import engine
from conftest import ROOT
from engine.evaluation.evaluator import evaluate
from engine.evaluation.findings import REPORT_SCHEMA, Finding, Report
from engine.rendering import FORMATS, formats, render, render_suggestions
from engine.views.compare import COMPARISON_SCHEMA, Comparison, compare
from engine.views.diff import DIFF_SCHEMA, Diff, diff
from engine.views.pair import PAIR_SCHEMA, Pair, pair
from engine.views.precedents import SuggestedReport, suggest_report

DAY = dt.date(2026, 11, 27)
ALL = "cptpp depa jpau jpch jpeu jpmn jpuk ksdpa rcep usjdta usmca wto-ecommerce".split()


def golden(name: str) -> str:
    """The standard output of a golden case of the command line, run now (it exits 0, quietly).

    Run rather than read from tests/golden/cli/, so that this test follows the command line when
    its output changes on purpose (the golden files are then regenerated, and read, separately).
    """
    sys.path.insert(0, str(ROOT / "tests" / "golden"))
    import golden_cli

    text = golden_cli.run(dict(golden_cli.cases())[name])
    head, tail = "exit: 0\n--- stdout\n", "--- stderr\n"
    assert text.startswith(head) and text.endswith(tail), name
    return text[len(head):-len(tail)]


@pytest.fixture(scope="module")
def rcep_report(corpus) -> Report:
    return evaluate([corpus.agreement("rcep")], [corpus.norms("tpp3")], as_of=DAY)


@pytest.fixture(scope="module")
def results(corpus, rcep_report) -> dict[str, object]:
    """One result of each type, as the golden cases' commands build them."""
    agreements = [corpus.agreement(i) for i in ALL]
    tpp3 = corpus.norms("tpp3")
    return {
        "report-all-tpp3": evaluate(agreements, [tpp3], as_of=DAY),
        "compare-all-tpp3": compare(agreements, [tpp3], (), DAY, None, False),
        "diff-cptpp-rcep": diff(corpus.agreement("cptpp"), corpus.agreement("rcep"), [tpp3], DAY, None),
        "pair-kr-jp": pair(corpus.agreements.values(), "KR", "JP",
                           [corpus.norms(i) for i in sorted(corpus.norm_sets)], DAY),
        "suggested": suggest_report(corpus, rcep_report),
    }


# ---------------------------------------------------------------- the same bytes as the command line


@pytest.mark.parametrize("case", ["report-all-tpp3", "compare-all-tpp3", "diff-cptpp-rcep", "pair-kr-jp"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_result_in_every_format_gives_the_command_lines_bytes(results, case, fmt):
    assert render(results[case], fmt) == golden(f"{case}-{fmt}")


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("agreement,norm", [("rcep", "tpp3.data-flows"), ("cptpp", "tpp3.computing-facilities")])
def test_a_finding_renders_as_explain_prints_it(corpus, fmt, agreement, norm):
    set_id, norm_id = norm.split(".")
    finding = engine.explain(corpus.agreement(agreement), corpus.norms(set_id), norm_id, DAY)
    assert render(finding, fmt) == golden(f"explain-{agreement}-{norm}-{fmt}")


def test_a_findings_json_names_the_explanation_schema(corpus):
    finding = engine.explain(corpus.agreement("rcep"), corpus.norms("tpp3"), "data-flows", DAY)
    data = json.loads(render(finding, "json"))
    assert data["schema"] == {"name": "tradegap.explanation", "version": "2.1"}
    assert [c["article"] for c in data["candidates"]] == [c.article for c in finding.candidates]


@pytest.mark.parametrize("fmt,name", [("text", "report-rcep-suggest"), ("markdown", "report-rcep-suggest-md"),
                                      ("json", "report-rcep-suggest-json"), ("html", "report-rcep-suggest-html")])
def test_a_suggested_report_renders_as_report_suggest_prints_it(results, fmt, name):
    assert render(results["suggested"], fmt) == golden(name)


def test_a_suggested_report_as_csv_is_the_reports_table_then_the_precedents_table(results, rcep_report):
    sr: SuggestedReport = results["suggested"]
    report_part, precedents_part = render(sr, "csv").split("\n\n")
    assert report_part + "\n" == render(rcep_report, "csv")
    rows = list(csv.DictReader(io.StringIO(precedents_part)))
    assert len(rows) == sum(len(s.precedents) for s in sr.suggestions) > 0
    assert {r["norm"] for r in rows} <= {s.norm for s in sr.suggestions}


def test_suggestions_alone_are_the_tail_of_the_suggested_report(results):
    sr: SuggestedReport = results["suggested"]
    for fmt in ("text", "markdown"):
        assert render(sr, fmt) == render(sr.report, fmt) + render_suggestions(sr.suggestions, fmt)
    assert render_suggestions(sr.suggestions, "html") in render(sr, "html")
    assert json.loads(render_suggestions(sr.suggestions, "json"))["schema"]["name"] == "tradegap.precedents"


# ---------------------------------------------------------------- dispatch


def test_every_format_is_registered_under_its_name():
    assert tuple(formats()) == FORMATS
    assert all(f.name == name for name, f in formats().items())


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_renders_the_report_and_the_views_results(fmt):
    types = set(formats()[fmt].renderers.types())
    assert {Report, Comparison, Diff, Pair, SuggestedReport} <= types
    assert (Finding in types) == (fmt in ("text", "json"))


def test_an_unsupported_type_is_refused_with_the_supported_ones_named(corpus):
    with pytest.raises(TypeError) as info:
        render(corpus.agreement("rcep"), "markdown")
    message = str(info.value)
    assert message.startswith("no markdown form for Agreement; markdown renders ")
    for name in ("Report", "Comparison", "Diff", "Pair", "SuggestedReport"):
        assert name in message
    assert "Finding" not in message


def test_a_finding_has_no_html_page(corpus):
    finding = engine.explain(corpus.agreement("rcep"), corpus.norms("tpp3"), "data-flows", DAY)
    with pytest.raises(TypeError, match="no html form for Finding; html renders Report, "):
        render(finding, "html")


def test_an_unknown_format_is_refused_with_the_formats_listed(rcep_report):
    with pytest.raises(ValueError, match="unknown format 'pdf'; choose one of text, markdown, json, csv, html"):
        render(rcep_report, "pdf")


def test_a_subclass_renders_as_its_base(rcep_report):
    class Annotated(Report):
        note: str = ""

    fields = {name: getattr(rcep_report, name) for name in Report._fields}
    assert render(Annotated(**fields, note="x"), "text") == render(rcep_report, "text")


# ---------------------------------------------------------------- the JSON schemas


def test_json_schemas_come_from_the_constants_not_the_class_names(results):
    expected = {"report-all-tpp3": REPORT_SCHEMA, "compare-all-tpp3": COMPARISON_SCHEMA,
                "diff-cptpp-rcep": DIFF_SCHEMA, "pair-kr-jp": PAIR_SCHEMA, "suggested": REPORT_SCHEMA}
    for case, (name, version) in expected.items():
        assert json.loads(render(results[case], "json"))["schema"] == {"name": name, "version": version}, case


def test_renaming_a_result_class_does_not_change_its_schema(results):
    @attrs.frozen
    class Matrix(Comparison):
        pass

    c = results["compare-all-tpp3"]
    data = json.loads(render(Matrix(**attrs.asdict(c, recurse=False)), "json"))
    assert data["schema"] == {"name": "tradegap.comparison", "version": "2.1"}
