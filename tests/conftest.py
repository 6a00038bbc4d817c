"""Shared fixtures: the repository, the bundled corpus, the shared texts, a private cache."""

from __future__ import annotations

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEXTS = SHARED / "texts"
TOTA = SHARED / "tota" / "xml"

os.environ.setdefault("HYPOTHESIS_PROFILE", "default")


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Tests never read or write the user's real cache."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(scope="session")
def corpus():
    import engine

    c = engine.Corpus.bundled()
    assert not c.errors, [str(d) for d in c.errors]
    return c


@pytest.fixture(scope="session")
def full_corpus():
    """The bundled corpus with the examples/ folder on top."""
    import engine

    c = engine.load([str(ROOT / "examples")])
    assert not c.errors, [str(d) for d in c.errors]
    return c


def run_cli(*args: str, cwd=None):
    """Run the command line in-process: (exit code, stdout, stderr)."""
    import contextlib
    import io

    from engine.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse usage errors
                code = exc.code
    finally:
        os.chdir(old)
    return code, out.getvalue(), err.getvalue()
