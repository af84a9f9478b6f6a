"""Why pages were not stored: the latest outcome of each URL fetched or skipped (``page_outcomes``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from storage.clock import utc_now

__all__ = ["YIELDED_NOTHING", "PageOutcomes", "page_fate"]

#: The reason (and, after ``wirecrawl/``, the stat key) prefix of a feed, sitemap or listing page
#: that led to no article, followed by its cause: ``robots``, ``empty``, ``filtered``.
YIELDED_NOTHING = "discovery/nothing/"


class PageOutcomes:
    """The not-stored pages of a :class:`storage.corpus.Corpus` (a part of it, sharing its connection)."""

    _db: Database  # the corpus's connection (see storage.corpus.Corpus)

    def record_outcome(
        self,
        urls: Iterable[str],
        source: str,
        reason: str,
        detail: str = "",
        run_id: int | None = None,
        article_id: int | None = None,
    ) -> None:
        """Record why the page reached under ``urls`` was not stored, replacing what was known of them."""
        seen = utc_now()
        with self._db.atomic():
            self._db.conn.executemany(
                """INSERT OR REPLACE INTO page_outcomes (url, source, run_id, reason, detail, article_id, seen)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [(url, source, run_id, reason, detail[:500], article_id, seen) for url in dict.fromkeys(urls) if url],
            )


def page_fate(db: Database, urls: Iterable[str]) -> dict[str, Any]:
    """What became of the page at any of ``urls``: ``{"fate": "stored", ...article and story, "note": how
    it was stored, if notable (a canonical URL ignored)}``,
    ``{"fate": "not_stored", ...reason}`` or ``{"fate": "never_seen"}``."""
    candidates = list(dict.fromkeys(urls))
    marks = ", ".join("?" * len(candidates))
    cursor = db.execute(
        f"""SELECT a.id AS article_id, a.url, a.source, a.title, a.published, a.fetched_at, a.story_id,
                   s.copies, a.id = s.origin_article_id AS origin, o.url AS origin_url
            FROM article_urls u JOIN articles a ON a.id = u.article_id
            LEFT JOIN stories s ON s.id = a.story_id LEFT JOIN articles o ON o.id = s.origin_article_id
            WHERE u.url IN ({marks}) LIMIT 1""",
        candidates,
    )
    if row := cursor.fetchone():
        note = db.execute(
            f"""SELECT detail FROM page_outcomes WHERE url IN ({marks}) AND reason LIKE 'canonical/%'
                ORDER BY seen DESC LIMIT 1""",
            candidates,
        ).fetchone()
        stored = dict(zip([d[0] for d in cursor.description], row, strict=False))
        return {"fate": "stored", **stored, "note": note[0] if note else None}
    cursor = db.execute(
        f"""SELECT o.url, o.source, o.run_id, o.reason, o.detail, o.seen, o.article_id,
                   a.url AS duplicate_of, a.story_id
            FROM page_outcomes o LEFT JOIN articles a ON a.id = o.article_id
            WHERE o.url IN ({marks}) ORDER BY o.seen DESC LIMIT 1""",
        candidates,
    )
    if row := cursor.fetchone():
        return {"fate": "not_stored", **dict(zip([d[0] for d in cursor.description], row, strict=False))}
    return {"fate": "never_seen", "url": candidates[0]}
