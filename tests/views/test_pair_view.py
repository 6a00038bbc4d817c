"""The pair view: which agreements bind two countries on a date, the strongest commitment, drafts."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.evaluation.evaluator import BINDS_ALL
from engine.errors import UsageError
from engine.language import vocab as V
from engine.views.pair import pair

DAY = dt.date(2026, 1, 1)


def test_korea_and_japan_are_bound_by_rcep_and_the_ipef_supply_chain_agreement(corpus):
    p = pair(corpus.agreements.values(), "KR", "JP", [corpus.norms("tpp3")], DAY)
    assert [b.agreement.id for b in p.agreements] == ["ipef-sca", "rcep"]
    assert (p.agreements[1].in_force_x, p.agreements[1].in_force_y) == (dt.date(2022, 2, 1), dt.date(2022, 1, 1))
    rows = {r.norm: r for r in p.rows}
    assert {n: (r.strongest.grade, r.strongest.article) for n, r in rows.items()} == {
        "tpp3.data-flows": ("partial", "12.15"),
        "tpp3.computing-facilities": ("partial", "12.14"),
        "tpp3.source-code": ("unmet", None),  # neither has a source-code rule (ipef-sca has no digital-trade rules)
    }
    failed = [x.requirement for x in rows["tpp3.data-flows"].strongest.reasons]
    assert "require enforceable" in failed
    # Between Korea and Japan, the transitions of Cambodia, Laos, Myanmar and Viet Nam do not count.
    assert BINDS_ALL not in failed


def test_alpha3_codes_and_order_do_not_matter(corpus):
    a = pair(corpus.agreements.values(), "KOR", "JPN", [corpus.norms("tpp3")], DAY)
    b = pair(corpus.agreements.values(), "KR", "JP", [corpus.norms("tpp3")], DAY)
    assert a == b
    c = pair(reversed(list(corpus.agreements.values())), "JP", "KR", [corpus.norms("tpp3")], DAY)
    assert [r.strongest for r in c.rows] == [r.strongest for r in b.rows]


def test_before_entry_into_force_nothing_binds(corpus):
    p = pair(corpus.agreements.values(), "KR", "JP", [corpus.norms("tpp3")], dt.date(2022, 1, 15))
    assert p.agreements == ()
    assert [(n.agreement.id, n.why) for n in p.not_binding] == [("ipef-sca", "not in force for KR until 2024-04-17"),
                                                               ("rcep", "not in force for KR until 2022-02-01")]
    assert all(r.strongest is None for r in p.rows)


def test_the_strongest_commitment_is_the_best_of_the_binding_ones(corpus):
    p = pair(corpus.agreements.values(), "JP", "AU", [corpus.norms("tpp3"), corpus.norms("digital-core")], DAY)
    ids = [b.agreement.id for b in p.agreements]
    assert {"cptpp", "jpau", "rcep"} <= set(ids)
    assert "wto-ecommerce" in [n.agreement.id for n in p.not_binding]
    for r in p.rows:
        assert len(r.findings) == len(ids)
        assert V.Grade.NOT_APPLICABLE not in {f.grade for f in r.findings}  # both are parties to each
        assert V.Grade(r.strongest.grade).rank == max(V.Grade(f.grade).rank for f in r.findings)
    assert (p.row("tpp3.data-flows").strongest.agreement, p.row("tpp3.data-flows").strongest.grade) == ("cptpp", "met")


def test_a_draft_closes_the_gaps_it_fills(with_draft):
    c = with_draft
    p = pair(c.agreements.values(), "KR", "JP", [c.norms("tpp3")], DAY, drafts=[c.agreement("kjdpa-test")])
    assert [b.agreement.id for b in p.agreements] == ["ipef-sca", "rcep"]  # the draft is not binding, it is added
    assert [d.id for d in p.drafts] == ["kjdpa-test"]
    assert [(r.norm, r.effect, r.with_drafts.agreement, r.with_drafts.grade) for r in p.rows] == [
        ("tpp3.data-flows", "closes", "kjdpa-test", "met"),
        ("tpp3.computing-facilities", "closes", "kjdpa-test", "met"),
        ("tpp3.source-code", "closes", "kjdpa-test", "met"),
    ]
    assert (p.closes, p.narrows) == (3, 0)


def test_a_draft_must_be_between_the_two(with_draft):
    c = with_draft
    with pytest.raises(UsageError, match="draft `kjdpa-test` does not name SG as a party"):
        pair(c.agreements.values(), "KR", "SG", [c.norms("tpp3")], DAY, drafts=[c.agreement("kjdpa-test")])
    with pytest.raises(UsageError, match="not an ISO"):
        pair(c.agreements.values(), "KR", "XX", [c.norms("tpp3")], DAY)
