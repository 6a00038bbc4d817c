"""Auto-coding: apply coding rules to one article's heading and text.

Rules test the whole article, except ``strength`` and ``form``, which test one
segment of a paragraph at a time (:mod:`engine.importer.strengths` gives each
topic the strength of the segments where it is found), and ``transition`` and
``dispute-settlement shielded``, which test one sentence at a time.  An article
with a topic takes its strongest segment's strength; one without, its strongest
clause's (a clause takes the strength of the first rule that matches it,
``none``: the clause commits no one), and ``form`` is read from there.  Every
suggestion quotes the words around the phrase that triggered it (verbatim,
white space collapsed), and the article's note says which rule fired on
which words.
"""

from __future__ import annotations

import functools
import re
from types import MappingProxyType
from typing import Iterator, Mapping, Optional, Sequence

import attrs

from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.importer.conditions import (Compiled, Env, Found, cheap_first, compile_condition, heading_gate, keys,
                                        without_text)
from engine.importer.paragraphs import KnownNote
from engine.importer.passages import ArticleText, phrase_regex, window
from engine.importer.raw import WORD_NUMBERS, clean_text
from engine.importer.rules_lang import (NO_STRENGTH, Action, Phrase, Rule, RuleSet, bind, has_placeholder, normalize)
from engine.importer.strengths import (MAX_QUOTES, SegmentReader, TopicCommitment, first_segment_at, form_of, strongest,
                                       topic_strengths)

_YEARS = re.compile(r" (\d{1,2}|" + "|".join(w for w in WORD_NUMBERS if WORD_NUMBERS[w] > 0) + r") years? ")


@attrs.frozen
class Coding:
    """What the rules suggest for one article (chapter-level statements kept apart).

    ``commitment`` is the article's: its strongest segment's (its strongest clause's, without a
    topic).  ``topic_strengths`` gives each topic the strength of the paragraphs (or items) where it
    is found (:mod:`engine.importer.strengths`).
    """

    topics: tuple[str, ...] = ()
    commitment: Optional[M.Commitment] = None
    topic_strengths: tuple[TopicCommitment, ...] = ()
    exceptions: tuple[M.Exception_, ...] = ()
    scope: tuple[M.Scope, ...] = ()
    software: Optional[M.Software] = None
    contingency: Optional[M.Contingency] = None
    dispute_settlement: tuple[M.DisputeSettlement, ...] = ()
    transitions: tuple[M.Transition, ...] = ()
    chapter_exceptions: tuple[M.Exception_, ...] = ()
    chapter_scope: tuple[M.Scope, ...] = ()
    chapter_dispute_settlement: tuple[M.DisputeSettlement, ...] = ()
    explanation: tuple[str, ...] = ()  # "binding (text 'shall not')", for the article's note

    @property
    def coded(self) -> bool:
        return bool(self.topics or self.commitment or self.exceptions or self.scope or self.software
                    or self.contingency or self.dispute_settlement or self.transitions
                    or self.chapter_exceptions or self.chapter_scope or self.chapter_dispute_settlement)


# Actions tested one part of the text at a time (a clause, or a sentence), and the first argument a
# rule must have to be tested so (None: any).
PART_ACTIONS: Mapping[Action, Optional[str]] = {Action.STRENGTH: None, Action.FORM: None, Action.TRANSITION: None,
                                               Action.DISPUTE_SETTLEMENT: V.DsMode.SHIELDED}


@attrs.frozen
class CompiledRule:
    """A rule ready to test: its compiled condition, the words one of which the heading must hold
    for it to hold (None: no such condition), and whether it may hold on a part without text words."""

    rule: Rule
    test: Compiled
    gate: Optional[frozenset[str]]
    wordless: bool
    needs: Optional[frozenset[str]] = None  # words one of which a text must hold for it to hold (None: any text)

    def may_hold(self, words: frozenset[str]) -> bool:
        """Whether the rule may hold on a text of these words (a quick pre-test)."""
        return self.needs is None or not self.needs.isdisjoint(words)

    def heading_allows(self, words: frozenset[str]) -> bool:
        return self.gate is None or not self.gate.isdisjoint(words)


