"""Stored pages and `wirecrawl reextract`: extraction re-run over the corpus, nothing fetched."""

import sqlite3
import zlib

from fixtures.runs import run_cli


def test_pages_are_stored_and_reextract_restores_articles(tmp_path):
    db = tmp_path / "demo.db"
    assert run_cli("demo", "--db", db, cwd=tmp_path).returncode == 0
    with sqlite3.connect(db) as conn:
        pages, articles = (
            conn.execute("SELECT count(*) FROM pages").fetchone()[0],
            conn.execute("SELECT count(*) FROM articles").fetchone()[0],
        )
        assert pages == articles > 0
        # A syndicated copy: its credit line left the text for the credit columns.
        article_id, body, text, credit, credited = conn.execute(
            "SELECT p.article_id, p.body, a.text, a.credit, a.credited_source FROM pages p"
            " JOIN articles a ON a.id = p.article_id WHERE a.credit IS NOT NULL LIMIT 1"
        ).fetchone()
        assert credit not in text
        assert b"originally published by" in zlib.decompress(body)
        assert credited == "Meridian Press Agency"
        assert text.split("\n\n")[0][:40] in zlib.decompress(body).decode("utf-8", "replace") or zlib.decompress(body)
        stories_before = conn.execute("SELECT count(*), sum(copies) FROM stories").fetchone()
        # A word no demo article uses: which article comes first depends on arrival order.
        conn.execute(
            "UPDATE articles SET text = 'xyzzydamaged', title = 'xyzzydamaged', credit = NULL, credited_source = NULL"
            " WHERE id = ?",
            [article_id],
        )
    result = run_cli("reextract", "--db", db, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 articles updated" in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT text, credit, credited_source FROM articles WHERE id = ?", [article_id]
        ).fetchone() == (text, credit, credited)
        assert conn.execute("SELECT count(*), sum(copies) FROM stories").fetchone() == stories_before
        assert (
            conn.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'xyzzydamaged' AND rowid = ?", [article_id]
            ).fetchone()[0]
            == 0
        )


def test_reextract_needs_a_corpus(tmp_path):
    result = run_cli("reextract", "--db", tmp_path / "missing.db", cwd=tmp_path)
    assert result.returncode == 2 and "no corpus" in result.stderr and "Traceback" not in result.stderr


def test_pages_are_not_kept_when_switched_off(tmp_path):
    from fixtures.scrapy_helpers import make_crawler, run_stages
    from scrapy import signals

    from crawler.items import Article
    from crawler.process.shared_corpus import corpus_for
    from pipelines.store import CorpusPipeline

    article = dict(source="s", text="A body of text.", fetched_at="2026-11-24T10:00:00Z", body=b"<html>page</html>")
    for number, store_pages in ((1, False), (2, True)):
        crawler = make_crawler(CORPUS_PATH=str(tmp_path / "c.db"), CORPUS_STORE_PAGES=store_pages)
        run_stages(crawler, Article(url=f"https://a.example/{number}", **article), [CorpusPipeline])
        if store_pages:
            assert [row["url"] for row in corpus_for(crawler)._db["pages"].rows] == ["https://a.example/2"]
        crawler.signals.send_catch_log(signal=signals.engine_stopped)


def test_reextract_and_dedupe_of_a_missing_corpus_leave_no_file(tmp_path):
    for command in (["reextract"], ["dedupe", "--rebuild"]):
        result = run_cli(*command, "--db", tmp_path / "missing.db", cwd=tmp_path)
        assert result.returncode == 2 and "no corpus" in result.stderr
    assert list(tmp_path.iterdir()) == []
