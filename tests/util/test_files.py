"""Nothing lost: a write that is interrupted leaves the original file whole and no temporary file.

:func:`engine.util.files.write_atomic` (used by ``fmt --write``, ``report -o`` and ``import -o``,
whose own tests are in tests/cli/) writes a temporary file in the target's folder, flushes it and
renames it over the target.  Here the write is broken at each step: while writing, at ``fsync``,
at the rename, by a full disk, and by killing the process outright.
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
from engine.util.files import write_atomic

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
def test_an_interrupted_write_keeps_the_original(draft, monkeypatch, where):
    monkeypatch.setattr(os, where, _raise)
    with pytest.raises(Boom):
        fmt_files.write_atomic(str(draft), "agreement a { }\n")
    assert draft.read_text() == MESSY
    assert leftovers(draft.parent) == []


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


def test_a_successful_write_keeps_the_file_mode(draft):
    fmt_files.write_atomic(str(draft), "agreement a { }\n")
    assert draft.read_text() == "agreement a { }\n"
    assert os.stat(draft).st_mode & 0o777 == 0o640 and leftovers(draft.parent) == []


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


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")
def test_an_atomic_write_through_a_link_keeps_the_link(tmp_path):
    (tmp_path / "real.agr").write_text("old")
    os.symlink(tmp_path / "real.agr", tmp_path / "link.agr")
    write_atomic(str(tmp_path / "link.agr"), "new")
    assert os.path.islink(tmp_path / "link.agr") and (tmp_path / "real.agr").read_text() == "new"
