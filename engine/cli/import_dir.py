"""`tradegap import DIR -o OUTDIR`: every treaty of a folder imported in parallel, and a progress bar.

Each .xml, .txt and .pdf file directly in DIR is imported in a worker process (``--jobs``, default: one per
core) and checked as `tradegap import FILE` checks it; the parent writes ``OUTDIR/<id>.agr`` atomically.
It never writes outside OUTDIR (a name there that is a symbolic link or not a regular file is refused),
never replaces a file without ``--force``, and ends with a summary: files, articles, coded, and each
failure with its reason.  Exit code 1 when any file failed.
"""

from __future__ import annotations

import os
import time
from typing import Any, Optional, TextIO

import attrs

SUFFIXES = (".xml", ".txt", ".pdf")


class Bar:
    """A progress bar on a terminal (``\\r``-redrawn on one line), nothing when the stream is not one."""

    def __init__(self, err: TextIO, label: str, unit: str, width: int = 30) -> None:
        self.err, self.label, self.unit, self.width = err, label, unit, width
        isatty = getattr(err, "isatty", None)
        self.on = bool(isatty and isatty())
        self.shown = -1

    def __call__(self, done: int, total: int, note: str = "") -> None:
        if not self.on or total <= 0:
            return
        filled = self.width * done // total
        if filled == self.shown and done != total and not note:
            return
        self.shown = filled
        bar = "#" * filled + "-" * (self.width - filled)
        self.err.write(f"\r{self.label} [{bar}] {done}/{total} {self.unit} {note[:30]:30}")
        self.err.flush()

    def close(self) -> None:
        if self.on and self.shown >= 0:
            self.err.write("\r" + " " * (len(self.label) + self.width + 60) + "\r")
            self.err.flush()


@attrs.frozen
class Outcome:
    """What a worker made of one file: the source text to write under ``ident``, or why it failed."""

    path: str
    ident: Optional[str] = None
    text: Optional[str] = None
    articles: int = 0
    with_topic: int = 0
    coded: int = 0
    failed: Optional[str] = None


def treaty_files(folder: str) -> list[str]:
    """The .xml, .txt and .pdf files directly in ``folder``, sorted by name."""
    return sorted(os.path.join(folder, name) for name in os.listdir(folder)
                  if name.lower().endswith(SUFFIXES) and os.path.isfile(os.path.join(folder, name)))


_RULES: dict[str, Any] = {}


def import_one(path: str, fmt: Optional[str], rules_path: Optional[str]) -> Outcome:
    """Import and check one file (run in a worker: it never raises, a failure is an outcome)."""
    try:
        return _import_one(path, fmt, rules_path)
    except Exception as exc:  # noqa: BLE001  (one bad file must not stop the others)
        return Outcome(path, failed=f"internal error: {type(exc).__name__}: {exc}")


def _import_one(path: str, fmt: Optional[str], rules_path: Optional[str]) -> Outcome:
    from engine.checking.validate import validate
    from engine.importer import DraftTooLarge, GeneratedSourceError, import_file, read_rules, to_source

    rules = None
    if rules_path:
        if rules_path not in _RULES:
            _RULES[rules_path] = read_rules(rules_path)[0]
        rules = _RULES[rules_path]
    result = import_file(path, fmt, rules)
    if result.agreement is None:
        first = next((d for d in result.diagnostics if d.is_error), None)
        return Outcome(path, failed=f"{first.code} {first.message}" if first else "nothing imported")
    try:
        text = to_source(result, f"{result.agreement.id}.agr", validate)
    except DraftTooLarge as exc:
        return Outcome(path, failed=exc.message)
    except GeneratedSourceError as exc:
        return Outcome(path, failed=f"internal error: {exc.message}")
    s = result.stats
    return Outcome(path, result.agreement.id, text, s.articles, s.with_topic, s.coded)


