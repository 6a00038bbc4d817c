"""What the command line accepts and how it answers: countries, agreements, norm sets, formats.

Countries are taken as ISO 3166-1 codes (alpha-2 or alpha-3, any case) or by name in any common form
(:func:`engine.language.parties.lookup`); agreement and norm-set ids in any case (``RCEP``, ``TPP3``);
``--all`` for every agreement of the corpus.  An agreement id given where a norm set is expected (``--norms
tpp3 rcep``: argparse hands every word after ``--norms`` to it) is named as the wrong argument.  A binary
format (``docx``) is written only to a file given with ``-o``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Iterable, Mapping, Optional, TextIO, Union

from engine.cli.common import load_corpus, parse_date, split_refs, usage_error
from engine.util.records import Record

if TYPE_CHECKING:
    from engine.checking.corpus import Corpus
    from engine.language import model as M

Code = int  # an exit code: the usage error has been written


def party(text: str, err: TextIO, option: str = "--party") -> Union[str, Code]:
    """The alpha-2 code of a country given by code or name, or exit code 2 after saying why not."""
    from engine.language import parties as P

    code = P.lookup(text)
    if code is not None:
        return code
    near = P.suggest(text)
    hint = f"did you mean {near}?" if near else "an ISO 3166-1 code (JP, JPN) or a name (Japan, South Korea)"
    what = f"{option} `{text}`" if option else f"`{text}`"
    return usage_error(err, f"{what} is not a country tradegap knows", hint)


class When(Record):
    """The date and the party position a command was given (either may be absent)."""

    as_of: Optional[dt.date]
    party: Optional[str]


def date_and_party(args: argparse.Namespace, err: TextIO) -> Union[When, Code]:
    """``--as-of`` and ``--party`` (a country by code or name), or exit code 2 after saying why not."""
    as_of = who = None
    if getattr(args, "as_of", None) is not None:
        as_of = parse_date(args.as_of)
        if as_of is None:
            return usage_error(err, f"--as-of `{args.as_of}` is not a date", "write it YYYY-MM-DD, e.g. 2026-01-01")
    if getattr(args, "party", None) is not None:
        found = party(args.party, err)
        if isinstance(found, int):
            return found
        who = found
    return When(as_of, who)


def find_id(ident: str, known: Iterable[str]) -> Optional[str]:
    """``ident`` as the corpus spells it: exactly, else the one id equal to it ignoring case."""
    ids = list(known)
    if ident in ids:
        return ident
    folded = [k for k in ids if k.casefold() == ident.casefold()]
    return folded[0] if len(folded) == 1 else None


def _unknown(err: TextIO, what: str, ident: str, known: Mapping[str, object], listing: str) -> Code:
    from engine.language.diagnostics import did_you_mean

    return usage_error(err, f"unknown {what} `{ident}`", did_you_mean(ident, known) or f"see `tradegap list {listing}`")


def agreement(corpus: Corpus, ident: str, err: TextIO) -> Union[M.Agreement, Code]:
    """The agreement with this id (any case), or exit code 2 after naming the nearest ids."""
    found = find_id(ident, corpus.agreements)
    if found is None:
        return _unknown(err, "agreement", ident, corpus.agreements, "agreements")
    return corpus.agreement(found)


def norm_sets(corpus: Corpus, ids: Iterable[str], err: TextIO, command: str = "report") -> Union[list[M.NormSet], Code]:
    """The norm sets named (any case; every norm set when none is), or exit code 2 after naming the wrong
    argument: an agreement id among them says it is an agreement, to be written before ``--norms``."""
    chosen = []
    for ident in list(ids) or sorted(corpus.norm_sets):
        found = find_id(ident, corpus.norm_sets)
        if found is None and find_id(ident, corpus.agreements) is not None:
            return usage_error(err, f"`{ident}` is an agreement, not a norm set, but it was given to --norms",
                               f"put agreements before --norms: tradegap {command} {ident} --norms SET ...")
        if found is None:
            return _unknown(err, "norm set", ident, corpus.norm_sets, "norms")
        chosen.append(corpus.norms(found))
    return chosen


def _from_files(corpus: Corpus, ref: str) -> tuple[str, ...]:
    found = corpus.agreements_in(ref)
    if not found:
        from engine.checking.corpus import discover

        names, _ = discover([ref])
        found = tuple(i for n in names for i in corpus.agreements_in(n))
    return found


def _agreement_ids(args: argparse.Namespace, corpus: Corpus, paths: list[str], err: TextIO) -> Union[list[str], Code]:
    """The ids the agreement arguments name (files give theirs; ``--all`` every id of the corpus)."""
    if getattr(args, "all", False):
        return sorted(corpus.agreements)
    ids: list[str] = []
    for ref in args.agreements:
        if ref not in paths:
            ids.append(ref)
            continue
        found = _from_files(corpus, ref)
        if not found:
            return usage_error(err, f"{ref} defines no agreement")
        ids.extend(found)
    return ids


class Targets(Record):
    """What a report, comparison or explanation is about."""

    corpus: Corpus
    agreements: list[M.Agreement]
    norm_sets: list[M.NormSet]
    as_of: Optional[dt.date]
    party: Optional[str]


def _both(args: argparse.Namespace, err: TextIO) -> Optional[Code]:
    if getattr(args, "all", False) and args.agreements:
        return usage_error(err, "give agreements or --all, not both")
    return None


def _none_given(args: argparse.Namespace, err: TextIO) -> Code:
    return usage_error(err, "no agreement given", f"name agreements before the options, e.g. tradegap "
                       f"{getattr(args, 'command', 'report')} rcep --norms tpp3, or use --all")


def _chosen(args: argparse.Namespace, corpus: Corpus, paths: list[str], err: TextIO) -> Union[list[M.Agreement], Code]:
    ids = _agreement_ids(args, corpus, paths, err)
    if isinstance(ids, int):
        return ids
    chosen = []
    for ident in ids:
        found = agreement(corpus, ident, err)
        if isinstance(found, int):
            return found
        chosen.append(found)
    return chosen


def targets(args: argparse.Namespace, err: TextIO) -> Union[Targets, Code]:
    """The corpus, the agreements (ids in any case, files, or ``--all``), the norm sets, the date and the
    party of a command, or an exit code after explaining the problem.

    With no agreement given, the norm sets are checked first: an agreement id after ``--norms`` (where
    argparse put it) is named as the wrong argument.
    """
    given = bool(args.agreements) or getattr(args, "all", False)
    refused = _both(args, err)
    when = date_and_party(args, err) if refused is None else refused
    if isinstance(when, int):
        return when
    paths, _ = split_refs(args.agreements)
    corpus = load_corpus(args, paths, err)
    if corpus is None:
        return 2
    command = getattr(args, "command", None) or "report"
    sets = None if given else norm_sets(corpus, getattr(args, "norms", None) or (), err, command)
    if isinstance(sets, int):
        return sets
    if not given:
        return _none_given(args, err)
    chosen = _chosen(args, corpus, paths, err)
    if isinstance(chosen, int):
        return chosen
    sets = norm_sets(corpus, getattr(args, "norms", None) or (), err, command)
    if isinstance(sets, int):
        return sets
    return Targets(corpus, chosen, sets, when.as_of, when.party)


# ---------------------------------------------------------------- output


def add_format_arguments(p: argparse.ArgumentParser, binary: bool = True) -> None:
    """``--format`` (the text formats, and docx when ``binary``) and ``--output``."""
    from engine.rendering import BINARY_FORMATS, FORMATS

    choices = FORMATS + (BINARY_FORMATS if binary else ())
    p.add_argument("--format", "-f", choices=choices, default="text",
                   help="docx (a Word memo) needs -o FILE" if binary else None)
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically)")


def emit_result(result: object, args: argparse.Namespace, out: TextIO, err: TextIO, *corpora: Corpus) -> Code:
    """Render ``result`` in ``--format`` and write it to ``--output`` or ``out``; a binary format only to a file
    (exit code 2 otherwise).  ``-o`` may not name a file of ``corpora`` (the output's own inputs)."""
    from engine.cli.common import emit, user_files, write_file
    from engine.rendering import BINARY_FORMATS, render, render_binary

    inputs = [path for corpus in corpora for path in user_files(corpus)]
    if args.format not in BINARY_FORMATS:
        return emit(render(result, args.format), args, out, err, inputs)
    if not getattr(args, "output", None):
        return usage_error(err, f"{args.format} is a binary file format: it cannot be written to a terminal",
                           f"give the file to write: -o brief.{args.format}")
    return write_file(args.output, render_binary(result, args.format), err, inputs)
