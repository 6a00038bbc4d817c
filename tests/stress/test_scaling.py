"""Linear everywhere (issue 18): ten times the input costs at most twelve times the time.

Each case is timed at a size n and at 10n in the same run, and the ratio is checked, so the test does
not depend on how fast the machine is.  Times are CPU times of this process (``time.process_time``,
the best of three, the collector paused), which other work on a shared machine disturbs less than the clock on the wall.
Every case is slow (``pytest -m slow``); each scale was quadratic or worse before issue 18.
"""

from __future__ import annotations

import time
from typing import Callable

import pytest

from engine.checking.corpus import Corpus, load_text
from engine.importer import import_bytes, import_file

pytestmark = pytest.mark.slow

MOST = 12.0  # 10x the input, at most 12x the time


def cpu(work: Callable[[], object]) -> float:
    """The best of three CPU times of ``work``, the cyclic collector paused (its passes grow with the heap, not
    with the algorithm measured, and a shared machine makes single runs noisy)."""
    import gc

    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def assert_linear(make: Callable[[int], Callable[[], object]], n: int) -> None:
    small, large = make(n), make(10 * n)
    ratio = cpu(large) / max(cpu(small), 1e-3)
    assert ratio <= MOST, f"10x the input took {ratio:.1f}x the time"


def test_a_long_condition_is_linear():
    def norms(n: int) -> Callable[[], object]:
        text = ('norms d "d" { norm x "x" { topic cross-border-data require strength' + " at-least" * n
                + ' because "x" } }\n')
        return lambda: load_text(text, "aw.norms")

    assert_linear(norms, 10_000)


def chain(n: int) -> str:
    return "".join(f"agreement c{k} {{ based-on c{k + 1} parties JP KR }}\n" for k in range(n)) + \
        f"agreement c{n} {{ parties JP KR }}\n"


def test_a_based_on_chain_is_linear_and_needs_no_recursion():
    def corpus(n: int) -> Callable[[], object]:
        f = load_text(chain(n), "chain.agr")
        return lambda: Corpus.build([f])

    assert_linear(corpus, 300)
    assert not Corpus.build([load_text(chain(5_000), "chain.agr")]).diagnostics


def test_deep_xml_is_answered_by_a_diagnostic_at_any_depth():
    def nested(n: int) -> Callable[[], object]:
        data = (b'<?xml version="1.0"?><treaty><meta/><body><chapter number="1"><article number="1">'
                + b"<b>" * n + b"x" + b"</b>" * n + b"</article></chapter></body></treaty>")
        return lambda: import_bytes(data, "deep.xml")

    assert_linear(nested, 10_000)
    assert [d.code for d in nested(100_000)().diagnostics] == ["E0502"]


def test_a_plain_text_over_the_limit_is_refused_before_it_is_read(tmp_path):
    def text(n: int) -> Callable[[], object]:
        path = tmp_path / f"t{n}.txt"
        with open(path, "wb") as fh:
            fh.truncate(17 * 1024 * 1024 * n)  # sparse: no time spent writing it
        return lambda: import_file(str(path), "text")

    assert_linear(text, 1)
    assert [d.code for d in text(1)().diagnostics] == ["E0506"]


def test_a_warm_cache_is_linear_in_the_number_of_files(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TRADEGAP_NO_CACHE", raising=False)

    def folder(n: int) -> Callable[[], object]:
        where = tmp_path / f"f{n}"
        where.mkdir()
        for i in range(n):
            (where / f"a{i}.agr").write_text(f"agreement a{n}x{i} {{ parties JP KR }}\n")
        Corpus.from_paths([str(where)], include_bundled=False, cache=True)  # cold: fills the cache
        return lambda: Corpus.from_paths([str(where)], include_bundled=False, cache=True)

    assert_linear(folder, 400)


def test_report_suggest_is_linear_in_the_corpus():
    import datetime as dt

    import attrs

    from engine.evaluation.evaluator import evaluate
    from engine.views.precedents import suggest_for_report

    bundled = Corpus.bundled()
    rcep = bundled.agreement("rcep")

    def suggest(n: int) -> Callable[[], object]:
        copies = [attrs.evolve(rcep, id=f"rcep-{k}") for k in range(n)]
        corpus = attrs.evolve(bundled, agreements={**bundled.agreements, **{a.id: a for a in copies}})
        report = evaluate(copies, bundled.norms("tpp3"), dt.date(2026, 11, 30))
        return lambda: suggest_for_report(corpus, report, limit=3)

    assert_linear(suggest, 4)
