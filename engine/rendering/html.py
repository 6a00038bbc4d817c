"""One self-contained HTML page per result: a report (with or without precedents), a comparison, a pair, a diff.

The page loads nothing: styles are inline, there are no fonts, images or
scripts from elsewhere, and a Content-Security-Policy says so to the
browser.  The one inline script (which opens every cell before printing) is
allowed by its hash; without it the page works the same, and print styles
open the cells too where the browser supports it.

Grades are shown three ways at once: a colour, a symbol and a word, so the
matrix reads in black and white and to a screen reader.  Each cell is a
``<details>``: the summary gives the grade and article, the body its
reasons and evidence.  Every string from agreements and norms goes through
:func:`engine.rendering.safe.html`.  A finding's trace has no page.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from typing import TYPE_CHECKING, Iterable, Mapping, Optional, Sequence

from engine.evaluation.findings import Finding, Report
from engine.language import vocab as V
from engine.rendering import common as C
from engine.rendering import safe

if TYPE_CHECKING:
    from engine.evaluation.findings import Evidence, Reason
    from engine.views.compare import ArticleView, Comparison, Row
    from engine.views.diff import Change, Diff, GradeChange
    from engine.views.pair import Pair
    from engine.views.precedents import Precedent, SuggestedReport, Suggestion

h = safe.html

STYLE = """
:root{--met:#1a7f37;--met-bg:#dafbe1;--partial:#7d4e00;--partial-bg:#fff1c2;--unmet:#b3261e;--unmet-bg:#ffe3e0;
--na:#57606a;--na-bg:#eaeef2;--line:#d0d7de;--ink:#1f2328;--muted:#57606a}
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
.g-none{background:#fff}
.mark{display:inline-block;min-width:1.1em;font-weight:bold}
.g-met .mark{color:var(--met)}.g-partial .mark{color:var(--partial)}.g-unmet .mark{color:var(--unmet)}.g-na .mark{color:var(--na)}
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
@media print{
 body{margin:0;font-size:10pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .scroll{overflow:visible}
 thead{display:table-header-group}
 tr,td,th{break-inside:avoid}
 details::details-content{content-visibility:visible;display:block}
 summary{list-style:none}
 summary::-webkit-details-marker{display:none}
 table.matrix td,table.matrix th[scope=row]{max-width:none}
}
"""

SCRIPT = "addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});"


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"


def page(title: str, meta: Sequence[str], body: str, version: str) -> str:
    """The whole document around ``body``; ``title`` and ``meta`` are plain text, escaped here."""
    head = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{h(_csp())}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta name=\"generator\" content=\"tradegap {h(version)}\">\n"
        f"<title>{h(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    )
    top = f"<header>\n<h1>{h(title)}</h1>\n" + "".join(f"<p class=\"meta\">{h(m)}</p>\n" for m in meta) + "</header>\n"
    return head + top + "<main>\n" + body + "</main>\n<script>" + SCRIPT + "</script>\n</body>\n</html>\n"


# ---------------------------------------------------------------- pieces


def _grade_chip(g: str) -> str:
    return (f"<li><span class=\"chip {C.GRADE_CSS[g]}\"><span class=\"mark\" aria-hidden=\"true\">"
            f"{h(C.GRADE_MARK[g])}</span> <span class=\"label\">{h(C.GRADE_LABEL[g])}</span></span> "
            f"{h(C.GRADE_MEANING[g])}</li>")


def legend(graded: bool = True, topics: bool = False) -> str:
    """The key to the colours, symbols and words; it reads without colour."""
    items = [_grade_chip(g) for g in C.GRADE_LABEL] if graded else []
    if topics:
        items.append("<li><span class=\"chip g-none\"><span class=\"label\">no grade</span></span> "
                     "a row that is a topic, not a norm: the articles on it, strongest first</li>")
    return ("<section class=\"legend\" id=\"legend\" aria-label=\"Legend\">\n<h2>Legend</h2>\n<ul>\n" + "\n".join(items)
            + "\n</ul>\n<p class=\"meta\">Each cell shows its grade as a symbol and a word; the colour only repeats "
              "them. Open a cell for its reasons and evidence. Qualifiers name what matters about an article: "
              "strength, the kind of exception, dispute settlement, transitions, contingency, sectors carved "
              "out.</p>\n</section>\n")


def reasons_html(reasons: Sequence[Reason]) -> str:
    """Why a finding or cell is not met, one item per failed requirement."""
    if not reasons:
        return ""
    items = []
    for r in reasons:
        who = f" <span class=\"where\">[{h(', '.join(r.parties))}]</span>" if r.parties else ""
        art = f" <span class=\"where\">(Art. {h(r.article)})</span>" if r.article else ""
        found = f"<br><span class=\"where\">found: {h(r.detail)}</span>" if r.detail else ""
        items.append(f"<li><strong>✗ {h(r.requirement)}</strong>{who}{art}: {h(r.because)}{found}</li>")
    return "<p><strong>Why not met</strong></p><ul class=\"reasons\">" + "".join(items) + "</ul>"


def evidence_html(evidence: Sequence[Evidence]) -> str:
    """The quoted words behind a finding, with where they are."""
    if not evidence:
        return ""
    items = []
    for e in evidence:
        quote = f" <q>{h(e.quote)}</q>" if e.quote else ""
        items.append(f"<li>Art. {h(e.article)}{quote} <span class=\"where\">({h(e.file)}:{e.line}; "
                     f"{h(e.verification)})</span></li>")
    return "<p><strong>Evidence</strong></p><ul class=\"evidence\">" + "".join(items) + "</ul>"


def articles_html(articles: Sequence[ArticleView]) -> str:
    """A comparison cell's articles with their qualifiers."""
    if not articles:
        return "<p>No article addresses this.</p>"
    items = []
    for a in articles:
        title = f" {h(a.title)}" if a.title else ""
        quals = "; ".join(h(q.text) for q in a.qualifiers)
        items.append(f"<li><strong>Art. {h(a.number)}</strong>{title}: {quals} "
                     f"<span class=\"where\">({h(a.file)}:{a.line}; {h(a.verification)})</span></li>")
    return "<p><strong>Articles on the topic</strong></p><ul class=\"articles\">" + "".join(items) + "</ul>"


def cell(grade: Optional[str], summary_lines: Iterable[str], body: str, label: str) -> str:
    """A ``<td>``: colour class, symbol, word and short text; details open to ``body`` (already HTML)."""
    lines = [h(x) for x in summary_lines]
    mark = ""
    if grade is not None:
        mark = (f"<span class=\"mark\" aria-hidden=\"true\">{h(C.GRADE_MARK[grade])}</span> "
                f"<span class=\"label\">{h(C.GRADE_LABEL[grade])}</span>")
    text = mark + "".join(f"<span class=\"sub\">{x}</span>" for x in lines)
    data = f" data-grade=\"{h(grade)}\"" if grade else ""
    css = C.GRADE_CSS[grade]
    if not body:
        return f"<td class=\"cell {css}\"{data} aria-label=\"{h(label)}\">{text}</td>"
    return (f"<td class=\"cell {css}\"{data} aria-label=\"{h(label)}\"><details><summary>{text}"
            f"</summary><div class=\"body\">{body}</div></details></td>")


def matrix(caption: str, corner: str, columns: Sequence[tuple[str, str]],
           rows: Sequence[tuple[str, str, list[str]]]) -> str:
    """A table: ``columns`` are (name, subtitle) plain text; ``rows`` are (name, subtitle, [td html])."""
    head = f"<th scope=\"col\">{h(corner)}</th>" + "".join(
        f"<th scope=\"col\">{h(n)}<span class=\"sub\">{h(s)}</span></th>" for n, s in columns)
    body = "".join(
        f"<tr><th scope=\"row\">{h(n)}<span class=\"sub\">{h(s)}</span></th>{''.join(tds)}</tr>\n"
        for n, s, tds in rows)
    return (f"<div class=\"scroll\"><table class=\"matrix\">\n<caption>{h(caption)}</caption>\n"
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table></div>\n")


def counts(grades: Iterable[Optional[str]]) -> str:
    """``✓ met: 3  ~ partial: 1`` for the grades present, in the legend's order."""
    present = [g for g in grades if g]
    parts = [f"<span>{h(C.GRADE_MARK[g])} {h(C.GRADE_LABEL[g])}: {present.count(g)}</span>"
             for g in C.GRADE_LABEL if g in present]
    return f"<p class=\"counts\">{''.join(parts)}</p>\n" if parts else ""


def _finding_cell(f: Optional[Finding], source: bool = False, extra: str = "") -> str:
    if f is None:
        return cell(V.Grade.UNMET, ["nothing binds both"], "", "no agreement binds both")
    lines = [f"Art. {f.article}" if f.article else "no article"]
    if f.reasons and f.unmet_because != V.UnmetBecause.NO_ARTICLE:
        lines.append(f"{len(f.reasons)} requirement{'s' if len(f.reasons) != 1 else ''} not met")
    if source:
        lines.append(f.agreement)
    if extra:
        lines.append(extra)
    body = reasons_html(f.reasons) + evidence_html(f.evidence)
    return cell(f.grade, lines, body, f"{f.agreement} {f.norm}: {f.grade}")


# ---------------------------------------------------------------- results


def _report_page(r: Report, precedents: str) -> str:
    norms = list(dict.fromkeys(f.norm for f in r.findings))
    titles = {f.norm: f.norm_title or "" for f in r.findings}
    by = {(f.agreement, f.norm): f for f in r.findings}
    columns = [(a.id, a.title or "") for a in r.agreements]
    rows = [(n, titles[n], [_finding_cell(by.get((a.id, n))) for a in r.agreements]) for n in norms]
    body = legend() + "<h2>Findings</h2>\n" + counts(f.grade for f in r.findings)
    body += matrix("Norms by agreement", "Norm", columns, rows) + precedents
    return page("Gap report: " + ", ".join(a.id for a in r.agreements), C.report_header(r), body, r.engine_version)


def report(r: Report) -> str:
    """Norms by agreement: one cell per finding, opening to its reasons and evidence."""
    return _report_page(r, "")


def _comparison_td(c: Comparison, row: Row, agreement: str) -> str:
    x = c.cell(row.key, agreement)
    lines = [a.summary() for a in x.articles] or ["no article"]
    body = articles_html(x.articles) + reasons_html(x.reasons) + evidence_html(x.evidence)
    return cell(x.grade, lines, body, f"{agreement} {row.key}: {x.grade or 'topic'}")


def comparison(c: Comparison) -> str:
    """The matrix (agreements down the side if transposed); cells open to articles, reasons, evidence."""
    graded = any(r.kind is V.RowKind.NORM for r in c.rows)
    if c.transposed:
        columns = [(r.key, r.title or "") for r in c.rows]
        rows = [(a.id, a.title or "", [_comparison_td(c, r, a.id) for r in c.rows]) for a in c.agreements]
        corner = "Agreement"
    else:
        columns = [(a.id, a.title or "") for a in c.agreements]
        rows = [(r.key, r.title or "", [_comparison_td(c, r, a.id) for a in c.agreements]) for r in c.rows]
        corner = "Norm" if graded else "Topic"
    body = legend(graded, any(r.kind == "topic" for r in c.rows)) + "<h2>Matrix</h2>\n"
    body += counts(x.grade for x in c.cells) + matrix("Side-by-side comparison", corner, columns, rows)
    return page("Comparison: " + ", ".join(a.id for a in c.agreements), C.comparison_header(c), body,
                c.engine_version)


def _pair_columns(p: Pair) -> list[tuple[str, str]]:
    columns = [("strongest", "the best commitment binding both")]
    if p.drafts:
        columns.append(("with drafts", "the strongest once the drafts are in force"))
    columns += [(b.agreement.id, b.agreement.title or "") for b in p.agreements]
    return columns + [(d.id, "draft: " + (d.title or "")) for d in p.drafts]


def pair(p: Pair) -> str:
    """The agreements binding both, then per norm the strongest commitment and each agreement's finding."""
    rows = []
    for r in p.rows:
        tds = [_finding_cell(r.strongest, source=True)]
        if p.drafts:
            tds.append(_finding_cell(r.with_drafts, source=True, extra=r.effect or "no change"))
        tds += [_finding_cell(f) for f in r.findings + r.draft_findings]
        rows.append((r.norm, r.norm_title or "", tds))
    listing = "".join(f"<p>{h(x)}</p>\n" if not x.startswith("  ") else f"<ul><li>{h(x.strip())}</li></ul>\n"
                      for x in C.pair_agreement_lines(p))
    body = legend() + "<h2>Agreements</h2>\n" + listing + "<h2>Norms</h2>\n"
    body += counts(r.strongest.grade if r.strongest else V.Grade.UNMET for r in p.rows)
    body += matrix("Strongest commitment between the two, by norm", "Norm", _pair_columns(p), rows)
    if p.drafts:
        body += (f"<p><strong>With {h(', '.join(d.id for d in p.drafts))}: closes {p.closes}, "
                 f"narrows {p.narrows}.</strong></p>\n")
    return page(f"Pair view: {p.x} and {p.y}", C.pair_header(p), body, p.engine_version)


def _changes_rows(item: str, status: str, changes: Sequence[Change]) -> str:
    if not changes:
        return f"<tr><td>{h(item)}</td><td>{h(status)}</td><td colspan=\"4\"></td></tr>\n"
    out = []
    for c in changes:
        quotes = "".join(f"<div>− <q>{h(q)}</q></div>" for q in c.quotes_removed)
        quotes += "".join(f"<div>+ <q>{h(q)}</q></div>" for q in c.quotes_added)
        out.append(f"<tr><td>{h(item)}</td><td>{h(status)}</td><td>{h(c.attribute)}</td><td>{h(c.old or '')}</td>"
                   f"<td>{h(c.new or '')}</td><td>{quotes}</td></tr>\n")
    return "".join(out)


def _text_changes(d: Diff) -> str:
    head = "<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Status</th><th scope=\"col\">Attribute</th>" \
           "<th scope=\"col\">Before</th><th scope=\"col\">After</th><th scope=\"col\">Quotes</th></tr></thead>"
    rows = _changes_rows("agreement", V.ChangeStatus.CHANGED, d.agreement) if d.agreement else ""
    rows += "".join(_changes_rows(f"chapter {c.number}", c.status, c.changes) for c in d.chapters)
    rows += "".join(_changes_rows(f"Art. {a.number} {a.title or ''}".strip(), a.status, a.changes)
                    for a in d.articles)
    return ("<h2>Text</h2>\n<div class=\"scroll\"><table class=\"changes\"><caption>What the text says "
            f"differently</caption>{head}<tbody>\n{rows}</tbody></table></div>\n")


def _grade_change_row(g: GradeChange) -> str:
    return (f"<tr><th scope=\"row\">{h(g.norm)}<span class=\"sub\">{h(g.norm_title or '')}</span></th>"
            + cell(g.old_grade, [f"Art. {g.old_article}" if g.old_article else "no article"], "",
                   f"before: {g.old_grade}")
            + cell(g.new_grade, [f"Art. {g.new_article}" if g.new_article else "no article"], "",
                   f"after: {g.new_grade}")
            + f"<td>{h(g.effect)}</td><td>{h('; '.join(g.resolved))}</td><td>{h('; '.join(g.introduced))}</td></tr>\n")


def diff(d: Diff) -> str:
    """What the text says differently, then the findings that changed."""
    body = legend(d.grades != ()) + _text_changes(d) + f"<h2>Grades: {h(d.summary)}</h2>\n"
    body += ("<div class=\"scroll\"><table class=\"matrix\"><caption>Findings that changed</caption><thead><tr>"
             "<th scope=\"col\">Norm</th><th scope=\"col\">Before</th><th scope=\"col\">After</th>"
             "<th scope=\"col\">Effect</th><th scope=\"col\">Now holds</th><th scope=\"col\">Now fails</th></tr></thead>"
             f"<tbody>\n{''.join(_grade_change_row(g) for g in d.grades)}</tbody></table></div>\n")
    return page(f"Diff: {d.old.id} to {d.new.id}", C.diff_header(d), body, d.engine_version)


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


@functools.cache
def _views() -> Mapping[type, C.Renderer]:
    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.precedents import SuggestedReport

    return {Comparison: comparison, Diff: diff, Pair: pair, SuggestedReport: suggested_report}


FORMAT = C.Format("html", C.ByType({Report: report}, _views), suggestions)
