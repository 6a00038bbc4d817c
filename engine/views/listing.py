"""Listings for tools: the agreements, norms and vocabularies of a corpus, as records (``tradegap list``).

An agreement's record carries what a script needs to pick agreements without reading their files: id,
short display name, title, kind, status, parties with the date each is bound from, coverage,
verification, its force on the date.  Seen from a party (``--party JP``), only the agreements it is a
party to, each with the date it binds that party from and whether it does on the date; with a second
country (``--with KR``), only those binding both, from the later of the two dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping, Optional, Sequence

import attrs

from engine._version import __version__
from engine.evaluation import context as F
from engine.language import model as M
from engine.language import names
from engine.language import vocab as V

LIST_SCHEMA = ("tradegap.list", "2.1")


@attrs.frozen
class PartyDate:
    """When an agreement binds one party: its entry into force (None: not written, or not known)."""

    party: str
    date: Optional[dt.date]
    known: bool = True  # False: the encoding says the date is not known (`in-force XX unknown`)


@attrs.frozen
class AgreementEntry:
    """One agreement, for a tool; ``since`` and ``binds`` concern the parties in view (empty: none in view)."""

    id: str
    short_name: str
    title: Optional[str]
    kind: Optional[str]
    status: Optional[str]
    parties: tuple[str, ...]
    in_force: tuple[PartyDate, ...]
    signed: Optional[dt.date]
    based_on: Optional[str]
    coverage: tuple[str, ...]
    verification: Optional[str]
    articles: int
    force: V.Force  # on the listing's date
    file: str = ""
    since: Optional[dt.date] = None  # the parties in view: bound from this date (the later of two)
    binds: Optional[bool] = None  # the parties in view: bound on the listing's date (None: none in view)


@attrs.frozen
class AgreementListing:
    """The agreements of a corpus, or those a party (and a second country) is party to."""

    engine_version: str
    as_of: dt.date
    party: Optional[str]
    with_party: Optional[str]
    agreements: tuple[AgreementEntry, ...]


@attrs.frozen
class NormEntry:
    """One norm with its set: ``tpp3.data-flows``, its title, topics and requirements as written."""

    id: str
    norm_set: str
    norm: str
    title: Optional[str]
    topics: tuple[str, ...]
    requirements: tuple[str, ...]
    set_title: Optional[str]
    set_version: Optional[str]


@attrs.frozen
class NormListing:
    """Every norm of every norm set."""

    engine_version: str
    norms: tuple[NormEntry, ...]


@attrs.frozen
class WordEntry:
    """A word of a vocabulary with its meaning (a topic's part of the treaty; a predicate's arguments)."""

    id: str
    meaning: str
    part: Optional[str] = None
    arguments: tuple[str, ...] = ()


@attrs.frozen
class WordListing:
    """A vocabulary: ``topics``, ``predicates`` ..."""

    engine_version: str
    vocabulary: str
    words: tuple[WordEntry, ...]


def _dates(a: M.Agreement) -> tuple[PartyDate, ...]:
    return tuple(PartyDate(p, a.entry_into_force(p), not a.entry_unknown(p)) for p in a.parties)


def _since(a: M.Agreement, parties: Sequence[str]) -> Optional[dt.date]:
    dates = [a.entry_into_force(p) for p in parties]
    known = [d for d in dates if d is not None]
    return max(known) if known and len(known) == len(dates) else None


def binds(a: M.Agreement, parties: Sequence[str], as_of: dt.date) -> bool:
    """Whether the agreement binds every one of ``parties`` on the date: in force, and in force for each."""
    if F.force(a, as_of) != V.Force.IN_FORCE:
        return False
    for p in parties:
        date = a.entry_into_force(p)
        if a.entry_unknown(p) or (date is not None and date > as_of):
            return False
    return True


def agreement_entry(a: M.Agreement, as_of: dt.date, parties: Sequence[str] = ()) -> AgreementEntry:
    """An agreement's record on the date; ``parties``: the countries in view."""
    return AgreementEntry(a.id, names.short(a.id), a.title, a.kind, a.status, a.parties, _dates(a), a.signed,
                          a.based_on, F.covered_parts(a), a.verification, len(a.all_articles()),
                          F.force(a, as_of), a.span.file, _since(a, parties) if parties else None,
                          binds(a, parties, as_of) if parties else None)


def list_agreements(agreements: Iterable[M.Agreement], as_of: Optional[dt.date] = None,
                    party: Optional[str] = None, with_party: Optional[str] = None) -> AgreementListing:
    """The agreements (by id), or those ``party`` (and ``with_party``) is a party to, on the date."""
    day = F.on_date(as_of)
    view = tuple(p for p in (party, with_party) if p)
    chosen = sorted((a for a in agreements if all(p in a.parties for p in view)), key=lambda a: a.id)
    return AgreementListing(__version__, day, party, with_party, tuple(agreement_entry(a, day, view) for a in chosen))


def list_norms(norm_sets: Iterable[M.NormSet]) -> NormListing:
    """Every norm of the sets (sets by id, norms in their order)."""
    from engine.language.predicates import requirement_text

    return NormListing(__version__, tuple(
        NormEntry(f"{ns.id}.{n.id}", ns.id, n.id, n.title, n.topics, tuple(requirement_text(r) for r in n.requirements),
                  ns.title, ns.version)
        for ns in sorted(norm_sets, key=lambda x: x.id) for n in ns.norms))


def list_words(vocabulary: str, table: Mapping[str, str]) -> WordListing:
    """A vocabulary's words with their meanings, sorted."""
    return WordListing(__version__, vocabulary, tuple(WordEntry(w, table[w]) for w in sorted(table)))


def list_topics() -> WordListing:
    """The topics, each with its meaning and the part of the treaty it stands in."""
    return WordListing(__version__, "topics", tuple(WordEntry(t, V.TOPICS[t], V.TOPIC_PART.get(t))
                                                     for t in sorted(V.TOPICS)))


def list_predicates() -> WordListing:
    """The predicates of the norm language, each with its meaning and its arguments."""
    from engine.language.predicates import PREDICATES

    return WordListing(__version__, "predicates", tuple(WordEntry(k, s.meaning, None, s.args)
                                                         for k, s in sorted(PREDICATES.items())))
