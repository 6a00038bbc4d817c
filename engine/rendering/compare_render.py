"""A comparison matrix as text, Markdown or CSV (JSON and HTML have their own modules)."""

from __future__ import annotations

import csv
import io

from engine.language import parties as P
from engine.views.compare import COMPARISON_SCHEMA
from engine.rendering import grid, safe
from engine.rendering.words import GRADE_LABEL, GRADE_MARK, party_list

LEGEND = ("✓ met  ~ partial  ✗ unmet  - n/a (rows that are norms); "
          "each article: Art. N: strength; qualifiers; \"no article\": none addresses the row")


def header_lines(c) -> list[str]:
    """Version, date, perspective, what the rows are, one line per agreement."""
    who = f"from the position of {P.name(c.party)} ({c.party})" if c.party else "all parties"
    kinds = {r.kind for r in c.rows}
    sets = ", ".join(f"{n.id} {n.version or '(no version)'}" for n in c.norm_sets)
    what = " and ".join(w for w, k in ((f"norms of {sets}", "norm"), ("topics", "topic")) if k in kinds) or "nothing"
    lines = [f"tradegap {c.engine_version} comparison (schema {COMPARISON_SCHEMA[0]} {COMPARISON_SCHEMA[1]})",
             f"as of {c.as_of.isoformat()}; {who}", f"rows: {what}"]
    for a in c.agreements:
        extra = f"; draft based on {a.based_on}" if a.based_on else ""
        lines.append(f"{a.id}: {a.title or ''} [{a.status or 'status not given'}; {len(a.parties)} parties{extra}]")
    return lines


def grade_words(cell) -> str:
    """``✓ met`` (norm rows), empty for topic rows."""
    return f"{GRADE_MARK[cell.grade]} {GRADE_LABEL[cell.grade]}" if cell.grade else ""


def cell_lines(cell) -> list[str]:
    """A cell as plain lines (not yet escaped): grade, then one line per article."""
    lines = [grade_words(cell)] if cell.grade else []
    lines += [a.summary() for a in cell.articles] or ["no article"]
    return lines


def _row_label(row) -> list[str]:
    return [row.key] + ([row.title] if row.title and row.kind == "norm" else [])


def _gap_lines(c) -> list[str]:
    out = []
    for row in c.rows:
        for info in c.agreements:
            cell = c.cell(row.key, info.id)
            if cell.grade not in ("partial", "unmet"):
                continue
            art = f", Art. {cell.articles[0].number}" if cell.articles else ""
            out.append(safe.term(f"{info.id} / {row.key}: {cell.grade}{art}"))
            for r in cell.reasons:
                who = f" [{party_list(r.parties)}]" if r.parties else ""
                found = f": {r.detail}" if r.detail else f": {r.because}"
                out.extend(grid.wrap_cell([safe.term(f"  ✗ {r.requirement}{who}{found}")], 100).splitlines())
    return out


def render_text(c) -> str:
    t = safe.term
    lines = [x for line in header_lines(c) for x in grid.wrap_cell([t(line)], grid.WIDTH).splitlines()] + [""]
    agreements = [a.id for a in c.agreements]
    if c.transposed:
        labels = [[t(a)] for a in agreements]
        headers = [t(r.key) for r in c.rows]
        cells = [[[t(x) for x in cell_lines(c.cell(r.key, a))] for r in c.rows] for a in agreements]
        corner = "agreement"
    else:
        labels = [[t(x) for x in _row_label(r)] for r in c.rows]
        headers = [t(a) for a in agreements]
        cells = [[[t(x) for x in cell_lines(c.cell(r.key, a))] for a in agreements] for r in c.rows]
        corner = "norm" if all(r.kind == "norm" for r in c.rows) else "row"
    lines += grid.table(corner, headers, labels, cells).splitlines()
    lines += ["", *grid.wrap_cell([LEGEND], grid.WIDTH).splitlines()]
    gaps = _gap_lines(c)
    if gaps:
        lines += ["", "gaps (tradegap explain AGREEMENT SET.NORM traces one):"] + gaps
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- markdown


def _md_cell(cell) -> str:
    md = safe.markdown
    parts = []
    if cell.grade:
        parts.append(f"**{grade_words(cell)}**" if cell.grade != "partial" else f"*{grade_words(cell)}*")
    parts += [md(a.summary()) for a in cell.articles] or ["no article"]
    return "<br>".join(parts)


def render_markdown(c) -> str:
    md = safe.markdown
    out = ["# Comparison", ""] + [f"- {md(x)}" for x in header_lines(c)] + [""]
    agreements = [a.id for a in c.agreements]
    if c.transposed:
        out.append("| Agreement | " + " | ".join(md(r.key) for r in c.rows) + " |")
        out.append("|---" * (len(c.rows) + 1) + "|")
        for a in agreements:
            out.append(f"| {md(a)} | " + " | ".join(_md_cell(c.cell(r.key, a)) for r in c.rows) + " |")
    else:
        out.append("| Row | " + " | ".join(md(a) for a in agreements) + " |")
        out.append("|---" * (len(agreements) + 1) + "|")
        for r in c.rows:
            label = md(r.key) + (f"<br>*{md(r.title)}*" if r.title and r.kind == "norm" else "")
            out.append(f"| {label} | " + " | ".join(_md_cell(c.cell(r.key, a)) for a in agreements) + " |")
    out += ["", f"*Legend:* {md(LEGEND)}"]
    gaps = [(r, a) for r in c.rows for a in agreements if c.cell(r.key, a).grade in ("partial", "unmet")]
    if gaps:
        out += ["", "## Gaps", ""]
    for r, a in gaps:
        cell = c.cell(r.key, a)
        out.append(f"- **{md(a)}**, {md(r.key)}: {md(cell.grade)}")
        for reason in cell.reasons:
            who = f" ({md(party_list(reason.parties))})" if reason.parties else ""
            found = f" Found: {md(reason.detail)}." if reason.detail else ""
            out.append(f"  - {md(reason.requirement)}{who}: {md(reason.because)}{found}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- csv

COLUMNS = ["row_kind", "row", "row_title", "agreement", "grade", "unmet_because", "articles", "qualifiers",
           "reasons", "as_of", "party"]


def render_csv(c) -> str:
    """Long form: one line per cell, for spreadsheets and pivot tables."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in c.rows:
        for info in c.agreements:
            cell = c.cell(r.key, info.id)
            arts = " ".join(a.number for a in cell.articles)
            quals = " | ".join(a.summary() for a in cell.articles)
            reasons = " | ".join(f"{x.requirement}: {x.because}" for x in cell.reasons)
            row = [r.kind, r.key, r.title or "", info.id, cell.grade or "", cell.unmet_because or "", arts, quals,
                   reasons, c.as_of.isoformat(), c.party or ""]
            w.writerow([safe.csv_cell(x) for x in row])
    return buf.getvalue()


def render(c, fmt: str) -> str:
    return {"text": render_text, "markdown": render_markdown, "csv": render_csv}[fmt](c)
