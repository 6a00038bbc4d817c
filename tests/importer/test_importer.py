"""The importer: treaty text in, a checked, auto-coded draft out; bad input refused cleanly.

The importer's own behaviour is tested on small fixtures written for these tests
(tests/fixtures/import/); one test reads ToTA's pta_425.xml from ../shared/tota when it is there.
The command line (`tradegap import`) is tested in tests/cli/test_import_cmd.py.
"""

from __future__ import annotations

import os

import pytest

from engine.checking.corpus import load_text
from engine.importer import import_bytes, import_file, parse_rules, to_source
from engine.importer.raw import clean_text, parse_label

from conftest import ROOT, TOTA, quotes_in, run_cli

FIX = ROOT / "tests" / "fixtures" / "import"


@pytest.fixture(scope="module")
def mini():
    result = import_file(str(FIX / "mini_tota.xml"))
    assert result.ok, result.diagnostics
    return result


@pytest.fixture(scope="module")
def articles(mini):
    return {a.number: a for _, a in mini.agreement.all_articles()}


# ---------------------------------------------------------------- ToTA XML


def test_metadata_in_the_languages_terms(mini):
    a = mini.agreement
    assert (a.id, a.title) == ("tota-901", "Japan - Mongolia (test fixture)")
    assert a.parties == ("JP", "MN", "VN")  # alpha-3 became alpha-2; the unknown ZZZ is left out ...
    assert any("ZZZ" in n.text for n in a.notes)  # ... and the note says so
    assert (a.status, a.kind, str(a.signed), str(a.entry_into_force())) == ("in-force", "fta", "2015-02-10",
                                                                           "2016-06-07")
    assert a.verification == "auto"


def test_the_encoding_says_it_grades_the_text_tota_holds_not_later_amendments(mini):
    (said,) = [n.text for n in mini.agreement.notes if n.text.startswith("ToTA holds one text")]
    assert "(signed 2015-02-10)" in said and "amendments and protocols made later" in said


def test_preamble_and_conclusion_are_not_articles(mini):
    assert [c.number for c in mini.agreement.chapters] == ["1", "2", "3"]
    assert any("preamble or concluding" in n.text for n in mini.agreement.notes)


def test_numbers_as_written_or_marked(articles):
    assert {"1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.7", "3.1"} <= set(articles)
    # ARTICLE IV: converted, and the note says how the text writes it
    assert any("ARTICLE IV" in n.text for n in articles["4"].notes)
    # no number in ToTA, but the text opens with "Article 2.6 Source Code"
    assert articles["2.6"].title == "Source Code" and "source-code" in articles["2.6"].topics
    assert any("opening words" in n.text for n in articles["2.6"].notes)
    # no number at all, and a number used twice: a placeholder, never a made-up number, with a note and a warning
    assert any("gives it no number" in n.text for n in articles["unnumbered 1"].notes)
    assert articles["unnumbered 2"].title == "Paperless Trading"
    assert any("a number given before" in n.text for n in articles["unnumbered 2"].notes)
    assert not [n for n in articles if n.startswith("0.")]


def test_every_article_is_marked_auto(mini):
    assert all(a.verification == "auto" for _, a in mini.agreement.all_articles())


def test_topics_strength_form(articles):
    assert articles["2.2"].topics == ("customs-duties",)
    assert (articles["2.2"].strength, articles["2.2"].commitment.form) == ("binding", "obligation")
    assert articles["2.3"].topics == ("cross-border-data",)
    assert articles["2.3"].strength == "binding"
    assert articles["2.4"].strength == "best-endeavour"
    assert articles["2.5"].topics == ("cooperation", "sme-cooperation")
    # "The Parties reaffirm their rights and obligations under the WTO Agreement": how the agreements
    # relate (a relation-to-other-agreements article is scope wherever it stands), no commitment
    assert articles["4"].topics == ("scope",) and articles["4"].commitment is None
    assert articles["2.1"].topics == ("definitions",) and articles["2.1"].commitment is None
    assert articles["1.1"].topics == () and articles["1.1"].commitment is None


