"""Reading source files (engine/syntax/source.py): UTF-8, a byte-order mark, the size limit, NUL bytes."""

from __future__ import annotations

import os

import pytest

from engine.language import codes as C
from engine.language import model as M
from engine.syntax.limits import MAX_FILE_BYTES
from engine.syntax.source import decode_source, read_source


def test_a_utf8_file_is_read_and_its_byte_order_mark_dropped(tmp_path):
    path = tmp_path / "a.agr"
    path.write_bytes("\ufeffagreement a \"Café\" {\n}\n".encode())
    assert read_source(str(path)) == ('agreement a "Café" {\n}\n', ())


def test_a_file_over_the_limit_is_not_read(tmp_path):
    path = tmp_path / "big.agr"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    text, (diag,) = read_source(str(path))
    assert text is None and diag.code == C.FILE_TOO_LARGE.id
    assert diag.span == M.Span(str(path), 0, 0, 0, 0)


def test_a_file_that_cannot_be_read_says_why(tmp_path):
    text, (diag,) = read_source(str(tmp_path / "missing.agr"))
    assert text is None and diag.code == C.FILE_UNREADABLE.id and "No such file" in diag.message


@pytest.mark.parametrize("data, line, column", [
    (b"\xff", 1, 1),
    (b"agreement a {\n  note \"caf\xe9\"\n}\n", 2, 12),
    (b"\xef\xbb\xbfab\xc3", 1, 3),  # a byte-order mark is not counted
    (b"\xef\xbb\xbfab\ncd\xff", 2, 3),
])
def test_bytes_that_are_not_utf8_are_placed_by_line_and_column(data, line, column):
    text, (diag,) = decode_source(data, "x.agr")
    assert text is None and diag.code == C.FILE_NOT_UTF8.id
    assert (diag.span.line, diag.span.column) == (line, column)


def test_a_nul_byte_is_refused_with_its_line():
    text, (diag,) = decode_source(b"agreement a {\n\n  kind \x00\n}\n", "x.agr")
    assert text is None and diag.message == "file contains a NUL byte" and diag.span.line == 3


def test_a_device_is_read_no_further_than_the_limit():
    text, (diag,) = read_source("/dev/zero")
    assert text is None and diag.code == C.FILE_TOO_LARGE.id and "character device" in diag.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_no_one_writes_to_reads_as_empty_at_once(tmp_path):
    os.mkfifo(tmp_path / "x.agr")
    assert read_source(str(tmp_path / "x.agr")) == ("", ())
