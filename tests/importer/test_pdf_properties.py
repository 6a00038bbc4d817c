"""Properties: joining hyphenated words loses and adds no letter; no bytes make the PDF reader raise."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.importer import import_bytes
from engine.importer.hyphens import repair
from engine.importer.lines import Line
from engine.importer.raw import Position

WORD = st.text(alphabet="abcdeNon-", min_size=1, max_size=8)
LINE = st.lists(WORD, min_size=0, max_size=5).map(" ".join)


@given(st.lists(LINE, max_size=8))
def test_repair_moves_letters_but_never_loses_or_adds_one(texts):
    lines = [Line(t, Position(1, n)) for n, t in enumerate(texts, 1)]
    fixed = repair(lines)
    letters = lambda xs: re.sub(r"[^A-Za-z]", "", "".join(x.text for x in xs))  # noqa: E731
    assert letters(fixed) == letters(lines)
    assert [x.at.line for x in fixed] == sorted(x.at.line for x in fixed)  # order kept


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_after_a_pdf_header_give_a_diagnostic_not_an_exception(tail):
    result = import_bytes(b"%PDF-1.4\n" + tail, "fuzz.pdf")
    assert result.agreement is None or result.ok
    assert result.agreement is not None or [d.code for d in result.diagnostics] in (["E0509"], ["E0507"])
