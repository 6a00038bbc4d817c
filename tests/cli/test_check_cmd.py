"""`tradegap check`: every problem in every file, as text or JSON; exit 2 on any error."""

from __future__ import annotations

import json
import os

import pytest

from conftest import run_cli
from engine.cli import main


def test_several_errors_in_one_file_are_all_reported(tmp_path):
    bad = tmp_path / "bad.agr"
    bad.write_text('agreement x {\n  parties JP XX\n  status ratified\n  article 1 {\n    topic nonsense\n  }\n}\n',
                   encoding="utf-8")
    code, out, err = run_cli("check", "--no-bundled", str(bad))
    assert code == 2
    assert "error[E0202]" in err and "error[E0206]" in err and "error[E0201]" in err
    assert "Traceback" not in err + out


def test_unreadable_and_binary_files(tmp_path):
    latin = tmp_path / "latin.agr"
    latin.write_bytes('agreement x "Zürich" { }\n'.encode("latin-1"))
    nul = tmp_path / "nul.agr"
    nul.write_bytes(b"agreement x {\x00}\n")
    code, out, err = run_cli("check", "--no-bundled", str(latin), str(nul), str(tmp_path / "missing.agr"))
    assert code == 2
    assert "error[E0002]" in err and "latin.agr:1:15" in err
    assert "error[E0101]" in err and "NUL" in err
    assert "error[E0001]" in err


def test_json_diagnostics(tmp_path):
    bad = tmp_path / "bad.agr"
    bad.write_text("agreement x {\n  status ratified\n}\n", encoding="utf-8")
    code, out, err = run_cli("check", "--no-bundled", "--format", "json", str(bad))
    assert code == 2
    data = json.loads(out)
    assert data[0]["code"] == "E0206" and data[0]["line"] == 2 and data[0]["column"] == 10
    assert data[0]["hint"].endswith(": concluded, draft, in-force, proposed, signed, terminated")


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")
def test_check_reports_a_link_out_of_the_folder_and_exits_2(tmp_path, capsys):
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "a.agr").write_text('agreement a {\n  parties JP KR\n'
                                '  article 1 { topic cross-border-data binding "x" }\n}\n')
    os.symlink(outside / "secret.agr", root / "b.agr")
    (outside / "secret.agr").write_text("agreement broken {")  # would give E0103 if it were read
    assert main(["check", "--no-bundled", str(root)]) == 2
    out, err = capsys.readouterr()
    assert "error[E0311]" in err and "E0103" not in err and "Traceback" not in err
    assert out.startswith("checked 1 file: 1 error")
