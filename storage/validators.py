"""HTTP validators (ETag, Last-Modified) of feeds and sitemaps, for conditional GET."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlite_utils import Database

from storage.clock import utc_now

__all__ = ["HttpValidators"]


class HttpValidators:
    """The HTTP validators of a :class:`storage.corpus.Corpus` (a part of it, sharing its connection)."""

    _db: Database  # the corpus's connection (see storage.corpus.Corpus)

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) recorded for a feed or sitemap URL, if any."""
        row = self._db.execute("SELECT etag, last_modified FROM http_validators WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else None

    def save_validators(self, validators: Mapping[str, tuple[str | None, str | None]]) -> None:
        """Record (ETag, Last-Modified) by URL after their documents were read completely."""
        now = utc_now()
        with self._db.atomic():
            self._db.conn.executemany(
                "INSERT OR REPLACE INTO http_validators (url, etag, last_modified, checked) VALUES (?, ?, ?, ?)",
                [(url, etag, modified, now) for url, (etag, modified) in validators.items()],
            )

    def forget_validators(self, urls: Iterable[str]) -> None:
        """Drop the validators of documents whose pages were not all handled: read them in full next time."""
        with self._db.atomic():
            self._db.conn.executemany("DELETE FROM http_validators WHERE url = ?", [(url,) for url in urls])
