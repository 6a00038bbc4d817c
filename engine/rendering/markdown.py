"""Markdown, to paste into a memo: every result type but a finding's trace, one function each.

Every string from agreements and norms passes through :func:`engine.rendering.safe.markdown`,
so a pipe, a backtick or an HTML tag in a title cannot break a table or act.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Mapping, Sequence

from engine.evaluation.findings import Finding, Report
from engine.language import vocab as V
from engine.rendering import common as C
from engine.rendering import safe

if TYPE_CHECKING:
    from engine.evaluation.findings import AgreementInfo
    from engine.views.compare import Cell, Comparison
    from engine.views.diff import Change, Diff
    from engine.views.pair import Pair
    from engine.views.precedents import Precedent, SuggestedReport, Suggestion

md = safe.markdown

GRADE: Mapping[str, str] = {V.Grade.MET: "**met**", V.Grade.PARTIAL: "*partial*", V.Grade.UNMET: "**UNMET**",
                            V.Grade.NOT_APPLICABLE: "n/a"}


# ---------------------------------------------------------------- report


def _finding_lines(f: Finding) -> list[str]:
    out = ["", f"### {md(f.norm)}: {GRADE[f.grade]}" + (f" (Art. {md(f.article)})" if f.article else "")]
    if f.norm_title:
        out += ["", f"*{md(f.norm_title)}*"]
    if f.reasons:
        out.append("")
    for r in f.reasons:
        who = f" ({md(C.party_list(r.parties))})" if r.parties else ""
        line = f"- **{md(r.requirement)}**{who}: {md(r.because)}"
        if r.detail:
            line += f" Found: {md(r.detail)}."
        out.append(line)
    if f.evidence:
        out.append("")
    for e in f.evidence:
        quote = f" “{md(e.quote)}”" if e.quote else ""
        out.append(f"> Art. {md(e.article)}{quote} ({md(e.file)}:{e.line}, {md(e.verification)})  ")
    return out


def _agreement_lines(info: AgreementInfo, findings: Sequence[Finding]) -> list[str]:
    out = ["", f"## {md(info.id)}: {md(info.title or '')}", ""]
    status = f"{info.status or 'status not given'}; parties: {C.party_list(info.parties)}"
    if info.based_on:
        status += f"; draft based on {info.based_on}"
    out += [md(status), "", "| Norm | Grade | Article | Main gap |", "|---|---|---|---|"]
    for f in findings:
        gap = C.unmet_note(f) or (f.reasons[0].requirement if f.reasons else "")
        out.append(f"| {md(f.norm)} | {GRADE[f.grade]} | {md(f.article or '-')} | {md(gap)} |")
    for f in findings:
        out += _finding_lines(f)
    return out


def report(r: Report) -> str:
    """Per agreement: a summary table, then each finding with its reasons and quoted evidence."""
    out = ["# Gap report", ""] + [f"- {md(line)}" for line in C.report_header(r)]
    for info in r.agreements:
        out += _agreement_lines(info, [f for f in r.findings if f.agreement == info.id])
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- comparison


def _cell(cell: Cell) -> str:
    parts = []
    if cell.grade:
        words = C.grade_words(cell.grade)
        parts.append(f"**{words}**" if cell.grade != V.Grade.PARTIAL else f"*{words}*")
    parts += [md(a.summary()) for a in cell.articles] or ["no article"]
    return "<br>".join(parts)


def _comparison_table(c: Comparison) -> list[str]:
    agreements = [a.id for a in c.agreements]
    if c.transposed:
        out = ["| Agreement | " + " | ".join(md(r.key) for r in c.rows) + " |", "|---" * (len(c.rows) + 1) + "|"]
        for a in agreements:
            out.append(f"| {md(a)} | " + " | ".join(_cell(c.cell(r.key, a)) for r in c.rows) + " |")
        return out
    out = ["| Row | " + " | ".join(md(a) for a in agreements) + " |", "|---" * (len(agreements) + 1) + "|"]
    for r in c.rows:
        label = md(r.key) + (f"<br>*{md(r.title)}*" if r.title and r.kind is V.RowKind.NORM else "")
        out.append(f"| {label} | " + " | ".join(_cell(c.cell(r.key, a)) for a in agreements) + " |")
    return out


def _comparison_gaps(c: Comparison) -> list[str]:
    gaps = [(r, a.id) for r in c.rows for a in c.agreements if c.cell(r.key, a.id).grade in C.GAPS]
    out = ["", "## Gaps", ""] if gaps else []
    for r, a in gaps:
        cell = c.cell(r.key, a)
        out.append(f"- **{md(a)}**, {md(r.key)}: {md(cell.grade)}")
        for reason in cell.reasons:
            who = f" ({md(C.party_list(reason.parties))})" if reason.parties else ""
            found = f" Found: {md(reason.detail)}." if reason.detail else ""
            out.append(f"  - {md(reason.requirement)}{who}: {md(reason.because)}{found}")
    return out


def comparison(c: Comparison) -> str:
    """The matrix as one table, a legend, then the gaps with their reasons."""
    out = ["# Comparison", ""] + [f"- {md(x)}" for x in C.comparison_header(c)] + [""]
    out += _comparison_table(c)
    out += ["", f"*Legend:* {md(C.COMPARISON_LEGEND)}"] + _comparison_gaps(c)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- diff


def _changes(changes: Sequence[Change], indent: str) -> list[str]:
    out = []
    for c in changes:
        out.append(f"{indent}- {md(C.change_line(c))}")
        out += [f"{indent}  - removed: “{md(q)}”" for q in c.quotes_removed]
        out += [f"{indent}  - added: “{md(q)}”" for q in c.quotes_added]
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
    out = [f"# Diff: {md(d.old.id)} → {md(d.new.id)}", ""] + [f"- {md(x)}" for x in C.diff_header(d)]
    if d.agreement:
        out += ["", "## Agreement", ""] + _changes(d.agreement, "")
    if d.chapters:
        out += ["", f"## Chapters ({C.change_counts(d.chapters)})", ""]
        for ch in d.chapters:
            out.append(f"- **{C.CHANGE_MARK[ch.status]} chapter {md(ch.number)}** {md(ch.title or '')}".rstrip())
            out += _changes(ch.changes, "  ")
    out += ["", f"## Articles ({C.change_counts(d.articles)})", ""]
    for a in d.articles:
        out.append(f"- **{C.CHANGE_MARK[a.status]} Art. {md(a.number)}** {md(a.title or '')} ({a.status})")
        out += _changes(a.changes, "  ")
    if d.norm_sets:
        out += _grade_changes(d)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- pair


def _words(lines: Sequence[str]) -> str:
    return "<br>".join(md(x) for x in lines)


def _pair_table(p: Pair) -> list[str]:
    heads = ["Norm", "Strongest"] + (["With drafts"] if p.drafts else [])
    heads += [b.agreement.id for b in p.agreements] + [d.id for d in p.drafts]
    out = ["", "| " + " | ".join(md(h) for h in heads) + " |", "|---" * len(heads) + "|"]
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
        out.append(f"- **{md(r.norm)}** ({md(s.agreement)}, {md(s.grade)})")
        out += [f"  - {md(x.requirement)}: {md(x.because)}" for x in s.reasons]
    return (["", "## Where the strongest commitment falls short", ""] if out else []) + out


def pair(p: Pair) -> str:
    """The agreements binding both, the norms table, then where the strongest commitment falls short."""
    out = ["# Pair view", ""] + [f"- {md(x)}" for x in C.pair_header(p)] + [""]
    out += [md(x.strip()) if not x.startswith("  ") else f"- {md(x.strip())}" for x in C.pair_agreement_lines(p)]
    out += _pair_table(p) + _pair_gaps(p)
    if p.drafts:
        out += ["", f"**{md(C.pair_summary(p))}**"]
    return "\n".join(out) + "\n"


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


# ---------------------------------------------------------------- the table


@functools.cache
def _views() -> Mapping[type, C.Renderer]:
    from engine.views.compare import Comparison
    from engine.views.diff import Diff
    from engine.views.pair import Pair
    from engine.views.precedents import SuggestedReport

    return {Comparison: comparison, Diff: diff, Pair: pair, SuggestedReport: suggested_report}


FORMAT = C.Format("markdown", C.ByType({Report: report}, _views), suggestions)
