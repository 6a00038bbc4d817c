"""The README's Python example runs as written (from the repository root), so the docs cannot drift."""

from __future__ import annotations

import contextlib
import io
import os
import re

from conftest import ROOT


def test_the_readme_library_example_runs():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, "the README shows the library in a ```python block"
    old, out = os.getcwd(), io.StringIO()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            for block in blocks:
                exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(old)
    printed = out.getvalue()
    assert "# Gap report" in printed and "tpp3.data-flows" in printed
    assert "ksdpa -> kjdpa" in printed
