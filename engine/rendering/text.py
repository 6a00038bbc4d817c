"""Plain text for a terminal: every result type, one function each.

Every string from agreements and norms passes through :func:`engine.rendering.safe.term`.
A report fits 80 columns; the matrices (comparison, pair) split into several
tables of at most :data:`engine.rendering.grid.WIDTH` columns.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Mapping, Sequence

from engine.evaluation.findings import Candidate, Check, Evidence, Finding, Report
from engine.language import names
from engine.language import vocab as V
from engine.rendering import common as C
from engine.rendering import grid, safe
from engine.util.wrap import wrap

if TYPE_CHECKING:
    from engine.evaluation.findings import AgreementInfo
    from engine.views.compare import Comparison, Row
    from engine.views.diff import Change, Diff
    from engine.views.pair import Pair
    from engine.views.precedents import Precedent, SuggestedReport, Suggestion
    from engine.views.search import Passage, Search

WIDTH = 80


def _wrap(text: str, indent: str, width: int = WIDTH) -> list[str]:
    return wrap(safe.term(text), width, initial_indent=indent, subsequent_indent=indent) or [indent]


# ---------------------------------------------------------------- report


def _cells(text: str, width: int) -> list[str]:
    return wrap(text, width) or [""]


def _width(text: str) -> int:
    """Columns on a terminal: East Asian wide characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _column_widths(rows: list[list[str]], headers: list[str], widths: list[int]) -> list[int]:
    """Each column's wrapping width: at most ``widths[i]``; the last column takes what is left of WIDTH."""
    natural = [max([_width(h) + 2] + [_width(x) for r in rows for x in _cells(r[i], w)]) for i, (h, w) in
               enumerate(zip(headers[:-1], widths))]
    return natural + [max(widths[-1], WIDTH - sum(natural) - 2 * (len(headers) - 1))]


def _table(rows: list[list[str]], headers: list[str], widths: list[int]) -> str:
    """A plain table (columns two spaces apart, a dashed rule under the headers, long cells wrapped).

    ``widths``: the widest each column wraps to; the last column's is its least (it fills the line).
    Drawn here rather than with tabulate, whose import alone costs a warm report 40 ms.
    """
    widths = _column_widths(rows, headers, widths)
    wrapped = [[_cells(cell, w) for cell, w in zip(row, widths)] for row in rows]
    cols = [max([_width(h) + 2] + [_width(x) for r in wrapped for x in r[i]]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, cols)).rstrip()

    out = [line(headers), line(["-" * w for w in cols])]
    for r in wrapped:
        for k in range(max(len(c) for c in r)):
            out.append(line([c[k] if k < len(c) else "" for c in r]))
    return "\n".join(out)


def _short_reason(f: Finding) -> str:
    if not f.reasons:
        return ""
    more = f" (+{len(f.reasons) - 1} more)" if len(f.reasons) > 1 else ""
    return f.reasons[0].requirement + more


def _summary_table(findings: Sequence[Finding]) -> str:
    rows = [[safe.term(f.norm), C.grade_words(f.grade, f.score), safe.term(C.article_cell(f.article, f.chapter, "-")),
             safe.term(C.badge(C.finding_verification(f)) or "-"), safe.term(C.unmet_note(f) or _short_reason(f))]
            for f in findings]
    return _table(rows, ["norm", "grade", "article", "checked", "main gap"], [24, 13, 7, 12, 16])


def legend_lines(key: C.Legend, width: int = WIDTH) -> list[str]:
    """``key:``, then per group its entries: what is shown, then what it means (wrapped to ``width``)."""
    lines = ["key:"]
    for head, keys in key.groups:
        for i, k in enumerate(keys):
            first = f"  {head if i == 0 else '':<9} {k.shown:<14} "
            lines += wrap(k.meaning, width, initial_indent=first, subsequent_indent=" " * len(first))
    return lines


def evidence_lines(e: Evidence, indent: str) -> list[str]:
    """One piece of evidence: citation, words (or ``paraphrase:``, or why none), source and badge."""
    return _wrap(C.evidence_words(e), indent)


