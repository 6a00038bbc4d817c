"""The VS Code extension folder: a language for the three suffixes, a TextMate grammar in step with the
language (every keyword and vocabulary word, every corpus file covered), and the server it starts."""

from __future__ import annotations

import json
import pathlib
import re

import pytest

from engine.language import vocab as V
from engine.syntax.keywords import keywords

ROOT = pathlib.Path(__file__).resolve().parents[2]
FOLDER = ROOT / "editors" / "vscode"
GRAMMAR = json.loads((FOLDER / "syntaxes" / "tradegap.tmLanguage.json").read_text(encoding="utf-8"))
CORPUS = sorted(p for folder in ("agreements", "rules", "examples") for p in (ROOT / folder).iterdir()
                if p.suffix in (".agr", ".norms", ".expect"))


def _patterns() -> list[tuple[str, re.Pattern]]:
    """The grammar's top-level patterns in order, as Python regexes (a string: from `"` to its end)."""
    out = []
    for include in GRAMMAR["patterns"]:
        rule = GRAMMAR["repository"][include["include"].lstrip("#")]
        source = rule.get("match") or r'"(?:[^"\\]|\\.)*(?:"|$)'
        out.append((rule["name"], re.compile(source)))
    return out


def test_the_extension_contributes_the_language_grammar_and_server():
    package = json.loads((FOLDER / "package.json").read_text(encoding="utf-8"))
    (language,) = package["contributes"]["languages"]
    assert language["extensions"] == [".agr", ".norms", ".expect"]
    (grammar,) = package["contributes"]["grammars"]
    assert (FOLDER / grammar["path"]).is_file() and grammar["scopeName"] == GRAMMAR["scopeName"]
    assert (FOLDER / language["configuration"]).is_file()
    assert "vscode-languageclient" in package["dependencies"]
    main = (FOLDER / package["main"]).read_text(encoding="utf-8")
    assert 'args: ["lsp"]' in main and 'config.get("path", "tradegap")' in main
    assert package["contributes"]["configuration"]["properties"]["tradegap.norms"]["default"] == ["tpp3"]


def test_every_keyword_and_vocabulary_word_has_its_colour():
    text = {name: GRAMMAR["repository"][name]["match"] for name in ("block", "operator", "keyword", "vocabulary")}
    words = set(re.findall(r"[a-z][a-z0-9-]*", text["block"] + "|" + text["operator"] + "|" + text["keyword"]))
    assert set(keywords()) <= words
    vocabulary = set(re.findall(r"[a-z][a-z0-9-]*", text["vocabulary"]))
    assert {*V.TOPICS, *V.EXCEPTION_QUALIFIERS, *V.EXCEPTION_KINDS, *V.STATUSES, *V.PARTS} <= vocabulary


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_every_character_of_every_corpus_file_is_covered(path):
    patterns = _patterns()
    uncovered = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        pos = 0
        while pos < len(line):
            if line[pos].isspace():
                pos += 1
                continue
            found = next((m for _, p in patterns if (m := p.match(line, pos)) and m.end() > pos), None)
            if found is None:
                uncovered.append((number, pos + 1, line[pos]))
                pos += 1
            else:
                pos = found.end()
    assert uncovered == []
