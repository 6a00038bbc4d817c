"""The per-user parse cache (engine/cache.py): warm runs skip lark, bad entries are ignored.

Every test points XDG_CACHE_HOME at its own temporary folder: the user's cache is never read
or written.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys

import pytest

import conftest

from engine.checking import cache
from engine.checking.corpus import Corpus, load_file

ROOT = str(conftest.ROOT)
SOURCE = 'agreement a "A" {\n  parties JP KR\n  article 1 { topic cross-border-data binding "shall" }\n}\n'


pytestmark = pytest.mark.usefixtures("private_cache")  # the cache in a temporary folder (conftest)


def entries(folder) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.endswith(cache.SUFFIX)) if os.path.isdir(folder) else []


def run(tmp_path, code: str, root: str = ROOT, **env) -> str:
    """Run ``code`` in a fresh interpreter that imports the engine found in ``root``."""
    full = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": root, **env}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full, cwd=root,
                          check=True).stdout


REPORT = ("import io, sys\nfrom engine.cli import main\nout = io.StringIO()\nsys.stdout = out\n"
          "rc = main(['report', 'rcep', '--norms', 'tpp3', '--as-of', '2026-01-01'])\nsys.stdout = sys.__stdout__\n"
          "print(rc, 'lark' in sys.modules, 'pycountry' in sys.modules, 'tabulate' in sys.modules)\n"
          "print(out.getvalue())")


def test_a_warm_run_imports_no_lark_and_says_the_same(tmp_path):
    cold = run(tmp_path, REPORT)
    warm = run(tmp_path, REPORT)
    assert cold.startswith("0 True ")  # lark parsed the corpus (and pycountry checked its parties)
    assert warm.split("\n", 1)[0] == "0 False False False"
    assert cold.split("\n", 1)[1] == warm.split("\n", 1)[1]


def test_the_cache_can_be_turned_off(tmp_path, private_cache):
    assert run(tmp_path, REPORT, TRADEGAP_NO_CACHE="1").startswith("0 True")
    assert entries(private_cache) == []


def test_entries_are_private(private_cache):
    Corpus.bundled(cache=True)
    assert entries(private_cache)
    assert os.stat(private_cache).st_mode & 0o777 == 0o700
    for name in entries(private_cache):
        assert os.stat(private_cache / name).st_mode & 0o077 == 0


def test_a_loose_cache_folder_is_tightened(private_cache):
    private_cache.mkdir(parents=True)
    os.chmod(private_cache, 0o777)
    Corpus.bundled(cache=True)
    assert os.stat(private_cache).st_mode & 0o777 == 0o700


def file_entry(tmp_path, private_cache):
    path = tmp_path / "a.agr"
    path.write_text(SOURCE)
    first = load_file(str(path), cache=True)
    (name,) = [n for n in entries(private_cache)]
    return path, first, private_cache / name


@pytest.mark.parametrize("damage", [b"", b"garbage", cache.MAGIC, cache.MAGIC + b"\x80\x05garbage",
                                    cache.MAGIC + pickle.dumps(("another key", None, ())),
                                    cache.MAGIC + pickle.dumps(("KEY", "not a document", ())),
                                    cache.MAGIC + pickle.dumps(("KEY", None, ("not a diagnostic",)))])
def test_a_corrupt_or_foreign_entry_is_ignored_and_rebuilt(tmp_path, private_cache, damage):
    path, first, entry = file_entry(tmp_path, private_cache)
    entry.write_bytes(damage.replace(b"KEY", entry.stem.encode()))
    again = load_file(str(path), cache=True)
    assert again.document == first.document and again.diagnostics == first.diagnostics
    assert cache.load(entry.stem) is not None  # rewritten whole


def test_an_entry_others_can_write_is_not_read(tmp_path, private_cache):
    path, first, entry = file_entry(tmp_path, private_cache)
    os.chmod(entry, 0o666)
    assert cache.load(entry.stem) is None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_an_entry_owned_by_another_user_is_not_read(tmp_path, private_cache):
    path, first, entry = file_entry(tmp_path, private_cache)
    os.chown(entry, 12345, 12345)
    assert cache.load(entry.stem) is None


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")
def test_a_linked_cache_folder_turns_the_cache_off(tmp_path, private_cache):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    private_cache.parent.mkdir(parents=True)
    os.symlink(elsewhere, private_cache)
    assert cache.directory() is None
    Corpus.bundled(cache=True)
    assert os.listdir(elsewhere) == []


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")
def test_a_linked_entry_is_not_followed(tmp_path, private_cache):
    path, first, entry = file_entry(tmp_path, private_cache)
    real = tmp_path / "real.pickle"
    real.write_bytes(entry.read_bytes())
    entry.unlink()
    os.symlink(real, entry)
    assert cache.load(entry.stem) is None


def test_the_key_follows_text_and_path():
    k = cache.key("a.agr", SOURCE)
    assert k == cache.key("a.agr", SOURCE)
    assert k != cache.key("b.agr", SOURCE) and k != cache.key("a.agr", SOURCE + " ")


def test_the_key_follows_the_engine_not_where_it_is_installed(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(conftest.ROOT / "engine", copy / "engine", symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    code = f"from engine.checking import cache; print(cache.key('a.agr', {SOURCE!r}))"
    original = run(tmp_path, code)
    assert run(tmp_path, code, root=str(copy)) == original
    grammar = copy / "engine" / "syntax" / "grammar" / "tradegap.lark"
    grammar.write_text(grammar.read_text(encoding="utf-8") + "// an edited grammar\n", encoding="utf-8")
    assert run(tmp_path, code, root=str(copy)) != original  # entries of the old grammar are not read


def test_an_edited_file_is_parsed_again(tmp_path, private_cache):
    path = tmp_path / "a.agr"
    path.write_text(SOURCE)
    assert load_file(str(path), cache=True).document.items[0].title == "A"
    path.write_text(SOURCE.replace('"A"', '"B"'))
    assert load_file(str(path), cache=True).document.items[0].title == "B"


def test_failures_to_store_are_silent(private_cache, monkeypatch):
    cache.store(cache.key("x", "y"), object(), ())  # not a document: pickles, but is refused on load
    assert cache.load(cache.key("x", "y")) is None

    class Unpicklable:
        def __reduce__(self):
            raise TypeError("no")

    cache.store(cache.key("x", "z"), Unpicklable(), ())
    assert cache.load(cache.key("x", "z")) is None


def test_the_cache_is_bounded_in_bytes_oldest_first(private_cache, monkeypatch):
    first = cache.key("x", "first")
    cache.store(first, None, ())
    oldest = private_cache / (first + cache.SUFFIX)
    os.utime(oldest, (1, 1))
    monkeypatch.setattr(cache, "MAX_BYTES", 6 * os.path.getsize(oldest))
    monkeypatch.setattr(cache, "LEDGER_RECORDS", 4)
    monkeypatch.setattr(cache, "_BATCH", 1)
    for i in range(40):
        cache.store(cache.key("x", str(i)), None, ())
    kept = entries(private_cache)
    assert 0 < len(kept) <= 6 + 4  # the bound, and the stores since the ledger was last settled
    assert oldest.name not in kept and cache.key("x", "39") + cache.SUFFIX in kept
    assert not [n for n in os.listdir(private_cache) if n.endswith(".tmp")]


def test_storing_does_not_scan_the_folder(private_cache, monkeypatch):
    scans = []
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda *a: scans.append(a) or real(*a))
    for i in range(300):
        cache.store(cache.key("x", str(i)), None, ())
    cache.flush_all()
    assert len(entries(private_cache)) == 300 and scans == []
    ledger = (private_cache / cache.LEDGER).read_bytes().split()
    assert len(ledger) == 300 and sum(map(int, ledger)) == sum(os.path.getsize(private_cache / n) for n in entries(private_cache))


def test_library_calls_write_no_cache_unless_asked(private_cache):
    import engine

    engine.load()
    engine.parse(SOURCE, "a.agr")
    assert entries(private_cache) == []
    engine.load(cache=True)
    assert entries(private_cache)


# ---------------------------------------------------------------- entries cannot run code (issue 18, F3)


class Marker:
    """Unpickling this creates the file ``path``: what a planted entry would do."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_a_planted_entry_is_not_unpickled(tmp_path, private_cache):
    path, first, entry = file_entry(tmp_path, private_cache)
    marker = tmp_path / "ran"
    payload = pickle.dumps((entry.stem, Marker(marker), ()))
    entry.write_bytes(cache.MAGIC + b"\0" * cache.MAC_BYTES + payload)  # the right name, no key
    again = load_file(str(path), cache=True)
    assert not marker.exists() and again.document == first.document


