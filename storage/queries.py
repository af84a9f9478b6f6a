"""Read-only queries over the corpus: full-text search by story, and statistics."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from storage.outcomes import YIELDED_NOTHING
from storage.scripts import has_unspaced_script
from storage.story_store import origin_order

__all__ = [
    "ARTICLE_FILTERS",
    "StoryHit",
    "corpus_stats",
    "fts_query",
    "matching_articles",
    "recent_runs",
    "recorded_settings",
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
    index = _search_index(query)
    if index is not None:
        matched = f"""SELECT a.*, {index}.rank AS score FROM {index}
                      JOIN articles a ON a.id = {index}.rowid
                      WHERE {index} MATCH :match AND {ARTICLE_FILTERS}"""
        rows, as_syntax = _fts_match(db, matched, params, query)
    if not rows and not as_syntax:  # a phrase or an OR found nothing: its words as substrings would be another query
        rows = _best_per_story(
            db,
            _SUBSTRING_MATCH.format(where=_substring_where(len(words), "a.")),
            {**params, **_substring_params(words)},
        )
    return [StoryHit(**row) for row in rows]


def matching_articles(query: str) -> tuple[str, dict[str, str]]:
    """An SQL condition on a row of ``articles`` and its parameters: the article matches all words
    of ``query``, found as :func:`search_stories` finds them (the same index, the same fallback to
    substrings when the index finds nothing). Any input is safe; no words match nothing."""
    words = query.split()
    if not words:
        return "0", {}
    substring = _substring_where(len(words), "")
    params = _substring_params(words)
    index = _search_index(query)
    if index is None:
        return substring, params
    indexed = f"SELECT rowid FROM {index} WHERE {index} MATCH :words_match"
    condition = f"(id IN ({indexed}) OR (NOT EXISTS ({indexed}) AND {substring}))"
    return condition, {**params, "words_match": fts_query(query)}


def _search_index(query: str) -> str | None:
    """The full-text index for ``query``'s words; None when only a substring match finds them."""
    if not has_unspaced_script(query):
        return "articles_fts"
    if all(len(word) >= 3 for word in query.split()):
        return "articles_trigram"
    return None


_SUBSTRING_MATCH = f"""SELECT a.*, 1 AS score FROM articles a
                      WHERE ({{where}}) AND {ARTICLE_FILTERS}"""


def _substring_where(count: int, table: str) -> str:
    """All ``count`` words ``:words_N`` in the title or text of the row (``table``: "a." or "")."""
    return " AND ".join(
        f"({table}title LIKE :words_{i} ESCAPE '\\' OR {table}text LIKE :words_{i} ESCAPE '\\')" for i in range(count)
    )


def _substring_params(words: list[str]) -> dict[str, str]:
    return {f"words_{i}": _like_pattern(word) for i, word in enumerate(words)}


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
    """Totals, counts by source and by language, and the last ``runs`` crawl runs.

    A source's ``origins`` are the stories it published first (their origin is its article),
    its ``copies`` its articles of stories another page published first.
    """

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
            """SELECT a.source, count(*) AS articles, count(DISTINCT a.story_id) AS stories,
                      count(*) FILTER (WHERE a.id = s.origin_article_id) AS origins,
                      count(*) FILTER (WHERE a.id != s.origin_article_id) AS copies,
                      group_concat(DISTINCT a.language) AS languages, max(a.fetched_at) AS last_fetched
               FROM articles a LEFT JOIN stories s ON s.id = a.story_id
               GROUP BY a.source ORDER BY articles DESC, a.source"""
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
    ``duplicates/url``, ...) to their counts; ``yielded_nothing`` maps why feeds, sitemaps and
    listing pages led to no article (``robots``, ``empty``, ``filtered``) to their counts;
    ``recleaned`` counts the stored articles re-cleaned of their site's templates.
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
        nothing: dict[str, int] = {}
        run["recleaned"] = 0
        for (counts,) in db.execute("SELECT counts FROM crawl_run_sources WHERE run_id = ?", [run["id"]]):
            for key, value in json.loads(counts or "{}").items():
                if not isinstance(value, int):
                    continue
                if key == "wirecrawl/recleaned":
                    run["recleaned"] += value
                elif key.startswith("wirecrawl/errors/"):
                    reason = key.removeprefix("wirecrawl/errors/")
                    failures[reason] = failures.get(reason, 0) + value
                elif key.startswith(_YIELDED_NOTHING):
                    cause = key.removeprefix(_YIELDED_NOTHING)
                    nothing[cause] = nothing.get(cause, 0) + value
                elif key.startswith(_NOT_STORED) and key != "wirecrawl/skipped/stored":
                    reason = key.removeprefix("wirecrawl/")
                    not_stored[reason] = not_stored.get(reason, 0) + value
        run["failures"] = _by_count(failures)
        run["not_stored"] = _by_count(not_stored)
        run["yielded_nothing"] = _by_count(nothing)
        run["http_errors"] = sum(count for reason, count in failures.items() if reason.startswith("http_"))
        result.append(run)
    return result


