"""`tradegap import`: a file that checks, to a file or standard output; bad input and bad rules exit 2."""

from __future__ import annotations

import os

import pytest

from conftest import ROOT, run_cli
from engine.cli import main

import golden_diagnostics

FIX = ROOT / "tests" / "fixtures" / "import"
BAD = [p for p in golden_diagnostics.cases() if p.name.startswith("E05")]  # one bad input per import error
MESSY = 'agreement a{parties JP KR\narticle 1{topic cross-border-data binding "x"}}\n'


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_bad_input_exits_2_and_writes_nothing(tmp_path, path):
    out = tmp_path / "out" / "draft.agr"
    out.parent.mkdir()
    rules = ["--rules", str(path)] if path.suffix == ".coding" else []
    status, stdout, stderr = run_cli("import", str(FIX / "treaty.txt") if rules else str(path), *rules, "-o", str(out))
    assert status == 2
    assert f"error[{golden_diagnostics.code(path)}]" in stderr and "Traceback" not in stderr
    assert os.listdir(out.parent) == []  # no output file, no temporary file left behind


def test_bad_input_leaves_an_existing_output_untouched(tmp_path):
    out = tmp_path / "draft.agr"
    out.write_text("# my draft\n", encoding="utf-8")
    status, _, _ = run_cli("import", str(FIX / "truncated.xml"), "-o", str(out))
    assert status == 2 and out.read_text(encoding="utf-8") == "# my draft\n"
    assert os.listdir(tmp_path) == ["draft.agr"]


def test_writes_a_file_that_checks(tmp_path):
    out = tmp_path / "jpmn-draft.agr"
    status, stdout, stderr = run_cli("import", str(FIX / "mini_tota.xml"), "-o", str(out), "--id", "jpmn-draft")
    assert status == 0 and stdout == ""
    assert "imported 13 articles" in stderr
    assert "agreement jpmn-draft" in out.read_text(encoding="utf-8")
    status, stdout, _ = run_cli("check", "--no-bundled", str(out))
    assert status == 0 and "0 errors" in stdout


def test_prints_to_stdout():
    status, stdout, _ = run_cli("import", str(FIX / "treaty.txt"))
    assert status == 0 and "agreement treaty" in stdout and "verification auto" in stdout


def test_rejects_a_bad_id():
    status, _, stderr = run_cli("import", str(FIX / "treaty.txt"), "--id", "Bad Id")
    assert status == 2 and "not an id" in stderr


def test_custom_rules_are_data(tmp_path):
    rules = tmp_path / "mine.coding"
    rules.write_text('coding mine { topic open-government-data when heading "customs duties" }\n', encoding="utf-8")
    status, stdout, _ = run_cli("import", str(FIX / "mini_tota.xml"), "--rules", str(rules))
    assert status == 0
    assert "topic open-government-data" in stdout and "binding" not in stdout  # only what the rules say


def test_bad_rules_file_exits_2(tmp_path):
    rules = tmp_path / "bad.coding"
    rules.write_text("coding x { topic when }\n", encoding="utf-8")
    status, _, stderr = run_cli("import", str(FIX / "treaty.txt"), "--rules", str(rules))
    assert status == 2 and "error[E0510]" in stderr


def test_import_output_is_written_atomically(tmp_path, monkeypatch, capsys):
    treaty = tmp_path / "treaty.txt"
    treaty.write_text("Article 1: Cross-Border Transfer of Information by Electronic Means\n"
                      "Each Party shall allow the cross-border transfer of information by electronic means.\n")
    out = tmp_path / "draft.agr"
    out.write_text(MESSY)
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError(28, "No space left on device"))
                        if str(dst) == str(out) else real_replace(src, dst))
    assert main(["import", str(treaty), "--format", "text", "-o", str(out)]) == 2
    assert out.read_text() == MESSY
    assert sorted(n for n in os.listdir(tmp_path) if n.endswith(".tmp")) == []
    assert "E0001" in capsys.readouterr().err
    monkeypatch.undo()
    assert main(["import", str(treaty), "--format", "text", "-o", str(out)]) == 0
    assert out.read_text().startswith(("agreement", "#"))


def test_a_draft_too_large_for_a_source_file_exits_2_not_3(monkeypatch):
    import engine.importer as importer

    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 1000)
    code, out, err = run_cli("import", str(FIX / "treaty.txt"))
    assert code == 2 and out == "" and "internal error" not in err
    assert "error[E0506]: the draft would be" in err and err.endswith("tradegap: nothing imported\n")
