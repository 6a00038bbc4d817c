"""The pair view: what binds two countries to each other on a date.

An agreement binds both when both are parties, it is in force (status
``in-force``, or none given) and it has entered into force for each of them
by the date.  Each binding agreement is evaluated between the two alone: the
other parties' transitions, reservations and shields do not count, the two
countries' own do.  For each norm the strongest commitment between them is
the best finding across those agreements (best grade, then fewest failed
requirements, then strongest article, then agreement id), with the agreement
and article it comes from.

Drafts added with ``drafts`` are evaluated the same way, as if in force,
and each norm says what they would change: a gap closed, or narrowed.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional, Sequence

import attrs

from engine.evaluation import context as F
from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.evaluation.evaluator import evaluate_norm
from engine.evaluation.findings import AgreementInfo, Finding, NormSetInfo

PAIR_SCHEMA = ("tradegap.pair", "1.0")

_GRADE_RANK = {"met": 0, "partial": 1, "unmet": 2, "not-applicable": 3}


@attrs.frozen
class Binding:
    """An agreement that binds both countries on the date, with each one's entry into force."""

    agreement: AgreementInfo
    in_force_x: Optional[dt.date]
    in_force_y: Optional[dt.date]


@attrs.frozen
class NotBinding:
    """An agreement both countries are party to that does not bind them on the date, and why."""

    agreement: AgreementInfo
    why: str


@attrs.frozen
class PairRow:
    """One norm between the two: every agreement's finding, the strongest, and the drafts' effect."""

    norm: str
    norm_title: Optional[str]
    findings: tuple[Finding, ...]  # one per binding agreement, in the order of Pair.agreements
    strongest: Optional[Finding]  # None when no agreement binds both
    draft_findings: tuple[Finding, ...] = ()  # one per draft, in the order of Pair.drafts
    with_drafts: Optional[Finding] = None  # the strongest once the drafts are in force
    effect: Optional[str] = None  # closes | narrows | None (drafts change nothing here)


@attrs.frozen
class Pair:
    """Two countries, a date, the agreements that bind them and the strongest commitment per norm."""

    engine_version: str
    as_of: dt.date
    x: str
    y: str
    agreements: tuple[Binding, ...]
    not_binding: tuple[NotBinding, ...]
    drafts: tuple[AgreementInfo, ...]
    norm_sets: tuple[NormSetInfo, ...]
    rows: tuple[PairRow, ...]
    closes: int = 0
    narrows: int = 0

    def row(self, norm: str) -> PairRow:
        """The row for a ``set.norm`` reference."""
        for r in self.rows:
            if r.norm == norm:
                return r
        raise KeyError(f"no row for {norm}")


def _info(a: M.Agreement) -> AgreementInfo:
    return AgreementInfo(a.id, a.title, a.status, a.parties, a.based_on, a.entry_into_force())


def between(agreement: M.Agreement, x: str, y: str) -> M.Agreement:
    """The agreement as it stands between ``x`` and ``y`` alone (the other parties left out)."""
    return attrs.evolve(agreement, parties=tuple(p for p in agreement.parties if p in (x, y)))


def binds_both(agreement: M.Agreement, x: str, y: str, as_of: dt.date) -> Optional[str]:
    """None if the agreement binds both on the date, else why not."""
    missing = [p for p in (x, y) if p not in agreement.parties]
    if missing:
        return f"{' and '.join(missing)} not a party"
    if agreement.status not in ("in-force", None):
        return f"status {agreement.status}"
    for p in (x, y):
        eif = agreement.entry_into_force(p)
        if eif is None:
            return f"no entry into force given for {p}"
        if as_of < eif:
            return f"not in force for {p} until {eif.isoformat()}"
    return None


def _strength(f: Finding) -> int:
    return V.STRENGTH_ORDER.index(f.candidates[0].strength) if f.candidates else 0


def strongest(findings: Iterable[Finding]) -> Optional[Finding]:
    """The best finding: best grade, fewest failed requirements, strongest article, then agreement id."""
    return min(findings, key=lambda f: (_GRADE_RANK[f.grade], len(f.reasons), -_strength(f), f.agreement),
               default=None)


def _effect(before: Optional[Finding], after: Optional[Finding]) -> Optional[str]:
    """What adding the drafts does to the strongest finding: closes a gap, narrows it, or nothing."""
    if after is None or after is before:
        return None
    if before is None:
        return {"met": "closes", "partial": "narrows"}.get(after.grade)
    if before.grade != "met" and after.grade == "met":
        return "closes"
    if _GRADE_RANK[after.grade] < _GRADE_RANK[before.grade] or (
            after.grade == before.grade and len(after.reasons) < len(before.reasons)):
        return "narrows"
    return None


def pair(agreements: Iterable[M.Agreement], x: str, y: str, norm_sets: Sequence[M.NormSet],
         as_of: Optional[dt.date] = None, drafts: Sequence[M.Agreement] = ()) -> Pair:
    """The pair view of ``x`` and ``y`` over resolved ``agreements`` (drafts: what they would change).

    Party codes may be alpha-2 or alpha-3; unknown codes raise ValueError,
    as does a draft that does not name both countries as parties.
    """
    from engine._version import __version__

    codes = []
    for code in (x, y):
        c = P.canonical(code.upper())
        if c is None:
            raise ValueError(f"`{code}` is not an ISO 3166-1 party code")
        codes.append(c)
    x, y = codes
    if x == y:
        raise ValueError("a pair needs two different countries")
    day = as_of or dt.date.today()
    ctx = F.Context(day)
    draft_ids = {d.id for d in drafts}
    for d in drafts:
        if x not in d.parties or y not in d.parties:
            raise ValueError(f"draft `{d.id}` does not name both {x} and {y} as parties")
    binding: list[M.Agreement] = []
    not_binding: list[NotBinding] = []
    for a in sorted(agreements, key=lambda a: a.id):
        if a.id in draft_ids:
            continue
        why = binds_both(a, x, y, day)
        if why is None:
            binding.append(a)
        elif x in a.parties and y in a.parties:
            not_binding.append(NotBinding(_info(a), why))
    views = [between(a, x, y) for a in binding]
    draft_views = [between(d, x, y) for d in drafts]
    rows = []
    for ns in norm_sets:
        for n in ns.norms:
            found = tuple(evaluate_norm(a, ns, n, ctx) for a in views)
            best = strongest(found)
            row = PairRow(f"{ns.id}.{n.id}", n.title, found, best)
            if draft_views:
                dfound = tuple(evaluate_norm(d, ns, n, ctx) for d in draft_views)
                after = strongest(found + dfound)
                row = attrs.evolve(row, draft_findings=dfound, with_drafts=after, effect=_effect(best, after))
            rows.append(row)
    return Pair(
        __version__, day, x, y,
        tuple(Binding(_info(a), a.entry_into_force(x), a.entry_into_force(y)) for a in binding),
        tuple(not_binding), tuple(_info(d) for d in drafts),
        tuple(NormSetInfo(ns.id, ns.title, ns.version, ns.source) for ns in norm_sets),
        tuple(rows),
        sum(1 for r in rows if r.effect == "closes"), sum(1 for r in rows if r.effect == "narrows"),
    )