@attrs.frozen(eq=False)
class RuleTable:
    """A rule set compiled for one agreement: its rules by action, in the file's order, and for each
    part action the words (padded with spaces) a part must hold to be tested.  Read-only, and shared
    by every agreement with the same rule set and dispute-settlement chapter."""

    by_action: Mapping[Action, tuple[CompiledRule, ...]]
    anchors: Mapping[Action, tuple[str, ...]]

    def of(self, action: Action) -> tuple[CompiledRule, ...]:
        return self.by_action.get(action, ())


@attrs.frozen
class Coder:
    """Rules ready for one agreement: placeholders bound, conditions compiled, party names known."""

    rules: RuleSet
    table: RuleTable = attrs.field(eq=False, repr=False)
    party_names: tuple[tuple[str, str], ...] = ()  # (code, normalized name), longest names first


def make_coder(rules: RuleSet, parties: tuple[str, ...] = (), ds_chapter: Optional[str] = None) -> Coder:
    """Bind the rules to an agreement: its parties (for transitions) and its dispute-settlement chapter.

    The compiled forms are cached per rule set (a :class:`RuleSet` is frozen, and hashes once), so the
    agreements of one import run share them.
    """
    return Coder(rules, rule_table(rules, ds_chapter), party_names(rules, tuple(parties)))


@functools.lru_cache(maxsize=16)
def compiled_once(rules: RuleSet) -> tuple[tuple[Rule, Optional[Compiled]], ...]:
    """Each rule with its compiled condition; None for a rule with a placeholder (compiled when bound)."""
    return tuple((r, None if has_placeholder(r.condition) else compile_condition(cheap_first(r.condition)))
                 for r in rules.rules)


@functools.lru_cache(maxsize=64)
def rule_table(rules: RuleSet, ds_chapter: Optional[str]) -> RuleTable:
    """The rules compiled for an agreement whose dispute-settlement chapter is ``ds_chapter``."""
    groups: dict[Action, list[CompiledRule]] = {}
    anchors: dict[Action, set[str]] = {}
    for r, test in compiled_once(rules):
        if test is None:
            r = bind(attrs.evolve(rules, rules=(r,)), {"ds-chapter": ds_chapter}).rules[0]
            test = compile_condition(cheap_first(r.condition))
        productive = _productive(r)
        groups.setdefault(r.action, []).append(
            CompiledRule(r, test, heading_gate(r.condition), productive and without_text(r.condition),
                         None if without_text(r.condition) else frozenset(keys(r.condition))))
        if productive:  # a part only unproductive rules would match is not coded anyway
            anchors.setdefault(r.action, set()).update(f" {k} " for k in keys(r.condition))
    return RuleTable(MappingProxyType({k: tuple(v) for k, v in groups.items()}),
                     MappingProxyType({k: tuple(sorted(v)) for k, v in anchors.items()}))


def _productive(r: Rule) -> bool:
    """Whether a rule tested part by part can make the importer suggest something."""
    if r.action not in PART_ACTIONS:
        return False
    if r.action is Action.STRENGTH:
        return r.args[0] != NO_STRENGTH
    mode = PART_ACTIONS[r.action]
    return mode is None or r.args[0] == mode


