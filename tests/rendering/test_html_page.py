"""The HTML page: self-contained, escaped, graded three ways; and rendered by headless Chromium."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import struct
import subprocess
import tempfile
import zlib

import pytest

import engine
from conftest import ROOT
from engine.views.compare import compare
from engine.checking.corpus import load_text
from engine.views.diff import diff
from engine.evaluation.evaluator import evaluate
from engine.views.pair import pair
from engine.views.precedents import suggest_for_report
from engine.rendering import render
from engine.rendering.html import render as render_html
from engine.checking.resolve import resolve

DAY = dt.date(2026, 1, 1)
KJ = str(ROOT / "tests" / "fixtures" / "kjdpa.agr")


@pytest.fixture(scope="module")
def pages(corpus):
    """One page of each kind."""
    c = engine.load([KJ])
    three = [corpus.agreement(i) for i in ("cptpp", "usjdta", "rcep")]
    report = evaluate(three, corpus.norms("tpp3"), DAY)
    return {
        "report": render_html(report, suggestions=suggest_for_report(corpus, report)),
        "compare": render(compare(three, [corpus.norms("digital-core")], as_of=DAY), "html"),
        "topics": render(compare(three, topics=["source-code", "cybersecurity"], as_of=DAY), "html"),
        "pair": render(pair(c.agreements.values(), "KR", "JP", [c.norms("tpp3")], DAY,
                            drafts=[c.agreement("kjdpa-test")]), "html"),
        "diff": render(diff(c.agreement("ksdpa"), c.agreement("kjdpa-test"), [c.norms("usjdta-plus")], DAY), "html"),
    }


def test_pages_are_self_contained(pages):
    for kind, page in pages.items():
        assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>"), kind
        assert "Content-Security-Policy" in page and "default-src 'none'" in html.unescape(page), kind
        low = page.lower()
        for outside in ("<link", " src=", " href=", "url(", "@import", "http://", "https://", "@font-face"):
            assert outside not in low, (kind, outside)
        assert low.count("<script") == 1, kind  # the one inline script, allowed by its hash
        assert "@media print" in page and 'id="legend"' in page, kind


def test_grades_read_without_colour(pages):
    page = pages["compare"]
    cells = re.findall(r'<td class="cell (g-[a-z]+)" data-grade="([a-z-]+)"[^>]*>(.*?)</td>', page, re.S)
    assert len(cells) == 15
    words = {"g-met": "met", "g-partial": "partial", "g-unmet": "unmet"}
    for cls, grade, inner in cells:
        assert words[cls] == grade
        assert f'<span class="label">{grade}</span>' in inner  # the word, not only the colour
        assert '<span class="mark" aria-hidden="true">' in inner  # and a symbol
        assert "<details><summary>" in inner and '<div class="body">' in inner
    legend = page.split('id="legend"', 1)[1].split("</section>", 1)[0]
    for word in ("met", "partial", "unmet", "n/a"):
        assert f'<span class="label">{word}</span>' in legend


def test_cells_open_to_reasons_and_evidence(pages):
    page = pages["compare"]
    rcep_data = page.split("digital-core.data-flows", 1)[1].split("</tr>", 1)[0]
    assert "Why not met" in rcep_data and "require enforceable" in rcep_data
    assert "<q>A Party shall not prevent cross-border transfer of information" in rcep_data
    assert "agreements/rcep.agr:" in rcep_data


def test_topic_rows_have_no_grade(pages):
    page = pages["topics"]
    assert 'data-grade=' not in page and 'class="cell g-none"' in page
    assert "no grade" in page


def test_the_report_page_carries_its_precedents(pages):
    page = pages["report"]
    assert 'id="precedents"' in page and "<pre><code># Precedent: cptpp chapter 14, Art. 14.11" in page
    assert "&quot;Cross-Border Transfer of Information by Electronic Means&quot;" in page


def test_pair_and_diff_pages(pages):
    assert "closes 3" in pages["pair"] and ">with drafts<" in pages["pair"]
    assert "closes 1 gap, opens 0" in pages["diff"] and "Art. 14.30 Interactive Computer Services" in pages["diff"]


EVIL = ('agreement evil "<script>alert(1)</script>" {\n  parties KR JP\n  in-force 2020-01-01\n'
        '  chapter 1 "</table><h1>x" {\n    article 1.1 "<b onmouseover=alert(2)>t</b>" {\n'
        '      topic cross-border-data\n      binding "\\"><img src=x onerror=alert(3)> & \x1b[2J"\n    }\n  }\n}\n')


def test_everything_embedded_is_escaped(corpus):
    f = load_text(EVIL, "evil.agr")
    evil, _ = resolve(f.document.items[0], lambda i: None)
    for page in (render(evaluate(evil, corpus.norms("tpp3"), DAY), "html"),
                 render(compare([evil], [corpus.norms("tpp3")], as_of=DAY), "html"),
                 render(compare([evil], topics=["cross-border-data"], as_of=DAY), "html")):
        assert "<script>alert" not in page and "<img" not in page and "<b " not in page
        assert "\x1b" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_same_input_same_page(corpus):
    three = [corpus.agreement(i) for i in ("cptpp", "rcep")]
    a = render(compare(three, [corpus.norms("tpp3")], as_of=DAY), "html")
    b = render(compare(three, [corpus.norms("tpp3")], as_of=DAY), "html")
    assert a == b


# ---------------------------------------------------------------- in a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]

MET_BG, PARTIAL_BG, UNMET_BG = (0xDA, 0xFB, 0xE1), (0xFF, 0xF1, 0xC2), (0xFF, 0xE3, 0xE0)


def chromium(url: str, *extra: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                              capture_output=True, text=True, timeout=120)


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG, without any imaging library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, [bytes(r[i] for i in range(len(r)) if i % bpp < 3) if bpp == 4 else r for r in rows]


@pytest.fixture(scope="module")
def page_file(pages, tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "compare.html"
    path.write_text(pages["compare"], encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package `chromium`; .ci/run installs it)")
def test_chromium_renders_the_table_and_legend(page_file):
    run = chromium(page_file.as_uri(), "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert '<table class="matrix">' in dom and 'id="legend"' in dom
    assert dom.count('<td class="cell') == 15 and dom.count("<details>") == 15
    assert "Content Security Policy" not in run.stderr  # the inline script's hash matches; nothing was blocked


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package `chromium`; .ci/run installs it)")
def test_chromium_screenshot_is_not_blank_and_shows_the_grades(page_file, tmp_path):
    shot = tmp_path / "shot.png"
    run = chromium(page_file.as_uri(), f"--screenshot={shot}", "--window-size=1200,900")
    assert run.returncode == 0 and shot.exists(), run.stderr[-2000:]
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1200, 900)
    colours = {bytes(r[i:i + 3]) for r in rows[::3] for i in range(0, len(r), 9)}
    assert len(colours) > 10  # text, borders and fills, not a blank page

    def near(target):
        return any(all(abs(c[k] - target[k]) <= 3 for k in range(3)) for c in colours)

    assert near(MET_BG) and near(PARTIAL_BG) and near(UNMET_BG)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package `chromium`; .ci/run installs it)")
def test_chromium_prints_the_page(page_file, tmp_path):
    pdf = tmp_path / "page.pdf"
    run = chromium(page_file.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert run.returncode == 0 and pdf.exists(), run.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
