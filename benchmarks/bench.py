"""Speed against the goals of issue 16, each measured as a ratio in one interleaved run, with the command.

    python3 benchmarks/bench.py                 # every goal (about ten minutes on a 2-CPU machine)
    python3 benchmarks/bench.py --quick         # smaller inputs, fewer rounds: a rough look
    python3 benchmarks/bench.py --only P1 P3    # some goals
    python3 benchmarks/bench.py --only P5 --stress   # P5 on the inputs of tests/stress/test_large_inputs.py too
    python3 benchmarks/bench.py --script "$(command -v tradegap)"   # P1 on that installed script

Run it with an interpreter that has tradegap's dependencies (the development environment).  Nothing
touches the user's cache: every process gets ``XDG_CACHE_HOME`` in a temporary folder.  How it
measures (a private install, interleaved pairs, CPU and wall time, instructions): benchmarks/_harness.py.

P1  ``tradegap report rcep --norms tpp3`` (the installed console script, warm cache) at most 8x
    ``python -c pass`` of the same interpreter, and ``tradegap --help`` at most 4x: CPU and wall time,
    pair by pair, median and quartiles; instructions where valgrind is installed.
P2  our parse of a generated 10 MB document (model, spans and comments) at most 0.6x lark's LALR tree
    parse of the same text, in rounds taken in turn; peak memory at most 150 MiB.
P3  at least 100,000 findings/s evaluating 1,000 agreements (the bundled ones copied under new ids)
    against the 24 norms of every norm set, in one process, the garbage collector on (as the library
    runs; the command line pauses it).
P5  10x input, at most 10.5x time: the parse (1 MB and 10 MB) and the evaluation (100 and 1,000
    agreements), each size in a fresh process, small and large in turn; the small input is run ten times
    in its process and timed per run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from typing import Callable, Optional

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for path in (ROOT, os.path.dirname(os.path.abspath(__file__))):
    if path not in sys.path:
        sys.path.insert(0, path)

import _harness as H  # noqa: E402

REPORT = ["report", "rcep", "--norms", "tpp3"]


@dataclass(frozen=True)
class Goal:
    """One goal as measured: what, the figure, the target, whether it is met, how to measure it again."""

    name: str
    what: str
    figure: str
    target: str
    met: bool
    rerun: str


# ---------------------------------------------------------------- inputs


def real_agreements() -> list[str]:
    folder = os.path.join(ROOT, "agreements")
    return [open(os.path.join(folder, f), encoding="utf-8").read()
            for f in sorted(os.listdir(folder)) if f.endswith(".agr")]


def generated_corpus(size: int) -> tuple[str, int]:
    """Real agreements under fresh ids, one after another, until ``size`` characters: (text, count)."""
    texts = real_agreements()
    parts, total, i = [], 0, 0
    while total < size:
        t = re.sub(r"^agreement [a-z0-9-]+", f"agreement gen{i}", texts[i % len(texts)], count=1, flags=re.M)
        parts.append(t)
        total += len(t) + 1
        i += 1
    return "\n".join(parts), i


def generated_agreements(n: int):
    """``n`` agreements: the bundled ones copied under new ids; and every bundled norm set."""
    import attrs

    from engine.checking.corpus import Corpus

    corpus = Corpus.bundled()
    real = [corpus.agreements[k] for k in sorted(corpus.agreements)]
    return [attrs.evolve(real[i % len(real)], id=f"gen{i}") for i in range(n)], list(corpus.norm_sets.values())


# ---------------------------------------------------------------- P1


def p1(rounds: int, script: Optional[str]) -> list[Goal]:
    """The installed script, warm, against ``python -c pass`` of its interpreter: CPU, wall, instructions."""
    tmp = H.temporary("tradegap-bench-")
    try:
        return _p1(rounds, script, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _p1(rounds: int, script: Optional[str], tmp: str) -> list[Goal]:
    rerun = "python3 benchmarks/bench.py --only P1" + (f" --script {script}" if script else "")
    if script is None:
        installed = H.install(ROOT, os.path.join(tmp, "install"))
        script, python = installed.script, installed.python
    else:
        python = H.script_python(script)
    env = H.private_cache(os.path.join(tmp, "cache"))
    subprocess.run([script, *REPORT], env=env, stdout=subprocess.DEVNULL, check=True)  # warm the cache
    goals = []
    for what, argv, target in (("`tradegap report rcep --norms tpp3`", [script, *REPORT], 8.0),
                               ("`tradegap --help`", [script, "--help"], 4.0)):
        a, b = H.interleaved([argv, [python, "-c", "pass"]], rounds, env)
        cpu, wall = H.Ratio.of([t.cpu for t in a], [t.cpu for t in b]), H.Ratio.of([t.wall for t in a],
                                                                                 [t.wall for t in b])
        figure = (f"CPU **{cpu}**, wall {wall}: {H.median_ms([t.wall for t in a])} against "
                  f"{H.median_ms([t.wall for t in b])}, {rounds} pairs")
        ia, ib = H.instructions(argv, env), H.instructions([python, "-c", "pass"], env)
        if ia and ib:
            figure += f"; instructions {ia / ib:.1f}x ({ia / 1e6:.0f} M / {ib / 1e6:.1f} M)"
        ok = max(cpu.median, wall.median) <= target
        if argv[1:] == REPORT:
            figure += "; " + imports_alone(python, env, rounds)
        goals.append(Goal("P1", f"{what} / `python -c pass`", figure, f"<= {target:g}x", ok, rerun))
    return goals


LISTED = ("import io, sys\nfrom engine.cli import main\nsys.stdout = io.StringIO()\nmain({argv!r})\n"
          "sys.stdout = sys.__stdout__\nprint(' '.join(sorted(m for m in sys.modules if m.startswith('engine'))))")


def imports_alone(python: str, env: dict[str, str], rounds: int) -> str:
    """What the report's imports cost on their own: a process that imports every engine module the report
    imports (and so everything they import) and does nothing, against ``python -c pass``.  Both run isolated
    (``-I``), so that the installed package is imported, not a checkout in the working folder."""
    run = [python, "-I", "-c", LISTED.format(argv=REPORT)]
    subprocess.run(run, env=env, capture_output=True, check=True)  # a warm cache, as the timed runs have it
    listed = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout.split()
    argv, nothing = [python, "-I", "-c", "import " + ", ".join(listed)], [python, "-I", "-c", "pass"]
    a, b = H.interleaved([argv, nothing], rounds, env)
    figure = f"its imports alone: CPU {H.Ratio.of([t.cpu for t in a], [t.cpu for t in b])}"
    ia, ib = H.instructions(argv, env), H.instructions(nothing, env)
    return figure + (f", instructions {ia / ib:.1f}x ({ia / 1e6:.0f} M)" if ia and ib else "")


# ---------------------------------------------------------------- P2


def p2(size: int, rounds: int) -> list[Goal]:
    """Our parse of ``size`` characters against lark's plain LALR tree parse, rounds in turn; peak memory."""
    from lark import Lark

    from engine.syntax.parse import parse_text

    text, count = generated_corpus(size)
    tree = Lark.open_from_package("engine", "tradegap.lark", ("syntax/grammar",), parser="lalr", lexer="contextual")
    parse_text("agreement warm { }", "warm.agr")  # the parser is built once, on first use: not timed

    def ours() -> None:
        result = parse_text(text, "generated.agr")
        assert result.document is not None and len(result.document.items) == count

    a, b = H.cpu_rounds([ours, lambda: tree.parse(text)], rounds)
    ratio, mb = H.Ratio.of(a, b), len(text) / 1e6
    rerun = "python3 benchmarks/bench.py --only P2"
    memory = peak_memory(size)
    return [Goal("P2", f"parse {mb:.1f} MB ({count} agreements), model with spans and comments / lark's tree",
                 f"**{ratio}**: {statistics.median(a):.2f} s against {statistics.median(b):.2f} s, {rounds} rounds",
                 "<= 0.6x", ratio.median <= 0.6, rerun),
            Goal("P2", f"peak memory parsing {mb:.1f} MB", f"**{memory:.0f} MiB** (VmHWM, text included)",
                 "<= 150 MiB", memory <= 150, rerun)]


