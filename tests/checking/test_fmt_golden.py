"""The formatter's golden files (tests/golden/fmt/): input beside its canonical form, as OPA keeps them.

Each input formats byte for byte to ``NAME.EXT.formatted``; the formatted text formats to itself and
means what the input meant (same document, same comments).  After a deliberate change to the layout:
``python tests/golden/regen.py fmt``, then read the diff.
"""

from __future__ import annotations

import pathlib

import pytest

from conftest import ROOT
from engine.syntax.parse import parse_text
import golden_fmt  # tests/golden/, on the path (pyproject.toml: pythonpath)

CASES = golden_fmt.cases()


def test_the_cases_cover_every_kind_of_block():
    words = {line.split()[0] for source in CASES
             for line in source.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert {"agreement", "chapter", "article", "amend", "omit", "norms", "norm", "expect", "#"} <= words
    assert len(CASES) >= 12


@pytest.mark.parametrize("source", CASES, ids=[p.name for p in CASES])
def test_the_input_formats_to_its_golden_file(source: pathlib.Path) -> None:
    assert golden_fmt.run(source) == golden_fmt.expected_path(source).read_text(encoding="utf-8")


@pytest.mark.parametrize("source", CASES, ids=[p.name for p in CASES])
def test_the_golden_file_is_a_fixpoint_with_the_same_meaning(source: pathlib.Path) -> None:
    expected = golden_fmt.expected_path(source)
    assert golden_fmt.run(expected) == expected.read_text(encoding="utf-8")
    before = parse_text(source.read_text(encoding="utf-8"), golden_fmt.display(source)).document
    after = parse_text(expected.read_text(encoding="utf-8"), golden_fmt.display(source)).document
    assert after is not None and after == before
    assert sorted(c.text for c in after.comments) == sorted(c.text for c in before.comments)


def test_every_input_has_its_golden_file_and_no_golden_file_is_orphaned():
    folder = ROOT / "tests" / "golden" / "fmt"
    assert sorted(golden_fmt.expected_path(p) for p in CASES) == sorted(folder.glob("*" + golden_fmt.SUFFIX))