def test_an_entry_with_a_valid_mac_still_builds_only_the_model(tmp_path, private_cache):
    # Someone who has the key (the user's own account) still cannot make the cache call `open`.
    path, first, entry = file_entry(tmp_path, private_cache)
    marker = tmp_path / "ran"
    payload = pickle.dumps((entry.stem, Marker(marker), ()))
    key = cache.folder_key(str(private_cache))
    entry.write_bytes(cache.MAGIC + cache._mac(key, entry.stem, payload) + payload)
    assert cache.load(entry.stem) is None and not marker.exists()


def test_a_document_planted_under_another_name_is_refused(tmp_path, private_cache):
    path, first, entry = file_entry(tmp_path, private_cache)
    other = private_cache / (cache.key("b.agr", SOURCE) + cache.SUFFIX)
    other.write_bytes(entry.read_bytes())  # a genuine entry, moved: its MAC covers its own name
    assert cache.load(other.stem) is None


def test_the_key_is_private_and_a_damaged_one_is_replaced(private_cache):
    Corpus.bundled(cache=True)
    key_file = private_cache / cache.KEY_NAME
    assert os.stat(key_file).st_mode & 0o777 == 0o600 and len(key_file.read_bytes()) == cache.KEY_BYTES
    key_file.write_bytes(b"short")
    cache._KEYS.clear()
    assert len(cache.folder_key(str(private_cache))) == cache.KEY_BYTES
    assert len(key_file.read_bytes()) == cache.KEY_BYTES


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_place_of_an_entry_is_passed_over(tmp_path, private_cache):
    path, first, entry = file_entry(tmp_path, private_cache)
    entry.unlink()
    os.mkfifo(entry, 0o600)
    assert cache.load(entry.stem) is None  # opened without blocking, then refused: not a regular file
    assert load_file(str(path), cache=True).document == first.document
