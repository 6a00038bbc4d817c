"""`tradegap compare`: the matrix in every format, to a file, and its usage errors."""

from __future__ import annotations

import pytest

from conftest import run_cli


def test_cli_compare(tmp_path):
    code, out, err = run_cli("compare", "cptpp", "usjdta", "rcep", "--norms", "digital-core", "--as-of", "2026-01-01")
    assert code == 0, err
    assert "Art. 12.15" in out and "self-judging policy" in out and "digital-core.customs-" in out
    for fmt in ("markdown", "json", "csv", "html"):
        code, out, err = run_cli("compare", "cptpp", "usjdta", "rcep", "--norms", "digital-core", "--as-of",
                                 "2026-01-01", "--format", fmt)
        assert code == 0 and "12.15" in out, (fmt, err)
    target = tmp_path / "c.html"
    code, _, _ = run_cli("compare", "cptpp", "rcep", "--topics", "source-code", "-f", "html", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("args, words", [
    (("compare", "cptpp", "--topics", "cross-border-dta"), "unknown topic `cross-border-dta`"),
    (("compare", "cptp", "--norms", "tpp3"), "unknown agreement `cptp`"),
    (("compare", "cptpp", "--norms", "tpp4"), "unknown norm set `tpp4`"),
    (("compare", "cptpp", "--as-of", "soon"), "--as-of `soon` is not a date"),
])
def test_cli_errors_are_one_line_and_a_hint(args, words):
    code, out, err = run_cli(*args)
    assert code == 2 and f"tradegap: error: {words}" in err and "Traceback" not in err
