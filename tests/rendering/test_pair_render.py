"""The pair view rendered: text, Markdown, CSV, JSON and HTML."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from engine.rendering import render
from engine.views.pair import pair

DAY = dt.date(2026, 1, 1)


def test_formats(with_draft):
    c = with_draft
    p = pair(c.agreements.values(), "KR", "JP", [c.norms("tpp3")], DAY, drafts=[c.agreement("kjdpa-test")])
    text = render(p, "text")
    assert "binding both on the date:" in text and "RCEP: Regional Comprehensive" in text
    assert "with kjdpa-test: closes 3 gaps, narrows 0" in text
    assert max(len(x) for x in text.splitlines()) <= 120
    md = render(p, "markdown")
    assert "| Norm | Strongest | With drafts | IPEF Supply Chain Agreement \\[secondary\\] | RCEP \\[text\\] | KJDPA-TEST \\[unverified\\]<br>hypothetical |" in md
    rows = list(csv.DictReader(io.StringIO(render(p, "csv"))))
    assert [(r["norm"], r["strongest_agreement"], r["effect"]) for r in rows][0] == ("tpp3.data-flows", "rcep", "closes")
    data = json.loads(render(p, "json"))
    assert data["schema"]["name"] == "tradegap.pair" and data["closes"] == 3
    assert "<table class=\"matrix\">" in render(p, "html")
