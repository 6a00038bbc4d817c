"""Files: reading a file without blocking or without end, and writing a user's file safely.

Reading (:func:`read_bounded`) opens with ``O_NONBLOCK``, so a FIFO with no writer never blocks the
open, then looks at what was opened: a folder is refused, a regular file over the limit is not read,
anything else (a FIFO, a character device such as ``/dev/zero``) is read up to the limit and no further.

Writing an output (:func:`write_output`, ``report -o``, ``import -o``) replaces a regular file
atomically (a temporary file in the same folder, flushed, renamed over it; a new file gets the mode the
umask allows), writes straight into a FIFO (once a program reads it: at most :data:`FIFO_WAIT` seconds
are waited for one) or a character device without replacing it, and refuses a folder, a missing
folder and a file that is one of the inputs (:class:`Refused`).
Rewriting a source file (:func:`rewrite`, ``fmt --write``) keeps its owner, mode and hard links, and
refuses a read-only file.
The parse cache has its own writer (engine/checking/cache.py).
"""

from __future__ import annotations

import enum
import errno
import os
import re
import secrets
import stat
import time
from typing import Iterable, NamedTuple, Optional, Union

_DESCRIPTOR = re.compile(r"/dev/(?:stdout|stderr|fd/\d+)|/proc/(?:self|\d+)/fd/\d+")
"""Paths that name an open file descriptor: written into (appending), never resolved and replaced."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 20
FIFO_WAIT = 10.0
"""Seconds ``-o FIFO`` waits for a program to open the FIFO for reading."""


class Refusal(enum.Enum):
    """Why a file is not written (the command line words each as a diagnostic)."""

    FOLDER = "folder"
    NO_FOLDER = "no-folder"
    AN_INPUT = "an-input"
    SPECIAL = "special"
    READ_ONLY = "read-only"
    OWNER = "owner"
    NO_READER = "no-reader"


class Refused(Exception):
    """A file tradegap will not write: ``why`` says which rule refused ``path``."""

    def __init__(self, why: Refusal, path: str, detail: str = "") -> None:
        super().__init__(f"{path}: {why.value}")
        self.why = why
        self.path = path
        self.detail = detail


# ---------------------------------------------------------------- reading


class Bounded(NamedTuple):
    """What :func:`read_bounded` read: the bytes (None when the file holds more than the limit), the
    file's size (for a regular file; the bytes read otherwise) and its ``st_mode``."""

    data: Optional[bytes]
    size: int
    mode: int

    @property
    def regular(self) -> bool:
        """Whether the file is a regular file (not a FIFO or a device)."""
        return stat.S_ISREG(self.mode)


