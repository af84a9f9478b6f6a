"""The demo crawl, and Scrapy's own commands over the sources file."""

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from fixtures.runs import REPO_ROOT, run_cli

from crawler.config import dump_sources
from crawler.testing.environment import cli_env


def test_demo_builds_a_multilingual_corpus_with_syndicated_stories(tmp_path):
    db = tmp_path / "demo.db"
    result = run_cli("demo", "--db", db, cwd=tmp_path, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "finished" in result.stdout and re.search(r"Story \d+, 2 articles \(origin \+ 1 copy\): ", result.stdout)
    # wirecrawl is not on that PATH: the summary's last line says how to type it
    assert result.stdout.splitlines()[-1].startswith("wirecrawl is not on your PATH: ")
    assert os.path.relpath(Path(sys.executable).parent / "wirecrawl", tmp_path) in result.stdout.splitlines()[-1]
    with sqlite3.connect(db) as conn:
        languages = {row[0] for row in conn.execute("SELECT DISTINCT language FROM stories")}
        syndicated = conn.execute("SELECT count(*) FROM stories WHERE copies > 1").fetchone()[0]
        sources = conn.execute(
            "SELECT count(DISTINCT source) FROM articles WHERE story_id IN (SELECT id FROM stories WHERE copies > 1)"
        ).fetchone()[0]
        velora = {row[0] for row in conn.execute("SELECT story_id FROM articles WHERE url LIKE '%velora%'")}
    assert len(languages) >= 4, languages
    assert syndicated == 3 and sources >= 3  # every edited copy of the wire's stories is grouped
    assert len(velora) == 2  # the follow-up reusing a lead paragraph is a story of its own


def scrapy(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=REPO_ROOT,
        env=cli_env(env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_scrapy_list_prints_the_source_names(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(
        dump_sources(
            [
                {"name": "first-site", "feeds": ["http://127.0.0.1:9/rss"]},
                {"name": "second", "sitemaps": ["http://127.0.0.1:9/robots.txt"]},
            ]
        )
    )
    result = scrapy("list", env={"WIRECRAWL_SOURCES": str(sources)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["first-site", "second"]


def test_scrapy_with_a_bad_or_missing_sources_file_says_so_in_one_line(tmp_path):
    missing = scrapy("list", env={"WIRECRAWL_SOURCES": str(tmp_path / "none.toml")})
    assert missing.returncode == 2 and "publishers.example.toml" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text(dump_sources([{"name": "x", "feeds": ["not-a-url"]}]))
    refused = scrapy("crawl", "x", env={"WIRECRAWL_SOURCES": str(bad)})
    assert refused.returncode == 2 and "source 'x': key 'feeds'" in refused.stderr
    assert "Traceback" not in refused.stderr
    unknown = tmp_path / "good.toml"
    unknown.write_text(dump_sources([{"name": "x", "feeds": ["http://127.0.0.1:9/rss"]}]))
    result = scrapy("crawl", "nosuch", env={"WIRECRAWL_SOURCES": str(unknown)})
    assert result.returncode == 2 and "no source named 'nosuch'" in result.stderr
    assert "Traceback" not in result.stderr
