"""The corpus lock for every writing command, and reading commands that never change the corpus file."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures.runs import copy_db, describe, run_cli, write_sources

from crawler.cli import cli
from crawler.serve.app import corpus_datasette
from crawler.testing.environment import cli_env
from storage.corpus import Corpus
from storage.lock import CorpusLock, CorpusLocked

EXIT_CONFIG, EXIT_LOCKED = 2, 3
WRITING = [("reextract",), ("dedupe", "--rebuild"), ("migrate",)]
READING = [
    ("stats",),
    ("stats", "--runs"),
    ("search", "storm"),
    ("story", "1"),
    ("export",),
    ("export", "--stories-only", "--format", "csv"),
]


@pytest.fixture
def corpus(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo corpus, in WAL mode with no -wal or -shm: as a finished crawl leaves it."""
    directory = tmp_path / "corpus"
    directory.mkdir()
    path = copy_db(demo_db, directory / "corpus.db")
    Corpus(path).close()
    assert sorted(p.name for p in directory.iterdir()) == ["corpus.db"]
    return path


def state(db: Path) -> tuple[str, int, list[str]]:
    """What a command must not change: the file's hash and mtime, and the files beside it."""
    return (
        hashlib.sha256(db.read_bytes()).hexdigest(),
        db.stat().st_mtime_ns,
        sorted(p.name for p in db.parent.iterdir()),
    )


@contextmanager
def read_only(db: Path) -> Iterator[None]:
    """``db`` chmod 0444 in a chmod 0555 directory; permissions restored afterwards (for tmp cleanup)."""
    db.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        yield
    finally:
        db.parent.chmod(0o755)
        db.chmod(0o644)


def lock_is_free(db: Path) -> bool:
    try:
        CorpusLock(db).acquire().release()
    except CorpusLocked:
        return False
    return True


# --- The lock --------------------------------------------------------------------------


@pytest.mark.parametrize("command", WRITING)
def test_writing_commands_exit_3_while_another_run_holds_the_lock(command, corpus):
    with CorpusLock(corpus).acquire():
        before = state(corpus)
        proc = run_cli(*command, "--db", corpus, cwd=corpus.parent)
        after = state(corpus)
    assert proc.returncode == EXIT_LOCKED, describe(proc)
    (line,) = proc.stderr.splitlines()
    assert line.startswith("wirecrawl: another run (pid ") and "holds the lock" in line and "--wait" in line, line
    assert after == before


