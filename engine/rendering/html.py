"""One self-contained HTML page per result: a report, a comparison, a pair view or a diff.

The page loads nothing: styles are inline, there are no fonts, images or
scripts from elsewhere, and a Content-Security-Policy says so to the
browser.  The one inline script (which opens every cell before printing) is
allowed by its hash; without it the page works the same, and print styles
open the cells too where the browser supports it.

Grades are shown three ways at once: a colour, a symbol and a word, so the
matrix reads in black and white and to a screen reader.  Each cell is a
``<details>``: the summary gives the grade and article, the body its
reasons and evidence.  Every string from agreements and norms goes through
:func:`engine.rendering.safe.html`.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Iterable, Optional, Sequence

from engine.language import parties as P
from engine.rendering import safe
from engine.rendering.words import GRADE_LABEL, GRADE_MARK

h = safe.html

GRADE_CLASS = {"met": "g-met", "partial": "g-partial", "unmet": "g-unmet", "not-applicable": "g-na", None: "g-none"}
GRADE_MEANING = {
    "met": "an article meets every requirement and binds every party on the date",
    "partial": "an article addresses it but some requirement fails, or it does not yet bind some parties",
    "unmet": "no article addresses it, or an essential requirement fails",
    "not-applicable": "the party in view is not a party to the agreement",
}

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


def legend(graded: bool = True, topics: bool = False) -> str:
    """The key to the colours, symbols and words; it reads without colour."""
    items = []
    if graded:
        for g in ("met", "partial", "unmet", "not-applicable"):
            items.append(f"<li><span class=\"chip {GRADE_CLASS[g]}\"><span class=\"mark\" aria-hidden=\"true\">"
                         f"{h(GRADE_MARK[g])}</span> <span class=\"label\">{h(GRADE_LABEL[g])}</span></span> "
                         f"{h(GRADE_MEANING[g])}</li>")
    if topics:
        items.append("<li><span class=\"chip g-none\"><span class=\"label\">no grade</span></span> "
                     "a row that is a topic, not a norm: the articles on it, strongest first</li>")
    return ("<section class=\"legend\" id=\"legend\" aria-label=\"Legend\">\n<h2>Legend</h2>\n<ul>\n" + "\n".join(items)
            + "\n</ul>\n<p class=\"meta\">Each cell shows its grade as a symbol and a word; the colour only repeats "
              "them. Open a cell for its reasons and evidence. Qualifiers name what matters about an article: "
              "strength, the kind of exception, dispute settlement, transitions, contingency, sectors carved "
              "out.</p>\n</section>\n")


def reasons_html(reasons) -> str:
    if not reasons:
        return ""
    items = []
    for r in reasons:
        who = f" <span class=\"where\">[{h(', '.join(r.parties))}]</span>" if r.parties else ""
        art = f" <span class=\"where\">(Art. {h(r.article)})</span>" if r.article else ""
        found = f"<br><span class=\"where\">found: {h(r.detail)}</span>" if r.detail else ""
        items.append(f"<li><strong>✗ {h(r.requirement)}</strong>{who}{art}: {h(r.because)}{found}</li>")
    return "<p><strong>Why not met</strong></p><ul class=\"reasons\">" + "".join(items) + "</ul>"


def evidence_html(evidence) -> str:
    if not evidence:
        return ""
    items = []
    for e in evidence:
        quote = f" <q>{h(e.quote)}</q>" if e.quote else ""
        items.append(f"<li>Art. {h(e.article)}{quote} <span class=\"where\">({h(e.file)}:{e.line}; "
                     f"{h(e.verification)})</span></li>")
    return "<p><strong>Evidence</strong></p><ul class=\"evidence\">" + "".join(items) + "</ul>"


def articles_html(articles) -> str:
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
        mark = (f"<span class=\"mark\" aria-hidden=\"true\">{h(GRADE_MARK[grade])}</span> "
                f"<span class=\"label\">{h(GRADE_LABEL[grade])}</span>")
    text = mark + "".join(f"<span class=\"sub\">{x}</span>" for x in lines)
    data = f" data-grade=\"{h(grade)}\"" if grade else ""
    if not body:
        return f"<td class=\"cell {GRADE_CLASS[grade]}\"{data} aria-label=\"{h(label)}\">{text}</td>"
    return (f"<td class=\"cell {GRADE_CLASS[grade]}\"{data} aria-label=\"{h(label)}\"><details><summary>{text}"
            f"</summary><div class=\"body\">{body}</div></details></td>")


def matrix(caption: str, corner: str, columns: Sequence[tuple[str, str]], rows: Sequence[tuple[str, str, list[str]]]) -> str:
    """A table: ``columns`` are (name, subtitle) plain text; ``rows`` are (name, subtitle, [td html])."""
    head = f"<th scope=\"col\">{h(corner)}</th>" + "".join(
        f"<th scope=\"col\">{h(n)}<span class=\"sub\">{h(s)}</span></th>" for n, s in columns)
    body = "".join(
        f"<tr><th scope=\"row\">{h(n)}<span class=\"sub\">{h(s)}</span></th>{''.join(tds)}</tr>\n"
        for n, s, tds in rows)
    return (f"<div class=\"scroll\"><table class=\"matrix\">\n<caption>{h(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n{body}</tbody>\n</table></div>\n")


def counts(grades: Iterable[Optional[str]]) -> str:
    grades = [g for g in grades if g]
    parts = [f"<span>{h(GRADE_MARK[g])} {h(GRADE_LABEL[g])}: {grades.count(g)}</span>"
             for g in ("met", "partial", "unmet", "not-applicable") if g in grades]
    return f"<p class=\"counts\">{''.join(parts)}</p>\n" if parts else ""


def _finding_cell(f, source: bool = False, extra: str = "") -> str:
    if f is None:
        return cell("unmet", ["nothing binds both"], "", "no agreement binds both")
    lines = [f"Art. {f.article}" if f.article else "no article"]
    if f.reasons and f.unmet_because != "no-article":
        lines.append(f"{len(f.reasons)} requirement{'s' if len(f.reasons) != 1 else ''} not met")
    if source:
        lines.append(f.agreement)
    if extra:
        lines.append(extra)
    body = reasons_html(f.reasons) + evidence_html(f.evidence)
    return cell(f.grade, lines, body, f"{f.agreement} {f.norm}: {f.grade}")


def _who(party) -> str:
    return f"from the position of {P.name(party)} ({party})" if party else "all parties"


# ---------------------------------------------------------------- results


def _report(report, suggestions=None) -> str:
    from engine.rendering.words import header_lines

    norms = list(dict.fromkeys(f.norm for f in report.findings))
    titles = {f.norm: f.norm_title or "" for f in report.findings}
    by = {(f.agreement, f.norm): f for f in report.findings}
    columns = [(a.id, a.title or "") for a in report.agreements]
    rows = [(n, titles[n], [_finding_cell(by.get((a.id, n))) for a in report.agreements]) for n in norms]
    body = legend() + "<h2>Findings</h2>\n" + counts(f.grade for f in report.findings)
    body += matrix("Norms by agreement", "Norm", columns, rows)
    if suggestions is not None:
        body += precedents_section(suggestions)
    return page("Gap report: " + ", ".join(a.id for a in report.agreements), header_lines(report), body,
                report.engine_version)


def _comparison(c) -> str:
    from engine.rendering.compare_render import header_lines

    def td(row, agreement):
        x = c.cell(row.key, agreement)
        lines = [a.summary() for a in x.articles] or ["no article"]
        body = articles_html(x.articles) + reasons_html(x.reasons) + evidence_html(x.evidence)
        return cell(x.grade, lines, body, f"{agreement} {row.key}: {x.grade or 'topic'}")

    graded = any(r.kind == "norm" for r in c.rows)
    if c.transposed:
        columns = [(r.key, r.title or "") for r in c.rows]
        rows = [(a.id, a.title or "", [td(r, a.id) for r in c.rows]) for a in c.agreements]
        corner = "Agreement"
    else:
        columns = [(a.id, a.title or "") for a in c.agreements]
        rows = [(r.key, r.title or "", [td(r, a.id) for a in c.agreements]) for r in c.rows]
        corner = "Norm" if graded else "Topic"
    body = legend(graded, any(r.kind == "topic" for r in c.rows)) + "<h2>Matrix</h2>\n" + counts(x.grade for x in c.cells)
    body += matrix("Side-by-side comparison", corner, columns, rows)
    return page("Comparison: " + ", ".join(a.id for a in c.agreements), header_lines(c), body, c.engine_version)


def _pair(p) -> str:
    from engine.rendering.pair_render import agreement_lines, header_lines

    columns = [("strongest", "the best commitment binding both")]
    if p.drafts:
        columns.append(("with drafts", "the strongest once the drafts are in force"))
    columns += [(b.agreement.id, b.agreement.title or "") for b in p.agreements]
    columns += [(d.id, "draft: " + (d.title or "")) for d in p.drafts]
    rows = []
    for r in p.rows:
        tds = [_finding_cell(r.strongest, source=True)]
        if p.drafts:
            tds.append(_finding_cell(r.with_drafts, source=True, extra=r.effect or "no change"))
        tds += [_finding_cell(f) for f in r.findings + r.draft_findings]
        rows.append((r.norm, r.norm_title or "", tds))
    listing = "".join(f"<p>{h(x)}</p>\n" if not x.startswith("  ") else f"<ul><li>{h(x.strip())}</li></ul>\n"
                      for x in agreement_lines(p))
    body = legend() + "<h2>Agreements</h2>\n" + listing + "<h2>Norms</h2>\n"
    body += counts(r.strongest.grade if r.strongest else "unmet" for r in p.rows)
    body += matrix("Strongest commitment between the two, by norm", "Norm", columns, rows)
    if p.drafts:
        body += f"<p><strong>With {h(', '.join(d.id for d in p.drafts))}: closes {p.closes}, narrows {p.narrows}.</strong></p>\n"
    return page(f"Pair view: {p.x} and {p.y}", header_lines(p), body, p.engine_version)


def _changes_rows(item: str, status: str, changes) -> str:
    if not changes:
        return f"<tr><td>{h(item)}</td><td>{h(status)}</td><td colspan=\"4\"></td></tr>\n"
    out = []
    for c in changes:
        quotes = "".join(f"<div>− <q>{h(q)}</q></div>" for q in c.quotes_removed)
        quotes += "".join(f"<div>+ <q>{h(q)}</q></div>" for q in c.quotes_added)
        out.append(f"<tr><td>{h(item)}</td><td>{h(status)}</td><td>{h(c.attribute)}</td><td>{h(c.old or '')}</td>"
                   f"<td>{h(c.new or '')}</td><td>{quotes}</td></tr>\n")
    return "".join(out)


def _diff(d) -> str:
    from engine.rendering.diff_render import header_lines

    head = "<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Status</th><th scope=\"col\">Attribute</th>" \
           "<th scope=\"col\">Before</th><th scope=\"col\">After</th><th scope=\"col\">Quotes</th></tr></thead>"
    rows = _changes_rows("agreement", "changed", d.agreement) if d.agreement else ""
    rows += "".join(_changes_rows(f"chapter {c.number}", c.status, c.changes) for c in d.chapters)
    rows += "".join(_changes_rows(f"Art. {a.number} {a.title or ''}".strip(), a.status, a.changes)
                    for a in d.articles)
    body = legend(d.grades != ()) + "<h2>Text</h2>\n<div class=\"scroll\"><table class=\"changes\"><caption>What the text says "
    body += f"differently</caption>{head}<tbody>\n{rows}</tbody></table></div>\n"
    body += f"<h2>Grades: {h(d.summary)}</h2>\n"
    grade_rows = "".join(
        f"<tr><th scope=\"row\">{h(g.norm)}<span class=\"sub\">{h(g.norm_title or '')}</span></th>"
        + cell(g.old_grade, [f"Art. {g.old_article}" if g.old_article else "no article"], "", f"before: {g.old_grade}")
        + cell(g.new_grade, [f"Art. {g.new_article}" if g.new_article else "no article"], "", f"after: {g.new_grade}")
        + f"<td>{h(g.effect)}</td><td>{h('; '.join(g.resolved))}</td><td>{h('; '.join(g.introduced))}</td></tr>\n"
        for g in d.grades)
    body += ("<div class=\"scroll\"><table class=\"matrix\"><caption>Findings that changed</caption><thead><tr>"
             "<th scope=\"col\">Norm</th><th scope=\"col\">Before</th><th scope=\"col\">After</th>"
             "<th scope=\"col\">Effect</th><th scope=\"col\">Now holds</th><th scope=\"col\">Now fails</th></tr></thead>"
             f"<tbody>\n{grade_rows}</tbody></table></div>\n")
    return page(f"Diff: {d.old.id} to {d.new.id}", header_lines(d), body, d.engine_version)


def precedents_section(suggestions) -> str:
    """Precedents for a report's gaps, as a ``<section>`` with paste-ready snippets."""
    out = ["<section class=\"precedents\" id=\"precedents\">\n<h2>Precedents</h2>\n<p class=\"meta\">Articles elsewhere "
           "in the corpus that meet the norm: binding first, then more parties, then newer. Each snippet can be "
           "pasted into a draft.</p>\n"]
    if not suggestions:
        out.append("<p>No gaps, nothing to suggest.</p>\n")
    for s in suggestions:
        art = f", Art. {s.article}" if s.article else ""
        out.append(f"<h3>{h(s.agreement)} / {h(s.norm)} ({h(s.grade)}{h(art)})</h3>\n")
        if not s.precedents:
            out.append("<p>No article in the corpus meets this norm.</p>\n")
        out.append("<ol>\n")
        for p in s.precedents:
            date = p.date.isoformat() if p.date else "no date"
            also = f" Also in: {h(', '.join(p.also_in))}." if p.also_in else ""
            out.append(f"<li><details><summary><strong>{h(p.citation)}</strong> <span class=\"where\">({h(p.strength)}; "
                       f"{p.parties} parties; {h(date)}; {h(p.file)}:{p.line})</span></summary>{also}"
                       f"<pre><code>{h_block(p.snippet)}</code></pre></details></li>\n")
        out.append("</ol>\n")
        if s.more:
            out.append(f"<p class=\"meta\">{s.more} more not shown.</p>\n")
    return "".join(out) + "</section>\n"


def h_block(text: str) -> str:
    """Escape a multi-line block, keeping its line breaks."""
    return "\n".join(h(line) for line in text.splitlines())


def render(result, suggestions=None) -> str:
    """The page for a Report (optionally with precedents), Comparison, Pair or Diff."""
    kind = type(result).__name__
    if kind == "Report":
        return _report(result, suggestions)
    if kind == "Comparison":
        return _comparison(result)
    if kind == "Pair":
        return _pair(result)
    if kind == "Diff":
        return _diff(result)
    raise TypeError(f"no HTML form for {kind}")
