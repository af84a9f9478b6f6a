"""The corpus schema, as migrations applied in order (each in its own transaction)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from storage.scripts import UNSPACED_LANGUAGES
from storage.story_store import ORIGIN_ORDER

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


@migrations()
def add_multilingual_search(db: Database) -> None:
    """Chinese/Japanese variant column, a trigram index for unspaced scripts, and translations.

    The word tokenizer sees a whole Chinese or Thai clause as one token; the trigram index
    finds any 3+ character substring. It holds only articles in languages written without
    spaces, which keeps its size (three times the text) off everything else.
    """
    db.execute("ALTER TABLE articles ADD COLUMN language_variant TEXT")
    languages = ", ".join(f"'{code}'" for code in UNSPACED_LANGUAGES)
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE articles_trigram USING fts5(
            title, text, content='articles', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER articles_trigram_ai AFTER INSERT ON articles WHEN new.language IN ({languages}) BEGIN
            INSERT INTO articles_trigram (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_trigram_ad AFTER DELETE ON articles WHEN old.language IN ({languages}) BEGIN
            INSERT INTO articles_trigram (articles_trigram, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER articles_trigram_au AFTER UPDATE OF title, text, language ON articles BEGIN
            INSERT INTO articles_trigram (articles_trigram, rowid, title, text)
                SELECT 'delete', old.id, old.title, old.text WHERE old.language IN ({languages});
            INSERT INTO articles_trigram (rowid, title, text)
                SELECT new.id, new.title, new.text WHERE new.language IN ({languages});
        END;
        INSERT INTO articles_trigram (rowid, title, text)
            SELECT id, title, text FROM articles WHERE language IN ({languages});

        CREATE TABLE translations (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            language TEXT NOT NULL,             -- hreflang as the page declares it
            url TEXT NOT NULL,                  -- the translation's URL (canonical form)
            translation_id INTEGER REFERENCES articles(id),  -- set once that page is in the corpus
            PRIMARY KEY (article_id, url)
        );
        CREATE INDEX idx_translations_url ON translations(url);

        -- sqlite-utils' trigger re-indexed an article on every update (story, similarity):
        -- only a changed title or text needs it.
        DROP TRIGGER articles_au;
        CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        """
    )


@migrations()
def create_site_templates(db: Database) -> None:
    """Per site, on how many pages each body block was seen: recurring blocks are boilerplate."""
    db.executescript(
        """
        CREATE TABLE site_blocks (
            site TEXT NOT NULL,                 -- host (and port)
            block TEXT NOT NULL,                -- hash of the normalized block
            pages INTEGER NOT NULL,             -- pages of the site it was seen on
            PRIMARY KEY (site, block)
        ) WITHOUT ROWID;
        """
    )


@migrations()
def create_pages(db: Database) -> None:
    """Each article's page as fetched (compressed), so extraction can be re-run without refetching."""
    db.executescript(
        """
        CREATE TABLE pages (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            url TEXT NOT NULL,                  -- final URL of the fetch
            status INTEGER,
            content_type TEXT,                  -- the Content-Type header, charset included
            headers TEXT,                       -- JSON: the other headers that matter
            body BLOB NOT NULL                  -- the bytes as received, zlib-compressed
        );
        """
    )


@migrations()
def add_http_validators(db: Database) -> None:
    """The ETag and Last-Modified of each feed and sitemap, for conditional GET.

    Presented on the next run, they let an unchanged feed answer 304 Not Modified instead
    of the whole document.
    """
    db.executescript(
        """
        CREATE TABLE http_validators (
            url TEXT PRIMARY KEY,               -- the feed or sitemap URL as requested
            etag TEXT,                          -- ETag header of its last complete read
            last_modified TEXT,                 -- Last-Modified header of its last complete read
            checked TEXT NOT NULL               -- when that read was (ISO 8601 UTC)
        );
        """
    )


@migrations()
def add_site_block_pages(db: Database) -> None:
    """The pages already counted in ``site_blocks``: a page fetched again (it was not stored, or
    a crash cut its run short after it was counted) counts once."""
    db.executescript(
        """
        CREATE TABLE site_block_pages (
            url TEXT PRIMARY KEY                -- canonical URL of a page counted for its site
        ) WITHOUT ROWID;
        """
    )


