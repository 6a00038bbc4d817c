"""Auto-coding: apply coding rules to one article's heading and text.

Rules test the whole article, except ``strength`` and ``form``, which test
one clause at a time, and ``transition`` and ``dispute-settlement shielded``,
which test one sentence at a time: a clause takes the strength of the first
rule that matches it (``none``: the clause commits no one), the article the
strongest of its clauses, and ``form`` is read from that clause.  Every
suggestion quotes the words around the phrase that triggered it (verbatim,
white space collapsed), and the article's note says which rule fired on
which words.
"""

from __future__ import annotations

import re
from typing import Optional

import attrs

from engine.language import model as M
from engine.language import parties as P
from engine.language import vocab as V
from engine.importer.conditions import Env, cheap_first, compile_condition, heading_gate, keys, without_text
from engine.importer.passages import ArticleText, window
from engine.importer.raw import WORD_NUMBERS, clean_text
from engine.importer.rules_lang import Phrase, Rule, RuleSet, bind, has_placeholder, normalize, normalize_heading

MAX_QUOTES = 3
_RANK = {"hortatory": 1, "best-endeavour": 2, "binding": 3}
_YEARS = re.compile(r" (\d{1,2}|" + "|".join(w for w in WORD_NUMBERS if WORD_NUMBERS[w] > 0) + r") years? ")


@attrs.frozen
class Coding:
    """What the rules suggest for one article (chapter-level statements kept apart)."""

    topics: tuple[str, ...] = ()
    commitment: Optional[M.Commitment] = None
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


@attrs.frozen
class Coder:
    """Rules ready for one agreement: placeholders bound, conditions compiled, party names known."""

    rules: RuleSet
    compiled: dict = attrs.field(eq=False, repr=False)  # action -> ((rule, test, heading gate, wordless), ...)
    anchors: dict = attrs.field(eq=False, repr=False)  # (action, mode) -> words a part must hold to be tested
    party_names: tuple[tuple[str, str], ...] = ()  # (code, normalized name), longest names first


PART_ACTIONS = {"strength": None, "form": None, "transition": None, "dispute-settlement": "shielded"}


def make_coder(rules: RuleSet, parties: tuple[str, ...] = (), ds_chapter: Optional[str] = None) -> Coder:
    """Bind the rules to an agreement: its parties (for transitions) and its dispute-settlement chapter."""
    compiled, anchors = _cached(("compiled", ds_chapter), rules, lambda: _compiled(rules, ds_chapter))
    names = _cached(("names", tuple(parties)), rules, lambda: _party_names(rules, tuple(parties)))
    return Coder(rules, compiled, anchors, names)


_CACHE: dict = {}


def _cached(key: tuple, rules: RuleSet, make):
    """Memoized per rule set by identity (hashing a rule set means walking every condition)."""
    entry = _CACHE.get((id(rules),) + key)
    if entry is None or entry[0] is not rules:
        if len(_CACHE) > 4096:
            _CACHE.clear()
        entry = (rules, make())
        _CACHE[(id(rules),) + key] = entry
    return entry[1]


def _compiled(rules: RuleSet, ds_chapter: Optional[str]) -> tuple[dict, dict]:
    """action -> ((rule, test, heading gate, may hold without text), ...), and each part action's anchors."""
    once = _cached(("once",), rules, lambda: tuple(
        (r, None if has_placeholder(r.condition) else compile_condition(cheap_first(r.condition)))
        for r in rules.rules))
    groups: dict[str, list] = {}
    anchors: dict[tuple, set] = {}
    for r, test in once:
        if test is None:
            r = bind(attrs.evolve(rules, rules=(r,)), {"ds-chapter": ds_chapter}).rules[0]
            test = compile_condition(cheap_first(r.condition))
        productive = r.action in PART_ACTIONS and not (
            r.action == "strength" and r.args[0] == "none"
            or PART_ACTIONS[r.action] is not None and r.args[0] != PART_ACTIONS[r.action])
        groups.setdefault(r.action, []).append((r, test, heading_gate(r.condition),
                                                productive and without_text(r.condition)))
        if productive:  # a part only unproductive rules would match is not coded anyway
            anchors.setdefault((r.action, PART_ACTIONS[r.action]), set()).update(f" {k} " for k in keys(r.condition))
    return {k: tuple(v) for k, v in groups.items()}, {k: tuple(sorted(v)) for k, v in anchors.items()}


