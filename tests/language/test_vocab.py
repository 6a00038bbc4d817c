"""The topic vocabulary: every topic stands in one part of a treaty, and supply chains are not e-commerce."""

from __future__ import annotations

from engine.language import vocab as V

SUPPLY_CHAIN_TOPICS = ("critical-goods-identification", "supply-chain-investment", "supply-chain-information-sharing",
                       "crisis-response", "supply-chain-logistics", "supply-chain-labour-rights",
                       "supply-chain-transparency", "critical-minerals", "critical-goods-export-restrictions",
                       "supply-chain-bodies")


def test_every_topic_has_exactly_the_parts_table_entry_and_no_other():
    assert set(V.TOPIC_PART) == set(V.TOPICS)
    assert all(isinstance(p, V.Part) for p in V.TOPIC_PART.values())


def test_every_topic_has_a_meaning():
    assert all(meaning.strip() for meaning in V.TOPICS.values())


def test_supply_chain_topics_stand_outside_electronic_commerce():
    parts = {t: V.TOPIC_PART[t] for t in SUPPLY_CHAIN_TOPICS}
    assert V.Part.ELECTRONIC_COMMERCE not in parts.values()
    assert parts["supply-chain-labour-rights"] == V.Part.LABOUR
    assert parts["critical-goods-export-restrictions"] == V.Part.TRADE_IN_GOODS
    assert {t for t, p in parts.items() if p == V.Part.SUPPLY_CHAINS} == set(SUPPLY_CHAIN_TOPICS) - {
        "supply-chain-labour-rights", "critical-goods-export-restrictions"}


def test_every_part_has_a_topic():
    used = set(V.TOPIC_PART.values())
    assert set(V.Part) == used