#: The stats of feeds, sitemaps and listing pages that led to no article, by cause (robots, empty, filtered).
_YIELDED_NOTHING = "wirecrawl/" + YIELDED_NOTHING
#: The stats of pages not stored, by reason (``wirecrawl/skipped/stored`` is a page stored before, not fetched again).
_NOT_STORED = ("wirecrawl/dropped/", "wirecrawl/skipped/", "wirecrawl/duplicates/url")


def _by_count(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def syndicated_stories(db: Database) -> list[dict[str, Any]]:
    """Stories seen on more than one page, most articles first: id, articles (``copies``: the
    origin and its copies), title, the source of the origin (the article published first) and the
    sources of the copies."""
    rows = db.execute(
        """SELECT s.id, s.copies, s.title, o.source,
                  (SELECT group_concat(source) FROM (SELECT DISTINCT a.source FROM articles a
                   WHERE a.story_id = s.id AND a.id != s.origin_article_id ORDER BY a.source))
           FROM stories s JOIN articles o ON o.id = s.origin_article_id
           WHERE s.copies > 1 ORDER BY s.copies DESC, s.id"""
    ).fetchall()
    return [
        {
            "id": story_id,
            "copies": copies,
            "title": title,
            "origin_source": origin,
            "copied_by": (copied or "").split(","),
        }
        for story_id, copies, title, origin, copied in rows
    ]


def story_with_copies(db: Database, story_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """A story's row and its articles, the origin first (then in :data:`storage.story_store.ORIGIN_ORDER`), or None.

    Each article has its text, times, credit and credited source, and flags ``origin`` and
    ``representative``.
    """
    cursor = db.execute("SELECT * FROM stories WHERE id = ?", [story_id])
    row = cursor.fetchone()
    if row is None:
        return None
    story = dict(zip([d[0] for d in cursor.description], row, strict=False))
    cursor = db.execute(
        f"""SELECT a.id, a.source, a.url, a.title, a.language, a.published, a.fetched_at, a.similarity,
                  a.credit, a.credited_source, a.text, a.id = s.origin_article_id AS origin,
                  a.id = s.article_id AS representative
           FROM articles a JOIN stories s ON s.id = a.story_id WHERE a.story_id = ?
           ORDER BY origin DESC, {origin_order("a")}""",
        [story_id],
    )
    names = [d[0] for d in cursor.description]
    return story, [dict(zip(names, copy, strict=False)) for copy in cursor.fetchall()]


def recorded_settings(db: Database, name: str) -> dict[str, Any] | None:
    """The settings the corpus recorded under ``name`` (``near_duplicate_index``: what its index was built with)."""
    row = db.execute("SELECT value FROM corpus_settings WHERE name = ?", [name]).fetchone()
    return json.loads(row[0]) if row else None
