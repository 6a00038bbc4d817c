"""Every diagnostic code a file can trigger, rendered in full (tests/golden/diagnostics/).

Each input beside its expected output: the location, message, source line, caret and hint of every
problem found, and the exit code.  The inputs of E01xx-E03xx and W04xx are the examples whose line and
column were checked by hand when the golden files were first written.  After a deliberate change to a
message: ``python tests/golden/regen.py diagnostics``, then read the diff.
"""

from __future__ import annotations

import pathlib

import pytest

from engine.language.diagnostics import CODES

import golden_diagnostics  # tests/golden/, on the path (pyproject.toml: pythonpath)

CASES = golden_diagnostics.cases()
NOT_FROM_A_SMALL_FILE = {"E0001", "E0003", "E0506", "W0005"}  # a missing path; inputs over the size limits; a FIFO


@pytest.mark.parametrize("source", CASES, ids=[p.name for p in CASES])
def test_the_rendered_diagnostics_are_the_golden_ones(source: pathlib.Path) -> None:
    expected = golden_diagnostics.expected_path(source).read_text(encoding="utf-8")
    assert f"[{golden_diagnostics.code(source)}]: " in expected  # the case shows the code it is named after
    assert golden_diagnostics.run(source) == expected


def test_every_code_a_file_can_trigger_has_a_case():
    assert {golden_diagnostics.code(p) for p in CASES} == set(CODES) - NOT_FROM_A_SMALL_FILE


def test_every_input_has_its_golden_file_and_no_golden_file_is_orphaned():
    expected = sorted(golden_diagnostics.FOLDER.glob("*" + golden_diagnostics.EXPECTED))
    assert sorted(golden_diagnostics.expected_path(p) for p in CASES) == expected
