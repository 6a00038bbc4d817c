"""Markdown, to paste into a memo."""

from __future__ import annotations

from engine.rendering import safe
from engine.rendering.words import header_lines, party_list, unmet_note

_GRADE = {"met": "**met**", "partial": "*partial*", "unmet": "**UNMET**", "not-applicable": "n/a"}


def render(report) -> str:
    md = safe.markdown
    out = ["# Gap report", ""]
    out += [f"- {md(line)}" for line in header_lines(report)]
    for info in report.agreements:
        findings = [f for f in report.findings if f.agreement == info.id]
        out += ["", f"## {md(info.id)}: {md(info.title or '')}", ""]
        status = f"{info.status or 'status not given'}; parties: {party_list(info.parties)}"
        if info.based_on:
            status += f"; draft based on {info.based_on}"
        out += [md(status), ""]
        out += ["| Norm | Grade | Article | Main gap |", "|---|---|---|---|"]
        for f in findings:
            gap = unmet_note(f) or (f.reasons[0].requirement if f.reasons else "")
            out.append(f"| {md(f.norm)} | {_GRADE[f.grade]} | {md(f.article or '-')} | {md(gap)} |")
        for f in findings:
            out += ["", f"### {md(f.norm)}: {_GRADE[f.grade]}" + (f" (Art. {md(f.article)})" if f.article else "")]
            if f.norm_title:
                out += ["", f"*{md(f.norm_title)}*"]
            if f.reasons:
                out.append("")
            for r in f.reasons:
                who = f" ({md(party_list(r.parties))})" if r.parties else ""
                line = f"- **{md(r.requirement)}**{who}: {md(r.because)}"
                if r.detail:
                    line += f" Found: {md(r.detail)}."
                out.append(line)
            if f.evidence:
                out.append("")
            for e in f.evidence:
                quote = f" “{md(e.quote)}”" if e.quote else ""
                out.append(f"> Art. {md(e.article)}{quote} ({md(e.file)}:{e.line}, {md(e.verification)})  ")
    return "\n".join(out) + "\n"
