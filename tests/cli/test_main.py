"""The command line as a whole: usage errors answered with a hint and no traceback, `python -m engine`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, run_cli


@pytest.mark.parametrize("args,message", [
    (("report", "rcpe", "--norms", "tpp3"), "did you mean `rcep`"),
    (("report", "rcep", "--norms", "tpp9"), "unknown norm set `tpp9`"),
    (("report", "rcep", "--as-of", "2026-13-01"), "is not a date"),
    (("report", "rcep", "--party", "XX"), "--party `XX` is not a country tradegap knows"),
    (("report", "missing/file.agr"), "no such file"),
    (("explain", "rcep", "tpp3"), "SET.NORM"),
    (("explain", "rcep", "tpp3.data-flow"), "did you mean `data-flows`"),
])
def test_usage_errors_exit_2_with_a_hint(args, message):
    code, out, err = run_cli(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_argparse_errors_exit_2():
    code, _, err = run_cli("report")  # agreements are optional for argparse (--all): the command says what is missing
    assert code == 2 and "no agreement given" in err and "--all" in err
    code, _, err = run_cli("report", "--format", "nonsense")
    assert code == 2 and "usage:" in err
    code, _, err = run_cli("nonsense")
    assert code == 2


def test_python_dash_m_engine_and_help():
    proc = subprocess.run([sys.executable, "-m", "engine", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0
    for command in ("report", "explain", "compare", "diff", "pair", "test", "check", "fmt", "list", "import"):
        assert command in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "engine", "report", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "examples:" in proc.stdout


def _catalogue(path, translations: dict[str, str]) -> None:
    """A gettext .mo file (GNU format, little-endian) holding ``translations``."""
    import struct

    keys = sorted(translations)
    ids = b"".join(k.encode() + b"\0" for k in keys)
    strs = b"".join(translations[k].encode() + b"\0" for k in keys)
    start = 7 * 4 + 16 * len(keys)  # the header and both tables come before the strings
    offsets, at = [], start
    for k in keys:
        offsets += [len(k.encode()), at]
        at += len(k.encode()) + 1
    for k in keys:
        offsets += [len(translations[k].encode()), at]
        at += len(translations[k].encode()) + 1
    n = len(keys)
    path.write_bytes(struct.pack("<7I", 0x950412DE, 0, n, 28, 28 + 8 * n, 0, 0)
                     + struct.pack(f"<{4 * n}I", *offsets) + ids + strs)


def test_argparse_words_are_translated_when_a_catalogue_can_be_found(tmp_path, monkeypatch):
    # The parser skips gettext's search only where gettext could find nothing; given a catalogue,
    # argparse's words are translated as before, and argparse is left as it was found.
    import argparse
    import gettext

    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    _catalogue(folder / "messages.mo", {"": "Content-Type: text/plain; charset=UTF-8\n",
                                        "show this help message and exit": "afficher cette aide"})
    monkeypatch.setenv("LANGUAGE", "fr")
    before = gettext.bindtextdomain("messages")
    gettext.bindtextdomain("messages", str(tmp_path))
    try:
        code, out, _ = run_cli("report", "--help")
    finally:
        gettext.bindtextdomain("messages", before)
    assert code == 0 and "afficher cette aide" in out
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
    code, out, _ = run_cli("report", "--help")
    assert code == 0 and "show this help message and exit" in out


def test_the_program_answers_as_main_does_and_leaves_its_objects_to_the_exit(monkeypatch, capsys):
    import gc

    from engine.cli import program

    monkeypatch.setattr(sys, "argv", ["tradegap", "list", "norms"])
    try:
        assert program() == 0 and "tpp3" in capsys.readouterr().out
        assert gc.get_freeze_count() > 0  # the exit's collection will not scan them
        assert gc.isenabled()  # off for a brief command, and on again after
    finally:
        gc.unfreeze()
