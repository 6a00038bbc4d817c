"""The corpus index (engine/checking/index.py): a warm corpus is the corpus a full build makes, read lazily.

Every test points XDG_CACHE_HOME at its own temporary folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import attrs
import pytest

from conftest import assert_read_only

from engine.checking import cache, index
from engine.checking.corpus import Corpus, SourceFile
from engine.language import codes as C

TWICE = 'agreement twice "A" {\n  parties JP KR\n  article 1 { topic cross-border-data binding "shall" }\n}\n'
DRAFT = 'agreement mine "Mine" {\n  based-on rcep\n  status draft\n}\n'
EXPECT = "expect rcep tpp3.data-flows partial\nexpect nosuch tpp3.data-flows met\n"


pytestmark = pytest.mark.usefixtures("private_cache")  # the cache in a temporary folder (conftest)


def same(a, b) -> None:
    """``a`` and ``b`` alike in every field, spans and other fields left out of equality included."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):  # a Table, or a read-only dict
        assert list(a) == list(b)
        for k in a:
            same(a[k], b[k])
        return
    assert type(a) is type(b), (a, b)
    if attrs.has(type(a)):
        for f in attrs.fields(type(a)):
            same(getattr(a, f.name), getattr(b, f.name))
    elif isinstance(a, SourceFile):
        same(a._values(), b._values())
    elif isinstance(a, (tuple, list)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            same(x, y)
    else:
        assert a == b


def user_files(tmp_path) -> list[str]:
    for name, text in (("a.agr", TWICE), ("b.agr", TWICE.replace('"A"', '"B"')), ("mine.agr", DRAFT),
                       ("x.expect", EXPECT)):
        (tmp_path / name).write_text(text)
    return [str(tmp_path)]


def loads(monkeypatch) -> list[str]:
    """The entries read from now on (index and files)."""
    read: list[str] = []
    real = cache._load_payload
    monkeypatch.setattr(cache, "_load_payload", lambda entry: read.append(entry) or real(entry))
    return read


def test_a_warm_corpus_is_the_corpus_a_build_makes(tmp_path):
    paths = user_files(tmp_path) + [str(tmp_path / "no-such.agr")]
    built = Corpus.from_paths(paths)  # no cache: the full build
    cold = Corpus.from_paths(paths, cache=True)
    warm = Corpus.from_paths(paths, cache=True)
    for corpus in (cold, warm):
        same(corpus.diagnostics, built.diagnostics)
        for table in ("written", "agreements", "norm_sets", "origin"):
            same(getattr(corpus, table), getattr(built, table))
        same(corpus.expectations, built.expectations)
        same(corpus.discovery, built.discovery)
        same(corpus.files, built.files)
        assert corpus == built
    # what the files hold tells the errors apart: an id in two files, a based-on, an expectation
    assert {d.code for d in warm.errors} == {C.ID_DEFINED_TWICE.code.id, C.NO_SUCH_PATH.code.id,
                                             C.NO_SUCH_AGREEMENT.code.id}


def test_a_duplicate_id_across_files_says_the_same_warm(tmp_path, capsys):
    from engine.cli import main

    paths = user_files(tmp_path)
    said = []
    for _ in range(2):
        assert main(["report", "rcep", "--norms", "tpp3", "--path", *paths]) == 2
        said.append(capsys.readouterr())
    assert said[0] == said[1] and "error[E" in said[0].err and "defined twice" in said[0].err


def test_a_warm_run_reads_only_the_entries_it_needs(monkeypatch, private_cache):
    Corpus.bundled(cache=True)
    read = loads(monkeypatch)
    corpus = Corpus.bundled(cache=True)
    assert len(read) == 1  # the index alone
    corpus.agreement("rcep")
    corpus.norms("tpp3")
    assert len(read) == 3 and len(corpus.files) > 20
    assert len(corpus.agreements) == len(Corpus.bundled().agreements)  # every id known from the start


def test_a_draft_reads_its_base(tmp_path, monkeypatch):
    (tmp_path / "mine.agr").write_text(DRAFT)
    Corpus.from_paths([str(tmp_path)], cache=True)
    read = loads(monkeypatch)
    warm = Corpus.from_paths([str(tmp_path)], cache=True)
    same(warm.agreement("mine"), Corpus.from_paths([str(tmp_path)]).agreement("mine"))
    assert len(read) == 3  # the index, the draft, rcep


def test_an_edited_file_builds_the_corpus_again(tmp_path):
    (tmp_path / "a.agr").write_text(TWICE)
    assert not Corpus.from_paths([str(tmp_path)], cache=True).errors
    (tmp_path / "b.agr").write_text(TWICE)
    assert [d.code for d in Corpus.from_paths([str(tmp_path)], cache=True).errors] == [C.ID_DEFINED_TWICE.code.id]
    (tmp_path / "b.agr").write_text(TWICE.replace("twice", "once"))
    warm = Corpus.from_paths([str(tmp_path)], cache=True)
    assert not warm.errors and {"twice", "once"} <= set(warm.agreements)


def test_a_file_whose_entry_is_gone_is_parsed_again(tmp_path, private_cache):
    (tmp_path / "a.agr").write_text(TWICE)
    Corpus.from_paths([str(tmp_path)], include_bundled=False, cache=True)
    name = cache.key(str(tmp_path / "a.agr"), TWICE)
    os.unlink(private_cache / (name + cache.SUFFIX))
    warm = Corpus.from_paths([str(tmp_path)], include_bundled=False, cache=True)
    assert warm.agreement("twice").title == "A" and os.path.exists(private_cache / (name + cache.SUFFIX))


def test_an_index_that_does_not_list_these_files_is_not_used(tmp_path, private_cache, monkeypatch):
    (tmp_path / "a.agr").write_text(TWICE)
    paths = [str(tmp_path)]
    Corpus.from_paths(paths, include_bundled=False, cache=True)
    entry = cache.key(str(tmp_path / "a.agr"), TWICE)
    name = cache.index_key([(entry, False)])
    stored = cache.load_index(name)
    assert stored is not None
    forged = (stored[0], ((str(tmp_path / "other.agr"), entry, False, ()),), *stored[2:])
    cache.store_index(name, forged)
    built = []
    real = Corpus.build
    monkeypatch.setattr(Corpus, "build", classmethod(lambda cls, *a: built.append(1) or real(*a)))
    assert list(Corpus.from_paths(paths, include_bundled=False, cache=True).agreements) == ["twice"]
    assert built == [1]


@pytest.mark.parametrize("stored", [None, "junk", (index.VERSION + 1,), (index.VERSION, (), (), (), ()),
                                    (index.VERSION, "files", (), (), ())])
def test_a_foreign_or_damaged_index_is_not_used(stored):
    assert index._checked(stored, [("a.agr", "k", False)]) is None


def test_a_warm_report_says_what_a_cold_one_says(tmp_path, capsys):
    from engine.cli import main

    said = []
    for _ in range(2):
        assert main(["report", "rcep", "kjdpa", "--norms", "tpp3", "--path", "examples", "--as-of", "2026-01-01"]) == 0
        said.append(capsys.readouterr().out)
    assert said[0] == said[1] and "kjdpa" in said[0].lower()


def test_the_bundled_files_are_listed_and_read_as_importlib_resources_gives_them():
    from engine.checking.corpus import _packaged_sources, bundled_sources

    assert bundled_sources() == _packaged_sources()


@pytest.mark.parametrize("data", [b"a\r\nb\rc\n", b"\r\r\n\n", "\ufeffé\u2028x\r".encode(), b""])
def test_a_file_is_read_as_a_text_stream_reads_it(tmp_path, data):
    from engine.checking.corpus import _read_text

    (tmp_path / "f").write_bytes(data)
    with open(tmp_path / "f", encoding="utf-8") as fh:
        assert _read_text(str(tmp_path / "f")) == fh.read()


@pytest.mark.parametrize("table", ["written", "agreements", "norm_sets", "origin"])
def test_a_warm_corpus_s_tables_are_read_only(table):
    Corpus.bundled(cache=True)
    mapping = getattr(Corpus.bundled(cache=True), table)
    assert_read_only(mapping)
    with pytest.raises(KeyError):
        mapping["no such id"]
