"""Precedents for a report's gaps, in every format, and a report with its precedents attached.

Snippets are DSL text meant to be pasted: they are printed whole, line by
line, never wrapped; only what would act in the format is neutralised
(terminal control characters; a Markdown code fence longer than any run of
backticks inside; HTML escaping).
"""

from __future__ import annotations

import csv
import io
import re

from engine.rendering import safe

INTRO = "precedents: articles elsewhere in the corpus that meet the norm (binding first, then more parties, then newer)"


def _fact_line(p) -> str:
    date = p.date.isoformat() if p.date else "no date"
    return f"{p.strength}; {p.parties} parties; {p.status or 'status not given'} {date}; {p.file}:{p.line}; {p.verification}"


def _heading(s) -> str:
    art = f", Art. {s.article}" if s.article else ""
    return f"{s.agreement} / {s.norm} ({s.grade}{art})"


def render_text(suggestions) -> str:
    t = safe.term
    lines = ["", INTRO if suggestions else "precedents: no gaps, nothing to suggest"]
    for s in suggestions:
        lines += ["", t(_heading(s))]
        if not s.precedents:
            lines.append("  no article in the corpus meets this norm")
        for i, p in enumerate(s.precedents, 1):
            lines.append(t(f"  {i}. {p.citation}"))
            lines.append(t(f"     [{_fact_line(p)}]"))
            if p.also_in:
                lines.append(t(f"     the same article is in: {', '.join(p.also_in)}"))
            lines += ["     " + t(x) if x else "" for x in p.snippet.splitlines()]
        if s.more:
            lines.append(f"  ... {s.more} more (the library call engine.suggest_precedents(..., limit=None) lists all)")
    return "\n".join(lines) + "\n"


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def render_markdown(suggestions) -> str:
    md = safe.markdown
    out = ["", "## Precedents", "", md(INTRO[len("precedents: "):].capitalize()) + "." if suggestions
           else "No gaps, nothing to suggest."]
    for s in suggestions:
        out += ["", f"### {md(_heading(s))}", ""]
        if not s.precedents:
            out.append("No article in the corpus meets this norm.")
        for i, p in enumerate(s.precedents, 1):
            also = f" The same article is in: {md(', '.join(p.also_in))}." if p.also_in else ""
            out.append(f"{i}. **{md(p.citation)}** ({md(_fact_line(p))}).{also}")
            body = "\n".join(safe.term(x) for x in p.snippet.splitlines())
            fence = _fence(body)
            out += ["", f"   {fence}", *[f"   {x}" if x else "" for x in body.splitlines()], f"   {fence}", ""]
        if s.more:
            out.append(f"*{s.more} more not shown.*")
    return "\n".join(out) + "\n"


COLUMNS = ["agreement", "norm", "grade", "rank", "precedent_agreement", "article", "title", "strength", "parties",
           "date", "status", "citation", "file", "line", "verification", "also_in", "snippet"]


def render_csv(suggestions) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for s in suggestions:
        for i, p in enumerate(s.precedents, 1):
            row = [s.agreement, s.norm, s.grade, i, p.agreement, p.article, p.title or "", p.strength, p.parties,
                   p.date.isoformat() if p.date else "", p.status or "", p.citation, p.file, p.line, p.verification,
                   " ".join(p.also_in), p.snippet]
            w.writerow([safe.csv_cell(x) for x in row])
    return buf.getvalue()


def suggestions_data(suggestions) -> list:
    from engine.rendering.json_form import converter

    return converter().unstructure(list(suggestions))


def render_json(suggestions) -> str:
    from engine.rendering.json_form import dumps

    return dumps({"schema": {"name": "tradegap.precedents", "version": "1.0"},
                  "suggestions": suggestions_data(suggestions)})


def render_html(suggestions) -> str:
    """A ``<section>`` to place inside an HTML report."""
    from engine.rendering.html import precedents_section

    return precedents_section(suggestions)


def render_suggestions(suggestions, fmt: str = "text") -> str:
    """Suggestions alone, in ``fmt``."""
    return {"text": render_text, "markdown": render_markdown, "csv": render_csv, "json": render_json,
            "html": render_html}[fmt](suggestions)


def render_report_with_suggestions(report, suggestions, fmt: str = "text") -> str:
    """A report followed by its precedents, as one document in every format.

    JSON: the report's object with a ``precedents`` list added; HTML: one page
    with a precedents section; CSV: the report's table, a blank line, then the
    precedents' table; text and Markdown: one after the other.
    """
    if fmt == "json":
        from engine.rendering.json_form import dumps, report_dict

        return dumps({**report_dict(report), "precedents": suggestions_data(suggestions)})
    if fmt == "html":
        from engine.rendering.html import render as render_html_page

        return render_html_page(report, suggestions=suggestions)
    from engine.rendering import render

    joiner = "\n" if fmt == "csv" else ""
    return render(report, fmt) + joiner + render_suggestions(suggestions, fmt)