def reason_lines(f: Finding, brief: bool = False) -> list[str]:
    """Each reason followed by its evidence; a reason that is no failed requirement in plain words.

    ``brief``: the requirement and its evidence only (the trace has said why and what was found).
    """
    lines: list[str] = []
    for r in f.reasons:
        if f.article is None:  # no article graded: the reason explains the grade, no requirement failed
            lines += _wrap(r.because, "  ")
        else:
            lines += _wrap(C.reason_head(r), "  ") + ([] if brief else _wrap(r.because, "      "))
            if r.detail and not brief:
                lines += _wrap(f"found: {r.detail}", "      ")
        lines += [x for e in r.evidence for x in evidence_lines(e, "      > ")]
    return lines


def _finding_head(f: Finding) -> str:
    head = f"{f.norm}: {f.grade.upper()}{C.score_words(f.grade, f.score)}"
    if f.article:
        head += f" ({C.cited(f.article, f.chapter)})"
    level = C.finding_verification(f)
    if level:
        head += f" {C.badge(level)}"
    return head + (f" - {f.norm_title}" if f.norm_title else "")


def _finding_lines(f: Finding, force: str) -> list[str]:
    lines = _wrap(_finding_head(f), "")
    if force:
        lines += _wrap(force, "  ")
    lines += reason_lines(f) + [x for note in C.finding_notes(f) for x in _wrap(note, "  ")]
    context = f.evidence[:4]
    lines += [x for e in context for x in evidence_lines(e, "  > ")]
    if len(f.evidence) > 4:
        lines.append(f"  > ... {len(f.evidence) - 4} more quotes (--format json lists all)")
    return lines


def _agreement_lines(info: AgreementInfo, findings: Sequence[Finding], as_of: dt.date) -> list[str]:
    lines = [""] + _wrap(f"{names.labelled(info.id)}: {info.title or ''}".strip(), "") + _wrap(C.agreement_facts(info), "")
    force = C.info_force(info, as_of)
    lines += _wrap(force, "") if force else []
    lines += [f"findings: {C.counts_words(f.grade for f in findings) or 'none'}", ""]
    lines += _summary_table(findings).splitlines()
    for f in findings:
        lines += [""] + _finding_lines(f, C.force_words(f.force, info.status, as_of))
    return lines


def report(r: Report) -> str:
    """Per agreement: a summary table, then each finding with its reasons and their evidence; a key."""
    lines = [safe.term(x) for x in C.report_header(r)]
    for info in r.agreements:
        lines += _agreement_lines(info, [f for f in r.findings if f.agreement == info.id], r.as_of)
    lines += [""] + legend_lines(C.legend(party=r.party is not None))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- finding (the trace)


def _check_lines(check: Check) -> list[str]:
    t = safe.term
    status = "held  " if check.held else "FAILED"
    ess = " (essential)" if check.essential and not check.held else ""
    lines = [f"  {status} {t(check.requirement)}{ess}"]
    for s in check.steps:
        where = f" ({t(s.file)}:{s.line})" if s.line else ""
        lines.extend(wrap(f"{t(s.test)} -> {t(s.found)}{where}", 78,
                                   initial_indent="         ", subsequent_indent="           "))
    if not check.held:
        lines.extend(wrap(t(check.because), 78, initial_indent="         why: ",
                                   subsequent_indent="              "))
    return lines


def _candidate_lines(c: Candidate, mark: str) -> list[str]:
    t = safe.term
    lines = ["", f"[{mark}] {t(C.cited(c.article, c.chapter))} {t(c.title or '')} ({c.strength}; {t(c.file)}:{c.line})"]
    return lines + [x for check in c.checks for x in _check_lines(check)]