def test_exceptions_with_qualifiers(articles):
    pp = articles["2.3"].exceptions[0]
    assert pp.kind == "public-policy"
    assert set(pp.qualifiers) == {"no-arbitrary-discrimination", "no-disguised-restriction",
                                  "no-greater-than-necessary"}
    security = articles["1.2"].exceptions[0]
    assert (security.kind, set(security.qualifiers)) == ("essential-security", {"self-judging", "non-disputable"})


def test_transition_names_party_and_years(articles):
    (t,) = articles["2.3"].transitions
    assert t.parties == ("VN",) and t.period.years == 5
    assert "Viet Nam shall not be required to apply" in t.quotes[0].text


def test_dispute_settlement_excluded_for_the_chapter(mini):
    ecom = next(c for c in mini.agreement.chapters if c.number == "2")
    (ds,) = ecom.dispute_settlement
    assert ds.mode == "excluded"
    assert ds.quotes[0].citation.article == "2.7"  # the chapter-level statement cites its article
    assert not next(c for c in mini.agreement.chapters if c.number == "1").dispute_settlement


def test_quotes_are_verbatim_and_notes_name_the_trigger(articles):
    source = clean_text((FIX / "mini_tota.xml").read_text(encoding="utf-8"))
    for article in articles.values():
        for q in quotes_in(article):
            assert q.text in source, q.text
    assert any("shall endeavour" in n.text for n in articles["2.4"].notes)


def test_output_checks_and_round_trips(mini):
    text = to_source(mini)
    loaded = load_text(text, "out.agr")
    assert loaded.document is not None
    assert not [d for d in loaded.diagnostics if d.is_error], loaded.diagnostics
    assert loaded.document.items[0] == mini.agreement  # the model survives the trip through the language
    assert text.startswith("# Imported from mini_tota.xml")


def test_several_topics_round_trip():
    xml = (b'<treaty><meta><name>T</name><treaty_identifier>7</treaty_identifier></meta><body>'
           b'<chapter number="CHAPTER 1" name="Investment"><article number="ARTICLE 1.1" '
           b'name="Scope Of Investor-State Dispute Settlement">This Section applies to claims.</article>'
           b'</chapter></body></treaty>')
    result = import_bytes(xml, "t.xml")
    (_, article), = result.agreement.all_articles()
    assert article.topics == ("scope", "dispute-resolution")
    loaded = load_text(to_source(result), "t.agr")
    assert loaded.document is not None and loaded.document.items[0] == result.agreement


# ---------------------------------------------------------------- plain text


def test_plain_text_layout():
    result = import_file(str(FIX / "treaty.txt"))
    assert result.ok and result.format == "text"
    a = result.agreement
    assert a.id == "treaty" and a.title.startswith("AGREEMENT ON DIGITAL TRADE")
    assert [(c.number, c.title) for c in a.chapters] == [("1", "ELECTRONIC COMMERCE"), ("2", "Exceptions")]
    arts = {x.number: x for _, x in a.all_articles()}
    assert sorted(arts) == ["1.1", "1.2", "1.3", "1.4", "2.1"]  # "Article 1.9." and "Article 10.8 (..." are text
    assert arts["1.3"].title == "Source Code"  # title on the line after "ARTICLE 1.3"
    assert (arts["1.3"].software.coverage, arts["1.3"].strength) == ("mass-market-only", "binding")
    assert arts["1.4"].strength == "best-endeavour"
    assert arts["2.1"].exceptions[0].qualifiers == ("gats-xiv",)
    loaded = load_text(to_source(result), "t.agr")
    assert not [d for d in loaded.diagnostics if d.is_error]


def test_plain_text_without_headings_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Some notes about trade.\nNothing numbered here.\n", encoding="utf-8")
    result = import_file(str(path))
    assert result.agreement is None and result.diagnostics[0].code == "E0507"


