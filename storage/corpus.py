"""The SQLite corpus: the one place that writes articles, stories and crawl runs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from storage.articles import ArticleStore, StoredPage
from storage.clock import utc_now
from storage.errors import CorpusError
from storage.index import NearDuplicateIndex
from storage.outcomes import PageOutcomes
from storage.runs import RunLog
from storage.schema import migrations
from storage.site_templates import SiteBlocks
from storage.story_store import StoredArticle, StoryStore
from storage.validators import HttpValidators

if TYPE_CHECKING:
    from storage.crawl_corpus import CrawlSettings

__all__ = [
    "Corpus",
    "CorpusError",
    "StoredArticle",
    "StoredPage",
    "check_exists",
    "check_writable",
    "disk_full",
    "migrate",
    "open_read_only",
    "reads_snapshot",
    "serves_live",
    "utc_now",
]


def disk_full(error: sqlite3.Error) -> bool:
    """Whether SQLite failed for want of space (a full disk, or ``CORPUS_MAX_SIZE`` reached)."""
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "full" in str(error)


def check_writable(path: Path) -> None:
    """Refuse, with a clear reason, a corpus that cannot be written: before any request is made.

    A file without any write permission bit is refused even for root: whoever made it
    read-only meant it.
    """
    if path.is_dir():
        raise CorpusError(f"{path} is a directory, not a corpus file")
    if not path.parent.is_dir():
        raise CorpusError(f"cannot create the corpus {path}: no directory {path.parent}")
    if path.exists() and (not os.stat(path).st_mode & 0o222 or not os.access(path, os.W_OK)):
        raise CorpusError(f"the corpus {path} is read-only")
    if not path.exists() and not os.access(path.parent, os.W_OK):
        raise CorpusError(f"cannot create the corpus {path}: directory {path.parent} is read-only")


def check_exists(path: Path) -> None:
    """Refuse a missing corpus where one is needed (SQLite would create an empty file)."""
    if not path.is_file():
        raise CorpusError(f"no corpus at {path} (run `wirecrawl crawl` first, or pass --db FILE)")


def _check_is_corpus(db: Database, path: Path) -> None:
    """Refuse a SQLite file that holds something else: migrating it would write into it."""
    tables = set(db.table_names())
    if not tables:
        return  # a new, empty file
    applied = (
        "_sqlite_migrations" in tables
        and db.execute("SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name]).fetchone()[
            0
        ]
    )
    if not applied:
        raise CorpusError(
            f"{path} is a SQLite database but not a wirecrawl corpus (tables: {', '.join(sorted(tables)[:5])})"
        )
    known = {migration.name for migration in migrations.pending(Database(memory=True))}
    if unknown := [migration.name for migration in migrations.applied(db) if migration.name not in known]:
        raise CorpusError(
            f"the corpus {path} was written by a newer wirecrawl (schema migrations unknown here: "
            f"{', '.join(unknown)}); upgrade wirecrawl to read or write it"
        )


def reads_snapshot(path: Path) -> bool:
    """Whether a reader must open the corpus ``immutable``: unless a run is writing it (its
    ``-wal`` and ``-shm`` files exist, and the reader joins them), SQLite would create those
    two files even for a read-only connection, and could not remove them afterwards.

    Without them the file holds every commit (the last writer checkpointed on closing), so
    reading it as it is, without locking, gives the whole corpus; a run starting meanwhile
    is not seen.
    """
    return not all(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm"))


def serves_live(path: Path) -> bool:
    """Whether a long-lived reader (``wirecrawl serve``) must read the corpus as it changes
    (SQLite ``mode=ro``, never ``immutable``): unless it is on a read-only medium, a run may
    start writing it at any time, and an immutable reader would then see a malformed file.

    On a writable medium SQLite creates the ``-wal`` and ``-shm`` files (empty, taken over
    by the next run, which removes them); on a read-only one, where nothing can change the
    file, it is read as it is.
    """
    return os.access(path.parent, os.W_OK) or not reads_snapshot(path)


def open_read_only(path: Path) -> Database:
    """The corpus at ``path`` opened read-only: no migration, no journal-mode change, no file written.

    Works on a read-only file in a read-only directory. Raises :class:`CorpusError` when
    there is no corpus, when the file is not a wirecrawl corpus, or when its schema is older
    than this version (reading commands do not migrate it; a writing one does).
    """
    check_exists(path)
    uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if reads_snapshot(path) else "?mode=ro")
    db = Database(sqlite3.connect(uri, uri=True))
    try:
        _check_current_corpus(db, path)
    except BaseException:
        db.close()
        raise
    return db


def _check_current_corpus(db: Database, path: Path) -> None:
    """Refuse, without writing, a file that is not a corpus with this version's whole schema."""
    try:
        if not db.table_names():
            raise CorpusError(f"{path} is an empty SQLite file, not a wirecrawl corpus")
        _check_is_corpus(db, path)
        pending = [migration.name for migration in migrations.pending(db)]
    except sqlite3.DatabaseError as error:
        raise CorpusError(f"{path} is not a usable wirecrawl corpus: {error}") from None
    if pending:
        raise CorpusError(
            f"the corpus {path} predates this wirecrawl (schema migrations pending: {', '.join(pending)}); "
            f"`wirecrawl migrate --db {path}` migrates it (so do crawl, reextract and dedupe)"
        )


