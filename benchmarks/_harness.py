"""How benchmarks/bench.py measures: an honest install, interleaved pairs, CPU and wall time, instructions.

- **An install like a user's.** :func:`install` builds a wheel of the checkout (from a copy, so the
  checkout is left as it is) and installs it into a private virtual environment, with the current
  environment's packages visible but none of its ``.pth`` start-up hooks: an editable install's
  import finder, or a coverage hook, would slow ``python -c pass`` down and flatter every ratio.
  ``--script`` times an installed console script instead.
- **Interleaved pairs.** :func:`interleaved` runs the commands in turn (A B A B ...), so that load
  on a shared machine falls on both alike; each ratio is taken pair by pair and its median quoted
  with its spread.  CPU time is user + system of the finished child, which load moves less than
  wall time.
- **Instructions** (:func:`instructions`): ``valgrind --tool=callgrind`` counts what a process
  executes, whatever the load, to a few parts in ten thousand.  None where valgrind is missing.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from typing import Callable, Optional, Sequence


@dataclass(frozen=True)
class Install:
    """A private environment with the checkout installed: its interpreter and its console script."""

    python: str
    script: str
    folder: str


def install(root: str, into: str) -> Install:
    """The checkout at ``root`` built as a wheel and installed into a new environment under ``into``."""
    source = os.path.join(into, "source")
    shutil.copytree(root, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", ".mypy_cache", ".pytest_cache", ".hypothesis"))
    wheels = os.path.join(into, "wheels")
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", wheels, source])
    env = os.path.join(into, "venv")
    _run([sys.executable, "-m", "venv", env])
    python = os.path.join(env, "bin", "python")
    wheel = os.path.join(wheels, next(f for f in os.listdir(wheels) if f.endswith(".whl")))
    _run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", wheel])
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip()
    with open(os.path.join(site, "_tradegap_deps.pth"), "w", encoding="utf-8") as f:
        f.write(sysconfig.get_paths()["purelib"] + "\n")  # a path line only: its .pth hooks do not run
    script = os.path.join(env, "bin", "tradegap")
    return Install(python, script, env)


def script_python(script: str) -> str:
    """The interpreter an installed console script runs with (its ``#!`` line)."""
    with open(script, encoding="utf-8") as f:
        first = f.readline()
    return first[2:].strip().split()[0] if first.startswith("#!") else sys.executable


def _run(argv: Sequence[str]) -> str:
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


# ---------------------------------------------------------------- whole processes


@dataclass(frozen=True)
class Timed:
    """One run of a process: wall and CPU (user + system) seconds."""

    wall: float
    cpu: float


def timed(argv: Sequence[str], env: dict[str, str]) -> Timed:
    """Run ``argv`` to its end, its output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timed(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def interleaved(commands: Sequence[Sequence[str]], rounds: int, env: dict[str, str]) -> list[list[Timed]]:
    """Each command ``rounds`` times, in turn (one warm-up round first, not counted)."""
    out: list[list[Timed]] = [[] for _ in commands]
    for i in range(rounds + 1):
        for argv, acc in zip(commands, out):
            t = timed(argv, env)
            if i:
                acc.append(t)
    return out


@dataclass(frozen=True)
class Ratio:
    """Pair-by-pair ratios of A to B: the median and the quartiles (the spread)."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, a: Sequence[float], b: Sequence[float]) -> "Ratio":
        ratios = sorted(x / y for x, y in zip(a, b))
        if len(ratios) < 4:
            return cls(statistics.median(ratios), ratios[0], ratios[-1])
        q = statistics.quantiles(ratios, n=4)
        return cls(statistics.median(ratios), q[0], q[2])

    def __str__(self) -> str:
        return f"{self.median:.2f}x ({self.low:.2f}-{self.high:.2f})"


def median_ms(xs: Sequence[float]) -> str:
    return f"{statistics.median(xs) * 1000:.0f} ms"


def instructions(argv: Sequence[str], env: dict[str, str]) -> Optional[int]:
    """The instructions a process executes, counted by valgrind (None: valgrind is not installed)."""
    if shutil.which("valgrind") is None:
        return None
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    return int(found.group(1)) if found else None


# ---------------------------------------------------------------- in one process


def cpu_rounds(fns: Sequence[Callable[[], object]], rounds: int) -> list[list[float]]:
    """The CPU seconds of each function, ``rounds`` times in turn, each run started with no garbage left."""
    import gc

    out: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for fn, acc in zip(fns, out):
            gc.collect()
            start = time.process_time()
            fn()
            acc.append(time.process_time() - start)
    return out


def private_cache(folder: str) -> dict[str, str]:
    """The environment with the parse cache in ``folder`` (never the user's)."""
    env = {**os.environ, "XDG_CACHE_HOME": folder}
    env.pop("TRADEGAP_NO_CACHE", None)
    env.pop("PYTHONPATH", None)
    return env


def temporary(prefix: str) -> str:
    return tempfile.mkdtemp(prefix=prefix)
