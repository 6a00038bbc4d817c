"""Fuzzing campaign: every input is answered by success or by diagnostics, never a traceback or a hang.

Inputs are documents generated at random from the grammar (engine/syntax/grammar/tradegap.lark,
with words drawn mostly from the controlled vocabulary, so that many of them are valid) and
mutations of every real corpus file in agreements/, rules/ and examples/: spans deleted,
duplicated, swapped, truncated; random bytes (invalid UTF-8 too), NUL, bidi controls,
terminal escapes and other Unicode inserted; very long lines, words, numbers and strings;
deep nesting of conditions; keywords and braces scattered; two files spliced together.

Each input goes through the library (``load_text`` or a temporary file and ``load_file``,
``Corpus.build`` with the bundled corpus, ``evaluate``, every renderer, ``format_source``
and, when it formats, a second ``format_source`` that must give the same text) and, now and
then, through the command line in-process (``check``, ``fmt --check``, ``report``), whose exit
code must be 0, 1 or 2, never 3.  Diagnostics must carry a known code and a place in the file.
A per-input time cap (SIGALRM) counts a hang.  Input ``i`` depends only on ``(seed, i)``, so a
failure is reproduced with ``--only i``.

    python3 benchmarks/fuzz.py --count 100000 --seed 1            # the full campaign
    python3 benchmarks/fuzz.py --count 1000 --seed 7 --jobs 1     # a quick one
    python3 benchmarks/fuzz.py --seed 1 --only 4242 --show        # one input, printed
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from typing import Optional, Union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

CORPUS_DIRS = ("agreements", "rules", "examples")
SUFFIXES = (".agr", ".norms", ".expect")

Data = Union[str, bytes]


# ---------------------------------------------------------------- seeds


def seed_files(root: str = ROOT) -> list[tuple[str, str]]:
    """(relative path, text) of every real corpus file."""
    out = []
    for folder in CORPUS_DIRS:
        base = os.path.join(root, folder)
        if not os.path.isdir(base):
            continue
        for dirpath, dirs, files in os.walk(base):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(SUFFIXES):
                    path = os.path.join(dirpath, name)
                    with open(path, encoding="utf-8") as fh:
                        out.append((os.path.relpath(path, root), fh.read()))
    return out


# ---------------------------------------------------------------- grammar generator


class GrammarGen:
    """Random documents from the grammar's rules, words chosen by the keyword before them."""

    def __init__(self, agreement_ids: list[str]) -> None:
        from lark import Lark

        from engine.language import vocab as V
        from engine.language.predicates import PREDICATES

        lark = Lark.open_from_package("engine", "tradegap.lark", ("syntax/grammar",), parser="lalr")
        self.rules: dict[str, list[list[tuple[str, bool]]]] = {}
        for r in lark.rules:
            self.rules.setdefault(r.origin.name, []).append([(s.name, s.is_term) for s in r.expansion])
        self.literals = {t.name: t.pattern.value for t in lark.terminals if t.pattern.type == "str"}
        self.cost = self._costs()
        self.names = {
            "TOPIC": list(V.TOPICS), "KIND": list(V.AGREEMENT_KINDS), "STATUS": list(V.STATUSES),
            "EXCEPTION": list(V.EXCEPTION_KINDS) + list(V.EXCEPTION_QUALIFIERS),
            "COVERS": list(V.SCOPE_ITEMS), "EXCLUDES": list(V.SCOPE_ITEMS),
            "SOFTWARE": list(V.SOFTWARE_COVERAGE), "DISPUTE_SETTLEMENT": list(V.DISPUTE_SETTLEMENT_MODES),
            "VERIFICATION": list(V.VERIFICATION_LEVELS), "BASED_ON": agreement_ids,
            "REMOVE": list(V.REMOVABLE), "BINDING": list(V.FORMS), "BEST_ENDEAVOUR": list(V.FORMS),
            "HORTATORY": list(V.FORMS), "CONTINGENT": ["wto-moratorium", "reciprocity"],
            "EXPECT": agreement_ids, "atom": list(PREDICATES) + list(V.STRENGTH_ORDER) + ["at-least", "any"]
            + list(V.SCOPE_ITEMS) + list(V.EXCEPTION_KINDS) + list(V.EXCEPTION_QUALIFIERS),
            "grade": list(V.GRADES), "COVERAGE": list(V.PARTS) + [V.COMPLETE], "PART": list(V.PARTS),
        }
        self.codes = ["JP", "KR", "US", "SG", "VN", "AU", "NZ", "CN", "MY", "KH", "LA", "MM", "EU", "JPN",
                      "KOR", "USA", "XX", "ZZZ", "QQ"]

    def _costs(self) -> dict[str, int]:
        """Tokens in the shortest derivation of each rule (a fixpoint), to end deep branches."""
        cost = {name: 10 ** 9 for name in self.rules}
        changed = True
        while changed:
            changed = False
            for name, alts in self.rules.items():
                best = min(sum(1 if term else cost[s] for s, term in alt) for alt in alts)
                if best < cost[name]:
                    cost[name], changed = best, True
        return cost

    def document(self, rnd: random.Random, budget: int = 400) -> str:
        out: list[str] = []
        self._expand("start", rnd, 0, out, [budget])
        sep = [" ", " ", "\n", "\n  ", "\t", "  "]
        pieces = []
        for tok in out:
            pieces.append(tok)
            pieces.append(rnd.choice(sep) if rnd.random() > 0.02 else "  # a comment {\n")
        return "".join(pieces)

    def _expand(self, name: str, rnd: random.Random, depth: int, out: list[str], budget: list[int]) -> None:
        alts = self.rules[name]
        if depth > 12 or budget[0] <= 0:
            alt = min(alts, key=lambda a: sum(1 if t else self.cost[s] for s, t in a))
        else:
            alt = rnd.choice(alts)
        for sym, is_term in alt:
            if is_term:
                out.append(self._terminal(sym, rnd, out))
                budget[0] -= 1
            else:
                self._expand(sym, rnd, depth + 1, out, budget)

    def _terminal(self, name: str, rnd: random.Random, out: list[str]) -> str:
        if name in self.literals:
            return self.literals[name]
        if name == "NAME":
            prev = _last_keyword(out, self.literals)
            table = self.names.get(prev)
            if table and rnd.random() < 0.85:
                return rnd.choice(table)
            if prev in ("NOT", "LPAR", "_AND", "_OR", "REQUIRE", "FORBID") and rnd.random() < 0.85:
                return rnd.choice(self.names["atom"])
            return rnd.choice(["x", "draft", "alpha-beta", "kjdpa", "tpp3", "data-flows", "met", "partial",
                               "a" * rnd.randint(1, 30), "n0-1"])
        if name == "CODE":
            return rnd.choice(self.codes)
        if name == "DATE":
            y = rnd.choice([1999, 2020, 2022, 2026, 9999, 1, 2024])
            return f"{y:04d}-{rnd.randint(0, 13):02d}-{rnd.choice([1, 15, 28, 29, 30, 31, 0, 99]):02d}"
        if name == "NUMBER":
            return rnd.choice(["14.11", "12", "1.2.3", "8A", "0", "3.1a", "99999999999999999999", "٣.١",
                               "9" * 5000 + ".1", "007"])
        if name == "INT":
            return rnd.choice(["0", "1", "2", "5", "10", "100", "999", "1000", "2147483648", "9" * rnd.randint(1, 40),
                               "9" * 5000])
        if name == "STRING":
            return '"' + _escape(rnd.choice(PHRASES)) + '"'
        raise ValueError(name)