def kind_of(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words: ``a FIFO``, ``a character device`` ..."""
    for test, words in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"),
                        (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                        (stat.S_ISSOCK, "a socket"), (stat.S_ISREG, "a regular file")):
        if test(mode):
            return words
    return "not a regular file"


def read_bounded(path: str, limit: int) -> Bounded:
    """The bytes of ``path``, at most ``limit``; never blocks on a FIFO that no one writes to.

    Raises:
        OSError: the file cannot be opened or read; ``IsADirectoryError`` for a folder.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | _CLOEXEC)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        regular = stat.S_ISREG(st.st_mode)
        if regular and st.st_size > limit:
            return Bounded(None, st.st_size, st.st_mode)
        if not regular:
            os.set_blocking(fd, True)  # a FIFO now open: read what its writers send (EOF if none)
        data = _read_upto(fd, limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # a regular file that grew, or a stream without end
        return Bounded(None, st.st_size if regular else len(data), st.st_mode)
    return Bounded(data, len(data), st.st_mode)


def _read_upto(fd: int, most: int) -> bytes:
    chunks: list[bytes] = []
    got = 0
    while got < most:
        chunk = os.read(fd, min(_CHUNK, most - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def is_regular(path: str) -> tuple[bool, int]:
    """Whether ``path`` (links followed) is a regular file, and its ``st_mode`` (0 if it cannot be
    looked at: a dangling link, which the reader then reports)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True, 0
    return stat.S_ISREG(mode), mode


# ---------------------------------------------------------------- writing


def write_output(path: str, text: Union[str, bytes], inputs: Iterable[str] = ()) -> None:
    """Write ``text`` (UTF-8 text, or the bytes of a binary format) to the output file ``path``.

    An absent or regular file is replaced atomically (a symbolic link is kept: the file it points to is
    replaced); a FIFO, a character device or a descriptor path (``/dev/stdout``, ``/dev/fd/3``) is
    written straight into.

    Raises:
        Refused: ``path`` is a folder, in a folder that does not exist, another kind of special file,
            or the same file as one of ``inputs``.
        OSError: the environment refused (permissions, a full disk, a read-only file system).
    """
    if _DESCRIPTOR.fullmatch(os.path.abspath(path)):
        _write_into(path, text, os.O_APPEND)
        return
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):
        if not os.path.isdir(os.path.dirname(real)):
            raise Refused(Refusal.NO_FOLDER, path, os.path.dirname(path) or ".") from None
        _replace(real, text, None)
        return
    if stat.S_ISREG(st.st_mode):
        if _among(st, inputs):
            raise Refused(Refusal.AN_INPUT, path)
        _replace(real, text, st)
    elif stat.S_ISFIFO(st.st_mode):
        _write_into(real, text, 0, _reader_wait(real))
    elif stat.S_ISCHR(st.st_mode):
        _write_into(real, text, 0)
    elif stat.S_ISDIR(st.st_mode):
        raise Refused(Refusal.FOLDER, path)
    else:
        raise Refused(Refusal.SPECIAL, path, kind_of(st.st_mode))


write_atomic = write_output
"""The name of release 0.1 (benchmarks/import_scale.py uses it)."""


def rewrite(path: str, text: str) -> None:
    """Replace the source file ``path`` with ``text``, keeping its owner, mode and hard links.

    A file with one name is replaced atomically (a temporary file renamed over it).  A file with several
    hard links is rewritten in place, so that every name sees the new text: its old bytes are first
    copied to a backup beside it (``.NAME.tradegap-<random>.bak``, flushed), which is removed once the new
    text is flushed; a run killed in between leaves the backup.

    Raises:
        Refused: the file is read-only (no write permission bit, or not writable by this user), is not a
            regular file, or belongs to someone whose ownership a replacement cannot keep.
        OSError: the environment refused.
    """
    real = os.path.realpath(path)
    st = os.stat(real)
    if not stat.S_ISREG(st.st_mode):
        raise Refused(Refusal.SPECIAL, path, kind_of(st.st_mode))
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise Refused(Refusal.READ_ONLY, path)
    if st.st_nlink > 1:
        _rewrite_in_place(real, text.encode("utf-8"))
    else:
        _replace(real, text, st, keep_owner=True)


def _rewrite_in_place(real: str, data: bytes) -> None:
    """Overwrite ``real`` (same inode: owner, mode and links kept) after backing up its bytes beside it.

    A write that fails (a full disk) puts the old bytes back, in the blocks they held; the backup is
    removed once the file holds whole text, old or new.
    """
    folder, name = os.path.split(real)
    fd = os.open(real, os.O_RDWR | _NOFOLLOW | _CLOEXEC)
    try:
        old = _read_upto(fd, os.fstat(fd).st_size + 1)
        backup_fd, backup = _temporary(folder, 0o600, f".{name}.tradegap-", ".bak")
        try:
            _write_all(backup_fd, old)
            os.fsync(backup_fd)
        finally:
            os.close(backup_fd)
        try:
            _overwrite(fd, data)
        except BaseException:
            _overwrite(fd, old)  # should this fail too, the backup keeps the old text
            os.unlink(backup)
            raise
        os.unlink(backup)
    finally:
        os.close(fd)


def _overwrite(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    _write_all(fd, data)
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def _among(st: os.stat_result, inputs: Iterable[str]) -> bool:
    """Whether the file ``st`` describes is one of ``inputs`` (the same device and inode)."""
    for other in inputs:
        try:
            o = os.stat(other)
        except OSError:
            continue
        if (o.st_dev, o.st_ino) == (st.st_dev, st.st_ino):
            return True
    return False


def _write_into(path: str, text: Union[str, bytes], flags: int, fd: Optional[int] = None) -> None:
    """Write into a file that is not replaced: a FIFO (``fd``, already open), a device, a descriptor path."""
    if fd is None:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | _CLOEXEC | flags)
    try:
        _write_all(fd, text.encode("utf-8") if isinstance(text, str) else text)
    finally:
        os.close(fd)


def _reader_wait(path: str) -> int:
    """The FIFO ``path`` open for writing, once a program has it open for reading (checked every 50 ms
    for :data:`FIFO_WAIT` seconds: an open that waited for ever would hang the run).

    Raises:
        Refused: no reader came.
    """
    deadline = time.monotonic() + FIFO_WAIT
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | _CLOEXEC)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: no reader yet
                raise
            if time.monotonic() > deadline:
                raise Refused(Refusal.NO_READER, path, f"{FIFO_WAIT:g}") from None
            time.sleep(0.05)
            continue
        os.set_blocking(fd, True)  # a reader is there: let the writes wait for it
        return fd


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _temporary(folder: str, mode: int, prefix: str = ".tradegap-", suffix: str = ".tmp") -> tuple[int, str]:
    """A new hidden file in ``folder``, open for writing; ``mode`` is narrowed by the umask."""
    while True:
        tmp = os.path.join(folder, f"{prefix}{secrets.token_hex(6)}{suffix}")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, mode), tmp
        except FileExistsError:
            continue


def _replace(real: str, text: Union[str, bytes], st: Optional[os.stat_result], keep_owner: bool = False) -> None:
    """Write ``text`` to a temporary file beside ``real``, flush it, give it ``st``'s mode (and owner),
    and rename it over ``real``.  A new file (``st`` None) gets 0666 less the umask."""
    fd, tmp = _temporary(os.path.dirname(real), 0o666 if st is None else 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8") if isinstance(text, str) else text)  # "\n" as written, no translation
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            _keep_identity(tmp, real, st, keep_owner)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _keep_identity(tmp: str, real: str, st: os.stat_result, strict: bool) -> None:
    """Give ``tmp`` the owner (when it differs; ``strict``: or refuse) and mode of the file ``st``."""
    mine = os.stat(tmp)
    if hasattr(os, "chown") and (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except PermissionError:
            if strict:
                raise Refused(Refusal.OWNER, real, str(st.st_uid)) from None
    os.chmod(tmp, stat.S_IMODE(st.st_mode))
