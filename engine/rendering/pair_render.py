"""The pair view as text, Markdown or CSV (JSON and HTML have their own modules)."""

from __future__ import annotations

import csv
import io

from engine.language import parties as P
from engine.views.pair import PAIR_SCHEMA
from engine.rendering import grid, safe
from engine.rendering.words import GRADE_LABEL, GRADE_MARK


def header_lines(p) -> list[str]:
    sets = ", ".join(f"{n.id} {n.version or '(no version)'}" for n in p.norm_sets)
    return [f"tradegap {p.engine_version} pair view (schema {PAIR_SCHEMA[0]} {PAIR_SCHEMA[1]})",
            f"{P.name(p.x)} ({p.x}) and {P.name(p.y)} ({p.y}), as of {p.as_of.isoformat()}",
            f"norm sets: {sets}"]


def agreement_lines(p) -> list[str]:
    """Which agreements bind both, which do not and why, which drafts are added."""
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


def finding_words(f, source: bool = False) -> list[str]:
    """``✓ met`` and ``Art. 12.15 (rcep)``; no finding: ``nothing binds``."""
    if f is None:
        return ["✗ nothing binds"]
    lines = [f"{GRADE_MARK[f.grade]} {GRADE_LABEL[f.grade]}"]
    lines.append((f"Art. {f.article}" if f.article else "no article") + (f" ({f.agreement})" if source else ""))
    return lines


def _summary(p) -> str:
    names = ", ".join(d.id for d in p.drafts)
    return f"with {names}: closes {p.closes} gap{'s' if p.closes != 1 else ''}, narrows {p.narrows}"


def render_text(p) -> str:
    t = safe.term
    lines = [x for line in header_lines(p) + [""] + agreement_lines(p)
             for x in (grid.wrap_cell([t(line)], grid.WIDTH).splitlines() or [""])] + [""]
    headers = ["strongest"] + (["with draft" + ("s" if len(p.drafts) > 1 else "")] if p.drafts else [])
    headers += [b.agreement.id for b in p.agreements] + [d.id for d in p.drafts]
    labels, cells = [], []
    for r in p.rows:
        labels.append([t(r.norm)])
        row = [[t(x) for x in finding_words(r.strongest, True)]
               + [t(f"✗ {x.requirement}") for x in (r.strongest.reasons if r.strongest else ())]]
        if p.drafts:
            row.append([t(x) for x in finding_words(r.with_drafts, True)] + ([r.effect] if r.effect else []))
        row += [[t(x) for x in finding_words(f)] for f in r.findings + r.draft_findings]
        cells.append(row)
    lines += grid.table("norm", [t(h) for h in headers], labels, cells).splitlines()
    lines += ["", "✓ met  ~ partial  ✗ unmet  - n/a; strongest: the best commitment binding both, and its source"]
    if p.drafts:
        lines += ["", t(_summary(p))]
        lines += [t(f"  {r.norm}: {r.effect} ({(r.strongest.grade if r.strongest else 'nothing binds')} -> "
                    f"{r.with_drafts.grade}, Art. {r.with_drafts.article} of {r.with_drafts.agreement})")
                  for r in p.rows if r.effect]
    return "\n".join(lines) + "\n"


def render_markdown(p) -> str:
    md = safe.markdown
    out = ["# Pair view", ""] + [f"- {md(x)}" for x in header_lines(p)] + [""]
    out += [md(x.strip()) if not x.startswith("  ") else f"- {md(x.strip())}" for x in agreement_lines(p)]
    heads = ["Norm", "Strongest"] + (["With drafts"] if p.drafts else [])
    heads += [b.agreement.id for b in p.agreements] + [d.id for d in p.drafts]
    out += ["", "| " + " | ".join(md(h) for h in heads) + " |", "|---" * len(heads) + "|"]
    for r in p.rows:
        cells = [md(r.norm), "<br>".join(md(x) for x in finding_words(r.strongest, True))]
        if p.drafts:
            cells.append("<br>".join(md(x) for x in finding_words(r.with_drafts, True) + ([r.effect] if r.effect else [])))
        cells += ["<br>".join(md(x) for x in finding_words(f)) for f in r.findings + r.draft_findings]
        out.append("| " + " | ".join(cells) + " |")
    gaps = [r for r in p.rows if r.strongest and r.strongest.reasons]
    if gaps:
        out += ["", "## Where the strongest commitment falls short", ""]
    for r in gaps:
        out.append(f"- **{md(r.norm)}** ({md(r.strongest.agreement)}, {md(r.strongest.grade)})")
        out += [f"  - {md(x.requirement)}: {md(x.because)}" for x in r.strongest.reasons]
    if p.drafts:
        out += ["", f"**{md(_summary(p))}**"]
    return "\n".join(out) + "\n"


COLUMNS = ["x", "y", "as_of", "norm", "strongest_grade", "strongest_agreement", "strongest_article", "reasons",
           "with_drafts_grade", "with_drafts_agreement", "with_drafts_article", "effect"]


def render_csv(p) -> str:
    """One line per norm: the strongest commitment binding both and, with drafts, what they change."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in p.rows:
        s, d = r.strongest, r.with_drafts
        row = [p.x, p.y, p.as_of.isoformat(), r.norm, s.grade if s else "", s.agreement if s else "",
               (s.article or "") if s else "", " | ".join(x.requirement for x in s.reasons) if s else "",
               d.grade if d else "", d.agreement if d else "", (d.article or "") if d else "", r.effect or ""]
        w.writerow([safe.csv_cell(x) for x in row])
    return buf.getvalue()


def render(p, fmt: str) -> str:
    return {"text": render_text, "markdown": render_markdown, "csv": render_csv}[fmt](p)