def _last_keyword(out: list[str], literals: dict[str, str]) -> str:
    inverse = {v: k for k, v in literals.items()}
    for tok in reversed(out[-6:]):
        if tok in inverse and inverse[tok] not in ("LBRACE", "RBRACE"):
            return inverse[tok]
        if tok in ("met", "partial", "unmet"):
            return "grade"
    return ""


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


PHRASES = [
    "A Party shall not prevent cross-border transfer of information",
    "that it considers necessary", "", "<script>alert(1)</script>", "| a | b |", "=HYPERLINK(\"x\")",
    "+1+2", "-cmd", "@SUM(A1)", "\x1b[31mred\x1b[0m", "\u202eevil\u202c", "日本語の条文", "emoji 🙂 ok",
    "back\\slash", "a \"quoted\" word", "**bold** _it_ `code` [link](http://x)", "# not a comment",
]


# ---------------------------------------------------------------- mutations

NASTY = ["\x00", "\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200b", "\ufeff", "\u2028", "\u2029",
         "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\x1b[2J", "\x1b]0;x\x07", "\x7f", "🙂", "é", "e\u0301",
         "日本", "\U0010ffff", "\ud800", "\"", "\\", "{", "}", "(", ")", "#", ".", "-", "\t", "\n"]
BAD_BYTES = [b"\xff", b"\xfe", b"\xc3", b"\xc3(", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80",
             b"\xef\xbb\xbf", b"\x00", b"\xc0\xaf"]
