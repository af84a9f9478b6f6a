"""Read-only queries over the corpus: full-text search by story, and statistics."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from storage.scripts import has_unspaced_script

__all__ = [
    "ARTICLE_FILTERS",
    "StoryHit",
    "corpus_stats",
    "fts_query",
    "recent_runs",
    "search_stories",
    "story_with_copies",
    "syndicated_stories",
]


@dataclass(frozen=True)
class StoryHit:
    """A story matching a search, shown by its best-matching copy."""

    story_id: int
    copies: int
    language: str | None
    published: str | None
    title: str | None
    url: str


#: The filters of an article query (``a``): language, source, and publication day (the fetch day
#: when undated) on or after ``since`` and on or before ``until`` (YYYY-MM-DD); NULL: no filter.
ARTICLE_FILTERS = """(:language IS NULL OR a.language = :language) AND (:source IS NULL OR a.source = :source)
    AND (:since IS NULL OR date(coalesce(a.published, a.fetched_at)) >= date(:since))
    AND (:until IS NULL OR date(coalesce(a.published, a.fetched_at)) <= date(:until))"""

#: Characters and operators that make a query FTS5 syntax rather than plain words.
_FTS_SYNTAX = re.compile(r'["*()^:+]|\b(OR|AND|NOT|NEAR)\b')


def fts_query(text: str) -> str:
    """An FTS5 query matching all words of ``text``, each quoted so user input is never FTS syntax."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def _fts_match(db: Database, matched: str, params: dict[str, Any], query: str) -> tuple[list[dict[str, Any]], bool]:
    """The hits of ``query`` as FTS5 syntax if it is written in it and valid (then True), else of its words quoted."""
    if _FTS_SYNTAX.search(query):
        try:
            return _best_per_story(db, matched, {**params, "match": query}), True
        except sqlite3.OperationalError:  # fts5: syntax error, unterminated string, no such column, ...
            pass
    return _best_per_story(db, matched, {**params, "match": fts_query(query)}), False


def search_stories(
    db: Database,
    query: str,
    language: str | None = None,
    limit: int = 20,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[StoryHit]:
    """Stories whose copies match ``query``, best first, one hit per story; only copies in
    ``language``, of ``source``, published from ``since`` to ``until`` (days, inclusive).

    Plain words must all match. A query in FTS5 syntax (``"a phrase"``, ``storm OR flood``,
    ``harb*``) is used as such when it is valid; when it is not, its words are quoted, so no
    input is an error. Words of space-delimited scripts go to the word index (accents
    folded); Chinese, Japanese, Thai words to the trigram index, or, when a word is shorter
    than 3 characters, to a substring match. A query the chosen index finds nothing for
    falls back to substrings of its words.
    """
    words = query.replace('"', " ").split()
    if not words:
        return []
    params: dict[str, Any] = {"language": language, "source": source, "since": since, "until": until, "limit": limit}
    rows: list[dict[str, Any]] = []
    as_syntax = False
    if not has_unspaced_script(query):
        index = "articles_fts"
    elif all(len(word) >= 3 for word in words):
        index = "articles_trigram"
    else:
        index = None
    if index is not None:
        matched = f"""SELECT a.*, {index}.rank AS score FROM {index}
                      JOIN articles a ON a.id = {index}.rowid
                      WHERE {index} MATCH :match AND {ARTICLE_FILTERS}"""
        rows, as_syntax = _fts_match(db, matched, params, query)
    if not rows and not as_syntax:  # a phrase or an OR found nothing: its words as substrings would be another query
        rows = _best_per_story(
            db,
            _SUBSTRING_MATCH.format(where=_substring_where(len(words))),
            {
                **params,
                **{f"w{i}": _like_pattern(word) for i, word in enumerate(words)},
            },
        )
    return [StoryHit(**row) for row in rows]


_SUBSTRING_MATCH = f"""SELECT a.*, 1 AS score FROM articles a
                      WHERE ({{where}}) AND {ARTICLE_FILTERS}"""


def _substring_where(count: int) -> str:
    return " AND ".join(f"(a.title LIKE :w{i} ESCAPE '\\' OR a.text LIKE :w{i} ESCAPE '\\')" for i in range(count))


def _like_pattern(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _best_per_story(db: Database, matched: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    # SQLite returns the bare columns of the row holding min(score) in each group.
    sql = f"""SELECT m.story_id, s.copies, m.language, m.published, m.title, m.url, min(m.score) AS score
              FROM ({matched}) AS m JOIN stories s ON s.id = m.story_id
              GROUP BY m.story_id ORDER BY score, m.story_id LIMIT :limit"""
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [{k: v for k, v in zip(names, row, strict=False) if k != "score"} for row in cursor.fetchall()]


def corpus_stats(db: Database, runs: int = 5) -> dict[str, Any]:
    """Totals, counts by source and by language, and the last ``runs`` crawl runs."""

    def rows(sql: str, params: Any = ()) -> list[dict[str, Any]]:
        cursor = db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=False)) for row in cursor.fetchall()]

    totals = rows(
        """SELECT (SELECT count(*) FROM articles) AS articles,
                  (SELECT count(*) FROM stories) AS stories,
                  (SELECT count(*) FROM stories WHERE copies > 1) AS syndicated_stories,
                  (SELECT count(DISTINCT source) FROM articles) AS sources,
                  (SELECT count(DISTINCT language) FROM articles) AS languages"""
    )[0]
    return {
        "totals": totals,
        "sources": rows(
            """SELECT source, count(*) AS articles, count(DISTINCT story_id) AS stories,
                      group_concat(DISTINCT language) AS languages, max(fetched_at) AS last_fetched
               FROM articles GROUP BY source ORDER BY articles DESC, source"""
        ),
        "languages": rows(
            """SELECT language, count(*) AS articles, count(DISTINCT story_id) AS stories
               FROM articles GROUP BY language ORDER BY articles DESC, language"""
        ),
        "runs": rows(
            """SELECT id, started, finished, status, pages_fetched, articles_added, duplicates, dropped, errors
               FROM crawl_runs ORDER BY id DESC LIMIT ?""",
            [runs],
        ),
    }


