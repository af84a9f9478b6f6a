"""One chain: the crawl, `wirecrawl extract` and `wirecrawl reextract` make the same article of the same page.

The fixture network is crawled once with site templates out of play (they are what a corpus
learns over time, not part of a page: a page crawled before its site's templates were known
keeps them until `reextract`); then every stored page goes through `wirecrawl extract` with
the hints and headers the crawl had, and the corpus through `wirecrawl reextract`. On the
demo corpus, crawled with the defaults, `reextract` changes no language or title, and
`extract --templates-from` gives the text `reextract` gives.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures.runs import CrawlRun, Network, copy_db, db_rows, run_cli

from crawler.cli import cli

#: What the three must agree on, per article.
FIELDS = ("url", "title", "text", "language", "published")
#: No block counts as a site template: the crawl's text does not depend on what came before.
NO_TEMPLATES = "CLEAN_TEMPLATE_PAGES=1000000"


@pytest.fixture(scope="module")
def crawled(network: Network, crawl, write_sources, tmp_path_factory) -> CrawlRun:
    work = tmp_path_factory.mktemp("one-chain")
    sources = write_sources(work, network.sources())
    run = crawl(network, "--all", cwd=work, sources=sources, db=work / "chain.db", settings=(NO_TEMPLATES,))
    assert run.proc.returncode == 0, run.describe()
    return run


def articles(db: Path) -> dict[int, dict]:
    return {row["id"]: row for row in db_rows(db, f"SELECT id, {', '.join(FIELDS)} FROM articles")}


def stories(db: Path) -> set[frozenset[str]]:
    """The grouping of article URLs into stories (story ids may differ between rebuilds)."""
    groups: dict[int, set[str]] = {}
    for row in db_rows(db, "SELECT story_id, url FROM articles"):
        groups.setdefault(row["story_id"], set()).add(row["url"])
    return {frozenset(urls) for urls in groups.values()}


def extracted(db: Path, directory: Path, *options: str) -> dict[int, dict]:
    """`wirecrawl extract` on every page stored in ``db``, with the hints and headers it was fetched with."""
    pages = db_rows(db, "SELECT article_id, url, content_type, headers, body, hints, discovered_via FROM pages")
    runner, results = CliRunner(), {}
    for page in pages:
        file = directory / f"{page['article_id']}.html"
        file.write_bytes(zlib.decompress(page["body"]))
        hints = {**json.loads(page["hints"]), "discovered_via": page["discovered_via"]}
        headers = {**json.loads(page["headers"]), "Content-Type": page["content_type"]}
        args = ["extract", str(file), "--url", page["url"], "--hints", json.dumps(hints), *options]
        for name, value in headers.items():
            args += ["--header", f"{name}: {value}"]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        results[page["article_id"]] = json.loads(result.output)
    return results


def differences(expected: dict[int, dict], found: dict[int, dict], fields: tuple[str, ...]) -> list[tuple]:
    return [
        (expected[i]["url"], field, found[i][field], expected[i][field])
        for i in expected
        for field in fields
        if found[i][field] != expected[i][field]
    ]


def test_extract_gives_every_article_as_the_crawl_stored_it(crawled: CrawlRun, tmp_path: Path) -> None:
    stored = articles(crawled.db)
    assert len(stored) >= 20
    assert differences(stored, extracted(crawled.db, tmp_path), FIELDS) == []


def test_reextract_of_a_fresh_crawl_changes_no_article_and_no_story(crawled: CrawlRun, tmp_path: Path) -> None:
    db = copy_db(crawled.db, tmp_path / "copy.db")
    before, grouping = articles(db), stories(db)
    result = run_cli("reextract", "--db", db, "-s", NO_TEMPLATES, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"Re-extracted {len(before)} pages: 0 articles updated, {len(before)} unchanged" in result.stdout
    assert articles(db) == before
    assert stories(db) == grouping


def test_reextract_keeps_languages_and_titles_and_extract_applies_the_learned_templates(
    demo_db: Path, tmp_path: Path
) -> None:
    db = copy_db(demo_db, tmp_path / "demo.db")
    before = articles(db)
    result = run_cli("reextract", "--db", db, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = articles(db)
    assert differences(before, after, ("url", "title", "language", "published")) == []
    assert differences(after, extracted(db, tmp_path, "--templates-from", str(db)), FIELDS) == []
