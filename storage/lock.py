"""The corpus lock: one crawl (or rebuild) at a time writes a corpus.

An advisory ``fcntl`` lock on ``<corpus>.lock`` beside the corpus's real file (symlinks
resolved, so every path to it meets one lock). The operating system releases it when the
process holding it ends, however it ends (SIGKILL, a crash, a reboot), so there is never a
stale lock to clean up. While held, the file names the holder and the corpus's device and
inode for the message a second run prints; it is emptied on release.

A corpus file with a second hard link is refused: each name would get a lock and a WAL of
its own, and two runs through two names corrupt the file.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from storage.clock import utc_now
from storage.errors import CorpusError

if TYPE_CHECKING:
    from storage.corpus import Corpus

__all__ = ["CorpusLock", "CorpusLocked", "lock_corpus", "locked_corpus"]


class CorpusLocked(RuntimeError):
    """Another process holds the corpus lock."""


class CorpusLock:
    """An exclusive lock on a corpus, held from :meth:`acquire` to :meth:`release`.

    Example::

        with CorpusLock(Path("corpus.db")).acquire():
            ...  # the only writer of corpus.db
    """

    def __init__(self, corpus: str | os.PathLike[str]) -> None:
        self.corpus = Path(corpus)
        real = self.corpus.resolve()
        self.path = real.with_name(real.name + ".lock")
        self._fd: int | None = None

    def acquire(
        self, wait: bool = False, waiting: Callable[[str], None] | None = None, poll: float = 0.2
    ) -> CorpusLock:
        """Take the lock; raises :class:`CorpusLocked` when it is held.

        With ``wait`` it waits for the lock instead, first calling ``waiting`` (if given) once
        with the reason, so that a waiting run can say why it does nothing. Raises
        :class:`CorpusError` for a corpus file with another hard link.
        """
        identity = _check_single_name(self.corpus)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise CorpusError(f"cannot create the lock file {self.path}: {error.strerror}") from None
        try:
            if not _try_lock(fd):
                reason = f"another run ({self.holder()}) holds the lock on {self.corpus}"
                if not wait:
                    raise CorpusLocked(reason)
                if waiting is not None:
                    waiting(reason)
                while not _try_lock(fd):
                    time.sleep(poll)
        except BaseException:  # refused, or interrupted while waiting: keep no descriptor open
            os.close(fd)
            raise
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"pid {os.getpid()} since {utc_now()} ({identity})\n".encode())
        except OSError:  # a full disk: the lock holds all the same, a second run just cannot name us
            pass
        self._fd = fd
        return self

    def holder(self) -> str:
        """Who holds the lock, as its file says (``pid 123 since 2026-...``)."""
        try:
            return self.path.read_text(encoding="utf-8").strip() or "unknown process"
        except OSError:
            return "unknown process"

    def release(self) -> None:
        """Give the lock up (closing the file releases it), leaving the file empty: no holder."""
        if self._fd is not None:
            try:
                os.ftruncate(self._fd, 0)
            except OSError:  # the lock goes anyway; an old holder's line only reads as stale
                pass
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> CorpusLock:
        if self._fd is None:
            self.acquire()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.release()


def lock_corpus(
    path: Path, wait: bool = False, waiting: Callable[[str], None] | None = None, create: bool = False
) -> CorpusLock:
    """The lock of a run that writes the corpus at ``path``, taken (see :meth:`CorpusLock.acquire`).

    First a stat, nothing opened: a missing corpus (``create``: one that cannot be made there)
    raises :class:`CorpusError` and leaves no lock file behind. Taken before anything slow is
    imported and before the corpus is opened (opening migrates it), so a refused run ends at once.
    """
    from storage.corpus import check_exists, check_writable

    check_writable(path) if create else check_exists(path)
    return CorpusLock(path).acquire(wait=wait, waiting=waiting)


@contextmanager
def locked_corpus(
    path: Path, wait: bool = False, waiting: Callable[[str], None] | None = None, create: bool = False
) -> Iterator[Corpus]:
    """The corpus at ``path`` opened for writing under its lock (:func:`lock_corpus`), which is
    released however the caller ends. A read-only corpus is refused once the lock is held; when the
    caller fails, what it did not commit stays rolled back."""
    from storage.corpus import Corpus, check_writable

    with lock_corpus(path, wait, waiting, create):
        check_writable(path)
        corpus = Corpus(path, create=create)
        try:
            yield corpus
        except BaseException:
            corpus.abandon()  # without Corpus.close()'s commit
            raise
        corpus.close()


def _check_single_name(corpus: Path) -> str:
    """The corpus file's ``device:inode`` (``new`` when it does not exist yet); raises
    :class:`CorpusError` when the file has another hard link."""
    try:
        stat = os.stat(corpus)
    except FileNotFoundError:
        return "new"
    except OSError as error:
        raise CorpusError(f"cannot read the corpus {corpus}: {error.strerror}") from None
    if stat.st_nlink > 1:
        raise CorpusError(
            f"the corpus {corpus} has {stat.st_nlink} hard links: a run through each would take a lock and "
            "keep a WAL of its own and corrupt it; keep one name (a symlink is fine) or copy it"
        )
    return f"device {stat.st_dev} inode {stat.st_ino}"


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock on ``fd`` if it is free; whether it was."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
