"""Party codes: ISO 3166-1 alpha-2 (canonical) and alpha-3, with names, from pycountry.

Codes outside ISO 3166-1 proper that trade agreements need (the European
Union, exceptionally reserved as ``EU``) are added here, and only here.
"""

from __future__ import annotations

import functools
from typing import Optional

_EXTRA = {"EU": ("EUE", "European Union")}


@functools.lru_cache(maxsize=None)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    import pycountry

    names: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    for c in pycountry.countries:
        names[c.alpha_2] = getattr(c, "common_name", None) or c.name
        alpha3[c.alpha_3] = c.alpha_2
    for a2, (a3, name) in _EXTRA.items():
        names[a2] = name
        alpha3[a3] = a2
    return names, alpha3


def canonical(code: str) -> Optional[str]:
    """The alpha-2 code for an alpha-2 or alpha-3 code, or None if unknown."""
    names, alpha3 = _tables()
    if len(code) == 2:
        return code if code in names else None
    return alpha3.get(code)


def name(code: str) -> str:
    """The short English name of a party (the code itself if unknown)."""
    names, _ = _tables()
    c = canonical(code)
    return names.get(c, code) if c else code


def known_codes() -> tuple[str, ...]:
    names, _ = _tables()
    return tuple(sorted(names))


# ---------------------------------------------------------------- countries by name

# Names people write that pycountry does not hold (its names, official names, common names and the
# inverted form of a name written "Korea, Republic of" are taken as they are).  Keys are normalised
# (:func:`_normal`): lower case, no accents, no punctuation.  Korea alone means the Republic of Korea, as
# in trade texts; no alias is added where a name is ambiguous.
ALIASES: dict[str, str] = {
    "korea": "KR", "republic of korea": "KR", "s korea": "KR", "rok": "KR",
    "vietnam": "VN", "lao pdr": "LA", "laos": "LA", "brunei": "BN", "burma": "MM",
    "russia": "RU", "turkey": "TR", "turkiye": "TR", "taiwan": "TW", "chinese taipei": "TW",
    "hong kong china": "HK", "macau": "MO", "macao": "MO", "prc": "CN", "mainland china": "CN",
    "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "usa": "US", "america": "US", "united states": "US", "us of america": "US",
    "eu": "EU", "european union": "EU", "europe": "EU",
    "czech republic": "CZ", "holland": "NL", "ivory coast": "CI", "swaziland": "SZ", "cape verde": "CV",
    "east timor": "TL", "uae": "AE", "emirates": "AE", "iran": "IR", "syria": "SY", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "north macedonia": "MK",
}


def _normal(text: str) -> str:
    """``Côte d'Ivoire`` -> ``cote divoire``; ``the Philippines`` -> ``philippines``."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    plain = re.sub(r"[.'’]", "", plain)
    words = re.sub(r"[^a-z0-9]+", " ", plain).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _inverted(name: str) -> Optional[str]:
    """``Korea, Republic of`` -> ``Republic of Korea``."""
    head, sep, tail = name.partition(", ")
    return f"{tail} {head}" if sep and "," not in tail else None


@functools.lru_cache(maxsize=None)
def _by_name() -> dict[str, str]:
    import pycountry

    table: dict[str, str] = {}
    for c in pycountry.countries:
        for written in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            for form in (written, _inverted(written) if written else None):
                if form:
                    table.setdefault(_normal(form), c.alpha_2)
    for a2, (_, written) in _EXTRA.items():
        table.setdefault(_normal(written), a2)
    return {**table, **ALIASES}


def lookup(text: str) -> Optional[str]:
    """The alpha-2 code for a country given as an alpha-2 or alpha-3 code (any case) or by a name in any
    common form (``Japan``, ``Korea``, ``Republic of Korea``, ``South Korea``, ``Viet Nam``/``Vietnam``);
    None if it is none of these."""
    word = text.strip()
    if word.isalpha() and len(word) in (2, 3):
        code = canonical(word.upper())
        if code is not None:
            return code
    return _by_name().get(_normal(word))


def suggest(text: str) -> Optional[str]:
    """``KR (South Korea)``: the nearest country to a name that is none, or None."""
    import difflib

    names = _by_name()
    close = difflib.get_close_matches(_normal(text), list(names), n=1, cutoff=0.75)
    return f"{names[close[0]]} ({name(names[close[0]])})" if close else None
