"""What every format says the same way, and the tables the registry is built from.

No format module imports another: the wording two formats share lives here
(grade words and marks with the score, verification badges, whom a text binds
on the date, evidence with its citation, hard/soft strength, legends, the
headers every result opens with, party lists, change and precedent lines),
with :mod:`engine.rendering.safe` making text inert and
:mod:`engine.rendering.grid` laying out wide terminal tables.  Strings here
are *not* escaped: each format escapes them as it writes them.

What every format shows of a finding (schema 2.1): the grade with its mark
(``?`` for not-encoded, counted apart from the three grades), a partial
grade's score, the force of a text that binds no one, each reason followed
by its evidence (a paraphrase never in quotation marks, an absence that
cannot be quoted), the article's other words as context, the encoders'
notes, and a verification badge.

The result types of the views (comparison, diff, pair, precedents) are
looked up on first use only (:class:`ByType`): importing those modules costs
a warm ``tradegap report`` about 20 ms that it does not need.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import (TYPE_CHECKING, Any, Callable, Collection, Generic, Iterable, Mapping, Optional,
                    Sequence, TypeVar)

from engine.evaluation.findings import REPORT_SCHEMA, AgreementInfo, Evidence, Finding, NormSetInfo, Reason, Report
from engine.language import model as M
from engine.language import names
from engine.language import parties as P
from engine.language import vocab as V
from engine.language.citations import article_words, articles_words
from engine.util.records import Record

if TYPE_CHECKING:
    from engine.views.compare import Cell, Comparison, Row
    from engine.views.diff import ArticleChange, Change, Diff, GradeChange
    from engine.views.pair import Pair
    from engine.views.precedents import Precedent, Suggestion
    from engine.views.search import Hit, Passage, Search

T = TypeVar("T")

# ---------------------------------------------------------------- the registry's tables


class ByType(Record, Generic[T]):
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


class Format(Record):
    """An output format: its renderer for each result type, and for a list of precedents alone."""

    name: str
    renderers: ByType[Renderer]
    suggestions: Callable[[Sequence[Suggestion]], str]


BinaryRenderer = Callable[[Any], bytes]


class BinaryFormat(Record):
    """A binary output format (a file, never a terminal): its renderer for each result type."""

    name: str
    renderers: ByType[BinaryRenderer]


Schema = tuple[str, str]

EXPLANATION_SCHEMA: Schema = ("tradegap.explanation", "2.1")  # a Finding with its trace (`tradegap explain`)
PRECEDENTS_SCHEMA: Schema = ("tradegap.precedents", "2.1")  # a list of Suggestion


@functools.cache
def _view_schemas() -> Mapping[type, Schema]:
    from engine.views.compare import COMPARISON_SCHEMA, Comparison
    from engine.views.diff import DIFF_SCHEMA, Diff
    from engine.views.pair import PAIR_SCHEMA, Pair
    from engine.views.listing import LIST_SCHEMA, AgreementListing, NormListing, WordListing
    from engine.views.precedents import Suggestion
    from engine.views.search import SEARCH_SCHEMA, Search

    return {Comparison: COMPARISON_SCHEMA, Diff: DIFF_SCHEMA, Pair: PAIR_SCHEMA, Suggestion: PRECEDENTS_SCHEMA,
            AgreementListing: LIST_SCHEMA, NormListing: LIST_SCHEMA, WordListing: LIST_SCHEMA, Search: SEARCH_SCHEMA}


SCHEMAS: ByType[Schema] = ByType({Report: REPORT_SCHEMA, Finding: EXPLANATION_SCHEMA}, _view_schemas)


def schema(kind: type) -> Schema:
    """The JSON schema (name, version) of a result type, from the constant beside the type."""
    found = SCHEMAS.get(kind)
    if found is None:
        raise TypeError(f"no JSON schema for {kind.__name__}")
    return found


def schema_words(kind: type) -> str:
    """``schema tradegap.report 2.1``."""
    name, version = schema(kind)
    return f"schema {name} {version}"


# ---------------------------------------------------------------- grades and scores

# In the order legends and counts list them: not-encoded and n/a stand apart from the three grades.
GRADE_LABEL: Mapping[str, str] = {V.Grade.MET: V.Grade.MET.value, V.Grade.PARTIAL: V.Grade.PARTIAL.value,
                                  V.Grade.UNMET: V.Grade.UNMET.value, V.Grade.NOT_ENCODED: "not encoded",
                                  V.Grade.NOT_APPLICABLE: "n/a"}
GRADE_MARK: Mapping[str, str] = {V.Grade.MET: "✓", V.Grade.PARTIAL: "~", V.Grade.UNMET: "✗",
                                 V.Grade.NOT_ENCODED: "?", V.Grade.NOT_APPLICABLE: "–"}
GRADE_CSS: Mapping[Optional[str], str] = {V.Grade.MET: "g-met", V.Grade.PARTIAL: "g-partial",
                                          V.Grade.UNMET: "g-unmet", V.Grade.NOT_ENCODED: "g-ne",
                                          V.Grade.NOT_APPLICABLE: "g-na", None: "g-none"}
# What each grade means, for legends (V.Grade's meanings are written for `tradegap list`).
GRADE_MEANING: Mapping[str, str] = {
    V.Grade.MET: "an article meets every requirement and binds every party on the date",
    V.Grade.PARTIAL: "an article addresses it, but some requirement fails or some party is not yet bound",
    V.Grade.UNMET: "no article addresses it where the encoding covers the treaty, or an essential requirement fails",
    V.Grade.NOT_ENCODED: "the encoding does not cover the part of the treaty where such a rule would stand: "
                         "the engine cannot tell (not a gap)",
    V.Grade.NOT_APPLICABLE: "the party in view is not a party to the agreement",
}
SCORE_MEANING = "the score: the weight of the requirements that hold, out of 100 (met 100, unmet 0)"
GAPS: frozenset[str] = frozenset({V.Grade.PARTIAL, V.Grade.UNMET})  # grades a report's gaps have


def score_words(grade: Optional[str], score: Optional[int]) -> str:
    """`` 43`` after a partial grade with a score; nothing otherwise (met is 100, unmet 0)."""
    return f" {score}" if grade == V.Grade.PARTIAL and score is not None else ""


def grade_words(grade: str, score: Optional[int] = None) -> str:
    """``✓ met``, ``~ partial 43``, ``? not encoded``."""
    return f"{GRADE_MARK[grade]} {GRADE_LABEL[grade]}{score_words(grade, score)}"


def grade_counts(grades: Iterable[Optional[str]]) -> list[tuple[str, int]]:
    """(grade, how many) for the grades present, in the legend's order; not-encoded counted apart."""
    present = [g for g in grades if g]
    return [(g, present.count(g)) for g in GRADE_LABEL if g in present]


