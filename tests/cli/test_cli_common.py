"""What the commands share (engine/cli/common.py): `-o` targets and the errors of the environment.

Issue 18: `-o` names a FIFO, a device, a folder, a missing folder, the input itself or `-`; a full disk
or an unwritable folder.  Each is written into, or refused with a diagnostic and exit 2, never exit 3.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest

import conftest
from conftest import run_cli

KJDPA = conftest.ROOT / "examples" / "kjdpa.agr"
REPORT = ["report", "rcep", "--norms", "tpp3", "--as-of", "2026-01-01"]
COMMANDS = {
    "report": REPORT,
    "compare": ["compare", "rcep", "cptpp", "--norms", "tpp3", "--as-of", "2026-01-01"],
    "diff": ["diff", "ksdpa", "rcep", "--norms", "tpp3", "--as-of", "2026-01-01"],
    "pair": ["pair", "KR", "JP", "--norms", "tpp3", "--as-of", "2026-01-01"],
    "import": ["import", str(conftest.ROOT / "tests" / "fixtures" / "import" / "treaty.txt")],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("target, message", [("folder", "this is a folder"),
                                             ("no/such/out.txt", "folder `{tmp}/no/such` does not exist")])
def test_a_folder_or_a_missing_folder_is_a_diagnostic(tmp_path, command, target, message):
    (tmp_path / "folder").mkdir()
    code, out, err = run_cli(*COMMANDS[command], "-o", str(tmp_path / target))
    assert code == 2 and out == ""
    assert f"{tmp_path / target}: error[E0001]: " + message.format(tmp=tmp_path) in err
    assert "internal error" not in err and os.listdir(tmp_path / "folder") == []


@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_standard_output_by_name(target):
    code, out, err = run_cli(*REPORT, "-o", target)
    assert code == 0 and out == run_cli(*REPORT)[1] and err == ""


def test_writing_over_an_input_is_refused(tmp_path):
    mine = tmp_path / "mine.agr"
    shutil.copy(KJDPA, mine)
    code, out, err = run_cli("report", str(mine), "--norms", "tpp3", "-o", str(mine))
    assert code == 2 and "this is one of the inputs" in err
    assert mine.read_bytes() == KJDPA.read_bytes()
    treaty = tmp_path / "treaty.txt"
    shutil.copy("tests/fixtures/import/treaty.txt", treaty)
    before = treaty.read_bytes()
    code, _, err = run_cli("import", str(treaty), "-o", str(treaty))
    assert code == 2 and "this is one of the inputs" in err and treaty.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_gets_the_report_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    code, _, err = run_cli(*REPORT, "-o", str(fifo))
    assert code == 0 and err == ""
    assert reader.communicate(timeout=20)[0] == run_cli(*REPORT)[1]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_full_device_is_a_diagnostic():
    code, out, err = run_cli(*REPORT, "-o", "/dev/full")
    assert code == 2 and "/dev/full: error[E0001]: cannot write file: No space left on device" in err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_is_a_diagnostic(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    code, _, err = run_cli(*REPORT, "-o", str(locked / "out.txt"))
    assert code == 2 and "cannot write file: Permission denied" in err


def test_new_files_are_readable_as_the_umask_says(tmp_path):
    old = os.umask(0o022)
    try:
        assert run_cli(*REPORT, "-o", str(tmp_path / "new.txt"))[0] == 0
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "new.txt").st_mode & 0o777 == 0o644


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_no_one_reads_is_a_diagnostic(tmp_path, monkeypatch):
    from engine.util import files

    monkeypatch.setattr(files, "FIFO_WAIT", 0.2)
    os.mkfifo(tmp_path / "pipe")
    code, _, err = run_cli(*REPORT, "-o", str(tmp_path / "pipe"))
    assert code == 2 and "this is a FIFO, and no program opened it for reading in 0.2 s" in err
