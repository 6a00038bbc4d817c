"""Rendering a finding's trace (``tradegap explain``): text or JSON."""

from __future__ import annotations

import textwrap

from engine.rendering import safe


def render_trace(finding, fmt: str = "text", as_of=None, party=None) -> str:
    if fmt == "json":
        from engine.rendering.json_form import converter, dumps

        return dumps({"schema": {"name": "tradegap.explanation", "version": "1.0"},
                      **converter().unstructure(finding)})
    t = safe.term
    lines = [f"{t(finding.agreement)} against {t(finding.norm)}: {finding.grade.upper()}"
             + (f" (Art. {t(finding.article)})" if finding.article else "")]
    if finding.norm_title:
        lines.append(f"norm: {t(finding.norm_title)} [topics: {', '.join(finding.topics)}]")
    if not finding.candidates:
        for r in finding.reasons:
            lines.append(f"  {t(r.because)}")
        return "\n".join(lines) + "\n"
    lines.append(f"{len(finding.candidates)} article(s) on the topic; the best one decides the grade.")
    for i, c in enumerate(finding.candidates):
        mark = "best" if i == 0 else "also"
        lines.append("")
        lines.append(f"[{mark}] Art. {t(c.article)} {t(c.title or '')} ({c.strength}; {t(c.file)}:{c.line})")
        for check in c.checks:
            status = "held  " if check.held else "FAILED"
            ess = " (essential)" if check.essential and not check.held else ""
            lines.append(f"  {status} {t(check.requirement)}{ess}")
            for s in check.steps:
                where = f" ({t(s.file)}:{s.line})" if s.line else ""
                lines.extend(textwrap.wrap(f"{t(s.test)} -> {t(s.found)}{where}", 78,
                                           initial_indent="         ", subsequent_indent="           "))
            if not check.held:
                lines.extend(textwrap.wrap(t(check.because), 78, initial_indent="         why: ",
                                           subsequent_indent="              "))
    return "\n".join(lines) + "\n"