def _trace_head(f: Finding) -> list[str]:
    t = safe.term
    head = f"{t(f.agreement)} against {t(f.norm)}: {f.grade.upper()}{C.score_words(f.grade, f.score)}"
    head += f" ({t(C.cited(f.article, f.chapter))})" if f.article else ""
    level = C.finding_verification(f)
    lines = [head + (f" {t(C.badge(level))}" if level else "")]
    force = C.force_words(f.force)
    lines += _wrap(force, "") if force else []
    if f.norm_title:
        lines.append(f"norm: {t(f.norm_title)} [topics: {', '.join(f.topics)}]")
    return lines


def finding(f: Finding) -> str:
    """The trace (``tradegap explain``): every article on the topic, every requirement, every step;
    then each reason with its evidence, and the encoders' notes."""
    lines = _trace_head(f)
    notes = [x for note in C.finding_notes(f) for x in _wrap(note, "  ")]
    if not f.candidates:
        return "\n".join(lines + reason_lines(f) + notes) + "\n"
    lines.append(f"{len(f.candidates)} article(s) on the topic; the best one decides the grade.")
    for i, c in enumerate(f.candidates):
        lines += _candidate_lines(c, "best" if i == 0 else "also")
    if any(r.evidence for r in f.reasons):
        lines += ["", "the evidence for each failed requirement:"] + reason_lines(f, brief=True)
    lines += [""] + notes if notes else []
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- comparison


def _column_head(info: AgreementInfo) -> list[str]:
    """An agreement's column head: its short name, badge and (if it binds no one) its force."""
    return [names.short(info.id)] + [x for x in (C.badge(info.verification), C.force_short(info.force)) if x]


def _gap_lines(c: Comparison, row: Row, info: AgreementInfo) -> list[str]:
    cell = c.cell(row.key, info.id)
    art = f", {cell.articles[0].citation}" if cell.articles else ""
    head = f"{info.id} / {row.key}: {cell.grade}{C.score_words(cell.grade, cell.score)}{art}"
    out = [safe.term(C.with_badge(head, C.cell_verification(cell)))]
    for r in cell.reasons:
        found = f": {r.detail}" if r.detail else f": {r.because}"
        out += grid.wrap_cell([safe.term(f"  {C.reason_head(r)}{found}")], 100).splitlines()
        out += [x for e in r.evidence for x in _wrap(C.evidence_words(e), "      > ", 100)]
    return out


def _comparison_gaps(c: Comparison) -> list[str]:
    return [x for row in c.rows for info in c.agreements if c.cell(row.key, info.id).grade in C.GAPS
            for x in _gap_lines(c, row, info)]


def _not_encoded(c: Comparison) -> list[str]:
    """Per agreement, the rows it cannot tell: not gaps."""
    out = []
    for info in c.agreements:
        rows = [r.key for r in c.rows if c.cell(r.key, info.id).grade == V.Grade.NOT_ENCODED]
        if rows:
            out += grid.wrap_cell([safe.term(f"  {info.id}: {', '.join(rows)}")], grid.WIDTH).splitlines()
    return ["", "not encoded (the encoding does not cover their part of the treaty; not gaps):"] + out if out else []


def _comparison_table(c: Comparison) -> str:
    t = safe.term
    if c.transposed:
        labels = [[t(x) for x in _column_head(a)] for a in c.agreements]
        headers = [[t(c.row_label(r))] for r in c.rows]
        cells = [[[t(x) for x in C.cell_words(c, c.cell(r.key, a.id))] for r in c.rows] for a in c.agreements]
        corner = "agreement"
    else:
        labels = [[t(x) for x in C.row_words(c, r)] for r in c.rows]
        headers = [[t(x) for x in _column_head(a)] for a in c.agreements]
        cells = [[[t(x) for x in C.cell_words(c, c.cell(r.key, a.id))] for a in c.agreements] for r in c.rows]
        corner = "norm" if all(r.kind is V.RowKind.NORM for r in c.rows) else "row"
    return grid.table(corner, headers, labels, cells)


def _carve_outs(c: Comparison) -> list[str]:
    lines = C.carve_out_lines(c)
    return ["", C.CARVE_OUT_INTRO] + [x for line in lines for x in _wrap(line, "  ", grid.WIDTH)] if lines else []


