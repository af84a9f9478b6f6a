"""The near-duplicate index: LSH bands and MinHash signatures of the stored articles, and the settings it was built with."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sqlite_utils import Database

__all__ = ["NearDuplicateIndex"]


class NearDuplicateIndex:
    """The near-duplicate index of a :class:`storage.corpus.Corpus` (a part of it, sharing its connection)."""

    _db: Database  # the corpus's connection (see storage.corpus.Corpus)

    def band_candidates(self, bands: Iterable[int], limit: int) -> list[int]:
        """Articles sharing at least one LSH band, most shared bands first."""
        bands = list(bands)
        if not bands:
            return []
        rows = self._db.execute(
            f"""SELECT article_id FROM lsh_bands WHERE band IN ({", ".join("?" * len(bands))})
                GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT ?""",
            [*bands, limit],
        ).fetchall()
        return [row[0] for row in rows]

    def texts(self, article_ids: Iterable[int]) -> list[tuple[int, int | None, str | None, str]]:
        """(id, story_id, language, text) of the given articles."""
        ids = list(article_ids)
        if not ids:
            return []
        return self._db.execute(
            f"SELECT id, story_id, language, text FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids
        ).fetchall()

    def index_settings(self, name: str, settings: Mapping[str, Any]) -> dict[str, Any]:
        """The settings the named index was built with; records ``settings`` on first use."""
        row = self._db.execute("SELECT value FROM corpus_settings WHERE name = ?", [name]).fetchone()
        if row:
            return json.loads(row[0])
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO corpus_settings (name, value) VALUES (?, ?)",
                [name, json.dumps(dict(settings), sort_keys=True)],
            )
        return dict(settings)

    def reset_stories(self, index_name: str, settings: Mapping[str, Any]) -> Iterator[int]:
        """Forget every story and the near-duplicate index (built anew with ``settings``).

        Returns the article ids, in fetch order, for the caller to reattach; run inside
        ``with corpus.atomic():`` so that a failed rebuild changes nothing. The stories as they
        were are kept for :meth:`storage.story_store.StoryStore.story_changes` (on this connection).
        """
        for statement in (
            "CREATE TEMP TABLE IF NOT EXISTS previous_stories (article_id INTEGER PRIMARY KEY, story_id INTEGER)",
            "DELETE FROM temp.previous_stories",
            "INSERT INTO temp.previous_stories SELECT id, story_id FROM articles WHERE story_id IS NOT NULL",
            "DELETE FROM lsh_bands",
            "DELETE FROM article_fingerprints",
            "UPDATE articles SET story_id = NULL, similarity = NULL",
            "DELETE FROM stories",
        ):
            self._db.execute(statement)
        self._db.execute(
            "INSERT OR REPLACE INTO corpus_settings (name, value) VALUES (?, ?)",
            [index_name, json.dumps(dict(settings), sort_keys=True)],
        )
        return (row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY id").fetchall())
