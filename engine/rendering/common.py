"""What every format says the same way, and the tables the registry is built from.

No format module imports another: the wording two formats share lives here
(grade words and marks, the headers every result opens with, party lists,
change and precedent lines), with :mod:`engine.rendering.safe` making text
inert and :mod:`engine.rendering.grid` laying out wide terminal tables.
Strings here are *not* escaped: each format escapes them as it writes them.

The result types of the views (comparison, diff, pair, precedents) are
looked up on first use only (:class:`ByType`): importing those modules costs
a warm ``tradegap report`` about 20 ms that it does not need.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Callable, Generic, Iterable, Mapping, Optional, Sequence, TypeVar

import attrs

from engine.evaluation.findings import REPORT_SCHEMA, Finding, NormSetInfo, Report
from engine.language import parties as P
from engine.language import vocab as V

if TYPE_CHECKING:
    from engine.views.compare import Comparison
    from engine.views.diff import ArticleChange, Change, Diff, GradeChange
    from engine.views.pair import Pair
    from engine.views.precedents import Precedent, Suggestion

T = TypeVar("T")

# ---------------------------------------------------------------- the registry's tables


@attrs.frozen
class ByType(Generic[T]):
    """Values keyed by result type, found through the type's bases too.

    ``first`` holds the evaluator's types (always imported by then); ``later``
    returns the views' types, importing them on its first call (cache it).
    """

    first: Mapping[type, T]
    later: Callable[[], Mapping[type, T]]

    def get(self, kind: type) -> Optional[T]:
        """The value for ``kind`` or its nearest base; None if there is none."""
        found = _lookup(self.first, kind)
        return found if found is not None else _lookup(self.later(), kind)

    def types(self) -> list[type]:
        """Every type with a value, the evaluator's first."""
        return [*self.first, *self.later()]


def _lookup(table: Mapping[type, T], kind: type) -> Optional[T]:
    for cls in kind.__mro__:
        if cls in table:
            return table[cls]
    return None


Renderer = Callable[[Any], str]


@attrs.frozen
class Format:
    """An output format: its renderer for each result type, and for a list of precedents alone."""

    name: str
    renderers: ByType[Renderer]
    suggestions: Callable[[Sequence[Suggestion]], str]


Schema = tuple[str, str]

EXPLANATION_SCHEMA: Schema = ("tradegap.explanation", "1.0")  # a Finding with its trace (`tradegap explain`)
PRECEDENTS_SCHEMA: Schema = ("tradegap.precedents", "1.0")  # a list of Suggestion


@functools.cache
def _view_schemas() -> Mapping[type, Schema]:
    from engine.views.compare import COMPARISON_SCHEMA, Comparison
    from engine.views.diff import DIFF_SCHEMA, Diff
    from engine.views.pair import PAIR_SCHEMA, Pair
    from engine.views.precedents import Suggestion

    return {Comparison: COMPARISON_SCHEMA, Diff: DIFF_SCHEMA, Pair: PAIR_SCHEMA, Suggestion: PRECEDENTS_SCHEMA}


SCHEMAS: ByType[Schema] = ByType({Report: REPORT_SCHEMA, Finding: EXPLANATION_SCHEMA}, _view_schemas)


def schema(kind: type) -> Schema:
    """The JSON schema (name, version) of a result type, from the constant beside the type."""
    found = SCHEMAS.get(kind)
    if found is None:
        raise TypeError(f"no JSON schema for {kind.__name__}")
    return found


def schema_words(kind: type) -> str:
    """``schema tradegap.report 1.0``."""
    name, version = schema(kind)
    return f"schema {name} {version}"


# ---------------------------------------------------------------- grades

# In the order legends and counts list them.
GRADE_LABEL: Mapping[str, str] = {V.Grade.MET: V.Grade.MET.value, V.Grade.PARTIAL: V.Grade.PARTIAL.value,
                                  V.Grade.UNMET: V.Grade.UNMET.value, V.Grade.NOT_APPLICABLE: "n/a"}
GRADE_MARK: Mapping[str, str] = {V.Grade.MET: "✓", V.Grade.PARTIAL: "~", V.Grade.UNMET: "✗",
                                 V.Grade.NOT_APPLICABLE: "-"}
