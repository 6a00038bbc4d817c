"""The context of an article: why a party is held back, and the topic index."""

from __future__ import annotations

import datetime as dt

from engine.evaluation import context as F
from engine.language import model as M
from engine.language import vocab as V

DAY = dt.date(2026, 1, 1)


def test_a_held_party_says_why_in_the_words_of_its_reason():
    transition = M.Transition(("KR",), M.Period(years=10))
    reservation = M.Reservation(("VN",))
    shield = M.DisputeSettlement("shielded", ("KR",))
    article = M.Article("1", transitions=(transition,), reservations=(reservation,), dispute_settlement=(shield,))
    entries = (M.PartyEntry(dt.date(2020, 1, 1)), M.PartyEntry(dt.date(2027, 1, 1), ("JP",)))
    p = F.Placed(M.Agreement("a", parties=("JP", "KR", "VN"), in_force=entries), None, article)
    held = F.not_bound(p, F.Context(DAY))
    assert [(h.party, h.reason) for h in held] == [
        ("JP", V.HeldReason.NOT_IN_FORCE), ("KR", V.HeldReason.TRANSITION), ("VN", V.HeldReason.RESERVATION)]
    assert [h.why for h in held] == ["the agreement is not yet in force for it", "transition period", "reservation"]
    (shielded,) = F.enforcement(p, F.Context(DAY)).shielded
    assert shielded.reason is V.HeldReason.SHIELDED and shielded.why == "shielded from dispute settlement"


def test_the_topic_index_finds_articles_on_any_topic_in_their_order():
    a1 = M.Article("1", topics=("source-code", "cooperation"))
    a2 = M.Article("2", topics=("cross-border-data",))
    a3 = M.Article("3", topics=("cooperation",))
    index = F.TopicIndex.of(M.Agreement("a", chapters=(M.Chapter("1", articles=(a2, a3)),), articles=(a1,)))
    assert [p.article.number for p in index.on(("cooperation", "cross-border-data"))] == ["1", "2", "3"]
    assert index.on(("fintech",)) == ()
    assert [p.chapter.number if p.chapter else None for p in index.placed] == [None, "1", "1"]
