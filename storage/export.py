"""Export the corpus as JSON lines or CSV, streamed row by row (nothing is loaded in memory)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from sqlite_utils import Database

from storage.queries import ARTICLE_FILTERS

__all__ = ["EXPORT_FORMATS", "export_corpus", "format_for"]

EXPORT_FORMATS = ("jsonl", "csv")

#: Article columns exported, in order (``story_id`` says which story the page belongs to, ``origin``
#: whether it is the story's origin, the article published first: every other article is a copy).
ARTICLE_SQL = f"""SELECT a.id, a.story_id, a.id = s.origin_article_id AS origin,
       a.id = s.article_id AS representative, a.similarity,
       a.url, a.source, a.title, a.author, a.published, a.language, a.word_count,
       a.credit, a.credited_source, a.sitename, a.description, a.fetched_at, a.text
FROM articles a LEFT JOIN stories s ON s.id = a.story_id
WHERE {ARTICLE_FILTERS}
ORDER BY a.id"""

#: Story columns exported: the story (``copies``: its articles, the origin included), its origin's
#: source and URL, and its representative copy's URL.
STORY_SQL = """SELECT s.id, s.title, s.language, s.published, s.first_seen, s.last_seen, s.copies,
       s.origin_article_id, o.source AS origin_source, o.url AS origin_url, s.article_id, a.url
FROM stories s LEFT JOIN articles a ON a.id = s.article_id
LEFT JOIN articles o ON o.id = s.origin_article_id
WHERE (:since IS NULL OR date(coalesce(s.published, s.first_seen)) >= date(:since))
  AND (:until IS NULL OR date(coalesce(s.published, s.first_seen)) <= date(:until))
  AND (:language IS NULL OR s.language = :language)
  AND (:source IS NULL OR EXISTS (SELECT 1 FROM articles c WHERE c.story_id = s.id AND c.source = :source))
ORDER BY s.id"""


def format_for(filename: str) -> str:
    """The format a file's name asks for: ``csv`` for a ``.csv`` suffix, else ``jsonl``."""
    return "csv" if filename.lower().endswith(".csv") else "jsonl"


def export_corpus(
    db: Database,
    out: TextIO,
    *,
    format: str = "jsonl",
    since: str | None = None,
    language: str | None = None,
    stories_only: bool = False,
    source: str | None = None,
    until: str | None = None,
) -> int:
    """Write articles (or stories) published from ``since`` to ``until`` (YYYY-MM-DD, inclusive)
    in ``language`` of ``source`` (stories: with a copy of it) to ``out``: one JSON object per
    line, or CSV with a header. Returns how many rows."""
    if format not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {format!r} (known: {', '.join(EXPORT_FORMATS)})")
    params = {"since": since, "until": until, "language": language, "source": source}
    cursor = db.execute(STORY_SQL if stories_only else ARTICLE_SQL, params)
    columns = [d[0] for d in cursor.description]
    rows = (dict(zip(columns, row, strict=False)) for row in cursor)
    return (_write_jsonl if format == "jsonl" else _write_csv)(rows, columns, out)


def _write_jsonl(rows: Iterator[dict[str, Any]], columns: list[str], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(rows: Iterator[dict[str, Any]], columns: list[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count
