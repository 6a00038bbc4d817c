"""Short display names of agreements: ``CPTPP``, ``US-Japan DTA``, as a brief writes them.

Headings and the column heads of matrices show these; JSON, CSV and every place a user types an id keep
the id.  The table is keyed by agreement id; an agreement it does not hold is shown by its id in capitals
(``kjdpa`` -> ``KJDPA``).  A ``short`` statement in the agreement language would let an encoding carry its
own name; until then this table is the one place a short name is written.
"""

from __future__ import annotations

from typing import Mapping

SHORT: Mapping[str, str] = {
    "cptpp": "CPTPP",
    "rcep": "RCEP",
    "usjdta": "US-Japan DTA",
    "depa": "DEPA",
    "ksdpa": "KSDPA",
    "usmca": "USMCA",
    "jpeu": "EU-Japan EPA",
    "jpuk": "Japan-UK CEPA",
    "jpch": "Japan-Switzerland EPA",
    "jpmn": "Japan-Mongolia EPA",
    "jpau": "Japan-Australia EPA",
    "wto-ecommerce": "WTO e-commerce",
    "depa-protocol": "DEPA Protocol",
    "ipef-sca": "IPEF Supply Chain Agreement",
    "jpus-cma": "Japan-US Critical Minerals",
    "jp-asean": "ASEAN-Japan CEPA",
    "jpbn": "Japan-Brunei EPA",
    "jpcl": "Japan-Chile EPA",
    "jpid": "Japan-Indonesia EPA",
    "jpin": "Japan-India CEPA",
    "jpmx": "Japan-Mexico EPA",
    "jpmy": "Japan-Malaysia EPA",
    "jppe": "Japan-Peru EPA",
    "jpph": "Japan-Philippines EPA",
    "jpsg": "Japan-Singapore EPA",
    "jpth": "Japan-Thailand EPA",
    "jpvn": "Japan-Viet Nam EPA",
    "kr-asean": "ASEAN-Korea FTA",
    "kr-efta": "EFTA-Korea FTA",
    "krau": "Korea-Australia FTA",
    "krca": "Korea-Canada FTA",
    "krcl": "Korea-Chile FTA",
    "krcn": "Korea-China FTA",
    "krco": "Korea-Colombia FTA",
    "kreu": "EU-Korea FTA",
    "krin": "Korea-India CEPA",
    "krnz": "Korea-New Zealand FTA",
    "krpe": "Korea-Peru FTA",
    "krtr": "Korea-Turkey FTA",
    "krus": "KORUS",
    "krvn": "Korea-Viet Nam FTA",
}


def short(ident: str) -> str:
    """The short display name of an agreement id (the id in capitals when the table has none)."""
    return SHORT.get(ident, ident.upper())


def labelled(ident: str) -> str:
    """``RCEP`` (the id, in capitals, is the name) or ``US-Japan DTA (usjdta)`` (the id, to type, after it)."""
    name = short(ident)
    return name if name.casefold() == ident.casefold() else f"{name} ({ident})"
