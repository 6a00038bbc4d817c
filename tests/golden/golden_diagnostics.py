"""The diagnostics' golden cases: every input in `diagnostics/` beside its `NAME.expected` output.

NAME starts with the code the case shows (``E0201.agr``, ``E0503-entity.xml``).  The command depends on
the input's kind:

- ``.agr``, ``.norms``, ``.expect``: ``tradegap check FILE`` (with the bundled corpus: some cases name
  `rcep` or `tpp3`);
- ``.xml``, ``.txt``, ``.pdf``: ``tradegap import FILE``;
- ``.coding``: ``tradegap import tests/fixtures/import/treaty.txt --rules FILE``.

The expected file holds the exit code, standard output and standard error (as in ``cli/``): the full
rendered diagnostic, with its location, message, source line, caret and hint.  Codes that no small file
can trigger are not here: E0001 (a path that does not exist), E0003 and E0506 (inputs over the size
limits; tests/syntax/test_limits.py and tests/importer/test_importer.py cover them), W0005 (a FIFO or a
device in a folder, which git cannot hold; tests/checking/test_corpus.py covers it).
"""

from __future__ import annotations

import pathlib

import golden_cli

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FOLDER = HERE / "diagnostics"
EXPECTED = ".expected"
RULES_INPUT = "tests/fixtures/import/treaty.txt"


def cases() -> list[pathlib.Path]:
    """Every input file, by name."""
    return sorted(p for p in FOLDER.iterdir() if p.is_file() and p.suffix != EXPECTED)


def code(source: pathlib.Path) -> str:
    """The code a case is named after."""
    return source.name[:5]


def expected_path(source: pathlib.Path) -> pathlib.Path:
    return source.with_name(source.name.split(".")[0] + EXPECTED)


def argv(source: pathlib.Path) -> list[str]:
    path = source.relative_to(ROOT).as_posix()
    if source.suffix in (".agr", ".norms", ".expect"):
        return ["check", path]
    if source.suffix == ".coding":
        return ["import", RULES_INPUT, "--rules", path]
    return ["import", path]


def run(source: pathlib.Path) -> str:
    """Exit code, standard output and standard error of the case's command, run from the repository root."""
    return golden_cli.run(argv(source))
