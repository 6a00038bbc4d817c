"""Markdown, to paste into a memo: every result type but a finding's trace, one function each.

Every string from agreements and norms passes through :func:`engine.rendering.safe.markdown`,
so a pipe, a backtick or an HTML tag in a title cannot break a table or act.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Mapping, Optional, Sequence

from engine.evaluation.findings import Evidence, Finding, Report
from engine.language import names
from engine.language import vocab as V
from engine.rendering import common as C
from engine.rendering import safe

if TYPE_CHECKING:
    from engine.evaluation.findings import AgreementInfo
    from engine.views.compare import Cell, Comparison, Row
    from engine.views.diff import Change, Diff
    from engine.views.pair import Pair
    from engine.views.precedents import Precedent, SuggestedReport, Suggestion
    from engine.views.search import Passage, Search

md = safe.markdown

QUOTES = ("“", "”")


def grade(g: str, score: Optional[int] = None) -> str:
    """``**✓ met**``, ``*~ partial 43*``, ``**✗ unmet**``, ``? not encoded``: emphasis by grade, and the words."""
    words = md(C.grade_words(g, score))
    if g == V.Grade.PARTIAL:
        return f"*{words}*"
    return f"**{words}**" if g in (V.Grade.MET, V.Grade.UNMET) else words


def badge(level: Optional[str]) -> str:
    """`` \\[text\\]`` (with its leading space), nothing for no level."""
    return f" {md(C.badge(level))}" if level else ""


def legend(key: C.Legend) -> list[str]:
    """A ``## Key`` section: one table row per entry, its group named on the group's first row."""
    out = ["", "## Key", "", "| | Shown | Meaning |", "|---|---|---|"]
    for head, keys in key.groups:
        out += [f"| {md(head) if i == 0 else ''} | {md(k.shown)} | {md(k.meaning)} |" for i, k in enumerate(keys)]
    return out


# ---------------------------------------------------------------- report


nested = C.nested_quotes


def _evidence(e: Evidence) -> str:
    if e.quote is not None and not e.paraphrase:
        e = e.replace(quote=nested(e.quote))
    return md(C.evidence_words(e, QUOTES))


def reason_lines(f: Finding) -> list[str]:
    """Each reason as a list item, its evidence as items under it."""
    out = []
    for r in f.reasons:
        if f.article is None:  # no article graded: the reason explains the grade
            out.append(f"- {md(r.because)}")
        else:
            found = f" Found: {md(r.detail)}." if r.detail else ""
            out.append(f"- **{md(C.reason_head(r))}**: {md(r.because)}{found}")
        out += [f"  - {_evidence(e)}" for e in r.evidence]
    return out


def _finding_lines(f: Finding, force: str) -> list[str]:
    head = f"### {md(f.norm)}: {grade(f.grade, f.score)}" + (f" ({md(C.cited(f.article, f.chapter))})" if f.article else "")
    out = ["", head + badge(C.finding_verification(f))]
    out += ["", f"*{md(f.norm_title)}*"] if f.norm_title else []
    out += ["", f"**{md(force)}**"] if force else []
    reasons = reason_lines(f) + [f"- {md(x)}" for x in C.finding_notes(f)]
    out += [""] + reasons if reasons else []
    out += [""] + [f"> {_evidence(e)}  " for e in f.evidence] if f.evidence else []
    return out


def _agreement_lines(info: AgreementInfo, findings: Sequence[Finding], as_of: dt.date) -> list[str]:
    out = ["", f"## {md(names.labelled(info.id))}: {md(info.title or '')}", ""]
    out += [md(C.agreement_facts(info, names=True))]
    force = C.info_force(info, as_of)
    out += ["", f"**{md(force)}**"] if force else []
    out += ["", f"Findings: {md(C.counts_words(f.grade for f in findings) or 'none')}"]
    out += ["", "| Norm | Grade | Article | Checked | Main gap |", "|---|---|---|---|---|"]
    for f in findings:
        gap = C.unmet_note(f) or (f.reasons[0].requirement if f.reasons else "")
        checked = md(C.badge(C.finding_verification(f))) or "-"
        out.append(f"| {md(f.norm)} | {grade(f.grade, f.score)} | {md(C.article_cell(f.article, f.chapter, '-'))} | {checked} | {md(gap)} |")
    for f in findings:
        out += _finding_lines(f, C.force_words(f.force, info.status, as_of))
    return out