def test_number_labels():
    assert parse_label("ARTICLE 9.10") == ("9.10", True)
    assert parse_label("ARTÍCULO 3-06") == ("3.06", False)
    assert parse_label("ARTICLE TWENTY-ONE") == ("21", False)
    assert parse_label("ARTICLE G-01") == ("G-01", True)  # lettered, as Canada-Chile numbers them
    assert parse_label("CHAPTER A") == ("A", True)
    assert parse_label("ARTICLE 25 BIS") == ("25bis", False)
    assert parse_label("ARTICLE 8BIS.1") == ("8bis.1", False)
    assert parse_label("ARTICLE 9bis") == ("9bis", True)
    assert parse_label("ARTICLE") == (None, False)


# ---------------------------------------------------------------- bad input


def _latin1(tmp_path):
    path = tmp_path / "latin1.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<treaty><meta><name>Accord \xe9conomique'
                     b'</name></meta><body/></treaty>\n')
    return path


def _latin1_text(tmp_path):
    path = tmp_path / "accord.txt"
    path.write_bytes(b"Article 1: Objet\nLes Parties \xe9tablissent une zone de libre-\xe9change.\n")
    return path


def _binary(tmp_path):
    path = tmp_path / "treaty.zip"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00binary\x00" * 10)
    return path


