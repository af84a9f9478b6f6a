"""What a new user hits in the first hour: each mistake is refused in one line (exit status 2,
nothing written, nothing fetched), and what Scrapy ends on purpose is a normal end."""

from __future__ import annotations

import contextlib
import re
import socket
import sqlite3
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from fixtures.newsroom import newsroom
from fixtures.runs import CLI_TIMEOUT, Network, copy_db, crawl_args, describe

from crawler.testing.environment import cli_env
from crawler.testing.localsites import LocalSites


def _refused(proc, *expected: str) -> str:
    """The one line a refused command printed; asserts exit status 2 and no traceback."""
    assert proc.returncode == 2, describe(proc)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stdout, describe(proc)
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


# --- Settings: one check for -s and [sources.settings] ----------------------------------


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ({"DOWNLOAD_DELAY": "fast"}, "setting DOWNLOAD_DELAY='fast' is not a number"),
        ({"DOWNLOAD_DELAI": 2}, "unknown setting DOWNLOAD_DELAI (did you mean DOWNLOAD_DELAY?)"),
    ],
)
@pytest.mark.parametrize("command", ["sources", "crawl"])
def test_a_bad_source_setting_is_refused_naming_the_source(
    setting, expected, command, network: Network, run_cli, write_sources, tmp_path: Path
):
    sources = write_sources(
        tmp_path, [{"name": "alpha", "feeds": [network.url("rss2", "/feed.xml")], "settings": setting}]
    )
    network.served.clear_requests()
    if command == "sources":
        proc = run_cli("sources", "--sources", sources, cwd=tmp_path)
    else:
        proc = run_cli(*crawl_args("--all", sources=sources, db=tmp_path / "c.db"), cwd=tmp_path)
    _refused(proc, "source 'alpha'", expected)
    assert network.snapshot() == []
    assert not (tmp_path / "c.db").exists()


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("NOSUCHSETTING=1", "wirecrawl: unknown setting NOSUCHSETTING"),
        ("DOWNLOAD_DELAI=2", "wirecrawl: unknown setting DOWNLOAD_DELAI (did you mean DOWNLOAD_DELAY?)"),
        ("EXTRACT_FAVOR=speed", "wirecrawl: setting EXTRACT_FAVOR='speed' is not one of '', 'precision', 'recall'"),
        ("LOG_LEVEL=loud", "wirecrawl: setting LOG_LEVEL='loud' is not one of"),
    ],
)
def test_an_unknown_setting_or_value_is_refused(
    setting, expected, network: Network, run_cli, write_sources, tmp_path: Path
):
    sources = write_sources(tmp_path, network.sources(["rss2"]))
    network.served.clear_requests()
    proc = run_cli(*crawl_args("--all", sources=sources, db=tmp_path / "c.db", settings=[setting]), cwd=tmp_path)
    assert _refused(proc).startswith(expected)
    assert network.snapshot() == []
    assert not (tmp_path / "c.db").exists()


# --- Files that cannot be written --------------------------------------------------------


def test_a_log_file_in_a_missing_directory_is_refused(network: Network, run_cli, write_sources, tmp_path: Path):
    sources = write_sources(tmp_path, network.sources(["rss2"]))
    network.served.clear_requests()
    args = crawl_args("--all", sources=sources, db=tmp_path / "c.db")
    proc = run_cli(*args, "--log-file", tmp_path / "nowhere" / "x.log", cwd=tmp_path)
    _refused(proc, "--log-file", "nowhere")
    assert network.snapshot() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources.toml"]


def test_demo_into_a_missing_directory_is_refused(run_cli, tmp_path: Path):
    proc = run_cli("demo", "--db", tmp_path / "nowhere" / "d.db", cwd=tmp_path)
    _refused(proc, "no directory")
    assert list(tmp_path.iterdir()) == []


# --- demo --db: what it may replace -------------------------------------------------------


def _not_sqlite(directory: Path) -> Path:
    path = directory / "notes.db"
    path.write_text("my notes, not a database\n", encoding="utf-8")
    return path


def _other_database(directory: Path) -> Path:
    path = directory / "shop.db"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.commit()
    return path


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize("make", [_not_sqlite, _other_database], ids=["not-sqlite", "other-database"])
def test_demo_never_overwrites_a_file_that_is_not_a_corpus(make, force, run_cli, tmp_path: Path):
    path = make(tmp_path)
    before = path.read_bytes()
    proc = run_cli("demo", "--db", path, *(["--force"] if force else []), cwd=tmp_path)
    _refused(proc, path.name, "never replaces it")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_demo_replaces_another_corpus_only_with_force(
    network: Network, crawl, run_cli, write_sources, db_rows, tmp_path: Path
):
    sources = write_sources(tmp_path, network.sources(["rss2"]))
    db = tmp_path / "mine.db"
    assert crawl(network, "--all", cwd=tmp_path, sources=sources, db=db).proc.returncode == 0
    before = db.read_bytes()
    _refused(run_cli("demo", "--db", db, cwd=tmp_path), "mine.db", "rss2", "--force")
    assert db.read_bytes() == before
    forced = run_cli("demo", "--db", db, "--force", cwd=tmp_path)
    assert forced.returncode == 0, describe(forced)
    assert "rss2" not in {row["source"] for row in db_rows(db, "SELECT DISTINCT source FROM articles")}


