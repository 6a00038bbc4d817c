"""`tradegap fmt`: print, --check and --write; a file that does not parse, or lies outside, is never touched."""

from __future__ import annotations

import os

import pytest

from conftest import run_cli
from engine.cli import main

MESSY = 'agreement a{parties JP KR\narticle 1{topic cross-border-data binding "x"}}\n'

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")


class Boom(Exception):
    pass


def _raise(*args, **kwargs):
    raise Boom("interrupted")


@pytest.fixture
def draft(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "a.agr"
    path.write_text(MESSY)
    return path


def leftovers(folder) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n != "a.agr")


def test_fmt_prints_checks_and_writes(tmp_path):
    messy = tmp_path / "messy.agr"
    messy.write_text('agreement   x "X"{\nkind fta   # why\n parties JP   KR}\n', encoding="utf-8")
    code, out, _ = run_cli("fmt", str(messy))
    assert code == 0 and out == 'agreement x "X" {\n  kind     fta  # why\n  parties  JP KR\n}\n'
    code, out, _ = run_cli("fmt", "--check", str(messy))
    assert code == 1 and "would reformat" in out
    code, _, _ = run_cli("fmt", "--write", str(messy))
    assert code == 0 and messy.read_text(encoding="utf-8").startswith('agreement x "X" {')
    code, _, _ = run_cli("fmt", "--check", str(messy))
    assert code == 0


def test_fmt_never_touches_a_file_that_does_not_parse(tmp_path):
    broken = tmp_path / "broken.agr"
    original = 'agreement x {\n  kind fta\n'
    broken.write_text(original, encoding="utf-8")
    code, _, err = run_cli("fmt", "--write", str(broken))
    assert code == 2 and "error[E0103]" in err
    assert broken.read_text(encoding="utf-8") == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.agr"]


@pytest.mark.parametrize("where", ["replace", "fsync", "chmod"])
def test_an_interrupted_fmt_write_exits_3_and_keeps_the_original(draft, monkeypatch, capsys, where):
    monkeypatch.setattr(os, where, _raise)
    assert main(["fmt", "--write", str(draft)]) == 3  # a bug or a broken disk
    assert draft.read_text() == MESSY and leftovers(draft.parent) == []
    assert "Traceback" not in capsys.readouterr().err


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


@needs_symlinks
def test_fmt_write_never_touches_a_file_outside(tmp_path, capsys):
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    messy = 'agreement outside{parties JP KR article 1{topic cross-border-data binding "x"}}\n'
    (outside / "secret.agr").write_text(messy)
    os.symlink(outside / "secret.agr", root / "b.agr")
    (root / "a.agr").write_text(messy.replace("outside", "a"))
    assert main(["fmt", "--write", str(root)]) == 2
    assert (outside / "secret.agr").read_text() == messy
    assert (root / "a.agr").read_text() != messy.replace("outside", "a")  # the file inside was formatted
    assert os.path.islink(root / "b.agr")


# ---------------------------------------------------------------- issue 18: the file's identity, odd files, odd names


def test_write_refuses_a_read_only_file_and_goes_on(tmp_path):
    locked, other = tmp_path / "locked.agr", tmp_path / "other.agr"
    locked.write_text(MESSY)
    other.write_text(MESSY)
    os.chmod(locked, 0o444)
    code, out, err = run_cli("fmt", "--write", str(tmp_path))
    assert code == 2 and locked.read_text() == MESSY and other.read_text() != MESSY
    assert f"{locked}: error[E0001]: file is read-only; not rewritten" in err
    assert out == f"reformatted {other}\n"


def test_write_keeps_hard_links(draft):
    twin = draft.parent / "twin.agr"
    os.link(draft, twin)
    code, out, _ = run_cli("fmt", "--write", str(draft))
    assert code == 0 and out == f"reformatted {draft}\n"
    assert twin.read_text() == draft.read_text() != MESSY and os.stat(draft).st_nlink == 2


def test_an_environment_error_is_a_diagnostic_not_a_bug(draft, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run_cli("fmt", "--write", str(draft))
    assert code == 2 and "cannot write file: No space left on device" in err and "internal error" not in err
    assert draft.read_text() == MESSY and leftovers(draft.parent) == []


def test_file_names_are_printed_without_their_escape_sequences(tmp_path):
    name = tmp_path / "a\x1b]0;pwned\x07\x1b[2Jb.agr"
    name.write_text(MESSY)
    code, out, _ = run_cli("fmt", "--check", str(tmp_path))
    assert code == 1 and "\x1b" not in out and "\x07" not in out and "a\ufffd]0;pwned" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("flag", ["--check", "--write"])
def test_a_fifo_in_a_folder_is_skipped_with_a_warning(draft, flag):
    os.mkfifo(draft.parent / "x.agr")
    code, out, err = run_cli("fmt", flag, str(draft.parent))
    assert code == (1 if flag == "--check" else 0)
    assert f"{draft.parent / 'x.agr'}: warning[W0005]: this is a FIFO, not a regular file; skipped" in err
