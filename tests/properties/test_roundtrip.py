"""Round trip: parse(fmt(x)) == x on generated documents, and fmt is idempotent on what it printed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from engine.syntax.printer import format_document
from engine.syntax.parse import parse_text

import strategies as S


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(S.documents)
def test_parse_of_format_is_identity(doc):
    text = format_document(doc)
    result = parse_text(text, "gen.agr")
    assert result.document is not None, [d.message for d in result.diagnostics] + [text]
    assert not [d for d in result.diagnostics if d.is_error], text
    assert result.document == doc, text
    assert format_document(result.document) == text