TOKENS = ["{", "}", "(", ")", "agreement", "norms", "norm", "article", "chapter", "amend", "omit", "require",
          "forbid", "because", "not", "and", "or", "binding", "topic", "exception", "based-on", "expect",
          "transition", "years", "until", "art", "fn", "JP", "XX", "14.11", "2022-01-01", '"x"', "essential",
          "cross-border-data", "self-judging", "in-force", "dispute-settlement", "remove", "party", "as-of"]


def _span(rnd: random.Random, n: int) -> tuple[int, int]:
    if n == 0:
        return 0, 0
    a = rnd.randrange(n)
    return a, min(n, a + rnd.choice([1, 2, 5, 20, 100, 1000, rnd.randrange(1, n + 1)]))


def _lines_op(rnd: random.Random, text: str, op: str) -> str:
    lines = text.split("\n")
    a, b = _span(rnd, len(lines))
    if op == "delete":
        del lines[a:b]
    elif op == "duplicate":
        lines[b:b] = lines[a:b]
    else:  # swap
        c, d = _span(rnd, len(lines))
        if b <= c:
            lines = lines[:a] + lines[c:d] + lines[b:c] + lines[a:b] + lines[d:]
    return "\n".join(lines)


def mutate_text(rnd: random.Random, text: str, other: str) -> str:
    op = rnd.choice(["delete", "duplicate", "swap", "cdelete", "cdup", "truncate", "insert", "nasty", "long",
                     "token", "nest", "splice", "word"])
    n = len(text)
    pos = rnd.randrange(n + 1)
    if op in ("delete", "duplicate", "swap"):
        return _lines_op(rnd, text, op)
    if op == "cdelete":
        a, b = _span(rnd, n)
        return text[:a] + text[b:]
    if op == "cdup":
        a, b = _span(rnd, n)
        return text[:b] + text[a:b] + text[b:]
    if op == "truncate":
        return text[:pos]
    if op == "insert":
        junk = "".join(chr(rnd.choice([rnd.randrange(32, 127), rnd.randrange(0, 0x3000), rnd.randrange(0, 0x110000)]))
                       for _ in range(rnd.randint(1, 20)))
        return text[:pos] + junk + text[pos:]
    if op == "nasty":
        return text[:pos] + "".join(rnd.choice(NASTY) for _ in range(rnd.randint(1, 4))) + text[pos:]
    if op == "long":
        size = rnd.choice([1000, 10_000, 100_000, 300_000])
        unit = rnd.choice(["a", "x-", "9", "JP ", '"', "é", " ", "{", "(", "14.", "\\\"", "#"])
        filler = (unit * (size // len(unit) + 1))[:size]
        if rnd.random() < 0.5:
            filler = f'"{filler}"' if unit not in ('"', "\\\"") else filler
        return text[:pos] + filler + text[pos:]
    if op == "token":
        return text[:pos] + " " + " ".join(rnd.choice(TOKENS) for _ in range(rnd.randint(1, 6))) + " " + text[pos:]
    if op == "nest":
        depth = rnd.choice([10, 70, 1000, 20_000])
        at = text.find("require ", pos)
        at = text.find("require ") if at < 0 else at
        if at < 0:
            return text[:pos] + "(" * depth + text[pos:]
        at += len("require ")
        shape = rnd.choice(["parens", "not", "mixed"])
        if shape == "parens":
            return text[:at] + "(" * depth + "enforceable" + ")" * depth + " or " + text[at:]
        if shape == "not":
            return text[:at] + "not " * depth + text[at:]
        return text[:at] + "not (" * depth + "enforceable" + ")" * depth + " and " + text[at:]
    if op == "splice":
        a = rnd.randrange(len(other) + 1)
        return text[:pos] + other[a:a + rnd.choice([10, 200, 5000])] + text[pos:]
    # word: replace one word with another word or keyword
    words = text.split(" ")
    if len(words) > 1:
        words[rnd.randrange(len(words))] = rnd.choice(TOKENS + ["", "X", "14.11.", "2020-02-30"])
    return " ".join(words)


def mutate_bytes(rnd: random.Random, data: bytes) -> bytes:
    pos = rnd.randrange(len(data) + 1)
    op = rnd.choice(["bad", "random", "flip", "bom"])
    if op == "bad":
        return data[:pos] + rnd.choice(BAD_BYTES) + data[pos:]
    if op == "random":
        return data[:pos] + bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 16))) + data[pos:]
    if op == "flip" and data:
        i = rnd.randrange(len(data))
        return data[:i] + bytes([data[i] ^ (1 << rnd.randrange(8))]) + data[i + 1:]
    return b"\xef\xbb\xbf" + data


