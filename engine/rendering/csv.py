"""CSV for spreadsheets: one table per result type, one function each (no form for a finding's trace).

Every cell passes through :func:`engine.rendering.safe.csv_cell`, so a value
starting ``=`` or ``@`` cannot become a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

import attrs

from engine.evaluation.findings import Reason, Report
from engine.language import vocab as V
from engine.rendering import common as C
from engine.rendering import safe

if TYPE_CHECKING:
    from engine.evaluation.findings import AgreementInfo
    from engine.views.compare import ArticleView, Comparison, Row
    from engine.views.diff import Diff
    from engine.views.listing import AgreementListing, NormListing, WordListing
    from engine.views.pair import Pair
    from engine.views.precedents import SuggestedReport, Suggestion
    from engine.views.search import Search

Value = object  # a cell: written as its str(), made inert


def _table(columns: Sequence[str], rows: Iterable[Sequence[Value]]) -> str:
    """The header line, then each row with every cell made inert."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([safe.csv_cell(x) for x in row])
    return buf.getvalue()


REPORT_COLUMNS = ["agreement", "norm", "grade", "score", "unmet_because", "article", "verification", "force",
                  "reasons", "parties", "reason_evidence", "evidence", "notes", "searched", "covered", "as_of", "party"]


def _reasons(reasons: Sequence[Reason]) -> str:
    """``require enforceable (weight 3): because | ...``."""
    return " | ".join(f"{C.reason_head(x, mark=False)}: {x.because}" for x in reasons)


def _reason_evidence(reasons: Sequence[Reason]) -> str:
    """Each reason's requirement, then its evidence: ``require enforceable: Art. 12.17 "..." [text] | ...``."""
    return " | ".join(f"{x.requirement}: " + " ; ".join(C.evidence_words(e) for e in x.evidence)
                      for x in reasons if x.evidence)


def _report_rows(r: Report) -> Iterable[list[Value]]:
    for f in r.findings:
        parties = " ".join(sorted({p for x in f.reasons for p in x.parties}))
        evidence = " | ".join(C.evidence_words(e) for e in f.evidence)
        yield [f.agreement, f.norm, f.grade, "" if f.score is None else f.score, f.unmet_because or "",
               C.article_cell(f.article, f.chapter), C.finding_verification(f) or "", f.force, _reasons(f.reasons), parties,
               _reason_evidence(f.reasons), evidence, " | ".join(f.notes), " | ".join(f.searched),
               " ".join(f.covered), r.as_of.isoformat(), r.party or ""]


def report(r: Report) -> str:
    """One line per finding."""
    return _table(REPORT_COLUMNS, _report_rows(r))


COMPARISON_COLUMNS = ["row_kind", "row", "row_title", "agreement", "grade", "score", "strength", "verification",
                      "force", "unmet_because", "articles", "qualifiers", "reasons", "reason_evidence", "as_of",
                      "party"]


def _cell_row(c: Comparison, row: Row, info: AgreementInfo) -> list[Value]:
    cell = c.cell(row.key, info.id)
    hard = C.hardness(cell)
    return [row.kind, row.key, row.title or "", info.id, cell.grade or "", "" if cell.score is None else cell.score,
            hard or "", C.cell_verification(cell) or "", cell.force, cell.unmet_because or "",
            _articles(cell.articles), " | ".join(a.summary() for a in cell.articles),
            _reasons(cell.reasons), _reason_evidence(cell.reasons), c.as_of.isoformat(), c.party or ""]


def _articles(views: Sequence[ArticleView]) -> str:
    """A cell's article numbers, space-separated (``14.11 14.13``); cited and separated by ``; `` where one
    needs its chapter or is unnumbered (``Ch. 14, Art. 3; Ch. 14, Art. 4``)."""
    cells = [C.article_cell(a.number, a.key[0]) for a in views]
    return "; ".join(cells) if any(x != a.number for x, a in zip(cells, views)) else " ".join(cells)


def comparison(c: Comparison) -> str:
    """Long form: one line per cell, for spreadsheets and pivot tables (grade and hard/soft strength both)."""
    return _table(COMPARISON_COLUMNS, (_cell_row(c, r, info) for r in c.rows for info in c.agreements))


DIFF_COLUMNS = ["section", "item", "status", "attribute", "old", "new", "removed", "added"]


def _diff_rows(d: Diff) -> Iterable[list[Value]]:
    for c in d.agreement:
        yield ["agreement", d.new.id, V.ChangeStatus.CHANGED, c.attribute, c.old or "", c.new or "",
               " | ".join(c.quotes_removed), " | ".join(c.quotes_added)]
    for section, items in (("chapter", d.chapters), ("article", d.articles)):
        for item in items:
            name = C.article_cell(item.number, item.chapter if item.per_chapter else None) \
                if section == "article" else item.number
            if not item.changes:
                yield [section, name, item.status, "", "", "", "", ""]
            for c in item.changes:
                yield [section, name, item.status, c.attribute, c.old or "", c.new or "",
                       " | ".join(c.quotes_removed), " | ".join(c.quotes_added)]
    for g in d.grades:
        yield ["grade", g.norm, g.effect, "grade", g.old_grade, g.new_grade, "; ".join(g.resolved),
               "; ".join(g.introduced)]


