"""`tradegap adopt`: a precedent article copied into a draft, renumbered, provenance kept, the draft still clean."""

from __future__ import annotations

from conftest import run_cli

DRAFT = '''agreement kjdpa2 "Korea-Japan draft" {
  based-on cptpp chapter 14
  status   draft
  parties  KR JP
  verification unverified

  chapter 14 "Electronic Commerce" {
    # New: financial-services computing facilities.
    article 14.19 "Location of Financial Computing Facilities" {
      topic financial-computing-facilities
      binding prohibition "Neither Party shall require a covered financial service supplier to use computing facilities"
    }
  }
}
'''


def test_adopting_usmca_19_17_closes_the_interactive_computer_services_gap(tmp_path):
    draft = tmp_path / "kjdpa2.agr"
    draft.write_text(DRAFT, encoding="utf-8")
    code, out, err = run_cli("report", str(draft), "--norms", "usjdta-plus", "--format", "csv")
    assert "kjdpa2,usjdta-plus.interactive-computer-services,unmet," in out

    code, out, err = run_cli("adopt", "usmca", "19.17", "--into", str(draft), "--as", "14.20")
    assert code == 0, err
    assert out.startswith(f"adopted usmca Art. 19.17 as Art. 14.20 into {draft} (chapter 14); "
                          "its words keep usmca's verification (unverified)")
    assert "check: left out (it names usmca's parties): transition MX" in out
    assert "a quote cited usmca Art. 32.1, which this draft does not hold" in out

    text = draft.read_text(encoding="utf-8")
    assert text.startswith(DRAFT[:DRAFT.index("    }\n  }\n}")])  # the draft's own text and comment untouched
    assert '    article 14.20 "Interactive Computer Services" {\n      topic interactive-computer-services' in text
    assert " art 32.1\n" not in text and "transition MX years" not in text
    assert 'note "Adopted from usmca Art. 19.17 Interactive Computer Services; its words keep usmca' in text

    assert run_cli("check", str(draft))[0] == 0
    code, out, err = run_cli("report", str(draft), "--norms", "usjdta-plus", "--format", "csv")
    assert "kjdpa2,usjdta-plus.interactive-computer-services,met,100,,14.20,unverified," in out


def test_a_new_chapter_block_when_the_draft_has_none_of_that_number(tmp_path):
    draft = tmp_path / "d.agr"
    draft.write_text("agreement d {\n  based-on ksdpa\n  parties KR JP\n}\n", encoding="utf-8")
    code, out, err = run_cli("adopt", "usjdta", "18", "--into", str(draft), "--as", "14.30", "--dry-run")
    assert code == 0, err
    assert draft.read_text(encoding="utf-8") == "agreement d {\n  based-on ksdpa\n  parties KR JP\n}\n"
    assert '\n  parties KR JP\n\n  chapter 14 "Digital Economy" {\n    article 14.30 ' in out  # ksdpa's title
    assert "adopted usjdta Art. 18 as Art. 14.30" in err


def test_mistakes_are_usage_errors(tmp_path):
    draft = tmp_path / "d.agr"
    draft.write_text('agreement d {\n  article 3 "T" { topic scope hortatory "x" }\n}\n', encoding="utf-8")
    code, out, err = run_cli("adopt", "usmca", "19.99", "--into", str(draft))
    assert code == 2 and "`usmca` has no article 19.99" in err
    code, out, err = run_cli("adopt", "usmca", "19.17", "--into", str(draft), "--as", "3")
    assert code == 2 and "the draft already writes article 3" in err
    code, out, err = run_cli("adopt", "nosuch", "1", "--into", str(draft))
    assert code == 2 and "unknown agreement" in err
