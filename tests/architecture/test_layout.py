"""The house rules that keep the rooms readable, checked on the source (issue "Rooms").

- the import contract (.importlinter): arrows run only down the pipeline, no cycle;
- no function in engine/ longer than 60 lines;
- no grade, strength or mode word written as a string literal outside the vocabulary module;
- no diagnostic code written as a literal outside the code registry;
- a small public API: at most 15 names, each documented with what it returns.
"""

from __future__ import annotations

import ast
import pathlib
import shutil
import subprocess

import pytest

import engine
from engine.language import vocab as V

from conftest import ROOT

ENGINE = pathlib.Path(engine.__file__).resolve().parent
SOURCES = sorted(p for p in ENGINE.rglob("*.py"))
MAX_FUNCTION_LINES = 60


def _tree(path: pathlib.Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def test_the_import_contract_holds():
    if shutil.which("lint-imports") is None:
        pytest.skip("import-linter is in the test extras: pip install '.[test]'")
    done = subprocess.run(["lint-imports", "--config", str(ROOT / ".importlinter")], capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_no_function_is_longer_than_60_lines():
    long = []
    for path in SOURCES:
        for node in ast.walk(_tree(path)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ENGINE)}:{node.lineno} {node.name} ({length} lines)")
    assert long == []


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string constants that are docstrings (they may use the words in prose)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def test_no_vocabulary_word_is_spelled_as_a_literal_outside_the_vocabulary():
    words = {str(w) for vocab in (V.Grade, V.Strength, V.DsMode, V.ScopeMode) for w in vocab}
    found = []
    for path in SOURCES:
        if path.name == "vocab.py":
            continue
        tree = _tree(path)
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in words and id(node) not in docs:
                found.append(f"{path.relative_to(ENGINE)}:{node.lineno} {node.value!r}")
    assert found == []


def test_no_diagnostic_code_is_written_outside_the_registry():
    import re

    code = re.compile(r"^[EW]\d{4}$")
    found = []
    for path in SOURCES:
        if path.name == "codes.py":
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and code.match(node.value):
                found.append(f"{path.relative_to(ENGINE)}:{node.lineno} {node.value}")
    assert found == []


def test_the_public_api_is_small_and_documented():
    assert len(engine.__all__) <= 15
    for name in engine.__all__:
        obj = getattr(engine, name)
        doc = obj.__doc__ or ""
        assert doc.strip(), f"engine.{name} has no docstring"
        if callable(obj) and not isinstance(obj, type):
            assert "Returns:" in doc and "Args:" in doc, f"engine.{name}: say what it takes and returns"
