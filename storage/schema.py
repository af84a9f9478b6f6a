"""The corpus schema, as migrations applied in order (each in its own transaction)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

__all__ = ["migrations", "FTS_TOKENIZER"]

migrations = Migrations("wirecrawl")

#: Word tokenizer for full-text search: Unicode-aware, accents folded ("café" finds "cafe").
FTS_TOKENIZER = "unicode61 remove_diacritics 2"


@migrations()
def create_core_tables(db: Database) -> None:
    """Articles, stories, every URL an article was reached under, and crawl runs."""
    db.executescript(
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            article_id INTEGER REFERENCES articles(id),  -- representative copy
            title TEXT,
            language TEXT,
            published TEXT,       -- the representative's publication time
            first_seen TEXT,      -- earliest fetch of any copy (ISO 8601 UTC)
            last_seen TEXT,       -- latest fetch of any copy
            copies INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,           -- canonical URL
            source TEXT NOT NULL,               -- source name in the sources file
            title TEXT,
            author TEXT,
            published TEXT,                     -- ISO 8601
            published_raw TEXT,                 -- as found on the page or in the feed
            language TEXT,                      -- ISO 639-1
            language_probability REAL,
            language_source TEXT,               -- langdetect, page, feed or source
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,            -- SHA-1 of the normalized text
            word_count INTEGER,
            story_id INTEGER REFERENCES stories(id),
            similarity REAL,                    -- to the story's representative copy
            sitename TEXT,
            description TEXT,
            fetched_url TEXT,                   -- final URL of the fetch, after redirects
            discovered_via TEXT,                -- feed, sitemap or listing
            fetched_at TEXT NOT NULL            -- ISO 8601 UTC
        );
        CREATE INDEX idx_articles_text_hash ON articles(text_hash);
        CREATE INDEX idx_articles_story_id ON articles(story_id);
        CREATE INDEX idx_articles_source ON articles(source);
        CREATE INDEX idx_articles_language ON articles(language);
        CREATE INDEX idx_articles_published ON articles(published);
        CREATE INDEX idx_stories_last_seen ON stories(last_seen);

        CREATE TABLE article_urls (
            url TEXT PRIMARY KEY,               -- any URL the article was reached under
            article_id INTEGER NOT NULL REFERENCES articles(id)
        );
        CREATE INDEX idx_article_urls_article_id ON article_urls(article_id);

        CREATE TABLE crawl_runs (
            id INTEGER PRIMARY KEY,
            started TEXT NOT NULL,
            finished TEXT,
            sources TEXT NOT NULL,              -- JSON list of source names
            status TEXT NOT NULL,               -- running, finished, finished_with_errors, interrupted, failed
            pages_fetched INTEGER NOT NULL DEFAULT 0,
            articles_added INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            dropped INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE crawl_run_sources (
            run_id INTEGER NOT NULL REFERENCES crawl_runs(id),
            source TEXT NOT NULL,
            pages_fetched INTEGER NOT NULL DEFAULT 0,
            articles_added INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            dropped INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            skipped_stored INTEGER NOT NULL DEFAULT 0,
            finish_reason TEXT,
            counts TEXT,                        -- JSON: every wirecrawl/* stat of the spider
            PRIMARY KEY (run_id, source)
        );
        """
    )
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize=FTS_TOKENIZER)


@migrations()
def create_story_index(db: Database) -> None:
    """The persistent near-duplicate index: each article's MinHash signature and LSH bands.

    A band row is one (band hash, article) pair; a lookup is one index probe per band, so
    adding an article costs the same at any corpus size and nothing is loaded at start-up.
    """
    db.executescript(
        """
        CREATE TABLE article_fingerprints (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            shingles INTEGER NOT NULL,          -- number of distinct shingles of the text
            signature BLOB NOT NULL             -- MinHash hash values, little-endian uint32
        );
        CREATE TABLE lsh_bands (
            band INTEGER NOT NULL,              -- 64-bit hash of (language, band number, band values)
            article_id INTEGER NOT NULL REFERENCES articles(id),
            PRIMARY KEY (band, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE corpus_settings (
            name TEXT PRIMARY KEY,              -- e.g. near_duplicate_index
            value TEXT NOT NULL                 -- JSON
        );
        """
    )
