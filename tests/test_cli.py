"""The command line: every format, exit codes, usage errors answered without tracebacks."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli


def _schema():
    return json.loads((ROOT / "engine" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def test_report_text_names_articles_and_reasons():
    code, out, err = run_cli("report", "rcep", "--norms", "tpp3", "--as-of", "2026-11-27")
    assert code == 0, err
    assert "as of 2026-11-27" in out and "tpp3 1.0" in out and "tradegap 0.1.0" in out
    assert "tpp3.data-flows: PARTIAL (Art. 12.15)" in out
    assert "tpp3.source-code: UNMET" in out and "No article addresses" in out
    assert "dispute settlement is excluded" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_report_json_validates_against_the_shipped_schema():
    jsonschema = pytest.importorskip("jsonschema")
    code, out, err = run_cli("report", "rcep", "cptpp", "--norms", "tpp3", "digital-core", "--format", "json",
                             "--as-of", "2026-11-27", "--party", "JP")
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, _schema())
    assert data["schema"] == {"name": "tradegap.report", "version": "2.0"}
    assert data["as_of"] == "2026-11-27" and data["party"] == "JP"
    f = next(x for x in data["findings"] if x["agreement"] == "rcep" and x["norm"] == "tpp3.data-flows")
    assert f["grade"] == "partial" and f["reasons"] and f["evidence"][0]["verification"] == "text"


def test_schema_rejects_a_wrong_report():
    jsonschema = pytest.importorskip("jsonschema")
    code, out, _ = run_cli("report", "rcep", "--norms", "tpp3", "--format", "json")
    data = json.loads(out)
    data["findings"][0]["grade"] = "excellent"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, _schema())


def test_report_markdown_and_csv():
    code, out, _ = run_cli("report", "rcep", "--norms", "tpp3", "--format", "markdown")
    assert code == 0 and out.startswith("# Gap report")
    assert re.search(r"\| tpp3\.data-flows \| \*~ partial( \d+)?\* \| 12\.15 \|", out)
    code, out, _ = run_cli("report", "rcep", "--norms", "tpp3", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["grade"] for r in rows] == ["partial", "partial", "unmet"]
    assert rows[0]["article"] == "12.15"


def test_report_a_file_path_and_fail_on():
    draft = str(ROOT / "examples" / "kjdpa.agr")
    code, out, err = run_cli("report", draft, "--norms", "tpp3", "--fail-on", "partial", "--as-of", "2026-11-27")
    assert code == 0, out + err
    code, _, _ = run_cli("report", "rcep", "--norms", "tpp3", "--fail-on", "partial")
    assert code == 1
    code, _, _ = run_cli("report", "rcep", "--norms", "tpp3", "--fail-on", "unmet")
    assert code == 1
    code, _, _ = run_cli("report", "cptpp", "--norms", "tpp3", "--fail-on", "unmet", "--as-of", "2026-11-27")
    assert code == 0


@pytest.mark.parametrize("args,message", [
    (("report", "rcpe", "--norms", "tpp3"), "did you mean `rcep`"),
    (("report", "rcep", "--norms", "tpp9"), "unknown norm set `tpp9`"),
    (("report", "rcep", "--as-of", "2026-13-01"), "is not a date"),
    (("report", "rcep", "--party", "XX"), "is not an ISO 3166-1 code"),
    (("report", "missing/file.agr"), "no such file"),
    (("explain", "rcep", "tpp3"), "SET.NORM"),
    (("explain", "rcep", "tpp3.data-flow"), "did you mean `data-flows`"),
])
def test_usage_errors_exit_2_with_a_hint(args, message):
    code, out, err = run_cli(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_argparse_errors_exit_2():
    code, _, err = run_cli("report")
    assert code == 2 and "usage:" in err
    code, _, err = run_cli("nonsense")
    assert code == 2


def test_explain_text_and_json():
    code, out, err = run_cli("explain", "rcep", "tpp3.data-flows", "--as-of", "2026-11-27")
    assert code == 0, err
    assert "[best] Art. 12.15" in out and "FAILED require enforceable" in out
    assert "agreements/rcep.agr:" in out
    code, out, _ = run_cli("explain", "rcep", "tpp3.data-flows", "--format", "json")
    data = json.loads(out)
    assert data["schema"]["name"] == "tradegap.explanation"
    assert data["candidates"][0]["checks"][0]["steps"][0]["line"] > 0


def test_test_command_passes_and_fails(tmp_path):
    code, out, err = run_cli("test", str(ROOT / "examples"), str(ROOT / "tests" / "conformance"))
    assert code == 0, out + err
    assert ", 0 failed" in out
    wrong = tmp_path / "wrong.expect"
    wrong.write_text("expect rcep tpp3.source-code met as-of 2026-11-27\n", encoding="utf-8")
    code, out, _ = run_cli("test", str(wrong))
    assert code == 1
    assert "FAIL" in out and "rcep tpp3.source-code is unmet" in out
    bad = tmp_path / "bad.expect"
    bad.write_text("expect rcep tpp3.source-cod met\n", encoding="utf-8")
    code, _, err = run_cli("test", str(bad))
    assert code == 2 and "error[E0309]" in err


def test_list_commands():
    code, out, _ = run_cli("list", "agreements")
    assert code == 0 and "rcep" in out and "cptpp" in out
    code, out, _ = run_cli("list", "norms")
    assert "tpp3.data-flows" in out
    code, out, _ = run_cli("list", "topics")
    assert "cross-border-data" in out
    code, out, _ = run_cli("list", "codes")
    assert "E0102" in out


def test_fmt_prints_checks_and_writes(tmp_path):
    messy = tmp_path / "messy.agr"
    messy.write_text('agreement   x "X"{\nkind fta   # why\n parties JP   KR}\n', encoding="utf-8")
    code, out, _ = run_cli("fmt", str(messy))
    assert code == 0 and out == 'agreement x "X" {\n  kind     fta  # why\n  parties  JP KR\n}\n'
    code, out, _ = run_cli("fmt", "--check", str(messy))
    assert code == 1 and "would reformat" in out
    code, _, _ = run_cli("fmt", "--write", str(messy))
    assert code == 0 and messy.read_text(encoding="utf-8").startswith('agreement x "X" {')
    code, _, _ = run_cli("fmt", "--check", str(messy))
    assert code == 0


def test_fmt_never_touches_a_file_that_does_not_parse(tmp_path):
    broken = tmp_path / "broken.agr"
    original = 'agreement x {\n  kind fta\n'
    broken.write_text(original, encoding="utf-8")
    code, _, err = run_cli("fmt", "--write", str(broken))
    assert code == 2 and "error[E0103]" in err
    assert broken.read_text(encoding="utf-8") == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.agr"]


def test_python_dash_m_engine_and_help():
    proc = subprocess.run([sys.executable, "-m", "engine", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0
    for command in ("report", "explain", "compare", "diff", "pair", "test", "check", "fmt", "list", "import"):
        assert command in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "engine", "report", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "examples:" in proc.stdout
