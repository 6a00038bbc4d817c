"""Nothing lost: a write that is interrupted leaves the original file whole and no temporary file.

:func:`engine.util.files.write_atomic` (used by ``fmt --write``, ``report -o`` and ``import -o``,
whose own tests are in tests/cli/) writes a temporary file in the target's folder, flushes it and
renames it over the target.  Here the write is broken at each step: while writing, at ``fsync``,
at the rename, by a full disk, and by killing the process outright.
"""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap

import pytest

import conftest
from engine.util import files as fmt_files
from engine.util.files import Refusal, Refused, read_bounded, rewrite, write_atomic, write_output

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


# ---------------------------------------------------------------- output targets (issue 18: F1, F4, F14, F16)


def test_a_new_output_file_honours_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_output(str(tmp_path / "new.txt"), "report\n")
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "new.txt").st_mode & 0o777 == 0o644


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_output(str(fifo), "through the pipe\n")
    assert reader.communicate(timeout=10)[0] == b"through the pipe\n"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and leftovers(tmp_path) == ["pipe"]


def test_a_character_device_is_written_into_not_replaced():
    before = os.stat("/dev/null")
    write_output("/dev/null", "discarded\n")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_descriptor_path_is_written_into(tmp_path):
    target = tmp_path / "out.txt"
    with open(target, "w") as fh:
        fh.write("head\n")
        fh.flush()
        write_output(f"/dev/fd/{fh.fileno()}", "appended\n")
    assert target.read_text() == "head\nappended\n"


@pytest.mark.parametrize("name, why", [("folder", Refusal.FOLDER), ("no/such/out.txt", Refusal.NO_FOLDER),
                                       ("file/out.txt", Refusal.NO_FOLDER)])
def test_a_folder_or_a_missing_folder_is_refused(tmp_path, name, why):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    with pytest.raises(Refused) as caught:
        write_output(str(tmp_path / name), "report\n")
    assert caught.value.why is why
    assert sorted(os.listdir(tmp_path)) == ["file", "folder"] and os.listdir(tmp_path / "folder") == []


def test_an_input_is_not_overwritten_under_any_spelling(tmp_path, draft):
    os.symlink(draft, tmp_path / "link.agr")
    for spelling in (str(draft), str(tmp_path / "link.agr"), str(draft.parent / ".." / "drafts" / "a.agr")):
        with pytest.raises(Refused) as caught:
            write_output(spelling, "report\n", inputs=[str(draft)])
        assert caught.value.why is Refusal.AN_INPUT
    assert draft.read_text() == MESSY


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs UNIX sockets")
def test_a_socket_is_refused(tmp_path):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "s"))
    try:
        with pytest.raises(Refused) as caught:
            write_output(str(tmp_path / "s"), "report\n")
    finally:
        server.close()
    assert caught.value.why is Refusal.SPECIAL and caught.value.detail == "a socket"


# ---------------------------------------------------------------- fmt --write keeps the file's identity (F13)


def test_a_rewrite_keeps_owner_and_mode(draft):
    os.chmod(draft, 0o640)
    if os.geteuid() == 0:
        os.chown(draft, 65534, 65534)
    before = os.stat(draft)
    rewrite(str(draft), "agreement a { }\n")
    after = os.stat(draft)
    assert draft.read_text() == "agreement a { }\n" and leftovers(draft.parent) == []
    assert (after.st_uid, after.st_gid, after.st_mode) == (before.st_uid, before.st_gid, before.st_mode)


def test_a_rewrite_keeps_hard_links(draft):
    twin = draft.parent / "twin.agr"
    os.link(draft, twin)
    rewrite(str(draft), "agreement a { }\n")
    assert twin.read_text() == "agreement a { }\n" and os.stat(draft).st_nlink == 2
    assert sorted(os.listdir(draft.parent)) == ["a.agr", "twin.agr"]  # the backup is gone


def test_a_failed_rewrite_of_a_linked_file_puts_the_old_text_back(draft, monkeypatch):
    os.link(draft, draft.parent / "twin.agr")
    real = os.ftruncate
    calls = []

    def full_disk(fd, length):
        calls.append(length)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        real(fd, length)

    monkeypatch.setattr(os, "ftruncate", full_disk)
    with pytest.raises(OSError):
        rewrite(str(draft), "agreement a { }\n" * 10)
    assert draft.read_text() == MESSY and sorted(os.listdir(draft.parent)) == ["a.agr", "twin.agr"]


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o000])
def test_a_read_only_file_is_not_rewritten_even_by_root(draft, mode):
    os.chmod(draft, mode)
    with pytest.raises(Refused) as caught:
        rewrite(str(draft), "agreement a { }\n")
    os.chmod(draft, 0o644)
    assert caught.value.why is Refusal.READ_ONLY and draft.read_text() == MESSY


# ---------------------------------------------------------------- reading without blocking (F2)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_no_one_writes_to_reads_as_empty(tmp_path):
    os.mkfifo(tmp_path / "x.agr")
    got = read_bounded(str(tmp_path / "x.agr"), 100)
    assert got.data == b"" and not got.regular


def test_a_device_is_read_up_to_the_limit():
    got = read_bounded("/dev/zero", 1000)
    assert got.data is None and got.size == 1001 and not got.regular


def test_a_regular_file_over_the_limit_is_not_read(tmp_path):
    (tmp_path / "big").write_bytes(b"x" * 101)
    assert read_bounded(str(tmp_path / "big"), 100) == (None, 101, os.stat(tmp_path / "big").st_mode)
    assert read_bounded(str(tmp_path / "big"), 101).data == b"x" * 101


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError):
        read_bounded(str(tmp_path), 100)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_no_one_reads_is_refused_after_a_wait_not_a_hang(tmp_path, monkeypatch):
    monkeypatch.setattr(fmt_files, "FIFO_WAIT", 0.2)
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(Refused) as caught:
        write_output(str(tmp_path / "pipe"), "nobody reads this\n")
    assert caught.value.why is Refusal.NO_READER and stat.S_ISFIFO(os.stat(tmp_path / "pipe").st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_reader_that_comes_after_the_writer_gets_the_text(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    reader = subprocess.Popen(["sh", "-c", f"sleep 0.5; cat {tmp_path / 'pipe'}"], stdout=subprocess.PIPE)
    write_output(str(tmp_path / "pipe"), "late reader\n")
    assert reader.communicate(timeout=20)[0] == b"late reader\n"