def peak_memory(size: int) -> float:
    """Peak resident memory (MiB) of a fresh process that generates the text and parses it."""
    done = _case(["memory", str(size), "1"])
    return float(done) / 1024


# ---------------------------------------------------------------- P3


def p3(n: int, rounds: int) -> list[Goal]:
    """Findings per second, in one process, the collector on; for reference, paused."""
    from engine.evaluation.evaluator import evaluate
    from engine.util.gc import gc_paused

    agreements, norm_sets = generated_agreements(n)
    day = dt.date(2026, 1, 1)
    count = len(evaluate(agreements, norm_sets, day).findings)

    def paused() -> None:
        with gc_paused():
            evaluate(agreements, norm_sets, day)

    on, off = H.cpu_rounds([lambda: evaluate(agreements, norm_sets, day), paused], rounds)
    norms = sum(len(ns.norms) for ns in norm_sets)
    rate = count / statistics.median(on)
    figure = (f"**{rate:,.0f} findings/s** ({count:,} findings in {statistics.median(on):.3f} s CPU, median of "
              f"{rounds}; best {count / min(on):,.0f}/s); collector paused: {count / statistics.median(off):,.0f}/s")
    return [Goal("P3", f"evaluate {n:,} agreements x {norms} norms, one process", figure, ">= 100,000/s",
                 rate >= 100_000, "python3 benchmarks/bench.py --only P3")]