# ---------------------------------------------------------------- inputs


class Input:
    def __init__(self, index: int, kind: str, path: str, data: Data, via_file: bool) -> None:
        self.index, self.kind, self.path, self.data, self.via_file = index, kind, path, data, via_file

    @property
    def size(self) -> int:
        return len(self.data)


def make_input(seed: int, index: int, seeds: list[tuple[str, str]], gen: GrammarGen) -> Input:
    """Input ``index`` of the campaign with ``seed``: a function of the two only."""
    rnd = random.Random(f"{seed}:{index}")
    if rnd.random() < 0.3:
        text = gen.document(rnd, budget=rnd.choice([40, 150, 400, 1500]))
        if rnd.random() < 0.3:
            text = mutate_text(rnd, text, rnd.choice(seeds)[1])
        return Input(index, "grammar", "fuzz/generated.agr", text, rnd.random() < 0.15)
    rel, text = seeds[index % len(seeds)]
    # Most mutations work on an excerpt (a run of lines) so that a campaign of 100,000 finishes
    # in minutes; one in four works on the whole file.
    if rnd.random() < 0.75:
        lines = text.split("\n")
        a = rnd.randrange(len(lines))
        text = "\n".join(lines[a:a + rnd.choice([5, 20, 60, 200])])
    for _ in range(rnd.choice([1, 1, 2, 3, 5])):
        text = mutate_text(rnd, text, rnd.choice(seeds)[1])
    path = "fuzz/" + os.path.basename(rel)
    if rnd.random() < 0.25:
        data = text.encode("utf-8", "surrogatepass")
        for _ in range(rnd.randint(1, 3)):
            data = mutate_bytes(rnd, data)
        return Input(index, "bytes:" + rel, path, data, True)
    return Input(index, "mutation:" + rel, path, text, rnd.random() < 0.1)


# ---------------------------------------------------------------- running one input


class Hang(BaseException):
    """Raised by the alarm when an input takes longer than the cap."""


class Violation(Exception):
    """An answer that is not a clean success or diagnostics (a bad code, a missing place...)."""