def test_demo_replaces_a_demo_corpus(demo_db: Path, run_cli, db_rows, tmp_path: Path):
    db = copy_db(demo_db, tmp_path / "demo.db")
    proc = run_cli("demo", "--db", db, cwd=tmp_path)
    assert proc.returncode == 0, describe(proc)
    assert [row["id"] for row in db_rows(db, "SELECT id FROM crawl_runs")] == [1]  # a new corpus, not a second run


# --- A limit the run was given is a normal end ------------------------------------------


def test_a_closespider_limit_ends_the_run_as_finished(run_cli, write_sources, db_rows, tmp_path: Path):
    # Slow pages: on a busy machine, fast local pages could all be downloaded before the
    # workers have finished the second item, and the limit would then cut nothing.
    with LocalSites([newsroom("many", 100, slow=0.3)]) as served:
        sources = write_sources(tmp_path, [{"name": "many", "feeds": [served.url("many", "/feed.xml")]}])
        db = tmp_path / "c.db"
        proc = run_cli(
            *crawl_args(
                "--all",
                sources=sources,
                db=db,
                settings=["CLOSESPIDER_ITEMCOUNT=2", "CONCURRENT_REQUESTS_PER_DOMAIN=2"],
            ),
            cwd=tmp_path,
        )
    assert proc.returncode == 0, describe(proc)
    assert "finished" in proc.stdout and "failed" not in proc.stdout
    assert [row["status"] for row in db_rows(db, "SELECT status FROM crawl_runs")] == ["finished"]
    assert 2 <= db_rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] < 100


# --- Arguments the corpus cannot answer -------------------------------------------------


@pytest.mark.parametrize("language", ["EN", "english", "English", " en "])
def test_a_language_is_taken_by_code_or_name(language, demo_db: Path, run_cli, tmp_path: Path):
    by_code = run_cli("search", "storm", "--language", "en", "--db", demo_db, cwd=tmp_path)
    proc = run_cli("search", "storm", "--language", language, "--db", demo_db, cwd=tmp_path)
    assert proc.returncode == 0 and by_code.stdout.strip(), describe(proc)
    assert proc.stdout == by_code.stdout
    exported = run_cli("export", "--language", language, "--db", demo_db, cwd=tmp_path)
    assert exported.returncode == 0 and exported.stderr.strip() != "exported 0 articles", describe(exported)


def test_a_language_is_taken_by_its_own_name(demo_db: Path, run_cli, tmp_path: Path):
    by_code = run_cli("export", "--language", "de", "--db", demo_db, cwd=tmp_path)
    for name in ("Deutsch", "german"):
        proc = run_cli("export", "--language", name, "--db", demo_db, cwd=tmp_path)
        assert proc.returncode == 0 and proc.stdout == by_code.stdout and proc.stdout, describe(proc)


@pytest.mark.parametrize("command", ["search", "export"])
def test_what_is_no_language_is_refused_listing_the_corpus_languages(command, demo_db: Path, run_cli, tmp_path: Path):
    args = ["search", "storm"] if command == "search" else ["export"]
    proc = run_cli(*args, "--language", "xx", "--db", demo_db, cwd=tmp_path)
    line = _refused(proc, "'xx'", "the corpus holds: ")
    assert {"en", "de", "fr"} <= set(line.partition("holds: ")[2].rstrip(")").split(", "))
    assert proc.stdout == ""


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_search_is_refused(query, demo_db: Path, run_cli, tmp_path: Path):
    _refused(run_cli("search", query, "--db", demo_db, cwd=tmp_path), "empty")


def test_reextract_of_a_source_the_corpus_does_not_hold_is_refused(demo_db: Path, run_cli, tmp_path: Path):
    db = copy_db(demo_db, tmp_path / "demo.db")
    before = db.read_bytes()
    line = _refused(run_cli("reextract", "--source", "meridain", "--db", db, cwd=tmp_path), "'meridain'")
    assert "meridian" in line
    assert db.read_bytes() == before


# --- serve: the port is checked first, --port 0 prints the one it got ------------------


def test_serve_on_a_port_in_use_is_refused(demo_db: Path, run_cli, tmp_path: Path):
    pytest.importorskip("datasette")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = run_cli("serve", "--db", demo_db, "--port", port, cwd=tmp_path)
    line = _refused(proc, f"127.0.0.1:{port}", "in use")
    assert "Serving" not in line


def test_serve_on_port_0_prints_the_port_it_serves_on(demo_db: Path, tmp_path: Path):
    pytest.importorskip("datasette")
    with subprocess.Popen(
        [sys.executable, "-m", "crawler", "serve", "--db", str(demo_db), "--port", "0"],
        cwd=tmp_path,
        env=cli_env(),
        stderr=subprocess.PIPE,
        text=True,
    ) as server:
        try:
            line = server.stderr.readline()
            match = re.search(r"http://127\.0\.0\.1:(\d+)/corpus", line)
            assert match and match[1] != "0", line
            with urllib.request.urlopen(f"{match[0]}.json", timeout=CLI_TIMEOUT) as answer:
                assert answer.status == 200
        finally:
            server.terminate()