# ---------------------------------------------------------------- P5


def p5(scale: int, pairs: int) -> list[Goal]:
    """Parse and evaluation at 1x and 10x, fresh processes, alternated; the small one ten times per process."""
    goals = []
    for what, kind, small in (("parse", "parse", 1_000_000 * scale // 10), ("evaluate", "evaluate", 100 * scale // 10)):
        per_small, large = [], []
        for _ in range(pairs):
            per_small.append(float(_case([kind, str(small), "10"])) / 10)
            large.append(float(_case([kind, str(small * 10), "1"])))
        ratio = H.Ratio.of(large, per_small)
        sizes = f"{small / 1e6:g} / {small * 10 / 1e6:g} MB" if kind == "parse" else f"{small:,} / {small * 10:,} agreements"
        figure = (f"**{ratio}**: {statistics.median(per_small):.3f} s / {statistics.median(large):.3f} s CPU "
                  f"({sizes}, {pairs} pairs)")
        goals.append(Goal("P5", f"{what}: 10x input, time ratio", figure, "<= 10.5x", ratio.median <= 10.5,
                          "python3 benchmarks/bench.py --only P5"))
    return goals


STRESS = [  # (what, kind, size at 1x): the inputs of tests/stress/test_large_inputs.py, parsed and validated
    ("10,000 articles in one agreement", "articles", 10_000),
    ("a 1 MB string", "string", 1_000_000),
    ("10,000 nested parentheses", "parentheses", 10_000),
    ("a `not` chain 10,000 deep (refused: E0004)", "not-chain", 10_000),
    ("2,000 diagnostics in one file", "diagnostics", 2_000),
]


def stress(kind: str, n: int) -> str:
    """A stress input of size ``n``."""
    if kind in ("articles", "diagnostics"):
        topic = "cooperation" if kind == "articles" else "nosuch-topic"
        body = "\n".join(f"  article {i} {{ topic {topic} }}" for i in range(n))
        return f"agreement big {{\n  parties JP KR\n{body}\n}}\n"
    if kind == "string":
        return 'agreement a {\n  note "' + "x" * n + '"\n}\n'
    pred = "(" * n + "enforceable" + ")" * n if kind == "parentheses" else "not " * n + "enforceable"
    return f'norms deep {{\n  norm n {{\n    topic cooperation\n    require {pred} because "x"\n  }}\n}}\n'


def p5_stress(pairs: int) -> list[Goal]:
    """The stress inputs at 1x and 10x (``--stress``), as :func:`p5` times the parse."""
    goals = []
    for what, kind, n in STRESS:
        per_small = [float(_case([kind, str(n), "10"])) / 10 for _ in range(pairs)]
        large = [float(_case([kind, str(n * 10), "1"])) for _ in range(pairs)]
        ratio = H.Ratio.of(large, per_small)
        goals.append(Goal("P5", f"stress: {what}, 10x", f"**{ratio}**: {statistics.median(per_small):.3f} s / "
                          f"{statistics.median(large):.3f} s CPU", "<= 10.5x", ratio.median <= 10.5,
                          "python3 benchmarks/bench.py --only P5 --stress"))
    return goals


def _case(args: list[str]) -> str:
    """One measurement in a fresh process (see :func:`case`): its last line."""
    env = {**os.environ, "PYTHONPATH": ROOT}
    done = subprocess.run([sys.executable, os.path.abspath(__file__), "--case", *args], env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def case(kind: str, size: int, inner: int) -> str:
    """The CPU seconds of ``inner`` parses or evaluations of ``size`` (or the peak memory in KiB)."""
    import time

    if kind == "evaluate":
        from engine.evaluation.evaluator import evaluate

        agreements, norm_sets = generated_agreements(size)
        work: Callable[[], object] = lambda: evaluate(agreements, norm_sets, dt.date(2026, 1, 1))
    elif kind in {k for _, k, _ in STRESS}:
        from engine.checking.corpus import load_text

        text = stress(kind, size)
        work = lambda: load_text(text, "stress.agr")
    else:
        from engine.syntax.parse import parse_text

        text, _ = generated_corpus(size)
        parse_text("agreement warm { }", "warm.agr")
        work = lambda: parse_text(text, "generated.agr")
    if kind == "memory":
        assert work() is not None
        with open("/proc/self/status", encoding="ascii") as f:  # VmHWM: ru_maxrss carries over across exec
            return next(line.split()[1] for line in f if line.startswith("VmHWM"))
    import gc

    gc.collect()
    start = time.process_time()
    for _ in range(inner):
        work()
    return f"{time.process_time() - start:.6f}"


# ---------------------------------------------------------------- main


def table(goals: list[Goal]) -> str:
    """The goals as a Markdown table (what docs/performance.md shows)."""
    lines = ["| goal | measured | target | |", "|---|---|---|---|"]
    lines += [f"| **{g.name}** {g.what} | {g.figure} | {g.target} | {'met' if g.met else '**missed**'} |"
              for g in goals]
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="tradegap benchmarks: the goals of issue 16 with their figures")
    ap.add_argument("--quick", action="store_true", help="smaller inputs and fewer rounds (a rough look)")
    ap.add_argument("--only", nargs="+", choices=("P1", "P2", "P3", "P5"), help="run only these")
    ap.add_argument("--script", help="P1: time this installed console script (default: install the checkout)")
    ap.add_argument("--stress", action="store_true", help="P5 also on the stress inputs (a few minutes more)")
    ap.add_argument("--case", nargs=3, metavar=("KIND", "SIZE", "INNER"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.case:
        print(case(args.case[0], int(args.case[1]), int(args.case[2])))
        return 0
    os.environ["XDG_CACHE_HOME"] = H.temporary("tradegap-bench-cache-")  # this process's loads too
    import lark

    from engine._version import __version__

    quick, only = args.quick, set(args.only or ("P1", "P2", "P3", "P5"))
    print(f"tradegap {__version__} on {dt.date.today().isoformat()}: Python {platform.python_version()}, "
          f"lark {lark.__version__}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}\n")
    steps: list[tuple[str, Callable[[], list[Goal]]]] = [
        ("P1", lambda: p1(7 if quick else 21, args.script)),
        ("P2", lambda: p2(2_000_000 if quick else 10_000_000, 2 if quick else 3)),
        ("P3", lambda: p3(200 if quick else 1000, 3 if quick else 7)),
        ("P5", lambda: p5(2 if quick else 10, 2 if quick else 9) + (p5_stress(2) if args.stress else [])),
    ]
    goals: list[Goal] = []
    for name, step in steps:
        if name in only:
            found = step()
            goals += found
            for g in found:
                print(f"{g.name}  {g.what}\n    {g.figure.replace('**', '')}\n    target {g.target}: "
                      f"{'met' if g.met else 'MISSED'}    ({g.rerun})", flush=True)
    print("\n" + table(goals))
    shutil.rmtree(os.environ["XDG_CACHE_HOME"], ignore_errors=True)
    return 0 if all(g.met for g in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