def report(r: Report) -> str:
    """Per agreement: a summary table, then each finding with its reasons and their evidence; a key."""
    out = ["# Gap report", ""] + [f"- {md(line)}" for line in C.report_header(r)]
    for info in r.agreements:
        out += _agreement_lines(info, [f for f in r.findings if f.agreement == info.id], r.as_of)
    return "\n".join(out + legend(C.legend(party=r.party is not None))) + "\n"


# ---------------------------------------------------------------- comparison


def _cell_head(c: Comparison, cell: Cell) -> str:
    """``*~ partial 43* \\[text\\]``, or through the strength lens ``**● hard** \\[text\\]``."""
    h = C.hardness(cell) if C.by_strength(c) else None
    if h is not None:
        head = f"**{md(C.hardness_words(h))}**"
    else:
        head = grade(cell.grade, cell.score) if cell.grade else ""
    return (head + badge(C.cell_verification(cell))).strip()


def _cell(c: Comparison, cell: Cell) -> str:
    from engine.views.layout import Cells

    if c.cells_shown is Cells.ARTICLES:
        return md(C.cell_words(c, cell)[0])
    parts = [_cell_head(c, cell)] + ([md(C.force_short(cell.force))] if cell.force != V.Force.IN_FORCE else [])
    parts += [md(x) for x in C.article_lines(c, cell)]
    return "<br>".join(p for p in parts if p)


def _column(info: AgreementInfo) -> str:
    force = C.force_short(info.force)
    return md(names.short(info.id)) + badge(info.verification) + (f"<br>{md(force)}" if force else "")


def _row(c: Comparison, r: Row) -> str:
    words = C.row_words(c, r)
    return md(words[0]) + "".join(f"<br>*{md(x)}*" for x in words[1:])


def _comparison_table(c: Comparison) -> list[str]:
    if c.transposed:
        out = ["| Agreement | " + " | ".join(md(c.row_label(r)) for r in c.rows) + " |",
               "|---" * (len(c.rows) + 1) + "|"]
        for a in c.agreements:
            out.append(f"| {_column(a)} | " + " | ".join(_cell(c, c.cell(r.key, a.id)) for r in c.rows) + " |")
        return out
    out = ["| Row | " + " | ".join(_column(a) for a in c.agreements) + " |", "|---" * (len(c.agreements) + 1) + "|"]
    for r in c.rows:
        out.append(f"| {_row(c, r)} | " + " | ".join(_cell(c, c.cell(r.key, a.id)) for a in c.agreements) + " |")
    return out


def _carve_outs(c: Comparison) -> list[str]:
    lines = C.carve_out_lines(c)
    return ["", md(C.CARVE_OUT_INTRO[0].upper() + C.CARVE_OUT_INTRO[1:]), ""] + [f"- {md(x)}" for x in lines] \
        if lines else []


def _gap_lines(c: Comparison, row: str, agreement: str) -> list[str]:
    cell = c.cell(row, agreement)
    out = [f"- **{md(agreement)}**, {md(row)}: {grade(cell.grade or '', cell.score)}"
           + badge(C.cell_verification(cell))]
    for reason in cell.reasons:
        found = f" Found: {md(reason.detail)}." if reason.detail else ""
        out.append(f"  - {md(C.reason_head(reason))}: {md(reason.because)}{found}")
        out += [f"    - {_evidence(e)}" for e in reason.evidence]
    return out


def _comparison_gaps(c: Comparison) -> list[str]:
    gaps = [(r.key, a.id) for r in c.rows for a in c.agreements if c.cell(r.key, a.id).grade in C.GAPS]
    out = ["", "## Gaps", ""] if gaps else []
    return out + [x for row, a in gaps for x in _gap_lines(c, row, a)]


