"""`to_source` guarantees its own output: the text parses, and validates when given the validator."""

from __future__ import annotations

import pathlib
import shutil

import attrs
import pytest

from engine.checking.validate import validate
from engine.errors import InvalidInput, TradegapError
from engine.importer import GeneratedSourceError, ImportResult, import_file, to_source

from conftest import run_cli

FIX = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "import"


@pytest.fixture(scope="module")
def mini() -> ImportResult:
    return import_file(str(FIX / "mini_tota.xml"))


def test_good_import_is_returned_with_its_header(mini):
    text = to_source(mini, "draft.agr", validate)
    assert text.startswith("# Imported from mini_tota.xml by `tradegap import` (tota).\n")
    assert text == to_source(mini)  # checking does not change the text


def test_text_that_does_not_parse_is_refused(mini):
    broken = attrs.evolve(mini, agreement=attrs.evolve(mini.agreement, id="Not An Id"))
    with pytest.raises(GeneratedSourceError) as info:
        to_source(broken, "draft.agr")
    exc = info.value
    assert isinstance(exc, InvalidInput) and isinstance(exc, TradegapError)
    assert exc.diagnostics and all(d.span.file == "draft.agr" for d in exc.diagnostics)
    assert "agreement Not An Id" in exc.text and exc.path == "draft.agr"
    assert "bug in tradegap" in exc.hint


def test_validation_errors_are_refused_only_with_the_validator(mini):
    odd = attrs.evolve(mini, agreement=attrs.evolve(mini.agreement, source="my file.xml"))
    assert "my file.xml" in to_source(odd)  # it parses: without a validator that is all that is checked
    with pytest.raises(GeneratedSourceError) as info:
        to_source(odd, validate=validate)
    assert [d.code for d in info.value.diagnostics] == ["E0311"]
    assert info.value.diagnostics[0].span.file == "<output>"


def test_nothing_imported_is_a_usage_error():
    empty = ImportResult("x.xml", "tota", None)
    with pytest.raises(ValueError, match="nothing was imported"):
        to_source(empty)


def test_cli_exits_3_and_writes_nothing_when_the_output_does_not_check(tmp_path):
    # a file name the language's `source` cannot hold: the generated text does not validate
    odd = tmp_path / "my file.xml"
    shutil.copy(FIX / "mini_tota.xml", odd)
    out = tmp_path / "out" / "draft.agr"
    out.parent.mkdir()
    status, stdout, stderr = run_cli("import", str(odd), "-o", str(out))
    assert (status, stdout) == (3, "")
    assert f"{out}:11:3: error[E0311]" in stderr
    assert stderr.endswith("tradegap: internal error: the import does not check as tradegap source; nothing written\n"
                           "  = help: this is a bug in tradegap; please report it with the file imported\n")
    assert list(out.parent.iterdir()) == []
