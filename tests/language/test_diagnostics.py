"""One failing example per diagnostic code: the code, line and column are right, and nothing raises."""

from __future__ import annotations

import pytest

import engine
from engine.language.diagnostics import CODES, render_text

from conftest import ROOT, run_cli

AGREEMENT = 'agreement x "X" {\n  parties JP KR\n  signed 2020-01-01\n%s\n}\n'

CASES = [
    # (code, source, line, column)
    ("E0101", "agreement x { kind fta; }\n", 1, 23),
    ("E0102", 'agreement x {\n  chapter "Title" { }\n}\n', 2, 11),
    ("E0103", "agreement x {\n  kind fta\n", 2, 11),
    ("E0104", 'agreement x "Title\n', 1, 13),
    ("E0201", AGREEMENT % '  article 1 {\n    topic cross-border-date\n  }', 5, 11),
    ("E0202", 'agreement x {\n  parties JP XX\n}\n', 2, 14),
    ("E0203", AGREEMENT % '  article 1 {\n    topic scope\n    exception public-polcy\n  }', 6, 15),
    ("E0204", AGREEMENT % '  article 1 {\n    topic scope\n    excludes finance\n  }', 6, 14),
    ("E0205", 'norms n {\n  norm m {\n    topic scope\n    require strenght at-least binding because "x"\n  }\n}\n',
     4, 13),
    ("E0206", 'agreement x {\n  status ratified\n}\n', 2, 10),
    ("E0207", 'agreement x {\n  signed 2020-02-30\n}\n', 2, 10),
    ("E0301", AGREEMENT % '  article 1 { topic scope }\n  article 1 { topic scope }', 5, 3),
    ("E0302", 'norms n {\n  norm m { topic scope }\n  norm m { topic scope }\n}\n', 3, 3),
    ("E0303", 'agreement x {\n  signed 2020-01-01\n  in-force 2019-01-01\n}\n', 3, 3),
    ("E0304", AGREEMENT % '  article 1 {\n    topic scope\n    transition US years 5\n  }', 6, 16),
    ("E0305", 'agreement x {\n  based-on nosuch\n}\n', 2, 12),
    ("E0306", 'agreement a {\n  based-on b\n}\nagreement b {\n  based-on a\n}\n', 2, 12),
    ("E0307", 'agreement d {\n  based-on rcep\n  amend article 99.9 { topic scope }\n}\n', 3, 17),
    ("E0308", 'agreement x {\n  signed 2020-01-01\n  signed 2020-01-02\n}\n', 3, 3),
    ("E0309", "expect rcep tpp9 met\n", 1, 13),
    ("E0310", 'agreement x {\n  amend article 1 { topic scope }\n}\n', 2, 3),
    ("W0401", AGREEMENT % '  article 1 { binding "shall" }', 4, 3),
    ("W0402", AGREEMENT % '  article 1 {\n    topic scope\n    binding\n  }', 6, 5),
]


def test_every_code_is_exercised_by_a_test():
    """Each code has a failing example here or in another test file."""
    import pathlib

    here = {c[0] for c in CASES}
    others = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    untested = [code for code in CODES if code not in here and f'"{code}"' not in others
                and f"[{code}]" not in others]
    assert untested == [], "add a failing example for each of these codes"


@pytest.mark.parametrize("code,source,line,column", CASES, ids=[c[0] for c in CASES])
def test_code_line_column(code, source, line, column, corpus):
    corpus = engine.Corpus.build(corpus.files + (engine.load_text(source, "case.agr"),))
    found = [d for d in corpus.diagnostics if d.code == code and d.span.file == "case.agr"]
    assert found, [(d.code, d.message) for d in corpus.diagnostics if d.span.file == "case.agr"]
    d = found[0]
    assert (d.span.line, d.span.column) == (line, column), render_text(d, {"case.agr": source})
    text = render_text(d, {"case.agr": source})
    assert text.startswith(f"case.agr:{line}:{column}: {d.severity}[{code}]: ")
    assert "^" in text and "= help:" in text


def test_several_errors_in_one_file_are_all_reported(tmp_path):
    bad = tmp_path / "bad.agr"
    bad.write_text('agreement x {\n  parties JP XX\n  status ratified\n  article 1 {\n    topic nonsense\n  }\n}\n',
                   encoding="utf-8")
    code, out, err = run_cli("check", "--no-bundled", str(bad))
    assert code == 2
    assert "error[E0202]" in err and "error[E0206]" in err and "error[E0201]" in err
    assert "Traceback" not in err + out


def test_several_syntax_errors_are_reported():
    r = engine.load_text('agreement x {\n  kind fta;\n  status in-force;\n}\n', "s.agr")
    assert [d.code for d in r.diagnostics] == ["E0101", "E0101"]
    assert [d.span.line for d in r.diagnostics] == [2, 3]


def test_unreadable_and_binary_files(tmp_path):
    latin = tmp_path / "latin.agr"
    latin.write_bytes('agreement x "Zürich" { }\n'.encode("latin-1"))
    nul = tmp_path / "nul.agr"
    nul.write_bytes(b"agreement x {\x00}\n")
    code, out, err = run_cli("check", "--no-bundled", str(latin), str(nul), str(tmp_path / "missing.agr"))
    assert code == 2
    assert "error[E0002]" in err and "latin.agr:1:15" in err
    assert "error[E0101]" in err and "NUL" in err
    assert "error[E0001]" in err


def test_json_diagnostics(tmp_path):
    import json

    bad = tmp_path / "bad.agr"
    bad.write_text("agreement x {\n  status ratified\n}\n", encoding="utf-8")
    code, out, err = run_cli("check", "--no-bundled", "--format", "json", str(bad))
    assert code == 2
    data = json.loads(out)
    assert data[0]["code"] == "E0206" and data[0]["line"] == 2 and data[0]["column"] == 10
    assert "did you mean" in data[0]["hint"] or "known" in data[0]["hint"]


def test_did_you_mean_for_keywords():
    r = engine.load_text("agreement x {\n  bindng\n}\n", "k.agr")
    assert r.diagnostics[0].code == "E0102"
    assert "did you mean `kind`" in r.diagnostics[0].hint or "binding" not in r.diagnostics[0].hint


def test_docs_list_every_code_with_an_example():
    import pathlib

    from engine.language.diagnostics import codes_markdown

    doc = ROOT / "docs" / "diagnostics.md"
    assert doc.read_text(encoding="utf-8") == codes_markdown(), \
        "regenerate docs/diagnostics.md from engine.diagnostics.codes_markdown()"
