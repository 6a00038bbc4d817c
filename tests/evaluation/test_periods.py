"""Who is bound, and since when: extendable and event periods, unknown entry into force, paragraph holds."""

from __future__ import annotations

import datetime as dt

import attrs

from engine.evaluation import context as F
from engine.evaluation.evaluator import BINDS_ALL, evaluate
from engine.evaluation.predicates import held_text
from engine.language import model as M
from engine.language import vocab as V

START = dt.date(2022, 1, 1)


def _placed(*, transitions=(), reservations=(), dispute_settlement=(), in_force=(M.PartyEntry(START),)):
    article = M.Article("1", topics=("cross-border-data",), commitment=M.Commitment("binding"),
                        transitions=transitions, reservations=reservations, dispute_settlement=dispute_settlement)
    return F.Placed(M.Agreement("a", parties=("KH", "JP", "MM"), status="in-force", in_force=in_force), None, article)


def test_an_extendable_period_holds_the_party_until_its_possible_end_and_names_both():
    p = _placed(transitions=(M.Transition(("KH",), M.Period(years=5, extension_years=3)),))
    (early,) = F.not_bound(p, F.Context(dt.date(2026, 6, 1)))
    assert (early.until, early.possibly_until) == (dt.date(2027, 1, 1), dt.date(2030, 1, 1))
    assert held_text([early], dt.date(2026, 6, 1)) == "KH: transition period until 2027-01-01, possibly until 2030-01-01"
    (late,) = F.not_bound(p, F.Context(dt.date(2028, 6, 1)))
    assert late.extended(dt.date(2028, 6, 1))
    assert held_text([late], dt.date(2028, 6, 1)) == ("KH: transition period, possibly extended until 2030-01-01 "
                                                      "(first period ended 2027-01-01)")
    assert F.not_bound(p, F.Context(dt.date(2030, 1, 1))) == ()


def _rcep_extendable(rcep: M.Agreement) -> M.Agreement:
    """RCEP with the 12.14 / 12.15 transitions of KH LA MM written `years 5 extendable 3` (fns 11 and 13)."""
    def extend(t: M.Transition) -> M.Transition:
        return attrs.evolve(t, period=M.Period(years=5, extension_years=3)) if "KH" in t.parties else t

    def article(a: M.Article) -> M.Article:
        if a.number not in ("12.14", "12.15"):
            return a
        return attrs.evolve(a, transitions=tuple(extend(t) for t in a.transitions))
    return attrs.evolve(rcep, chapters=tuple(attrs.evolve(ch, articles=tuple(article(a) for a in ch.articles))
                                              for ch in rcep.chapters))


def test_rcep_data_flows_for_cambodia_in_2028_are_not_met_and_name_2030(corpus):
    rcep = _rcep_extendable(corpus.agreement("rcep"))
    f = evaluate(rcep, corpus.norms("tpp3"), dt.date(2028, 6, 1), party="KH").finding("rcep", "tpp3.data-flows")
    assert f.grade != V.Grade.MET
    binds = next(r for r in f.reasons if r.requirement == BINDS_ALL)
    assert "2030-01-01" in binds.detail and "possibly extended" in binds.detail
    assert binds.evidence[0].citation == "Art. 12.15, fn 13" and "additional three years" in binds.evidence[0].quote
    after = evaluate(rcep, corpus.norms("tpp3"), dt.date(2030, 6, 1), party="KH").finding("rcep", "tpp3.data-flows")
    assert BINDS_ALL not in [r.requirement for r in after.reasons]


def test_an_event_period_holds_until_the_event_and_names_it():
    event = M.Period(event="its personal data law is implemented")
    p = _placed(reservations=(M.Reservation(("MM",), event),))
    (held,) = F.not_bound(p, F.Context(dt.date(2040, 1, 1)))
    assert (held.until, held.event) == (None, "its personal data law is implemented")
    assert held.describe() == "reservation until its personal data law is implemented"
    dated = _placed(reservations=(M.Reservation(("MM",), attrs.evolve(event, until=dt.date(2026, 1, 1))),))
    (before,) = F.not_bound(dated, F.Context(dt.date(2025, 6, 1)))
    assert before.describe() == "reservation until its personal data law is implemented (2026-01-01)"
    assert F.not_bound(dated, F.Context(dt.date(2026, 1, 1))) == ()


def test_an_unknown_entry_into_force_holds_the_party_and_is_never_defaulted():
    p = _placed(in_force=(M.PartyEntry(START), M.PartyEntry(None, ("MM",))))
    (held,) = F.not_bound(p, F.Context(dt.date(2026, 1, 1)))
    assert (held.party, held.reason, held.until) == ("MM", V.HeldReason.ENTRY_UNKNOWN, None)
    assert held.describe() == "its entry into force is not known"


def test_myanmar_with_an_unknown_entry_into_force_is_not_bound_by_rcep(corpus):
    rcep = corpus.agreement("rcep")
    rcep = attrs.evolve(rcep, in_force=rcep.in_force + (M.PartyEntry(None, ("MM",)),))
    assert rcep.entry_unknown("MM")
    f = evaluate(rcep, corpus.norms("trust"), dt.date(2026, 11, 30), party="MM").finding("rcep", "trust.cybersecurity")
    binds = next(r for r in f.reasons if r.requirement == BINDS_ALL)
    assert binds.detail == "MM: its entry into force is not known" and binds.parties == ("MM",)
    (ev,) = binds.evidence
    assert ev.absent and ev.citation == "Agreement"


def test_a_paragraph_transition_holds_the_party_for_that_paragraph():
    t = M.Transition(("KH",), M.Period(years=5), paragraph="1(a)")
    (held,) = F.not_bound(_placed(transitions=(t,)), F.Context(dt.date(2023, 1, 1)))
    assert held.paragraph == "1(a)"
    assert held.describe() == "transition period until 2027-01-01 for para 1(a)"


def test_an_extendable_shield_holds_dispute_settlement_back_until_its_possible_end():
    shield = M.DisputeSettlement("shielded", ("JP",), M.Period(years=2, extension_years=1))
    p = _placed(dispute_settlement=(shield,))
    (held,) = F.enforcement(p, F.Context(dt.date(2024, 6, 1))).shielded
    assert (held.until, held.possibly_until, held.reason) == (dt.date(2024, 1, 1), dt.date(2025, 1, 1),
                                                             V.HeldReason.SHIELDED)
    assert F.enforcement(p, F.Context(dt.date(2025, 1, 1))).shielded == ()
