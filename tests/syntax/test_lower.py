"""Lowering (engine/syntax/lower.py): spans, titles, settings, keywords as vocabulary, per-parse state, and
the statements of issue 11 (coverage, parts, unknown entry into force, periods, paragraphs, paraphrases,
weights, scores)."""

from __future__ import annotations

import datetime as dt
import gc
import threading

import attrs
import pytest

from engine.language import codes as C
from engine.language import model as M
from engine.language import vocab as V
from engine.syntax.lark_util import lalr_parser
from engine.syntax.limits import MAX_PREDICATE_DEPTH
from engine.syntax.lower import Lower
from engine.syntax.parse import parse_text

AGREEMENT = '''agreement demo "A \\"demo\\" agreement" {
  kind fta
  signed 2020-01-02
  article 1 {
    topic data-flows
    binding obligation "shall allow"
      "and more" art 2 fn 3
    excludes financial-services
    topic source-code
  }
  chapter 2 {
    article 2.1 "Titled" {
      hortatory
    }
  }
  omit article 9 "not relevant"
}
'''


def parse(text: str, path: str = "t.agr") -> M.Document:
    result = parse_text(text, path)
    assert result.document is not None, result.diagnostics
    return result.document


def codes(text: str) -> list[str]:
    return [d.code for d in parse_text(text, "t.agr").diagnostics]


def test_a_statement_spans_from_its_keyword_to_its_last_token():
    a = parse(AGREEMENT).items[0]
    assert (a.spans.kind.line, a.spans.kind.column, a.spans.kind.end_column) == (2, 3, 11)
    commitment = a.articles[0].commitment
    assert (commitment.span.line, commitment.span.column) == (6, 5)
    assert commitment.quotes[1].span == M.Span("t.agr", 7, 7, 7, 17)  # a quote: its string, not its citation
    assert (commitment.span.end_line, commitment.span.end_column) == (7, 17)  # to its last quote


def test_a_block_spans_to_its_closing_brace_and_records_its_first_topic():
    a = parse(AGREEMENT).items[0]
    assert (a.span.line, a.span.end_line, a.span.end_column) == (1, 17, 2)
    article = a.articles[0]
    assert article.topics == ("data-flows", "source-code")
    assert (article.topic_span.line, article.topic_span.column) == (5, 5)


def test_titles_are_optional_and_unescaped():
    a = parse(AGREEMENT).items[0]
    assert a.title == 'A "demo" agreement'
    assert a.articles[0].title is None
    assert a.chapters[0].articles[0].title == "Titled"
    assert a.omissions[0].reason == "not relevant"
    assert parse("agreement plain {\n}\n").items[0].title is None


def test_keywords_become_vocabulary_members():
    a = parse(AGREEMENT).items[0]
    assert a.articles[0].commitment.strength is V.Strength.BINDING
    assert a.chapters[0].articles[0].commitment.strength is V.Strength.HORTATORY
    assert a.articles[0].scope[0].mode is V.ScopeMode.EXCLUDES


def test_citations_dates_and_periods():
    a = parse(AGREEMENT).items[0]
    assert a.articles[0].commitment.quotes[1].citation == M.Citation("2", 3)
    assert str(a.signed) == "2020-01-02"
    article = parse("agreement a {\n article 1 { transition JP years 5 }\n}\n").items[0].articles[0]
    assert article.transitions[0] == M.Transition(("JP",), M.Period(years=5))


def test_a_setting_given_twice_is_reported_and_the_first_kept():
    result = parse_text("agreement a {\n  kind fta\n  kind epa\n}\n", "t.agr")
    (diag,) = result.diagnostics
    assert diag.code == C.GIVEN_TWICE.id and "`kind` is given twice in agreement a" in diag.message
    assert diag.span.line == 3 and diag.secondary[0][0].line == 2
    assert result.document.items[0].kind == "fta"


def test_an_article_saying_a_thing_twice_is_reported_and_the_first_kept():
    result = parse_text("agreement a {\n article 1 {\n  binding\n  hortatory\n }\n}\n", "t.agr")
    (diag,) = result.diagnostics
    assert diag.message == "article 1 says this twice" and diag.span.line == 4
    assert result.document.items[0].articles[0].commitment.strength is V.Strength.BINDING