def _not_encoded(c: Comparison) -> list[str]:
    out = []
    for a in c.agreements:
        rows = [r.key for r in c.rows if c.cell(r.key, a.id).grade == V.Grade.NOT_ENCODED]
        out += [f"- **{md(a.id)}**: {md(', '.join(rows))}"] if rows else []
    intro = "The encoding does not cover the part of the treaty where these rules would stand: not gaps."
    return ["", "## Not encoded", "", intro, ""] + out if out else []


def comparison(c: Comparison) -> str:
    """The matrix as one table, the counts, then the gaps with their reasons and evidence; a key."""
    out = ["# Comparison", ""] + [f"- {md(x.strip())}" for x in C.comparison_header(c)] + [""]
    out += _comparison_table(c) + _carve_outs(c)
    counts = "  ".join(f"{shown} {n}" for shown, n in C.cell_counts(c))
    out += ["", f"Cells: {md(counts)}"] if counts else []
    out += _comparison_gaps(c) + _not_encoded(c) + legend(C.comparison_legend(c))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- diff


def _changes(changes: Sequence[Change], indent: str) -> list[str]:
    out = []
    for c in changes:
        out.append(f"{indent}- {md(C.change_line(c))}")
        out += [f"{indent}  - removed: {C.quoted(md(nested(q)), '“', '”')}" for q in c.quotes_removed]
        out += [f"{indent}  - added: {C.quoted(md(nested(q)), '“', '”')}" for q in c.quotes_added]
    return out


def _grade_changes(d: Diff) -> list[str]:
    out = ["", f"## Grades: {md(d.summary)}", ""]
    for g in d.grades:
        out.append(f"- {md(C.grade_change_line(g))}")
        if g.resolved:
            out.append(f"  - now holds: {md('; '.join(g.resolved))}")
        if g.introduced:
            out.append(f"  - now fails: {md('; '.join(g.introduced))}")
    if not d.grades:
        out.append("- no finding changed")
    return out


def diff(d: Diff) -> str:
    """What the text says differently (agreement, chapters, articles), then the findings that changed."""
    out = [f"# Diff: {md(names.short(d.old.id))} → {md(names.short(d.new.id))}", ""] + [f"- {md(x)}" for x in C.diff_header(d)]
    if d.agreement:
        out += ["", "## Agreement", ""] + _changes(d.agreement, "")
    if d.chapters:
        out += ["", f"## Chapters ({C.change_counts(d.chapters)})", ""]
        for ch in d.chapters:
            out.append(f"- **{C.CHANGE_MARK[ch.status]} chapter {md(ch.number)}** {md(ch.title or '')}".rstrip())
            out += _changes(ch.changes, "  ")
    out += ["", f"## Articles ({C.change_counts(d.articles)})", ""]
    for a in d.articles:
        out.append(f"- **{C.CHANGE_MARK[a.status]} {md(a.citation)}** {md(a.title or '')} ({a.status})")
        out += _changes(a.changes, "  ")
    if d.norm_sets:
        out += _grade_changes(d)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- pair


def _words(lines: Sequence[str]) -> str:
    return "<br>".join(md(x) for x in lines)


def _pair_table(p: Pair) -> list[str]:
    heads = ["Norm", "Strongest"] + (["With drafts"] if p.drafts else [])
    columns = [_column(b.agreement) for b in p.agreements] + [_column(d) for d in p.drafts]
    out = ["", "| " + " | ".join([md(h) for h in heads] + columns) + " |", "|---" * (len(heads) + len(columns)) + "|"]
    for r in p.rows:
        cells = [md(r.norm), _words(C.finding_words(r.strongest, True))]
        if p.drafts:
            cells.append(_words(C.finding_words(r.with_drafts, True) + ([r.effect] if r.effect else [])))
        cells += [_words(C.finding_words(f)) for f in r.findings + r.draft_findings]
        out.append("| " + " | ".join(cells) + " |")
    return out


