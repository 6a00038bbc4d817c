"""A per-user cache of parsed and validated files, so a warm run never imports lark.

Entries live in ``$XDG_CACHE_HOME/tradegap`` (or ``~/.cache/tradegap``), a
directory this user owns with mode 0700; anything else (a symbolic link,
another owner, looser permissions that cannot be tightened) turns the cache
off.  An entry is named by a BLAKE2b hash over the engine version, the Python
version, the grammar and the modules that shape a parse, the file's display
path and its text.  It is written to a temporary file and renamed, and read
only with ``O_NOFOLLOW | O_NONBLOCK`` from a regular file this user owns.

An entry cannot run code when read.  It carries a MAC over its name and
contents (BLAKE2b in its keyed mode), keyed by a random key kept in the folder (``key``, mode 0600,
created once, atomically); the MAC is checked before anything is
unpickled, so an entry planted by someone without the key is ignored.  The
unpickler then builds only the language's model classes and dates, and the
entry must name its own key and hold a document and diagnostics of the
expected types; a corrupt, stale or foreign entry is ignored and rebuilt.

The cache holds at most about :data:`MAX_BYTES`.  The size of every entry
stored is appended to a ledger (``ledger``: in batches, and when the process
ends); when the ledger has grown by :data:`LEDGER_RECORDS` records it is
summed, and only when the sum passes the bound is the folder scanned and the
oldest entries removed, down to three quarters of it.  No run scans the
folder otherwise, however many files it reads.

A corpus built through the cache also stores its index here (:func:`store_index`, an entry like the
others; :mod:`engine.checking.index` says what it holds), so that a warm run unpickles only the files
that define the ids it is asked about.

``TRADEGAP_NO_CACHE=1`` turns the cache off.  Lark's own ``cache=True`` is
never used (a predictable shared file, unpickled unchecked).
"""

from __future__ import annotations

import atexit
import functools
import io
import os
import stat
import sys
from typing import TYPE_CHECKING, Optional, TypeAlias

try:  # the C pickler alone: the pickle module around it would cost every run 5 M instructions to import
    from _pickle import PicklingError, Unpickler, UnpicklingError, dumps
except ImportError:  # an interpreter without it  # pragma: no cover
    from pickle import PicklingError, Unpickler, UnpicklingError, dumps

try:  # BLAKE2b without hashlib, which loads OpenSSL (12 M instructions) for it: the very same object
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it  # pragma: no cover
    from hashlib import blake2b
try:  # hmac.compare_digest without hmac (which imports hashlib): the constant-time comparison
    from _operator import _compare_digest as compare_digest
except ImportError:  # pragma: no cover
    from hmac import compare_digest  # type: ignore[no-redef]

if TYPE_CHECKING:  # imported when an entry is checked: a run with the cache off needs neither here
    from engine.language import diagnostics as D
    from engine.language import model as M

Entry: TypeAlias = "tuple[Optional[M.Document], tuple[D.Diagnostic, ...]]"
"""What an entry holds: the document (None if unparsable) and its diagnostics."""

MAGIC = b"tradegap-cache-3"
SUFFIX = ".pickle"
KEY_NAME = "key"
KEY_BYTES = 32
MAC_BYTES = 32
LEDGER = "ledger"
LEDGER_RECORDS = 1024  # the ledger is summed (and compacted) after this many stores
MAX_BYTES = 256 * 1024 * 1024  # beyond this, the oldest entries are removed down to 3/4 of it
MAX_ENTRY_BYTES = MAX_BYTES // 16  # a larger parse is not kept
_RECORD = 16  # one ledger record: an entry's size, 15 digits and a newline
_BATCH = 64  # sizes written to the ledger at once
_FLAGS = os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_ALLOWED = {"engine.language.model", "engine.language.vocab", "engine.language.codes"}
_KEYS: dict[str, bytes] = {}  # folder -> its key, read once per process
_SAFE: set[str] = set()  # folders found safe in this process
_PENDING: dict[str, list[int]] = {}  # folder -> sizes stored and not yet in its ledger
_SHAPERS = ("syntax/grammar/tradegap.lark", "syntax/parse.py", "syntax/lower.py", "syntax/errors.py",
            "syntax/comments.py", "syntax/lark_util.py", "syntax/limits.py", "language/model.py",
            "checking/validate.py", "language/vocab.py", "language/parties.py", "language/diagnostics.py", "language/codes.py",
            "language/predicates.py", "syntax/fastparse.py",
            "checking/cache.py")


def enabled() -> bool:
    """Whether the cache is on (``TRADEGAP_NO_CACHE`` unset or not ``1``, ``true``, ``yes``)."""
    return os.environ.get("TRADEGAP_NO_CACHE", "") not in ("1", "true", "yes")