def counts_words(grades: Iterable[Optional[str]]) -> str:
    """``✓ met 3  ~ partial 2  ? not encoded 1``."""
    return "  ".join(f"{GRADE_MARK[g]} {GRADE_LABEL[g]} {n}" for g, n in grade_counts(grades))


def unmet_note(finding: Finding) -> str:
    """Why a finding is unmet (for want of an article or of an essential requirement), or not encoded."""
    if finding.grade == V.Grade.NOT_ENCODED:
        return "its part of the treaty is not encoded"
    if finding.unmet_because == V.UnmetBecause.NO_ARTICLE:
        return "no article addresses it"
    if finding.unmet_because == V.UnmetBecause.ESSENTIAL_REQUIREMENT:
        return "an essential requirement fails"
    return ""


# ---------------------------------------------------------------- verification badges

VERIFICATION_ORDER: tuple[V.Verification, ...] = (V.Verification.AUTO, V.Verification.UNVERIFIED,
                                                  V.Verification.SECONDARY, V.Verification.TEXT)  # weakest first


def _verification_rank(level: str) -> int:
    """Weakest first; a word outside the vocabulary ranks below every level (it vouches for nothing)."""
    return VERIFICATION_ORDER.index(V.Verification(level)) if level in V.VERIFICATION_LEVELS else -1


