"""`tradegap import DIR -o OUTDIR`: every treaty of a folder, in parallel; a summary; nothing outside OUTDIR;
a progress bar on a terminal only."""

from __future__ import annotations

import io
import os
import shutil

import pytest

from conftest import ROOT, run_cli
from engine.cli.import_dir import Bar

FIX = ROOT / "tests" / "fixtures" / "import"


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "treaties"
    src.mkdir()
    shutil.copy(FIX / "treaty.txt", src / "treaty.txt")
    shutil.copy(FIX / "mini_tota.xml", src / "mini.xml")
    (src / "scan.pdf").write_bytes(b"%PDF-1.4\n\x00\x01 not really a PDF\n")
    (src / "notes.md").write_text("not a treaty file: not read\n", encoding="utf-8")
    return src


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_is_imported_file_by_file_with_a_summary(folder, tmp_path, jobs):
    out = tmp_path / "drafts"
    status, stdout, stderr = run_cli("import", str(folder), "-o", str(out), "--jobs", jobs)
    assert status == 1  # one file failed
    assert sorted(os.listdir(out)) == ["tota-901.agr", "treaty.agr"]
    assert stdout.startswith(f"imported 2 of 3 files into {out} in ")
    assert "failed: 1\n  scan.pdf: E0509 the PDF cannot be read" in stdout
    assert stderr == ""  # no bar: stderr is not a terminal
    status, _, _ = run_cli("check", str(out / "treaty.agr"))
    assert status == 0


def test_existing_drafts_are_kept_without_force_and_replaced_with_it(folder, tmp_path):
    out = tmp_path / "drafts"
    out.mkdir()
    (out / "treaty.agr").write_text("# my reviewed draft\n", encoding="utf-8")
    (folder / "scan.pdf").unlink()
    status, stdout, _ = run_cli("import", str(folder), "-o", str(out), "--jobs", "1")
    assert status == 1 and "treaty.txt: " in stdout and "exists (--force replaces it)" in stdout
    assert (out / "treaty.agr").read_text(encoding="utf-8") == "# my reviewed draft\n"
    status, stdout, _ = run_cli("import", str(folder), "-o", str(out), "--jobs", "1", "--force")
    assert status == 0 and "imported 2 of 2 files" in stdout
    assert (out / "treaty.agr").read_text(encoding="utf-8").startswith("# Imported from treaty.txt")


def test_nothing_is_written_outside_the_output_folder(folder, tmp_path):
    out, outside = tmp_path / "drafts", tmp_path / "elsewhere.agr"
    out.mkdir()
    outside.write_text("keep me\n", encoding="utf-8")
    os.symlink(outside, out / "treaty.agr")  # a link planted in OUTDIR is not followed, even with --force
    status, stdout, _ = run_cli("import", str(folder), "-o", str(out), "--jobs", "1", "--force")
    assert status == 1 and "is not a regular file; not written" in stdout
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(os.listdir(tmp_path)) == ["drafts", "elsewhere.agr", "treaties"]


def test_two_files_with_one_id_do_not_overwrite_each_other(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(FIX / "mini_tota.xml", src / "a.xml")
    shutil.copy(FIX / "mini_tota.xml", src / "b.xml")
    status, stdout, _ = run_cli("import", str(src), "-o", str(out), "--jobs", "2")
    assert status == 1 and os.listdir(out) == ["tota-901.agr"]
    assert "b.xml: its id `tota-901` is also the id of a.xml" in stdout


@pytest.mark.parametrize("argv,words", [
    (["-o", "-"], "importing a folder writes one file per treaty"),
    ([], "importing a folder writes one file per treaty"),
    (["-o", "OUT", "--id", "x"], "--id names one agreement"),
    (["-o", "OUT", "--jobs", "0"], "--jobs 0: give at least 1"),
])
def test_folder_usage_errors(folder, tmp_path, argv, words):
    argv = [str(tmp_path / "o") if a == "OUT" else a for a in argv]
    status, _, stderr = run_cli("import", str(folder), *argv)
    assert status == 2 and words in stderr and not (tmp_path / "o").exists()


def test_jobs_and_force_are_for_folders():
    status, _, stderr = run_cli("import", str(FIX / "treaty.txt"), "--jobs", "2")
    assert status == 2 and "--jobs and --force are for importing a folder" in stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_draws_on_a_terminal_and_clears_itself():
    term = _Terminal()
    bar = Bar(term, "reading t.pdf", "pages", width=10)
    for n in range(1, 5):
        bar(n, 4)
    bar.close()
    shown = term.getvalue()
    assert "\rreading t.pdf [#####-----] 2/4 pages" in shown and "[##########] 4/4 pages" in shown
    assert shown.endswith("\r")
    quiet = io.StringIO()
    Bar(quiet, "reading", "pages")(1, 2)
    assert quiet.getvalue() == ""
