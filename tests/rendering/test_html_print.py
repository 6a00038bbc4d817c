"""The HTML page for a brief: one agreement uses the page's width with its cells open; controls to expand
every cell; printing gives the matrix alone on one landscape page, or the full annex with every cell open."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from engine.evaluation.evaluator import evaluate
from engine.rendering import render
from engine.rendering.html import SCRIPT, STYLE
from engine.views.compare import compare

DAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def brief_page(corpus):
    three = [corpus.agreement(i) for i in ("cptpp", "usjdta", "rcep")]
    return render(compare(three, [corpus.norms("digital-core")], as_of=DAY), "html")


def test_one_agreement_takes_the_page_width_with_its_cells_open(corpus):
    page = render(evaluate([corpus.agreement("rcep")], [corpus.norms("tpp3")], as_of=DAY), "html")
    assert '<table class="matrix single">' in page and page.count("<details open>") == 3
    assert "table.single{width:100%}" in STYLE


def test_several_agreements_keep_their_cells_closed(brief_page):
    assert '<table class="matrix">' in brief_page and "<details open>" not in brief_page


def test_a_matrix_page_has_the_controls_and_prints_the_matrix_alone_on_a_landscape_page(brief_page):
    assert '<body class="matrix-page">' in brief_page and '<div class="scroll matrix-wrap">' in brief_page
    for act in ("expand", "collapse", "matrix", "annex"):
        assert f'data-act="{act}"' in brief_page
    assert "@page{size:A4 landscape" in STYLE
    assert "body.matrix-page:not(.annex) header .meta,body.matrix-page:not(.annex) main>:not(.matrix-wrap)" \
           "{display:none}" in STYLE
    assert "body.annex details::details-content" in STYLE  # the annex prints every cell open
    assert "classList.contains('annex')" in SCRIPT and "all(true)" in SCRIPT


def test_the_inline_script_is_the_one_the_policy_allows(brief_page):
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"sha256-{digest}" in brief_page and brief_page.count("<script>") == 1
    assert not re.search(r"\son(click|load)=", brief_page)  # no inline handlers: the policy would block them


@pytest.mark.slow
def test_chromium_prints_the_matrix_alone_on_one_page(brief_page, tmp_path):
    from test_html_in_browser import CHROMIUM, chromium

    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian package `chromium`; .ci/run installs it)")
    page, pdf = tmp_path / "brief.html", tmp_path / "brief.pdf"
    page.write_text(brief_page, encoding="utf-8")
    run = chromium(page.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert run.returncode == 0 and pdf.exists(), run.stderr[-2000:]
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())) == 1