def weakest(levels: Iterable[Optional[str]]) -> Optional[str]:
    """The weakest of the levels given (None when none is)."""
    return min((x for x in levels if x), key=_verification_rank, default=None)


def finding_verification(f: Finding) -> Optional[str]:
    """A finding's level: its own, else the weakest of its evidence's (a result built before 2.0 has none)."""
    if f.verification is not None:
        return f.verification
    return weakest(e.verification for e in (*f.evidence, *(x for r in f.reasons for x in r.evidence)))


def cell_verification(cell: Cell) -> Optional[str]:
    """A comparison cell's level: its own, else the weakest of its evidence's, else of its articles'."""
    if cell.verification is not None:
        return cell.verification
    evidence = (*cell.evidence, *(x for r in cell.reasons for x in r.evidence))
    return weakest(e.verification for e in evidence) or weakest(a.verification for a in cell.articles)


def badge(level: Optional[str]) -> str:
    """``[text]``, ``[unverified]``; nothing for no level."""
    return f"[{level}]" if level else ""


def with_badge(text: str, level: Optional[str]) -> str:
    """``text [auto]`` (``text`` alone without a level)."""
    return f"{text} {badge(level)}" if level else text


def verification_meaning(level: str) -> str:
    """What a level vouches for (empty for a word outside the vocabulary)."""
    return V.VERIFICATION_LEVELS.get(level, "")


# ---------------------------------------------------------------- force: whether the text binds anyone

FORCE_SHORT: Mapping[str, str] = {V.Force.IN_FORCE: "in force", V.Force.NOT_IN_FORCE: "not in force",
                                  V.Force.HYPOTHETICAL: "hypothetical", V.Force.TERMINATED: "terminated",
                                  V.Force.UNKNOWN: "in force? unknown"}
AS_WRITTEN = "(graded as written)"
FORCE_MEANING = ("a text not in force on the date (concluded, signed, a draft, terminated) binds no one: "
                 "it is graded as written, on its words alone")


def _not_in_force(status: Optional[str]) -> str:
    if status in (V.Status.CONCLUDED, V.Status.SIGNED):
        return f"{status}, not in force"
    return "not yet in force" if status == V.Status.IN_FORCE else "not in force"


def force_words(force: str, status: Optional[str] = None, as_of: Optional[dt.date] = None) -> str:
    """``binds no one on 2026-11-27: concluded, not in force (graded as written)``; nothing for a text in force.

    Without a date (a finding alone does not carry one) it says "on the date".
    """
    day = as_of.isoformat() if as_of else "the date"
    if force == V.Force.NOT_IN_FORCE:
        return f"binds no one on {day}: {_not_in_force(status)} {AS_WRITTEN}"
    if force == V.Force.HYPOTHETICAL:
        what = "a proposal" if status == V.Status.PROPOSED else "a draft"
        return f"hypothetical: {what}; binds no one on {day} {AS_WRITTEN}"
    if force == V.Force.TERMINATED:
        return f"binds no one on {day}: terminated {AS_WRITTEN}"
    if force == V.Force.UNKNOWN:
        return f"may bind no one on {day}: neither its status nor its entry into force is encoded {AS_WRITTEN}"
    return ""


def force_short(force: str) -> str:
    """``not in force``, ``hypothetical``; nothing for a text in force."""
    return "" if force == V.Force.IN_FORCE else FORCE_SHORT.get(force, force)


def agreement_facts(info: AgreementInfo, names: bool = False) -> str:
    """``in-force; 15 parties; verification text; covers electronic-commerce, exceptions`` (``names``: the
    parties listed, ``parties: AU, NZ``)."""
    who = f"parties: {party_list(info.parties)}" if names else f"{len(info.parties)} parties"
    out = f"{info.status or 'status not given'}; {who}"
    if info.based_on:
        out += f"; draft based on {info.based_on}"
    if info.verification:
        out += f"; verification {info.verification}"
    if info.coverage:
        out += f"; covers {', '.join(info.coverage)}"
    return out


