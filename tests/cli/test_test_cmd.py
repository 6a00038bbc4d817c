"""`tradegap test`: expectation files pass (exit 0), fail (exit 1) or do not check (exit 2)."""

from __future__ import annotations

from conftest import ROOT, run_cli


def test_test_command_passes_and_fails(tmp_path):
    code, out, err = run_cli("test", str(ROOT / "examples"), str(ROOT / "tests" / "conformance"))
    assert code == 0, out + err
    assert ", 0 failed" in out
    wrong = tmp_path / "wrong.expect"
    wrong.write_text("expect rcep tpp3.source-code met as-of 2026-11-27\n", encoding="utf-8")
    code, out, _ = run_cli("test", str(wrong))
    assert code == 1
    assert "FAIL" in out and "rcep tpp3.source-code is unmet" in out
    bad = tmp_path / "bad.expect"
    bad.write_text("expect rcep tpp3.source-cod met\n", encoding="utf-8")
    code, _, err = run_cli("test", str(bad))
    assert code == 2 and "error[E0309]" in err
