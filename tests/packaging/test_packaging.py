"""The wheel carries the grammars, the norm sets and the agreements inside the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_wheel_contains_grammars_rules_and_agreements(tmp_path):
    pytest.importorskip("build")
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, symlinks=True,
                    ignore=shutil.ignore_patterns(".git", "*.egg-info", "build", "dist", "__pycache__",
                                                  ".hypothesis", ".pytest_cache"))
    home = tmp_path / "home"  # the build tools' own settings and caches land here, not in the user's home
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    proc = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(tmp_path / "dist"),
                           str(src)], capture_output=True, text=True, env=env)
    if proc.returncode != 0 and "setuptools" in proc.stderr + proc.stdout:
        proc = subprocess.run([sys.executable, "-m", "build", "--wheel", "-o", str(tmp_path / "dist"), str(src)],
                              capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "engine/syntax/grammar/tradegap.lark" in names
    assert "engine/importer/coding.lark" in names and "engine/py.typed" in names
    assert "engine/schemas/report.schema.json" in names
    for folder, suffix in (("agreements", ".agr"), ("rules", ".norms")):
        shipped = {p.name for p in (ROOT / folder).glob("*" + suffix)}
        assert shipped and {f"engine/{folder}/{n}" for n in shipped} <= names
    assert "engine/cli/report.py" in names and "engine/rendering/html.py" in names


def test_installed_package_finds_its_data_through_importlib_resources():
    import importlib.resources

    root = importlib.resources.files("engine")
    assert (root / "syntax" / "grammar" / "tradegap.lark").is_file()
    assert (root / "rules" / "tpp3.norms").is_file()
    assert (root / "agreements" / "rcep.agr").is_file()
