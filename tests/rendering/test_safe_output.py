"""Safe output: text from other people's files comes out inert in every format.

Titles, quotes and reasons carry HTML, Markdown table pipes and links, spreadsheet formula
prefixes (= + - @), terminal escape sequences (CSI, OSC, C1) and bidi overrides.  Each format
must neither act on them nor let them act on whatever shows the output; JSON must keep them
exactly (it is data) but escaped.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import re

import pytest

from conftest import assert_markdown_tables_hold
from engine.checking.corpus import Corpus
from engine.evaluation.evaluator import evaluate
from engine.evaluation.findings import AgreementInfo, Evidence, Finding, NormSetInfo, Reason, Report
from engine.language import diagnostics as D
from engine.rendering import FORMATS, render, safe
from hostile import CONTROL, PAYLOADS, evil_files

HAS_HTML = importlib.util.find_spec("engine.rendering.html") is not None


def evil_report(payload: str) -> Report:
    corpus = Corpus.build(evil_files(payload))
    assert not corpus.errors, [D.render_text(d) for d in corpus.errors]
    report = evaluate(corpus.agreement("evil"), corpus.norms("evilnorms"), as_of=dt.date(2026, 1, 1))
    assert report.findings[0].grade == "partial" and report.findings[0].reasons
    return report


def handmade_report(payload: str) -> Report:
    """Every string field of a report set to the payload, where the DSL could never put it."""
    reason = Reason(payload, payload, payload, ("JP",), payload)
    evidence = Evidence(payload, payload, payload, payload, 3, payload)
    finding = Finding(payload, payload, payload, (payload,), "partial", None, payload, (reason,), (evidence,))
    return Report("0.1.0", dt.date(2026, 1, 1), None, (AgreementInfo(payload, payload, payload, ("JP",), payload),),
                  (NormSetInfo(payload, payload, payload, payload),), (finding,))


def reports():
    for i, payload in enumerate(PAYLOADS):
        yield pytest.param(evil_report, payload, id=f"dsl-{i}")
        yield pytest.param(handmade_report, payload, id=f"made-{i}")


def check_inert(fmt: str, out: str, payload: str, exact: bool = False) -> None:
    if fmt == "json":
        assert not CONTROL.search(out), "JSON escapes controls and bidi marks (\\uXXXX)"
        strings = []

        def walk(x):
            if isinstance(x, str):
                strings.append(x)
            elif isinstance(x, dict):
                for v in x.values():
                    walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
        walk(json.loads(out))
        kept = payload if exact else payload.replace("\r", " ")  # a DSL string holds no line break
        assert any(kept in s for s in strings), "JSON keeps the text exactly"
        return
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len({len(r) for r in rows}) == 1
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
                assert not CONTROL.search(cell.replace("\r", "")), cell
        return
    found = CONTROL.search(out)
    assert found is None, repr(found and found.group())
    if fmt == "markdown":
        assert not re.search(r"(?<!\\)<", out)
        assert not re.search(r"(?<!\\)\]\(", out) and not re.search(r"(?<!\\)`", out)
        assert_markdown_tables_hold(out)
    if fmt == "html":
        assert 'alert("x")</script>' not in out and "<img" not in out
        assert 'onmouseover="' not in out and not re.search(r"(href|src)\s*=\s*[\"']?\s*javascript:", out)
    if fmt == "text":
        assert "\x1b" not in out


@pytest.mark.parametrize("make,payload", list(reports()))
@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "html"])
def test_reports_are_inert(make, payload, fmt):
    check_inert(fmt, render(make(payload), fmt), payload, exact=make is handmade_report)


@pytest.mark.skipif(not HAS_HTML, reason="engine/rendering/html.py is not written yet (another helper's task)")
@pytest.mark.parametrize("make,payload", list(reports()))
def test_html_reports_are_inert(make, payload):
    check_inert("html", render(make(payload), "html"), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_explain_traces_are_inert(payload):
    corpus = Corpus.build(evil_files(payload))
    from engine.api import explain

    finding = explain(corpus.agreement("evil"), corpus.norms("evilnorms"), "data-flows", dt.date(2026, 1, 1))
    check_inert("text", render(finding, "text"), payload)
    check_inert("json", render(finding, "json"), payload)


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_cannot_start_a_formula(prefix):
    assert not safe.csv_cell(prefix + "1+1").startswith(("=", "+", "-", "@", "\t", "\r"))
    if prefix in "=+-@":
        assert safe.csv_cell("ok " + prefix) == "ok " + prefix


def test_neutralisers_keep_ordinary_text():
    plain = "Art. 14.11 “Cross-Border Transfer” – 日本語 é"
    assert safe.term(plain) == plain and safe.html(plain) == plain
    assert safe.csv_cell(plain) == plain


# ---------------------------------------------------------------- issue 18 (F12)


def test_the_arabic_letter_mark_is_a_control_too():
    assert "\u061c" not in safe.term("x\u061cy") and "\u061c" not in safe.markdown("x\u061cy")
    assert "\u061c" not in safe.html("x\u061cy") and "\u061c" not in safe.csv_cell("x\u061cy")


@pytest.mark.parametrize("text, shown", [("~~struck~~", "\\~\\~struck\\~\\~"), ("~one~", "\\~one\\~"),
                                         ("~ partial", "~ partial"), ("a ~ b", "a ~ b")])
def test_markdown_tildes_cannot_strike_through(text, shown):
    assert safe.markdown(text) == shown


@pytest.mark.parametrize("title", [" =1+1", "\t=1+1", "=1+1 "])
def test_a_markdown_title_with_spaces_at_its_ends_stays_emphasis(title):
    assert f"*{safe.markdown(title)}*" == "*=1+1*"  # `* =1+1*` would start a list item


def test_every_character_made_inert_is_one_a_printable_text_cannot_hold():
    # term() and csv_cell() let a printable text through untouched: that is only right if no character
    # the expression replaces is printable.
    replaced = [chr(c) for c in range(0x110000) if re.fullmatch(safe._CONTROL, chr(c))]
    assert len(replaced) == 9 + 21 + 33 + 1 + 5 + 5 + 4
    assert not any(c.isprintable() for c in replaced)
    assert safe.term("a\u202eb\x1b[31mc\nd") == "a\ufffdb\ufffd[31mc d" and safe.csv_cell("=1\u200b") == "'=1\ufffd"