@migrations()
def add_page_hints(db: Database) -> None:
    """What discovery said of each stored page (feed title, date, language; the source's languages),
    so that ``wirecrawl reextract`` decides exactly as the crawl did. NULL for pages stored before."""
    db.executescript(
        """
        ALTER TABLE pages ADD COLUMN hints TEXT;          -- JSON object of discovery hints
        ALTER TABLE pages ADD COLUMN discovered_via TEXT; -- feed, sitemap or listing
        """
    )


@migrations()
def add_article_credits(db: Database) -> None:
    """Each article's syndication credit, taken out of its text ("This article first appeared in
    ..."), and the outlet it credits: where the story first ran. NULL when it has none (and for
    articles stored before, until ``wirecrawl reextract``)."""
    db.executescript(
        """
        ALTER TABLE articles ADD COLUMN credit TEXT;           -- the credit lines as found
        ALTER TABLE articles ADD COLUMN credited_source TEXT;  -- the outlet named, else the original's host
        """
    )


@migrations()
def add_story_origins(db: Database) -> None:
    """Each story's origin: the copy published first (``storage.story_store.ORIGIN_ORDER``), filled
    for the stories stored before. Copies of a story are the other articles of it."""
    db.executescript(
        f"""
        ALTER TABLE stories ADD COLUMN origin_article_id INTEGER REFERENCES articles(id);  -- the copy published first
        UPDATE stories SET origin_article_id =
            (SELECT id FROM articles WHERE story_id = stories.id ORDER BY {ORIGIN_ORDER} LIMIT 1);
        """
    )


@migrations()
def add_run_first_article(db: Database) -> None:
    """The first article id each run could store, so that a run's copies are counted by origin at
    its end. NULL for runs before (their counts stay as recorded)."""
    db.execute("ALTER TABLE crawl_runs ADD COLUMN first_article_id INTEGER")


@migrations()
def add_page_outcomes(db: Database) -> None:
    """Why each page fetched (or skipped) was not stored: the latest outcome per URL, so it stays bounded."""
    db.executescript(
        """
        CREATE TABLE page_outcomes (
            url TEXT PRIMARY KEY,               -- the page's URL as discovered, and its final URL
            source TEXT NOT NULL,               -- source name in the sources file
            run_id INTEGER,                     -- crawl run it happened in
            reason TEXT NOT NULL,               -- stat key: dropped/no_body, skipped/robots, errors/http_404, ...
            detail TEXT,                        -- what the stage said, in one line
            article_id INTEGER,                 -- the stored article it duplicates, if that is the reason
            seen TEXT NOT NULL                  -- when (ISO 8601 UTC)
        );
        CREATE INDEX idx_page_outcomes_run ON page_outcomes(run_id);
        """
    )


@migrations()
def create_site_slots(db: Database) -> None:
    """Site templates by structure: per site, on how many pages each structural slot (where a body
    block sits in the page, see ``pipelines.core.slots``) was seen, and how; and each article's
    slots, one per paragraph of its text, so that a slot found to be furniture later is removed
    from the site's articles stored before."""
    db.executescript(
        """
        CREATE TABLE site_slots (
            site TEXT NOT NULL,                 -- host (and port)
            slot TEXT NOT NULL,                 -- element path and box shape
            pages INTEGER NOT NULL,             -- pages of the site it was seen on
            stream_pages INTEGER NOT NULL,      -- of them, pages where it held the story stream
            share REAL NOT NULL,                -- summed over the pages: share of the body's text it held
            PRIMARY KEY (site, slot)
        ) WITHOUT ROWID;
        CREATE TABLE site_slot_pages (
            url TEXT PRIMARY KEY                -- canonical URL of a page counted for its site's slots
        ) WITHOUT ROWID;
        CREATE TABLE article_slots (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            site TEXT NOT NULL,                 -- host (and port), as site_slots
            slots TEXT NOT NULL                 -- JSON list: the slot of each paragraph of the text
        );
        CREATE INDEX idx_article_slots_site ON article_slots(site);
        """
    )
