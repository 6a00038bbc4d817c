"""Syntax errors: several per file, each with a hint that names a word allowed where the error is."""

from __future__ import annotations

import pytest

from engine.syntax.parse import parse_text


def test_several_syntax_errors_are_reported():
    r = parse_text('agreement x {\n  kind fta;\n  status in-force;\n}\n', "s.agr")
    assert [d.code for d in r.diagnostics] == ["E0101", "E0101"]
    assert [d.span.line for d in r.diagnostics] == [2, 3]


@pytest.mark.parametrize("source, hint", [
    # `binding` belongs inside an article: at the top of an agreement the closest allowed word is `kind`
    ("agreement x {\n  bindng\n}\n", "did you mean `kind`?"),
    ("agreement x {\n  article 1 {\n    bindng\n  }\n}\n", "did you mean `binding`?"),
    ("agreement x {\n  chaptr 1 { }\n}\n", "did you mean `chapter`?"),
    ('norms n {\n  norm m {\n    requir enforceable because "x"\n  }\n}\n', "did you mean `require`?"),
])
def test_did_you_mean_for_keywords(source, hint):
    first = parse_text(source, "k.agr").diagnostics[0]
    assert (first.code, first.hint) == ("E0102", hint)
