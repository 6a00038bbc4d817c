"""Arguments are checked where the library is entered (issue 18, F17).

Every verb, the public Corpus methods and the names of release 0.1, given an argument of the wrong
type, raise :class:`engine.errors.BadArgument` (a ``UsageError`` and a ``TypeError``) naming the
argument, before anything deep inside fails on it.  The bad kinds are those of the reliability probe
(../shared/probes/p6_api.py).
"""

from __future__ import annotations

import datetime as dt
import os
import time
import warnings

import pytest

import engine
from engine.checking.corpus import Corpus, load_file
from engine.errors import BadArgument, UsageError


class Weird:
    def __str__(self) -> str:
        raise RuntimeError("str() of a weird object")

    def __repr__(self) -> str:
        raise RuntimeError("repr() of a weird object")

    def __iter__(self):
        raise RuntimeError("iter() of a weird object")


BAD = {"None": None, "int": 42, "bytes": b"agreement a { }", "dict": {"a": 1}, "nan": float("nan"),
       "weird": Weird(), "bool": True, "nested": [[1]]}


@pytest.fixture(scope="module")
def world():
    corpus = engine.load()
    rcep, tpp3 = corpus.agreement("rcep"), corpus.norms("tpp3")
    report = engine.evaluate(rcep, tpp3, dt.date(2026, 1, 1))
    return corpus, rcep, tpp3, report


def calls(world):
    corpus, rcep, tpp3, report = world
    return {
        "load(paths)": lambda v: engine.load(v),
        "parse(text)": lambda v: engine.parse(v),
        "parse(path)": lambda v: engine.parse("agreement a { }", v),
        "evaluate(agreements)": lambda v: engine.evaluate(v, tpp3),
        "evaluate(norm_sets)": lambda v: engine.evaluate(rcep, v),
        "evaluate(as_of)": lambda v: engine.evaluate(rcep, tpp3, as_of=v),
        "explain(agreement)": lambda v: engine.explain(v, tpp3, "data-flows"),
        "explain(norm)": lambda v: engine.explain(rcep, tpp3, v),
        "compare(agreements)": lambda v: engine.compare(v, tpp3),
        "compare(topics)": lambda v: engine.compare([rcep], (), v),
        "diff(old)": lambda v: engine.diff(v, rcep),
        "pair(x)": lambda v: engine.pair(corpus, v, "JP", tpp3),
        "pair(drafts)": lambda v: engine.pair(corpus, "KR", "JP", tpp3, drafts=v),
        "suggest(report)": lambda v: engine.suggest(corpus, v),
        "check_expectations(corpus)": lambda v: engine.check_expectations(v),
        "render(result)": lambda v: engine.render(v),
        "render(fmt)": lambda v: engine.render(report, v),
        "format_source(text)": lambda v: engine.format_source(v),
        "Corpus.from_paths(paths)": lambda v: Corpus.from_paths(v),
        "Corpus.build(files)": lambda v: Corpus.build(v),
        "corpus.agreement(ident)": lambda v: corpus.agreement(v),
        "corpus.norms(ident)": lambda v: corpus.norms(v),
        "load_file(path)": lambda v: load_file(v),
    }


NAMES = ["load(paths)", "parse(text)", "parse(path)", "evaluate(agreements)", "evaluate(norm_sets)",
         "evaluate(as_of)", "explain(agreement)", "explain(norm)", "compare(agreements)", "compare(topics)",
         "diff(old)", "pair(x)", "pair(drafts)", "suggest(report)", "check_expectations(corpus)",
         "render(result)", "render(fmt)", "format_source(text)", "Corpus.from_paths(paths)",
         "Corpus.build(files)", "corpus.agreement(ident)", "corpus.norms(ident)", "load_file(path)"]


@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize("name", NAMES)
def test_a_wrong_type_is_refused_at_the_boundary(world, name, kind):
    value = BAD[kind]
    if value is None and name.split("(")[1].rstrip(")") in ("as_of", "drafts"):
        pytest.skip("None is the default here")
    with pytest.raises(UsageError) as caught:
        calls(world)[name](value)
    assert isinstance(caught.value, (BadArgument, UsageError)) and len(str(caught.value)) < 300
    if isinstance(caught.value, BadArgument):
        assert isinstance(caught.value, TypeError) and " must be " in str(caught.value)


def test_a_date_as_a_string_says_how_to_write_one(world):
    corpus, rcep, tpp3, _ = world
    with pytest.raises(BadArgument, match=r"`as_of` must be a datetime.date, not str '2026-01-01'") as caught:
        engine.evaluate(rcep, tpp3, as_of="2026-01-01")
    assert "datetime.date" in caught.value.hint


def test_one_path_as_a_string_is_not_read_as_a_list_of_letters():
    with pytest.raises(BadArgument, match="`paths` must be a list of paths, not str 'examples'") as caught:
        engine.load("examples")
    assert caught.value.hint == "to give one path, write ['examples']"


def test_load_file_of_a_number_never_touches_a_file_descriptor():
    before = os.fstat(1)
    for value in (True, 0, 1):
        with pytest.raises(BadArgument, match="`path` must be a path"):
            load_file(value)
    assert os.fstat(1).st_ino == before.st_ino  # still open


def test_a_huge_unknown_id_is_answered_at_once(world):
    corpus = world[0]
    start = time.monotonic()
    with pytest.raises(KeyError, match="an id of 50000000 characters"):
        corpus.agreement("x" * 50_000_000)
    assert time.monotonic() - start < 5


@pytest.mark.parametrize("name, call", [
    ("compare_agreements", lambda f, w: f("rcep", [w[2]])),
    ("diff_agreements", lambda f, w: f(w[1], "rcep", [w[2]])),
    ("pair_countries", lambda f, w: f([w[1]], 42, "JP", [w[2]])),
    ("find_precedents", lambda f, w: f([w[1]], w[2], "data-flows")),
    ("suggest_for_report", lambda f, w: f(w[0], None)),
    ("format_document", lambda f, w: f("agreement a { }")),
    ("format_article", lambda f, w: f(None)),
    ("render_text", lambda f, w: f("a diagnostic")),
])
def test_the_names_of_release_0_1_check_their_arguments_too(world, name, call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        function = getattr(engine, name)
    with pytest.raises(BadArgument, match=" must be "):
        call(function, world)
