"""The corpus: lookups by id, with a did-you-mean (discovery and confinement: test_confinement.py)."""

from __future__ import annotations

import os
import stat

import pytest

from engine.checking.corpus import Corpus, discover, load_file, load_text


def test_corpus_lookup_errors_name_the_known_ids(corpus):
    with pytest.raises(KeyError, match="did you mean `rcep`"):
        corpus.agreement("rcpe")


# ---------------------------------------------------------------- special files (issue 18: F2)

needs_fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


@needs_fifos
def test_a_fifo_in_a_folder_is_skipped_with_a_warning_and_nothing_blocks(tmp_path):
    (tmp_path / "a.agr").write_text("agreement a { parties JP KR }\n")
    os.mkfifo(tmp_path / "x.agr")
    names, diags = discover([str(tmp_path)])
    assert names == [str(tmp_path / "a.agr")]
    assert [(d.code, d.is_error, d.span.file, d.message) for d in diags] == [
        ("W0005", False, str(tmp_path / "x.agr"), "this is a FIFO, not a regular file; skipped")]
    corpus = Corpus.from_paths([str(tmp_path)], include_bundled=False)
    assert list(corpus.agreements) == ["a"] and not corpus.errors


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to make a device node")
def test_a_device_in_a_folder_is_skipped_with_a_warning(tmp_path):
    os.mknod(tmp_path / "z.agr", stat.S_IFCHR | 0o666, os.makedev(1, 5))  # a /dev/zero node
    names, diags = discover([str(tmp_path)])
    assert names == [] and [d.message for d in diags] == ["this is a character device, not a regular file; skipped"]


@needs_fifos
def test_a_pipe_named_outright_is_read_and_a_fifo_no_one_writes_to_is_empty(tmp_path):
    os.mkfifo(tmp_path / "x.agr")
    # no writer: read at once as empty, which defines nothing (E0312), never a hang
    assert [d.code for d in load_file(str(tmp_path / "x.agr")).diagnostics] == ["E0312"]
    read, write = os.pipe()  # what `tradegap check <(cat file)` names as /dev/fd/N
    os.write(write, b"agreement p { parties JP KR }\n")
    os.close(write)
    try:
        f = load_file(f"/dev/fd/{read}")
    finally:
        os.close(read)
    assert f.document is not None and f.document.items[0].id == "p"


def test_a_device_named_outright_is_read_no_further_than_the_limit():
    f = load_file("/dev/zero")
    assert f.document is None and [d.code for d in f.diagnostics] == ["E0003"]
    assert f.diagnostics[0].message == "this is a character device, and it gives more than 16 MiB; not read"


# ---------------------------------------------------------------- based-on chains (issue 18: F5)


def chain(n: int) -> str:
    return "".join(f"agreement c{k} {{ based-on c{k + 1} parties JP KR }}\n" for k in range(n)) + \
        f'agreement c{n} {{ parties JP KR article 1 {{ topic cross-border-data binding "x" }} }}\n'


def test_a_long_based_on_chain_resolves_without_recursion():
    corpus = Corpus.build([load_text(chain(3000), "chain.agr")])
    assert not corpus.diagnostics
    assert corpus.agreement("c0").articles[0].number == "1" and corpus.agreement("c0").based_on == "c1"
    assert list(corpus.agreements) == [f"c{k}" for k in range(3001)]  # in the order written


def test_a_chain_is_resolved_once_per_corpus_not_once_per_agreement(monkeypatch):
    from engine.checking import resolve as R

    laid = []
    real = R._overlay
    monkeypatch.setattr(R, "_overlay", lambda d, b, diags: laid.append(d.id) or real(d, b, diags))
    Corpus.build([load_text(chain(200), "chain.agr")])
    assert sorted(laid) == sorted(f"c{k}" for k in range(200))  # each draft laid over its base once


def test_a_long_chain_into_a_circle_names_the_circle_from_each_agreement():
    text = chain(5).replace("agreement c5 {", "agreement c5 { based-on c3")
    corpus = Corpus.build([load_text(text, "chain.agr")])
    assert sorted(d.message.split(": ")[1] for d in corpus.diagnostics) == [
        "c0 -> c1 -> c2 -> c3 -> c4 -> c5 -> c3", "c1 -> c2 -> c3 -> c4 -> c5 -> c3",
        "c2 -> c3 -> c4 -> c5 -> c3", "c3 -> c4 -> c5 -> c3", "c4 -> c5 -> c3 -> c4", "c5 -> c3 -> c4 -> c5"]
