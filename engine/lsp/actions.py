"""Diagnostics as an editor shows them, the quick fixes their did-you-mean hints offer, and formatting."""

from __future__ import annotations

import re
from typing import Any, Optional

from lsprotocol import types as T

from engine.checking.fmt import format_source
from engine.language import diagnostics as D
from engine.language import vocab as V
from engine.lsp.positions import Positions
from engine.lsp.workspace import Analysis, uri_of

SOURCE = "tradegap"
_DID_YOU_MEAN = re.compile(r"did you mean `([^`]+)`\?")
_ONE_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]*")
REPLACEMENT = "replacement"
"""The key of a diagnostic's ``data`` that holds the word its quick fix writes."""


def _replacement(d: D.Diagnostic, a: Analysis) -> Optional[str]:
    """The word a did-you-mean hint offers, when the diagnostic's span is exactly one word of the text."""
    found = _DID_YOU_MEAN.search(d.hint or "")
    span = d.span
    if found is None or span.line < 1 or span.line != span.end_line or span.line > len(a.lines):
        return None
    written = a.lines[span.line - 1][span.column - 1:span.end_column - 1]
    return found.group(1) if _ONE_WORD.fullmatch(written) else None


def _related(d: D.Diagnostic, a: Analysis) -> list[T.DiagnosticRelatedInformation]:
    out = []
    for span, label in d.secondary:
        if span.written:
            where = a.at if span.file == a.path else Positions((), a.encoding)
            out.append(T.DiagnosticRelatedInformation(T.Location(uri_of(a.real_path(span.file)), where.range(span)),
                                                      label))
    return out


def to_lsp(d: D.Diagnostic, a: Analysis) -> T.Diagnostic:
    """One diagnostic as the protocol carries it: the code, the range, the message with its hint."""
    message = d.message + (f"\n= help: {d.hint}" if d.hint else "")
    severity = T.DiagnosticSeverity.Error if d.severity == V.Severity.ERROR else T.DiagnosticSeverity.Warning
    replacement = _replacement(d, a)
    data: Optional[dict[str, Any]] = {REPLACEMENT: replacement} if replacement else None
    return T.Diagnostic(a.at.range(d.span), message, severity=severity, code=d.code, source=SOURCE,
                        related_information=_related(d, a) or None, data=data)


def diagnostics(a: Analysis) -> list[T.Diagnostic]:
    """The text's diagnostics, as ``tradegap check`` gives them."""
    return [to_lsp(d, a) for d in a.diagnostics]


def quick_fixes(uri: str, given: list[T.Diagnostic]) -> list[T.CodeAction]:
    """A quick fix for each diagnostic with a did-you-mean: the word it offers, written in place."""
    out = []
    for d in given:
        word = d.data.get(REPLACEMENT) if isinstance(d.data, dict) else None
        if isinstance(word, str) and d.source == SOURCE:
            edit = T.WorkspaceEdit(changes={uri: [T.TextEdit(d.range, word)]})
            out.append(T.CodeAction(f"Replace with `{word}`", kind=T.CodeActionKind.QuickFix, diagnostics=[d],
                                    edit=edit, is_preferred=True))
    return out


def formatting(a: Analysis) -> list[T.TextEdit]:
    """The edit that makes the text canonical (none when it already is, or when it cannot be formatted)."""
    formatted, _ = format_source(a.text, a.path)
    if formatted is None or formatted == a.text:
        return []
    return [T.TextEdit(a.at.whole(), formatted)]