def directory() -> Optional[str]:
    """The private cache directory, created if need be, or None if there is no safe one.

    A folder found safe is remembered for the rest of the process (every file of a run asks).
    """
    if not enabled():
        return None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    path = os.path.join(base, "tradegap")
    if path in _SAFE:
        return path
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        st = os.lstat(path)
        if not stat.S_ISDIR(st.st_mode) or not _ours(st):
            return None
        if st.st_mode & 0o077:
            os.chmod(path, 0o700)
    except OSError:
        return None
    _SAFE.add(path)
    return path


def _ours(st: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


@functools.lru_cache(maxsize=1)
def _engine_fingerprint() -> bytes:
    """What a cached parse depends on besides the text: versions, grammar, parsing modules."""
    from engine._version import __version__

    h = blake2b(MAGIC, digest_size=32)
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
    h = blake2b(_engine_fingerprint(), digest_size=32)
    h.update(path.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def load(entry: Optional[str]) -> Optional[Entry]:
    """The (document, diagnostics) stored under ``entry``, or None for a miss or a bad entry."""
    stored = _load_payload(entry)
    return None if stored is None else _checked(stored, entry or "")


def load_index(name: Optional[str]) -> Optional[object]:
    """The corpus index stored under ``name`` (see :mod:`.index`, which checks its shape), or None."""
    stored = _load_payload(name)
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == name):
        return None
    index: object = stored[1]
    return index


def index_key(files: list[tuple[Optional[str], bool]]) -> Optional[str]:
    """The name of the index of a corpus loaded from these files: (entry name, bundled) each, in order.

    None when the cache is off or a file has no entry name.  An entry name already covers the engine,
    the file's path and its text, so this one covers everything a corpus is built from.
    """
    if not enabled() or any(entry is None for entry, _ in files):
        return None
    h = blake2b(MAGIC + b"|corpus index|", digest_size=32)
    for entry, bundled in files:
        h.update(f"{entry}|{int(bundled)}\n".encode("ascii"))
    return h.hexdigest()


def _load_payload(entry: Optional[str]) -> object:
    """What is stored under ``entry`` once its MAC holds, unpickled with :class:`_Unpickler`; None for
    a miss or a bad entry."""
    if not entry:
        return None
    folder = directory()
    key = None if folder is None else folder_key(folder)
    if folder is None or key is None:
        return None
    data = _read_private(os.path.join(folder, entry + SUFFIX), MAX_ENTRY_BYTES + len(MAGIC) + MAC_BYTES)
    if data is None or not data.startswith(MAGIC):
        return None
    mac, payload = data[len(MAGIC):len(MAGIC) + MAC_BYTES], data[len(MAGIC) + MAC_BYTES:]
    if not compare_digest(mac, _mac(key, entry, payload)):
        return None  # not written with this user's key: never unpickled
    try:
        return _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # a corrupt entry (truncated, from an old engine): ignore it
        return None


def _mac(key: bytes, entry: str, payload: bytes) -> bytes:
    """The entry's MAC: over its name (an entry cannot be moved to another name) and its contents; keyed
    BLAKE2b, which is a MAC by design (no HMAC construction needed)."""
    return blake2b(entry.encode("ascii") + b"\0" + payload, digest_size=MAC_BYTES, key=key).digest()


class _Unpickler(Unpickler):
    """Builds only the language's classes (documents, diagnostics, vocabulary) and dates."""

    def find_class(self, module: str, name: str) -> type:
        import datetime
        import importlib

        found = getattr(importlib.import_module(module), name, None) if module in _ALLOWED else None
        if (module, name) == ("datetime", "date"):
            found = datetime.date
        if not isinstance(found, type):
            raise UnpicklingError(f"{module}.{name} is not allowed in a cache entry")
        return found


def _read_private(path: str, limit: int, secret: bool = False) -> Optional[bytes]:
    """The bytes of ``path`` (at most ``limit``), if it is a regular file, not a link, this user owns and
    no one else can write (``secret``: nor read); never blocks on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | _FLAGS)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _ours(st) or st.st_mode & (0o077 if secret else 0o022):
            return None
        if st.st_size > limit:
            return None
        data = b""
        while len(data) <= limit:  # a file that grows while it is read is refused past the limit
            chunk = os.read(fd, limit + 1 - len(data))
            if not chunk:
                break
            data += chunk
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def folder_key(folder: str) -> Optional[bytes]:
    """The folder's MAC key (created if there is none), or None when none can be kept."""
    key = _KEYS.get(folder)
    if key is None:
        key = _read_key(folder) or _new_key(folder)
        if key is not None:
            _KEYS[folder] = key
    return key


def _read_key(folder: str) -> Optional[bytes]:
    key = _read_private(os.path.join(folder, KEY_NAME), KEY_BYTES, secret=True)
    return key if key is not None and len(key) == KEY_BYTES else None


def _new_key(folder: str) -> Optional[bytes]:
    """A new random key, written to a private temporary file and linked into place (so two runs
    starting at once agree on one key); a damaged key file is replaced."""
    import secrets

    key = secrets.token_bytes(KEY_BYTES)
    try:
        tmp = _write_temporary(folder, key)
    except OSError:
        return None
    try:
        os.link(tmp, os.path.join(folder, KEY_NAME))
    except FileExistsError:
        other = _read_key(folder)
        if other is not None:
            return other  # another run made one a moment ago
        try:
            os.replace(tmp, os.path.join(folder, KEY_NAME))
        except OSError:
            return None
    except OSError:
        return None
    finally:
        _unlink(tmp)
    return key


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
    if entry:
        _store_payload(entry, (entry, document, diagnostics))


def store_index(name: Optional[str], index: object) -> None:
    """Keep a corpus index (plain tuples, diagnostics and expectations) under ``name``; failures are silent."""
    if name:
        _store_payload(name, (name, index))


def _store_payload(entry: str, stored: object) -> None:
    folder = directory()
    key = None if folder is None else folder_key(folder)
    if folder is None or key is None:
        return
    try:
        payload = dumps(stored, protocol=-1)  # the highest protocol
    except (RecursionError, PicklingError, TypeError, AttributeError):
        return
    if len(payload) > MAX_ENTRY_BYTES:
        return
    data = MAGIC + _mac(key, entry, payload) + payload
    try:
        os.replace(_write_temporary(folder, data), os.path.join(folder, entry + SUFFIX))
        _account(folder, len(data))
    except Exception:  # the cache is best-effort: a failure to keep an entry never fails a run
        pass


def _write_temporary(folder: str, data: bytes) -> str:
    """A new private file (mode 0600) in ``folder`` holding ``data``; its path.

    Not :func:`engine.util.files.write_output`, whose guarantees are those a user's file needs and the
    cache must not have: it writes text, not bytes; it writes *through* a symbolic link at the target
    (the cache replaces the link itself, as its reader never follows one); it keeps the old file's
    mode (an entry is always 0600, from ``mkstemp``); and it syncs to disk, which the cache does not
    need (an entry torn by a crash fails its MAC and is rebuilt) and would pay for on every file of a
    cold run.
    """
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


# ---------------------------------------------------------------- the size bound


def _account(folder: str, size: int) -> None:
    """Note an entry's size; the sizes go to the ledger in one write every :data:`_BATCH` stores and
    when the process ends."""
    pending = _PENDING.setdefault(folder, [])
    pending.append(size)
    if len(pending) >= _BATCH:
        flush(folder)


def flush_all() -> None:
    """Write every pending size to its ledger (run at exit)."""
    for folder in list(_PENDING):
        try:
            flush(folder)
        except OSError:
            pass


def flush(folder: str) -> None:
    """Append the pending sizes to the folder's ledger; every :data:`LEDGER_RECORDS` records, settle it."""
    sizes = _PENDING.pop(folder, [])
    if not sizes:
        return
    fd = os.open(os.path.join(folder, LEDGER), os.O_WRONLY | os.O_APPEND | os.O_CREAT | _FLAGS, 0o600)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _ours(st):
            return
        os.write(fd, b"".join(b"%15d\n" % size for size in sizes))
        records = st.st_size // _RECORD + len(sizes)
    finally:
        os.close(fd)
    if records >= LEDGER_RECORDS:
        _settle(folder)


def _settle(folder: str) -> None:
    """Sum the ledger; past :data:`MAX_BYTES`, remove the oldest entries; leave one record, the total.

    Runs that store at the same moment may lose a few records: the total is an estimate, made exact
    by the next pruning.
    """
    data = _read_private(os.path.join(folder, LEDGER), LEDGER_RECORDS * _RECORD * 64) or b""
    total = sum(int(line) for line in data.split(b"\n") if line.strip().isdigit())
    if total > MAX_BYTES:
        total = prune(folder, MAX_BYTES * 3 // 4)
    os.replace(_write_temporary(folder, b"%15d\n" % total), os.path.join(folder, LEDGER))


def prune(folder: str, keep: int) -> int:
    """Remove the oldest entries (by modification time) until at most ``keep`` bytes remain; the bytes left."""
    with os.scandir(folder) as it:
        found = [(st.st_mtime, st.st_size, e.path) for e in it
                 if e.name.endswith(SUFFIX) and e.is_file(follow_symlinks=False)
                 for st in (e.stat(follow_symlinks=False),)]
    found.sort()
    total = sum(size for _, size, _ in found)
    for _, size, path in found:
        if total <= keep:
            break
        _unlink(path)
        total -= size
    return total


atexit.register(flush_all)
