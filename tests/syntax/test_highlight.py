"""The Pygments lexer: every corpus file highlights without an error token; Pygments finds it by name."""

import pathlib
import subprocess
import sys

import pytest
from pygments.token import Error, Keyword, Name, String

from engine.syntax.highlight import TradegapLexer

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = sorted(p for folder in ("agreements", "rules", "examples") for p in (ROOT / folder).iterdir()
                if p.suffix in (".agr", ".norms", ".expect"))


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_every_corpus_file_highlights_without_an_error_token(path):
    tokens = list(TradegapLexer().get_tokens(path.read_text(encoding="utf-8")))
    assert [value for kind, value in tokens if kind in Error] == []
    assert "".join(value for _, value in tokens).rstrip("\n") == path.read_text(encoding="utf-8").rstrip("\n")


def test_words_are_told_apart():
    tokens = dict((value, kind) for kind, value in TradegapLexer().get_tokens(
        'agreement d { based-on cptpp  exception public-policy self-judging "x"  parties KR JPN }'))
    assert tokens["agreement"] in Keyword and tokens["based-on"] in Keyword
    assert tokens["self-judging"] is Name.Constant and tokens["cptpp"] is Name
    assert tokens["KR"] is Name.Label and tokens['"x"'] in String


def test_a_stray_character_is_an_error_token():
    assert (Error, ";") in list(TradegapLexer().get_tokens("agreement x { kind fta; }"))


def test_pygmentize_uses_the_lexer_and_pyproject_registers_it():
    done = subprocess.run([sys.executable, "-m", "pygments", "-x", "-l",
                           f"{ROOT / 'engine/syntax/highlight.py'}:TradegapLexer", "-f", "html",
                           str(ROOT / "examples" / "kjdpa.agr")], capture_output=True, text=True, check=True)
    assert '<span class="k">based-on</span>' in done.stdout
    assert '[project.entry-points."pygments.lexers"]\ntradegap = "engine.syntax.highlight:TradegapLexer"' in \
        (ROOT / "pyproject.toml").read_text(encoding="utf-8")