def info_force(info: AgreementInfo, as_of: dt.date) -> str:
    """The force line of an agreement on the date (nothing when in force)."""
    return force_words(info.force, info.status, as_of)


# ---------------------------------------------------------------- evidence and reasons


def cited(number: Optional[str], chapter: Optional[str] = None, none: str = "") -> str:
    """An article as every format cites it: ``Art. 12.15``, ``Ch. 14, Art. 3`` (an agreement numbered per
    chapter), ``unnumbered article 1 of Ch. 14``; ``none`` without an article."""
    return article_words(number, chapter) if number else none


def article_cell(number: Optional[str], chapter: Optional[str] = None, none: str = "") -> str:
    """An article in a table's article column: its number as written (``12.15``), cited in full where a number
    alone would not name it (``Ch. 14, Art. 3``, ``unnumbered article 1``); ``none`` without an article."""
    if not number:
        return none
    return article_words(number, chapter) if chapter or M.unnumbered_ordinal(number) is not None else number


def articles_cited(articles: Sequence[tuple[str, Optional[str]]]) -> str:
    """Several articles of one agreement, as (number, chapter): ``Art. 14.11, 14.13``; ``Ch. 14, Art. 3; Ch. 15,
    Art. 3`` where numbers alone do not name them (see :func:`engine.language.citations.articles_words`)."""
    return articles_words(articles)


def citation(e: Evidence) -> str:
    """``Art. 12.15, fn 14`` as the evaluation wrote it, else ``Art. 12.15`` from the article."""
    return e.citation or cited(e.article, e.chapter)


NO_STATEMENT = "no statement: cannot be quoted"
PARAPHRASE = "paraphrase:"


def quoted(words: str, open_: str = '"', close: str = '"') -> str:
    """Words in quotation marks, unless they are a paraphrase (``paraphrase: ...``), which stays unquoted."""
    return words if words.startswith(M.PARAPHRASE_MARK) else f"{open_}{words}{close}"
CONTEXT = "context:"


def nested_quotes(words: str) -> str:
    """Double quotation marks inside a quotation turned to single ones (“a ‘b’ c”): the outer pair stays
    the outer pair."""
    return words.replace("“", "‘").replace("”", "’")


def evidence_words(e: Evidence, marks: tuple[str, str] = ('"', '"')) -> str:
    """``Art. 12.17 "No Party shall ..." (agreements/rcep.agr:250) [text]``.

    A paraphrase is never put in quotation marks (``paraphrase: words``); absent evidence says it
    cannot be quoted; a context quote is labelled so.  Not escaped.
    """
    cite = citation(e)
    if e.absent:
        return f"{cite}: {NO_STATEMENT}" if cite else NO_STATEMENT
    words = ""
    if e.quote is not None:
        words = f" {PARAPHRASE} {e.quote}" if e.paraphrase else f" {marks[0]}{e.quote}{marks[1]}"
    where = f" ({e.file}:{e.line})" if e.file else ""
    text = with_badge(f"{cite}{words}{where}".strip(), e.verification)
    return f"{CONTEXT} {text}" if e.context else text


def reason_head(r: Reason, mark: bool = True) -> str:
    """``✗ require enforceable [KH, LA] (weight 3)``: the weight only where it is not 1."""
    who = f" [{party_list(r.parties)}]" if r.parties else ""
    weight = f" (weight {r.weight})" if r.weight != 1 else ""
    return (f"{GRADE_MARK[V.Grade.UNMET]} " if mark else "") + f"{r.requirement}{who}{weight}"


