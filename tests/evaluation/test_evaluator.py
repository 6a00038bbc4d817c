"""The evaluator: the grades the issue names, party and date effects, evidence and traces.

Its properties (order independence, monotonicity, determinism) are in tests/properties/.
"""

from __future__ import annotations

import datetime as dt

import engine
from engine.checking.corpus import Corpus, load_text
from engine.evaluation.evaluator import evaluate

TODAY = dt.date(2026, 11, 27)


def grades(corpus, agreement, norm_set="tpp3", **kw):
    report = engine.evaluate(corpus.agreement(agreement), corpus.norms(norm_set), as_of=kw.pop("as_of", TODAY), **kw)
    return {f.norm.split(".", 1)[1]: f for f in report.findings}


def test_cptpp_meets_tpp3(corpus):
    found = grades(corpus, "cptpp")
    assert {k: f.grade for k, f in found.items()} == {
        "data-flows": "met", "computing-facilities": "met", "source-code": "met"}
    assert found["data-flows"].article == "14.11"
    assert found["computing-facilities"].article == "14.13"
    assert found["source-code"].article == "14.17"


def test_rcep_falls_short_article_by_article(corpus):
    found = grades(corpus, "rcep")
    flows, facilities, code = found["data-flows"], found["computing-facilities"], found["source-code"]
    assert (flows.grade, flows.article) == ("partial", "12.15")
    assert (facilities.grade, facilities.article) == ("partial", "12.14")
    for f in (flows, facilities):
        reqs = {r.requirement for r in f.reasons}
        assert "require enforceable" in reqs
        assert "forbid exception public-policy self-judging" in reqs
        assert any("dispute settlement is excluded" in r.detail for r in f.reasons)
        transition = next(r for r in f.reasons if r.requirement == "binds every party on the date")
        assert set(transition.parties) == {"KH", "LA", "MM", "VN"}
        assert all(r.article == f.article for r in f.reasons)
    assert code.grade == "unmet" and code.unmet_because == "no-article" and code.article is None


def test_evidence_carries_article_quote_file_line_and_verification(corpus):
    f = grades(corpus, "rcep")["data-flows"]
    first = f.evidence[0]
    assert first.article == "12.15" and first.quote.startswith("A Party shall not prevent")
    assert first.file == "agreements/rcep.agr" and first.line > 0 and first.verification == "text"


def test_transitions_end_on_their_date_and_an_extendable_one_only_at_its_later_end(corpus):
    def held(day: dt.date) -> tuple[str, ...]:
        f = grades(corpus, "rcep", as_of=day, party=None)["data-flows"]
        return tuple(p for r in f.reasons if r.requirement == "binds every party on the date" for p in r.parties)

    assert held(dt.date(2026, 12, 31)) == ("KH", "LA", "MM", "VN")
    assert held(dt.date(2027, 1, 1)) == ("KH", "LA", "MM")  # VN's 5 years ended; KH LA may take 3 more; MM unknown
    assert held(dt.date(2030, 1, 1)) == ("MM",)  # the extension window closed; MM's entry into force is not known


def test_party_perspective(corpus):
    korea = grades(corpus, "rcep", party="KR")["data-flows"]
    assert not any(r.requirement == "binds every party on the date" for r in korea.reasons)
    vietnam = grades(corpus, "rcep", party="VNM")["data-flows"]  # alpha-3 accepted
    assert any(r.parties == ("VN",) for r in vietnam.reasons)
    outsider = grades(corpus, "rcep", party="US")["data-flows"]
    assert outsider.grade == "not-applicable"


def test_entry_into_force_and_shields(corpus):
    early = grades(corpus, "cptpp", as_of=dt.date(2019, 6, 1), party="VN")["data-flows"]
    assert early.grade == "partial"
    assert any("shielded" in r.detail for r in early.reasons)
    not_yet = grades(corpus, "rcep", as_of=dt.date(2022, 1, 15), party="KR")["data-flows"]
    assert any("not yet in force" in r.detail for r in not_yet.reasons)


def test_essential_failure_is_unmet_with_its_reason():
    src = ('agreement a { parties JP KR\n article 1 { topic cross-border-data hortatory "recognise" } }\n'
           'norms n { norm m { topic cross-border-data\n'
           ' essential require strength at-least best-endeavour because "floor" } }\n')
    corpus = engine.Corpus.build([load_text(src, "e.agr")])
    f = engine.evaluate(corpus.agreement("a"), corpus.norms("n"), as_of=TODAY).findings[0]
    assert (f.grade, f.unmet_because) == ("unmet", "essential-requirement")
    assert f.reasons[0].because == "floor" and "hortatory" in f.reasons[0].detail


def test_explain_traces_every_requirement(corpus):
    f = engine.explain(corpus.agreement("rcep"), corpus.norms("tpp3"), "data-flows", as_of=TODAY)
    best = f.candidates[0]
    assert best.article == "12.15"
    assert len(best.checks) == len(corpus.norms("tpp3").norm("data-flows").requirements) + 1
    for c in best.checks:
        assert c.steps and all(s.line > 0 and s.file.startswith("agreements/") for s in c.steps)


def test_periods_that_run_past_the_calendar_evaluate():
    text = """agreement a {
  parties JP KR
  in-force 9999-01-01
  article 1 { topic cross-border-data binding "shall" transition JP years 999 }
}
"""
    corpus = Corpus.build([load_text(text, "a.agr")] + list(Corpus.bundled().files))
    # Not yet in force today: graded as written, binding no one.  Once in force, the 999-year transition runs
    # past the calendar and holds JP back.
    (today, *_) = evaluate(corpus.agreement("a"), corpus.norms("tpp3")).findings
    assert (today.grade, today.force) == ("met", "not-in-force")
    (later, *_) = evaluate(corpus.agreement("a"), corpus.norms("tpp3"), as_of=dt.date(9999, 6, 1)).findings
    assert (later.grade, later.force) == ("partial", "in-force")
