"""The Word memo: read back with python-docx (the brief's table, colours, summary, key, notes), the same bytes
for the same result, and (slow, where LibreOffice is installed) converted to PDF and looked at as a page image."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zlib

import pytest

from engine.evaluation.evaluator import evaluate
from engine.rendering import BINARY_FORMATS, render_binary
from engine.rendering.docx import SHADE
from engine.language import vocab as V
from engine.views.compare import compare
from engine.views.diff import diff
from engine.views.pair import pair

docx = pytest.importorskip("docx")

DAY = dt.date(2026, 11, 27)
BRIEF = {  # the policy brief's table: the article each agreement has on each provision (none: no article)
    "digital-core.digital-products-non-discrimination": ("14.4", "8", None),
    "digital-core.customs-duties": ("14.3", "7", "12.11"),
    "digital-core.data-flows": ("14.11", "11", "12.15"),
    "digital-core.computing-facilities": ("14.13", "12", "12.14"),
    "digital-core.source-code": ("14.17", "17", None),
}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")


@pytest.fixture(scope="module")
def brief(corpus):
    three = [corpus.agreement(i) for i in ("cptpp", "usjdta", "rcep")]
    return compare(three, [corpus.norms("digital-core")], as_of=DAY)


@pytest.fixture(scope="module")
def memo(brief):
    return docx.Document(io.BytesIO(render_binary(brief, "docx")))


def _fill(cell) -> str:
    shd = cell._tc.tcPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd")
    return shd.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill")


def test_the_first_table_is_the_briefs_table_with_article_numbers(memo):
    table = memo.tables[0]
    assert (len(table.rows), len(table.columns)) == (6, 4)  # a head row and five rows; a label column and three
    assert [c.text.splitlines()[0] for c in table.rows[0].cells] == ["Norm", "CPTPP", "US-Japan DTA", "RCEP"]
    for row, norm in zip(table.rows[1:], BRIEF):
        assert row.cells[0].text.startswith(norm)
        for cell, article in zip(row.cells[1:], BRIEF[norm]):
            assert (f"Art. {article}" if article else "no article") in cell.text


def test_cells_carry_the_grade_symbol_word_score_and_colour(memo):
    rows = memo.tables[0].rows
    cptpp, usjdta, rcep = rows[3].cells[1:]  # data flows
    assert cptpp.text.startswith("✓ met") and _fill(cptpp) == SHADE[V.Grade.MET]
    assert usjdta.text.startswith("~ partial 90 [unverified]") and _fill(usjdta) == SHADE[V.Grade.PARTIAL]
    assert rows[1].cells[3].text.startswith("✗ unmet") and _fill(rows[1].cells[3]) == SHADE[V.Grade.UNMET]
    assert "[unverified]" in rows[0].cells[2].text  # the column's badge


def test_the_memo_has_a_title_a_summary_per_agreement_a_key_and_numbered_notes(memo):
    text = "\n".join(p.text for p in memo.paragraphs)
    assert memo.paragraphs[0].text == "Comparison: CPTPP, US-Japan DTA, RCEP"
    assert "CPTPP meets all five norms." in text
    assert "RCEP meets none of the five norms." in text and "a self-judging public-policy exception" in text
    assert "RCEP has no article on digital products non discrimination or source code at all." in text
    notes = [p.text for p in memo.paragraphs if p.text.startswith("[")]
    assert "Key" in text and notes[0].startswith("[1] ") and any(" Art. 12.17 “" in n for n in notes)
    assert not any("no statement" in n for n in notes)  # an absence is said in place: there is nothing to cite
    assert any("[1]" in p.text for p in memo.paragraphs if p.style.name == "List Bullet")
    legend = memo.tables[-1]
    assert any(r.cells[1].text == "✓ met" and _fill(r.cells[1]) == SHADE[V.Grade.MET] for r in legend.rows)


def test_articles_only_cells_and_title_labels(corpus):
    three = [corpus.agreement(i) for i in ("cptpp", "usjdta", "rcep")]
    c = compare(three, [corpus.norms("digital-core")], as_of=DAY, cells="articles", labels="titles")
    table = docx.Document(io.BytesIO(render_binary(c, "docx"))).tables[0]
    assert [x.text for x in table.rows[3].cells] == ["Free cross-border transfer of information by electronic means",
                                                      "14.11 ✓ met", "11 ~ partial 90", "12.15 ~ partial 40"]


def test_the_same_result_gives_the_same_bytes(brief):
    assert render_binary(brief, "docx") == render_binary(brief, "docx")


def test_a_report_a_pair_and_a_diff_are_memos_too(corpus):
    report = evaluate([corpus.agreement("rcep")], [corpus.norms("tpp3")], as_of=DAY)
    made = {
        "report": render_binary(report, "docx"),
        "pair": render_binary(pair(corpus.agreements.values(), "KR", "JP", [corpus.norms("tpp3")], DAY), "docx"),
        "diff": render_binary(diff(corpus.agreement("cptpp"), corpus.agreement("rcep"), [corpus.norms("tpp3")], DAY),
                              "docx"),
    }
    for kind, data in made.items():
        doc = docx.Document(io.BytesIO(data))
        assert doc.tables and doc.paragraphs[0].text, kind
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(made["report"])).paragraphs)
    assert "RCEP meets none of the three norms." in text and "Why not met" in text
    assert BINARY_FORMATS == ("docx",)


def test_a_result_without_a_memo_is_refused_with_the_types_it_has(corpus):
    with pytest.raises(TypeError, match="docx renders Report"):
        render_binary(corpus.agreement("rcep"), "docx")
    with pytest.raises(ValueError):
        render_binary(corpus.agreement("rcep"), "text")


def _png_colours(png: bytes) -> set[bytes]:
    """The distinct colours of an 8-bit RGB PNG (pdftoppm's), sampled (filters undone for every row)."""
    import struct

    at, width, height, chunks = 8, 0, 0, b""
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        body = png[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            chunks += body
        at += 12 + length
    raw, stride, prev, seen = zlib.decompress(chunks), width * 3, bytearray(width * 3), set()
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - 3] if i >= 3 else 0
            b, c = prev[i], prev[i - 3] if i >= 3 else 0
            p = a + b - c
            pred = {0: 0, 1: a, 2: b, 3: (a + b) >> 1,
                    4: a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else b if abs(p - b) <= abs(p - c) else c}
            line[i] = (line[i] + pred[kind]) & 0xFF
        seen |= {bytes(line[i:i + 3]) for i in range(0, stride, 15)}
        prev = line
    return seen


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or PDFTOPPM is None,
                    reason="LibreOffice (Debian libreoffice-writer-nogui) or pdftoppm (poppler-utils) is not installed; "
                           ".ci/run installs them")
def test_libreoffice_opens_the_memo_and_its_first_page_shows_the_grade_colours(brief, tmp_path):
    memo_file = tmp_path / "brief.docx"
    memo_file.write_bytes(render_binary(brief, "docx"))
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    run = subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(memo_file)],
                         capture_output=True, text=True, timeout=240, env=env)
    pdf = tmp_path / "brief.pdf"
    assert run.returncode == 0 and pdf.exists(), run.stderr[-2000:]
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run([PDFTOPPM, "-r", "40", "-png", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")], check=True,
                   timeout=120)
    colours = set().union(*(_png_colours(p.read_bytes()) for p in sorted(tmp_path.glob("page*.png"))))
    assert len(colours) > 10  # text, rules and fills: not a blank page

    def near(hex_fill: str) -> bool:
        want = bytes.fromhex(hex_fill)
        return any(all(abs(c[k] - want[k]) <= 4 for k in range(3)) for c in colours)

    assert near(SHADE[V.Grade.MET]) and near(SHADE[V.Grade.PARTIAL]) and near(SHADE[V.Grade.UNMET])