def finding_notes(f: Finding) -> list[str]:
    """What a finding says beside its reasons: chapters searched, parts covered, encoders' notes."""
    out = []
    if f.searched:
        out.append(f"searched: {'; '.join(f.searched)}")
    if f.covered:
        out.append(f"the encoding covers: {', '.join(f.covered)}")
    elif f.grade == V.Grade.NOT_ENCODED:
        out.append("the encoding covers no part of the treaty that holds this rule")
    return out + [f"note: {n}" for n in f.notes]


# ---------------------------------------------------------------- the strength lens (hard / soft)


Lens = V.Lens
Hardness = V.Hardness


HARDNESS: Mapping[str, Hardness] = {V.Strength.BINDING: Hardness.HARD, V.Strength.BEST_ENDEAVOUR: Hardness.SOFT,
                                    V.Strength.HORTATORY: Hardness.SOFT, V.Strength.ABSENT: Hardness.NONE}
HARDNESS_MARK: Mapping[Hardness, str] = {Hardness.HARD: "●", Hardness.SOFT: "◐", Hardness.NONE: "○"}
HARDNESS_CSS: Mapping[Hardness, str] = {Hardness.HARD: "s-hard", Hardness.SOFT: "s-soft", Hardness.NONE: "s-none"}
UNGRADED_BY_STRENGTH = frozenset({V.Grade.NOT_ENCODED, V.Grade.NOT_APPLICABLE})  # keep their grade in the lens


def hardness(cell: Cell) -> Optional[Hardness]:
    """The decisive (first) article's hardness; None where the cell keeps its grade (not encoded, n/a)."""
    if cell.grade in UNGRADED_BY_STRENGTH:
        return None
    return HARDNESS.get(cell.articles[0].strength, Hardness.NONE) if cell.articles else Hardness.NONE


def hardness_words(h: Hardness) -> str:
    """``● hard``."""
    return f"{HARDNESS_MARK[h]} {h}"


def by_strength(c: Comparison) -> bool:
    """Whether the comparison's cells show hard/soft rather than the grade."""
    return c.lens == Lens.STRENGTH


def cell_counts(c: Comparison) -> list[tuple[str, int]]:
    """(``~ partial`` or, through the strength lens, ``● hard``; how many cells), in the legend's order."""
    if not by_strength(c):
        return [(grade_words(g), n) for g, n in grade_counts(x.grade for x in c.cells)]
    shown: list[Optional[str]] = [hardness(x) or x.grade for x in c.cells]
    hard = [(hardness_words(h), shown.count(h)) for h in Hardness if h in shown]
    return hard + [(grade_words(g), shown.count(g)) for g in GRADE_LABEL if g in shown and g in UNGRADED_BY_STRENGTH]


def cell_head(c: Comparison, cell: Cell) -> str:
    """A cell's first line: ``~ partial 43 [text]`` or, through the strength lens, ``● hard [text]``."""
    h = hardness(cell) if by_strength(c) else None
    if h is not None:
        head = hardness_words(h)
    elif cell.grade is not None:
        head = grade_words(cell.grade, cell.score)
    else:
        return badge(cell_verification(cell))
    return with_badge(head, cell_verification(cell))


# ---------------------------------------------------------------- legends


class Key(Record):
    """One entry of a legend: what is shown (``~ partial 43``, ``[text]``) and what it means."""

    shown: str
    meaning: str
    css: str = ""  # how HTML shows it: the chip's class (grade, strength, badge)


def grade_keys(grades: Collection[str] = tuple(GRADE_LABEL), score: bool = True) -> list[Key]:
    """The grades (in the legend's order), the score after partial."""
    keys = []
    for g in GRADE_LABEL:
        if g in grades:
            keys.append(Key(grade_words(g), GRADE_MEANING[g], GRADE_CSS[g]))
            if score and g == V.Grade.PARTIAL:
                keys.append(Key(grade_words(g, 43), SCORE_MEANING, GRADE_CSS[g]))
    return keys


def strength_keys() -> list[Key]:
    """The strength lens's marks."""
    return [Key(hardness_words(h), h.meaning, HARDNESS_CSS[h]) for h in Hardness]


