"""The corpus: schema, stories and their representatives, URLs, runs, search and stats."""

import sqlite3

import pytest

from storage.corpus import Corpus, CorpusError
from storage.queries import corpus_stats, fts_query, search_stories


def article(url, text, **fields):
    return {
        "url": url,
        "source": fields.pop("source", "wire"),
        "title": fields.pop("title", "Harbour channel to be deepened"),
        "language": fields.pop("language", "en"),
        "text": text,
        "text_hash": fields.pop("text_hash", str(hash(text))),
        "fetched_at": fields.pop("fetched_at", "2026-11-24T10:00:00Z"),
        **fields,
    }


@pytest.fixture
def corpus(tmp_path):
    corpus = Corpus(tmp_path / "corpus.db")
    yield corpus
    corpus.close()


def test_schema_contract(corpus):
    tables = set(corpus._db.table_names())
    assert {"articles", "stories", "crawl_runs", "article_urls", "articles_fts"} <= tables
    columns = set(corpus._db["articles"].columns_dict)
    assert {
        "id",
        "url",
        "source",
        "title",
        "author",
        "published",
        "language",
        "language_probability",
        "text",
        "text_hash",
        "story_id",
        "fetched_at",
    } <= columns
    assert {"id", "article_id", "origin_article_id", "title", "language", "first_seen", "last_seen", "copies"} <= set(
        corpus._db["stories"].columns_dict
    )
    assert {
        "started",
        "finished",
        "sources",
        "pages_fetched",
        "articles_added",
        "duplicates",
        "errors",
        "status",
    } <= set(corpus._db["crawl_runs"].columns_dict)
    assert {fk.other_table for fk in corpus._db["articles"].foreign_keys} == {"stories"}
    assert {fk.other_table for fk in corpus._db["stories"].foreign_keys} == {"articles"}
    assert corpus._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_applies_no_migration_twice(tmp_path):
    first = Corpus(tmp_path / "c.db")
    applied = first._db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    first.close()
    again = Corpus(tmp_path / "c.db")
    assert again._db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == applied >= 2


def test_not_a_database_is_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database" * 100)
    with pytest.raises(CorpusError, match="not a usable wirecrawl corpus"):
        Corpus(bogus)
    with pytest.raises(CorpusError, match="no corpus at"):
        Corpus(tmp_path / "missing.db", create=False)


def test_copies_join_a_story_and_the_earliest_published_represents_it(corpus):
    first = corpus.add_article(
        article("https://a.example/1", "text one", published="2026-11-20T10:00:00+00:00"),
        urls=["https://a.example/1?utm_source=x"],
    )
    assert first.new_story
    copy = corpus.add_article(
        article(
            "https://b.example/1",
            "text one",
            title="Earlier copy",
            published="2026-11-20T08:00:00+00:00",
            fetched_at="2026-11-24T12:00:00Z",
        ),
        story_id=first.story_id,
    )
    assert (copy.story_id, copy.new_story) == (first.story_id, False)
    story = corpus._db["stories"].get(first.story_id)
    assert story["copies"] == 2
    assert (story["first_seen"], story["last_seen"]) == ("2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z")
    assert (story["article_id"], story["title"]) == (copy.article_id, "Earlier copy")
    assert corpus.article_for_url("https://a.example/1?utm_source=x") == first.article_id
    assert [r["story_id"] for r in corpus._db["articles"].rows] == [first.story_id] * 2


def test_without_dates_the_longest_copy_represents(corpus):
    short = corpus.add_article(article("https://a.example/s", "short text"))
    longer = corpus.add_article(
        article("https://b.example/l", "a much longer text of the story"), story_id=short.story_id
    )
    assert corpus._db["stories"].get(short.story_id)["article_id"] == longer.article_id


def origin_of(corpus, story_id):
    return corpus._db["stories"].get(story_id)["origin_article_id"]


def test_the_origin_is_the_copy_published_first_whatever_the_arrival_order(corpus):
    later = corpus.add_article(article("https://a.example/o", "text", published="2026-11-20T10:00:00+00:00"))
    assert origin_of(corpus, later.story_id) == later.article_id
    # 09:30 in UTC+02:00 is 07:30 UTC: earlier, though it sorts after "...10:00" as a string
    earlier = corpus.add_article(
        article(
            "https://b.example/o", "text", published="2026-11-20T09:30:00+02:00", fetched_at="2026-11-25T10:00:00Z"
        ),
        story_id=later.story_id,
    )
    undated = corpus.add_article(
        article("https://c.example/o", "text", fetched_at="2026-11-01T10:00:00Z"), story_id=later.story_id
    )
    assert origin_of(corpus, later.story_id) == earlier.article_id != undated.article_id


