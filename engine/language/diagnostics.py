"""Diagnostics: errors and warnings as data, rendered for people or as JSON.

A :class:`Diagnostic` has a stable code, a severity, a message, a primary
span, optional secondary spans and a hint; it, the codes and the messages
are defined once, in :mod:`engine.language.codes`.  The text form is a
compiler's: ``file:line:col: error[E0102]: message``, the source line, a
caret under the span, the hint.  :func:`codes_markdown` writes the codes and
their messages for docs/diagnostics.md.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from engine.language.codes import CODES, MESSAGES, Diagnostic, did_you_mean
from engine.language.model import Span

__all__ = ["CODES", "Diagnostic", "codes_markdown", "did_you_mean", "narrow", "render_text", "sort_key",
           "to_json"]


def narrow(d: Diagnostic, text: "str | list[str]") -> Diagnostic:
    """Point the span at the diagnostic's focus word when the source shows where it is.

    ``text`` may be given already split at newlines, so that many diagnostics on one
    large file cost one split, not one each.
    """
    if not d.focus or not d.span.line:
        return d
    lines = text.split("\n") if isinstance(text, str) else text
    for lineno in range(d.span.line, min(max(d.span.end_line, d.span.line), len(lines)) + 1):
        line = lines[lineno - 1]
        start = d.span.column - 1 if lineno == d.span.line else 0
        pos = _find_word(line, d.focus, start)
        if pos >= 0:
            span = Span(d.span.file, lineno, pos + 1, lineno, pos + 1 + len(d.focus))
            return d.replace(span=span)
    return d


def _find_word(line: str, word: str, start: int) -> int:
    """The index of ``word`` as a whole word in ``line`` from ``start``, or -1."""
    pos = line.find(word, start)
    while pos >= 0:
        before = line[pos - 1] if pos else " "
        after = line[pos + len(word)] if pos + len(word) < len(line) else " "
        if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
            return pos
        pos = line.find(word, pos + 1)
    return -1


def sort_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    """Order by place, then code and message."""
    return (d.span.file, d.span.line, d.span.column, d.code, d.message)


_SHOWN = 160  # characters of a long source line shown around the caret


def _sanitize(text: str) -> str:
    """Make text safe to print on a terminal: no escape sequences, C1 controls or bidi overrides."""
    return "".join(ch if ch == "\t" or (ch >= " " and not "\x7f" <= ch <= "\x9f" and ch != "\u061c" and
                                         not "\u200b" <= ch <= "\u200f" and not "\u202a" <= ch <= "\u202e"
                                         and not "\u2066" <= ch <= "\u2069") else "\ufffd"
                   for ch in text)


def render_text(d: Diagnostic, sources: "dict[str, str | list[str]] | None" = None) -> str:
    """The compiler form: location, message, source line, caret, hint.

    A source may be given already split at newlines (lines are counted at ``\\n``
    only, as the parser counts them).
    """
    loc = f"{d.span.file}:{d.span.line}:{d.span.column}" if d.span.line else (d.span.file or "tradegap")
    lines = [_sanitize(f"{loc}: {d.severity}[{d.code}]: {d.message}")]
    text = (sources or {}).get(d.span.file)
    if text is not None and d.span.line:
        src_lines = text.split("\n") if isinstance(text, str) else text
        if 0 < d.span.line <= len(src_lines):
            full = src_lines[d.span.line - 1].rstrip("\r")
            start = max(d.span.column - 1, 0)
            cut = max(0, start - _SHOWN // 2) if start >= _SHOWN else 0
            src = _sanitize(full[cut:cut + _SHOWN].replace("\t", " "))
            start -= cut
            if cut:
                src, start = "..." + src, start + 3
            gutter = f"{d.span.line:>4} | "
            if d.span.end_line == d.span.line and d.span.end_column > d.span.column:
                width = d.span.end_column - d.span.column
            else:
                width = 1
            width = max(1, min(width, max(len(src) - start, 1)))
            lines.append(gutter + src)
            lines.append(" " * (len(gutter) - 2) + "| " + " " * start + "^" * width)
    for span, label in d.secondary:
        lines.append(_sanitize(f"  note: {label} at {span.file}:{span.line}:{span.column}"))
    if d.hint:
        lines.append(f"  = help: {_sanitize(d.hint)}")
    return "\n".join(lines)


def to_json(d: Diagnostic) -> dict[str, Any]:
    """The JSON form (stable keys)."""
    out = {
        "code": d.code,
        "severity": d.severity,
        "message": d.message,
        "file": d.span.file,
        "line": d.span.line,
        "column": d.span.column,
        "end_line": d.span.end_line,
        "end_column": d.span.end_column,
        "hint": d.hint,
        "secondary": [
            {"file": s.file, "line": s.line, "column": s.column, "label": label}
            for s, label in d.secondary
        ],
    }
    return out


# ---------------------------------------------------------------- docs/diagnostics.md


def _shown(template: str) -> str:
    """A template as a reader sees it: literal braces written once, fields as ``{name}``."""
    import string

    out = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        out.append(literal)
        if field is not None:
            out.append("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return "".join(out)


def _code_span(text: str) -> str:
    text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


_INTRO = [
    "# Diagnostic codes",
    "",
    "Every problem tradegap reports has a stable code. Text form:",
    "",
    "```",
    "agreements/draft.agr:12:11: error[E0201]: unknown topic `cross-border-date`",
    "  12 |     topic cross-border-date",
    "     |           ^^^^^^^^^^^^^^^^^",
    "  = help: did you mean `cross-border-data`?",
    "```",
    "",
    "`tradegap check --format json` gives the same as JSON objects with `code`, `severity`, `message`,",
    "`file`, `line`, `column`, `end_line`, `end_column`, `hint` and `secondary`. Codes starting with E are",
    "errors (exit 2); codes starting with W are warnings (exit 0). E00xx: reading files; E01xx: syntax;",
    "E02xx: vocabulary; E03xx: structure and cross-references; E05xx: importing; W04xx: advice.",
    "",
    "| code | meaning | an input that triggers it |",
    "|---|---|---|",
]

_MESSAGES_INTRO = [
    "",
    "## Messages",
    "",
    "What each code says, as written in `engine/language/codes.py`: `{name}` is filled in from the input.",
    "Where a close word is known, `did you mean ...?` replaces the help of an \"unknown\" message; the",
    "help of a syntax error may likewise name the keyword that was probably meant.",
    "",
    "| code | message | help |",
    "|---|---|---|",
]


def codes_markdown() -> str:
    """The index of codes and their messages for docs/diagnostics.md (a test keeps the file in step)."""
    lines = list(_INTRO)
    for c in CODES.values():
        lines.append(f"| {c.id} | {c.title} | {_code_span(c.example)} |")
    lines.extend(_MESSAGES_INTRO)
    for c in CODES.values():
        for m in MESSAGES.values():
            if m.code is c:
                hint = _code_span(_shown(m.hint)) if m.hint is not None else "–"
                lines.append(f"| {c.id} | {_code_span(_shown(m.template))} | {hint} |")
    return "\n".join(lines) + "\n"