def badge_keys() -> list[Key]:
    """The verification badges."""
    return [Key(badge(v), v.meaning, f"badge v-{v}") for v in V.Verification]


WORD_KEYS = (Key('"words"', "verbatim words of the text", "quote"),
             Key(PARAPHRASE, "recalled or summarised words: never a quotation", "paraphrase"),
             Key(CONTEXT, "the article's other words, not the evidence of a reason", "context"),
             Key(NO_STATEMENT.split(":")[0], "the reason rests on an absence, which cannot be quoted", "no-statement"))
FORCE_KEY = Key("binds no one", FORCE_MEANING)
CELL_KEYS = (Key("Art. N: ...", "each article on the row: its strength, then exceptions, dispute settlement, "
                                "parties held back, contingency, sectors carved out or covered"),
             Key("no article", "no article addresses the row"))
TOPIC_KEY = Key("no grade", "a row that is a topic, not a norm: the articles on it, strongest first", "g-none")
PAIR_KEYS = (Key("strongest", "the best commitment binding both, and the agreement it comes from"),)


class Legend(Record):
    """A legend in groups: (heading, keys), in the order shown."""

    groups: tuple[tuple[str, tuple[Key, ...]], ...]


def legend(grades: bool = True, strength: bool = False, words: bool = True,
           extra: tuple[tuple[str, tuple[Key, ...]], ...] = (), party: bool = True) -> Legend:
    """The key to a result: hard/soft (a strength lens), grades and score, ``extra``, badges, words, force.

    ``party``: whether a party is in view (without one no finding is n/a, and the legend leaves it out).
    """
    groups: list[tuple[str, tuple[Key, ...]]] = []
    if strength:
        groups.append(("strength", tuple(strength_keys())))
    if grades:
        shown = [g for g in GRADE_LABEL if party or g != V.Grade.NOT_APPLICABLE]
        keys = grade_keys(UNGRADED_BY_STRENGTH.intersection(shown), False) if strength else grade_keys(shown)
        groups.append(("grades", tuple(keys)))
    groups += extra
    groups.append(("checked", tuple(badge_keys())))
    if words:
        groups.append(("words", WORD_KEYS))
    groups.append(("force", (FORCE_KEY,)))
    return Legend(tuple(groups))


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
    if by_strength(c):
        lines.append("cells: the decisive article's strength, hard or soft, irrespective of enforceability")
    for a in c.agreements:
        lines.append(f"{names.labelled(a.id)}: {a.title or ''} [{agreement_facts(a)}]")
        force = info_force(a, c.as_of)
        if force:
            lines.append(f"  {names.short(a.id)} {force}")
    return lines


def diff_header(d: Diff) -> list[str]:
    """Version, the two agreements, date, perspective, norm sets."""
    sets = norm_set_words(d.norm_sets) or "none (no grades compared)"
    lines = [f"tradegap {d.engine_version} diff ({schema_words(type(d))})",
             f"{d.old.id} -> {d.new.id}, as of {d.as_of.isoformat()}; {position(d.party)}",
             f"norm sets: {sets}"]
    forces = [(a.id, info_force(a, d.as_of)) for a in (d.old, d.new)]
    return lines + [f"{ident} {force}" for ident, force in dict(forces).items() if force]


def pair_header(p: Pair) -> list[str]:
    """Version, the two parties, date, norm sets."""
    return [f"tradegap {p.engine_version} pair view ({schema_words(type(p))})",
            f"{P.name(p.x)} ({p.x}) and {P.name(p.y)} ({p.y}), as of {p.as_of.isoformat()}",
            f"norm sets: {norm_set_words(p.norm_sets)}"]


# ---------------------------------------------------------------- comparison


def omitted(c: Comparison) -> frozenset[str]:
    """The carve-outs said once below the table (every column has them) and so left out of the cells."""
    return frozenset(x.item for x in c.common_carve_outs())