def diff(d: Diff) -> str:
    """One line per changed attribute (and per added/removed item), then one per changed finding.

    ``removed`` / ``added`` hold the quotes that left and came for a text change, and the
    requirements that now hold / now fail for a finding (section ``grade``).
    """
    return _table(DIFF_COLUMNS, _diff_rows(d))


PAIR_COLUMNS = ["x", "y", "as_of", "norm", "strongest_grade", "strongest_score", "strongest_agreement",
                "strongest_article", "strongest_verification", "reasons", "with_drafts_grade", "with_drafts_score",
                "with_drafts_agreement", "with_drafts_article", "effect"]


def _pair_rows(p: Pair) -> Iterable[list[Value]]:
    for r in p.rows:
        s, d = r.strongest, r.with_drafts
        strongest = [s.grade, "" if s.score is None else s.score, s.agreement, C.article_cell(s.article, s.chapter),
                     C.finding_verification(s) or "", " | ".join(x.requirement for x in s.reasons)] if s \
            else ["", "", "", "", "", ""]
        drafts = [d.grade, "" if d.score is None else d.score, d.agreement, C.article_cell(d.article, d.chapter)] \
            if d else ["", "", "", ""]
        yield [p.x, p.y, p.as_of.isoformat(), r.norm, *strongest, *drafts, r.effect or ""]


def pair(p: Pair) -> str:
    """One line per norm: the strongest commitment binding both and, with drafts, what they change."""
    return _table(PAIR_COLUMNS, _pair_rows(p))


PRECEDENT_COLUMNS = ["agreement", "norm", "grade", "rank", "precedent_agreement", "article", "title", "strength",
                     "parties", "date", "status", "citation", "file", "line", "verification", "also_in", "snippet"]


def _precedent_rows(items: Sequence[Suggestion]) -> Iterable[list[Value]]:
    for s in items:
        for i, p in enumerate(s.precedents, 1):
            yield [s.agreement, s.norm, s.grade, i, p.agreement, C.article_cell(p.article, p.chapter), p.title or "",
                   p.strength, p.parties,
                   p.date.isoformat() if p.date else "", p.status or "", p.citation, p.file, p.line, p.verification,
                   " ".join(p.also_in), p.snippet]


def suggestions(items: Sequence[Suggestion]) -> str:
    """One line per precedent, its rank among the gap's precedents and the whole snippet."""
    return _table(PRECEDENT_COLUMNS, _precedent_rows(items))


def suggested_report(sr: SuggestedReport) -> str:
    """The report's table, a blank line, then the precedents' table."""
    return report(sr.report) + "\n" + suggestions(sr.suggestions)


# ---------------------------------------------------------------- search

SEARCH_COLUMNS = ["rank", "agreement", "short_name", "article", "title", "strength", "verification", "matched",
                  "field", "citation", "text", "file", "line"]


def _search_rows(s: Search) -> Iterable[list[Value]]:
    for i, hit in enumerate(s.hits, 1):
        for p in hit.passages:
            yield [i, hit.agreement, hit.short_name, C.article_cell(hit.article, hit.chapter if hit.per_chapter else None),
                   hit.title or "", hit.strength, hit.verification,
                   " | ".join(hit.matched), p.field, p.citation, p.text, p.file, p.line]


def search(s: Search) -> str:
    """One line per passage that matched, with its hit's rank, agreement, article, strength and badge."""
    return _table(SEARCH_COLUMNS, _search_rows(s))


# ---------------------------------------------------------------- listings


def _value(x: object) -> Value:
    """A record's field as a cell: dates ISO, lists space-separated, a party's date ``JP=2018-12-30``."""
    if x is None:
        return ""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, dt.date):
        return x.isoformat()
    if isinstance(x, tuple):
        cells = [str(_value(i)) for i in x]
        return (" | " if any(" " in c for c in cells) else " ").join(cells)
    from engine.views.listing import PartyDate

    if isinstance(x, PartyDate):
        return f"{x.party}={x.date.isoformat() if x.date else '' if x.known else 'unknown'}"
    return x


def _records(records: Sequence[object], kind: type) -> str:
    columns = [f.name for f in attrs.fields(kind)]
    return _table(columns, ([_value(getattr(r, c)) for c in columns] for r in records))


def agreement_listing(listing: AgreementListing) -> str:
    """One line per agreement: id, short name, title, kind, status, parties, their dates, coverage ..."""
    from engine.views.listing import AgreementEntry

    return _records(listing.agreements, AgreementEntry)


def norm_listing(listing: NormListing) -> str:
    """One line per norm: ``tpp3.data-flows``, its set, title, topics and requirements."""
    from engine.views.listing import NormEntry

    return _records(listing.norms, NormEntry)


def word_listing(listing: WordListing) -> str:
    """One line per word: the word, its meaning (a topic's part, a predicate's arguments)."""
    from engine.views.listing import WordEntry

    return _records(listing.words, WordEntry)


@functools.cache
def _views() -> Mapping[type, C.Renderer]:
    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.listing import AgreementListing, NormListing, WordListing
    from engine.views.precedents import SuggestedReport
    from engine.views.search import Search

    return {Comparison: comparison, Diff: diff, Pair: pair, SuggestedReport: suggested_report,
            AgreementListing: agreement_listing, NormListing: norm_listing, WordListing: word_listing,
            Search: search}


FORMAT = C.Format("csv", C.ByType({Report: report}, _views), suggestions)
