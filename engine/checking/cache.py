"""A per-user cache of parsed and validated files, so a warm run never imports lark.

Entries live in ``$XDG_CACHE_HOME/tradegap`` (or ``~/.cache/tradegap``), a
directory this user owns with mode 0700; anything else (a symbolic link,
another owner, looser permissions that cannot be tightened) turns the cache
off.  An entry is a pickle named by a SHA-256 over the engine version, the
Python version, the grammar and the modules that shape a parse, the file's
display path and its text.  It is written to a temporary file and renamed,
read only with ``O_NOFOLLOW`` from a regular file this user owns, and must
name its own key and hold a document and diagnostics of the expected types;
a corrupt, stale or foreign entry is ignored and rebuilt.

``TRADEGAP_NO_CACHE=1`` turns the cache off.  Lark's own ``cache=True`` is
never used (a predictable shared file, unpickled unchecked).
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import sys
from typing import TYPE_CHECKING, Optional, TypeAlias

if TYPE_CHECKING:  # imported when an entry is checked: a run with the cache off needs neither here
    from engine.language import diagnostics as D
    from engine.language import model as M

Entry: TypeAlias = "tuple[Optional[M.Document], tuple[D.Diagnostic, ...]]"
"""What an entry holds: the document (None if unparsable) and its diagnostics."""

MAGIC = b"tradegap-cache-1"
MAX_ENTRIES = 2000  # beyond this, the oldest half is removed when a new entry is stored
_SHAPERS = ("syntax/grammar/tradegap.lark", "syntax/parse.py", "syntax/lower.py", "syntax/errors.py",
            "syntax/comments.py", "syntax/lark_util.py", "syntax/limits.py", "language/model.py",
            "checking/validate.py", "language/vocab.py", "language/parties.py", "language/diagnostics.py", "language/codes.py",
            "language/predicates.py",
            "checking/cache.py")


def enabled() -> bool:
    """Whether the cache is on (``TRADEGAP_NO_CACHE`` unset or not ``1``, ``true``, ``yes``)."""
    return os.environ.get("TRADEGAP_NO_CACHE", "") not in ("1", "true", "yes")


def directory() -> Optional[str]:
    """The private cache directory, created if need be, or None if there is no safe one."""
    if not enabled():
        return None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    path = os.path.join(base, "tradegap")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        st = os.lstat(path)
        if not stat.S_ISDIR(st.st_mode) or not _ours(st):
            return None
        if st.st_mode & 0o077:
            os.chmod(path, 0o700)
    except OSError:
        return None
    return path


def _ours(st: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


@functools.lru_cache(maxsize=1)
def _engine_fingerprint() -> bytes:
    """What a cached parse depends on besides the text: versions, grammar, parsing modules."""
    from engine._version import __version__

    h = hashlib.sha256(MAGIC)
    h.update(f"{__version__}|{sys.version_info[:3]}|{sys.implementation.cache_tag}".encode())
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # engine/
    for name in _SHAPERS:
        try:
            with open(os.path.join(here, name), "rb") as fh:
                h.update(fh.read())
        except OSError:
            h.update(b"missing:" + name.encode())
    return h.digest()


def key(path: str, text: str) -> Optional[str]:
    """The entry name for a file's display path and text (None when the cache is off)."""
    if not enabled():
        return None
    h = hashlib.sha256(_engine_fingerprint())
    h.update(path.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def load(entry: Optional[str]) -> Optional[Entry]:
    """The (document, diagnostics) stored under ``entry``, or None for a miss or a bad entry."""
    if not entry:
        return None
    folder = directory()
    if folder is None:
        return None
    stored = _read_private(os.path.join(folder, entry + ".pickle"))
    return None if stored is None else _checked(stored, entry)


def _read_private(path: str) -> Optional[object]:
    """The pickle in ``path``, if it is a regular file (not a link) this user owns and no one else can write."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or not _ours(st) or st.st_mode & 0o022:
                return None
            if fh.read(len(MAGIC)) != MAGIC:
                return None
            import pickle

            stored: object = pickle.load(fh)
            return stored
    except Exception:  # a corrupt entry (truncated, from an old engine): ignore it
        return None


def _checked(stored: object, entry: str) -> Optional[Entry]:
    from engine.language import diagnostics as D
    from engine.language import model as M

    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == entry):
        return None
    _, document, diags = stored
    if document is not None and not isinstance(document, M.Document):
        return None
    if not isinstance(diags, tuple) or not all(isinstance(d, D.Diagnostic) for d in diags):
        return None
    return document, diags


def store(entry: Optional[str], document: Optional[M.Document], diagnostics: tuple[D.Diagnostic, ...]) -> None:
    """Keep a parse for next time; any failure (disk full, a structure too deep) is silent."""
    if not entry:
        return
    folder = directory()
    if folder is None:
        return
    import pickle

    try:
        data = MAGIC + pickle.dumps((entry, document, diagnostics), protocol=pickle.HIGHEST_PROTOCOL)
    except (RecursionError, pickle.PicklingError, TypeError, AttributeError):
        return
    try:
        _write_private(folder, entry + ".pickle", data)
        _prune(folder)
    except Exception:  # the cache is best-effort: a failure to keep an entry never fails a run
        pass


def _write_private(folder: str, name: str, data: bytes) -> None:
    """Replace ``folder/name`` with ``data``: a temporary file (mode 0600) in ``folder``, renamed over it.

    Not :func:`engine.util.files.write_atomic`, whose guarantees are those a user's file needs and the
    cache must not have: it writes text, not bytes; it writes *through* a symbolic link at the target
    (the cache replaces the link itself, as its reader never follows one); it keeps the old file's
    mode (an entry is always 0600, from ``mkstemp``); and it syncs to disk, which the cache does not
    need (an entry torn by a crash fails the ``MAGIC``/unpickling check and is rebuilt) and would
    pay for on every file of a cold run.
    """
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, os.path.join(folder, name))
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _prune(folder: str) -> None:
    """Remove the oldest half of the entries when there are more than MAX_ENTRIES."""
    with os.scandir(folder) as it:
        entries = [e for e in it if e.name.endswith(".pickle") and e.is_file(follow_symlinks=False)]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime)
    for e in entries[: len(entries) // 2]:
        try:
            os.unlink(e.path)
        except OSError:
            pass
