"""The 2.0 fields come out inert too: citations, notes, chapters searched, parts covered, badges, force."""

from __future__ import annotations

import csv
import io
import json
import re

import attrs
import pytest

import honest as H
from conftest import assert_markdown_tables_hold
from engine.rendering import FORMATS, render

PAYLOADS = ['<script>alert("x")</script>', '" onmouseover="alert(1)', "a | b", "=HYPERLINK(\"x\")",
            "\x1b[31mred\x9b2J", "\u202eevil\u2066", "**b** [l](javascript:x) `c`"]
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def poisoned(payload: str) -> tuple[object, ...]:
    """The honest results with every new string field (and the words of evidence) set to ``payload``."""
    e = H.ART_1217.replace(citation=payload, quote=payload, verification=payload, file=payload)
    para = H.RECALLED.replace(quote=payload, citation=payload)
    reason = H.rcep_flows().reasons[0].replace(detail=payload, evidence=(e,))
    f = H.rcep_flows().replace(notes=(payload,), searched=(payload,), covered=(payload,), verification=payload,
                     evidence=(para,), reasons=(reason,))
    info = H.RCEP.replace(status=payload, coverage=(payload,), verification=payload)
    report = H.honest_report().replace(agreements=(info,), findings=(f,))
    c = H.honest_comparison()
    cells = tuple(attrs.evolve(x, verification=payload, reasons=f.reasons) for x in c.cells)
    c = attrs.evolve(c, agreements=tuple(a.replace(verification=payload, status=payload) for a in c.agreements),
                     cells=cells)
    return report, c, attrs.evolve(c, lens="strength")


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_new_fields_are_inert_in_every_format(payload, fmt):
    for result in poisoned(payload):
        out = render(result, fmt)
        if fmt == "json":
            strings = json.dumps(json.loads(out))
            assert json.dumps(payload)[1:-1] in strings and not CONTROL.search(out)
            continue
        if fmt == "csv":
            for row in list(csv.reader(io.StringIO(out)))[1:]:
                assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row
            continue
        assert not CONTROL.search(out)
        if fmt == "markdown":
            assert not re.search(r"(?<!\\)<(?!br>)", out) and not re.search(r"(?<!\\)`", out)
            assert_markdown_tables_hold(out)
        if fmt == "html":
            assert "<script>alert" not in out and 'onmouseover="alert' not in out
