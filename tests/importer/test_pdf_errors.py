"""PDFs that cannot be read: a diagnostic (E0509) and no file, never a traceback; pypdf prints nothing."""

from __future__ import annotations

import io
import os

import pytest

from conftest import run_cli
from engine.importer import import_bytes, import_file
from made_pdfs import made  # noqa: F401  (fixture)

pypdf = pytest.importorskip("pypdf")


def _encrypted(made, user: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=str(made["synthetic"].pdfs["A"]))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")  # RC4 needs no extra package
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _no_pages() -> bytes:
    out = io.BytesIO()
    pypdf.PdfWriter().write(out)
    return out.getvalue()


def _image_only() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, invariant=1)
    for _ in range(2):
        c.rect(72, 72, 300, 500, fill=1)  # a scanned page: pictures, no text
        c.showPage()
    c.save()
    return out.getvalue()


def _cases(made) -> dict[str, tuple[bytes, str]]:
    whole = made["synthetic"].pdfs["A"].read_bytes()
    return {
        "password": (_encrypted(made, "secret"), "encrypted and needs a password"),
        "no pages": (_no_pages(), "has no pages"),
        "image only": (_image_only(), "no text to read on any of its 2 pages"),
        "cut short": (whole[: len(whole) // 3], "cannot be read"),
        "not a pdf inside": (b"%PDF-1.7\n" + b"\x00garbage\xff" * 50, "cannot be read"),
    }


@pytest.mark.parametrize("case", ["password", "no pages", "image only", "cut short", "not a pdf inside"])
def test_an_unreadable_pdf_gets_a_diagnostic_and_no_file(made, tmp_path, capfd, case):
    data, words = _cases(made)[case]
    result = import_bytes(data, "treaty.pdf")
    assert result.agreement is None and [d.code for d in result.diagnostics] == ["E0509"]
    assert words in result.diagnostics[0].message and result.diagnostics[0].hint
    path, out = tmp_path / "treaty.pdf", tmp_path / "out" / "draft.agr"
    path.write_bytes(data)
    out.parent.mkdir()
    status, stdout, stderr = run_cli("import", str(path), "-o", str(out))
    assert status == 2 and "error[E0509]" in stderr and "Traceback" not in stderr
    assert os.listdir(out.parent) == []
    captured = capfd.readouterr()  # nothing from pypdf's own logging on the real streams
    assert captured.err == "" and captured.out == ""


def test_a_pdf_encrypted_without_a_user_password_is_read(made):
    """Official PDFs are often encrypted only to restrict printing or copying: the empty password opens them."""
    result = import_bytes(_encrypted(made, ""), "treaty.pdf")
    assert result.ok and result.stats.articles == import_file(str(made["synthetic"].pdfs["A"])).stats.articles


def test_a_pdf_with_no_article_headings_says_so(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "letter.pdf"
    c = Canvas(str(path), invariant=1)
    c.drawString(72, 700, "Dear colleague, please find the minutes of our meeting attached.")
    c.save()
    result = import_file(str(path))
    assert result.agreement is None and [d.code for d in result.diagnostics] == ["E0507"]


def test_a_text_forced_as_pdf_and_a_pdf_forced_as_text(made):
    assert import_bytes(b"Article 1: Scope\nThe Parties agree.\n", "t.txt", "pdf").diagnostics[0].code == "E0509"
    data = made["synthetic"].pdfs["A"].read_bytes()
    assert import_bytes(data, "t.pdf", "text").diagnostics[0].code == "E0501"  # binary, not a text
