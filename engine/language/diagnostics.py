"""Diagnostics: errors and warnings as data, rendered for people or as JSON.

Each diagnostic has a stable code from :data:`CODES`, a severity, a message,
a primary span, optional secondary spans and a hint.  The text form is a
compiler's: ``file:line:col: error[E0102]: message``, the source line, a
caret under the span, the hint.
"""

from __future__ import annotations

from typing import Iterable, Optional

import attrs

from engine.language.model import NO_SPAN, Span


@attrs.frozen
class Code:
    code: str
    title: str
    example: str  # an input that triggers it, shown in docs/diagnostics.md


CODES: dict[str, Code] = {
    c.code: c
    for c in [
        Code("E0001", "file cannot be read", "a path that does not exist"),
        Code("E0002", "file is not valid UTF-8", "a Latin-1 file with an accented title"),
        Code("E0003", "file too large", "a file over the size limit"),
        Code("E0004", "nesting too deep", "a predicate with hundreds of nested parentheses"),
        Code("E0101", "unexpected character", 'agreement x { kind fta; }'),
        Code("E0102", "unexpected word or symbol", 'agreement x { chapter "Title" { } }'),
        Code("E0103", "unexpected end of file", "agreement x {"),
        Code("E0104", "unterminated string", 'agreement x "Title'),
        Code("E0201", "unknown topic", "topic cross-border-date"),
        Code("E0202", "unknown party code", "parties JP XX"),
        Code("E0203", "unknown exception kind or qualifier", "exception public-polcy"),
        Code("E0204", "unknown scope item or software coverage", "excludes finance"),
        Code("E0205", "unknown predicate or wrong arguments", "require strenght at-least binding"),
        Code("E0206", "unknown word for this setting", "status ratified"),
        Code("E0207", "invalid date", "signed 2020-02-30"),
        Code("E0208", "number too large", "transition KH years 99999"),
        Code("E0301", "duplicate article number", "two `article 14.11` in one agreement"),
        Code("E0302", "duplicate id", "two agreements named `rcep`"),
        Code("E0303", "dates out of order", "in-force before signed"),
        Code("E0304", "party named is not a party to the agreement", "transition US years 5 in RCEP"),
        Code("E0305", "unknown agreement", "based-on nosuch"),
        Code("E0306", "cycle of based-on", "a based-on b, b based-on a"),
        Code("E0307", "amended or omitted article not in the base", "amend article 99.9 { }"),
        Code("E0308", "setting given twice", "two `signed` lines"),
        Code("E0309", "unknown norm set or norm", "expect rcep tpp9 met"),
        Code("E0310", "statement not allowed here", "amend article 1 { } in an agreement without based-on"),
        Code("E0311", "reference outside the corpus roots", 'source "../../etc/passwd", or a symbolic link '
             "in a folder that points out of it"),
        Code("E0501", "input to import is not a treaty text", "a PDF or ZIP file given to `tradegap import`"),
        Code("E0502", "malformed XML", "a ToTA file cut off in the middle of an element"),
        Code("E0503", "XML with a DTD, entity declaration or external entity", '<!DOCTYPE t [<!ENTITY a "...">]>'),
        Code("E0504", "XML that is not a ToTA treaty", "<html>...</html> given as --format tota"),
        Code("E0505", "input to import is empty", "an empty file"),
        Code("E0506", "input to import is too large", "a file of several hundred MB"),
        Code("E0507", "no article headings in a plain text", "a text without lines such as `Article 3: Title`"),
        Code("E0508", "input not valid in its encoding", "a Latin-1 file that declares (or defaults to) UTF-8"),
        Code("E0510", "syntax error in coding rules", "topic cooperation heading \"cooperation\" (no `when`)"),
        Code("E0511", "unknown word in a coding rule", "strength bindng when text \"shall\""),
        Code("E0512", "unusable phrase in a coding rule", 'text "--" (no letters) or "{nosuch}"'),
        Code("W0401", "article has no topic", "article 1 { binding }"),
        Code("W0402", "coded attribute has no quote", "binding with no quoted words"),
    ]
}


def codes_markdown() -> str:
    """The index of codes for docs/diagnostics.md (a test keeps the file in step with this)."""
    lines = [
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
    for c in CODES.values():
        example = c.example.replace("|", "\\|")
        code_span = f"`` {example} ``" if "`" in example else f"`{example}`"
        lines.append(f"| {c.code} | {c.title} | {code_span} |")
    return "\n".join(lines) + "\n"


@attrs.frozen
class Diagnostic:
    """A problem found in the input: stable code, severity, message, span, hint, secondary spans."""

    code: str
    message: str
    span: Span = NO_SPAN
    severity: str = "error"  # "error" | "warning"
    hint: Optional[str] = None
    secondary: tuple[tuple[Span, str], ...] = ()
    focus: Optional[str] = attrs.field(default=None, eq=False, repr=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def error(code: str, message: str, span: Span = NO_SPAN, hint: Optional[str] = None,
          secondary: tuple[tuple[Span, str], ...] = (), focus: Optional[str] = None) -> Diagnostic:
    """An error; ``focus`` is the word within ``span`` that the caret should point at."""
    return Diagnostic(code, message, span, "error", hint, secondary, focus)


def warning(code: str, message: str, span: Span = NO_SPAN, hint: Optional[str] = None) -> Diagnostic:
    return Diagnostic(code, message, span, "warning", hint)


def did_you_mean(word: str, known: Iterable[str]) -> Optional[str]:
    """``did you mean `x`?`` for the closest known word, or None."""
    import difflib  # imported here: only a misspelling needs it

    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else None


def unknown(code: str, what: str, word: str, known: Iterable[str], span: Span) -> Diagnostic:
    """An 'unknown X' error with a did-you-mean or the list of known words."""
    known = sorted(known)
    hint = did_you_mean(word, known)
    if hint is None:
        shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
        hint = f"known {what}s: {shown}"
    return error(code, f"unknown {what} `{word}`", span, hint, focus=word)


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
            return attrs.evolve(d, span=span)
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


def sort_key(d: Diagnostic) -> tuple:
    return (d.span.file, d.span.line, d.span.column, d.code, d.message)


_SHOWN = 160  # characters of a long source line shown around the caret


def _sanitize(text: str) -> str:
    """Make text safe to print on a terminal: no escape sequences, C1 controls or bidi overrides."""
    return "".join(ch if ch == "\t" or (ch >= " " and not "\x7f" <= ch <= "\x9f" and
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


def to_json(d: Diagnostic) -> dict:
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