def recent_runs(db: Database, runs: int = 10) -> list[dict[str, Any]]:
    """The last ``runs`` crawl runs, newest first, each with its failures by reason summed over its sources.

    ``failures`` maps a reason (``timeout``, ``http_404``, ...) to its count; ``http_errors``
    counts the failures that were answered (4xx, 5xx), for the error rate; ``not_stored`` maps
    why pages were dropped or skipped (``dropped/no_body``, ``skipped/language/fr``,
    ``duplicates/url``, ...) to their counts.
    """
    cursor = db.execute(
        """SELECT id, started, finished, status, sources, pages_fetched, articles_added, duplicates, dropped, errors
           FROM crawl_runs ORDER BY id DESC LIMIT ?""",
        [runs],
    )
    names = [d[0] for d in cursor.description]
    result = []
    for row in cursor.fetchall():
        run = dict(zip(names, row, strict=False))
        run["sources"] = len(json.loads(run["sources"] or "[]"))
        failures: dict[str, int] = {}
        not_stored: dict[str, int] = {}
        for (counts,) in db.execute("SELECT counts FROM crawl_run_sources WHERE run_id = ?", [run["id"]]):
            for key, value in json.loads(counts or "{}").items():
                if not isinstance(value, int):
                    continue
                if key.startswith("wirecrawl/errors/"):
                    reason = key.removeprefix("wirecrawl/errors/")
                    failures[reason] = failures.get(reason, 0) + value
                elif key.startswith(_NOT_STORED) and key != "wirecrawl/skipped/stored":
                    reason = key.removeprefix("wirecrawl/")
                    not_stored[reason] = not_stored.get(reason, 0) + value
        run["failures"] = _by_count(failures)
        run["not_stored"] = _by_count(not_stored)
        run["http_errors"] = sum(count for reason, count in failures.items() if reason.startswith("http_"))
        result.append(run)
    return result


#: The stats of pages not stored, by reason (``wirecrawl/skipped/stored`` is a page stored before, not fetched again).
_NOT_STORED = ("wirecrawl/dropped/", "wirecrawl/skipped/", "wirecrawl/duplicates/url")


def _by_count(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def syndicated_stories(db: Database) -> list[dict[str, Any]]:
    """Stories seen on more than one page, most copies first: copies, title and the sources that carried it."""
    rows = db.execute(
        """SELECT s.copies, s.title, group_concat(DISTINCT a.source) FROM stories s
           JOIN articles a ON a.story_id = s.id WHERE s.copies > 1 GROUP BY s.id ORDER BY s.copies DESC, s.id"""
    ).fetchall()
    return [{"copies": copies, "title": title, "sources": sources.split(",")} for copies, title, sources in rows]


def story_with_copies(db: Database, story_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """A story's row and its copies (representative first, then by similarity), or None."""
    cursor = db.execute("SELECT * FROM stories WHERE id = ?", [story_id])
    row = cursor.fetchone()
    if row is None:
        return None
    story = dict(zip([d[0] for d in cursor.description], row, strict=False))
    cursor = db.execute(
        """SELECT a.id, a.source, a.url, a.title, a.language, a.published, a.similarity,
                  a.id = s.article_id AS representative
           FROM articles a JOIN stories s ON s.id = a.story_id WHERE a.story_id = ?
           ORDER BY representative DESC, a.similarity DESC, a.id""",
        [story_id],
    )
    names = [d[0] for d in cursor.description]
    return story, [dict(zip(names, copy, strict=False)) for copy in cursor.fetchall()]
