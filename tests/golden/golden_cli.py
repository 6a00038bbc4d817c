"""The command line's golden cases: read `cli/cases.txt`, run each case, compare with `cli/NAME.out`.

Shared by the test (``tests/cli/test_golden.py``) and by ``regen.py``, which rewrites the expected files
after a deliberate change.  Each case runs in-process from the repository root with a private cache.
"""

from __future__ import annotations

import contextlib
import io
import os
import pathlib
import shlex

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CASES = HERE / "cli" / "cases.txt"


def cases() -> list[tuple[str, list[str]]]:
    """(name, argv) for every case, in file order."""
    out = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, args = line.partition(":")
        out.append((name.strip(), shlex.split(args)))
    return out


def expected_path(name: str) -> pathlib.Path:
    return HERE / "cli" / f"{name}.out"


def run(argv: list[str]) -> str:
    """The exit code, standard output and standard error of one run, as one text."""
    from engine.cli import main

    out, err = io.StringIO(), io.StringIO()
    code: object
    old, columns = os.getcwd(), os.environ.get("COLUMNS")
    os.chdir(ROOT)
    os.environ["COLUMNS"] = "80"  # argparse wraps help to the terminal's width
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's own exits (--help, usage errors)
                code = exc.code
    finally:
        os.chdir(old)
        if columns is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = columns
    return f"exit: {code}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"
