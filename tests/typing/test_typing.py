"""What a type checker sees of the public API: real types, no ``Any`` (attrs tests its typing the same way)."""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent

pytest.importorskip("mypy", reason="mypy is in the test extras: pip install '.[test]'")


def mypy(tmp_path: pathlib.Path, *args: str) -> subprocess.CompletedProcess[str]:
    import os

    import engine

    env = dict(os.environ)
    root = pathlib.Path(engine.__file__).resolve().parent.parent
    if "-packages" not in root.name:  # an editable install: mypy cannot follow setuptools' import hook
        env["MYPYPATH"] = str(root)
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary",
                           "--show-error-codes", "--cache-dir", str(tmp_path / "cache"), *args],
                          capture_output=True, text=True, cwd=HERE, env=env)


def test_a_client_of_the_api_type_checks_without_any(tmp_path):
    done = mypy(tmp_path, "--disallow-any-expr", "api_client.py")
    assert done.returncode == 0, done.stdout + done.stderr


def test_misuses_of_the_api_are_caught(tmp_path):
    expected = {(n, m.group(1)) for n, line in enumerate((HERE / "api_misuse.py").read_text().splitlines(), 1)
                for m in [re.search(r"# E: ([\w-]+)$", line)] if m}
    done = mypy(tmp_path, "api_misuse.py")
    found = {(int(m.group(1)), m.group(2)) for m in re.finditer(r"api_misuse\.py:(\d+): error: .*\[([\w-]+)\]",
                                                                 done.stdout)}
    assert found == expected, done.stdout
