"""Plain text for an 80-column terminal."""

from __future__ import annotations

import textwrap

from engine.render import safe
from engine.render.words import GRADE_MARK, header_lines, party_list, unmet_note

WIDTH = 80


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(safe.term(text), WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def _summary_table(findings) -> str:
    from tabulate import tabulate

    rows = []
    for f in findings:
        rows.append([f.norm, f"{GRADE_MARK[f.grade]} {f.grade}",
                     safe.term(f.article or "-"), safe.term(unmet_note(f) or _short_reason(f))])
    return tabulate(rows, headers=["norm", "grade", "article", "main gap"], tablefmt="simple",
                    disable_numparse=True, maxcolwidths=[26, 10, 8, 30])


def _short_reason(f) -> str:
    if not f.reasons:
        return ""
    r = f.reasons[0]
    more = f" (+{len(f.reasons) - 1} more)" if len(f.reasons) > 1 else ""
    return r.requirement + more


def render(report) -> str:
    lines = list(header_lines(report))
    for info in report.agreements:
        findings = [f for f in report.findings if f.agreement == info.id]
        lines.append("")
        title = f"{info.id}: {info.title or ''}".strip()
        lines.extend(_wrap(title, ""))
        status = f"{info.status or 'status not given'}; {len(info.parties)} parties"
        if info.based_on:
            status += f"; draft based on {info.based_on}"
        lines.append(safe.term(status))
        lines.append("")
        lines.extend(_summary_table(findings).splitlines())
        for f in findings:
            lines.append("")
            head = f"{f.norm}: {f.grade.upper()}"
            if f.article:
                head += f" (Art. {f.article})"
            if f.norm_title:
                head += f" - {f.norm_title}"
            lines.extend(_wrap(head, ""))
            if f.grade == "unmet" and f.unmet_because == "no-article":
                for r in f.reasons:
                    lines.extend(_wrap(r.because, "  "))
                continue
            for r in f.reasons:
                who = f" [{party_list(r.parties)}]" if r.parties else ""
                lines.extend(_wrap(f"✗ {r.requirement}{who}", "  "))
                lines.extend(_wrap(r.because, "      "))
                if r.detail:
                    lines.extend(_wrap(f"found: {r.detail}", "      "))
            for e in f.evidence[:4]:
                quote = f' "{e.quote}"' if e.quote else ""
                lines.extend(_wrap(f"Art. {e.article}{quote} ({e.file}:{e.line}; {e.verification})", "  > "))
            if len(f.evidence) > 4:
                lines.append(f"  > ... {len(f.evidence) - 4} more quotes (--format json lists all)")
    return "\n".join(lines) + "\n"