def article_lines(c: Comparison, cell: Cell) -> list[str]:
    """What a cell says of its articles: each with its qualifiers (the common carve-outs left out), or with
    ``--cells articles`` the decisive article's number alone (every number on a topic row); ``none``."""
    from engine.views.layout import Cells

    if c.cells_shown is Cells.ARTICLES:
        shown = cell.articles[:1] if cell.grade is not None else cell.articles
        return [", ".join(article_cell(a.number, a.key[0]) for a in shown) or "none"]
    leave_out = omitted(c)
    return [a.summary(leave_out) for a in cell.articles] or ["no article"]


def cell_words(c: Comparison, cell: Cell) -> list[str]:
    """A cell's lines (not escaped): its head (grade, score, badge), its force, its articles; with
    ``--cells articles`` the article number and the grade only."""
    from engine.views.layout import Cells

    if c.cells_shown is Cells.ARTICLES:
        h = hardness(cell) if by_strength(c) else None
        grade = hardness_words(h) if h is not None else grade_words(cell.grade, cell.score) if cell.grade else ""
        return [f"{article_lines(c, cell)[0]} {grade}".strip()]
    head = cell_head(c, cell)
    force = [force_short(cell.force)] if cell.force != V.Force.IN_FORCE else []
    return ([head] if head else []) + force + article_lines(c, cell)


def row_words(c: Comparison, row: Row) -> list[str]:
    """A row's label: its key and (a norm) its title; with ``--labels titles`` the title alone."""
    from engine.views.layout import Labels

    if c.row_labels is Labels.TITLES and row.title:
        return [row.title]
    return [row.key] + ([row.title] if row.title and row.kind is V.RowKind.NORM else [])


CARVE_OUT_INTRO = "carve-outs in every column, said once here rather than in each cell:"


def carve_out_lines(c: Comparison) -> list[str]:
    """``excludes government-procurement: CPTPP Art. 14.11, 14.13; RCEP Art. 12.14`` per common carve-out."""
    return [f"{V.ScopeMode.EXCLUDES} {x.item}: " + "; ".join(f"{names.short(a)} {articles_cited(nums)}"
                                                            for a, nums in x.where)
            for x in c.common_carve_outs()]


def comparison_legend(c: Comparison) -> Legend:
    """A comparison's key: hard/soft through the strength lens, grades where a row is a norm, the cells."""
    graded = any(r.kind is V.RowKind.NORM for r in c.rows)
    topics = (TOPIC_KEY,) if any(r.kind is V.RowKind.TOPIC for r in c.rows) else ()
    return legend(graded, by_strength(c), True, (("cells", CELL_KEYS + topics),), c.party is not None)


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
    old, new = cited(g.old_article, g.old_chapter), cited(g.new_article, g.new_chapter)
    if (g.old_article, g.old_chapter) != (g.new_article, g.new_chapter):
        plain = all(n is None or M.unnumbered_ordinal(n) is None for n in (g.old_article, g.new_article))
        if plain and not (g.old_chapter or g.new_chapter):
            art = f" (Art. {g.old_article or '-'} -> {g.new_article or '-'})"
        else:
            art = f" ({old or '-'} -> {new or '-'})"
    else:
        art = f" ({new})" if new else ""
    return f"{g.norm}: {g.old_grade} -> {g.new_grade}{art}: {g.effect}"


# ---------------------------------------------------------------- pair


def pair_agreement_lines(p: Pair) -> list[str]:
    """Which agreements bind both, which do not and why, which drafts are added (items indented)."""
    out = ["binding both on the date:" if p.agreements else "no agreement in the corpus binds both on the date"]
    for b in p.agreements:
        dates = f"in force for {p.x} {b.in_force_x or '?'}, {p.y} {b.in_force_y or '?'}"
        out.append(f"  {names.labelled(b.agreement.id)}: {b.agreement.title or ''} [{dates}]")
    if p.not_binding:
        out.append("party to, but not binding on the date:")
        out += [f"  {names.labelled(n.agreement.id)}: {n.agreement.title or ''} [{n.why}]" for n in p.not_binding]
    for d in p.drafts:
        force = f"; {force_short(d.force)}: evaluated as if in force" if d.force != V.Force.IN_FORCE else ""
        out.append(f"draft added: {names.labelled(d.id)}: {d.title or ''} [{d.status or 'status not given'}{force}]")
    return out


