"""The JSON contract 2.1: every result validates against its shipped schema, and the schemas agree."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

import engine
import honest as H
from conftest import ROOT
from engine.evaluation.evaluator import evaluate
from engine.language import vocab as V
from engine.rendering import common as C
from engine.rendering import render, render_suggestions
from engine.views.compare import compare
from engine.views.diff import diff
from engine.views.pair import pair
from engine.views.precedents import suggest_report

jsonschema = pytest.importorskip("jsonschema")

DAY = dt.date(2026, 11, 27)
SCHEMAS = ROOT / "engine" / "schemas"
NAMES = ("report", "explanation", "comparison", "diff", "pair", "precedents")


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def valid(name: str, text: str) -> dict:
    data = json.loads(text)
    jsonschema.Draft202012Validator(schema(name)).validate(data)
    assert data["schema"] == {"name": f"tradegap.{name}", "version": "2.1"}
    return data


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_a_2020_12_schema_at_version_2(name):
    s = schema(name)
    jsonschema.Draft202012Validator.check_schema(s)
    assert s["$id"] == f"tradegap.{name}/2.1"
    assert s["properties"]["schema"]["properties"]["name"] == {"const": f"tradegap.{name}"}


def test_the_schema_names_and_versions_come_from_the_constants():
    from engine.evaluation.findings import Finding, Report
    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.precedents import Suggestion

    kinds = (Report, Finding, Comparison, Diff, Pair, Suggestion)
    assert [C.schema(k) for k in kinds] == [(f"tradegap.{n}", "2.1") for n in NAMES]


def test_definitions_shared_by_several_files_are_the_same_in_each():
    seen: dict[str, tuple[str, object]] = {}
    for name in NAMES:
        for key, body in schema(name)["$defs"].items():
            first = seen.setdefault(key, (name, body))
            assert first[1] == body, f"$defs/{key} differs between {first[0]} and {name}"


def test_the_schemas_enumerate_the_vocabulary():
    defs = schema("comparison")["$defs"]
    assert defs["grade"]["enum"] == list(V.Grade) and defs["force"]["enum"] == list(V.Force)
    assert defs["verification"]["enum"] == list(V.Verification) and defs["strength"]["enum"] == list(V.Strength)
    coverage = defs["agreement"]["properties"]["coverage"]["items"]["enum"]
    assert coverage == [*V.Part, V.COMPLETE]
    assert schema("comparison")["properties"]["lens"]["enum"] == list(C.Lens)


def test_the_corpus_results_validate(corpus, full_corpus):
    three = [corpus.agreement(i) for i in ("rcep", "usjdta", "jpau", "wto-ecommerce")]
    sets = [corpus.norms("tpp3"), corpus.norms("cptpp21")]
    report = evaluate(three, sets, as_of=DAY, party="JP")
    valid("report", render(report, "json"))
    suggested = suggest_report(corpus, evaluate(three[:1], sets[:1], as_of=DAY))
    assert valid("report", render(suggested, "json"))["precedents"]
    valid("precedents", render_suggestions(suggested.suggestions, "json"))
    valid("explanation", render(engine.explain(three[0], sets[0], "data-flows", DAY), "json"))
    valid("comparison", render(compare(three, sets, as_of=DAY), "json"))
    valid("comparison", render(compare(three, topics=["source-code"], as_of=DAY, transpose=True), "json"))
    valid("diff", render(diff(corpus.agreement("cptpp"), three[0], sets[:1], DAY), "json"))
    draft = full_corpus.agreement("kjdpa")
    valid("pair", render(pair(corpus.agreements.values(), "KR", "JP", sets[:1], DAY, drafts=[draft]), "json"))


def test_results_with_every_2_0_field_set_validate_and_keep_them():
    data = valid("report", render(H.honest_report(), "json"))
    rcep = data["findings"][0]
    assert (rcep["score"], rcep["force"], rcep["verification"]) == (43, "in-force", "text")
    assert rcep["reasons"][0]["weight"] == 3
    assert rcep["reasons"][0]["evidence"][0]["citation"] == "Art. 12.17.3"
    assert rcep["evidence"][0]["context"] is True and rcep["notes"]
    usjdta = data["findings"][2]
    assert usjdta["reasons"][0]["evidence"][0] == {**usjdta["reasons"][0]["evidence"][0], "absent": True,
                                                   "quote": None}
    assert usjdta["evidence"][0]["paraphrase"] is True
    assert data["findings"][3]["grade"] == "not-encoded" and data["findings"][3]["score"] is None
    assert data["agreements"][3]["force"] == "not-in-force"
    cells = valid("comparison", render(attrs.evolve(H.honest_comparison(), lens="strength"), "json"))
    assert cells["lens"] == "strength" and [c["score"] for c in cells["cells"]] == [43, 86, 50, None, None, 0]
    valid("pair", render(H.honest_pair(), "json"))
    assert valid("diff", render(H.honest_diff(), "json"))["grades"][0]["new_grade"] == "not-encoded"


def test_the_schema_refuses_what_2_0_rules_out():
    data = json.loads(render(H.honest_report(), "json"))
    validator = jsonschema.Draft202012Validator(schema("report"))
    for path, value in ((("findings", 0, "score"), 101), (("findings", 0, "force"), "binding"),
                        (("findings", 0, "grade"), "excellent"), (("schema", "version"), "1.0"),
                        (("findings", 0, "reasons", 0, "weight"), 0)):
        bad = json.loads(json.dumps(data))
        target = bad
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        assert not validator.is_valid(bad), path