def test_values_the_grammar_cannot_check_are_reported():
    assert codes("agreement a {\n  signed 2020-02-30\n}\n") == [C.INVALID_DATE.id]
    assert codes("agreement a {\n article 1 { transition JP years 1000 }\n}\n") == [C.NUMBER_TOO_LARGE.id]
    assert codes('agreement a {\n article 1 { binding "x" art 1 fn 100000 }\n}\n') == [C.NUMBER_TOO_LARGE.id]


def test_conditions_nested_too_deep_give_no_document():
    pred = "not " * (MAX_PREDICATE_DEPTH + 1) + "enforceable"
    result = parse_text(f'norms n {{\n norm m {{\n  require {pred} because "x"\n }}\n}}\n', "t.agr")
    assert result.document is None
    assert [d.code for d in result.diagnostics] == [C.NESTING_TOO_DEEP.id]


def test_conditions_and_expectations():
    doc = parse('norms n "T" {\n version "1"\n norm m {\n  topic data-flows\n'
                '  essential forbid not a b or c and d because "why"\n }\n}\n'
                "expect demo n.m met as-of 2024-01-01 party JP\n")
    ns, expectation = doc.items
    req = ns.norms[0].requirements[0]
    assert (req.essential, req.forbid, req.because) == (True, True, "why")
    assert req.predicate == M.Any_((M.Not(M.Atom("a", ("b",))), M.All((M.Atom("c"), M.Atom("d")))))
    assert (req.predicate.span.column, req.predicate.span.end_column) == (20, 38)
    assert ns.version == "1" and ns.norms[0].topics == ("data-flows",)
    assert (expectation.norm_set, expectation.norm, expectation.grade, expectation.party) == ("n", "m", "met", "JP")


def test_lowering_a_tree_gives_what_the_parser_gives():
    tree = lalr_parser("syntax/grammar", "tradegap.lark").parse(AGREEMENT)
    lower = Lower("t.agr")
    items = lower.transform(tree)
    assert [attrs.asdict(i) for i in items] == [attrs.asdict(i) for i in parse(AGREEMENT).items]
    assert lower.diagnostics == []


def test_a_lowering_inside_a_lowering_is_refused():
    lower = Lower()
    with lower.lowering("a.agr") as found:
        assert lower.path == "a.agr" and found is lower.diagnostics
        with pytest.raises(RuntimeError):
            with lower.lowering("b.agr"):
                pass
    assert lower.path == "" and lower.diagnostics == []


def test_parses_in_threads_keep_their_own_paths_and_diagnostics():
    results = {}

    def work(i: int) -> None:
        day = 30 if i % 2 else 28  # February 30th is no date
        text = "".join(f"agreement a{i}x{k} {{\n  signed 2020-02-{day}\n}}\n" for k in range(40))
        results[i] = parse_text(text, f"f{i}.agr")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, r in results.items():
        assert {item.span.file for item in r.document.items} == {f"f{i}.agr"}
        assert len(r.diagnostics) == (40 if i % 2 else 0)
        assert {d.span.file for d in r.diagnostics} <= {f"f{i}.agr"}


def test_parsing_leaves_the_garbage_collector_alone(monkeypatch):
    def refuse() -> None:
        raise AssertionError("the library switched the collector off")

    monkeypatch.setattr(gc, "disable", refuse)
    text = "".join(f"agreement a{k} {{\n  kind fta\n}}\n" for k in range(12_000))  # > 256 KB
    assert len(parse_text(text, "big.agr").document.items) == 12_000


# ---------------------------------------------------------------- issue 11: coverage, periods, weights, scores

HONEST = '''agreement a {
  parties KH LA MM
  in-force 2022-01-01
  in-force MM unknown
  coverage electronic-commerce dispute-resolution
  dispute-settlement applies
  chapter 12 {
    part electronic-commerce
    article 12.15 {
      topic cross-border-data
      binding "shall" paraphrase "recalled" art 12.15 fn 14
      transition KH LA years 5 extendable 3 paragraph "1(a)" "five years"
      reservation MM until "its personal data law is implemented"
      reservation LA until "its law is implemented" 2025-06-30 paragraph "2"
    }
  }
}
norms n {
  weight 2
  norm m {
    topic cross-border-data
    require enforceable weight 3 because "why"
    require contingent because "default"
  }
}
expect a n.m partial party KH score 20..60
expect a n not-encoded
'''


