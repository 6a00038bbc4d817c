"""The gold codings of benchmarks/gold: every word a vocabulary word, every quote verbatim in ToTA.

The gold sets are the yardstick of the auto-coder (benchmarks/autocode_accuracy.py): coded by hand
from ToTA e-commerce chapters that are neither encoded in agreements/ nor used to write the rules.
The quote checks read ToTA from ../shared/tota and are skipped when it is absent.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from engine.language import vocab as V

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "benchmarks" / "gold"
TOTA = ROOT.parent / "shared" / "tota" / "xml"
# The ToTA files of the hand encodings (agreements/) and of the four the rules were written from.
NOT_GOLD = {f"pta_{n}.xml" for n in (1, 145, 146, 147, 148, 149, 150, 151, 152, 155, 159, 19, 20, 24, 3, 34, 343,
                                      351, 372, 379, 380, 397, 398, 399, 401, 404, 412, 425, 449, 47, 62)}
NEEDS_TOTA = pytest.mark.skipif(not TOTA.is_dir(), reason="ToTA is not at ../shared/tota (read at run time)")


def _reader():
    tomllib = pytest.importorskip("tomllib")  # noqa: F841 - Python 3.11+
    spec = importlib.util.spec_from_file_location("tradegap_gold_reader", GOLD / "reader.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def _all():
    return _reader().load_gold(folder=str(GOLD))


def test_the_sets_are_large_enough_and_apart():
    gold = _all()
    sets = {s: [g for g in gold if g.set == s] for s in ("dev", "test2")}
    assert {g.set for g in gold} == set(sets)
    assert sum(len(g.articles) for g in sets["dev"]) >= 80 and len(sets["dev"]) >= 5
    # the held-out set of the second round: at least 40 articles from at least 4 agreements
    assert sum(len(g.articles) for g in sets["test2"]) >= 40 and len(sets["test2"]) >= 4
    sources = [g.source for g in gold]
    assert len(sources) == len(set(sources))  # one file per agreement: no agreement in two sets
    assert not set(sources) & NOT_GOLD


def test_every_word_is_a_vocabulary_word():
    for g in _all():
        for a in g.articles:
            where = f"{os.path.basename(g.path)} art {a.number}"
            assert a.strength in V.STRENGTHS, where
            assert len({t.topic for t in a.topics}) == len(a.topics), where
            for t in a.topics:
                assert t.topic in V.TOPICS and t.strength in V.STRENGTHS, (where, t.topic, t.strength)
            for e in a.exceptions:
                assert e.kind in V.EXCEPTION_KINDS, (where, e.kind)
                assert set(e.qualifiers) <= set(V.EXCEPTION_QUALIFIERS), (where, e.qualifiers)


def test_every_coded_attribute_has_a_quote():
    for g in _all():
        for a in g.articles:
            where = f"{os.path.basename(g.path)} art {a.number}"
            assert all(t.quotes for t in a.topics), where
            assert all(e.quotes and all(e.qualifiers.values()) for e in a.exceptions), where
            if not a.topics:
                assert a.strength == V.Strength.ABSENT or a.strength_quotes, where


@NEEDS_TOTA
def test_every_quote_is_verbatim_in_its_tota_article():
    reader = _reader()
    for g in _all():
        texts = reader.tota_articles(str(TOTA / g.source))
        for a in g.articles:
            assert a.tota_id in texts, (g.source, a.number)
            _, title, text = texts[a.tota_id]
            assert reader.squash(title or "") == reader.squash(a.title), (g.source, a.number)
            body = reader.squash(text)
            quotes = [*a.strength_quotes, *(q for t in a.topics for q in t.quotes),
                      *(q for e in a.exceptions for q in (*e.quotes, *e.qualifiers.values()))]
            for q in quotes:
                assert reader.squash(q) in body, (g.source, a.number, q)


def test_a_quote_that_is_not_in_the_text_is_caught():
    reader = _reader()
    assert reader.squash("each  Party\nshall") in reader.squash("Each Party:  each Party shall act")
    assert reader.squash("each Party may") not in reader.squash("Each Party:  each Party shall act")