class Worker:
    """What each process keeps between inputs: the bundled corpus, the generator, a folder."""

    def __init__(self, seed: int, timeout: float, root: str) -> None:
        self.tmp = tempfile.mkdtemp(prefix="worker-", dir=root)
        os.environ["XDG_CACHE_HOME"] = os.path.join(self.tmp, "cache")  # never the user's cache
        from engine.checking.corpus import Corpus, bundled_files
        from engine.language.diagnostics import CODES

        self.base = bundled_files()
        self.base_corpus = Corpus.build(self.base)
        self.codes = set(CODES)
        self.seeds = seed_files()
        self.gen = GrammarGen(sorted(self.base_corpus.agreements))
        self.seed, self.timeout = seed, timeout
        from engine.rendering import FORMATS

        self.formats = [f for f in FORMATS if f != "html" or _has_html()]

    def run(self, index: int) -> tuple[int, str, float, int, str, Optional[str]]:
        """(index, outcome, seconds, size, kind, detail); outcome: success, diagnostics, crash, hang, violation."""
        inp = make_input(self.seed, index, self.seeds, self.gen)
        rnd = random.Random(f"run:{self.seed}:{index}")
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        start = time.perf_counter()
        try:
            outcome = self._answer(inp, rnd)
            detail = None
        except Hang:
            outcome, detail = "hang", f"more than {self.timeout}s"
        except Violation as exc:
            outcome, detail = "violation", str(exc)
        except BaseException as exc:  # noqa: BLE001 - the point is to catch everything
            if isinstance(exc, KeyboardInterrupt):
                raise
            outcome, detail = "crash", "".join(traceback.format_exception(exc))[-3000:]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        return index, outcome, time.perf_counter() - start, inp.size, inp.kind, detail

    def _answer(self, inp: Input, rnd: random.Random) -> str:
        from engine.checking.corpus import Corpus, load_file, load_text
        from engine.language.diagnostics import render_text
        from engine.evaluation.evaluator import evaluate
        from engine.checking.fmt import format_source
        from engine.rendering import render

        path = inp.path
        if inp.via_file:
            path = os.path.join(self.tmp, os.path.basename(inp.path))
            data = inp.data if isinstance(inp.data, bytes) else inp.data.encode("utf-8", "surrogatepass")
            with open(path, "wb") as fh:
                fh.write(data)
            f = load_file(path)
            text = f.text
        else:
            text = inp.data
            f = load_text(text, path)
        raw = inp.data if inp.via_file else text
        self._check_diagnostics(f.diagnostics, path, raw)
        errors = [d for d in f.diagnostics if d.is_error]
        if f.document is None and not errors:
            raise Violation("no document and no error")
        corpus = Corpus.build(self.base + [f])
        self._check_diagnostics([d for d in corpus.diagnostics if d.span.file == path], path, raw)
        for d in corpus.diagnostics[:50]:
            render_text(d, {path: text})
        ids = corpus.agreements_in(path)
        agreements = [corpus.agreements[i] for i in ids][:5]
        norm_sets = list(self.base_corpus.norm_sets.values())
        own_sets = [] if errors or f.document is None else \
            [corpus.norm_sets[i.id] for i in f.document.items if type(i).__name__ == "NormSet"]
        if own_sets:
            agreements = agreements or [self.base_corpus.agreements["rcep"]]
        as_of = rnd.choice([None, dt.date(2019, 1, 1), dt.date(2030, 6, 30), dt.date(9999, 12, 31), dt.date(1, 1, 1)])
        party = rnd.choice([None, None, "JP", "VN", "US", "KHM"])
        if agreements:
            report = evaluate(agreements, norm_sets + own_sets, as_of=as_of, party=party)
            for fmt in self.formats if rnd.random() < 0.5 else [rnd.choice(self.formats)]:
                render(report, fmt)
        formatted, fdiags = format_source(text, path)
        if formatted is None:
            if not fdiags:
                raise Violation("format_source gave neither text nor diagnostics")
            if any("could not keep" in d.message for d in fdiags):
                raise Violation(f"the formatter changed the meaning: {fdiags[0].message}")
        elif rnd.random() < 0.3:
            again, _ = format_source(formatted, path)
            if again != formatted:
                raise Violation("formatting is not idempotent")
        if inp.via_file and rnd.random() < 0.08:
            self._cli(path, rnd)
        return "diagnostics" if errors else "success"

    def _check_diagnostics(self, diags, path: str, text: Data) -> None:
        n_lines = text.count(b"\n" if isinstance(text, bytes) else "\n") + 1
        for d in diags:
            if d.code not in self.codes:
                raise Violation(f"unknown diagnostic code {d.code}")
            if d.span.file != path:
                raise Violation(f"{d.code} points at {d.span.file!r}, not the input")
            if d.code != "E0001" and not (1 <= d.span.line <= n_lines and d.span.column >= 1):
                raise Violation(f"{d.code} has no place in the file: {d.span} ({d.message})")

    def _cli(self, path: str, rnd: random.Random) -> None:
        from engine.cli import main

        runs = [(["check", "--no-bundled", path], (0, 2)), (["fmt", "--check", path], (0, 1, 2))]
        if rnd.random() < 0.3:
            runs.append((["report", path, "--norms", "tpp3", "--format", rnd.choice(self.formats)], (0, 2)))
        for argv, allowed in runs:
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    rc = main(argv)
                except SystemExit as exc:
                    rc = exc.code
            if rc not in allowed:
                raise Violation(f"`tradegap {' '.join(argv[:-1])}` exited {rc}: {err.getvalue()[-1500:]}")
            if "Traceback" in err.getvalue():
                raise Violation(f"`tradegap {argv[0]}` printed a traceback")


def _alarm(signum, frame):
    raise Hang()


def _has_html() -> bool:
    import importlib.util

    return importlib.util.find_spec("engine.rendering.html") is not None


# ---------------------------------------------------------------- the campaign

_worker: Optional[Worker] = None


def _init(seed: int, timeout: float, root: str) -> None:
    global _worker
    _worker = Worker(seed, timeout, root)


