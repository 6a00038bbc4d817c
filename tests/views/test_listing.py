"""Listings for tools: what binds a country on a date, with whom and since when; norms and vocabularies."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import ROOT
from engine.language import vocab as V
from engine.rendering import render
from engine.views.listing import list_agreements, list_norms, list_predicates, list_topics

DAY = dt.date(2026, 11, 27)


def test_a_party_sees_only_its_agreements_with_the_date_each_binds_it(corpus):
    listing = list_agreements(corpus.agreements.values(), DAY, "JP")
    ids = [e.id for e in listing.agreements]
    assert "rcep" in ids and "cptpp" in ids and "ksdpa" not in ids and ids == sorted(ids)
    cptpp = next(e for e in listing.agreements if e.id == "cptpp")
    assert cptpp.since == dt.date(2018, 12, 30) and cptpp.binds is True and cptpp.short_name == "CPTPP"


def test_two_countries_see_what_binds_both_from_the_later_date(corpus):
    listing = list_agreements(corpus.agreements.values(), DAY, "JP", "KR")
    assert [(e.id, e.since) for e in listing.agreements] == [("ipef-sca", dt.date(2024, 4, 17)), ("rcep", dt.date(2022, 2, 1))]


def test_before_entry_into_force_an_agreement_does_not_bind(corpus):
    early = {e.id: e for e in list_agreements(corpus.agreements.values(), dt.date(2016, 1, 1), "JP").agreements}
    assert early["cptpp"].binds is False and early["jpau"].binds is True


def test_an_agreement_record_has_what_a_tool_needs(corpus):
    entry = next(e for e in list_agreements(corpus.agreements.values(), DAY).agreements if e.id == "cptpp")
    assert entry.kind and entry.status == V.Status.IN_FORCE and entry.coverage and entry.verification
    gb = next(d for d in entry.in_force if d.party == "GB")
    assert gb.date == dt.date(2024, 12, 15) and entry.since is None and entry.binds is None


@pytest.mark.parametrize("make", [
    lambda c: list_agreements(c.agreements.values(), DAY, "JP", "KR"),
    lambda c: list_norms(c.norm_sets.values()),
    lambda c: list_topics(),
    lambda c: list_predicates(),
])
def test_every_listing_validates_against_the_list_schema(corpus, make):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "engine" / "schemas" / "list.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(render(make(corpus), "json"))
    assert data["schema"] == {"name": "tradegap.list", "version": "2.1"}
    jsonschema.Draft202012Validator(schema).validate(data)
    assert render(make(corpus), "csv").count("\n") > 1


def test_topics_carry_their_part_and_predicates_their_arguments():
    topics = {w.id: w for w in list_topics().words}
    assert topics["cross-border-data"].part == V.TOPIC_PART["cross-border-data"]
    strength = next(w for w in list_predicates().words if w.id == "strength")
    assert strength.arguments == ("at-least", "STRENGTH")
