#!/usr/bin/env python3
"""How well does auto-coding match the hand encodings?

For each agreement encoded by hand that ToTA also holds, import the ToTA text,
match articles by number, and compare: topics (precision and recall over
article-topic pairs), strength (share of exact matches) and each exception
kind (share of articles where both agree on whether the kind is there and
with which qualifiers).  Exceptions that the hand encoding copies onto an
article from another article (every quote cites another article, e.g. the
CPTPP 14.2 non-conforming-measures clause repeated on 14.11) are not in the
article's own text, so they are left out of the comparison and counted apart.

    python3 benchmarks/autocode_accuracy.py [--tota ../shared/tota/xml] [--misses]
"""

from __future__ import annotations

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

PAIRS = (  # (hand encoding, ToTA file)
    ("cptpp", "pta_449.xml"),  # the TPP text, which the CPTPP incorporates
    ("jpch", "pta_155.xml"),
    ("jpmn", "pta_425.xml"),
    ("jpau", "pta_151.xml"),
)
# A second set: the rules were written looking at the four texts above, not at these plain texts
# (shared/texts), which ToTA does not hold; they say how the rules do on text they were not fitted to.
HELD_OUT = (
    ("rcep", "rcep.txt"),
    ("wto-ecommerce", "wto-ecommerce.txt"),
)


def _pct(num: int, den: int) -> str:
    return f"{100.0 * num / den:5.1f}% ({num}/{den})" if den else "    n/a (0/0)"


def _own(exception, number: str) -> bool:
    """Whether the hand encoding takes this exception from the article's own text."""
    cited = [q.citation.article for q in exception.quotes if q.citation is not None]
    return not exception.quotes or len(cited) < len(exception.quotes) or any(c == number for c in cited)


def _kinds(article, own_only: bool) -> dict:
    out: dict = {}
    for e in article.exceptions:
        if own_only and not _own(e, article.number):
            continue
        out.setdefault(e.kind, set()).update(e.qualifiers)
    return {k: frozenset(v) for k, v in out.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tota", default=os.path.join(ROOT, "..", "shared", "tota", "xml"),
                    help="the ToTA xml folder (default: ../shared/tota/xml)")
    ap.add_argument("--misses", action="store_true", help="list every disagreement, article by article")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.tota):
        print(f"skipped: the ToTA corpus is not at {args.tota} (give --tota DIR)")
        return 0

    print_block("auto-coding accuracy against the hand encodings", PAIRS, args.tota, args.misses)
    texts = os.path.join(ROOT, "..", "shared", "texts")
    if os.path.isdir(texts):
        print()
        print_block("second set: plain texts from shared/texts, not the texts the rules were written from",
                    HELD_OUT, texts, args.misses)
    return 0


def print_block(heading: str, pairs, folder: str, show_misses: bool) -> None:
    """Compare, for each (hand encoding, source file), and print the figures."""
    from engine.language import vocab as V
    from engine.checking.corpus import load_file
    from engine.importer import import_file

    tp = fp = fn = 0
    strength_ok = n = 0
    kinds = list(V.EXCEPTION_KINDS)
    exact = {k: 0 for k in kinds}
    either = {k: 0 for k in kinds}
    inherited = 0
    chapters = chapters_ok = 0
    misses: list[str] = []
    rows = []
    for ident, tota in pairs:
        hand_file = load_file(os.path.join(ROOT, "agreements", f"{ident}.agr"))
        hand = next(i for i in hand_file.document.items if getattr(i, "id", None) == ident)
        result = import_file(os.path.join(folder, tota))
        if result.agreement is None:
            print(f"{ident}: {tota} could not be imported", file=sys.stderr)
            continue
        auto = {a.number: a for _, a in result.agreement.all_articles()}
        matched = 0
        for _, h in hand.all_articles():
            a = auto.get(h.number)
            if a is None:
                misses.append(f"{ident} {h.number}: no article with this number in {tota}")
                continue
            matched += 1
            n += 1
            ht, at = set(h.topics), set(a.topics)
            tp += len(ht & at)
            fp += len(at - ht)
            fn += len(ht - at)
            if at - ht:
                misses.append(f"{ident} {h.number} topic: auto adds {' '.join(sorted(at - ht))}")
            if ht - at:
                misses.append(f"{ident} {h.number} topic: auto misses {' '.join(sorted(ht - at))}")
            if h.strength == a.strength:
                strength_ok += 1
            else:
                misses.append(f"{ident} {h.number} strength: hand {h.strength}, auto {a.strength}")
            hk, ak = _kinds(h, True), _kinds(a, False)
            inherited += sum(1 for e in h.exceptions if not _own(e, h.number))
            for k in kinds:
                if k in hk or k in ak:
                    either[k] += 1
                if hk.get(k) == ak.get(k):
                    exact[k] += 1
                else:
                    show = lambda v: "absent" if v is None else " ".join([k] + sorted(v))  # noqa: E731
                    misses.append(f"{ident} {h.number} exception: hand {show(hk.get(k))}, auto {show(ak.get(k))}")
        auto_chapters = {c.number: c for c in result.agreement.chapters}
        for hc in hand.chapters:
            ac = auto_chapters.get(hc.number)
            if ac is None:
                continue
            chapters += 1
            excluded = [any(d.mode == "excluded" for d in c.dispute_settlement) for c in (hc, ac)]
            if excluded[0] == excluded[1]:
                chapters_ok += 1
            else:
                word = ["excluded" if e else "applies" for e in excluded]
                misses.append(f"{ident} chapter {hc.number} dispute settlement: hand {word[0]}, auto {word[1]}")
        rows.append((ident, tota, len(hand.all_articles()), matched))

    print(f"{heading} ({n} articles matched by number)")
    for ident, tota, total, matched in rows:
        print(f"  {ident:6} {tota:12} {matched:3} of {total:3} hand-encoded articles matched")
    print(f"topic      precision {_pct(tp, tp + fp)}   recall {_pct(tp, tp + fn)}")
    print(f"strength   exact     {_pct(strength_ok, n)}")
    for k in kinds:
        print(f"exception  {k:24} exact {_pct(exact[k], n)}   (present on either side in {either[k]})")
    print(f"  ({inherited} hand exceptions copied from other articles left out: not in the article's own text)")
    print(f"chapter dispute settlement excluded or not: exact {_pct(chapters_ok, chapters)}")
    if show_misses or misses:
        print(f"\ndisagreements ({len(misses)}):")
        for m in misses:
            print("  " + m)


if __name__ == "__main__":
    sys.exit(main())
