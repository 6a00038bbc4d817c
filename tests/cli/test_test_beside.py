"""`tradegap test X.expect` finds the draft beside it."""

from __future__ import annotations

from conftest import run_cli

DRAFT = 'agreement mydraft "D" {\n  based-on ksdpa\n  status draft\n  parties KR SG\n}\n'


def test_an_expectation_file_finds_the_draft_of_its_name_beside_it(tmp_path):
    (tmp_path / "mydraft.agr").write_text(DRAFT, encoding="utf-8")
    expect = tmp_path / "mydraft.expect"
    expect.write_text("expect mydraft tpp3.data-flows met as-of 2026-11-27\n", encoding="utf-8")
    code, out, err = run_cli("test", str(expect), "-v")
    assert (code, err) == (0, "")
    assert out.endswith("expectations: 1 held, 0 failed\n")


def test_without_the_draft_beside_it_the_unknown_agreement_is_reported(tmp_path):
    expect = tmp_path / "other.expect"
    expect.write_text("expect mydraft tpp3.data-flows met\n", encoding="utf-8")
    code, out, err = run_cli("test", str(expect))
    assert code == 2 and "unknown agreement `mydraft`" in err
