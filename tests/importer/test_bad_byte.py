"""Where an undecodable byte is: one helper (engine.util.text.BadByte) for the importer's readers."""

from __future__ import annotations

import pytest

from engine.importer import import_bytes
from engine.util.text import BadByte


def _error(data: bytes, codec: str = "utf-8") -> UnicodeDecodeError:
    with pytest.raises(UnicodeDecodeError) as info:
        data.decode(codec)
    return info.value


@pytest.mark.parametrize("data,expected", [
    (b"\xff", BadByte(0xFF, 1, 1)),
    (b"ab\xe9cd", BadByte(0xE9, 1, 3)),
    (b"one\ntwo\nthr\xe9e", BadByte(0xE9, 3, 4)),
    (b"line\n\x80", BadByte(0x80, 2, 1)),
    (b"caf\xc3", BadByte(0xC3, 1, 4)),  # a sequence cut short at the end
])
def test_line_column_and_value(data, expected):
    assert BadByte.of(_error(data)) == expected


def test_a_byte_order_mark_is_not_counted():
    # utf-8-sig strips the mark before decoding: the position is in what it decoded
    bad = BadByte.of(_error(b"\xef\xbb\xbfa\nb\xff", "utf-8-sig"))
    assert bad == BadByte(0xFF, 2, 2)


def test_plain_text_import_points_at_the_byte():
    result = import_bytes(b"Article 1: Scope\nLes Parties \xe9tablissent\n", "accord.txt", "text")
    (d,) = result.diagnostics
    assert result.agreement is None and d.code == "E0508"
    assert (d.span.line, d.span.column, d.span.end_column) == (2, 13, 14)
    assert "(byte 0xe9)" in d.message


def test_plain_text_with_a_byte_order_mark_names_the_right_byte():
    result = import_bytes(b"\xef\xbb\xbfArticle 1: Scope\nx\xff\n", "accord.txt", "text")
    (d,) = result.diagnostics
    assert (d.span.line, d.span.column) == (2, 2)
    assert "(byte 0xff)" in d.message  # not a byte of the mark


def test_tota_import_points_at_the_byte():
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n<treaty><meta><name>Accord \xe9conomique</name></meta></treaty>'
    (d,) = import_bytes(data, "t.xml").diagnostics
    assert (d.code, d.span.line, d.span.column) == ("E0508", 2, 28) and "(byte 0xe9)" in d.message
