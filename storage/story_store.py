"""Stories: which articles are copies of one story, its origin, its representative copy and each copy's similarity to it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from storage.signatures import Fingerprint, estimated_similarity

__all__ = ["ORIGIN_ORDER", "StoredArticle", "StoryChanges", "StoryStore", "origin_order", "write_fingerprint"]


def origin_order(table: str = "articles") -> str:
    """The ORDER BY of a story's copies (rows of ``table``, a name or alias of ``articles``) that
    puts its origin first: the article published first (by the instant, whatever the UTC offset; a
    dated copy before an undated one, whose publication is unknown), then the first fetched,
    then the first stored. It does not depend on the order in which the copies arrived."""
    return (
        f"julianday({table}.published) IS NULL, julianday({table}.published), julianday({table}.fetched_at), {table}.id"
    )


#: :func:`origin_order` of the ``articles`` table.
ORIGIN_ORDER = origin_order()


@dataclass(frozen=True)
class StoredArticle:
    """Where a stored article landed."""

    article_id: int
    story_id: int
    new_story: bool


@dataclass(frozen=True)
class StoryChanges:
    """How the stories of a rebuild compare with the stories before it.

    ``united``: stories holding copies of two or more earlier stories; ``split``: earlier
    stories whose copies now lie in two or more stories; ``unchanged``: stories with exactly
    the copies of an earlier one. A story can be both the union of some and a part of another.
    """

    stories: int
    before: int
    united: int
    split: int
    unchanged: int


class StoryStore:
    """The stories of a :class:`storage.corpus.Corpus` and the policy that keeps them (a part of it, sharing its connection)."""

    _db: Database  # the corpus's connection (see storage.corpus.Corpus)

    def story_count(self) -> int:
        """How many stories the corpus holds."""
        return self._db["stories"].count

    def story_changes(self) -> StoryChanges:
        """The stories now against those :meth:`storage.index.NearDuplicateIndex.reset_stories` forgot."""
        (before,) = self._db.execute("SELECT count(DISTINCT story_id) FROM temp.previous_stories").fetchone()
        united, split, unchanged = self._db.execute(
            """WITH pairs AS (SELECT DISTINCT p.story_id AS old, a.story_id AS new
                              FROM temp.previous_stories p JOIN articles a ON a.id = p.article_id),
                    olds AS (SELECT old, count(*) AS parts FROM pairs GROUP BY old),
                    news AS (SELECT new, count(*) AS parts FROM pairs GROUP BY new)
               SELECT (SELECT count(*) FROM news WHERE parts > 1), (SELECT count(*) FROM olds WHERE parts > 1),
                      (SELECT count(*) FROM pairs JOIN olds USING (old) JOIN news USING (new)
                       WHERE olds.parts = 1 AND news.parts = 1)"""
        ).fetchone()
        return StoryChanges(self.story_count(), before, united, split, unchanged)

    def longest_copy(self, story_id: int) -> tuple[int, str]:
        """(id, text) of the story's longest copy."""
        return self._db.execute(
            "SELECT id, text FROM articles WHERE story_id = ? ORDER BY length(text) DESC, id LIMIT 1", [story_id]
        ).fetchone()

    def reattach(
        self, article_id: int, story_id: int | None, fingerprint: Fingerprint | None, absorbs: Iterable[int] = ()
    ) -> StoredArticle:
        """Give a stored article (whose story was reset) a fingerprint and a story again."""
        row = self._db["articles"].get(article_id)
        with self._db.atomic():
            return self._attach(article_id, row, story_id, fingerprint, absorbs)

    def _attach(
        self,
        article_id: int,
        row: Mapping[str, Any],
        story_id: int | None,
        fingerprint: Fingerprint | None,
        absorbs: Iterable[int],
    ) -> StoredArticle:
        if fingerprint is not None:
            write_fingerprint(self._db, article_id, fingerprint)
        if story_id is None or not self._story_exists(story_id):
            story_id = self._create_story(article_id, row)
            self._db.execute("UPDATE articles SET story_id = ?, similarity = 1.0 WHERE id = ?", [story_id, article_id])
            return StoredArticle(article_id, story_id, True)
        self._db.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story_id, article_id])
        self._join_story(story_id, article_id, row)
        for other in absorbs:
            if other != story_id and self._story_exists(other):
                self._unite_stories(story_id, other)
        self._refresh_origin(story_id)
        return StoredArticle(article_id, story_id, False)

    def _refresh_origin(self, story_id: int) -> None:
        """Point the story at its origin (:data:`ORIGIN_ORDER`) after its copies changed."""
        self._db.execute(
            f"""UPDATE stories SET origin_article_id =
                   (SELECT id FROM articles WHERE story_id = :story_id ORDER BY {ORIGIN_ORDER} LIMIT 1)
               WHERE id = :story_id""",
            {"story_id": story_id},
        )

    def _unite_stories(self, story_id: int, other: int) -> None:
        """Move every copy of ``other`` into ``story_id`` and drop ``other``."""
        self._db.execute(
            """UPDATE stories SET
                   copies = copies + (SELECT copies FROM stories WHERE id = :other),
                   first_seen = min(first_seen, (SELECT first_seen FROM stories WHERE id = :other)),
                   last_seen = max(last_seen, (SELECT last_seen FROM stories WHERE id = :other))
               WHERE id = :story_id""",
            {"story_id": story_id, "other": other},
        )
        self._db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", [story_id, other])
        ((kept, other_rep),) = self._db.execute(
            "SELECT (SELECT article_id FROM stories WHERE id = ?), (SELECT article_id FROM stories WHERE id = ?)",
            [story_id, other],
        ).fetchall()
        self._db.execute("DELETE FROM stories WHERE id = ?", [other])
        candidate = self._db["articles"].get(other_rep)
        current = self._db.execute("SELECT published, length(text) FROM articles WHERE id = ?", [kept]).fetchone()
        representative = other_rep if _represents_better(candidate, current[0], current[1]) else kept
        if representative != kept:
            self._db.execute(
                "UPDATE stories SET article_id = ?, title = ?, published = ? WHERE id = ?",
                [other_rep, candidate["title"], candidate["published"], story_id],
            )
        self._refresh_similarities(story_id, representative)

    def _story_exists(self, story_id: int) -> bool:
        return self._db.execute("SELECT 1 FROM stories WHERE id = ?", [story_id]).fetchone() is not None

    def _create_story(self, article_id: int, row: Mapping[str, Any]) -> int:
        return (
            self._db["stories"]
            .insert(
                {
                    "article_id": article_id,
                    "origin_article_id": article_id,
                    "title": row["title"],
                    "language": row["language"],
                    "published": row["published"],
                    "first_seen": row["fetched_at"],
                    "last_seen": row["fetched_at"],
                    "copies": 1,
                }
            )
            .last_pk
        )

    def _join_story(self, story_id: int, article_id: int, row: Mapping[str, Any]) -> None:
        self._db.execute(
            """UPDATE stories SET copies = copies + 1,
                   first_seen = min(first_seen, :fetched_at), last_seen = max(last_seen, :fetched_at)
               WHERE id = :story_id""",
            {"fetched_at": row["fetched_at"], "story_id": story_id},
        )
        current = self._db.execute(
            """SELECT a.id, a.published, length(a.text) FROM stories s JOIN articles a ON a.id = s.article_id
               WHERE s.id = ?""",
            [story_id],
        ).fetchone()
        if current is None or _represents_better(row, current[1], current[2]):
            self._db.execute(
                "UPDATE stories SET article_id = ?, title = ?, published = ? WHERE id = ?",
                [article_id, row["title"], row["published"], story_id],
            )
            self._refresh_similarities(story_id, article_id)
        else:
            similarity = self._similarity(article_id, current[0])
            fallback = row.get("similarity") if row.get("similarity") is not None else 1.0
            self._db.execute(
                "UPDATE articles SET similarity = ? WHERE id = ?",
                [similarity if similarity is not None else fallback, article_id],
            )

    def _similarity(self, article_id: int, representative_id: int) -> float | None:
        """Estimated similarity of two stored articles from their fingerprints (None without them)."""
        rows = dict(
            (row[0], row[1:])
            for row in self._db.execute(
                "SELECT article_id, signature, shingles FROM article_fingerprints WHERE article_id IN (?, ?)",
                [article_id, representative_id],
            ).fetchall()
        )
        if article_id == representative_id:
            return 1.0
        if len(rows) < 2:
            return None
        (signature, shingles), (other, other_shingles) = rows[article_id], rows[representative_id]
        return estimated_similarity(signature, shingles, other, other_shingles)

    def _refresh_similarities(self, story_id: int, representative_id: int) -> None:
        """After the representative changed: every copy's similarity to the new one."""
        copies = [row[0] for row in self._db.execute("SELECT id FROM articles WHERE story_id = ?", [story_id])]
        for copy_id in copies:
            similarity = self._similarity(copy_id, representative_id)
            if similarity is not None or copy_id == representative_id:
                self._db.execute("UPDATE articles SET similarity = ? WHERE id = ?", [similarity or 1.0, copy_id])


def _represents_better(row: Mapping[str, Any], published: str | None, text_length: int | None) -> bool:
    """Whether a new copy should replace the current representative: earlier published, else longer."""
    if row["published"] and published:
        return row["published"] < published
    if row["published"] or published:
        return bool(row["published"])
    return len(row["text"] or "") > (text_length or 0)


def write_fingerprint(db: Database, article_id: int, fingerprint: Fingerprint) -> None:
    """Store an article's near-duplicate fingerprint and its LSH bands (in the caller's transaction)."""
    db.execute(
        "INSERT OR REPLACE INTO article_fingerprints (article_id, shingles, signature) VALUES (?, ?, ?)",
        [article_id, fingerprint.shingles, fingerprint.signature],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO lsh_bands (band, article_id) VALUES (?, ?)",
        [(band, article_id) for band in fingerprint.bands],
    )
