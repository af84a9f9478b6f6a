"""Unattended operation: the corpus lock, exit statuses, unusable corpus files, crashed runs."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fixtures.newsroom import newsroom
from fixtures.runs import crawl_args, db_rows, describe, run_cli, write_sources

from crawler.testing.environment import cli_env
from crawler.testing.localsites import LocalSites
from storage.corpus import Corpus, CorpusError
from storage.lock import CorpusLock, CorpusLocked

EXIT_CONFIG, EXIT_LOCKED = 2, 3


# --- The lock --------------------------------------------------------------------------


def test_lock_is_exclusive_and_names_its_holder(tmp_path):
    first = CorpusLock(tmp_path / "corpus.db").acquire()
    with pytest.raises(CorpusLocked, match=r"pid \d+ since"):
        CorpusLock(tmp_path / "corpus.db").acquire()
    first.release()
    CorpusLock(tmp_path / "corpus.db").acquire().release()


def test_lock_of_a_killed_process_is_released_by_the_os(tmp_path):
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from storage.lock import CorpusLock; "
            "CorpusLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(60)",
            str(tmp_path / "c.db"),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env(),
    ) as holder:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(CorpusLocked):
            CorpusLock(tmp_path / "c.db").acquire()
        holder.kill()
    CorpusLock(tmp_path / "c.db").acquire().release()


def _popen_crawl(args, cwd):
    return subprocess.Popen(
        [sys.executable, "-m", "crawler", *map(str, args)],
        cwd=cwd,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_lock(db: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Until ``proc`` holds the corpus lock, as the lock file names its holder. Not by taking the
    lock to see: a run starting at that moment would find it held and exit 3."""
    lock, holds = CorpusLock(db), f"pid {proc.pid} "
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lock.holder().startswith(holds):
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the first run never took the lock")


@pytest.fixture
def held_site():
    """A site whose article pages answer only once the test sets the event: a run that cannot end before."""
    held = threading.Event()
    with LocalSites([newsroom("held", 6, hold=held)]) as served:
        yield served, held
        held.set()


def test_overlapping_run_exits_with_status_3_and_leaves_the_running_one_alone(held_site, tmp_path):
    served, held = held_site
    sources = write_sources(tmp_path, [{"name": "held", "feeds": [served.url("held", "/feed.xml")]}])
    db = tmp_path / "corpus.db"
    first = _popen_crawl(crawl_args("--all", sources=sources, db=db), tmp_path)
    try:
        _wait_for_lock(db, first)
        second = run_cli(*crawl_args("--all", sources=sources, db=db), cwd=tmp_path)
        assert first.poll() is None, "the first run ended before the second was refused"
    finally:
        held.set()
        out, err = first.communicate(timeout=120)
    assert second.returncode == EXIT_LOCKED, describe(second)  # how fast: benchmarks/lock_refusal.py
    assert second.stdout == ""
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1 and "holds the lock" in lines[0] and "pid" in lines[0], second.stderr
    assert first.returncode == 0, err
    runs = db_rows(db, "SELECT status, articles_added FROM crawl_runs")
    assert [(run["status"], run["articles_added"]) for run in runs] == [
        ("finished", 6)
    ]  # the refused run records nothing


def test_a_run_through_a_symlink_meets_the_lock_of_the_real_file(held_site, tmp_path):
    served, held = held_site
    sources = write_sources(tmp_path, [{"name": "held", "feeds": [served.url("held", "/feed.xml")]}])
    db = tmp_path / "corpus.db"
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "news.db"
    link.symlink_to(db)
    first = _popen_crawl(crawl_args("--all", sources=sources, db=db), tmp_path)
    try:
        _wait_for_lock(db, first)
        second = run_cli(*crawl_args("--all", sources=sources, db=link), cwd=tmp_path)
    finally:
        held.set()
        first.communicate(timeout=120)
    assert second.returncode == EXIT_LOCKED and "holds the lock" in second.stderr, describe(second)
    assert not (tmp_path / "elsewhere" / "news.db.lock").exists()


def test_a_corpus_with_a_second_hard_link_is_refused(tmp_path):
    db = tmp_path / "corpus.db"
    Corpus(db).close()
    os.link(db, tmp_path / "copy.db")
    sources = write_sources(tmp_path, [{"name": "none", "feeds": ["http://127.0.0.1:9/feed.xml"]}])
    for path in (db, tmp_path / "copy.db"):
        for command in (crawl_args("--all", sources=sources, db=path), ("dedupe", "--rebuild", "--db", path)):
            proc = run_cli(*command, cwd=tmp_path)
            assert proc.returncode == EXIT_CONFIG and "Traceback" not in proc.stderr, describe(proc)
            (line,) = proc.stderr.splitlines()
            assert "2 hard links" in line, line
    assert db_rows(db, "SELECT count(*) AS n FROM crawl_runs") == [{"n": 0}]


