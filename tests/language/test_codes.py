"""The registry of diagnostic codes and messages (engine/language/codes.py)."""

from __future__ import annotations

import json
import pathlib
import re

import pytest

from engine.language import codes as C
from engine.language import vocab as V
from engine.language.diagnostics import codes_markdown, render_text, to_json
from engine.language.model import Span

ENGINE = pathlib.Path(C.__file__).resolve().parent.parent
SPAN = Span("a.agr", 2, 3, 2, 8)


def _engine_sources() -> dict[pathlib.Path, str]:
    """Every module of engine/ except the registry itself."""
    return {p: p.read_text(encoding="utf-8") for p in sorted(ENGINE.rglob("*.py")) if p != pathlib.Path(C.__file__)}


class _Any:
    """Stands for any field value, whatever its format spec."""

    def __format__(self, spec: str) -> str:
        return "x"

    def __repr__(self) -> str:
        return "'x'"


def test_no_code_is_written_as_a_string_outside_the_registry():
    literal = re.compile(r"""["'][EW]0\d{3}""")
    found = [f"{p.relative_to(ENGINE)}:{text[:m.start()].count(chr(10)) + 1}"
             for p, text in _engine_sources().items() for m in literal.finditer(text)]
    assert found == [], "use a Message from engine.language.codes"


def test_every_code_has_a_message_and_every_message_is_used():
    assert {m.code.id for m in C.MESSAGES.values()} == set(C.CODES)
    source = "\n".join(_engine_sources().values())
    unused = [name for name in C.MESSAGES if not re.search(rf"\bC\.{name}\b", source)]
    assert unused == []


def test_codes_are_collected_once_each_in_id_order():
    constants = [v for k, v in vars(C).items() if isinstance(v, C.Code)]
    assert len(C.CODES) == len(constants) == 49
    assert list(C.CODES) == sorted(C.CODES)
    assert C.CODES["E0201"] is C.UNKNOWN_TOPIC


@pytest.mark.parametrize("bad", ["X0001", "E001", "E00011", "e0001", ""])
def test_a_code_id_is_e_or_w_and_four_digits(bad):
    with pytest.raises(ValueError):
        C.Code(bad, "title", "example")


def test_severity_follows_the_letter():
    for code in C.CODES.values():
        assert code.severity is (V.Severity.ERROR if code.id[0] == "E" else V.Severity.WARNING)
    d = C.ARTICLE_WITHOUT_TOPIC.at(SPAN, number="1")
    assert d.severity is V.Severity.WARNING and not d.is_error
    assert C.NOT_UTF8.at(SPAN).is_error


@pytest.mark.parametrize("name", sorted(C.MESSAGES))
def test_every_message_formats_with_its_fields(name):
    message = C.MESSAGES[name]
    d = message.at(SPAN, **{f: _Any() for f in message.fields()})
    assert d.code == message.code.id
    assert ("{" in d.message) == ("{{" in message.template)
    assert (d.hint is None) == (message.hint is None)


def test_at_fills_the_templates_and_keeps_span_secondary_and_focus():
    first = Span("a.agr", 1, 1, 1, 2)
    d = C.PARTY_NOT_A_MEMBER.at(SPAN, secondary=((first, "parties listed here"),), focus="US",
                                what="the transition", code="US", name="United States", agreement="rcep")
    assert d.message == "the transition names `US` (United States), which is not a party to `rcep`"
    assert d.hint == "add it to `parties`, or correct the code"
    assert (d.span, d.secondary, d.focus) == (SPAN, ((first, "parties listed here"),), "US")


def test_a_computed_hint_replaces_the_template_and_none_keeps_it():
    assert C.UNKNOWN_PARTY_CODE.at(SPAN, hint="did you mean `JP`?", code="JX").hint == "did you mean `JP`?"
    assert C.UNKNOWN_PARTY_CODE.at(SPAN, hint=None, code="XX").hint == \
        "use ISO 3166-1 alpha-2 (JP) or alpha-3 (JPN) codes"
    assert C.STRAY_CHARACTER_ANYWHERE.at(SPAN, shown=";").hint is None


def test_a_missing_field_raises():
    with pytest.raises(KeyError):
        C.NOT_A_DATE.at(SPAN)


def test_literal_braces_and_format_specs():
    assert C.UNKNOWN_PLACEHOLDER.at(SPAN, name="x").message == "unknown placeholder `{x}`"
    assert C.UNKNOWN_PLACEHOLDER.at(SPAN, name="x").hint == "the only placeholder is {ds-chapter}"
    assert C.TEXT_NOT_UTF8.at(SPAN, byte=0xE9).message == "the text is not valid UTF-8 (byte 0xe9)"
    assert C.SOURCE_NOT_PLAIN.at(SPAN, name="../x").message == "`source` '../x' is not a plain file name"


def test_unknown_suggests_a_close_word_or_lists_the_known_ones():
    d = C.NO_SUCH_TOPIC.unknown(SPAN, "topic", "scop", ["scope", "source-code"])
    assert (d.message, d.hint, d.focus, d.code) == ("unknown topic `scop`", "did you mean `scope`?", "scop", "E0201")
    many = [f"w{i:02}" for i in range(14)]
    d = C.NO_SUCH_SETTING_WORD.unknown(SPAN, "status", "zzzz", reversed(many))
    assert d.hint == "known statuss: " + ", ".join(many[:12]) + ", ..."


def test_output_forms_are_unchanged_by_the_enum_severity():
    d = C.NOT_A_DATE.at(SPAN, text="2020-02-30")
    assert json.loads(json.dumps(to_json(d)))["severity"] == "error"
    assert render_text(d).startswith("a.agr:2:3: error[E0207]: `2020-02-30` is not a valid date")


def test_the_docs_show_every_code_and_message():
    doc = codes_markdown()
    for code in C.CODES.values():
        assert f"| {code.id} | {code.title} |" in doc
    assert "| E0308 | `{owner} says this twice` | `an article has one commitment," in doc
    assert "check that every `{` has its `}`" in doc
    assert doc.count("\n| E0") + doc.count("\n| W0") == len(C.CODES) + len(C.MESSAGES)
