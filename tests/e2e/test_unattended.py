"""Exit statuses, logging, `stats --runs`, a full disk, and SIGINT/SIGTERM: what cron sees."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time

import pytest
from fixtures.newsroom import article_path, newsroom
from fixtures.runs import corpus_is_consistent, crawl_args, db_rows, describe, run_cli, stored_articles, write_sources

from crawler.testing.environment import cli_env
from crawler.testing.localsites import LocalSites, Page
from storage.corpus import Corpus
from storage.lock import CorpusLock, CorpusLocked

EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_LOCKED, EXIT_ERRORS = 0, 1, 2, 3, 4


@pytest.fixture(scope="module")
def served():
    missing = {article_path(n): Page("gone", status=404) for n in range(1, 10)}
    with LocalSites(
        [
            newsroom("good", 10),
            newsroom("broken", 10, extra=missing),
            newsroom("one404", 10, extra={article_path(0): Page("gone", status=404)}),
            newsroom("slow", 60, slow=0.3),
            newsroom("big", 40),
        ]
    ) as sites:
        yield sites


def sources_for(tmp_path, served, *names):
    return write_sources(tmp_path, [{"name": name, "feeds": [served.url(name, "/feed.xml")]} for name in names])


def crawl(tmp_path, served, *names, args=(), settings=()):
    sources = sources_for(tmp_path, served, *names)
    return run_cli(
        *crawl_args("--all", *args, sources=sources, db=tmp_path / "corpus.db", settings=settings),
        cwd=tmp_path,
        timeout=120,
    )


# --- Exit statuses ---------------------------------------------------------------------


def test_exit_0_when_the_run_succeeds(tmp_path, served):
    proc = crawl(tmp_path, served, "good")
    assert proc.returncode == EXIT_OK, describe(proc)


def test_exit_0_with_errors_under_the_threshold(tmp_path, served):
    proc = crawl(tmp_path, served, "one404")
    assert proc.returncode == EXIT_OK, describe(proc)
    assert db_rows(tmp_path / "corpus.db", "SELECT status FROM crawl_runs") == [{"status": "finished_with_errors"}]


def test_exit_4_when_errors_exceed_the_threshold(tmp_path, served):
    proc = crawl(tmp_path, served, "broken")
    assert proc.returncode == EXIT_ERRORS, describe(proc)
    assert "CORPUS_RUNS_MAX_ERROR_RATE" in proc.stderr.splitlines()[-1]
    relaxed = crawl(tmp_path, served, "broken", settings=["CORPUS_RUNS_MAX_ERROR_RATE=0.9"])
    assert relaxed.returncode == EXIT_OK, describe(relaxed)


def test_exit_2_for_a_configuration_error(tmp_path, served):
    sources = sources_for(tmp_path, served, "good")
    proc = run_cli(*crawl_args("no-such-source", sources=sources, db=tmp_path / "corpus.db"), cwd=tmp_path)
    assert proc.returncode == EXIT_CONFIG and "Traceback" not in proc.stderr, describe(proc)


def test_exit_3_when_another_run_holds_the_lock(tmp_path, served):
    with CorpusLock(tmp_path / "corpus.db"):
        proc = crawl(tmp_path, served, "good")
    assert proc.returncode == EXIT_LOCKED, describe(proc)


# --- Logging ---------------------------------------------------------------------------


def test_default_level_has_no_per_page_lines_but_a_summary_per_source(tmp_path, served):
    proc = crawl(tmp_path, served, "broken", settings=["CORPUS_RUNS_MAX_ERROR_RATE=1"])
    lines = proc.stderr.strip().splitlines()
    assert not [line for line in lines if "failed (http_404" in line], proc.stderr
    assert [line for line in lines if "source broken: 9 failed (by reason: http_404 9)" in line], proc.stderr
    assert len(lines) <= 3, proc.stderr


def test_log_level_info_names_each_failed_page(tmp_path, served):
    proc = crawl(tmp_path, served, "broken", args=["--log-level", "INFO"], settings=["CORPUS_RUNS_MAX_ERROR_RATE=1"])
    assert len([line for line in proc.stderr.splitlines() if "failed (http_404" in line]) == 9, proc.stderr


def test_quiet_prints_nothing_on_success(tmp_path, served):
    proc = crawl(tmp_path, served, "one404", args=["-q"])
    assert proc.returncode == EXIT_OK and proc.stdout == "" and proc.stderr == "", describe(proc)


def test_log_file_gets_the_log_appended(tmp_path, served):
    log = tmp_path / "crawl.log"
    for _ in range(2):
        proc = crawl(tmp_path, served, "broken", args=["--log-file", log], settings=["CORPUS_RUNS_MAX_ERROR_RATE=1"])
        assert "source broken" not in proc.stderr, proc.stderr
    assert log.read_text(encoding="utf-8").count("source broken: 9 failed") == 2


def test_log_lines_are_compact(tmp_path, served):
    proc = crawl(tmp_path, served, "broken", settings=["CORPUS_RUNS_MAX_ERROR_RATE=1"])
    line = next(line for line in proc.stderr.splitlines() if "source broken" in line)
    stamp, level, *_ = line.split(" ")
    assert len(stamp) == 19 and stamp[10] == "T" and level == "W", line


# --- stats --runs ----------------------------------------------------------------------


def test_stats_runs_shows_the_last_runs_with_failures_by_reason(tmp_path, served):
    crawl(tmp_path, served, "good")
    crawl(tmp_path, served, "broken", settings=["CORPUS_RUNS_MAX_ERROR_RATE=1"])
    proc = run_cli("stats", "--runs", "--db", tmp_path / "corpus.db", cwd=tmp_path)
    assert proc.returncode == 0, describe(proc)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("run 2 ") and "finished_with_errors" in lines[0] and "9 errors" in lines[0]
    assert lines[1].strip() == "failed: http_404 9"
    assert lines[2].startswith("run 1 ") and " finished " in lines[2]
    one = run_cli("stats", "--runs", "1", "--db", tmp_path / "corpus.db", cwd=tmp_path)
    assert [line for line in one.stdout.splitlines() if line.startswith("run ")] == [lines[0]]


# --- No traceback on a busy machine -----------------------------------------------------

#: Short crawls run beside the busy processes: each with a new article batch and a run that fetches
#: no article (all stored), the two kinds of run that ended with a traceback at load 17-22.
LOADED_RUNS = 2


@pytest.fixture
def busy_cpus():
    """Two processes spinning beside the test: the shutdown races show on a busy machine."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    yield
    for spinner in spinners:
        spinner.kill()
        spinner.wait()