def _pair_gaps(p: Pair) -> list[str]:
    out = []
    for r in p.rows:
        s = r.strongest
        if s is None or not s.reasons:
            continue
        out.append(f"- **{md(r.norm)}** ({md(s.agreement)}, {grade(s.grade, s.score)})")
        for x in s.reasons:
            out.append(f"  - {md(C.reason_head(x))}: {md(x.because)}")
            out += [f"    - {_evidence(e)}" for e in x.evidence]
    return (["", "## Where the strongest commitment falls short", ""] if out else []) + out


def pair(p: Pair) -> str:
    """The agreements binding both, the norms table, then where the strongest commitment falls short."""
    out = ["# Pair view", ""] + [f"- {md(x)}" for x in C.pair_header(p)] + [""]
    out += [md(x.strip()) if not x.startswith("  ") else f"- {md(x.strip())}" for x in C.pair_agreement_lines(p)]
    out += _pair_table(p)
    counts = C.counts_words(r.strongest.grade if r.strongest else V.Grade.UNMET for r in p.rows)
    out += ["", f"Strongest: {md(counts)}"] if counts else []
    out += _pair_gaps(p)
    if p.drafts:
        out += ["", f"**{md(C.pair_summary(p))}**"]
    return "\n".join(out + legend(C.legend(words=True, extra=(("cells", C.PAIR_KEYS),)))) + "\n"


# ---------------------------------------------------------------- precedents


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks inside ``text``."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _precedent_lines(i: int, p: Precedent) -> list[str]:
    also = f" The same article is in: {md(', '.join(p.also_in))}." if p.also_in else ""
    body = "\n".join(safe.term(x) for x in p.snippet.splitlines())
    fence = _fence(body)
    return [f"{i}. **{md(p.citation)}** ({md(C.precedent_facts(p))}).{also}",
            "", f"   {fence}", *[f"   {x}" if x else "" for x in body.splitlines()], f"   {fence}", ""]


def suggestions(items: Sequence[Suggestion]) -> str:
    """A ``## Precedents`` section: each gap, its precedents, and each snippet in a code fence."""
    intro = C.PRECEDENTS_INTRO[len("precedents: "):].capitalize()
    out = ["", "## Precedents", "", md(intro) + "." if items else "No gaps, nothing to suggest."]
    for s in items:
        out += ["", f"### {md(C.suggestion_heading(s))}", ""]
        if not s.precedents:
            out.append("No article in the corpus meets this norm.")
        for i, p in enumerate(s.precedents, 1):
            out += _precedent_lines(i, p)
        if s.more:
            out.append(f"*{s.more} more not shown.*")
    return "\n".join(out) + "\n"


def suggested_report(sr: SuggestedReport) -> str:
    """The report, then its precedents section."""
    return report(sr.report) + suggestions(sr.suggestions)


# ---------------------------------------------------------------- search


def _passage(p: Passage) -> str:
    from engine.views.search import Field

    words = C.marked(p.text, p.spans, md, lambda x: f"**{md(x)}**")
    if p.field is Field.QUOTE and not p.paraphrase:
        words = f"{QUOTES[0]}{nested(words)}{QUOTES[1]}"
    return f"- {md(C.passage_label(p))}: {words} ({md(p.file)}:{p.line})"


def search(s: Search) -> str:
    """The hits, best first, each with the passages that matched, the matches in bold."""
    out = ["# Search", ""] + [f"- {md(x)}" for x in C.search_header(s)]
    for i, hit in enumerate(s.hits, 1):
        out += ["", f"## {i}. {md(C.hit_heading(hit))}", ""] + [_passage(p) for p in hit.passages]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- the table


@functools.cache
def _views() -> Mapping[type, C.Renderer]:
    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.precedents import SuggestedReport
    from engine.views.search import Search

    return {Comparison: comparison, Diff: diff, Pair: pair, SuggestedReport: suggested_report, Search: search}


FORMAT = C.Format("markdown", C.ByType({Report: report}, _views), suggestions)