GRADE_CSS: Mapping[Optional[str], str] = {V.Grade.MET: "g-met", V.Grade.PARTIAL: "g-partial",
                                          V.Grade.UNMET: "g-unmet", V.Grade.NOT_APPLICABLE: "g-na", None: "g-none"}
# The legend's wording (the HTML page): it says "binds every party" where V.Grade.MET.meaning says
# "for every party", and words partial and unmet differently too; kept so that the pages do not change.
GRADE_MEANING: Mapping[str, str] = {
    V.Grade.MET: "an article meets every requirement and binds every party on the date",
    V.Grade.PARTIAL: "an article addresses it but some requirement fails, or it does not yet bind some parties",
    V.Grade.UNMET: "no article addresses it, or an essential requirement fails",
    V.Grade.NOT_APPLICABLE: "the party in view is not a party to the agreement",
}
GAPS: frozenset[str] = frozenset({V.Grade.PARTIAL, V.Grade.UNMET})  # grades a report's gaps have


def grade_words(grade: str) -> str:
    """``✓ met``."""
    return f"{GRADE_MARK[grade]} {GRADE_LABEL[grade]}"


def unmet_note(finding: Finding) -> str:
    """Why a finding is unmet, when it is for want of an article or of an essential requirement."""
    if finding.unmet_because == V.UnmetBecause.NO_ARTICLE:
        return "no article addresses it"
    if finding.unmet_because == V.UnmetBecause.ESSENTIAL_REQUIREMENT:
        return "an essential requirement fails"
    return ""


# ---------------------------------------------------------------- headers


def party_list(codes: Iterable[str]) -> str:
    """``AU, NZ``."""
    return ", ".join(codes)


def position(party: Optional[str]) -> str:
    """``from the position of Viet Nam (VN)``, or ``all parties``."""
    return f"from the position of {P.name(party)} ({party})" if party else "all parties"


def norm_set_words(norm_sets: Iterable[NormSetInfo]) -> str:
    """``tpp3 2024-01, digital-core (no version)``."""
    return ", ".join(f"{n.id} {n.version or '(no version)'}" for n in norm_sets)


def report_header(report: Report) -> list[str]:
    """What every report states: engine version, norm-set versions, date, perspective."""
    return [
        f"tradegap {report.engine_version} gap report ({schema_words(Report)})",
        f"as of {report.as_of.isoformat()}; {position(report.party)}",
        f"norm sets: {norm_set_words(report.norm_sets)}",
    ]


def comparison_header(c: Comparison) -> list[str]:
    """Version, date, perspective, what the rows are, one line per agreement."""
    kinds = {r.kind for r in c.rows}
    rows = ((f"norms of {norm_set_words(c.norm_sets)}", V.RowKind.NORM), ("topics", V.RowKind.TOPIC))
    what = " and ".join(w for w, k in rows if k in kinds) or "nothing"
    lines = [f"tradegap {c.engine_version} comparison ({schema_words(type(c))})",
             f"as of {c.as_of.isoformat()}; {position(c.party)}", f"rows: {what}"]
    for a in c.agreements:
        extra = f"; draft based on {a.based_on}" if a.based_on else ""
        lines.append(f"{a.id}: {a.title or ''} [{a.status or 'status not given'}; {len(a.parties)} parties{extra}]")
    return lines


def diff_header(d: Diff) -> list[str]:
    """Version, the two agreements, date, perspective, norm sets."""
    sets = norm_set_words(d.norm_sets) or "none (no grades compared)"
    return [f"tradegap {d.engine_version} diff ({schema_words(type(d))})",
            f"{d.old.id} -> {d.new.id}, as of {d.as_of.isoformat()}; {position(d.party)}",
            f"norm sets: {sets}"]


def pair_header(p: Pair) -> list[str]:
    """Version, the two parties, date, norm sets."""
    return [f"tradegap {p.engine_version} pair view ({schema_words(type(p))})",
            f"{P.name(p.x)} ({p.x}) and {P.name(p.y)} ({p.y}), as of {p.as_of.isoformat()}",
            f"norm sets: {norm_set_words(p.norm_sets)}"]


