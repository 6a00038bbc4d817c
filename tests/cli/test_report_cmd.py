"""`tradegap report`: every format, the shipped JSON schema, --fail-on, --suggest, and -o written atomically."""

from __future__ import annotations

import re

import csv
import io
import json
import os
import shutil

import pytest

from conftest import ROOT, run_cli
from engine.cli import main


class Boom(Exception):
    pass


def _raise(*args, **kwargs):
    raise Boom("interrupted")


def _schema():
    return json.loads((ROOT / "engine" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def test_report_text_names_articles_and_reasons():
    code, out, err = run_cli("report", "rcep", "--norms", "tpp3", "--as-of", "2026-11-27")
    assert code == 0, err
    assert "as of 2026-11-27" in out and "tpp3 1.1" in out and "tradegap 0.1.0" in out
    assert "tpp3.data-flows: PARTIAL 40 (Art. 12.15) [text]" in out
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
    assert data["schema"] == {"name": "tradegap.report", "version": "2.1"}
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


def test_report_suggest():
    code, out, err = run_cli("report", "rcep", "--norms", "tpp3", "--as-of", "2026-01-01", "--suggest")
    assert code == 0, err
    assert "precedents:" in out and "(cptpp), Art. 14.11" in out and 'article 14.13 "Location of Computing' in out
    code, out, err = run_cli("report", "rcep", "--norms", "tpp3", "--as-of", "2026-01-01", "--suggest", "-f", "json")
    assert code == 0, err
    data = json.loads(out)  # one JSON document: the report with its precedents
    assert [s["norm"] for s in data["precedents"]] == ["tpp3.data-flows", "tpp3.computing-facilities",
                                                       "tpp3.source-code"]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "engine" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


@pytest.mark.parametrize("fmt, marker", [("markdown", "## Precedents"), ("csv", "precedent_agreement"),
                                         ("html", 'id="precedents"')])
def test_report_suggest_formats(fmt, marker):
    code, out, err = run_cli("report", "rcep", "--norms", "tpp3", "--as-of", "2026-01-01", "--suggest", "-f", fmt)
    assert code == 0, err
    assert marker in out
    if fmt == "html":
        assert out.count("<html") == 1 and out.rstrip().endswith("</html>")


def test_report_output_is_written_atomically(tmp_path, monkeypatch, capsys):
    out = tmp_path / "report.json"
    out.write_text("previous report")
    monkeypatch.setattr(os, "replace", _raise)
    assert main(["report", "rcep", "--norms", "tpp3", "--format", "json", "-o", str(out)]) == 3
    assert out.read_text() == "previous report" and os.listdir(tmp_path) == ["report.json"]
    monkeypatch.undo()
    assert main(["report", "rcep", "--norms", "tpp3", "--format", "json", "-o", str(out)]) == 0
    assert out.read_text().startswith("{") and os.listdir(tmp_path) == ["report.json"]


@pytest.mark.parametrize("ref, path, cwd", [("./ex/kjdpa.agr", "ex/", "."), ("kjdpa.agr", ".", "ex")])
def test_a_file_inside_a_path_folder_is_found_however_it_is_spelled(tmp_path, ref, path, cwd):
    (tmp_path / "ex").mkdir()
    shutil.copy(ROOT / "examples" / "kjdpa.agr", tmp_path / "ex" / "kjdpa.agr")
    code, out, err = run_cli("report", ref, "--path", path, "--norms", "tpp3", cwd=str(tmp_path / cwd))
    assert code == 0 and err == "" and "kjdpa" in out