def test_the_origin_without_dates_is_the_first_fetched_then_the_first_stored(corpus):
    second = corpus.add_article(article("https://a.example/u", "a longer text", fetched_at="2026-11-24T12:00:00Z"))
    first = corpus.add_article(
        article("https://b.example/u", "text", fetched_at="2026-11-24T11:00:00Z"), story_id=second.story_id
    )
    tie = corpus.add_article(
        article("https://c.example/u", "text", fetched_at="2026-11-24T11:00:00Z"), story_id=second.story_id
    )
    assert origin_of(corpus, second.story_id) == first.article_id != tie.article_id


def test_united_stories_keep_the_origin_of_both(corpus):
    one = corpus.add_article(article("https://a.example/1", "one", published="2026-11-20T10:00:00+00:00"))
    two = corpus.add_article(article("https://b.example/2", "two", published="2026-11-19T10:00:00+00:00"))
    bridge = corpus.add_article(
        article("https://c.example/3", "three", published="2026-11-21T10:00:00+00:00"),
        story_id=one.story_id,
        absorbs=[two.story_id],
    )
    assert corpus.story_count() == 1
    assert origin_of(corpus, bridge.story_id) == two.article_id


def test_the_migration_fills_the_origin_of_stories_stored_before(tmp_path):
    path = tmp_path / "old.db"
    corpus = Corpus(path)
    first = corpus.add_article(article("https://a.example/1", "t", published="2026-11-20T10:00:00+00:00"))
    corpus.add_article(
        article("https://b.example/1", "t", published="2026-11-19T10:00:00+00:00"), story_id=first.story_id
    )
    corpus._db.execute("UPDATE stories SET origin_article_id = NULL")
    corpus._db.execute("DELETE FROM _sqlite_migrations WHERE name = 'add_story_origins'")
    corpus._db.execute("ALTER TABLE stories DROP COLUMN origin_article_id")
    corpus.close()
    reopened = Corpus(path)
    assert origin_of(reopened, first.story_id) == first.article_id + 1
    reopened.close()


def test_duplicate_url_is_refused_and_nothing_half_written(corpus):
    corpus.add_article(article("https://a.example/1", "text"))
    with pytest.raises(sqlite3.IntegrityError):
        corpus.add_article(article("https://a.example/1", "other"))
    assert corpus._db["stories"].count == 1 and corpus._db["articles"].count == 1


def test_run_totals_add_up_over_sources(corpus):
    run = corpus.start_run(["a", "b"])
    corpus.record_run_source(
        run, "a", {"pages_fetched": 5, "articles_added": 3, "errors": 1, "finish_reason": "finished"}
    )
    corpus.record_run_source(run, "b", {"pages_fetched": 2, "duplicates": 1, "finish_reason": "finished"})
    row = corpus.finish_run(run, "finished_with_errors")
    assert (row["pages_fetched"], row["articles_added"], row["duplicates"], row["errors"]) == (7, 3, 1, 1)
    assert row["status"] == "finished_with_errors" and row["finished"]
    assert corpus._db["crawl_run_sources"].count == 2


def test_search_one_line_per_story_with_language_filter(corpus):
    story = corpus.add_article(article("https://a.example/1", "The harbour channel will be deepened", title="Harbour"))
    corpus.add_article(
        article("https://b.example/1", "The harbour channel will be deepened soon", title="Harbour copy"),
        story_id=story.story_id,
    )
    corpus.add_article(article("https://c.example/1", "Der Hafen wird vertieft, harbour", title="Hafen", language="de"))
    hits = search_stories(corpus._db, "harbour")
    assert len(hits) == 2
    assert {hit.copies for hit in hits} == {2, 1}
    assert [hit.language for hit in search_stories(corpus._db, "harbour", language="de")] == ["de"]
    assert search_stories(corpus._db, "harbour", limit=1)[0].story_id in {h.story_id for h in hits}


@pytest.mark.parametrize("query", ['"unbalanced', "harbour AND (", "-harbour", "NEAR(", "harbour*"])
def test_search_input_is_never_fts_syntax(corpus, query):
    corpus.add_article(article("https://a.example/1", "The harbour channel"))
    search_stories(corpus._db, query)  # must not raise


def test_search_falls_back_to_substrings_for_unspaced_scripts(corpus):
    corpus.add_article(
        article("https://a.example/zh", "北京市政府周二宣布将新建十二条地铁线路", title="北京地铁", language="zh")
    )
    assert [hit.title for hit in search_stories(corpus._db, "地铁")] == ["北京地铁"]
    assert fts_query('say "hi"') == '"say" """hi"""'


def test_stats(corpus):
    story = corpus.add_article(article("https://a.example/1", "x"))
    corpus.add_article(article("https://b.example/1", "x", source="other"), story_id=story.story_id)
    corpus.add_article(article("https://c.example/1", "y", language="fr"))
    stats = corpus_stats(corpus._db)
    assert stats["totals"] == {"articles": 3, "stories": 2, "syndicated_stories": 1, "sources": 2, "languages": 2}
    assert {row["source"]: row["articles"] for row in stats["sources"]} == {"wire": 2, "other": 1}