@attrs.define
class Batch:
    """A folder being imported: where to write, what is done."""

    outdir: str
    force: bool
    done: list[Outcome] = attrs.Factory(list)
    written: dict[str, str] = attrs.Factory(dict)  # id -> the file it came from

    def take(self, o: Outcome) -> Outcome:
        """Write the outcome's text to OUTDIR/<id>.agr; the outcome, failed if it could not be written."""
        if o.text is not None and o.ident is not None:
            o = self.write(o, o.ident, o.text)
        self.done.append(attrs.evolve(o, text=None))
        return o

    def write(self, o: Outcome, ident: str, text: str) -> Outcome:
        from engine.util.files import write_output

        if ident in self.written:
            return attrs.evolve(o, failed=f"its id `{ident}` is also the id of {os.path.basename(self.written[ident])}; "
                                          "import it alone with --id", text=None)
        target = os.path.join(self.outdir, ident + ".agr")
        if os.path.islink(target) or (os.path.lexists(target) and not os.path.isfile(target)):
            return attrs.evolve(o, failed=f"{target} is not a regular file; not written", text=None)
        if os.path.exists(target) and not self.force:
            return attrs.evolve(o, failed=f"{target} exists (--force replaces it)", text=None)
        try:
            write_output(target, text)
        except OSError as exc:
            return attrs.evolve(o, failed=f"cannot write {target}: {getattr(exc, 'strerror', None) or exc}",
                                text=None)
        self.written[ident] = o.path
        return o

    def summary(self, seconds: float) -> str:
        ok = [o for o in self.done if o.failed is None]
        failed = [o for o in self.done if o.failed is not None]
        n = len(self.done)
        lines = [f"imported {len(ok)} of {n} file{'s' if n != 1 else ''} into {self.outdir} in {seconds:.1f} s: "
                 f"{sum(o.articles for o in ok)} articles, {sum(o.with_topic for o in ok)} with a topic, "
                 f"{sum(o.coded for o in ok)} coded; every article is `verification auto`"]
        if failed:
            lines.append(f"failed: {len(failed)}")
            lines.extend(f"  {os.path.basename(o.path)}: {o.failed}" for o in sorted(failed, key=lambda o: o.path))
        return "\n".join(lines) + "\n"


def run_folder(folder: str, outdir: str, jobs: int, fmt: Optional[str], rules_path: Optional[str], force: bool,
               out: TextIO, err: TextIO) -> int:
    """Import every treaty file of ``folder`` into ``outdir``; 0, or 1 when any file failed."""
    files = treaty_files(folder)
    batch = Batch(outdir, force)
    bar = Bar(err, "importing", "files")
    start = time.perf_counter()
    if jobs <= 1 or len(files) <= 1:
        for i, path in enumerate(files, 1):
            batch.take(import_one(path, fmt, rules_path))
            bar(i, len(files), os.path.basename(path))
    else:
        _in_parallel(files, jobs, fmt, rules_path, batch, bar)
    bar.close()
    out.write(batch.summary(time.perf_counter() - start))
    return 1 if any(o.failed for o in batch.done) else 0


def _in_parallel(files: list[str], jobs: int, fmt: Optional[str], rules_path: Optional[str], batch: Batch,
                 bar: Bar) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # the big files first, so that no worker is left with a big one at the end
    order = sorted(files, key=lambda p: -os.path.getsize(p))
    got: dict[str, Outcome] = {}
    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        futures = {pool.submit(import_one, path, fmt, rules_path): path for path in order}
        for i, future in enumerate(as_completed(futures), 1):
            path = futures[future]
            try:
                got[path] = future.result()
            except Exception as exc:  # noqa: BLE001  (a worker that died: the file failed, the others go on)
                got[path] = Outcome(path, failed=f"internal error: the worker stopped ({type(exc).__name__})")
            bar(i, len(files), os.path.basename(path))
    for path in files:  # written in the order of the names, whatever order the workers finished in
        batch.take(got[path])
