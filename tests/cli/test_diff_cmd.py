"""`tradegap diff`: a draft against its base, two versions of a draft, two agreements; usage errors."""

from __future__ import annotations

import pytest

from conftest import ROOT, run_cli

FIX = ROOT / "tests" / "fixtures"
KJ = str(FIX / "kjdpa.agr")
V2, V3 = str(FIX / "drafts" / "v2.agr"), str(FIX / "drafts" / "v3.agr")


def test_cli_one_argument_diffs_a_draft_against_its_base():
    code, out, err = run_cli("diff", KJ, "--norms", "usjdta-plus", "--as-of", "2026-01-01")
    assert code == 0, err
    assert "ksdpa -> kjdpa-test" in out and "+ Art. 14.30" in out and "- Art. 14.10" in out
    assert "closes 1 gap, opens 0" in out


def test_cli_two_files_with_the_same_id():
    code, out, err = run_cli("diff", V2, V3, "--norms", "tpp3", "--as-of", "2026-01-01", "--format", "markdown")
    assert code == 0, err
    assert "closes 2 gaps, opens 0" in out


def test_cli_two_ids():
    code, out, err = run_cli("diff", "ksdpa", "depa", "--norms", "digital-core", "--as-of", "2026-01-01")
    assert code == 0, err
    assert "ksdpa -> depa" in out and "articles:" in out


def test_cli_errors():
    code, _, err = run_cli("diff", "rcep")
    assert code == 2 and "tradegap: error: `rcep` is not a draft" in err
    code, _, err = run_cli("diff", "rcep", "rcap")
    assert code == 2 and "unknown agreement `rcap`" in err and "Traceback" not in err


@pytest.mark.skipif(not (ROOT / "examples" / "kjdpa.agr").exists(), reason="examples/kjdpa.agr not written yet")
def test_the_korea_japan_example_against_its_base():
    code, out, err = run_cli("diff", str(ROOT / "examples" / "kjdpa.agr"), "--norms", "tpp3", "digital-core",
                             "usjdta-plus")
    assert code == 0, err
    assert "articles:" in out and "grades: closes" in out
