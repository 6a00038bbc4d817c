"""`tradegap list`: agreements, norms, topics and codes; hostile names in a listing come out inert."""

from __future__ import annotations

import pytest

from conftest import run_cli
from engine.cli import main
from hostile import BIDI, CONTROL, ESCAPES, HTML, evil_files


def test_list_commands():
    code, out, _ = run_cli("list", "agreements")
    assert code == 0 and "rcep" in out and "cptpp" in out
    code, out, _ = run_cli("list", "norms")
    assert "tpp3.data-flows" in out
    code, out, _ = run_cli("list", "topics")
    assert "cross-border-data" in out
    code, out, _ = run_cli("list", "codes")
    assert "E0102" in out


@pytest.mark.parametrize("payload", [ESCAPES, BIDI, HTML])
def test_command_line_listings_are_inert(payload, tmp_path, capsys):
    for f in evil_files(payload):
        (tmp_path / f.path).write_text(f.text, encoding="utf-8")
    assert main(["list", "agreements", "-p", str(tmp_path)]) == 0
    assert main(["list", "norms", "-p", str(tmp_path)]) == 0
    expect = tmp_path / "evil.expect"
    expect.write_text("expect evil evilnorms met as-of 2026-01-01\n")
    assert main(["test", str(tmp_path)]) == 1
    assert main(["report", "evil", "--norms", "evilnorms", "-p", str(tmp_path), "--as-of", "2026-01-01"]) == 0
    out = capsys.readouterr()
    assert not CONTROL.search(out.out + out.err)
