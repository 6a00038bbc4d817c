"""A Word memo (``.docx``) for a brief: a report, a comparison, a pair or a diff, with python-docx.

The memo opens with a title and the facts every result states (version, date, position, norm sets),
then an executive summary, one paragraph per agreement (:mod:`engine.rendering.summary`), then the
matrix as a real Word table: a negotiator pastes it into a brief.  Each cell shows the grade's symbol
and word (met ✓, partial ~ with its score, unmet ✗, not encoded ?, n/a –) on the grade's colour (cell
shading), the articles, and the verification badge; each column its agreement's short name and badge.
Then the reasons, each with the numbers of the notes that cite its evidence, the key, and the notes:
every citation once, numbered (the words in quotation marks only when they are the treaty's own).

The file is reproducible: the same result gives the same bytes (the package's dates are the result's
date).  Every string from agreements and norms passes through :func:`engine.rendering.safe.term`: XML
cannot hold control characters.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence

import attrs

from engine.evaluation.findings import AgreementInfo, Evidence, Finding, Reason, Report
from engine.language import names
from engine.language import vocab as V
from engine.rendering import common as C
from engine.rendering import safe, summary

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell

    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.precedents import SuggestedReport

t = safe.term
QUOTES = ("“", "”")

# Cell shading by grade (and, through the strength lens, by hardness): the HTML page's colours.
SHADE: Mapping[Optional[str], str] = {V.Grade.MET: "DAFBE1", V.Grade.PARTIAL: "FFF1C2", V.Grade.UNMET: "FFE3E0",
                                      V.Grade.NOT_ENCODED: "E3ECF7", V.Grade.NOT_APPLICABLE: "EAEEF2", None: "FFFFFF"}
HARD_SHADE: Mapping[C.Hardness, str] = {C.Hardness.HARD: SHADE[V.Grade.MET], C.Hardness.SOFT: SHADE[V.Grade.PARTIAL],
                                        C.Hardness.NONE: SHADE[V.Grade.UNMET]}
CSS_SHADE: Mapping[str, str] = {**{C.GRADE_CSS[g]: fill for g, fill in SHADE.items()},
                                **{C.HARDNESS_CSS[h]: fill for h, fill in HARD_SHADE.items()}}
HEAD_SHADE = "F2F4F7"
WIDE = 4  # a matrix with more agreement columns than this is laid out on landscape pages


# ---------------------------------------------------------------- the memo


@attrs.define
class Memo:
    """A document being written, and its notes: each citation once, numbered in order of first use."""

    doc: Document
    notes: list[str] = attrs.Factory(list)

    def cite(self, words: str) -> int:
        """The number of the note holding ``words`` (a new note if none does)."""
        if words not in self.notes:
            self.notes.append(words)
        return self.notes.index(words) + 1

    def para(self, text: str = "", style: Optional[str] = None, bold: str = "") -> Any:
        """A paragraph: ``bold`` (a run in bold), then ``text``."""
        p = self.doc.add_paragraph(style=style)
        if bold:
            p.add_run(t(bold)).bold = True
        if text:
            p.add_run(t(text))
        return p

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_heading(t(text), level)


def memo(title: str, meta: Sequence[str], landscape: bool = False) -> Memo:
    """A new memo with its title and the facts under it (small, grey)."""
    from docx import Document as new_document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt, RGBColor

    doc = new_document()
    doc.styles["Normal"].font.size = Pt(10)
    if landscape:
        section = doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_heading(t(title), 0)
    m = Memo(doc)
    for line in meta:
        run = m.doc.add_paragraph().add_run(t(line))
        run.font.size, run.font.color.rgb = Pt(8), RGBColor(0x57, 0x60, 0x6A)
    return m


def save(m: Memo, title: str, day: dt.date) -> bytes:
    """The memo as bytes, the same for the same result: its dates are the result's date."""
    stamp = dt.datetime(max(day.year, 1980), day.month, day.day, tzinfo=dt.timezone.utc)
    props = m.doc.core_properties
    props.title, props.author, props.last_modified_by = t(title), "tradegap", "tradegap"
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    raw = io.BytesIO()
    m.doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            z.writestr(fixed, src.read(info.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ---------------------------------------------------------------- tables


def shade(cell: _Cell, fill: str) -> None:
    """Give a table cell a background colour (``DAFBE1``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _row_flags(table: Table) -> None:
    """The first row repeats at the top of every page the table runs onto; no row splits across pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for i, row in enumerate(table.rows):
        for name in ("w:cantSplit", "w:tblHeader") if i == 0 else ("w:cantSplit",):
            flag = OxmlElement(name)
            flag.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(flag)


def write_cell(cell: _Cell, lines: Sequence[str], fill: Optional[str] = None, bold_first: bool = False) -> None:
    """A cell's lines, one paragraph each (the first in bold if asked), on ``fill``."""
    first, *rest = list(lines) or [""]
    para = cell.paragraphs[0]
    para.add_run(t(first)).bold = bold_first
    for line in rest:
        cell.add_paragraph(t(line))
    if fill:
        shade(cell, fill)


@attrs.frozen
class Grid:
    """A table to write: the corner, column heads, row heads and cells (each a list of lines), fills."""

    corner: str
    columns: Sequence[Sequence[str]]
    rows: Sequence[Sequence[str]]
    cells: Sequence[Sequence[Sequence[str]]]
    fills: Sequence[Sequence[Optional[str]]]


def cell_grid(out: Table) -> list[tuple[_Cell, ...]]:
    """A table's cells, row by row, found once (``Table.cell`` walks the whole table at every call)."""
    return [tuple(row.cells) for row in out.rows]


def table(m: Memo, g: Grid) -> Table:
    """A Word table with a shaded head row (repeated on every page) and a head column; each cell's first
    line (its grade) in bold."""
    out: Table = m.doc.add_table(rows=len(g.rows) + 1, cols=len(g.columns) + 1)
    out.style = "Table Grid"
    grid = cell_grid(out)
    write_cell(grid[0][0], [g.corner], HEAD_SHADE, True)
    for j, head in enumerate(g.columns, 1):
        write_cell(grid[0][j], head, HEAD_SHADE, True)
    for i, label in enumerate(g.rows, 1):
        write_cell(grid[i][0], label, HEAD_SHADE, True)
        for j, lines in enumerate(g.cells[i - 1], 1):
            write_cell(grid[i][j], lines, g.fills[i - 1][j - 1], True)
    _row_flags(out)
    return out


def _column(info: AgreementInfo) -> list[str]:
    """A column head: the short name, the badge, the force of a text that binds no one."""
    return [names.short(info.id)] + [x for x in (C.badge(info.verification), C.force_short(info.force)) if x]


# ---------------------------------------------------------------- reasons, legend, notes


def evidence_note(e: Evidence) -> str:
    """The words of a note: citation, words in quotation marks (a paraphrase never), source, badge."""
    if e.quote is not None and not e.paraphrase:
        e = e.replace(quote=C.nested_quotes(e.quote))
    return C.evidence_words(e, QUOTES)


def _refs(m: Memo, evidence: Sequence[Evidence]) -> str:
    """`` [5] [6]``: the notes citing the evidence; an absence (nothing to cite) said in place."""
    return "".join(f" ({evidence_note(e)})" if e.absent else f" [{m.cite(evidence_note(e))}]" for e in evidence)


def reasons(m: Memo, items: Sequence[Reason], plain: bool = False) -> None:
    """Each reason as a bullet: the requirement, why, what was found, and its notes' numbers."""
    for r in items:
        refs = _refs(m, r.evidence)
        if plain:
            m.para(r.because + refs, "List Bullet")
            continue
        found = f" Found: {r.detail}." if r.detail else ""
        m.para(f": {r.because}{found}{refs}", "List Bullet", C.reason_head(r, mark=False))


def legend(m: Memo, key: C.Legend) -> None:
    """The key as a table: group, what is shown (on its colour), what it means."""
    m.heading("Key", 2)
    rows = [(head if i == 0 else "", k) for head, keys in key.groups for i, k in enumerate(keys)]
    out = m.doc.add_table(rows=len(rows), cols=3)
    out.style = "Table Grid"
    for row, (head, k) in zip(cell_grid(out), rows):
        write_cell(row[0], [head], None, True)
        write_cell(row[1], [k.shown], CSS_SHADE.get(k.css))
        write_cell(row[2], [k.meaning])


def notes(m: Memo) -> None:
    """The numbered notes: every citation, once."""
    if m.notes:
        m.heading("Notes", 2)
        for i, words in enumerate(m.notes, 1):
            m.para(words, None, f"[{i}] ")


def summaries(m: Memo, paragraphs: Sequence[tuple[AgreementInfo, str]]) -> None:
    """The executive summary: one paragraph per agreement."""
    shown = [(info, words) for info, words in paragraphs if words]
    if shown:
        m.heading("Summary", 1)
        for _, words in shown:
            m.para(words)


# ---------------------------------------------------------------- report


def _finding_lines(f: Optional[Finding]) -> list[str]:
    if f is None:
        return ["–"]
    lines = [C.grade_words(f.grade, f.score), C.cited(f.article, f.chapter, "no article")]
    badge = C.badge(C.finding_verification(f))
    return lines + ([badge] if badge else []) + ([C.force_short(f.force)] if f.force != V.Force.IN_FORCE else [])


def _report_matrix(m: Memo, r: Report) -> None:
    norms = list(dict.fromkeys(f.norm for f in r.findings))
    titles = {f.norm: f.norm_title or "" for f in r.findings}
    by = {(f.agreement, f.norm): f for f in r.findings}
    cells = [[_finding_lines(by.get((a.id, n))) for a in r.agreements] for n in norms]
    fills = [[SHADE[by[(a.id, n)].grade] if (a.id, n) in by else None for a in r.agreements] for n in norms]
    rows = [[n] + ([titles[n]] if titles[n] else []) for n in norms]
    table(m, Grid("Norm", [_column(a) for a in r.agreements], rows, cells, fills))


def _report_reasons(m: Memo, r: Report) -> None:
    gaps = [f for f in r.findings if f.grade in C.GAPS or f.grade == V.Grade.NOT_ENCODED]
    if gaps:
        m.heading("Why not met", 1)
    for f in gaps:
        art = f" ({C.cited(f.article, f.chapter)})" if f.article else ""
        m.para(f"{f.norm}: {C.grade_words(f.grade, f.score)}{art}", None, f"{names.short(f.agreement)}, ")
        reasons(m, f.reasons, f.article is None)
        for note in C.finding_notes(f):
            m.para(note, "List Bullet 2")


def _report_memo(r: Report) -> Memo:
    title = "Gap report: " + ", ".join(names.short(a.id) for a in r.agreements)
    m = memo(title, C.report_header(r), len(r.agreements) > WIDE)
    summaries(m, summary.report_summaries(r))
    m.heading("Findings", 1)
    m.para(C.counts_words(f.grade for f in r.findings))
    _report_matrix(m, r)
    _report_reasons(m, r)
    legend(m, C.legend(party=r.party is not None))
    return m


def report(r: Report) -> bytes:
    """The memo of a report: summary, the norms-by-agreement table, why each gap, key, notes."""
    m = _report_memo(r)
    notes(m)
    return save(m, "Gap report", r.as_of)


def suggested_report(sr: SuggestedReport) -> bytes:
    """The report's memo with its precedents before the notes: each a citation and a snippet to paste."""
    m = _report_memo(sr.report)
    m.heading("Precedents", 1)
    m.para(C.PRECEDENTS_INTRO)
    for s in sr.suggestions:
        m.heading(C.suggestion_heading(s), 2)
        for p in s.precedents:
            m.para(f" ({C.precedent_facts(p)})", "List Number", p.citation)
            m.para("\n".join(p.snippet.splitlines()), "No Spacing")
    notes(m)
    return save(m, "Gap report", sr.report.as_of)


# ---------------------------------------------------------------- comparison


def _comparison_fill(c: Comparison, row: str, agreement: str) -> Optional[str]:
    cell = c.cell(row, agreement)
    h = C.hardness(cell) if C.by_strength(c) else None
    return HARD_SHADE[h] if h is not None else SHADE.get(cell.grade)


def comparison_grid(c: Comparison) -> Grid:
    """The matrix as a :class:`Grid`: rows by agreements (agreements down the side if transposed)."""
    cells = [[C.cell_words(c, c.cell(r.key, a.id)) for a in c.agreements] for r in c.rows]
    fills = [[_comparison_fill(c, r.key, a.id) for a in c.agreements] for r in c.rows]
    corner = "Norm" if all(r.kind is V.RowKind.NORM for r in c.rows) else "Row"
    rows = [C.row_words(c, r) for r in c.rows]
    if not c.transposed:
        return Grid(corner, [_column(a) for a in c.agreements], rows, cells, fills)
    flip = [list(x) for x in zip(*cells)] if cells else []
    return Grid("Agreement", [[c.row_label(r)] for r in c.rows], [_column(a) for a in c.agreements], flip,
                [list(x) for x in zip(*fills)] if fills else [])


def _comparison_gaps(m: Memo, c: Comparison) -> None:
    gaps = [(r, a) for r in c.rows for a in c.agreements if c.cell(r.key, a.id).grade in C.GAPS]
    if gaps:
        m.heading("Why not met", 1)
    for r, a in gaps:
        cell = c.cell(r.key, a.id)
        art = f" ({cell.articles[0].citation})" if cell.articles else ""
        m.para(f"{r.key}: {C.grade_words(cell.grade or V.Grade.UNMET, cell.score)}{art}", None,
               f"{names.short(a.id)}, ")
        reasons(m, cell.reasons, not cell.articles)


def _not_encoded(m: Memo, c: Comparison) -> None:
    rows = [(a, [r.key for r in c.rows if c.cell(r.key, a.id).grade == V.Grade.NOT_ENCODED]) for a in c.agreements]
    rows = [(a, keys) for a, keys in rows if keys]
    if rows:
        m.heading("Not encoded", 2)
        m.para("The encoding does not cover the part of the treaty where these rules would stand: not gaps.")
        for a, keys in rows:
            m.para(": " + ", ".join(keys), "List Bullet", names.short(a.id))


def comparison(c: Comparison) -> bytes:
    """The memo of a comparison: summary, the matrix, the carve-outs every column has, the gaps and why,
    what is not encoded, key, notes."""
    title = "Comparison: " + ", ".join(names.short(a.id) for a in c.agreements)
    m = memo(title, C.comparison_header(c), len(c.agreements) > WIDE and not c.transposed)
    summaries(m, summary.comparison_summaries(c))
    m.heading("Matrix", 1)
    table(m, comparison_grid(c))
    carve = C.carve_out_lines(c)
    if carve:
        m.para(C.CARVE_OUT_INTRO)
        for line in carve:
            m.para(line, "List Bullet")
    m.para("cells: " + "  ".join(f"{shown} {n}" for shown, n in C.cell_counts(c)))
    _comparison_gaps(m, c)
    _not_encoded(m, c)
    legend(m, C.comparison_legend(c))
    notes(m)
    return save(m, title, c.as_of)


# ---------------------------------------------------------------- pair


def _pair_grid(p: Pair) -> Grid:
    columns = [["strongest"]] + ([["with drafts"]] if p.drafts else [])
    columns += [_column(b.agreement) for b in p.agreements] + [_column(d) for d in p.drafts]
    cells, fills = [], []
    for r in p.rows:
        found = [r.strongest] + ([r.with_drafts] if p.drafts else []) + list(r.findings + r.draft_findings)
        lines = [C.finding_words(f, i < (2 if p.drafts else 1)) for i, f in enumerate(found)]
        if p.drafts and r.effect:
            lines[1] = lines[1] + [r.effect]
        cells.append(lines)
        fills.append([SHADE[f.grade] if f is not None else SHADE[V.Grade.UNMET] for f in found])
    return Grid("Norm", columns, [[r.norm] + ([r.norm_title] if r.norm_title else []) for r in p.rows], cells, fills)


def pair(p: Pair) -> bytes:
    """The memo of a pair: the agreements binding both, the strongest commitment per norm, why it falls
    short, key, notes."""
    title = f"Pair view: {p.x} and {p.y}"
    m = memo(title, C.pair_header(p), len(p.agreements) + len(p.drafts) > WIDE)
    m.heading("Agreements", 1)
    for line in C.pair_agreement_lines(p):
        m.para(line.strip(), "List Bullet" if line.startswith("  ") else None)
    m.heading("Norms", 1)
    table(m, _pair_grid(p))
    if p.drafts:
        m.para(C.pair_summary(p))
    short = [(r.norm, r.strongest) for r in p.rows if r.strongest is not None and r.strongest.reasons]
    if short:
        m.heading("Where the strongest commitment falls short", 1)
    for norm, s in short:
        m.para(f"{C.grade_words(s.grade, s.score)}, {names.short(s.agreement)}", None, f"{norm}: ")
        reasons(m, s.reasons)
    legend(m, C.legend(extra=(("cells", C.PAIR_KEYS),)))
    notes(m)
    return save(m, title, p.as_of)


# ---------------------------------------------------------------- diff


def _change_rows(d: Diff) -> list[list[str]]:
    rows = [["agreement", V.ChangeStatus.CHANGED, c.attribute, c.old or "", c.new or ""] for c in d.agreement]
    items = [(f"chapter {ch.number}", ch) for ch in d.chapters] + [(f"{a.citation} {a.title or ''}".strip(), a)
                                                                   for a in d.articles]
    for name, item in items:
        rows += [[name, item.status, "", "", ""]] if not item.changes else []
        rows += [[name, item.status, c.attribute, c.old or "", c.new or ""] for c in item.changes]
    return rows


def diff(d: Diff) -> bytes:
    """The memo of a diff: what the text says differently, then the findings whose grade changed."""
    title = f"Diff: {names.short(d.old.id)} to {names.short(d.new.id)}"
    m = memo(title, C.diff_header(d))
    m.heading("Text", 1)
    rows = _change_rows(d)
    out = m.doc.add_table(rows=len(rows) + 1, cols=5)
    out.style = "Table Grid"
    grid = cell_grid(out)
    for j, head in enumerate(("Item", "Status", "Attribute", "Before", "After")):
        write_cell(grid[0][j], [head], HEAD_SHADE, True)
    for i, row in enumerate(rows, 1):
        for j, words in enumerate(row):
            write_cell(grid[i][j], [words])
    if d.norm_sets:
        m.heading(f"Grades: {d.summary}", 1)
        cells = [[[str(g.old_grade), C.cited(g.old_article, g.old_chapter, "no article")],
                  [str(g.new_grade), C.cited(g.new_article, g.new_chapter, "no article")], [str(g.effect)]]
                 for g in d.grades]
        fills = [[SHADE.get(g.old_grade), SHADE.get(g.new_grade), None] for g in d.grades]
        table(m, Grid("Norm", [["Before"], ["After"], ["Effect"]], [[g.norm] for g in d.grades], cells, fills))
    legend(m, C.legend(grades=d.grades != (), words=False, party=d.party is not None))
    return save(m, title, d.as_of)


# ---------------------------------------------------------------- the table


@functools.cache
def _views() -> Mapping[type, C.BinaryRenderer]:
    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.precedents import SuggestedReport

    return {Comparison: comparison, Diff: diff, Pair: pair, SuggestedReport: suggested_report}


FORMAT = C.BinaryFormat("docx", C.ByType({Report: report}, _views))
