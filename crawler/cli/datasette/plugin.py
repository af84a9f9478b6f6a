"""Datasette hooks for the corpus: the ``wirecrawl_fts`` SQL function and links in query results.

Wherever Datasette shows a bare id (canned query results, row pages: it expands foreign keys
only in table views), a ``story_id`` links to the story with all its copies and an
``article_id`` to the article, so a copy leads to its story and a story to its representative.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from markupsafe import Markup

from storage.queries import fts_query

#: An FTS5 query that matches nothing, for an empty search box (an empty MATCH is an error).
MATCH_NOTHING = '""'


def search_expression(text: str | None) -> str:
    """The FTS5 query for what a user typed: every word quoted, so no input is a syntax error."""
    return fts_query(text or "") or MATCH_NOTHING


@hookimpl
def prepare_connection(conn: Any) -> None:
    conn.create_function("wirecrawl_fts", 1, search_expression, deterministic=True)


@hookimpl
def render_cell(value: Any, column: str, database: str, datasette: Any) -> Markup | None:
    if not isinstance(value, int):
        return None
    if column == "story_id":
        href = datasette.urls.query(database, "story") + f"?story_id={value}"
    elif column == "article_id":
        href = datasette.urls.row(database, "articles", str(value))
    else:
        return None
    return Markup('<a href="{}">{}</a>').format(href, value)
