"""`tradegap check --watch`: checked again on each save, printing only what changed."""

from __future__ import annotations

import argparse
import io
import threading
import time

from watchfiles import Change

from conftest import run_cli
from engine.checking.corpus import Corpus
from engine.cli import check


def _args(path) -> argparse.Namespace:
    return argparse.Namespace(paths=[str(path)], no_bundled=False, format="text", watch=True)


def test_only_new_and_fixed_problems_are_printed(tmp_path):
    draft = tmp_path / "d.agr"
    draft.write_text("agreement d {\n  status ratified\n  kind fta\n}\n", encoding="utf-8")
    corpus = Corpus.from_paths([str(draft)])
    out, err = io.StringIO(), io.StringIO()

    def saves():
        draft.write_text("agreement d {\n  status draft\n  kind ftaa\n}\n", encoding="utf-8")
        yield {(Change.modified, str(draft)), (Change.modified, str(tmp_path / "notes.txt"))}
        yield {(Change.modified, str(tmp_path / "notes.txt"))}  # not a source file: nothing is checked
        draft.write_text("agreement d {\n  status draft\n  kind fta\n}\n", encoding="utf-8")
        yield {(Change.modified, str(draft))}

    assert check.watch(_args(draft), corpus, saves(), out, err) == 0
    assert out.getvalue().count("changed: ") == 2
    assert f"fixed: {draft}:2:10: E0206: unknown status `ratified`" in out.getvalue()
    assert f"fixed: {draft}:3:8: E0206: unknown agreement kind `ftaa`" in out.getvalue()
    assert out.getvalue().endswith("checked 1 file: 0 errors, 0 warnings\n")
    assert err.getvalue().count("error[E0206]") == 1 and "`ftaa`" in err.getvalue()  # the new one only


def test_watch_needs_paths_and_text():
    assert run_cli("check", "--watch")[0] == 2
    assert "--watch prints text" in run_cli("check", "--watch", "--format", "json", "x.agr")[2]


def test_watching_a_real_folder_sees_a_save(tmp_path):
    import watchfiles

    draft = tmp_path / "d.agr"
    draft.write_text("agreement d {\n  kind fta\n}\n", encoding="utf-8")
    stop = threading.Event()

    def save_later():
        time.sleep(0.5)
        draft.write_text("agreement d {\n  kind ftaa\n}\n", encoding="utf-8")

    threading.Thread(target=save_later, daemon=True).start()
    changes = watchfiles.watch(str(tmp_path), stop_event=stop, debounce=200, rust_timeout=10_000)
    first = next(changes)
    stop.set()
    assert any(path.endswith("d.agr") for _, path in first)
