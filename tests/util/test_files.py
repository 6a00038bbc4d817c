"""Nothing lost: a write that is interrupted leaves the original file whole and no temporary file.

``fmt --write`` and ``report -o`` (and ``import -o``, through the same
:func:`engine.util.files.write_atomic`) write a temporary file in the target's folder, flush it
and rename it over the target.  Here the write is broken at each step: while writing, at
``fsync``, at the rename, by a full disk, and by killing the process outright.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

import conftest

from engine.util import files as fmt_files
from engine.cli import main

MESSY = 'agreement a{parties JP KR\narticle 1{topic cross-border-data binding "x"}}\n'
ROOT = str(conftest.ROOT)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def draft(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "a.agr"
    path.write_text(MESSY)
    os.chmod(path, 0o640)
    return path


def leftovers(folder) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n != "a.agr")


class Boom(Exception):
    pass


def _raise(*args, **kwargs):
    raise Boom("interrupted")


@pytest.mark.parametrize("where", ["replace", "fsync", "chmod"])
def test_interrupted_fmt_write_keeps_the_original(draft, monkeypatch, capsys, where):
    target = {"replace": (os, "replace"), "fsync": (os, "fsync"), "chmod": (os, "chmod")}[where]
    monkeypatch.setattr(*target, _raise)
    with pytest.raises(Boom):
        fmt_files.write_atomic(str(draft), "agreement a { }\n")
    assert draft.read_text() == MESSY
    assert leftovers(draft.parent) == []
    # and through the command line: exit 3 (a bug or a broken disk), no traceback, file whole
    assert main(["fmt", "--write", str(draft)]) == 3
    assert draft.read_text() == MESSY and leftovers(draft.parent) == []
    assert "Traceback" not in capsys.readouterr().err


def test_a_write_that_stops_halfway_keeps_the_original(draft, monkeypatch):
    real_fdopen = os.fdopen

    class HalfFile:
        def __init__(self, fh):
            self.fh = fh

        def write(self, text):
            self.fh.write(text[: len(text) // 2])
            raise OSError(28, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfFile(real_fdopen(*a, **k)))
    with pytest.raises(OSError):
        fmt_files.write_atomic(str(draft), "x" * 10_000)
    assert draft.read_text() == MESSY and leftovers(draft.parent) == []


def test_report_output_is_written_atomically(tmp_path, monkeypatch, capsys):
    out = tmp_path / "report.json"
    out.write_text("previous report")
    monkeypatch.setattr(os, "replace", _raise)
    assert main(["report", "rcep", "--norms", "tpp3", "--format", "json", "-o", str(out)]) == 3
    assert out.read_text() == "previous report" and sorted(os.listdir(tmp_path)) == ["cache", "report.json"]
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert main(["report", "rcep", "--norms", "tpp3", "--format", "json", "-o", str(out)]) == 0
    assert out.read_text().startswith("{") and sorted(os.listdir(tmp_path)) == ["cache", "report.json"]


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
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert main(["import", str(treaty), "--format", "text", "-o", str(out)]) == 0
    assert out.read_text().startswith(("agreement", "#"))


def test_a_successful_write_keeps_the_file_mode(draft):
    fmt_files.write_atomic(str(draft), "agreement a { }\n")
    assert draft.read_text() == "agreement a { }\n"
    assert os.stat(draft).st_mode & 0o777 == 0o640 and leftovers(draft.parent) == []


def test_fmt_write_never_touches_a_file_that_does_not_parse(draft, capsys):
    broken = MESSY + "article {\n"
    draft.write_text(broken)
    assert main(["fmt", "--write", str(draft)]) == 2
    assert draft.read_text() == broken


def test_fmt_write_never_drops_a_setting_given_twice(draft, capsys):
    twice = 'agreement a {\n  signed 2020-01-01\n  signed 2021-01-01\n}\n'
    draft.write_text(twice)
    assert main(["fmt", "--write", str(draft)]) == 2
    assert draft.read_text() == twice and "E0308" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")
def test_killing_the_writer_midway_keeps_the_original(draft):
    # A child process starts the atomic write of 20 MB and is killed while it writes.
    child = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {ROOT!r})
        from engine.util import files as fmt_files
        real = os.fsync
        def slow_fsync(fd):
            print("writing", flush=True)
            sys.stdin.readline()  # wait here, mid-write, until killed
            real(fd)
        os.fsync = slow_fsync
        fmt_files.write_atomic({str(draft)!r}, "x" * 20_000_000)
    """)
    proc = subprocess.Popen([sys.executable, "-c", child], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
        assert len(leftovers(draft.parent)) == 1  # the temporary file, not yet renamed
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert draft.read_text() == MESSY
    # A killed process cannot clean up: what is left is one hidden temporary, never the target.
    left = leftovers(draft.parent)
    assert len(left) == 1 and left[0].startswith(".tradegap-") and left[0].endswith(".tmp")