def migrate(path: Path) -> tuple[list[str], Path | None]:
    """Apply the pending schema migrations to the corpus at ``path`` in place, each in a
    transaction, after a backup copy of the file (SQLite's online backup, beside it as
    ``<name>.before-migrate``); the names applied and the backup (none when nothing was pending).

    The caller holds the corpus lock. Raises :class:`CorpusError` as :class:`Corpus` does.
    """
    check_exists(path)
    check_writable(path)
    db = Database(path)
    try:
        _check_is_corpus(db, path)
        pending = [migration.name for migration in migrations.pending(db)]
        backup = path.with_name(path.name + ".before-migrate") if pending else None
        if backup is not None:
            with sqlite3.connect(backup) as copy:
                db.conn.backup(copy)
            copy.close()
    except sqlite3.DatabaseError as error:
        raise CorpusError(f"{path} is not a usable wirecrawl corpus: {error}") from None
    except OSError as error:
        raise CorpusError(f"cannot back the corpus up before migrating it: {error}") from None
    finally:
        db.close()
    Corpus(path, create=False).close()  # opening migrates
    return pending, backup


class Corpus(ArticleStore, StoryStore, NearDuplicateIndex, SiteBlocks, HttpValidators, RunLog, PageOutcomes):
    """A wirecrawl corpus in one SQLite file (WAL mode), created and migrated on open.

    Its parts, one concern each, share its connection: articles (:mod:`storage.articles`),
    stories (:mod:`storage.story_store`), the near-duplicate index (:mod:`storage.index`), site
    templates (:mod:`storage.site_templates`), HTTP validators (:mod:`storage.validators`),
    crawl runs (:mod:`storage.runs`) and why pages were not stored (:mod:`storage.outcomes`).
    The connection is not public: SQL stays in storage/.
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = Path(path)
        if not create:
            check_exists(self.path)
        if create:
            check_writable(self.path)
        try:
            self._db = Database(self.path)
            _check_is_corpus(self._db, self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            # WAL with synchronous=NORMAL: a crash can lose the last commits, never corrupt.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=30000")
            self.held_articles = 0  # articles added since hold_writes(), not yet committed
            migrations.apply(self._db)
        except sqlite3.DatabaseError as error:
            if hasattr(self, "_db"):
                self._db.close()
            if disk_full(error):
                raise CorpusError(f"disk full: the corpus {self.path} cannot be opened for writing ({error})") from None
            raise CorpusError(f"{self.path} is not a usable wirecrawl corpus: {error}") from None

    @classmethod
    def for_crawl(cls, settings: CrawlSettings) -> Corpus:
        """The corpus at ``CORPUS_PATH`` as a crawl uses it (``CORPUS_BACKEND``): limited to
        ``CORPUS_MAX_SIZE``; in a dry run (``DRY_RUN_ENABLED``) read only, or empty in memory
        when there is no file (none is created)."""
        path = Path(settings.get("CORPUS_PATH")).resolve()
        if settings.getbool("DRY_RUN_ENABLED"):
            return cls.read_only(path) if path.is_file() else cls.in_memory()
        corpus = cls(path)
        corpus.limit_size(settings.getint("CORPUS_MAX_SIZE"))
        return corpus

    @classmethod
    def read_only(cls, path: str | os.PathLike[str]) -> Corpus:
        """The corpus opened as :func:`open_read_only` opens it: its reading methods work, nothing is written."""
        corpus = cls.__new__(cls)
        corpus.path, corpus.held_articles = Path(path), 0
        corpus._db = open_read_only(corpus.path)
        return corpus

    @classmethod
    def in_memory(cls) -> Corpus:
        """An empty corpus held in memory, gone when closed: nothing is written to any file."""
        corpus = cls.__new__(cls)
        corpus.path, corpus.held_articles = Path(":memory:"), 0
        corpus._db = Database(memory=True)
        migrations.apply(corpus._db)
        return corpus

    def close(self) -> None:
        """Commit what :meth:`hold_writes` held, and close the connection."""
        try:
            self.commit()
        finally:
            self._db.close()

    def abandon(self) -> None:
        """Close the connection without committing: what was not committed is rolled back."""
        self._db.close()

    def hold_writes(self) -> bool:
        """Open a transaction that the following writes join (each still atomic, as a savepoint)
        until :meth:`commit`: one commit for many articles. False if one is open already."""
        if self._db.conn.in_transaction:
            return False
        self._db.execute("BEGIN")
        self.held_articles = 0
        return True

    def atomic(self) -> Any:
        """A context in which the writes all happen, or none (a transaction, or a savepoint inside one)."""
        return self._db.atomic()

    @property
    def in_transaction(self) -> bool:
        """Whether writes are held in an open transaction (SQLite may have rolled it back on a full disk)."""
        return self._db.conn.in_transaction

    def commit(self) -> None:
        """Commit the open transaction, if any."""
        if self._db.conn.in_transaction:
            self._db.conn.commit()
        self.held_articles = 0

    def limit_size(self, max_bytes: int) -> None:
        """Let the file grow to about ``max_bytes`` (0: no limit); a write past it fails as on a full disk."""
        if max_bytes > 0:
            page_size = self._db.execute("PRAGMA page_size").fetchone()[0]
            self._db.execute(f"PRAGMA max_page_count = {max(1, max_bytes // page_size)}")