def test_short_crawls_beside_busy_processes_log_no_traceback(tmp_path, served, busy_cpus):
    log = tmp_path / "crawl.log"
    for run in range(LOADED_RUNS):
        db = tmp_path / f"corpus{run}.db"
        for _ in range(2):  # the second run finds every article stored: no article is fetched
            proc = run_cli(
                *crawl_args(
                    "--all",
                    "-q",
                    "--log-file",
                    log,
                    sources=sources_for(tmp_path, served, "good"),
                    db=db,
                    settings=["CORPUS_COMMIT_SECONDS=0.01"],  # a commit timer pending at every article
                ),
                cwd=tmp_path,
                timeout=300,
            )
            assert proc.returncode == EXIT_OK and proc.stderr == "", describe(proc)
    logged = log.read_text(encoding="utf-8") if log.exists() else ""
    assert "Traceback" not in logged and "Error" not in logged, logged


# --- serve on a live corpus -----------------------------------------------------------


def test_serve_answers_while_a_crawl_writes_and_shows_its_articles(tmp_path, served):
    pytest.importorskip("datasette")
    import asyncio

    from crawler.serve.app import corpus_datasette

    assert crawl(tmp_path, served, "good").returncode == EXIT_OK
    datasette = corpus_datasette(
        tmp_path / "corpus.db", "pipelines.datasette_plugin"
    )  # started before the crawl, as in a newsroom

    def served_count() -> int:
        pages = ["/corpus/articles", "/corpus/articles?_search=the", "/corpus/search?q=the", "/corpus/stories"]
        for page in pages:
            response = asyncio.run(datasette.client.get(page))
            assert response.status_code == 200, f"{page}: {response.status_code} {response.text[:300]}"
        counted = asyncio.run(datasette.client.get("/corpus/articles.json?_size=0")).json()
        return counted["filtered_table_rows_count"]

    assert served_count() == 10
    sources = sources_for(tmp_path, served, "good", "slow")
    with subprocess.Popen(
        [sys.executable, "-m", "crawler", *crawl_args("--all", "-q", sources=sources, db=tmp_path / "corpus.db")],
        cwd=tmp_path,
        env=cli_env(),
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        seen = {served_count()}
        while proc.poll() is None:
            seen.add(served_count())
        assert proc.wait() == EXIT_OK, proc.stderr.read() if proc.stderr else ""
    assert served_count() == 70
    assert len(seen) >= 2, seen  # the articles appeared while the crawl ran, not only after it


# --- A full disk -----------------------------------------------------------------------


def test_a_full_disk_stops_the_run_cleanly_and_the_next_run_completes(tmp_path, served):
    db = tmp_path / "corpus.db"
    corpus = Corpus(db)
    empty = corpus._db.execute("PRAGMA page_count").fetchone()[0] * corpus._db.execute("PRAGMA page_size").fetchone()[0]
    corpus.close()
    full = crawl(tmp_path, served, "big", settings=[f"CORPUS_MAX_SIZE={empty + 60_000}"])
    assert full.returncode == EXIT_FAILED, describe(full)
    assert "Traceback" not in full.stderr, full.stderr[-3000:]
    assert "the corpus cannot be written" in full.stderr and "full" in full.stderr
    stored = {row["url"] for row in db_rows(db, "SELECT url FROM articles")}
    assert 0 < len(stored) < 40
    assert summary_stored(full.stdout) == len(stored)  # what was committed, not what was tried
    assert db_rows(db, "SELECT status FROM crawl_runs") == [{"status": "failed"}]
    corpus_is_consistent(db)
    served.clear_requests()
    after = crawl(tmp_path, served, "big")
    assert after.returncode == EXIT_OK, describe(after)
    assert db_rows(db, "SELECT count(*) AS n FROM articles") == [{"n": 40}]
    assert not {served.url("big", r.path) for r in served.requests if r.site == "big"} & stored
    corpus_is_consistent(db)


def summary_stored(stdout: str) -> int:
    """The articles a run's summary says it stored."""
    found = re.search(r"(\d+) articles? stored", stdout)
    assert found, stdout
    return int(found[1])


@pytest.fixture
def small_disk(tmp_path):
    """A real 1.5 MB file system (tmpfs), where the suite may mount one (root); else the test is skipped."""
    mount = tmp_path / "disk"
    mount.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", str(mount)], capture_output=True, text=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs (needs root): {mounted.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_real_full_disk_stops_the_run_and_the_next_run_says_disk_full(tmp_path, small_disk):
    with LocalSites([newsroom("many", 120)]) as sites:
        sources = write_sources(tmp_path, [{"name": "many", "feeds": [sites.url("many", "/feed.xml")]}])
        args = crawl_args("--all", sources=sources, db=small_disk / "corpus.db")
        full = run_cli(*args, cwd=tmp_path, timeout=300)
        assert full.returncode == EXIT_FAILED and "Traceback" not in full.stderr, describe(full)
        assert "the corpus cannot be written" in full.stderr and "full" in full.stderr
        stored = db_rows(small_disk / "corpus.db", "SELECT count(*) AS n FROM articles")[0]["n"]
        assert summary_stored(full.stdout) == stored, describe(full)
        again = run_cli(*args, cwd=tmp_path, timeout=300)
    # The space the first run's WAL gave back may let the next one record its run and stop as the
    # first did; else it cannot start, and says so in one line.
    assert "Traceback" not in again.stderr, describe(again)
    if again.returncode == EXIT_CONFIG:
        (line,) = again.stderr.splitlines()
        assert "disk full" in line, line
    else:
        assert again.returncode == EXIT_FAILED and "the corpus cannot be written" in again.stderr, describe(again)
    assert db_rows(small_disk / "corpus.db", "PRAGMA integrity_check") == [{"integrity_check": "ok"}]


# --- SIGINT / SIGTERM ------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_run_gracefully_as_interrupted(tmp_path, served, signum):
    sources = sources_for(tmp_path, served, "slow")
    db = tmp_path / "corpus.db"
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler",
            *crawl_args("--all", sources=sources, db=db, settings=["CONCURRENT_REQUESTS_PER_DOMAIN=2"]),
        ],
        cwd=tmp_path,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        deadline = time.monotonic() + 120  # a wait, not a limit: it ends as soon as two are stored
        while time.monotonic() < deadline and not (db.exists() and stored_articles(db) >= 2):
            time.sleep(0.1)
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == EXIT_FAILED, err
    assert "Traceback" not in err
    assert re.search(r"^wirecrawl: stopping: finishing \d+ pages? in flight", err, re.M), err
    (run,) = db_rows(db, "SELECT status, articles_added FROM crawl_runs")
    assert run["status"] == "interrupted" and 2 <= run["articles_added"] < 60
    corpus_is_consistent(db)
    try:
        CorpusLock(db).acquire().release()  # released on the way out
    except CorpusLocked:
        pytest.fail("the lock outlived the run")


