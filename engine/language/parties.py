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
