#!/usr/bin/env python3
"""Import the whole ToTA corpus and evaluate every agreement against every norm set.

First, cold, as a user runs it: ``tradegap import DIR --jobs N -o OUTDIR`` in a
fresh process (every file read, auto-coded, checked and written), timed in wall
and CPU seconds (the command and its worker processes).  Then, in this process,
each ToTA file is imported again, checked (the model validated), and evaluated
against every bundled norm set; files are spread over the machine's cores.
Prints agreements, articles, findings and seconds; shows progress on a terminal
(stderr), nothing when not on one.

    python3 benchmarks/import_scale.py [--tota DIR] [--jobs N] [--as-of DATE]
                                       [--write DIR] [--check] [--no-evaluate]

--write DIR  also writes each imported agreement to DIR/<id>.agr (atomically)
--check      also parses every generated file back and checks it the way
             `tradegap check` does (slow: it runs the full parser on ~20 MB)
--no-evaluate  only the cold command-line import
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

_STATE: dict = {}


def _setup(as_of: str, write: str | None, check: bool) -> None:
    """Per worker: the norm sets and the coding rules, loaded once."""
    import engine
    from engine.importer import bundled_rules

    corpus = engine.Corpus.bundled()
    _STATE.update(norm_sets=tuple(corpus.norm_sets[k] for k in sorted(corpus.norm_sets)),
                  as_of=dt.date.fromisoformat(as_of), write=write, check=check)
    bundled_rules()


def _one(path: str) -> dict:
    """Import, validate and evaluate one file; return counts only (nothing big crosses processes)."""
    import engine
    from engine.language import model as M
    from engine.importer import import_file, to_source
    from engine.checking.validate import validate

    t0 = time.process_time()
    result = import_file(path)
    if result.agreement is None:
        return {"path": path, "failed": [d.message for d in result.diagnostics]}
    text = to_source(result)
    diags = validate(M.Document(path, (result.agreement,)))
    t1 = time.process_time()
    report = engine.evaluate(result.agreement, _STATE["norm_sets"], as_of=_STATE["as_of"])
    t2 = time.process_time()
    out = {
        "path": path, "articles": result.stats.articles, "with_topic": result.stats.with_topic,
        "coded": result.stats.coded, "findings": len(report.findings),
        "grades": collections.Counter(f.grade for f in report.findings),
        "errors": sum(d.is_error for d in diags), "warnings": sum(not d.is_error for d in diags),
        "import_warnings": collections.Counter(d.code for d in result.diagnostics if not d.is_error),
        "bytes": len(text.encode("utf-8")), "import_s": t1 - t0, "evaluate_s": t2 - t1,
    }
    if _STATE["write"]:
        from engine.util.files import write_atomic

        write_atomic(os.path.join(_STATE["write"], f"{result.agreement.id}.agr"), text)
    if _STATE["check"]:
        from engine.checking.corpus import load_text

        loaded = load_text(text, path)
        out["check_errors"] = sum(d.is_error for d in loaded.diagnostics) + (loaded.document is None)
        out["check_s"] = time.process_time() - t2
    return out


def cold_cli(tota: str, jobs: int) -> int:
    """`tradegap import TOTA --jobs N -o TMP` in a fresh process: print its summary, wall and CPU seconds."""
    import resource
    import subprocess
    import tempfile

    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryDirectory(prefix="tradegap-import-") as out:
        argv = [sys.executable, "-m", "engine", "import", tota, "--jobs", str(jobs), "-o", out]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(argv, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        written = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = done.stdout.strip().split("\n")
    print(f"command     tradegap import {tota} --jobs {jobs} -o TMP (exit {done.returncode})")
    print(f"            {summary[0] if summary else done.stderr.strip()[:200]}")
    for line in summary[1:6]:
        print(f"            {line}")
    print(f"cold import {wall:.1f} s wall, {cpu:.1f} s CPU (the command and its workers); "
          f"{written / 1e6:.1f} MB written")
    return done.returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tota", default=os.path.join(ROOT, "..", "shared", "tota", "xml"), help="ToTA xml folder")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    ap.add_argument("--as-of", default=dt.date.today().isoformat(), help="evaluation date (default: today)")
    ap.add_argument("--write", metavar="DIR", help="write each imported agreement to DIR/<id>.agr")
    ap.add_argument("--check", action="store_true", help="parse and check every generated file (slow)")
    ap.add_argument("--no-evaluate", action="store_true", help="only the cold command-line import")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.tota):
        print(f"skipped: the ToTA corpus is not at {args.tota} (give --tota DIR)")
        return 0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if load is not None:
        print(f"machine     {os.cpu_count()} cores, load average {load:.1f} at the start")
    status = cold_cli(args.tota, args.jobs)
    if args.no_evaluate or status not in (0, 1):
        return status
    if args.write:
        os.makedirs(args.write, exist_ok=True)
    files = sorted(os.path.join(args.tota, f) for f in os.listdir(args.tota) if f.endswith(".xml"))
    tty = sys.stderr.isatty()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    start = time.perf_counter()
    results = []
    init = (args.as_of, args.write, args.check)
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.jobs, _setup, init) as pool:
            # big files first, so that no worker is left with a big one at the end
            order = sorted(files, key=os.path.getsize, reverse=True)
            for i, r in enumerate(pool.imap_unordered(_one, order), 1):
                results.append(r)
                if tty:
                    sys.stderr.write(f"\r{i}/{len(files)} {os.path.basename(r['path']):14}")
    else:
        _setup(*init)
        for i, path in enumerate(files, 1):
            results.append(_one(path))
            if tty:
                sys.stderr.write(f"\r{i}/{len(files)} {os.path.basename(path):14}")
    wall = time.perf_counter() - start
    if tty:
        sys.stderr.write("\r" + " " * 40 + "\r")

    ok = [r for r in results if "failed" not in r]
    failed = [r for r in results if "failed" in r]
    grades = collections.Counter()
    for r in ok:
        grades.update(r["grades"])
    total = lambda key: sum(r[key] for r in ok)  # noqa: E731
    norms = sum(len(ns.norms) for ns in _norm_sets())
    print(f"agreements  {len(ok)} imported, {len(failed)} failed, from {len(files)} files in {args.tota}")
    print(f"articles    {total('articles')} ({total('with_topic')} with a topic, {total('coded')} with a topic "
          f"or a commitment); {total('bytes') / 1e6:.1f} MB of tradegap source")
    print(f"validation  {total('errors')} errors, {total('warnings')} warnings")
    said = sum((r["import_warnings"] for r in ok), collections.Counter())
    print(f"import      warnings: {', '.join(f'{c} x{n}' for c, n in sorted(said.items())) or 'none'}"
          " (W0520: an article or chapter written `unnumbered N`: the source gives it no number, or one used before)")
    print(f"findings    {sum(grades.values())} ({', '.join(f'{g} {n}' for g, n in sorted(grades.items()))}) "
          f"= {len(ok)} agreements x {norms} norms, as of {args.as_of}")
    if args.check:
        print(f"check       {sum(r['check_errors'] for r in ok)} errors parsing the generated source back "
              f"({sum(r['check_s'] for r in ok):.1f} s of CPU)")
    busy = f"; load average {load:.1f} on {os.cpu_count()} cores at the start" if load is not None else ""
    print(f"seconds     {wall:.1f} wall with {args.jobs} job{'s' if args.jobs != 1 else ''} "
          f"(CPU seconds: import {total('import_s'):.1f}, evaluate {total('evaluate_s'):.1f}{busy})")
    for r in failed:
        print(f"  failed: {os.path.basename(r['path'])}: {'; '.join(r['failed'])}")
    return 1 if failed else 0


def _norm_sets():
    if "norm_sets" not in _STATE:
        import engine

        return tuple(engine.Corpus.bundled().norm_sets.values())
    return _STATE["norm_sets"]


if __name__ == "__main__":
    sys.exit(main())