def test_coverage_parts_and_unknown_entry_into_force():
    a = parse(HONEST).items[0]
    assert a.coverage == (V.Part.ELECTRONIC_COMMERCE, V.Part.DISPUTE_SETTLEMENT)
    assert (a.spans.coverage.line, a.spans.coverage.column) == (5, 3)
    assert a.dispute_settlement[0].mode == V.DsMode.APPLIES  # the statement after `coverage ... dispute-resolution`
    assert a.chapters[0].part == V.Part.ELECTRONIC_COMMERCE
    assert a.in_force[1] == M.PartyEntry(None, ("MM",))
    assert a.entry_unknown("MM") and not a.entry_unknown("KH")
    assert parse("agreement b { coverage complete }").items[0].coverage == (V.COMPLETE,)


def test_extendable_and_event_periods_paragraphs_and_paraphrases():
    art = parse(HONEST).items[0].chapters[0].articles[0]
    verbatim, recalled = art.commitment.quotes
    assert not verbatim.paraphrase
    assert recalled == M.Quote("recalled", M.Citation("12.15", 14), paraphrase=True)
    (transition,) = art.transitions
    assert transition.period == M.Period(years=5, extension_years=3) and transition.paragraph == "1(a)"
    assert transition.quotes == (M.Quote("five years"),)
    event, dated = art.reservations
    assert event.period == M.Period(event="its personal data law is implemented") and event.paragraph is None
    assert dated.period == M.Period(until=dt.date(2025, 6, 30), event="its law is implemented")
    assert dated.paragraph == "2"


def test_weights_and_score_ranges():
    _, ns, expectation, on_set = parse(HONEST).items
    assert ns.weight == 2
    assert [r.weight for r in ns.norms[0].requirements] == [3, None]
    assert (expectation.party, expectation.score_min, expectation.score_max) == ("KH", 20, 60)
    assert on_set.grade == V.Grade.NOT_ENCODED and on_set.score_min is None


def test_new_numbers_above_their_limits_are_reported():
    too_large = [C.NUMBER_TOO_LARGE.id]
    assert codes("agreement a {\n article 1 { transition JP years 1 extendable 1000 }\n}\n") == too_large
    assert codes('norms n { norm m { require enforceable weight 101 because "x" } }') == too_large
    assert codes("norms n { weight 1000 }") == too_large
    assert codes("expect a n met score 0..101") == too_large
    assert codes("expect a n met score 0..100") == []


def test_a_setting_of_the_new_kind_given_twice_is_reported():
    assert codes("agreement a {\n coverage customs\n coverage investment\n}\n") == [C.GIVEN_TWICE.id]
    assert codes("agreement a {\n chapter 1 { part customs part investment }\n}\n") == [C.GIVEN_TWICE.id]
    assert codes("expect a n met score 0..100 score 1..2") == [C.GIVEN_TWICE.id]


SHARED = '''agreement s {
  parties JP KR
  article 1 {
    topic cooperation
    binding obligation "shall" art 1 fn 2
    transition JP years 5 "later"
    exception security essential "a" art 1 fn 2
  }
  article 2 {
    topic cooperation
    binding obligation "shall" art 1 fn 2
    transition JP years 5 "later"
    exception security essential "b"
  }
}
'''


@pytest.mark.parametrize("fast", [True, False])
def test_equal_names_citations_and_periods_are_one_object_within_a_text(fast, monkeypatch):
    if not fast:  # the same through lark's own loop
        from engine.syntax import fastparse
        monkeypatch.setattr(fastparse, "parse", lambda *a: (_ for _ in ()).throw(fastparse.Refused("test")))
    one, two = parse(SHARED).items[0].articles
    assert one.topics == ("cooperation",) and one.topics is two.topics
    assert one.commitment.quotes[0].citation is two.commitment.quotes[0].citation
    assert one.transitions[0].period is two.transitions[0].period
    assert one.transitions[0].parties is two.transitions[0].parties
    assert one.exceptions[0].qualifiers is two.exceptions[0].qualifiers == ("essential",)
    again = parse(SHARED).items[0].articles[0]
    assert again.topics == one.topics and again.commitment == one.commitment  # equal, whichever text made them
