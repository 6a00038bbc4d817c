"""The parse's fast path against lark: the same documents, spans, comments and diagnostics.

:func:`engine.syntax.parse.parse_text` takes the fast path (:mod:`engine.syntax.fastparse`) and lets
lark parse whatever it refuses; ``_with_lark`` is lark alone.  Both must give the same result, span
for span, on every file of the repository, a generated megabyte and the fuzzing campaign's inputs,
and the fast path must take every valid file of the corpus.
"""

from __future__ import annotations

import enum
import importlib.util
import os
import random
import re
from typing import Any

import attrs
import pytest

import conftest
from engine.syntax import fastparse
from engine.syntax.parse import _parser, _with_lark, parse_text

ROOT = conftest.ROOT
SUFFIXES = (".agr", ".norms", ".expect")


def _shape(x: Any) -> Any:
    """Everything a parse result holds, spans and other fields left out of ``==`` included."""
    if attrs.has(type(x)):
        return (type(x).__name__, tuple(_shape(getattr(x, f.name)) for f in attrs.fields(type(x))))
    if isinstance(x, (tuple, list)):
        return tuple(_shape(y) for y in x)
    if isinstance(x, enum.Enum):
        return (type(x).__name__, x.value)
    return (type(x).__name__, x)


def _same(text: str, path: str = "t.agr") -> bool:
    """Whether the parse and lark's alone agree on ``text``; True when the fast path took it."""
    ours, lark = parse_text(text, path), _with_lark(_parser(), text, path)
    assert _shape(ours) == _shape(lark), path
    try:
        fastparse.parse(_parser().lark, text)
    except fastparse.Refused:
        return False
    return True


def _files() -> list[str]:
    out = []
    for folder, _, names in os.walk(ROOT):
        if ".git" in folder or "__pycache__" in folder:
            continue
        out += [os.path.join(folder, n) for n in names if n.endswith(SUFFIXES)]
    return sorted(out)


def test_every_file_of_the_repository_parses_alike_and_the_valid_ones_take_the_fast_path():
    files = _files()
    assert len(files) > 50
    taken = {f: _same(open(f, encoding="utf-8", errors="surrogateescape").read(), os.path.relpath(f, ROOT))
             for f in files}
    for f in _files():
        if f.startswith(str(ROOT / "agreements")) or f.startswith(str(ROOT / "rules")):
            assert taken[f], f


def test_a_generated_megabyte_parses_alike_on_the_fast_path():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "agreements").glob("*.agr"))]
    parts, size = [], 0
    while size < 1_000_000:
        i = len(parts)
        parts.append(re.sub(r"^agreement [a-z0-9-]+", f"agreement gen{i}", texts[i % len(texts)], count=1, flags=re.M))
        size += len(parts[-1]) + 1
    assert _same("\n".join(parts), "generated.agr") and len(parts) > 50


@pytest.mark.parametrize("count", [fastparse._CHUNK // 3 - 1, fastparse._CHUNK // 3, 2 * fastparse._CHUNK // 3 + 1])
def test_comments_past_a_chunk_of_the_table_come_out_whole_and_in_order(count):
    text = "".join(f"# c{i}\n" if i % 2 else f"agreement a{i} {{ # c{i}\n}}\n" for i in range(count))
    assert _same(text)
    comments = parse_text(text, "t.agr").document.comments
    assert [c.text for c in comments] == [f"# c{i}" for i in range(count)]
    assert [(c.line, c.column) for c in comments] == [(1 + i + (i + 1) // 2, 1 if i % 2 else 15 + len(str(i)))
                                                      for i in range(count)]


def _fuzz() -> Any:
    spec = importlib.util.spec_from_file_location("tradegap_fuzz", os.path.join(ROOT, "benchmarks", "fuzz.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("count", [400, pytest.param(3000, marks=pytest.mark.slow)])
def test_fuzzed_inputs_parse_alike(count):
    fuzz = _fuzz()
    seeds = fuzz.seed_files(str(ROOT))
    gen = fuzz.GrammarGen(["rcep", "cptpp"])
    taken = refused = 0
    for i in range(count):
        data = fuzz.make_input(7, i, seeds, gen).data
        text = data if isinstance(data, str) else data.decode("utf-8", "replace")
        if _same(text, "fuzz.agr"):
            taken += 1
        else:
            refused += 1
    assert taken > count // 5 and refused > count // 5  # both paths were exercised


def test_what_the_fast_path_refuses_lark_answers_with_its_diagnostics():
    text = 'agreement a {\n  parties JP KR\n  kind ! bilateral\n}\n'
    with pytest.raises(fastparse.Refused):
        fastparse.parse(_parser().lark, text)
    result = parse_text(text, "bad.agr")
    assert result.document is None and result.diagnostics and result.diagnostics[0].span.line == 3


@pytest.mark.parametrize("text,taken", [
    ("expect rcep tpp3.data-flows met score 20..60\n", True),  # a NUMBER where only an INT fits: an INT
    ("norms n {\n  norm part {\n    topic part\n  }\n}\n", True),  # keywords where a NAME fits: NAMEs
    ("agreement a {\n  article 1 {\n    transition VN years 5a\n  }\n}\n", False),  # not all INT: lark's
    ("expect rcep tpp3.data-flows met score 2.5..60\n", False),
    ('# lead  \r\nagreement a "t # not a comment" {  # trailing \t \r\n}\n#', True),  # comments, kept
])
def test_the_contextual_lexers_choices_are_made_from_the_table(text, taken):
    assert _same(text) is taken


def test_random_keyword_soup_parses_alike():
    rnd = random.Random(3)
    words = ["agreement", "a", "{", "}", "article", "1", "topic", "part", "norms", "norm", "require", "not", "(",
             ")", "and", "or", "because", '"x"', "expect", ".", "..", "5", "2020-01-01", "JP", "#c\n", "\n"]
    for _ in range(300):
        _same(" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 30))))