def _damaged_pdf(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n\x00\x01\x02binary\x00" * 10)
    return path


BAD = [
    ("truncated.xml", "E0502"),
    ("billion_laughs.xml", "E0503"),
    ("external_entity.xml", "E0503"),
    ("not_tota.xml", "E0504"),
    ("empty.xml", "E0505"),
    (_latin1, "E0508"),
    (_latin1_text, "E0508"),
    (_binary, "E0501"),
    (_damaged_pdf, "E0509"),
]


@pytest.mark.parametrize("source,code", BAD, ids=[c for _, c in BAD])
def test_bad_input_gets_a_diagnostic_and_no_output(tmp_path, source, code):
    path = source(tmp_path) if callable(source) else FIX / source
    result = import_file(str(path))
    assert result.agreement is None
    assert [d.code for d in result.diagnostics] == [code]


def test_malformed_xml_says_where(tmp_path):
    d = import_file(str(FIX / "truncated.xml")).diagnostics[0]
    assert d.span.line > 1 and "truncated" in d.hint
    hostile = import_file(str(FIX / "external_entity.xml")).diagnostics[0]
    assert hostile.span.line == 2  # the DTD is refused where it starts, before any entity is read


def test_over_size_file_is_refused_before_reading():
    result = import_file(str(FIX / "mini_tota.xml"), max_bytes=1000)
    assert result.agreement is None and result.diagnostics[0].code == "E0506"


def test_format_can_be_forced():
    data = (FIX / "treaty.txt").read_bytes()
    assert import_bytes(data, "treaty.txt", "text").ok
    assert import_bytes(data, "treaty.txt", "tota").diagnostics[0].code == "E0502"


# ---------------------------------------------------------------- coding rules


@pytest.mark.parametrize("text,code", [
    ('coding x { topic cooperation heading "co" }', "E0510"),
    ('coding x { strength bindng when text "shall" }', "E0511"),
    ('coding x { topic nosuch-topic when text "x" }', "E0511"),
    ('coding x { chapter transition when text "years" }', "E0511"),
    ('coding x { topic scope when text "--" }', "E0512"),
    ('coding x { topic scope when text "{nosuch}" }', "E0512"),
])
def test_bad_rules_get_diagnostics(text, code):
    rules, diags = parse_rules(text, "bad.coding")
    assert rules is None and diags[0].code == code and diags[0].span.line == 1


# ---------------------------------------------------------------- ToTA itself


@pytest.mark.skipif(not (TOTA / "pta_425.xml").exists(),
                    reason="ToTA is not at ../shared/tota (CC BY-NC data, read at run time, never copied here)")
def test_tota_japan_mongolia_checks_clean(tmp_path):
    out = tmp_path / "jpmn.agr"
    status, _, stderr = run_cli("import", str(TOTA / "pta_425.xml"), "-o", str(out))
    assert status == 0, stderr
    status, stdout, _ = run_cli("check", "--no-bundled", str(out))
    assert status == 0 and " 0 errors" in stdout
    loaded = load_text(out.read_text(encoding="utf-8"), str(out))
    arts = {a.number: a for _, a in loaded.document.items[0].all_articles()}
    assert arts["9.10"].topics == ("computing-facilities",) and arts["9.10"].strength == "binding"
    assert arts["9.11"].topics == ("source-code",) and arts["9.11"].software.coverage == "mass-market-only"
    assert all(a.verification == "auto" for a in arts.values())


# ---------------------------------------------------------------- special files (issue 18: F2)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_no_one_writes_to_is_an_empty_input_not_a_hang(tmp_path):
    os.mkfifo(tmp_path / "x.xml")
    result = import_file(str(tmp_path / "x.xml"))
    assert result.agreement is None and [d.code for d in result.diagnostics] == ["E0505"]
    code, _, err = run_cli("import", str(tmp_path / "x.xml"))
    assert code == 2 and "the file is empty" in err


def test_a_device_is_read_no_further_than_the_limit():
    result = import_file("/dev/zero", max_bytes=1000)
    assert result.agreement is None and [d.code for d in result.diagnostics] == ["E0506"]
    assert result.diagnostics[0].message == "the file is over the 1000 bytes import limit"


def test_a_folder_is_refused(tmp_path):
    result = import_file(str(tmp_path))
    assert [d.message for d in result.diagnostics] == ["this is a folder, not a file"]


# ---------------------------------------------------------------- deep XML, odd encodings, huge texts (F6, F7)


def deep(n: int) -> bytes:
    return (b'<?xml version="1.0"?><treaty><meta><name>x</name></meta><body><chapter number="1">'
            b'<article number="1">' + b"<b>" * n + b"shall not" + b"</b>" * n + b"</article></chapter></body></treaty>")


def test_xml_nested_deeper_than_the_limit_is_a_diagnostic():
    from engine.importer.tota import MAX_XML_DEPTH

    assert import_bytes(deep(MAX_XML_DEPTH - 10), "ok.xml").ok
    for n in (MAX_XML_DEPTH, 1000, 100_000):
        (d,) = import_bytes(deep(n), "deep.xml").diagnostics
        assert d.code == "E0502" and d.message == f"malformed XML: elements nested more than {MAX_XML_DEPTH} deep"
        assert d.span.line == 1 and d.span.column > 1  # where it went too deep


@pytest.mark.parametrize("encoding, error", [("x-bogus", "unknown encoding: x-bogus"),
                                             ("UTF-7", "multi-byte encodings are not supported")])
def test_an_encoding_expat_cannot_use_is_a_diagnostic(encoding, error):
    data = f'<?xml version="1.0" encoding="{encoding}"?><treaty><meta/><body/></treaty>'.encode()
    (d,) = import_bytes(data, "enc.xml").diagnostics
    assert d.code == "E0508" and d.message == f"the XML cannot be decoded: {error}"


def test_a_plain_text_over_its_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import engine.importer as importer

    monkeypatch.setattr(importer, "MAX_TEXT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Article 1: Title\nA Party shall not.\n" * 100)
    for fmt in ("text", None):  # named, or detected after reading
        (d,) = import_file(str(big), fmt).diagnostics
        assert d.code == "E0506" and "over the 1000 bytes" in d.message


def test_a_draft_over_the_source_limit_is_a_diagnostic_not_a_bug(monkeypatch, mini):
    import engine.importer as importer

    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 1000)
    with pytest.raises(importer.DraftTooLarge) as caught:
        to_source(mini)
    assert caught.value.diagnostics[0].code == "E0506"
    assert "limit of a source file" in caught.value.diagnostics[0].message