def _run_chunk(indices: list[int]) -> list[tuple]:
    return [_worker.run(i) for i in indices]


def campaign(count: int, seed: int, jobs: int = 1, timeout: float = 60.0, start: int = 0,
             progress=None) -> dict:
    """Run inputs ``start .. start+count-1``; a summary dict with counts, time, slowest and failures."""
    indices = list(range(start, start + count))
    chunks = [indices[i:i + 50] for i in range(0, len(indices), 50)]
    t0 = time.perf_counter()
    results: list[tuple] = []
    saved = os.environ.get("XDG_CACHE_HOME")
    with tempfile.TemporaryDirectory(prefix="tradegap-fuzz-") as root:  # files and caches, removed after
        try:
            if jobs <= 1:
                _init(seed, timeout, root)
                for chunk in chunks:
                    results.extend(_run_chunk(chunk))
                    if progress:
                        progress(len(results), count, t0)
            else:
                import multiprocessing as mp

                with mp.get_context("fork").Pool(jobs, _init, (seed, timeout, root)) as pool:
                    for part in pool.imap_unordered(_run_chunk, chunks):
                        results.extend(part)
                        if progress:
                            progress(len(results), count, t0)
        finally:
            if saved is None:
                os.environ.pop("XDG_CACHE_HOME", None)
            else:
                os.environ["XDG_CACHE_HOME"] = saved
    wall = time.perf_counter() - t0
    counts: dict[str, int] = {}
    for r in results:
        counts[r[1]] = counts.get(r[1], 0) + 1
    failures = sorted((r for r in results if r[1] in ("crash", "hang", "violation")), key=lambda r: r[0])
    slowest = sorted(results, key=lambda r: -r[2])[:5]
    return {"count": len(results), "seed": seed, "wall": wall, "cpu": sum(r[2] for r in results),
            "counts": counts, "failures": failures, "slowest": slowest, "timeout": timeout,
            "bytes": sum(r[3] for r in results)}


def report(summary: dict, out=sys.stdout) -> None:
    c = summary["counts"]
    out.write(f"fuzz: {summary['count']} inputs (seed {summary['seed']}) in {summary['wall']:.1f} s wall, "
              f"{summary['cpu']:.1f} s in inputs, {summary['bytes'] / 1e6:.1f} MB\n")
    out.write(f"  answered: {c.get('success', 0)} success, {c.get('diagnostics', 0)} diagnostics\n")
    out.write(f"  failed:   {c.get('crash', 0)} tracebacks, {c.get('hang', 0)} hangs "
              f"(cap {summary['timeout']} s), {c.get('violation', 0)} violations\n")
    out.write("  slowest: " + "; ".join(f"#{r[0]} {r[2]:.2f} s ({r[3]} chars, {r[4]})"
                                        for r in summary["slowest"][:3]) + "\n")
    for index, outcome, secs, size, kind, detail in summary["failures"][:20]:
        out.write(f"\n--- #{index} {outcome} ({kind}, {size} chars, {secs:.2f} s); "
                  f"rerun: python3 benchmarks/fuzz.py --seed {summary['seed']} --only {index} --show\n")
        out.write((detail or "").rstrip() + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first input index")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per input")
    ap.add_argument("--only", type=int, help="run one input by index")
    ap.add_argument("--show", action="store_true", help="with --only: print the input (escaped)")
    args = ap.parse_args(argv)
    if args.only is not None:
        with tempfile.TemporaryDirectory(prefix="tradegap-fuzz-") as root:
            w = Worker(args.seed, args.timeout, root)
            if args.show:
                inp = make_input(args.seed, args.only, w.seeds, w.gen)
                print(f"# input {args.only}: {inp.kind}, {inp.size} chars, via file: {inp.via_file}")
                print(ascii(inp.data)[:4000])
            r = w.run(args.only)
        print(f"#{r[0]}: {r[1]} in {r[2]:.3f} s")
        if r[5]:
            print(r[5])
        return 0 if r[1] in ("success", "diagnostics") else 1

    def progress(done, total, t0):
        if done % 5000 < 50 or done == total:
            sys.stderr.write(f"  {done}/{total} in {time.perf_counter() - t0:.0f} s\n")

    summary = campaign(args.count, args.seed, args.jobs, args.timeout, args.start, progress)
    report(summary)
    return 0 if not summary["failures"] else 1


if __name__ == "__main__":
    sys.exit(main())
