"""One self-contained HTML page per result: a report (with or without precedents), a comparison, a pair, a diff.

The page loads nothing: styles are inline, there are no fonts, images or
scripts from elsewhere, and a Content-Security-Policy says so to the
browser.  The one inline script (which opens every cell before printing) is
allowed by its hash; without it the page works the same, and print styles
open the cells too where the browser supports it.

Grades are shown three ways at once: a colour, a symbol and a word, so the
matrix reads in black and white and to a screen reader (not-encoded in
blue-grey, never red).  A partial cell also shows its score as a number and a
``<meter>``, and its shade deepens as the score falls.  Each cell is a
``<details>``: the summary gives the grade, score, verification badge and
article, the body each reason with its evidence, the notes and the article's
words as context.  Through the strength lens cells are coloured hard or soft
instead.  Every string from agreements and norms goes through
:func:`engine.rendering.safe.html`.  A finding's trace has no page.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
from typing import TYPE_CHECKING, Iterable, Mapping, Optional, Sequence

import attrs

from engine.evaluation.findings import AgreementInfo, Evidence, Finding, Reason, Report
from engine.language import model as M
from engine.language import names
from engine.language import vocab as V
from engine.rendering import common as C
from engine.rendering import safe
from engine.views.layout import Cells

if TYPE_CHECKING:
    from engine.views.compare import ArticleView, Comparison, Row
    from engine.views.diff import Change, Diff, GradeChange
    from engine.views.pair import Pair
    from engine.views.precedents import Precedent, SuggestedReport, Suggestion
    from engine.views.search import Passage, Search

h = safe.html

STYLE = """
:root{--met:#1a7f37;--met-bg:#dafbe1;--partial:#7d4e00;--partial-bg:#fff1c2;--unmet:#b3261e;--unmet-bg:#ffe3e0;
--na:#57606a;--na-bg:#eaeef2;--ne:#2f5a8f;--ne-bg:#e3ecf7;--line:#d0d7de;--ink:#1f2328;--muted:#57606a}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff;margin:1.5rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .25rem}
.meta{color:var(--muted);margin:.1rem 0}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:#f6f8fa;position:sticky;top:0}
table.matrix th[scope=row]{background:#f6f8fa;min-width:12rem;max-width:20rem}
table.matrix td{min-width:11rem;max-width:22rem}
.sub{display:block;font-weight:normal;color:var(--muted);font-size:.85em}
.g-met{background:var(--met-bg);border-left:4px solid var(--met)}
.g-partial{background:var(--partial-bg);border-left:4px dashed var(--partial)}
.g-unmet{background:var(--unmet-bg);border-left:6px double var(--unmet)}
.g-na{background:var(--na-bg);border-left:4px dotted var(--na)}
.g-ne{background:var(--ne-bg);border-left:4px dotted var(--ne)}
.g-none{background:#fff}
.g-partial[data-band=low]{background:#ffe1a3}.g-partial[data-band=high]{background:#fff8de}
.s-hard{background:var(--met-bg);border-left:4px solid var(--met)}
.s-soft{background:var(--partial-bg);border-left:4px dashed var(--partial)}
.s-none{background:var(--unmet-bg);border-left:6px double var(--unmet)}
.mark{display:inline-block;min-width:1.1em;font-weight:bold}
.g-met .mark,.s-hard .mark{color:var(--met)}.g-partial .mark,.s-soft .mark{color:var(--partial)}
.g-unmet .mark,.s-none .mark{color:var(--unmet)}.g-na .mark{color:var(--na)}.g-ne .mark{color:var(--ne)}
meter.score{width:3.5em;height:.7em;margin:0 .25em;vertical-align:middle}
.badge{display:inline-block;font-size:.75em;line-height:1.3;padding:0 .3em;margin-left:.3em;border:1px solid;
border-radius:3px;font-weight:normal;white-space:nowrap}
.v-text{color:var(--met);border-color:var(--met)}.v-secondary{color:var(--ne);border-color:var(--ne)}
.v-unverified{color:var(--partial);border-color:var(--partial);border-style:dashed}
.v-auto,.v-other{color:var(--unmet);border-color:var(--unmet);border-style:dotted}
.paraphrase{color:var(--muted)}
.context,.no-statement{color:var(--muted);font-variant:small-caps}
.force{color:#6e3c00;font-weight:600}
.label{font-weight:600}
summary{cursor:pointer}
details .body{margin-top:.35rem;font-size:.92em}
ul.reasons,ul.evidence,ul.articles{margin:.2rem 0;padding-left:1.1rem}
q{font-style:italic}
.where{color:var(--muted);font-size:.85em}
.legend ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.legend li{display:flex;gap:.4rem;align-items:baseline}
.chip{padding:.1rem .45rem;white-space:nowrap}
.counts span{margin-right:1rem}
pre{background:#f6f8fa;border:1px solid var(--line);padding:.5rem;overflow-x:auto;font-size:.85em}
table.single{width:100%}table.single td{max-width:none}
.controls{display:none;gap:.5rem;margin:.5rem 0}.js .controls{display:flex}
.controls button{font:inherit;padding:.15rem .6rem;border:1px solid var(--line);background:#f6f8fa;border-radius:4px;cursor:pointer}
@page{size:A4 landscape;margin:10mm}
@media print{
 body{margin:0;font-size:10pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .scroll{overflow:visible}
 .controls{display:none!important}
 thead{display:table-header-group}
 tr,td,th{break-inside:avoid}
 summary{list-style:none}
 summary::-webkit-details-marker{display:none}
 table.matrix td,table.matrix th[scope=row]{max-width:none;min-width:0}
 body.matrix-page:not(.annex){font-size:7.5pt}
 body.matrix-page:not(.annex) header .meta,body.matrix-page:not(.annex) main>:not(.matrix-wrap){display:none}
 body.matrix-page:not(.annex) table.matrix{width:100%;margin:0}
 body.matrix-page:not(.annex) .matrix-wrap{break-after:avoid}
 body.annex details::details-content,body:not(.matrix-page) details::details-content{content-visibility:visible;display:block}
}
"""

# Printing: a page with a matrix prints the matrix alone, cells closed, on one landscape page; "Print full
# annex" prints everything with every cell open (as a page without a matrix always does).  The buttons are
# shown only where the script runs (the CSP allows it by its hash; without it the page works the same).
SCRIPT = (
    "var B=document.body;B.classList.add('js');"
    "function all(o){document.querySelectorAll('details').forEach(function(d){d.open=o})}"
    "addEventListener('beforeprint',function(){if(B.classList.contains('annex')||!B.classList.contains('matrix-page'))all(true)});"
    "addEventListener('afterprint',function(){B.classList.remove('annex')});"
    "document.querySelectorAll('.controls button').forEach(function(b){b.addEventListener('click',function(){"
    "var a=b.getAttribute('data-act');if(a==='expand')all(true);else if(a==='collapse')all(false);"
    "else{B.classList.toggle('annex',a==='annex');print()}})});"
)

CONTROLS = ("<nav class=\"controls\" aria-label=\"Page controls\"><button type=\"button\" data-act=\"expand\">Expand all"
            "</button><button type=\"button\" data-act=\"collapse\">Collapse all</button><button type=\"button\" "
            "data-act=\"matrix\">Print the matrix</button><button type=\"button\" data-act=\"annex\">Print the full "
            "annex</button></nav>\n")


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"


def page(title: str, meta: Sequence[str], body: str, version: str, matrix_page: bool = False) -> str:
    """The whole document around ``body``; ``title`` and ``meta`` are plain text, escaped here.

    ``matrix_page``: the page holds a matrix, which prints alone unless the full annex is asked for.
    """
    head = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{h(_csp())}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta name=\"generator\" content=\"tradegap {h(version)}\">\n"
        f"<title>{h(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        + ("<body class=\"matrix-page\">\n" if matrix_page else "<body>\n")
    )
    top = f"<header>\n<h1>{h(title)}</h1>\n" + "".join(f"<p class=\"meta\">{h(m)}</p>\n" for m in meta)
    top += (CONTROLS if matrix_page else "") + "</header>\n"
    return head + top + "<main>\n" + body + "</main>\n<script>" + SCRIPT + "</script>\n</body>\n</html>\n"


# ---------------------------------------------------------------- pieces


def badge(level: Optional[str], title: bool = True) -> str:
    """A small verification badge (with its meaning as a title, unless ``title`` is off); nothing for no level."""
    if not level:
        return ""
    css = f"v-{level}" if level in V.VERIFICATION_LEVELS else "v-other"
    meaning = f" title=\"{h(C.verification_meaning(level) or level)}\"" if title else ""
    return f"<span class=\"badge {h(css)}\"{meaning}>{h(level)}</span>"


# How the legend shows the words of evidence: as the page shows them.
WORDS_SHOWN: Mapping[str, str] = {
    "quote": "<q>words</q>", "paraphrase": "<span class=\"paraphrase\">(paraphrase) words</span>",
    "context": "<span class=\"context\">context</span>",
    "no-statement": f"<span class=\"no-statement\">{h(C.NO_STATEMENT)}</span>",
}


# Legend entries shown as a cell shows them, a mark and a word: the grades and the strengths.
MARKED = frozenset({css for grade, css in C.GRADE_CSS.items() if grade is not None} | set(C.HARDNESS_CSS.values()))


def _key_shown(k: C.Key) -> str:
    if k.css.startswith("badge"):
        return f"<span class=\"{h(k.css)}\">{h(k.shown.strip('[]'))}</span>"
    if k.css in WORDS_SHOWN:
        return WORDS_SHOWN[k.css]
    if k.css not in MARKED:
        css = f"chip {k.css}" if k.css else "chip"
        return f"<span class=\"{h(css)}\"><span class=\"label\">{h(k.shown)}</span></span>"
    mark, _, word = k.shown.partition(" ")  # a grade or a strength: its mark, then its word, as a cell shows them
    return (f"<span class=\"chip {h(k.css)}\"><span class=\"mark\" aria-hidden=\"true\">{h(mark)}</span> "
            f"<span class=\"label\">{h(word)}</span></span>")


def _key_item(k: C.Key) -> str:
    return f"<li>{_key_shown(k)} {h(k.meaning)}</li>"


def legend(key: C.Legend) -> str:
    """The key to the colours, symbols, badges and words; it reads without colour."""
    groups = [f"<h3>{h(head)}</h3>\n<ul>\n" + "\n".join(_key_item(k) for k in keys) + "\n</ul>\n"
              for head, keys in key.groups]
    return ("<section class=\"legend\" id=\"legend\" aria-label=\"Legend\">\n<h2>Legend</h2>\n" + "".join(groups)
            + "<p class=\"meta\">Each cell shows its grade (or strength) as a symbol and a word, a partial grade "
              "with its score; the colour only repeats them. Open a cell for its reasons, each with its evidence."
              "</p>\n</section>\n")


def evidence_item(e: Evidence) -> str:
    """One piece of evidence: citation, the words (a paraphrase never in quotation marks), source, badge."""
    label = "<span class=\"context\">context</span> " if e.context else ""
    if e.absent:
        words = f" <span class=\"no-statement\">{h(C.NO_STATEMENT)}</span>"
    elif e.quote is None:
        words = ""
    elif e.paraphrase:
        words = f" <span class=\"paraphrase\">(paraphrase) {h(e.quote)}</span>"
    else:
        words = f" <q>{h(e.quote)}</q>"
    where = f" <span class=\"where\">({h(e.file)}:{e.line})</span>" if e.file and not e.absent else ""
    return f"<li>{label}{h(C.citation(e))}{words}{where}{badge(e.verification, title=False)}</li>"


def _reason_item(r: Reason, plain: bool) -> str:
    evidence = "".join(evidence_item(e) for e in r.evidence)
    evidence = f"<ul class=\"evidence\">{evidence}</ul>" if evidence else ""
    if plain:  # no article graded: the reason explains the grade
        return f"<li>{h(r.because)}{evidence}</li>"
    art = f" <span class=\"where\">({h(C.cited(r.article, r.chapter))})</span>" if r.article and not r.evidence else ""
    found = f"<br><span class=\"where\">found: {h(r.detail)}</span>" if r.detail else ""
    return f"<li><strong>{h(C.reason_head(r))}</strong>{art}: {h(r.because)}{found}{evidence}</li>"


def reasons_html(reasons: Sequence[Reason], plain: bool = False) -> str:
    """Why a finding or cell is not met, one item per failed requirement, each with its evidence."""
    if not reasons:
        return ""
    title = "Why" if plain else "Why not met"
    items = "".join(_reason_item(r, plain) for r in reasons)
    return f"<p><strong>{title}</strong></p><ul class=\"reasons\">{items}</ul>"


def evidence_html(evidence: Sequence[Evidence]) -> str:
    """The article's words behind a finding (labelled context where they support no reason)."""
    if not evidence:
        return ""
    title = "Context: the article's words" if all(e.context for e in evidence) else "Evidence"
    return f"<p><strong>{title}</strong></p><ul class=\"evidence\">" + "".join(map(evidence_item, evidence)) + "</ul>"


def notes_html(f: Finding) -> str:
    """Chapters searched, parts covered, encoders' notes."""
    notes = C.finding_notes(f)
    return "<ul class=\"notes\">" + "".join(f"<li>{h(x)}</li>" for x in notes) + "</ul>" if notes else ""


def articles_html(articles: Sequence[ArticleView]) -> str:
    """A comparison cell's articles with their qualifiers."""
    if not articles:
        return "<p>No article addresses this.</p>"
    items = []
    for a in articles:
        title = f" {h(a.title)}" if a.title else ""
        quals = "; ".join(h(q.text) for q in a.qualifiers)
        items.append(f"<li><strong>{h(a.citation)}</strong>{title}: {quals} "
                     f"<span class=\"where\">({h(a.file)}:{a.line})</span>{badge(a.verification, title=False)}</li>")
    return "<p><strong>Articles on the topic</strong></p><ul class=\"articles\">" + "".join(items) + "</ul>"


@attrs.frozen
class Head:
    """What a cell's summary opens with: its grade and score, or (strength lens) its hardness; its badge."""

    grade: Optional[str]
    score: Optional[int] = None
    level: Optional[str] = None
    hardness: Optional[C.Hardness] = None


def _band(score: Optional[int]) -> str:
    """A partial grade's band: its colour deepens as the score falls."""
    if score is None:
        return ""
    return "low" if score < 34 else "high" if score >= 67 else "middle"


def _score(head: Head) -> str:
    if head.grade != V.Grade.PARTIAL or head.score is None or head.hardness is not None:
        return ""
    return (f" <meter class=\"score\" min=\"0\" max=\"100\" low=\"34\" high=\"67\" optimum=\"100\" "
            f"value=\"{head.score}\" title=\"score {head.score} of 100\">{head.score}</meter>"
            f"<span class=\"label\">{head.score}</span>")


def _head_html(head: Head) -> str:
    if head.hardness is not None:
        mark, word = C.HARDNESS_MARK[head.hardness], str(head.hardness)
    elif head.grade is not None:
        mark, word = C.GRADE_MARK[head.grade], C.GRADE_LABEL[head.grade]
    else:
        return badge(head.level)
    return (f"<span class=\"mark\" aria-hidden=\"true\">{h(mark)}</span> <span class=\"label\">{h(word)}</span>"
            + _score(head) + badge(head.level))


def _attributes(head: Head, label: str) -> str:
    css = C.HARDNESS_CSS[head.hardness] if head.hardness is not None else C.GRADE_CSS[head.grade]
    data = f" data-grade=\"{h(head.grade)}\"" if head.grade else ""
    band = _band(head.score) if head.grade == V.Grade.PARTIAL and head.hardness is None else ""
    data += f" data-band=\"{band}\"" if band else ""
    return f"class=\"cell {css}\"{data} aria-label=\"{h(label)}\""


def cell(head: Head, summary_lines: Iterable[str], body: str, label: str, opened: bool = False) -> str:
    """A ``<td>``: colour class, symbol, word, score and badge, short text; details open to ``body`` (HTML),
    already open if ``opened``."""
    text = _head_html(head) + "".join(f"<span class=\"sub\">{h(x)}</span>" for x in summary_lines)
    if not body:
        return f"<td {_attributes(head, label)}>{text}</td>"
    return (f"<td {_attributes(head, label)}><details{' open' if opened else ''}><summary>{text}</summary>"
            f"<div class=\"body\">{body}</div></details></td>")


@attrs.frozen
class Column:
    """A matrix column (or row) head: name and subtitle (plain text), badge and force."""

    name: str
    subtitle: str = ""
    level: Optional[str] = None
    force: str = ""


def _column(info: AgreementInfo) -> Column:
    return Column(names.short(info.id), info.title or "", info.verification, C.force_short(info.force))


def _head_cell(c: Column, scope: str) -> str:
    force = f"<span class=\"sub force\">{h(c.force)}</span>" if c.force else ""
    return (f"<th scope=\"{scope}\">{h(c.name)}{badge(c.level)}<span class=\"sub\">{h(c.subtitle)}</span>"
            f"{force}</th>")


def matrix(caption: str, corner: str, columns: Sequence[Column], rows: Sequence[tuple[Column, list[str]]]) -> str:
    """A table: ``columns`` and row heads as :class:`Column`, each row's cells as ``<td>`` HTML (one column:
    the page's width)."""
    head = f"<th scope=\"col\">{h(corner)}</th>" + "".join(_head_cell(c, "col") for c in columns)
    body = "".join(f"<tr>{_head_cell(r, 'row')}{''.join(tds)}</tr>\n" for r, tds in rows)
    css = "matrix single" if len(columns) == 1 else "matrix"
    return (f"<div class=\"scroll matrix-wrap\"><table class=\"{css}\">\n<caption>{h(caption)}</caption>\n"
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table></div>\n")


def counts(grades: Iterable[Optional[str]]) -> str:
    """``✓ met: 3  ~ partial: 1  ? not encoded: 2`` for the grades present, in the legend's order."""
    return _counts([(C.grade_words(g), n) for g, n in C.grade_counts(grades)])


def _counts(shown: Sequence[tuple[str, int]]) -> str:
    parts = [f"<span>{h(words)}: {n}</span>" for words, n in shown]
    return f"<p class=\"counts\">{''.join(parts)}</p>\n" if parts else ""


def force_html(text: str) -> str:
    """A force line (``binds no one on ...``) as a paragraph; nothing for a text in force."""
    return f"<p class=\"force\">{h(text)}</p>" if text else ""


def _finding_lines(f: Finding, source: bool, extra: str) -> list[str]:
    lines = [C.cited(f.article, f.chapter, "no article")]
    if f.reasons and f.article is not None:
        lines.append(f"{len(f.reasons)} requirement{'s' if len(f.reasons) != 1 else ''} not met")
    lines += [C.force_short(f.force)] if f.force != V.Force.IN_FORCE else []
    return lines + ([f.agreement] if source else []) + ([extra] if extra else [])


def _finding_cell(f: Optional[Finding], source: bool = False, extra: str = "", force: str = "",
                  opened: bool = False) -> str:
    if f is None:
        return cell(Head(V.Grade.UNMET), ["nothing binds both"], "", "no agreement binds both")
    body = force_html(force or C.force_words(f.force)) + reasons_html(f.reasons, f.article is None)
    body += notes_html(f) + evidence_html(f.evidence)
    head = Head(f.grade, f.score, C.finding_verification(f))
    return cell(head, _finding_lines(f, source, extra), body, f"{f.agreement} {f.norm}: {f.grade}", opened)


# ---------------------------------------------------------------- results


def _agreements_html(infos: Sequence[AgreementInfo], as_of: dt.date) -> str:
    items = "".join(f"<li><strong>{h(names.labelled(a.id))}</strong>{badge(a.verification)} {h(a.title or '')} "
                    f"<span class=\"where\">({h(C.agreement_facts(a))})</span>{force_html(C.info_force(a, as_of))}</li>"
                    for a in infos)
    return f"<h2>Agreements</h2>\n<ul class=\"agreements\">{items}</ul>\n"


def _report_page(r: Report, precedents: str) -> str:
    norms = list(dict.fromkeys(f.norm for f in r.findings))
    titles = {f.norm: f.norm_title or "" for f in r.findings}
    by = {(f.agreement, f.norm): f for f in r.findings}
    status = {a.id: a.status for a in r.agreements}

    one = len(r.agreements) == 1  # one agreement: the page's width, every cell open

    def td(a: str, n: str) -> str:
        f = by.get((a, n))
        return _finding_cell(f, force=C.force_words(f.force, status[a], r.as_of) if f else "", opened=one)

    rows = [(Column(n, titles[n]), [td(a.id, n) for a in r.agreements]) for n in norms]
    body = legend(C.legend(party=r.party is not None)) + _agreements_html(r.agreements, r.as_of)
    body += "<h2>Findings</h2>\n" + counts(f.grade for f in r.findings)
    body += matrix("Norms by agreement", "Norm", [_column(a) for a in r.agreements], rows) + precedents
    return page("Gap report: " + ", ".join(names.short(a.id) for a in r.agreements), C.report_header(r), body,
                r.engine_version, True)


def report(r: Report) -> str:
    """Norms by agreement: one cell per finding, opening to its reasons, their evidence and notes."""
    return _report_page(r, "")


def _comparison_td(c: Comparison, row: Row, agreement: str) -> str:
    x = c.cell(row.key, agreement)
    lines = [C.force_short(x.force)] if x.force != V.Force.IN_FORCE and c.cells_shown is Cells.FULL else []
    lines += C.article_lines(c, x)
    body = articles_html(x.articles) + reasons_html(x.reasons, not x.articles) + evidence_html(x.evidence)
    hard = C.hardness(x) if C.by_strength(c) else None
    head = Head(x.grade, x.score, C.cell_verification(x), hard)
    return cell(head, lines, body, f"{agreement} {row.key}: {hard or x.grade or 'topic'}", len(c.agreements) == 1)


def _row_head(c: Comparison, r: Row) -> Column:
    if c.row_label(r) != r.key:  # labelled by its title: the id under it
        return Column(c.row_label(r), r.key)
    return Column(r.key, r.title or "")


def _carve_outs(c: Comparison) -> str:
    lines = C.carve_out_lines(c)
    if not lines:
        return ""
    return (f"<div class=\"matrix-wrap carve-outs\"><p class=\"meta\">{h(C.CARVE_OUT_INTRO)}</p><ul>"
            + "".join(f"<li>{h(x)}</li>" for x in lines) + "</ul></div>\n")


def comparison(c: Comparison) -> str:
    """The matrix (agreements down the side if transposed); cells open to articles, reasons, evidence."""
    graded = any(r.kind is V.RowKind.NORM for r in c.rows)
    row_heads = [_row_head(c, r) for r in c.rows]
    if c.transposed:
        rows = [(_column(a), [_comparison_td(c, r, a.id) for r in c.rows]) for a in c.agreements]
        columns, corner = row_heads, "Agreement"
    else:
        rows = [(rh, [_comparison_td(c, r, a.id) for a in c.agreements]) for rh, r in zip(row_heads, c.rows)]
        columns, corner = [_column(a) for a in c.agreements], "Norm" if graded else "Topic"
    body = legend(C.comparison_legend(c)) + "<h2>Matrix</h2>\n"
    body += _counts(C.cell_counts(c)) + matrix("Side-by-side comparison", corner, columns, rows) + _carve_outs(c)
    return page("Comparison: " + ", ".join(names.short(a.id) for a in c.agreements), C.comparison_header(c), body,
                c.engine_version, True)


def _pair_columns(p: Pair) -> list[Column]:
    columns = [Column("strongest", "the best commitment binding both")]
    if p.drafts:
        columns.append(Column("with drafts", "the strongest once the drafts are in force"))
    columns += [_column(b.agreement) for b in p.agreements]
    return columns + [Column(d.id, "draft: " + (d.title or ""), d.verification, C.force_short(d.force))
                      for d in p.drafts]


def pair(p: Pair) -> str:
    """The agreements binding both, then per norm the strongest commitment and each agreement's finding."""
    rows = []
    for r in p.rows:
        tds = [_finding_cell(r.strongest, source=True)]
        if p.drafts:
            tds.append(_finding_cell(r.with_drafts, source=True, extra=r.effect or "no change"))
        tds += [_finding_cell(f) for f in r.findings + r.draft_findings]
        rows.append((Column(r.norm, r.norm_title or ""), tds))
    listing = "".join(f"<p>{h(x)}</p>\n" if not x.startswith("  ") else f"<ul><li>{h(x.strip())}</li></ul>\n"
                      for x in C.pair_agreement_lines(p))
    body = legend(C.legend(extra=(("cells", C.PAIR_KEYS),))) + "<h2>Agreements</h2>\n" + listing + "<h2>Norms</h2>\n"
    body += counts(r.strongest.grade if r.strongest else V.Grade.UNMET for r in p.rows)
    body += matrix("Strongest commitment between the two, by norm", "Norm", _pair_columns(p), rows)
    if p.drafts:
        body += (f"<p><strong>With {h(', '.join(d.id for d in p.drafts))}: closes {p.closes}, "
                 f"narrows {p.narrows}.</strong></p>\n")
    return page(f"Pair view: {p.x} and {p.y}", C.pair_header(p), body, p.engine_version, True)


def _changes_rows(item: str, status: str, changes: Sequence[Change]) -> str:
    if not changes:
        return f"<tr><td>{h(item)}</td><td>{h(status)}</td><td colspan=\"4\"></td></tr>\n"
    out = []
    for c in changes:
        quotes = "".join(f"<div>− {_diff_words(q)}</div>" for q in c.quotes_removed)
        quotes += "".join(f"<div>+ {_diff_words(q)}</div>" for q in c.quotes_added)
        out.append(f"<tr><td>{h(item)}</td><td>{h(status)}</td><td>{h(c.attribute)}</td><td>{h(c.old or '')}</td>"
                   f"<td>{h(c.new or '')}</td><td>{quotes}</td></tr>\n")
    return "".join(out)


def _text_changes(d: Diff) -> str:
    head = "<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Status</th><th scope=\"col\">Attribute</th>" \
           "<th scope=\"col\">Before</th><th scope=\"col\">After</th><th scope=\"col\">Quotes</th></tr></thead>"
    rows = _changes_rows("agreement", V.ChangeStatus.CHANGED, d.agreement) if d.agreement else ""
    rows += "".join(_changes_rows(f"chapter {c.number}", c.status, c.changes) for c in d.chapters)
    rows += "".join(_changes_rows(f"{a.citation} {a.title or ''}".strip(), a.status, a.changes)
                    for a in d.articles)
    return ("<h2>Text</h2>\n<div class=\"scroll\"><table class=\"changes\"><caption>What the text says "
            f"differently</caption>{head}<tbody>\n{rows}</tbody></table></div>\n")


def _grade_change_row(g: GradeChange) -> str:
    return (f"<tr><th scope=\"row\">{h(g.norm)}<span class=\"sub\">{h(g.norm_title or '')}</span></th>"
            + cell(Head(g.old_grade), [C.cited(g.old_article, g.old_chapter, "no article")], "",
                   f"before: {g.old_grade}")
            + cell(Head(g.new_grade), [C.cited(g.new_article, g.new_chapter, "no article")], "",
                   f"after: {g.new_grade}")
            + f"<td>{h(g.effect)}</td><td>{h('; '.join(g.resolved))}</td><td>{h('; '.join(g.introduced))}</td></tr>\n")


def diff(d: Diff) -> str:
    """What the text says differently, then the findings that changed."""
    key = legend(C.legend(grades=d.grades != (), words=False, party=d.party is not None))
    body = key + _text_changes(d) + f"<h2>Grades: {h(d.summary)}</h2>\n"
    body += ("<div class=\"scroll\"><table class=\"matrix\"><caption>Findings that changed</caption><thead><tr>"
             "<th scope=\"col\">Norm</th><th scope=\"col\">Before</th><th scope=\"col\">After</th>"
             "<th scope=\"col\">Effect</th><th scope=\"col\">Now holds</th><th scope=\"col\">Now fails</th></tr></thead>"
             f"<tbody>\n{''.join(_grade_change_row(g) for g in d.grades)}</tbody></table></div>\n")
    return page(f"Diff: {names.short(d.old.id)} to {names.short(d.new.id)}", C.diff_header(d), body, d.engine_version)


# ---------------------------------------------------------------- precedents


def _block(text: str) -> str:
    """Escape a multi-line block, keeping its line breaks."""
    return "\n".join(h(line) for line in text.splitlines())


def _precedent_item(p: Precedent) -> str:
    date = p.date.isoformat() if p.date else "no date"
    also = f" Also in: {h(', '.join(p.also_in))}." if p.also_in else ""
    return (f"<li><details><summary><strong>{h(p.citation)}</strong> <span class=\"where\">({h(p.strength)}; "
            f"{p.parties} parties; {h(date)}; {h(p.file)}:{p.line})</span></summary>{also}"
            f"<pre><code>{_block(p.snippet)}</code></pre></details></li>\n")


def suggestions(items: Sequence[Suggestion]) -> str:
    """Precedents for a report's gaps, as a ``<section>`` (to place in a page) with paste-ready snippets."""
    out = ["<section class=\"precedents\" id=\"precedents\">\n<h2>Precedents</h2>\n<p class=\"meta\">Articles elsewhere "
           "in the corpus that meet the norm: binding first, then more parties, then newer. Each snippet can be "
           "pasted into a draft.</p>\n"]
    if not items:
        out.append("<p>No gaps, nothing to suggest.</p>\n")
    for s in items:
        out.append(f"<h3>{h(C.suggestion_heading(s))}</h3>\n")
        if not s.precedents:
            out.append("<p>No article in the corpus meets this norm.</p>\n")
        out += ["<ol>\n", *[_precedent_item(p) for p in s.precedents], "</ol>\n"]
        if s.more:
            out.append(f"<p class=\"meta\">{s.more} more not shown.</p>\n")
    return "".join(out) + "</section>\n"


def suggested_report(sr: SuggestedReport) -> str:
    """One page: the report, then its precedents section."""
    return _report_page(sr.report, suggestions(sr.suggestions))


# ---------------------------------------------------------------- search


def _passage_item(p: Passage) -> str:
    from engine.views.search import Field

    words = C.marked(p.text, p.spans, h, lambda x: f"<mark>{h(x)}</mark>")
    if p.field is Field.QUOTE:
        words = f"<span class=\"paraphrase\">(paraphrase) {words}</span>" if p.paraphrase else f"<q>{words}</q>"
    return (f"<li>{h(C.passage_label(p))}: {words} <span class=\"where\">({h(p.file)}:{p.line})</span>"
            f"{badge(p.verification, title=False)}</li>")


def search(s: Search) -> str:
    """The hits, best first, each with the passages that matched, the matches in ``<mark>``."""
    items = []
    for hit in s.hits:
        head = f"{names.short(hit.agreement)} {hit.citation}" + (f" {hit.title}" if hit.title else "")
        items.append(f"<li><strong>{h(head)}</strong> <span class=\"where\">({h(hit.strength)}; matched: "
                     f"{h(', '.join(hit.matched))})</span>{badge(hit.verification)}<ul class=\"evidence\">"
                     + "".join(_passage_item(p) for p in hit.passages) + "</ul></li>\n")
    body = f"<h2>Articles</h2>\n<ol class=\"hits\">\n{''.join(items)}</ol>\n" if items else "<p>No article matches.</p>\n"
    return page("Search: " + s.query, C.search_header(s), body, s.engine_version)


@functools.cache
def _views() -> Mapping[type, C.Renderer]:
    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.precedents import SuggestedReport
    from engine.views.search import Search

    return {Comparison: comparison, Diff: diff, Pair: pair, SuggestedReport: suggested_report, Search: search}


FORMAT = C.Format("html", C.ByType({Report: report}, _views), suggestions)


def _diff_words(words: str) -> str:
    """Quoted words of a diff; a paraphrase in its own span, never in quotation marks."""
    if words.startswith(M.PARAPHRASE_MARK):
        return f"<span class=\"paraphrase\">{h(words[len(M.PARAPHRASE_MARK):])}</span>"
    return f"<q>{h(words)}</q>"
