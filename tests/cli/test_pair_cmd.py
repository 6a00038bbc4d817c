"""`tradegap pair`: what binds two countries, with drafts; usage errors."""

from __future__ import annotations

import pytest

from conftest import ROOT, run_cli

KJ = str(ROOT / "tests" / "fixtures" / "kjdpa.agr")


def test_cli_pair():
    code, out, err = run_cli("pair", "KR", "JP", "--as-of", "2026-01-01")
    assert code == 0, err
    assert "binding both on the date:\n  IPEF Supply Chain Agreement (ipef-sca):" in out and "\n  RCEP:" in out
    code, out, err = run_cli("pair", "KR", "JP", "--as-of", "2026-01-01", "--norms", "tpp3", "--with", KJ)
    assert code == 0, err
    assert "with kjdpa-test: closes 3 gaps" in out


@pytest.mark.parametrize("args, words", [
    (("pair", "KR", "QQ"), "`QQ` is not a country tradegap knows"),
    (("pair", "KR", "KOR"), "a pair needs two different countries"),
    (("pair", "KR", "SG", "--with", KJ), "draft `kjdpa-test` does not name SG as a party"),
    (("pair", "KR", "JP", "--norms", "tpp"), "unknown norm set `tpp`"),
])
def test_cli_errors(args, words):
    code, _, err = run_cli(*args)
    assert code == 2 and f"tradegap: error: {words}" in err and "Traceback" not in err
