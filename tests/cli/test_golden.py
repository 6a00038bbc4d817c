"""Every command's output, in every format, on the bundled corpus, byte for byte (tests/golden/cli/)."""

from __future__ import annotations

import pytest

import golden_cli  # tests/golden/, on the path (pyproject.toml: pythonpath)


@pytest.mark.parametrize("name,argv", golden_cli.cases(), ids=[n for n, _ in golden_cli.cases()])
def test_golden(name, argv):
    expected = golden_cli.expected_path(name).read_text(encoding="utf-8")
    assert golden_cli.run(argv) == expected
