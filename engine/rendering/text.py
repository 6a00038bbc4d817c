"""Plain text for an 80-column terminal."""

from __future__ import annotations

import textwrap

from engine.rendering import safe
from engine.rendering.words import GRADE_MARK, header_lines, party_list, unmet_note

WIDTH = 80


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(safe.term(text), WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def _summary_table(findings) -> str:
    rows = []
    for f in findings:
        rows.append([safe.term(f.norm), f"{GRADE_MARK[f.grade]} {f.grade}",
                     safe.term(f.article or "-"), safe.term(unmet_note(f) or _short_reason(f))])
    return _table(rows, ["norm", "grade", "article", "main gap"], [26, 10, 8, 30])


def _cells(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def _width(text: str) -> int:
    """Columns on a terminal: East Asian wide characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _table(rows: list[list[str]], headers: list[str], widths: list[int]) -> str:
    """A plain table (columns two spaces apart, a dashed rule under the headers, long cells wrapped).

    Drawn here rather than with tabulate, whose import alone costs a warm report 40 ms.
    """
    wrapped = [[_cells(cell, w) for cell, w in zip(row, widths)] for row in rows]
    cols = [max([_width(h) + 2] + [_width(x) for r in wrapped for x in r[i]]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, cols)).rstrip()

    out = [line(headers), line(["-" * w for w in cols])]
    for r in wrapped:
        for k in range(max(len(c) for c in r)):
            out.append(line([c[k] if k < len(c) else "" for c in r]))
    return "\n".join(out)


def _short_reason(f) -> str:
    if not f.reasons:
        return ""
    r = f.reasons[0]
    more = f" (+{len(f.reasons) - 1} more)" if len(f.reasons) > 1 else ""
    return r.requirement + more


def render(report) -> str:
    lines = [safe.term(x) for x in header_lines(report)]
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
