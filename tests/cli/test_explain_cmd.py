"""`tradegap explain`: the trace of one norm against one agreement, as text and JSON."""

from __future__ import annotations

import json

from conftest import run_cli


def test_explain_text_and_json():
    code, out, err = run_cli("explain", "rcep", "tpp3.data-flows", "--as-of", "2026-11-27")
    assert code == 0, err
    assert "[best] Art. 12.15" in out and "FAILED require enforceable" in out
    assert "agreements/rcep.agr:" in out
    code, out, _ = run_cli("explain", "rcep", "tpp3.data-flows", "--format", "json")
    data = json.loads(out)
    assert data["schema"]["name"] == "tradegap.explanation"
    assert data["candidates"][0]["checks"][0]["steps"][0]["line"] > 0
