"""Every predicate of the norm language on a hand-built article: a case that holds, one that fails, the trace step."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import pytest

from engine.errors import UnknownId
from engine.evaluation import context as F
from engine.evaluation.predicates import EVALUATORS, Outcome, evaluate_atom, registry
from engine.language import model as M
from engine.language.predicates import PREDICATES

DAY = dt.date(2026, 1, 1)
START = dt.date(2020, 1, 1)


def span(line: int) -> M.Span:
    return M.Span("a.agr", line, 3)


def placed(article: Optional[M.Article] = None, chapter: Optional[M.Chapter] = None, **agreement: object) -> F.Placed:
    """An article (number 1, line 10) in agreement `a` between JP and KR, in force since 2020."""
    fields: dict = {"parties": ("JP", "KR"), "in_force": (M.PartyEntry(START),), "status": "in-force",
                    "span": span(1), **agreement}
    return F.Placed(M.Agreement("a", **fields), chapter, article or M.Article("1", span=span(10)))


def art(**fields: object) -> M.Article:
    return M.Article("1", span=span(10), **fields)  # type: ignore[arg-type]


def run(text: str, p: F.Placed, party: Optional[str] = None) -> Outcome:
    name, *args = text.split()
    return evaluate_atom(M.Atom(name, tuple(args)), p, F.Context(DAY, party))


def step(outcome: Outcome) -> tuple[str, str, bool, int]:
    (s,) = outcome.steps
    return s.test, s.found, s.held, s.line


def test_the_registry_has_one_function_per_predicate_of_the_table():
    assert set(EVALUATORS) == set(PREDICATES)


def test_the_registry_refuses_a_table_it_cannot_evaluate():
    fewer = {k: v for k, v in EVALUATORS.items() if k != "form"}
    with pytest.raises(RuntimeError, match="no function for `form`; no predicate for none"):
        registry(fewer)
    with pytest.raises(RuntimeError, match="no function for none; no predicate for `colour`"):
        registry({**EVALUATORS, "colour": EVALUATORS["form"]})


def test_an_unknown_predicate_is_an_unknown_id():
    with pytest.raises(UnknownId, match="unknown predicate `colour`") as e:
        run("colour red", placed())
    assert e.value.hint == "see `tradegap list predicates`"


def test_strength():
    binding = placed(art(commitment=M.Commitment("binding", span=span(11))))
    out = run("strength at-least best-endeavour", binding)
    assert step(out) == ("strength at-least best-endeavour", "the commitment is binding", True, 11)
    hortatory = placed(art(commitment=M.Commitment("hortatory", span=span(11))))
    assert step(run("strength at-least best-endeavour", hortatory)) == (
        "strength at-least best-endeavour", "the commitment is hortatory", False, 11)
    assert step(run("strength at-least hortatory", placed()))[1:] == ("the commitment is absent", False, 10)


def test_form():
    prohibition = placed(art(commitment=M.Commitment("binding", "prohibition", span=span(11))))
    assert step(run("form prohibition", prohibition)) == ("form prohibition", "the form is prohibition", True, 11)
    assert step(run("form obligation", prohibition))[1:3] == ("the form is prohibition", False)
    uncoded = placed(art(commitment=M.Commitment("binding", span=span(11))))
    assert step(run("form prohibition", uncoded))[1:3] == ("the form is not coded", False)


def test_enforceable():
    assert step(run("enforceable", placed())) == (
        "enforceable", "dispute settlement applies (nothing excludes it)", True, 10)
    applies = placed(art(dispute_settlement=(M.DisputeSettlement("applies", span=span(12)),)))
    assert step(run("enforceable", applies)) == ("enforceable", "dispute settlement applies", True, 12)
    excluded = M.Chapter("14", dispute_settlement=(M.DisputeSettlement("excluded", span=span(5)),))
    out = run("enforceable", placed(chapter=excluded))
    assert step(out) == ("enforceable", "dispute settlement is excluded", False, 5) and out.parties == ()


def test_enforceable_fails_for_a_shielded_party_only_while_the_shield_lasts():
    shield = M.DisputeSettlement("shielded", ("KR",), M.Period(years=10), span=span(13))
    p = placed(art(dispute_settlement=(shield,)))
    out = run("enforceable", p)
    assert step(out) == ("enforceable", "shielded from dispute settlement: KR until 2030-01-01", False, 13)
    assert out.parties == ("KR",)
    assert run("enforceable", p, party="JP").held
    assert evaluate_atom(M.Atom("enforceable"), p, F.Context(dt.date(2030, 1, 1))).held


def test_exception():
    policy = M.Exception_("public-policy", ("self-judging",), span=span(2))
    p = placed(exceptions=(policy,))
    assert step(run("exception any self-judging", p)) == (
        "exception any self-judging", "agreement-level exception: public-policy self-judging", True, 2)
    assert step(run("exception public-policy", p))[2] is True
    assert step(run("exception public-policy no-arbitrary-discrimination", p)) == (
        "exception public-policy no-arbitrary-discrimination", "no such exception applies", False, 10)
    assert not run("exception essential-security", p).held


def test_covers():
    p = placed(art(scope=(M.Scope("covers", "financial-services", span=span(14)),)))
    assert step(run("covers financial-services", p)) == (
        "covers financial-services", "covers financial-services", True, 14)
    assert step(run("covers broadcasting", p)) == ("covers broadcasting", "nothing said about broadcasting", False, 10)
    chapter = M.Chapter("14", scope=(M.Scope("excludes", "broadcasting", span=span(4)),))
    assert step(run("covers broadcasting", placed(chapter=chapter)))[1:] == ("excludes broadcasting", False, 4)


def test_excludes():
    chapter = M.Chapter("14", scope=(M.Scope("excludes", "government-procurement", span=span(4)),))
    p = placed(chapter=chapter)
    assert step(run("excludes government-procurement", p)) == (
        "excludes government-procurement", "excludes government-procurement", True, 4)
    # The article's own statement on the item wins over the chapter's.
    own = placed(art(scope=(M.Scope("covers", "government-procurement", span=span(14)),)), chapter=chapter)
    assert step(run("excludes government-procurement", own))[1:] == ("covers government-procurement", False, 14)
    assert step(run("excludes broadcasting", p))[1:3] == ("nothing said about broadcasting", False)


def test_software():
    p = placed(art(software=M.Software("mass-market-only", span=span(15))))
    assert step(run("software mass-market-only", p)) == (
        "software mass-market-only", "software coverage: mass-market-only", True, 15)
    assert step(run("software all", p))[1:3] == ("software coverage: mass-market-only", False)
    assert step(run("software all", placed()))[1:] == ("software coverage: not coded", False, 10)


def test_contingent():
    p = placed(art(contingency=M.Contingency("the other Party's law", span=span(16))))
    assert step(run("contingent", p)) == ("contingent", "contingent on the other Party's law", True, 16)
    assert step(run("contingent", placed())) == ("contingent", "not contingent", False, 10)


def test_binds_all_parties():
    assert step(run("binds-all-parties", placed())) == ("binds-all-parties", "every party is bound", True, 10)
    transition = M.Transition(("KR",), M.Period(years=10), span=span(17))
    out = run("binds-all-parties", placed(art(transitions=(transition,))))
    assert step(out) == ("binds-all-parties", "KR: transition period until 2030-01-01", False, 17)
    assert out.parties == ("KR",)
    late = placed(in_force=(M.PartyEntry(START), M.PartyEntry(dt.date(2027, 3, 1), ("JP",))))
    out = run("binds-all-parties", late)
    assert step(out)[1:3] == ("JP: the agreement is not yet in force for it until 2027-03-01", False)
    assert out.parties == ("JP",)
    reserved = placed(art(reservations=(M.Reservation(("JP", "KR"), span=span(18)),)))
    out = run("binds-all-parties", reserved)
    assert step(out)[1:3] == ("JP: reservation; KR: reservation", False) and out.parties == ("JP", "KR")


def test_in_force():
    assert step(run("in-force", placed())) == ("in-force", "status in-force, in force 2020-01-01", True, 1)
    assert step(run("in-force", placed(status="signed")))[1:3] == ("status signed, in force 2020-01-01", False)
    assert step(run("in-force", placed(status=None, in_force=())))[1:3] == ("status unknown, in force not given", False)
    later = placed(in_force=(M.PartyEntry(dt.date(2027, 1, 1)),))
    assert not run("in-force", later).held
