"""The comparison page in a real browser (headless Chromium): drawn, coloured, printable.  Marked slow.

Each test starts Chromium, which takes a second or more; `pytest -m slow` runs them (and .ci/run should).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import struct
import subprocess
import tempfile
import zlib

import pytest

from engine.rendering import render
from engine.views.compare import compare

DAY = dt.date(2026, 1, 1)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


MET_BG, PARTIAL_BG, UNMET_BG = (0xDA, 0xFB, 0xE1), (0xFF, 0xF1, 0xC2), (0xFF, 0xE3, 0xE0)


def chromium(url: str, *extra: str) -> subprocess.CompletedProcess:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:  # also its home: crash reports go to ~/.config otherwise
        env = {**os.environ, "HOME": profile, "XDG_CONFIG_HOME": profile}
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                              capture_output=True, text=True, timeout=120, env=env)


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
def page_file(corpus, tmp_path_factory):
    three = [corpus.agreement(i) for i in ("cptpp", "usjdta", "rcep")]
    path = tmp_path_factory.mktemp("html") / "compare.html"
    path.write_text(render(compare(three, [corpus.norms("digital-core")], as_of=DAY), "html"), encoding="utf-8")
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