def comparison(c: Comparison) -> str:
    """The matrix (split to fit the terminal), the counts and a key, then the gaps with their reasons."""
    lines = [x for line in C.comparison_header(c) for x in grid.wrap_cell([safe.term(line)], grid.WIDTH).splitlines()]
    lines += [""] + _comparison_table(c).splitlines() + _carve_outs(c)
    counts = "  ".join(f"{shown} {n}" for shown, n in C.cell_counts(c))
    lines += ["", f"cells: {counts}"] if counts else []
    lines += [""] + legend_lines(C.comparison_legend(c), grid.WIDTH)
    gaps = _comparison_gaps(c)
    if gaps:
        lines += ["", "gaps (tradegap explain AGREEMENT SET.NORM traces one):"] + gaps
    return "\n".join(lines + _not_encoded(c)) + "\n"


# ---------------------------------------------------------------- diff


def _wrap_diff(text: str, indent: str) -> list[str]:
    return wrap(safe.term(text), 100, initial_indent=indent, subsequent_indent=indent + "    ") or [indent]


def _changes(changes: Sequence[Change], indent: str) -> list[str]:
    out = []
    for c in changes:
        out += _wrap_diff(C.change_line(c), indent)
        out += [x for q in c.quotes_removed for x in _wrap_diff(f"- {C.quoted(q)}", indent + "    ")]
        out += [x for q in c.quotes_added for x in _wrap_diff(f"+ {C.quoted(q)}", indent + "    ")]
    return out


def _grade_changes(d: Diff) -> list[str]:
    lines = ["", f"grades: {d.summary}"]
    for g in d.grades:
        lines += _wrap_diff(C.grade_change_line(g), "  ")
        if g.resolved:
            lines += _wrap_diff("now holds: " + "; ".join(g.resolved), "      ")
        if g.introduced:
            lines += _wrap_diff("now fails: " + "; ".join(g.introduced), "      ")
    if not d.grades:
        lines.append("  no finding changed")
    return lines


def diff(d: Diff) -> str:
    """What the text says differently (agreement, chapters, articles), then the findings that changed."""
    lines = [safe.term(x) for x in C.diff_header(d)]
    if d.agreement:
        lines += ["", "agreement"] + _changes(d.agreement, "  ")
    if d.chapters:
        lines += ["", f"chapters: {C.change_counts(d.chapters)}"]
        for ch in d.chapters:
            lines += _wrap_diff(f"{C.CHANGE_MARK[ch.status]} chapter {ch.number} {ch.title or ''}".rstrip(), "  ")
            lines += _changes(ch.changes, "      ")
    lines += ["", f"articles: {C.change_counts(d.articles)}"]
    for a in d.articles:
        where = f" (chapter {a.chapter})" if a.chapter and a.status != V.ChangeStatus.CHANGED and not a.per_chapter \
            else ""
        lines += _wrap_diff(f"{C.CHANGE_MARK[a.status]} {a.citation} {a.title or ''}".rstrip() + where, "  ")
        lines += _changes(a.changes, "      ")
    if d.norm_sets:
        lines += _grade_changes(d)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- pair


def _pair_table(p: Pair) -> str:
    t = safe.term
    headers = [["strongest"]] + ([["with draft" + ("s" if len(p.drafts) > 1 else "")]] if p.drafts else [])
    headers += [_column_head(b.agreement) for b in p.agreements] + [_column_head(d) for d in p.drafts]
    labels, cells = [], []
    for r in p.rows:
        labels.append([t(r.norm)])
        row = [[t(x) for x in C.finding_words(r.strongest, True)]
               + [t(C.reason_head(x)) for x in (r.strongest.reasons if r.strongest else ())]]
        if p.drafts:
            row.append([t(x) for x in C.finding_words(r.with_drafts, True)] + ([r.effect] if r.effect else []))
        row += [[t(x) for x in C.finding_words(f)] for f in r.findings + r.draft_findings]
        cells.append(row)
    return grid.table("norm", [[t(x) for x in h] for h in headers], labels, cells)