@functools.lru_cache(maxsize=1024)
def party_names(rules: RuleSet, parties: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(code, normalized name) for each name of each party (every party tradegap knows when none
    is given), the rule set's aliases included, longest names first."""
    codes = parties or P.known_codes()
    aliases = dict(rules.aliases)
    names: list[tuple[str, str]] = []
    for code in codes:
        variants = {P.name(code), P.name(code).split(",")[0], *aliases.get(code, ())}
        names.extend((code, normalize(v)) for v in variants if v and v != code)
    return tuple(sorted(set(names), key=lambda cn: (-len(cn[1]), cn)))


def _explain(rule: Rule, found: Found) -> str:
    words = ", ".join(f"{f} '{p.text if isinstance(p, Phrase) else p}'" for f, p in found) or "always"
    return f"{rule.label()} ({words})"


# ---------------------------------------------------------------- coding


class _Article:
    """Working state while one article is coded."""

    def __init__(self, coder: Coder, heading: str, chapter: str, text: str,
                 footnotes: Sequence[KnownNote] = ()) -> None:
        self.coder = coder
        self.footnotes = footnotes
        self.heading_raw = clean_text(heading)
        self.text = ArticleText(text)
        self.heading = normalize(heading)
        self.heading_words = frozenset(self.heading.split())
        self.chapter = normalize(chapter)
        self.topics: list[str] = []
        self.explanation: list[str] = []
        self.article_env = Env(self.heading, self.chapter, self.topics, self.text.full, self.text.words)

    def env(self, hay: Optional[str] = None) -> Env:
        if hay is None:
            return self.article_env
        return Env(self.heading, self.chapter, self.topics, hay, None)

    def rules(self, action: Action) -> tuple[CompiledRule, ...]:
        """The compiled rules of ``action``, in the file's order."""
        return self.coder.table.of(action)

    def quotes(self, found: Found, at: int = 0, clause: bool = False) -> list[M.Quote]:
        """Quotes for the phrases that fired: text around a text phrase, the heading for a heading phrase."""
        out: list[M.Quote] = []
        for field, p in found:
            if field == "text" and isinstance(p, Phrase):
                q = self.text.quote(p, at, clause)
                if q is not None:
                    out.append(q)
            elif field == "heading" and self.heading_raw and isinstance(p, Phrase):
                out.append(M.Quote(window(self.heading_raw, p)))
        return out

    def matches(self, action: Action) -> Iterator[tuple[Rule, Found]]:
        """(rule, tests that fired) for every rule of ``action`` that holds on the whole article."""
        for c, found in self.matched(action):
            yield c.rule, found

    def matched(self, action: Action) -> Iterator[tuple[CompiledRule, Found]]:
        """(compiled rule, tests that fired) for every rule of ``action`` that holds on the whole article."""
        env = self.env()
        words = self.heading_words
        for c in self.rules(action):
            if c.gate is not None and c.gate.isdisjoint(words):
                continue
            found = c.test(env)
            if found is not None:
                self.explanation.append(_explain(c.rule, found))
                yield c, found

    @functools.cached_property
    def reader(self) -> SegmentReader:
        """The article's paragraphs and segments, each with its strength (read once, when needed)."""
        rules = tuple(c for c in self.rules(Action.STRENGTH) if c.heading_allows(self.heading_words))
        return SegmentReader(self.text.raw, rules, self.env(" "), self.footnotes)

    def part_matches(self, action: Action, sentences: bool,
                     mode: Optional[str] = None) -> Iterator[tuple[Rule, Found, tuple[int, int]]]:
        """(first rule of ``action`` that holds, its tests, (start, end) of the part in the text) for
        each clause (or sentence), only the rules whose first word is ``mode`` when given.

        Only the parts that hold a word of a phrase that can make a rule suggest something are
        tested, and the first part, which stands for any other when a rule holds without words.
        """
        rules = tuple(c for c in self.rules(action) if (mode is None or c.rule.args[0] == mode)
                      and c.heading_allows(self.heading_words))
        if not rules:
            return
        env = self.env(" ")
        parts = self.text.parts_with(self.coder.table.anchors.get(action, ()), sentences)
        if any(c.wordless and c.test(env) is not None for c in rules):
            first = self.text.first_part(sentences)
            parts = sorted(set(parts) | {first})
        full = self.text.full
        for start, end in parts:
            env.hay = full[start:end]
            for c in rules:
                found = c.test(env)
                if found is not None:
                    yield c.rule, found, (start, end)
                    break


def _dedupe(quotes: list[M.Quote]) -> tuple[M.Quote, ...]:
    out: list[M.Quote] = []
    for q in quotes:
        if q.text and not any(q.text in o.text for o in out):
            out = [o for o in out if o.text not in q.text] + [q]
    return tuple(out[:MAX_QUOTES])


def code_article(coder: Coder, heading: Optional[str], chapter: Optional[str], text: str,
                 footnotes: Sequence[KnownNote] = ()) -> Coding:
    """The coding the rules suggest for one article (``footnotes``: those the reader found in ``text``, each
    with where its mark stood; else they are looked for in the text)."""
    a = _Article(coder, heading or "", chapter or "", text, footnotes)
    sources: dict[str, list[tuple[CompiledRule, Found]]] = {}
    for c, found in a.matched(Action.TOPIC):
        a.topics.extend(t for t in c.rule.args if t not in a.topics)
        for t in c.rule.args:
            sources.setdefault(t, []).append((c, found))
    commitment = _segment_commitment(a) if a.topics else _commitment(a)
    per_topic = topic_strengths(a.reader, a.topics, sources, a.rules(Action.FORM)) if a.topics else ()
    exceptions, chapter_exceptions = _exceptions(a)
    scope, chapter_scope = _scope(a)
    software = next((M.Software(r.args[0], _dedupe(a.quotes(f))) for r, f in a.matches(Action.SOFTWARE)), None)
    contingency = next((M.Contingency(r.args[0], _dedupe(a.quotes(f))) for r, f in a.matches(Action.CONTINGENT)),
                       None)
    ds, chapter_ds = _dispute_settlement(a)
    return Coding(
        topics=tuple(a.topics), commitment=commitment, topic_strengths=per_topic, exceptions=exceptions,
        scope=scope, software=software, contingency=contingency, dispute_settlement=ds, transitions=_transitions(a),
        chapter_exceptions=chapter_exceptions, chapter_scope=chapter_scope, chapter_dispute_settlement=chapter_ds,
        explanation=tuple(a.explanation),
    )


def _commitment(a: _Article) -> Optional[M.Commitment]:
    best: Optional[tuple[int, Rule, Found, tuple[int, int]]] = None
    for rule, found, part in a.part_matches(Action.STRENGTH, False):
        rank = V.Strength.rank_of(rule.args[0])  # -1 for `none`: the clause commits no one
        if rank > (best[0] if best else V.Strength.ABSENT.rank):
            best = rank, rule, found, part
    if best is None:
        return None
    _, best_rule, best_found, best_part = best
    a.explanation.append(_explain(best_rule, best_found))
    form = None
    env = a.env(a.text.full[best_part[0]:best_part[1]])
    for c in a.rules(Action.FORM):
        held = c.test(env)
        if held is not None:
            form = c.rule.args[0]
            a.explanation.append(_explain(c.rule, held))
            break
    quotes = a.quotes(best_found, best_part[0], clause=True) or [q for q in (a.text.quote(None),) if q]
    return M.Commitment(best_rule.args[0], form, _dedupe(quotes))


def _segment_commitment(a: _Article) -> Optional[M.Commitment]:
    """The article's commitment read segment by segment (the reading that gives each topic its strength)."""
    best = strongest(a.reader)
    if best is None:
        return None
    a.explanation.append(_explain(best.rule, best.found))
    held = form_of(a.reader, best.segment, a.rules(Action.FORM))
    if held is not None:
        a.explanation.append(_explain(*held))
    quotes = [q for q in (a.reader.quote(best.segment, best.found),) if q is not None]
    return M.Commitment(best.strength, held[0].args[0] if held else None, _dedupe(quotes))


def _exceptions(a: _Article) -> tuple[tuple[M.Exception_, ...], tuple[M.Exception_, ...]]:
    # on the chapter or not -> kind -> (qualifiers, quotes)
    found_at: dict[bool, dict[str, tuple[list[str], list[M.Quote]]]] = {False: {}, True: {}}
    for rule, found in a.matches(Action.EXCEPTION):
        quals, quotes = found_at[rule.on_chapter].setdefault(rule.args[0], ([], []))
        quals.extend(q for q in rule.args[1:] if q not in quals)
        quotes.extend(a.quotes(found))
    kinds = set(found_at[False]) | set(found_at[True])
    env = a.env()
    for c in a.rules(Action.QUALIFY) if kinds else ():
        rule = c.rule
        held = c.test(env) if rule.args[0] in kinds else None
        if held is None:
            continue
        a.explanation.append(_explain(rule, held))
        for table in found_at.values():
            if rule.args[0] in table:
                quals, quotes = table[rule.args[0]]
                quals.extend(q for q in rule.args[1:] if q not in quals)
                quotes.extend(a.quotes(held))
    order = list(V.EXCEPTION_QUALIFIERS)

    def build(table: dict[str, tuple[list[str], list[M.Quote]]]) -> tuple[M.Exception_, ...]:
        return tuple(M.Exception_(kind, tuple(sorted(quals, key=order.index)), _dedupe(quotes))
                     for kind, (quals, quotes) in table.items())

    return build(found_at[False]), build(found_at[True])


def _scope(a: _Article) -> tuple[tuple[M.Scope, ...], tuple[M.Scope, ...]]:
    out: dict[bool, dict[tuple[str, str], list[M.Quote]]] = {False: {}, True: {}}
    for mode in V.ScopeMode:
        for rule, found in a.matches(Action(mode.value)):
            out[rule.on_chapter].setdefault((mode, rule.args[0]), []).extend(a.quotes(found))

    def build(table: dict[tuple[str, str], list[M.Quote]]) -> tuple[M.Scope, ...]:
        return tuple(M.Scope(mode, item, _dedupe(q)) for (mode, item), q in table.items())

    return build(out[False]), build(out[True])


def _dispute_settlement(a: _Article) -> tuple[tuple[M.DisputeSettlement, ...], tuple[M.DisputeSettlement, ...]]:
    article: list[M.DisputeSettlement] = []
    chapter: list[M.DisputeSettlement] = []
    env = a.env()
    for c in a.rules(Action.DISPUTE_SETTLEMENT):
        rule = c.rule
        if rule.args[0] != V.DsMode.EXCLUDED:
            continue
        found = c.test(env)
        if found is None:
            continue
        a.explanation.append(_explain(rule, found))
        target = chapter if rule.on_chapter else article
        if not any(d.mode == V.DsMode.EXCLUDED for d in target):
            target.append(M.DisputeSettlement(V.DsMode.EXCLUDED, quotes=_dedupe(a.quotes(found))))
    for rule, found, part in a.part_matches(Action.DISPUTE_SETTLEMENT, True, V.DsMode.SHIELDED):
        read = _parties_and_years(a, part)
        if read is None:
            a.explanation.append(_explain(rule, found) + " but no party and period in years could be read")
            continue
        a.explanation.append(_explain(rule, found))
        item = M.DisputeSettlement(V.DsMode.SHIELDED, read[0], M.Period(years=read[1]),
                                   _dedupe(a.quotes(found, part[0])))
        (chapter if rule.on_chapter else article).append(item)
    return tuple(article), tuple(chapter)


def _transitions(a: _Article) -> tuple[M.Transition, ...]:
    out: list[M.Transition] = []
    for rule, found, part in a.part_matches(Action.TRANSITION, True):
        read = _parties_and_years(a, part)
        if read is None:
            a.explanation.append(_explain(rule, found) + " but no party and period in years could be read")
            continue
        a.explanation.append(_explain(rule, found))
        out.append(M.Transition(read[0], M.Period(years=read[1]), _dedupe(a.quotes(found, part[0])),
                                paragraph=_footnote_paragraph(a, found, part[0])))
    return tuple(out)


def _footnote_paragraph(a: _Article, found: Found, at: int) -> Optional[str]:
    """The paragraph whose footnote holds the first text phrase of ``found`` (at or after ``at`` in the
    normalized text), if the phrase is in a footnote and the article numbers its paragraphs."""
    phrase = next((p for f, p in found if f == "text" and isinstance(p, Phrase)), None)
    if phrase is None:
        return None
    nth = a.text.full.count(phrase.norm, 0, at)
    hit = None
    for i, m in enumerate(phrase_regex(phrase.norm).finditer(a.text.raw)):
        hit = m
        if i >= nth:
            break
    seg = first_segment_at(a.reader, hit.start()) if hit is not None else None
    return seg.where or None if seg is not None and seg.footnote else None


def _parties_and_years(a: _Article, part: tuple[int, int]) -> Optional[tuple[tuple[str, ...], int]]:
    """The parties a sentence names and the number of years it gives, if it gives both."""
    hay = a.text.full[part[0]:part[1]]
    codes: list[str] = []
    taken = hay
    for code, name in a.coder.party_names:
        if name in taken:
            taken = taken.replace(name, " ")
            if code not in codes:
                codes.append(code)
    m = _YEARS.search(hay)
    if not codes or m is None:
        return None
    word = m.group(1)
    years = int(word) if word.isdigit() else WORD_NUMBERS[word]
    return (tuple(sorted(codes)), years) if years > 0 else None
