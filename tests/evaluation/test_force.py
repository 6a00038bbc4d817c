"""Status and time: only a text in force binds; anything else is graded as written and binds no one."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from engine.evaluation import context as F
from engine.evaluation.evaluator import BINDS_ALL, evaluate
from engine.language import model as M
from engine.language import vocab as V

DAY = dt.date(2026, 11, 30)
ENTRY = (M.PartyEntry(dt.date(2020, 1, 1)),)


@pytest.mark.parametrize("status, in_force, expected", [
    ("draft", ENTRY, V.Force.HYPOTHETICAL),
    ("proposed", (), V.Force.HYPOTHETICAL),
    ("concluded", (), V.Force.NOT_IN_FORCE),
    ("signed", ENTRY, V.Force.NOT_IN_FORCE),
    ("terminated", ENTRY, V.Force.TERMINATED),
    ("in-force", ENTRY, V.Force.IN_FORCE),
    (None, ENTRY, V.Force.IN_FORCE),
    ("in-force", (M.PartyEntry(dt.date(2030, 1, 1)),), V.Force.NOT_IN_FORCE),
    (None, (), V.Force.UNKNOWN),
    (None, (M.PartyEntry(None),), V.Force.UNKNOWN),
    ("in-force", (), V.Force.IN_FORCE),
])
def test_force_comes_from_the_status_and_the_entry_into_force(status, in_force, expected):
    assert F.force(M.Agreement("a", status=status, in_force=in_force), DAY) is expected


def test_the_wto_text_binds_no_one_and_is_graded_as_written(corpus):
    report = evaluate(corpus.agreement("wto-ecommerce"), corpus.norms("digital-core"), DAY)
    assert {f.force for f in report.findings} == {V.Force.NOT_IN_FORCE}
    assert report.agreements[0].force == V.Force.NOT_IN_FORCE
    duties = report.finding("wto-ecommerce", "digital-core.customs-duties")
    assert duties.grade == V.Grade.MET  # as written
    assert all(c.requirement != BINDS_ALL for cand in duties.candidates for c in cand.checks)


def test_a_signed_text_never_in_force_is_not_held_to_the_implicit_check(corpus):
    cptpp = attrs.evolve(corpus.agreement("cptpp"), status="signed", in_force=())
    report = evaluate(cptpp, corpus.norms("tpp3"), DAY)
    f = report.finding("cptpp", "tpp3.source-code")
    assert (f.grade, f.force, f.score) == (V.Grade.MET, V.Force.NOT_IN_FORCE, 100)
    # as written: the shields of MY and VN stand in the text (their two years have no known start)
    flows = report.finding("cptpp", "tpp3.data-flows")
    assert [(r.requirement, r.detail) for r in flows.reasons] == [
        ("require enforceable", "shielded from dispute settlement: MY, VN")]


def test_a_draft_is_hypothetical(corpus):
    draft = attrs.evolve(corpus.agreement("rcep"), status="draft")
    f = evaluate(draft, corpus.norms("tpp3"), DAY).finding("rcep", "tpp3.data-flows")
    assert f.force == V.Force.HYPOTHETICAL
    assert BINDS_ALL not in [r.requirement for r in f.reasons]


def test_a_text_in_force_later_binds_no_one_before(corpus):
    rcep = corpus.agreement("rcep")
    before = evaluate(rcep, corpus.norms("tpp3"), dt.date(2021, 6, 1)).finding("rcep", "tpp3.data-flows")
    after = evaluate(rcep, corpus.norms("tpp3"), DAY).finding("rcep", "tpp3.data-flows")
    assert (before.force, after.force) == (V.Force.NOT_IN_FORCE, V.Force.IN_FORCE)
    assert BINDS_ALL not in [r.requirement for r in before.reasons]
    assert BINDS_ALL in [r.requirement for r in after.reasons]


def test_a_party_whose_entry_into_force_is_later_is_held_while_the_text_is_in_force(corpus):
    f = evaluate(corpus.agreement("rcep"), corpus.norms("tpp3"), dt.date(2022, 1, 15),
                 party="KR").finding("rcep", "tpp3.data-flows")
    assert f.force == V.Force.IN_FORCE
    binds = next(r for r in f.reasons if r.requirement == BINDS_ALL)
    assert binds.detail == "KR: the agreement is not yet in force for it until 2022-02-01"


def test_a_finding_not_applicable_carries_the_force_too(corpus):
    (f, *_) = evaluate(corpus.agreement("wto-ecommerce"), corpus.norms("tpp3"), DAY, party="US").findings
    assert (f.grade, f.force, f.score) == (V.Grade.NOT_APPLICABLE, V.Force.NOT_IN_FORCE, None)
