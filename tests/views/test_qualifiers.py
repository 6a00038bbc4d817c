"""Comparison qualifiers: a held party's reason maps to its qualifier kind, with no prose in between."""

from __future__ import annotations

import datetime as dt

from engine.evaluation import context as F
from engine.language import model as M
from engine.language import vocab as V
from engine.views.compare import HELD_KIND, HELD_LABEL, qualifiers

DAY = dt.date(2026, 1, 1)


def test_every_held_reason_has_a_qualifier_kind_and_a_label():
    assert set(HELD_KIND) == set(V.HeldReason) == set(HELD_LABEL)


def test_each_way_of_holding_a_party_back_shows_as_its_own_kind():
    article = M.Article(
        "1", commitment=M.Commitment("best-endeavour"),
        transitions=(M.Transition(("KR",), M.Period(years=10)),),
        reservations=(M.Reservation(("VN",)),),
        dispute_settlement=(M.DisputeSettlement("shielded", ("KR", "VN"), M.Period(until=dt.date(2028, 1, 1))),),
        scope=(M.Scope("excludes", "broadcasting"), M.Scope("covers", "financial-services")),
        software=M.Software("mass-market-only"),
    )
    entries = (M.PartyEntry(dt.date(2020, 1, 1)), M.PartyEntry(dt.date(2027, 1, 1), ("JP",)))
    p = F.Placed(M.Agreement("a", parties=("JP", "KR", "VN"), in_force=entries), None, article)
    got = [(q.kind, q.text, q.parties) for q in qualifiers(p, F.Context(DAY))]
    assert got == [
        (V.QualifierKind.STRENGTH, "best endeavour", ()),
        (V.QualifierKind.DISPUTE_SETTLEMENT, "no dispute settlement for KR VN to 2028-01-01", ("KR", "VN")),
        (V.QualifierKind.NOT_IN_FORCE, "not in force for JP to 2027-01-01", ("JP",)),
        (V.QualifierKind.TRANSITION, "transition for KR to 2030-01-01", ("KR",)),
        (V.QualifierKind.RESERVATION, "reservation for VN", ("VN",)),
        (V.QualifierKind.EXCLUDES, "excludes broadcasting", ()),
        (V.QualifierKind.COVERS, "covers financial-services", ()),
        (V.QualifierKind.SOFTWARE, "mass-market software only", ()),
    ]


def test_exceptions_in_a_few_words():
    chapter = M.Chapter("14", exceptions=(M.Exception_("essential-security", ("self-judging", "non-disputable")),))
    article = M.Article("1", exceptions=(M.Exception_("public-policy", ("no-arbitrary-discrimination",)),
                                         M.Exception_("prudential",)))
    p = F.Placed(M.Agreement("a", dispute_settlement=(M.DisputeSettlement("excluded"),)), chapter, article)
    got = [(q.kind, q.text) for q in qualifiers(p, F.Context(DAY))]
    assert got == [
        (V.QualifierKind.STRENGTH, "no commitment"),
        (V.QualifierKind.EXCEPTION, "objective policy exception"),
        (V.QualifierKind.EXCEPTION, "prudential carve-out"),
        (V.QualifierKind.EXCEPTION, "non-disputable security exception"),
        (V.QualifierKind.DISPUTE_SETTLEMENT, "no dispute settlement"),
    ]
