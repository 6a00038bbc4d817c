"""Read the gold codings in benchmarks/gold/*.toml and the ToTA articles they code.

A gold file codes the e-commerce chapter of one ToTA agreement by hand: per article its number as
written, its ToTA article_identifier, and per topic the strength with the paragraph and a verbatim
quote, per exception its kind, qualifiers, paragraph and quotes.  The coding conventions are in
docs/importing.md ("The gold sets").  ToTA is read at run time from ../shared/tota; nothing of it
is copied here but the short quotes.

    from reader import load_gold, tota_articles
"""

from __future__ import annotations

import glob
import os
import re
import tomllib
from dataclasses import dataclass, field
from typing import Optional

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = ("dev", "test2")  # "test", the first held-out set, is in dev since it was run


@dataclass(frozen=True)
class GoldTopic:
    topic: str
    strength: str
    paragraph: Optional[str]
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class GoldException:
    kind: str
    qualifiers: dict  # qualifier -> its quote
    paragraph: Optional[str]
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class GoldArticle:
    number: str
    tota_id: str
    title: str
    topics: tuple[GoldTopic, ...]
    exceptions: tuple[GoldException, ...]
    strength: str  # the article's: given, or its strongest topic's
    strength_quotes: tuple[str, ...] = ()
    note: str = ""

    def topic_strengths(self) -> dict[str, str]:
        return {t.topic: t.strength for t in self.topics}


@dataclass(frozen=True)
class GoldAgreement:
    path: str
    source: str  # the ToTA file, e.g. pta_54.xml
    name: str
    set: str  # dev | test2
    articles: tuple[GoldArticle, ...] = field(default=())


_RANK = {"absent": 0, "hortatory": 1, "best-endeavour": 2, "binding": 3}


def _quotes(item: dict) -> tuple[str, ...]:
    if "quotes" in item:
        return tuple(item["quotes"])
    return (item["quote"],) if "quote" in item else ()


def _article(a: dict) -> GoldArticle:
    topics = tuple(GoldTopic(t["name"], t["strength"], t.get("paragraph"), _quotes(t)) for t in a.get("topic", ()))
    exceptions = tuple(GoldException(e["kind"], dict(e.get("qualifiers", {})), e.get("paragraph"), _quotes(e))
                       for e in a.get("exception", ()))
    strongest = max((t.strength for t in topics), key=lambda s: _RANK.get(s, 0), default="absent")
    given = (a["strength_quote"],) if "strength_quote" in a else ()
    return GoldArticle(str(a["number"]), str(a["tota_id"]), a.get("title", ""), topics, exceptions,
                       a.get("strength", strongest), given, a.get("note", ""))


def load_file(path: str) -> GoldAgreement:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    return GoldAgreement(path, data["source"], data.get("name", ""), data["set"],
                         tuple(_article(a) for a in data.get("article", ())))


def load_gold(which: Optional[str] = None, folder: str = HERE) -> list[GoldAgreement]:
    """Every gold agreement, or those of one set (``dev`` or ``test2``), in file-name order."""
    out = [load_file(p) for p in sorted(glob.glob(os.path.join(folder, "*.toml")))]
    return [g for g in out if which is None or g.set == which]


def tota_articles(xml_path: str) -> dict[str, tuple[str, Optional[str], str]]:
    """article_identifier -> (chapter title, article title, text) for every article of a ToTA file."""
    import xml.etree.ElementTree as ET  # ToTA files, trusted here (the importer uses defusedxml)

    root = ET.parse(xml_path).getroot()
    out = {}
    for ch in root.iter("chapter"):
        for a in ch.findall("article"):
            out[a.get("article_identifier") or ""] = (ch.get("name") or "", a.get("name"), "".join(a.itertext()))
    return out


def squash(text: str) -> str:
    """White space collapsed to one space (how quotes are compared with the text)."""
    return re.sub(r"\s+", " ", text).strip()
