"""A diff between two agreements as text, Markdown or CSV (JSON and HTML have their own modules)."""

from __future__ import annotations

import csv
import io
import textwrap

from engine.language import parties as P
from engine.views.diff import DIFF_SCHEMA
from engine.rendering import safe

_MARK = {"added": "+", "removed": "-", "changed": "~"}


def header_lines(d) -> list[str]:
    who = f"from the position of {P.name(d.party)} ({d.party})" if d.party else "all parties"
    sets = ", ".join(f"{n.id} {n.version or '(no version)'}" for n in d.norm_sets) or "none (no grades compared)"
    return [f"tradegap {d.engine_version} diff (schema {DIFF_SCHEMA[0]} {DIFF_SCHEMA[1]})",
            f"{d.old.id} -> {d.new.id}, as of {d.as_of.isoformat()}; {who}",
            f"norm sets: {sets}"]


def _change_mark(c) -> str:
    return "+" if c.old is None else "-" if c.new is None else "~"


def change_line(c) -> str:
    """``~ commitment: best-endeavour -> binding prohibition`` (words only, not escaped)."""
    if c.old is None:
        return f"+ {c.attribute}: {c.new}"
    if c.new is None:
        return f"- {c.attribute}: {c.old}"
    if c.old == c.new:
        return f"~ {c.attribute}: {c.new} (quotes changed)"
    return f"~ {c.attribute}: {c.old} -> {c.new}"


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(safe.term(text), 100, initial_indent=indent, subsequent_indent=indent + "    ") or [indent]


def _changes_text(changes, indent: str) -> list[str]:
    out = []
    for c in changes:
        out += _wrap(change_line(c), indent)
        out += [x for q in c.quotes_removed for x in _wrap(f'- "{q}"', indent + "    ")]
        out += [x for q in c.quotes_added for x in _wrap(f'+ "{q}"', indent + "    ")]
    return out


def _counts(items) -> str:
    n = {k: sum(1 for i in items if i.status == k) for k in ("added", "removed", "changed")}
    return ", ".join(f"{v} {k}" for k, v in n.items())


def grade_line(g) -> str:
    art = f" (Art. {g.old_article or '-'} -> {g.new_article or '-'})" if g.old_article != g.new_article else \
        (f" (Art. {g.new_article})" if g.new_article else "")
    return f"{g.norm}: {g.old_grade} -> {g.new_grade}{art}: {g.effect}"


def render_text(d) -> str:
    lines = [safe.term(x) for x in header_lines(d)]
    if d.agreement:
        lines += ["", "agreement"] + _changes_text(d.agreement, "  ")
    if d.chapters:
        lines += ["", f"chapters: {_counts(d.chapters)}"]
        for ch in d.chapters:
            lines += _wrap(f"{_MARK[ch.status]} chapter {ch.number} {ch.title or ''}".rstrip(), "  ")
            lines += _changes_text(ch.changes, "      ")
    lines += ["", f"articles: {_counts(d.articles)}"]
    for a in d.articles:
        where = f" (chapter {a.chapter})" if a.chapter and a.status != "changed" else ""
        lines += _wrap(f"{_MARK[a.status]} Art. {a.number} {a.title or ''}".rstrip() + where, "  ")
        lines += _changes_text(a.changes, "      ")
    if d.norm_sets:
        lines += ["", f"grades: {d.summary}"]
        for g in d.grades:
            lines += _wrap(grade_line(g), "  ")
            if g.resolved:
                lines += _wrap("now holds: " + "; ".join(g.resolved), "      ")
            if g.introduced:
                lines += _wrap("now fails: " + "; ".join(g.introduced), "      ")
        if not d.grades:
            lines.append("  no finding changed")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- markdown


def _changes_md(changes, indent: str) -> list[str]:
    md = safe.markdown
    out = []
    for c in changes:
        out.append(f"{indent}- {md(change_line(c))}")
        out += [f"{indent}  - removed: “{md(q)}”" for q in c.quotes_removed]
        out += [f"{indent}  - added: “{md(q)}”" for q in c.quotes_added]
    return out


def render_markdown(d) -> str:
    md = safe.markdown
    out = [f"# Diff: {md(d.old.id)} → {md(d.new.id)}", ""] + [f"- {md(x)}" for x in header_lines(d)]
    if d.agreement:
        out += ["", "## Agreement", ""] + _changes_md(d.agreement, "")
    if d.chapters:
        out += ["", f"## Chapters ({_counts(d.chapters)})", ""]
        for ch in d.chapters:
            out.append(f"- **{_MARK[ch.status]} chapter {md(ch.number)}** {md(ch.title or '')}".rstrip())
            out += _changes_md(ch.changes, "  ")
    out += ["", f"## Articles ({_counts(d.articles)})", ""]
    for a in d.articles:
        out.append(f"- **{_MARK[a.status]} Art. {md(a.number)}** {md(a.title or '')} ({a.status})")
        out += _changes_md(a.changes, "  ")
    if d.norm_sets:
        out += ["", f"## Grades: {md(d.summary)}", ""]
        for g in d.grades:
            out.append(f"- {md(grade_line(g))}")
            if g.resolved:
                out.append(f"  - now holds: {md('; '.join(g.resolved))}")
            if g.introduced:
                out.append(f"  - now fails: {md('; '.join(g.introduced))}")
        if not d.grades:
            out.append("- no finding changed")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- csv

COLUMNS = ["section", "item", "status", "attribute", "old", "new", "removed", "added"]


def render_csv(d) -> str:
    """One line per changed attribute (and per added/removed item), then one per changed finding.

    ``removed`` / ``added`` hold the quotes that left and came for a text change, and the
    requirements that now hold / now fail for a finding (section ``grade``).
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)

    def row(*cells) -> None:
        w.writerow([safe.csv_cell(x) for x in cells])

    for c in d.agreement:
        row("agreement", d.new.id, "changed", c.attribute, c.old or "", c.new or "", " | ".join(c.quotes_removed),
            " | ".join(c.quotes_added))
    for section, items in (("chapter", d.chapters), ("article", d.articles)):
        for item in items:
            if not item.changes:
                row(section, item.number, item.status, "", "", "", "", "")
            for c in item.changes:
                row(section, item.number, item.status, c.attribute, c.old or "", c.new or "",
                    " | ".join(c.quotes_removed), " | ".join(c.quotes_added))
    for g in d.grades:
        row("grade", g.norm, g.effect, "grade", g.old_grade, g.new_grade, "; ".join(g.resolved),
            "; ".join(g.introduced))
    return buf.getvalue()


def render(d, fmt: str) -> str:
    return {"text": render_text, "markdown": render_markdown, "csv": render_csv}[fmt](d)