def finding_words(f: Optional[Finding], source: bool = False) -> list[str]:
    """``~ partial 43 [text]`` and ``Art. 12.15 (rcep)``; no finding: ``nothing binds``."""
    if f is None:
        return [f"{GRADE_MARK[V.Grade.UNMET]} nothing binds"]
    where = cited(f.article, f.chapter, "no article") + (f" ({names.short(f.agreement)})" if source else "")
    return [with_badge(grade_words(f.grade, f.score), finding_verification(f)), where]


def pair_summary(p: Pair) -> str:
    """``with kjdpa: closes 2 gaps, narrows 1``."""
    names = ", ".join(d.id for d in p.drafts)
    return f"with {names}: closes {p.closes} gap{'s' if p.closes != 1 else ''}, narrows {p.narrows}"


# ---------------------------------------------------------------- precedents

PRECEDENTS_INTRO = ("precedents: articles elsewhere in the corpus that meet the norm "
                    "(binding first, then more parties, then newer)")


def precedent_facts(p: Precedent) -> str:
    """``binding; 11 parties; in-force 2018-12-30; agreements/cptpp.agr:120 [text]``."""
    date = p.date.isoformat() if p.date else "no date"
    return with_badge(f"{p.strength}; {p.parties} parties; {p.status or 'status not given'} {date}; "
                      f"{p.file}:{p.line}", p.verification)


def suggestion_heading(s: Suggestion) -> str:
    """``rcep / tpp3.data-flows (partial, Art. 12.15)``."""
    art = f", {cited(s.article, s.chapter)}" if s.article else ""
    return f"{s.agreement} / {s.norm} ({s.grade}{art})"


# ---------------------------------------------------------------- search


def search_header(s: Search) -> list[str]:
    """Version, the query as understood, the filters, how many articles matched."""
    terms = [f'"{x}"' for x in s.phrases] + list(s.words)
    filters = [f"topic {s.topic}" if s.topic else "", f"party {P.name(s.party)} ({s.party})" if s.party else "",
               f"agreement {s.agreement}" if s.agreement else ""]
    where = "; ".join(x for x in filters if x) or "every agreement"
    n = len(s.hits)
    return [f"tradegap {s.engine_version} search ({schema_words(type(s))})",
            f"looking for: {' '.join(terms)}; in: {where}",
            f"{n} article{'s' if n != 1 else ''} found (phrases first, then terms matched, then strength)"]


def hit_heading(h: Hit) -> str:
    """``KSDPA Art. 14.17 Source Code [binding; matched: source code] [text]``."""
    title = f" {h.title}" if h.title else ""
    return with_badge(f"{names.short(h.agreement)} {h.citation}{title} ({h.strength}; matched: "
                      f"{', '.join(h.matched)})", h.verification)


def passage_label(p: Passage) -> str:
    """``title``, ``Art. 12.15, fn 14``, ``Art. 12.15 paraphrase``, ``note``: where the words stand."""
    from engine.views.search import Field

    if p.field is Field.QUOTE:
        return f"{p.citation} {PARAPHRASE.rstrip(':')}" if p.paraphrase else p.citation
    return str(p.field)


def marked(text: str, spans: Sequence[tuple[int, int]], plain: Callable[[str], str],
           mark: Callable[[str], str]) -> str:
    """``text`` with the spans passed through ``mark`` and the rest through ``plain`` (each format escapes)."""
    out, at = [], 0
    for start, end in spans:
        out += [plain(text[at:start]), mark(text[start:end])]
        at = end
    return "".join(out + [plain(text[at:])])
