"""Shared fixtures and helpers: the repository, the bundled corpus, the shared texts, a private cache.

Tests never write outside a temporary folder: ``pytest_configure`` points ``XDG_CACHE_HOME`` (the parse
cache) and ``HYPOTHESIS_STORAGE_DIRECTORY`` at one *before collection* (code run while collecting must not
reach the user's ~/.cache either), and Hypothesis keeps no example database.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import tempfile
from typing import Any, Iterator, Optional

import attrs
import pytest
from hypothesis import settings

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEXTS = SHARED / "texts"
TOTA = SHARED / "tota" / "xml"

settings.register_profile("tradegap", database=None)
settings.load_profile("tradegap")

_PRIVATE = {"XDG_CACHE_HOME": "cache", "HYPOTHESIS_STORAGE_DIRECTORY": "hypothesis"}
_SAVED: dict[str, Optional[str]] = {}


def pytest_configure(config: pytest.Config) -> None:
    """A private cache (ours and Hypothesis's) for the whole run, set before any test module is collected."""
    folder = tempfile.mkdtemp(prefix="tradegap-tests-")
    _SAVED["folder"] = folder
    for name, sub in _PRIVATE.items():
        _SAVED[name] = os.environ.get(name)
        os.environ[name] = os.path.join(folder, sub)


def pytest_unconfigure(config: pytest.Config) -> None:
    for name in _PRIVATE:
        old = _SAVED.pop(name, None)
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old
    folder = _SAVED.pop("folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def corpus() -> Any:
    import engine

    c = engine.Corpus.bundled()
    assert not c.errors, [str(d) for d in c.errors]
    return c


@pytest.fixture(scope="session")
def full_corpus() -> Any:
    """The bundled corpus with the examples/ folder on top."""
    import engine

    c = engine.load([str(ROOT / "examples")])
    assert not c.errors, [str(d) for d in c.errors]
    return c


def run_cli(*args: str, cwd: Optional[str] = None) -> tuple[object, str, str]:
    """Run the command line in-process: (exit code, stdout, stderr)."""
    import contextlib
    import io

    from engine.cli import main

    out, err = io.StringIO(), io.StringIO()
    code: object
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


def quotes_in(node: Any) -> Iterator[Any]:
    """Every quote held anywhere inside a model object (an article: its commitment, scope, exceptions ...).

    Walks the attrs fields, so a statement kind added to the model is covered without editing this.
    """
    from engine.language import model as M

    if isinstance(node, M.Quote):
        yield node
    elif isinstance(node, (tuple, list)):
        for item in node:
            yield from quotes_in(item)
    elif attrs.has(type(node)):
        for field in attrs.fields(type(node)):
            yield from quotes_in(getattr(node, field.name))


def assert_nested_too_deep(depth: int, shape: str) -> None:
    """A requirement nested ``depth`` deep (``shape``: ``not {}`` or ``not ({}``) is refused with E0004 by the
    parser and the formatter alike, and no document is made (shared by tests/syntax and tests/stress)."""
    from engine.checking.corpus import load_text
    from engine.checking.fmt import format_source

    NORMS = """norms deep "Deep" {
  norm n "N" {
    topic cross-border-data
    require %s because "why"
  }
}
"""

    def codes(f: Any) -> list[str]:
        return [d.code for d in f.diagnostics]

    pred = shape.replace("{}", "") * depth + "enforceable" + (")" * depth if "(" in shape else "")
    f = load_text(NORMS % pred, "deep.norms")
    assert "E0004" in codes(f)
    assert f.document is None  # nothing deeper than the limit reaches evaluation, formatting or the cache
    d = next(d for d in f.diagnostics if d.code == "E0004")
    assert d.span.line == 4 and d.hint
    formatted, diags = format_source(NORMS % pred, "deep.norms")
    assert formatted is None and any(x.code == "E0004" for x in diags)


def assert_read_only(mapping: Any) -> None:
    """A corpus table refuses assignment and deletion and has no mutating methods."""
    key = next(iter(mapping))
    with pytest.raises(TypeError):
        mapping[key] = None
    with pytest.raises(TypeError):
        del mapping[key]
    assert not hasattr(mapping, "pop") and not hasattr(mapping, "clear")


@pytest.fixture
def private_cache(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    """The cache in a temporary folder of its own (the user's cache is never read or written); its path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TRADEGAP_NO_CACHE", raising=False)
    return tmp_path / "cache" / "tradegap"


KJDPA_DRAFT = ROOT / "tests" / "fixtures" / "kjdpa.agr"


@pytest.fixture(scope="module")
def with_draft() -> Any:
    """The bundled corpus with the Korea-Japan DPA draft fixture loaded on top."""
    import engine

    c = engine.load([str(KJDPA_DRAFT)])
    assert not c.errors
    return c


def assert_markdown_tables_hold(out: str) -> None:
    """Every line of a Markdown table has as many (unescaped) cell borders as its header."""
    import re

    pipes = None
    for line in out.splitlines():
        if not line.startswith("|"):
            pipes = None
            continue
        count = len(re.findall(r"(?<!\\)\|", line))
        pipes = pipes or count
        assert count == pipes, line


def shuffled_agreement(agreement: Any, rng: Any) -> Any:
    """The agreement with its chapters, and the articles in each, in another order."""
    chapters = [attrs.evolve(ch, articles=tuple(rng.sample(ch.articles, len(ch.articles))))
                for ch in agreement.chapters]
    rng.shuffle(chapters)
    return attrs.evolve(agreement, chapters=tuple(chapters),
                        articles=tuple(rng.sample(agreement.articles, len(agreement.articles))))