def _pair_effects(p: Pair) -> list[str]:
    out = ["", safe.term(C.pair_summary(p))]
    for r in p.rows:
        if r.effect and r.with_drafts is not None:
            before = r.strongest.grade if r.strongest else "nothing binds"
            w = r.with_drafts
            out.append(safe.term(f"  {r.norm}: {r.effect} ({before} -> {w.grade}, {C.cited(w.article, w.chapter)} of {w.agreement})"))
    return out


def pair(p: Pair) -> str:
    """The agreements binding both, then per norm the strongest commitment and each agreement's grade."""
    head = C.pair_header(p) + [""] + C.pair_agreement_lines(p)
    lines = [x for line in head for x in (grid.wrap_cell([safe.term(line)], grid.WIDTH).splitlines() or [""])]
    lines += [""] + _pair_table(p).splitlines()
    counts = C.counts_words(r.strongest.grade if r.strongest else V.Grade.UNMET for r in p.rows)
    lines += ["", f"strongest: {counts}"] if counts else []
    lines += [""] + legend_lines(C.legend(words=False, extra=(("cells", C.PAIR_KEYS),)), grid.WIDTH)
    if p.drafts:
        lines += _pair_effects(p)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- precedents


def _precedent_lines(i: int, p: Precedent) -> list[str]:
    t = safe.term
    lines = [t(f"  {i}. {p.citation}"), t(f"     [{C.precedent_facts(p)}]")]
    if p.also_in:
        lines.append(t(f"     the same article is in: {', '.join(p.also_in)}"))
    return lines + ["     " + t(x) if x else "" for x in p.snippet.splitlines()]


def suggestions(items: Sequence[Suggestion]) -> str:
    """Precedents for each gap, snippets whole (never wrapped), ready to paste."""
    lines = ["", C.PRECEDENTS_INTRO if items else "precedents: no gaps, nothing to suggest"]
    for s in items:
        lines += ["", safe.term(C.suggestion_heading(s))]
        if not s.precedents:
            lines.append("  no article in the corpus meets this norm")
        for i, p in enumerate(s.precedents, 1):
            lines += _precedent_lines(i, p)
        if s.more:
            lines.append(f"  ... {s.more} more (the library call engine.suggest_precedents(..., limit=None) lists all)")
    return "\n".join(lines) + "\n"


def suggested_report(sr: SuggestedReport) -> str:
    """The report, then its precedents."""
    return report(sr.report) + suggestions(sr.suggestions)


# ---------------------------------------------------------------- search


def _passage_lines(p: Passage) -> list[str]:
    from engine.views.search import Field

    words = C.marked(p.text, p.spans, safe.term, lambda x: f"«{safe.term(x)}»")
    if p.field is Field.QUOTE and not p.paraphrase:
        words = f'"{words}"'
    line = f"{safe.term(C.passage_label(p))}: {words} ({safe.term(p.file)}:{p.line})"
    return wrap(line, WIDTH, initial_indent="   ", subsequent_indent="     ")


def search(s: Search) -> str:
    """The hits, best first: agreement, article, strength, what matched and the badge, then each passage
    that matched with the matches between « »."""
    lines = [safe.term(x) for x in C.search_header(s)]
    for i, hit in enumerate(s.hits, 1):
        lines += [""] + wrap(safe.term(f"{i}. {C.hit_heading(hit)}"), WIDTH, subsequent_indent="   ")
        lines += [x for p in hit.passages for x in _passage_lines(p)]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the table


@functools.cache
def _views() -> Mapping[type, C.Renderer]:
    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.precedents import SuggestedReport
    from engine.views.search import Search

    return {Comparison: comparison, Diff: diff, Pair: pair, SuggestedReport: suggested_report, Search: search}


FORMAT = C.Format("text", C.ByType({Report: report, Finding: finding}, _views), suggestions)
