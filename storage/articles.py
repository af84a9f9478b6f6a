"""Articles: their rows, the URLs they are reached under, their pages as fetched and their declared translations."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from storage.signatures import Fingerprint
from storage.story_store import StoredArticle, write_fingerprint

__all__ = ["ARTICLE_COLUMNS", "ArticleStore", "StoredPage"]

#: Article fields stored as columns (the item's other fields are working state).
ARTICLE_COLUMNS = (
    "url",
    "source",
    "title",
    "author",
    "published",
    "published_raw",
    "language",
    "language_probability",
    "language_source",
    "language_variant",
    "text",
    "text_hash",
    "word_count",
    "similarity",
    "sitename",
    "description",
    "fetched_url",
    "discovered_via",
    "fetched_at",
    "credit",
    "credited_source",
)

#: One prepared statement per article (sqlite-utils' insert() inspects the table on every call).
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join(':' + c for c in ARTICLE_COLUMNS)})"
)


@dataclass(frozen=True)
class StoredPage:
    """A page kept as fetched (``CORPUS_STORE_PAGES``), with what discovery said of it."""

    article_id: int
    source: str
    url: str  # the URL it was fetched from
    headers: dict[str, str]  # Content-Type and the other kept response headers
    body: bytes
    hints: dict[str, Any]  # discovery hints ({} for pages stored before they were kept)
    discovered_via: str


class ArticleStore:
    """The articles of a :class:`storage.corpus.Corpus` (a part of it, sharing its connection)."""

    _db: Database  # the corpus's connection (see storage.corpus.Corpus)

    def article_for_url(self, url: str) -> int | None:
        """The id of the stored article reached under ``url``, if any."""
        row = self._db.execute("SELECT article_id FROM article_urls WHERE url = ?", [url]).fetchone()
        return row[0] if row else None

    def add_urls(self, article_id: int, urls: Iterable[str]) -> None:
        """Record more URLs under which an article is reached."""
        with self._db.atomic():
            self._add_urls(article_id, urls)

    def _add_urls(self, article_id: int, urls: Iterable[str]) -> None:
        known = [url for url in dict.fromkeys(urls) if url]
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO article_urls (url, article_id) VALUES (?, ?)", [(url, article_id) for url in known]
        )
        # Stored under these URLs now: an earlier "not stored" of theirs no longer holds (a note
        # on how it was stored, such as a canonical URL ignored, does).
        self._db.conn.executemany(
            "DELETE FROM page_outcomes WHERE url = ? AND reason NOT LIKE 'canonical/%'", [(url,) for url in known]
        )

    def article_text(self, article_id: int) -> str | None:
        """A stored article's body text."""
        row = self._db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def stored_urls(self) -> Iterator[tuple[str, int]]:
        """Every (url, article id) the articles are reached under."""
        yield from self._db.execute("SELECT url, article_id FROM article_urls")

    def articles_with_text_hash(self, text_hash: str) -> list[tuple[int, str, int]]:
        """(id, url, story id) of the stored articles in a story whose normalized text has this hash, oldest first."""
        return self._db.execute(
            "SELECT id, url, story_id FROM articles WHERE text_hash = ? AND story_id IS NOT NULL ORDER BY id",
            [text_hash],
        ).fetchall()

    def story_input(self, article_id: int) -> tuple[str, str, str | None, str]:
        """(url, text, language, text hash) of a stored article: what its story is decided on."""
        return self._db.execute(
            "SELECT url, text, language, text_hash FROM articles WHERE id = ?", [article_id]
        ).fetchone()

    def source_names(self) -> list[str]:
        """The sources the stored articles come from, by name."""
        return [row[0] for row in self._db.execute("SELECT DISTINCT source FROM articles ORDER BY source")]

    def article_count(self) -> int:
        """How many articles the corpus holds."""
        return self._db["articles"].count

    def add_article(
        self,
        article: Mapping[str, Any],
        urls: Iterable[str] = (),
        story_id: int | None = None,
        fingerprint: Fingerprint | None = None,
        absorbs: Iterable[int] = (),
        translations: Mapping[str, str] | None = None,
        page: Mapping[str, Any] | None = None,
        slots: tuple[str, Sequence[str]] | None = None,
    ) -> StoredArticle:
        """Store an article with its URLs, fingerprint, story and declared translations, in one transaction.

        With ``story_id`` it joins that story as a copy (and the stories in ``absorbs`` are
        united into it); otherwise it starts a story of its own. The earliest-published copy
        (or, lacking dates, the longest) represents the story. ``slots`` is (site, the slot of
        each paragraph of the text), for re-cleaning.
        """
        row = {column: article.get(column) for column in ARTICLE_COLUMNS}
        with self._db.atomic():
            article_id = self._db.execute(_INSERT_ARTICLE, row).lastrowid
            self._add_urls(article_id, [row["url"], *urls])
            self._link_translations(article_id, translations or {})
            if page is not None:
                self._store_page(article_id, page)
            if slots is not None:
                self._store_slots(article_id, *slots)
            stored = self._attach(article_id, row, story_id, fingerprint, absorbs)
        self.held_articles += 1
        return stored

    def _store_page(self, article_id: int, page: Mapping[str, Any]) -> None:
        headers = dict(page.get("headers") or {})
        self._db.execute(
            """INSERT INTO pages (article_id, url, status, content_type, headers, body, hints, discovered_via)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                article_id,
                page["url"],
                page.get("status"),
                headers.pop("Content-Type", None),
                json.dumps(headers, sort_keys=True),
                # Level 1: 2.5x faster than the default on news pages, for a 12% larger blob.
                zlib.compress(page["body"], 1),
                json.dumps(page.get("hints") or {}, sort_keys=True, ensure_ascii=False),
                page.get("discovered_via"),
            ],
        )

    def _store_slots(self, article_id: int, site: str, slots: Sequence[str]) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO article_slots (article_id, site, slots) VALUES (?, ?, ?)",
            [article_id, site, json.dumps(list(slots), ensure_ascii=False)],
        )

    def articles_in_slots(self, site: str, slots: Iterable[str]) -> list[tuple[int, str, str | None, list[str]]]:
        """(id, text, language, slot of each paragraph) of the articles of ``site`` with a paragraph in one of ``slots``."""
        quoted = [json.dumps(slot, ensure_ascii=False) for slot in slots]
        if not quoted:
            return []
        rows = self._db.execute(
            f"""SELECT a.id, a.text, a.language, s.slots FROM article_slots s JOIN articles a ON a.id = s.article_id
                WHERE s.site = ? AND ({" OR ".join("instr(s.slots, ?)" for _ in quoted)}) ORDER BY a.id""",
            [site, *quoted],
        ).fetchall()
        return [(article_id, text, language, json.loads(found)) for article_id, text, language, found in rows]

    def replace_text(
        self,
        article_id: int,
        text: str,
        text_hash: str,
        slots: Sequence[str],
        fingerprint: Fingerprint | None,
        old_bands: Iterable[int] = (),
    ) -> None:
        """Replace a stored article's text (re-cleaned), with its hash, word count, paragraph slots and
        near-duplicate fingerprint (``old_bands`` are the LSH bands of the text it replaces)."""
        with self._db.atomic():
            self._db.execute(
                "UPDATE articles SET text = ?, text_hash = ?, word_count = ? WHERE id = ?",
                [text, text_hash, len(text.split()), article_id],
            )
            self._db.execute(
                "UPDATE article_slots SET slots = ? WHERE article_id = ?",
                [json.dumps(list(slots), ensure_ascii=False), article_id],
            )
            if fingerprint is not None:
                self._db.conn.executemany(
                    "DELETE FROM lsh_bands WHERE band = ? AND article_id = ?",
                    [(band, article_id) for band in old_bands],
                )
                write_fingerprint(self._db, article_id, fingerprint)

    def stored_pages(self, source: str | None = None) -> Iterator[StoredPage]:
        """Every stored page (optionally of one source), in the order its articles were stored."""
        rows = self._db.execute(
            """SELECT p.article_id, a.source, p.url, p.content_type, p.headers, p.body, p.hints,
                      coalesce(p.discovered_via, a.discovered_via)
               FROM pages p JOIN articles a ON a.id = p.article_id
               WHERE :source IS NULL OR a.source = :source ORDER BY p.article_id""",
            {"source": source},
        )
        for article_id, source_name, url, content_type, headers, body, hints, via in rows:
            headers = json.loads(headers or "{}")
            if content_type:
                headers["Content-Type"] = content_type
            yield StoredPage(
                article_id, source_name, url, headers, zlib.decompress(body), json.loads(hints or "{}"), via or ""
            )

    def article(self, article_id: int) -> dict[str, Any]:
        """A stored article's row."""
        return self._db["articles"].get(article_id)

    def update_article(
        self, article_id: int, fields: Mapping[str, Any], slots: tuple[str, Sequence[str]] | None = None
    ) -> None:
        """Replace an article's extracted fields (after re-extraction), and its paragraphs' ``slots`` (site, slots)."""
        columns = {key: value for key, value in fields.items() if key in ARTICLE_COLUMNS and key != "url"}
        with self._db.atomic():
            self._db["articles"].update(article_id, columns)
            if slots is not None:
                self._store_slots(article_id, *slots)

    def _link_translations(self, article_id: int, translations: Mapping[str, str]) -> None:
        """Record the article's translations, and link those (either way) already in the corpus."""
        self._db.conn.executemany(
            """INSERT OR IGNORE INTO translations (article_id, language, url, translation_id)
               VALUES (?, ?, ?, (SELECT article_id FROM article_urls WHERE url = ?))""",
            [(article_id, language, url, url) for language, url in translations.items()],
        )
        self._db.execute(
            """UPDATE translations SET translation_id = :id
               WHERE translation_id IS NULL AND url IN (SELECT url FROM article_urls WHERE article_id = :id)""",
            {"id": article_id},
        )