def test_the_lock_file_is_empty_once_the_run_has_ended(tmp_path):
    db = tmp_path / "corpus.db"
    with CorpusLock(db):
        assert CorpusLock(db).holder().startswith(f"pid {os.getpid()} since ")
    assert (tmp_path / "corpus.db.lock").read_text() == ""


def test_overlapping_run_with_wait_runs_after_the_first(held_site, tmp_path):
    """The first run cannot end before the second has said it waits (its pages are held till then)."""
    served, held = held_site
    sources = write_sources(tmp_path, [{"name": "held", "feeds": [served.url("held", "/feed.xml")]}])
    db = tmp_path / "corpus.db"
    first = _popen_crawl(crawl_args("--all", sources=sources, db=db), tmp_path)
    try:
        _wait_for_lock(db, first)
        second = _popen_crawl(crawl_args("--all", "--wait", sources=sources, db=db), tmp_path)
        assert second.stderr is not None
        waiting = second.stderr.readline()
    finally:
        held.set()
        first.communicate(timeout=120)
    _, err = second.communicate(timeout=120)
    assert first.returncode == 0 and second.returncode == 0, err
    assert "holds the lock" in waiting and "waiting" in waiting, waiting
    runs = db_rows(db, "SELECT status, articles_added, started, finished FROM crawl_runs ORDER BY id")
    assert [(r["status"], r["articles_added"]) for r in runs] == [("finished", 6), ("finished", 0)]
    assert runs[1]["started"] >= runs[0]["finished"]


def test_dedupe_rebuild_also_respects_the_lock(tmp_path):
    db = tmp_path / "corpus.db"
    Corpus(db).close()
    with CorpusLock(db):
        proc = run_cli("dedupe", "--rebuild", "--db", db, cwd=tmp_path)
    assert proc.returncode == EXIT_LOCKED, describe(proc)
    assert "Traceback" not in proc.stderr


# --- Unusable corpus files: exit status 2, one line, no traceback -----------------------


def _bad_corpus(kind: str, tmp_path: Path) -> Path:
    if kind == "missing directory":
        return tmp_path / "no" / "such" / "corpus.db"
    path = tmp_path / "corpus.db"
    if kind == "not sqlite":
        path.write_bytes(b"<html>" + b"not a database " * 500)
    elif kind == "other database":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    elif kind == "read-only":
        Corpus(path).close()
        path.chmod(0o444)
    elif kind == "directory":
        path.mkdir()
    return path


@pytest.mark.parametrize("kind", ["missing directory", "not sqlite", "other database", "read-only", "directory"])
def test_unusable_corpus_is_a_configuration_error(kind, tmp_path):
    db = _bad_corpus(kind, tmp_path)
    before = db.read_bytes() if db.is_file() else None
    sources = write_sources(tmp_path, [{"name": "a", "feeds": ["http://127.0.0.1:9/feed.xml"]}])
    proc = run_cli(*crawl_args("--all", sources=sources, db=db), cwd=tmp_path)
    assert proc.returncode == 2, describe(proc)
    assert "Traceback" not in proc.stderr
    assert db.name in proc.stderr.strip().splitlines()[-1], proc.stderr  # the last line says why
    if before is not None:
        assert db.read_bytes() == before  # left untouched


@pytest.mark.parametrize("command", [("stats",), ("search", "x"), ("story", "1"), ("export",)])
def test_reading_commands_refuse_a_missing_or_foreign_corpus(command, tmp_path):
    missing = run_cli(*command, "--db", tmp_path / "missing.db", cwd=tmp_path)
    foreign = run_cli(*command, "--db", _bad_corpus("other database", tmp_path), cwd=tmp_path)
    for proc in (missing, foreign):
        assert proc.returncode == 2, describe(proc)
        assert "Traceback" not in proc.stderr


def test_foreign_database_is_not_migrated(tmp_path):
    db = _bad_corpus("other database", tmp_path)
    with pytest.raises(CorpusError, match="not a wirecrawl corpus"):
        Corpus(db)
    assert db_rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'") == [{"name": "customers"}]


# --- Runs that died --------------------------------------------------------------------


def test_runs_left_running_are_marked_crashed_by_the_next_run(tmp_path):
    db = tmp_path / "corpus.db"
    corpus = Corpus(db)
    dead = corpus.start_run(["a"])
    corpus.close()
    sources = write_sources(tmp_path, [{"name": "a", "feeds": ["http://127.0.0.1:9/feed.xml"]}])
    run_cli(*crawl_args("--all", sources=sources, db=db, settings=["CORPUS_RUNS_MAX_ERROR_RATE=1"]), cwd=tmp_path)
    statuses = {row["id"]: row["status"] for row in db_rows(db, "SELECT id, status FROM crawl_runs")}
    assert statuses[dead] == "crashed"
    assert len(statuses) == 2 and "running" not in statuses.values()
