"""Countries by code or by name, and the short display names of agreements."""

from __future__ import annotations

import pytest

from engine.language import names
from engine.language import parties as P


@pytest.mark.parametrize("written, code", [
    ("JP", "JP"), ("jpn", "JP"), ("Japan", "JP"), ("Korea", "KR"), ("Republic of Korea", "KR"),
    ("South Korea", "KR"), ("Korea, Republic of", "KR"), ("Viet Nam", "VN"), ("Vietnam", "VN"), ("UK", "GB"),
    ("United Kingdom", "GB"), ("USA", "US"), ("Lao PDR", "LA"), ("Côte d'Ivoire", "CI"), ("the Philippines", "PH"),
    ("EU", "EU"), ("European Union", "EU"), ("Türkiye", "TR"), ("turkey", "TR"),
])
def test_a_country_is_found_by_code_or_by_any_common_name(written, code):
    assert P.lookup(written) == code


@pytest.mark.parametrize("written", ["XX", "Kroea", "", "Atlantis"])
def test_an_unknown_name_is_none(written):
    assert P.lookup(written) is None


def test_a_misspelt_name_gets_a_suggestion():
    assert P.suggest("Kroea") == "KR (South Korea)" and P.suggest("zzzz") is None


def test_short_names_come_from_the_table_else_the_id_in_capitals():
    assert names.short("usjdta") == "US-Japan DTA" and names.short("cptpp") == "CPTPP"
    assert names.short("kjdpa") == "KJDPA"
    assert names.labelled("rcep") == "RCEP" and names.labelled("jpeu") == "EU-Japan EPA (jpeu)"


def test_every_bundled_agreement_has_a_short_name(corpus):
    assert set(corpus.agreements) <= set(names.SHORT)
