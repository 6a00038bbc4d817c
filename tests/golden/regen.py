"""Rewrite the golden files after a deliberate change.

    python tests/golden/regen.py                      # every set: cli, fmt, diagnostics
    python tests/golden/regen.py fmt diagnostics      # only these sets
    python tests/golden/regen.py cli report-rcep-text # only these cases (names as in the file names)

Read `git diff tests/golden` before committing what it wrote: every changed line is a change users see.
"""

from __future__ import annotations

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_cli  # noqa: E402
import golden_diagnostics  # noqa: E402
import golden_fmt  # noqa: E402


def regen_cli(wanted: set[str]) -> None:
    for name, argv in golden_cli.cases():
        if not wanted or name in wanted:
            golden_cli.expected_path(name).write_text(golden_cli.run(argv), encoding="utf-8")


def regen_fmt(wanted: set[str]) -> None:
    for source in golden_fmt.cases():
        if not wanted or source.name.split(".")[0] in wanted:
            golden_fmt.expected_path(source).write_text(golden_fmt.run(source), encoding="utf-8")


def regen_diagnostics(wanted: set[str]) -> None:
    for source in golden_diagnostics.cases():
        if not wanted or source.name.split(".")[0] in wanted:
            golden_diagnostics.expected_path(source).write_text(golden_diagnostics.run(source), encoding="utf-8")


SETS = {"cli": regen_cli, "fmt": regen_fmt, "diagnostics": regen_diagnostics}


def main(args: list[str]) -> int:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="tradegap-golden-")
    chosen = [a for a in args if a in SETS] or list(SETS)
    wanted = {a for a in args if a not in SETS}
    for name in chosen:
        SETS[name](wanted)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
