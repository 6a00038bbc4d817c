"""Determinism: the same input gives byte-identical output in every format, whatever the hash seed.

Set and dict order of strings depends on ``PYTHONHASHSEED``, which a single process cannot vary, so
the commands run in two subprocesses with different seeds (and no cache, so each parses afresh).
A canary set printed by both proves that the two processes really do order strings differently.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

FORMATS = ("text", "markdown", "csv", "json", "html")
DAY = ("--as-of", "2026-01-01")
COMMANDS = (
    [["report", "rcep", "cptpp", "usjdta", "--norms", "tpp3", "digital-core", *DAY, "--format", f] for f in FORMATS]
    + [["report", "rcep", "--norms", "tpp3", *DAY, "--suggest", "--format", f] for f in ("text", "json")]
    + [["compare", "cptpp", "usjdta", "rcep", "--norms", "digital-core", *DAY, "--format", f] for f in FORMATS]
    + [["compare", "cptpp", "usjdta", "rcep", *DAY],
       ["diff", "tests/fixtures/drafts/v2.agr", "tests/fixtures/drafts/v3.agr", "--norms", "tpp3", *DAY,
        "--format", "json"],
       ["pair", "KR", "JP", "--with", "tests/fixtures/kjdpa.agr", *DAY, "--format", "json"],
       ["explain", "rcep", "tpp3.data-flows", *DAY, "--format", "json"],
       ["import", "tests/fixtures/import/mini_tota.xml"],
       ["import", "tests/fixtures/import/treaty.txt"],
       ["check", "--format", "json", "tests/fixtures/kjdpa.agr"]]
)
CANARY = ["met", "partial", "unmet", "not-applicable", "binding", "best-endeavour", "hortatory", "absent"]

SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT / "tests" / "golden")!r})
import golden_cli
print(list(set({CANARY!r})))
for argv in {COMMANDS!r}:
    sys.stdout.write("$ " + " ".join(argv) + "\\n" + golden_cli.run(argv))
"""


def run_with_seed(seed: str) -> tuple[str, str]:
    """(the canary line, the output of every command) in a fresh interpreter with this hash seed."""
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT), "TRADEGAP_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    canary, _, output = proc.stdout.partition("\n")
    return canary, output


def test_every_command_says_the_same_under_two_hash_seeds():
    canary_a, a = run_with_seed("1")
    canary_b, b = run_with_seed("2")
    assert canary_a != canary_b  # the seeds do change the order of a set of strings
    assert a.count("$ ") >= len(COMMANDS) and "exit: 0" in a
    assert a == b