# ---------------------------------------------------------------- comparison

COMPARISON_LEGEND = ("✓ met  ~ partial  ✗ unmet  - n/a (rows that are norms); "
                     "each article: Art. N: strength; qualifiers; \"no article\": none addresses the row")


# ---------------------------------------------------------------- diff

CHANGE_MARK: Mapping[str, str] = {V.ChangeStatus.ADDED: "+", V.ChangeStatus.REMOVED: "-",
                                  V.ChangeStatus.CHANGED: "~"}  # in the order counts list them


def change_line(c: Change) -> str:
    """``~ commitment: best-endeavour -> binding prohibition``."""
    if c.old is None:
        return f"+ {c.attribute}: {c.new}"
    if c.new is None:
        return f"- {c.attribute}: {c.old}"
    if c.old == c.new:
        return f"~ {c.attribute}: {c.new} (quotes changed)"
    return f"~ {c.attribute}: {c.old} -> {c.new}"


def change_counts(items: Sequence[ArticleChange]) -> str:
    """``2 added, 0 removed, 1 changed``."""
    return ", ".join(f"{sum(1 for i in items if i.status == k)} {k}" for k in CHANGE_MARK)


def grade_change_line(g: GradeChange) -> str:
    """``tpp3.data-flows: partial -> met (Art. 8.2 -> 8.3): closes``."""
    if g.old_article != g.new_article:
        art = f" (Art. {g.old_article or '-'} -> {g.new_article or '-'})"
    else:
        art = f" (Art. {g.new_article})" if g.new_article else ""
    return f"{g.norm}: {g.old_grade} -> {g.new_grade}{art}: {g.effect}"


# ---------------------------------------------------------------- pair


def pair_agreement_lines(p: Pair) -> list[str]:
    """Which agreements bind both, which do not and why, which drafts are added (items indented)."""
    out = ["binding both on the date:" if p.agreements else "no agreement in the corpus binds both on the date"]
    for b in p.agreements:
        dates = f"in force for {p.x} {b.in_force_x or '?'}, {p.y} {b.in_force_y or '?'}"
        out.append(f"  {b.agreement.id}: {b.agreement.title or ''} [{dates}]")
    if p.not_binding:
        out.append("party to, but not binding on the date:")
        out += [f"  {n.agreement.id}: {n.agreement.title or ''} [{n.why}]" for n in p.not_binding]
    for d in p.drafts:
        out.append(f"draft added: {d.id}: {d.title or ''} [{d.status or 'status not given'}]")
    return out


def finding_words(f: Optional[Finding], source: bool = False) -> list[str]:
    """``✓ met`` and ``Art. 12.15 (rcep)``; no finding: ``nothing binds``."""
    if f is None:
        return [f"{GRADE_MARK[V.Grade.UNMET]} nothing binds"]
    where = (f"Art. {f.article}" if f.article else "no article") + (f" ({f.agreement})" if source else "")
    return [grade_words(f.grade), where]


def pair_summary(p: Pair) -> str:
    """``with kjdpa: closes 2 gaps, narrows 1``."""
    names = ", ".join(d.id for d in p.drafts)
    return f"with {names}: closes {p.closes} gap{'s' if p.closes != 1 else ''}, narrows {p.narrows}"


# ---------------------------------------------------------------- precedents

PRECEDENTS_INTRO = ("precedents: articles elsewhere in the corpus that meet the norm "
                    "(binding first, then more parties, then newer)")


def precedent_facts(p: Precedent) -> str:
    """``binding; 11 parties; in-force 2018-12-30; agreements/cptpp.agr:120; text``."""
    date = p.date.isoformat() if p.date else "no date"
    return (f"{p.strength}; {p.parties} parties; {p.status or 'status not given'} {date}; {p.file}:{p.line}; "
            f"{p.verification}")


def suggestion_heading(s: Suggestion) -> str:
    """``rcep / tpp3.data-flows (partial, Art. 12.15)``."""
    art = f", Art. {s.article}" if s.article else ""
    return f"{s.agreement} / {s.norm} ({s.grade}{art})"