@pytest.fixture
def held():
    """A site whose article pages answer only once the test sets ``release``: pages in flight forever."""
    release = threading.Event()
    with LocalSites([newsroom("held", 20, hold=release)]) as sites:
        try:
            yield sites, release
        finally:
            release.set()


def start_crawl(tmp_path, sites, *settings):
    sources = write_sources(tmp_path, [{"name": "held", "feeds": [sites.url("held", "/feed.xml")]}])
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler",
            *crawl_args("--all", sources=sources, db=tmp_path / "corpus.db", settings=settings),
        ],
        cwd=tmp_path,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_articles_requested(sites) -> None:
    deadline = time.monotonic() + 120  # a wait, not a limit
    while time.monotonic() < deadline and not any("/news/" in r.path for r in sites.requests):
        time.sleep(0.1)


def test_a_stop_waits_for_pages_in_flight_no_longer_than_the_grace_and_the_next_run_fetches_the_rest(tmp_path, held):
    sites, release = held
    # Two pages in flight that never answer, the other 18 queued for the site: without a bound the
    # run would wait for ever (DOWNLOAD_TIMEOUT=600), and fetch the queued ones first.
    with start_crawl(
        tmp_path, sites, "STOP_GRACE_SECONDS=1", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "DOWNLOAD_TIMEOUT=600"
    ) as proc:
        wait_for_articles_requested(sites)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == EXIT_FAILED and "Traceback" not in err, err
    assert re.search(r"^wirecrawl: stopping: finishing 2 pages in flight", err, re.M), err
    fetched = {r.path for r in sites.requests if "/news/" in r.path}
    assert len(fetched) == 2, fetched  # the queued requests were dropped, not fetched
    db = tmp_path / "corpus.db"
    assert db_rows(db, "SELECT status, articles_added FROM crawl_runs") == [
        {"status": "interrupted", "articles_added": 0}
    ]
    release.set()
    after = start_crawl(tmp_path, sites)
    out, err = after.communicate(timeout=300)
    assert after.returncode == EXIT_OK, err
    assert db_rows(db, "SELECT count(*) AS n FROM articles") == [{"n": 20}]


