"""SIGKILL at several points of a crawl: the corpus stays valid and the next run resumes.

Each run is killed once the corpus holds a given number of articles (the first one at
start-up, before the schema exists), while pages are being fetched and stored. After every
kill the corpus must pass ``PRAGMA integrity_check`` with no half-written story; the next
run must fetch none of the stored articles again; the last run, left alone, must end with
every article stored exactly once.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from fixtures.newsroom import newsroom
from fixtures.runs import corpus_is_consistent, crawl_args, db_rows, stored_articles, write_sources

from crawler.testing.environment import cli_env
from crawler.testing.localsites import LocalSites

ARTICLES = 48
#: Kill when the corpus holds this many articles (0: as soon as the process has started).
KILL_AT = (0, 1, 9, 22, 35)


@pytest.fixture(scope="module")
def crashes(tmp_path_factory):
    work = tmp_path_factory.mktemp("crash")
    db = work / "corpus.db"
    history = []
    with LocalSites([newsroom("wire", ARTICLES, slow=0.15)]) as served:
        sources = write_sources(work, [{"name": "wire", "feeds": [served.url("wire", "/feed.xml")]}])
        # Small commit batches: the kills land between batches at many points of the crawl.
        args = [
            sys.executable,
            "-m",
            "crawler",
            *crawl_args("--all", sources=sources, db=db, settings=["CORPUS_COMMIT_ARTICLES=3"]),
        ]
        for threshold in (*KILL_AT, None):
            before = {row["url"] for row in db_rows(db, "SELECT url FROM articles")} if db.exists() else set()
            served.clear_requests()
            with subprocess.Popen(
                args, cwd=work, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
            ) as proc:
                if threshold is not None:
                    deadline = time.monotonic() + 60
                    if threshold == 0:
                        time.sleep(0.3)
                    # Commits come in batches, so the last kill may have landed a few articles past
                    # its threshold: each run is killed after storing at least one of its own.
                    target = max(threshold, len(before) + 1) if threshold else 0
                    while target and time.monotonic() < deadline and stored_articles(db) < target:
                        time.sleep(0.01)
                    proc.send_signal(signal.SIGKILL)
                _, err = proc.communicate(timeout=120)
            after = {row["url"] for row in db_rows(db, "SELECT url FROM articles")} if db.exists() else set()
            fetched = {served.url("wire", r.path) for r in served.requests if r.path.startswith("/news/")}
            try:
                if db.exists():
                    corpus_is_consistent(db)
                problem = None
            except AssertionError as error:
                problem = str(error)
            history.append(
                {
                    "threshold": threshold,
                    "returncode": proc.returncode,
                    "stderr": err,
                    "before": before,
                    "after": after,
                    "fetched": fetched,
                    "problem": problem,
                }
            )
    return db, history


def test_each_kill_happened_mid_crawl(crashes):
    _, history = crashes
    killed = [run for run in history if run["threshold"] is not None]
    assert all(run["returncode"] == -signal.SIGKILL for run in killed)
    assert all(len(run["after"]) < ARTICLES for run in killed)
    assert len({len(run["after"]) for run in killed}) >= 4  # at different points


def test_the_corpus_is_consistent_after_every_kill(crashes):
    _, history = crashes
    assert [run["problem"] for run in history] == [None] * len(history)


def test_no_run_fetches_a_stored_article_again(crashes):
    _, history = crashes
    for run in history:
        assert not run["fetched"] & run["before"], run["threshold"]


def test_the_last_run_completes_with_every_article_once(crashes):
    db, history = crashes
    last = history[-1]
    assert last["returncode"] == 0, last["stderr"]
    assert len(last["after"]) == ARTICLES
    assert db_rows(db, "SELECT count(*) AS n FROM article_urls WHERE url LIKE '%/news/%'")[0]["n"] == ARTICLES


def test_killed_runs_are_recorded_as_crashed(crashes):
    db, _ = crashes
    statuses = [row["status"] for row in db_rows(db, "SELECT status FROM crawl_runs ORDER BY id")]
    assert statuses[-1] == "finished"
    assert set(statuses[:-1]) == {"crashed"} and len(statuses) >= len(KILL_AT)
