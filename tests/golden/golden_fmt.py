"""The formatter's golden cases: every input in `fmt/` beside its canonical form, `NAME.EXT.formatted`.

Shared by the test (``tests/checking/test_fmt_golden.py``) and by ``regen.py``.  As in OPA's
``format/testfiles``: the input is formatted and compared byte for byte, and the expected file
formats to itself.
"""

from __future__ import annotations

import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FOLDER = HERE / "fmt"
SUFFIX = ".formatted"


def cases() -> list[pathlib.Path]:
    """Every input file, by name."""
    return sorted(p for p in FOLDER.iterdir() if p.is_file() and p.suffix != SUFFIX)


def expected_path(source: pathlib.Path) -> pathlib.Path:
    return source.with_name(source.name + SUFFIX)


def display(path: pathlib.Path) -> str:
    """The path as diagnostics show it: relative to the repository."""
    return path.relative_to(ROOT).as_posix()


def run(source: pathlib.Path) -> str:
    """The formatted text of a file, as ``tradegap fmt`` prints it."""
    from engine.checking.fmt import format_source

    text = source.read_text(encoding="utf-8")
    formatted, diagnostics = format_source(text, display(source))
    if formatted is None:
        raise ValueError(f"{display(source)} does not format: {[d.message for d in diagnostics]}")
    return formatted
