"""Issue 13 at the command line: countries by name, ids in any case, --all, search, listings for tools,
the docx memo (to a file only), and what a narrow console or a misplaced id no longer breaks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli
from engine.cli.console import Console, ascii_symbols, console

DAY = "2026-11-27"


def test_a_country_by_name_or_alpha_3_lists_the_same_agreements_as_json():
    lists = [run_cli("list", "agreements", "--party", who, "--as-of", DAY, "--format", "json")
             for who in ("Japan", "JPN", "jp")]
    assert all(code == 0 for code, _, _ in lists)
    assert lists[0][1] == lists[1][1] == lists[2][1]
    data = json.loads(lists[0][1])
    assert data["party"] == "JP" and "rcep" in [a["id"] for a in data["agreements"]]


def test_what_binds_two_countries_with_whom_and_since_when():
    code, out, err = run_cli("list", "agreements", "--party", "Japan", "--with", "Republic of Korea", "--as-of", DAY)
    assert code == 0, err
    assert "Japan (JP) and South Korea (KR) are both parties" in out and "RCEP: binds since 2022-02-01" in out
    code, out, _ = run_cli("list", "agreements", "--party", "JP", "--as-of", "2016-01-01")
    assert "CPTPP: does not bind on the date (not in force; entry 2018-12-30)" in out


def test_listings_for_tools_in_csv():
    code, out, _ = run_cli("list", "agreements", "--format", "csv", "--as-of", DAY)
    head = out.splitlines()[0].split(",")
    assert code == 0 and head[:6] == ["id", "short_name", "title", "kind", "status", "parties"]
    assert {"in_force", "coverage", "verification"} <= set(head)
    for what in ("norms", "topics", "predicates"):
        code, out, _ = run_cli("list", what, "--format", "csv")
        assert code == 0 and out.startswith("id,") and out.count("\n") > 3, what


def test_search_source_code_for_korea_finds_ksdpa_14_17():
    code, out, err = run_cli("search", "source code", "--party", "KR")
    assert code == 0, err
    assert "1. KSDPA Art. 14.17 Source Code (binding" in out and "«source code»" in out
    code, out, _ = run_cli("search", "source code", "--party", "Korea", "--format", "json")
    assert json.loads(out)["hits"][0]["article"] == "14.17"


@pytest.mark.parametrize("args", [
    ("report", "RCEP", "--norms", "TPP3", "--as-of", DAY),
    ("compare", "Cptpp", "rcep", "--norms", "tpp3", "--as-of", DAY),
    ("explain", "RCEP", "TPP3.data-flows", "--as-of", DAY),
    ("diff", "CPTPP", "RCEP", "--norms", "tpp3", "--as-of", DAY),
    ("search", "transfer", "--agreement", "RCEP"),
])
def test_agreement_and_norm_set_ids_are_taken_in_any_case(args):
    code, out, err = run_cli(*args)
    assert code == 0 and out and not err, err


def test_all_takes_every_agreement_and_refuses_ids_beside_it(corpus):
    code, out, _ = run_cli("report", "--all", "--norms", "tpp3", "--as-of", DAY, "--format", "json")
    assert code == 0 and {a["id"] for a in json.loads(out)["agreements"]} == set(corpus.agreements)
    code, _, err = run_cli("compare", "rcep", "--all", "--norms", "tpp3")
    assert code == 2 and "give agreements or --all, not both" in err


@pytest.mark.parametrize("args", [("report", "--norms", "tpp3", "rcep"), ("report", "cptpp", "--norms", "tpp3", "rcep"),
                                  ("compare", "cptpp", "--norms", "digital-core", "RCEP")])
def test_an_agreement_given_to_norms_is_named_as_the_wrong_argument(args):
    code, _, err = run_cli(*args)
    assert code == 2 and "is an agreement, not a norm set, but it was given to --norms" in err
    assert f"put agreements before --norms: tradegap {args[0]} " in err


def test_docx_is_refused_on_a_terminal_and_written_to_a_file_with_the_umask(tmp_path):
    code, out, err = run_cli("compare", "cptpp", "rcep", "--norms", "tpp3", "--format", "docx")
    assert code == 2 and not out and "binary file format" in err and "-o brief.docx" in err
    target = tmp_path / "brief.docx"
    old = os.umask(0o022)
    try:
        code, out, err = run_cli("compare", "cptpp", "usjdta", "rcep", "--norms", "digital-core", "--format", "docx",
                                 "-o", str(target))
    finally:
        os.umask(old)
    assert code == 0 and not out and not err
    assert target.read_bytes()[:2] == b"PK" and (target.stat().st_mode & 0o777) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tradegap-")]


def test_a_console_that_cannot_encode_the_symbols_gets_ascii():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    wrapped = console(stream)
    assert isinstance(wrapped, Console)
    wrapped.write("✓ met  ~ partial 40  ✗ unmet  – n/a  ● hard  “Viet Nam”  Türkiye 日本\n")
    stream.flush()
    assert raw.getvalue().decode("cp1252") == '+ met  ~ partial 40  x unmet  - n/a  # hard  "Viet Nam"  Türkiye ??\n'
    assert console(io.StringIO()) is not None and ascii_symbols("✓") == "+"
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert console(utf8) is utf8


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_a_report_to_a_narrow_console_exits_0_with_readable_output(encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "engine", "report", "rcep", "--norms", "tpp3", "--as-of", DAY],
                         capture_output=True, env=env, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr.decode(encoding, "replace")
    text = run.stdout.decode(encoding)
    assert "tpp3.data-flows   ~ partial 40" in text and "x unmet" in text and "internal error" not in text


def test_compare_cells_articles_and_title_labels():
    code, out, _ = run_cli("compare", "cptpp", "usjdta", "rcep", "--norms", "digital-core", "--as-of", DAY,
                           "--cells", "articles", "--labels", "titles", "--format", "markdown")
    assert code == 0
    assert ("| Free cross-border transfer of information by electronic means | 14.11 ✓ met | 11 ~ partial 90 | "
            "12.15 ~ partial 40 |") in out
    assert "| No requirement to transfer, or give access to, source code of software | 14.17 ✓ met | " in out


def test_carve_outs_every_column_has_are_said_once_below_the_table():
    code, out, _ = run_cli("compare", "cptpp", "rcep", "--norms", "digital-core", "--as-of", DAY, "--format", "markdown")
    table = out[:out.index("Carve-outs in every column")]
    assert code == 0 and "government-procurement" not in table
    assert "- excludes government-procurement: CPTPP Art. 14.3, 14.4, 14.11, 14.13, 14.17; RCEP Art. " in out


def test_no_party_in_view_leaves_n_a_out_of_the_legend():
    _, plain, _ = run_cli("report", "rcep", "--norms", "tpp3", "--as-of", DAY)
    _, seen, _ = run_cli("report", "rcep", "--norms", "tpp3", "--as-of", DAY, "--party", "Viet Nam")
    assert "– n/a" not in plain and "– n/a" in seen


def test_nested_quotation_marks_in_markdown_alternate():
    _, out, _ = run_cli("report", "cptpp", "--norms", "tpp3", "--as-of", DAY, "--format", "markdown")
    assert "“but does not include a ‘financial institution’ or a ‘cross-border financial service supplier of a " \
           "Party’”" in out