def test_a_second_signal_stops_at_once_with_the_run_recorded_as_interrupted(tmp_path, held):
    sites, _ = held
    with start_crawl(tmp_path, sites, "STOP_GRACE_SECONDS=600", "DOWNLOAD_TIMEOUT=600") as proc:
        wait_for_articles_requested(sites)
        proc.send_signal(signal.SIGINT)
        assert proc.stderr is not None
        line = proc.stderr.readline()
        while line and "stopping" not in line:
            line = proc.stderr.readline()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == EXIT_FAILED and "Traceback" not in err, err
    db = tmp_path / "corpus.db"
    assert db_rows(db, "SELECT status FROM crawl_runs") == [{"status": "interrupted"}]
    assert lock_is_free(db)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_during_start_up_stops_the_run_with_every_source_recorded(tmp_path, served, signum):
    """The signal comes once the lock is taken, while Scrapy loads and the crawlers are made."""
    sources = sources_for(tmp_path, served, "good", "big")
    db = tmp_path / "corpus.db"
    with subprocess.Popen(
        [sys.executable, "-m", "crawler", *crawl_args("--all", sources=sources, db=db)],
        cwd=tmp_path,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        lock = CorpusLock(db)
        deadline = time.monotonic() + 120  # a wait, not a limit
        while time.monotonic() < deadline and not lock.holder().startswith(f"pid {proc.pid} "):
            time.sleep(0.01)
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == EXIT_FAILED and "Traceback" not in err and "Unhandled" not in err, err
    (run,) = db_rows(db, "SELECT status FROM crawl_runs")
    assert run["status"] == "interrupted"
    assert {row["source"] for row in db_rows(db, "SELECT source FROM crawl_run_sources")} == {"good", "big"}
    assert lock_is_free(db)


def lock_is_free(db) -> bool:
    try:
        CorpusLock(db).acquire().release()
    except CorpusLocked:
        return False
    return True


# --- Progress on a terminal ------------------------------------------------------------


def test_progress_on_a_terminal_starts_at_once_and_gives_way_to_the_summary(tmp_path, served):
    """On a terminal: a first line before Scrapy has started, then the running sources and totals,
    and the last progress line cleared, so the summary below it is the only count left."""
    import os
    import pty

    sources = sources_for(tmp_path, served, "slow")
    primary, secondary = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "crawler", *crawl_args("--all", sources=sources, db=tmp_path / "corpus.db")],
        cwd=tmp_path,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=secondary,
        text=True,
    ) as proc:
        os.close(secondary)
        screen = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            screen += chunk
        out, _ = proc.communicate(timeout=120)
    os.close(primary)
    assert proc.returncode == 0, screen.decode(errors="replace")
    shown = screen.decode(errors="replace")
    assert shown.startswith("\rstarting: 1 source into"), shown[:200]
    assert re.search(r"\rslow: \d+ pages, \d+ stored, 0 errors", shown), shown
    assert shown.rstrip(" ").endswith("\r") and shown.rsplit("\r", 2)[-2].strip() == ""  # the last line cleared
    assert out.startswith("Run 1 finished") and "60 articles stored" in out