@pytest.mark.parametrize("command", WRITING)
def test_with_wait_they_wait_for_the_lock_then_run(command, corpus):
    lock = CorpusLock(corpus).acquire()
    with subprocess.Popen(
        [sys.executable, "-m", "crawler", *command, "--wait", "--db", str(corpus)],
        cwd=corpus.parent,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            waiting = proc.stderr.readline()  # printed once the lock was found held: it is waiting now
            assert proc.poll() is None, "it exited instead of waiting"
        finally:
            lock.release()
        out, err = proc.communicate(timeout=120)
    assert "holds the lock" in waiting and "waiting for it to finish" in waiting, waiting + err
    assert proc.returncode == 0, f"{proc.returncode}\n{out}\n{err}"
    assert out.startswith(("Re-extracted", "Rebuilt")) or out.endswith("is up to date\n"), out
    assert lock_is_free(corpus)


@pytest.mark.parametrize(
    "args",
    [
        ["reextract", "-s", "DEDUP_BANDS=999"],  # discovered with the corpus open
        ["reextract", "-s", "CLEAN_TEMPLATE_PAGES=three"],
        ["dedupe", "--rebuild", "-s", "DEDUP_JACCARD=high"],  # a setting of a bad type
        ["dedupe", "--rebuild", "-s", "DEDUP_BANDS=999"],
    ],
)
def test_a_failed_run_releases_the_lock(args, corpus):
    # In this process, so that the lock is not simply released by the process ending.
    result = CliRunner().invoke(cli, [*args, "--db", str(corpus)])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert lock_is_free(corpus)


@pytest.mark.parametrize("command", [("crawl", "--all"), *WRITING])
def test_writing_to_a_read_only_corpus_says_read_only(command, corpus, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text('[[sources]]\nname = "a"\nfeeds = ["http://127.0.0.1:9/feed.xml"]\n', encoding="utf-8")
    corpus.chmod(0o444)
    try:
        before = state(corpus)
        proc = run_cli(*command, "--db", corpus, cwd=tmp_path, env={"WIRECRAWL_SOURCES": str(sources)})
        after = state(corpus)
    finally:
        corpus.chmod(0o644)
    assert proc.returncode == EXIT_CONFIG, describe(proc)
    (line,) = proc.stderr.splitlines()
    assert "read-only" in line, line
    assert after[:2] == before[:2]
    assert lock_is_free(corpus)


# --- Reading commands ------------------------------------------------------------------


@pytest.mark.parametrize("command", READING)
def test_reading_commands_never_change_the_corpus_file(command, corpus):
    before = state(corpus)
    writable = run_cli(*command, "--db", corpus, cwd=corpus.parent)
    assert writable.returncode == 0, describe(writable)
    assert state(corpus) == before
    with read_only(corpus):
        locked_down = run_cli(*command, "--db", corpus, cwd=corpus.parent)
        assert state(corpus) == before
    assert locked_down.returncode == 0, describe(locked_down)
    assert (locked_down.stdout, locked_down.stderr) == (writable.stdout, writable.stderr)
    assert writable.stdout


def test_reading_while_a_run_writes_sees_its_commits(corpus):
    writer = Corpus(corpus)  # a run at work: its -wal and -shm exist, and a reader joins them
    try:
        run_id = writer.start_run(["a"])
        listing = run_cli("stats", "--runs", "1", "--db", corpus, cwd=corpus.parent)
    finally:
        writer.close()
    assert listing.returncode == 0, describe(listing)
    assert listing.stdout.startswith(f"run {run_id} "), listing.stdout


def test_a_corpus_with_an_older_schema_is_refused_in_one_line(corpus):
    older = Corpus(corpus)
    with older._db.atomic():
        older._db.execute("DELETE FROM _sqlite_migrations WHERE name = 'add_site_block_pages'")
        older._db.execute("DROP TABLE site_block_pages")
    older.close()
    before = state(corpus)
    proc = run_cli("stats", "--db", corpus, cwd=corpus.parent)
    assert proc.returncode == EXIT_CONFIG, describe(proc)
    (line,) = proc.stderr.splitlines()
    assert "add_site_block_pages" in line and "wirecrawl migrate" in line, line
    assert state(corpus) == before
    migrated = run_cli("migrate", "--db", corpus, cwd=corpus.parent)
    assert migrated.returncode == 0 and "add_site_block_pages" in migrated.stdout, describe(migrated)
    backup = sqlite3.connect(corpus.with_name("corpus.db.before-migrate"))
    assert not backup.execute("SELECT name FROM _sqlite_migrations WHERE name = 'add_site_block_pages'").fetchall()
    assert backup.execute("SELECT count(*) FROM articles").fetchone()[0] > 0  # the file as it was
    backup.close()
    assert run_cli("stats", "--db", corpus, cwd=corpus.parent).returncode == 0
    again = run_cli("migrate", "--db", corpus, cwd=corpus.parent)
    assert again.returncode == 0 and "up to date" in again.stdout, describe(again)


def test_a_corpus_written_by_a_newer_wirecrawl_is_refused_for_reading_and_writing(corpus, tmp_path):
    newer = Corpus(corpus)
    with newer._db.atomic():
        newer._db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('wirecrawl', 'from_the_future', '')"
        )
    newer.close()
    before = state(corpus)
    sources = write_sources(tmp_path, [{"name": "nowhere", "feeds": ["http://127.0.0.1:9/feed.xml"]}])
    for command in (
        ("stats",),
        ("export",),
        ("migrate",),
        ("dedupe", "--rebuild"),
        ("crawl", "--all", "--sources", sources),
    ):
        proc = run_cli(*command, "--db", corpus, cwd=corpus.parent)
        assert proc.returncode == EXIT_CONFIG and "Traceback" not in proc.stderr, describe(proc)
        (line,) = proc.stderr.splitlines()
        assert "newer wirecrawl" in line and "from_the_future" in line, line
        assert state(corpus)[:2] == before[:2]


def stories_page(db: Path) -> str:
    response = asyncio.run(corpus_datasette(db, "pipelines.datasette_plugin").client.get("/corpus/stories"))
    assert response.status_code == 200, response.text[:500]
    return response.text


def test_serve_reads_the_corpus_without_changing_it(corpus):
    """The file is never written; beside it SQLite keeps only its -wal and -shm (a live reader's,
    taken over by the next run), and on a read-only medium nothing at all."""
    pytest.importorskip("datasette")
    before = state(corpus)
    assert "Storm Petra" in stories_page(corpus)
    after = state(corpus)
    assert after[:2] == before[:2] and set(after[2]) <= {"corpus.db", "corpus.db-wal", "corpus.db-shm"}
    with read_only(corpus):
        assert "Storm Petra" in stories_page(corpus)
        assert state(corpus)[:2] == before[:2]