def _party_names(rules: RuleSet, parties: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    codes = parties or P.known_codes()
    aliases = dict(rules.aliases)
    names = []
    for code in codes:
        variants = {P.name(code), P.name(code).split(",")[0], *aliases.get(code, ())}
        names.extend((code, normalize(v)) for v in variants if v and v != code)
    return tuple(sorted(set(names), key=lambda cn: (-len(cn[1]), cn)))


def _explain(rule: Rule, found: tuple) -> str:
    words = ", ".join(f"{f} '{p.text if isinstance(p, Phrase) else p}'" for f, p in found) or "always"
    return f"{rule.label()} ({words})"


# ---------------------------------------------------------------- coding


class _Article:
    """Working state while one article is coded."""

    def __init__(self, coder: Coder, heading: str, chapter: str, text: str):
        self.coder = coder
        self.heading_raw = clean_text(heading)
        self.text = ArticleText(text)
        self.heading = normalize_heading(heading)
        self.heading_words = frozenset(self.heading.split())
        self.chapter = normalize_heading(chapter)
        self.topics: list[str] = []
        self.explanation: list[str] = []
        self.article_env = Env(self.heading, self.chapter, self.topics, self.text.full, self.text.words)

    def env(self, hay: Optional[str] = None) -> Env:
        if hay is None:
            return self.article_env
        return Env(self.heading, self.chapter, self.topics, hay, None)

    def rules(self, action: str) -> tuple:
        """((rule, compiled condition, heading gate), ...) for ``action``, in the file's order."""
        return self.coder.compiled.get(action, ())

    def quotes(self, found: tuple, at: int = 0, clause: bool = False) -> list[M.Quote]:
        """Quotes for the phrases that fired: text around a text phrase, the heading for a heading phrase."""
        out: list[M.Quote] = []
        for field, p in found:
            if field == "text":
                q = self.text.quote(p, at, clause)
                if q is not None:
                    out.append(q)
            elif field == "heading" and self.heading_raw:
                out.append(M.Quote(window(self.heading_raw, p)))
        return out

    def matches(self, action: str):
        """(rule, tests that fired) for every rule of ``action`` that holds on the whole article."""
        env = self.env()
        words = self.heading_words
        for rule, test, gate, _ in self.rules(action):
            if gate is not None and gate.isdisjoint(words):
                continue
            found = test(env)
            if found is not None:
                self.explanation.append(_explain(rule, found))
                yield rule, found

    def part_matches(self, action: str, sentences: bool, mode: Optional[str] = None):
        """(first rule of ``action`` that holds, its tests, (start, end) of the part in the text) for
        each clause (or sentence), only the rules whose first word is ``mode`` when given.

        Only the parts that hold a word of a phrase that can make a rule suggest something are
        tested, and the first part, which stands for any other when a rule holds without words.
        """
        rules = tuple(r for r in self.rules(action) if (mode is None or r[0].args[0] == mode)
                      and (r[2] is None or not r[2].isdisjoint(self.heading_words)))
        if not rules:
            return
        env = self.env(" ")
        parts = self.text.parts_with(self.coder.anchors.get((action, PART_ACTIONS[action]), ()), sentences)
        if any(wordless and test(env) is not None for _, test, _, wordless in rules):
            first = self.text.first_part(sentences)
            parts = sorted(set(parts) | {first})
        full = self.text.full
        for start, end in parts:
            env.hay = full[start:end]
            for rule, test, _, _ in rules:
                found = test(env)
                if found is not None:
                    yield rule, found, (start, end)
                    break


def _dedupe(quotes: list[M.Quote]) -> tuple[M.Quote, ...]:
    out: list[M.Quote] = []
    for q in quotes:
        if q.text and not any(q.text in o.text for o in out):
            out = [o for o in out if o.text not in q.text] + [q]
    return tuple(out[:MAX_QUOTES])


def code_article(coder: Coder, heading: Optional[str], chapter: Optional[str], text: str) -> Coding:
    """The coding the rules suggest for one article."""
    a = _Article(coder, heading or "", chapter or "", text)
    for rule, _ in a.matches("topic"):
        a.topics.extend(t for t in rule.args if t not in a.topics)
    commitment = _commitment(a)
    exceptions, chapter_exceptions = _exceptions(a)
    scope, chapter_scope = _scope(a)
    software = next((M.Software(r.args[0], _dedupe(a.quotes(f))) for r, f in a.matches("software")), None)
    contingency = next((M.Contingency(r.args[0], _dedupe(a.quotes(f))) for r, f in a.matches("contingent")), None)
    ds, chapter_ds = _dispute_settlement(a)
    return Coding(
        topics=tuple(a.topics), commitment=commitment, exceptions=exceptions, scope=scope, software=software,
        contingency=contingency, dispute_settlement=ds, transitions=_transitions(a),
        chapter_exceptions=chapter_exceptions, chapter_scope=chapter_scope, chapter_dispute_settlement=chapter_ds,
        explanation=tuple(a.explanation),
    )


def _commitment(a: _Article) -> Optional[M.Commitment]:
    best, best_rule, best_found, best_part = 0, None, (), (0, 0)
    for rule, found, part in a.part_matches("strength", False):
        rank = _RANK.get(rule.args[0], 0)
        if rank > best:
            best, best_rule, best_found, best_part = rank, rule, found, part
    if best_rule is None:
        return None
    a.explanation.append(_explain(best_rule, best_found))
    form = None
    env = a.env(a.text.full[best_part[0]:best_part[1]])
    for rule, test, _, _ in a.rules("form"):
        found = test(env)
        if found is not None:
            form = rule.args[0]
            a.explanation.append(_explain(rule, found))
            break
    quotes = a.quotes(best_found, best_part[0], clause=True) or [q for q in (a.text.quote(None),) if q]
    return M.Commitment(best_rule.args[0], form, _dedupe(quotes))


def _exceptions(a: _Article) -> tuple[tuple[M.Exception_, ...], tuple[M.Exception_, ...]]:
    found_at: dict[bool, dict[str, tuple[list, list]]] = {False: {}, True: {}}
    for rule, found in a.matches("exception"):
        quals, quotes = found_at[rule.on_chapter].setdefault(rule.args[0], ([], []))
        quals.extend(q for q in rule.args[1:] if q not in quals)
        quotes.extend(a.quotes(found))
    kinds = set(found_at[False]) | set(found_at[True])
    env = a.env()
    for rule, test, _, _ in a.rules("qualify") if kinds else ():
        found = test(env) if rule.args[0] in kinds else None
        if found is None:
            continue
        a.explanation.append(_explain(rule, found))
        for table in found_at.values():
            if rule.args[0] in table:
                quals, quotes = table[rule.args[0]]
                quals.extend(q for q in rule.args[1:] if q not in quals)
                quotes.extend(a.quotes(found))
    order = list(V.EXCEPTION_QUALIFIERS)

    def build(table) -> tuple[M.Exception_, ...]:
        return tuple(M.Exception_(kind, tuple(sorted(quals, key=order.index)), _dedupe(quotes))
                     for kind, (quals, quotes) in table.items())

    return build(found_at[False]), build(found_at[True])


def _scope(a: _Article) -> tuple[tuple[M.Scope, ...], tuple[M.Scope, ...]]:
    out: dict[bool, dict[tuple[str, str], list]] = {False: {}, True: {}}
    for action in ("covers", "excludes"):
        for rule, found in a.matches(action):
            out[rule.on_chapter].setdefault((action, rule.args[0]), []).extend(a.quotes(found))
    return tuple(tuple(M.Scope(mode, item, _dedupe(q)) for (mode, item), q in out[level].items())
                 for level in (False, True))


def _dispute_settlement(a: _Article) -> tuple[tuple[M.DisputeSettlement, ...], tuple[M.DisputeSettlement, ...]]:
    article: list[M.DisputeSettlement] = []
    chapter: list[M.DisputeSettlement] = []
    env = a.env()
    for rule, test, _, _ in a.rules("dispute-settlement"):
        if rule.args[0] != "excluded":
            continue
        found = test(env)
        if found is None:
            continue
        a.explanation.append(_explain(rule, found))
        target = chapter if rule.on_chapter else article
        if not any(d.mode == "excluded" for d in target):
            target.append(M.DisputeSettlement("excluded", quotes=_dedupe(a.quotes(found))))
    for rule, found, part in a.part_matches("dispute-settlement", True, "shielded"):
        read = _parties_and_years(a, part)
        if read is None:
            a.explanation.append(_explain(rule, found) + " but no party and period in years could be read")
            continue
        a.explanation.append(_explain(rule, found))
        item = M.DisputeSettlement("shielded", read[0], M.Period(years=read[1]),
                                   _dedupe(a.quotes(found, part[0])))
        (chapter if rule.on_chapter else article).append(item)
    return tuple(article), tuple(chapter)


def _transitions(a: _Article) -> tuple[M.Transition, ...]:
    out: list[M.Transition] = []
    for rule, found, part in a.part_matches("transition", True):
        read = _parties_and_years(a, part)
        if read is None:
            a.explanation.append(_explain(rule, found) + " but no party and period in years could be read")
            continue
        a.explanation.append(_explain(rule, found))
        out.append(M.Transition(read[0], M.Period(years=read[1]), _dedupe(a.quotes(found, part[0]))))
    return tuple(out)


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
