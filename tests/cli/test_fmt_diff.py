"""`tradegap fmt --diff`: the change --write would make, as a unified diff."""

from __future__ import annotations

from conftest import run_cli


def test_the_diff_is_what_write_would_change(tmp_path):
    draft = tmp_path / "x.agr"
    draft.write_text("agreement x {\n kind fta\n    status draft }\n", encoding="utf-8")
    code, out, err = run_cli("fmt", "--diff", str(draft))
    assert code == 1
    assert out == (f"--- {draft}\n+++ {draft}\n@@ -1,3 +1,4 @@\n agreement x {{\n- kind fta\n-    status draft }}\n"
                   "+  kind     fta\n+  status   draft\n+}\n")
    assert err == "1 of 1 file would be reformatted\n"
    assert draft.read_text(encoding="utf-8") == "agreement x {\n kind fta\n    status draft }\n"  # untouched


def test_no_diff_for_a_formatted_file_and_no_diff_with_write(tmp_path):
    draft = tmp_path / "x.agr"
    draft.write_text("agreement x {\n  kind     fta\n}\n", encoding="utf-8")
    assert run_cli("fmt", "--diff", str(draft)) == (0, "", "0 of 1 file would be reformatted\n")
    code, out, err = run_cli("fmt", "--diff", "--write", str(draft))
    assert code == 2 and "not allowed with argument" in err
