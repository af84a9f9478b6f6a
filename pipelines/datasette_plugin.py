"""Datasette hooks for the corpus: the newsroom front page, the story page's diffs and lags, the
articles table's search, and links in query results.

Wherever Datasette shows a bare id (canned query results, row pages: it expands foreign keys
only in table views), a ``story_id`` links to the story with all its copies and an
``article_id`` to the article, so a copy leads to its story and a story to its origin.
The SQL of every page is a canned query in ``crawler/serve/metadata.yml``; the templates in
``crawler/serve/templates/`` lay them out. The corpus is the one database served
(``datasette.get_database()``). It lives here, not in crawler/serve/, because its pages compare
copies with the article core; ``wirecrawl serve`` hands it to the app by name.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from datasette import hookimpl
from datasette.filters import FilterArguments
from markupsafe import Markup, escape

from crawler.setting_checks import project_settings
from pipelines.core.identity import Fingerprinter
from pipelines.core.provenance import describe_copy, format_lag, instant, recorded_fingerprinter
from storage.queries import fts_query, matching_articles

#: An FTS5 query that matches nothing, for an empty search box (an empty MATCH is an error).
MATCH_NOTHING = '""'
#: The canned query the front page lists.
FRONT_PAGE_QUERY = "latest_stories"
#: The front page's windows: stories that gained an article within this many hours ('' : any time).
WINDOWS = {"24h": ("last 24 hours", "24"), "7d": ("last 7 days", "168"), "all": ("any time", "")}
DEFAULT_WINDOW = "24h"
#: Time zones the front page offers (any IANA name works in ``?tz=``).
ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Moscow",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
)
#: The articles table's search box sends Datasette's ``_search``; it is handed to wirecrawl's
#: search under this name (Datasette's own would pass FTS syntax errors through, and find no
#: word inside a Chinese sentence).
WORDS_ARGUMENT = "_words"
_TOKENS = re.compile(r"\S+|\n\s*\n")


def search_expression(text: str | None) -> str:
    """The FTS5 query for what a user typed: every word quoted, so no input is a syntax error."""
    return fts_query(text or "") or MATCH_NOTHING


@hookimpl(trylast=True)
def prepare_connection(conn: Any) -> None:
    conn.create_function("wirecrawl_fts", 1, search_expression, deterministic=True)
    # Datasette's own, which its column search (``?_search_title=``) calls, passes a lone '"' as
    # an empty query, an FTS error: ours replaces it (trylast: after Datasette defined its own).
    conn.create_function("escape_fts", 1, search_expression, deterministic=True)


@hookimpl
def render_cell(value: Any, column: str, database: str, datasette: Any) -> Markup | None:
    if not isinstance(value, int):
        return None
    if column == "story_id":
        href = story_url(datasette, database, value)
    elif column == "article_id":
        href = datasette.urls.row(database, "articles", str(value))
    else:
        return None
    return Markup('<a href="{}">{}</a>').format(href, value)


def story_url(datasette: Any, database: str, story_id: int) -> str:
    return datasette.urls.query(database, "story") + f"?story_id={story_id}"


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Any], Any]:
    """Hand the articles table's ``_search`` to :func:`filters_from_request` as ``_words``."""

    def wrap(app: Any) -> Any:
        async def articles_search(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] == "http" and b"_search=" in scope.get("query_string", b""):
                table = datasette.urls.table(datasette.get_database().name, "articles")
                if scope["path"] == table or scope["path"].startswith(table + "."):
                    scope = {**scope, "query_string": words_argument(scope["query_string"])}
                    send = search_in_redirects(send)
            await app(scope, receive, send)

        return articles_search

    return wrap


def search_in_redirects(send: Any) -> Any:
    """``send`` with :data:`WORDS_ARGUMENT` named ``_search`` again in a redirect's location (the
    table view redirects the search box's form to its cleaned-up URL)."""
    internal, search = f"{WORDS_ARGUMENT}=".encode(), b"_search="

    async def renamed(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            headers = [
                (name, value.replace(internal, search) if name.lower() == b"location" else value)
                for name, value in message.get("headers", [])
            ]
            message = {**message, "headers": headers}
        await send(message)

    return renamed


def words_argument(query_string: bytes) -> bytes:
    """``query_string`` with ``_search`` renamed to :data:`WORDS_ARGUMENT`."""
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True, encoding="latin-1")
    renamed = [(WORDS_ARGUMENT if key == "_search" else key, value) for key, value in pairs]
    return urlencode(renamed, encoding="latin-1").encode("latin-1")


@hookimpl
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> FilterArguments | None:
    """The articles table's search: all words, by the corpus's own search (any input is safe;
    words inside Chinese or Japanese sentences are found by substring)."""
    if table != "articles" or WORDS_ARGUMENT not in request.args:
        return None
    typed = request.args[WORDS_ARGUMENT]
    condition, params = matching_articles(typed)
    return FilterArguments([condition], params, [f'search matches "{typed}"'], {"search": typed})


@hookimpl
def extra_template_vars(template: str, database: str | None, request: Any, datasette: Any) -> Any:
    if template == "index.html":
        return front_page(datasette, request)
    if template.startswith("query-") and template.endswith("-story.html"):
        return story_page(datasette, request)
    return None


def story_page(datasette: Any, request: Any) -> Callable[[], Awaitable[dict[str, Any]]]:
    """The story page's helpers, comparing copies with the shingles the corpus's index was built
    with, as ``wirecrawl story`` does (so both show the same similarity), and showing times in
    the viewer's zone (``?tz=``, UTC by default) as the front page does."""

    async def variables() -> dict[str, Any]:
        database = datasette.get_database()
        settings = project_settings()
        fingerprinter = await database.execute_fn(lambda conn: recorded_fingerprinter(conn, settings))
        zone = time_zone(request.args.get("tz", ""))
        return {
            "word_diff": word_diff,
            "compared": lambda origin, copy: compared(origin, copy, fingerprinter),
            "zone": zone.key,
            "when": lambda value: short_time(value, zone),
        }

    return variables


def front_page(datasette: Any, request: Any) -> Callable[[], Awaitable[dict[str, Any]]]:
    """The stories of the chosen window (:data:`WINDOWS`), language and source, as the canned query
    :data:`FRONT_PAGE_QUERY` lists them, with times in the viewer's zone (``?tz=``, UTC by default)."""

    async def variables() -> dict[str, Any]:
        choice = {name: request.args.get(name, "") for name in ("window", "language", "source", "tz")}
        window = choice["window"] if choice["window"] in WINDOWS else DEFAULT_WINDOW
        zone = time_zone(choice["tz"])
        params = {"hours": WINDOWS[window][1], "language": choice["language"], "source": choice["source"]}
        database = datasette.get_database()
        query = await datasette.get_canned_query(database.name, FRONT_PAGE_QUERY, request.actor)
        results = await database.execute(query["sql"], params)
        languages = await database.execute(
            "SELECT DISTINCT language FROM stories WHERE language IS NOT NULL ORDER BY 1"
        )
        sources = await database.execute("SELECT DISTINCT source FROM articles ORDER BY 1")
        return {
            "corpus": database.name,
            "latest_stories": results.rows,
            "latest_stories_url": datasette.urls.query(database.name, FRONT_PAGE_QUERY) + "?" + urlencode(params),
            "windows": {name: label for name, (label, _) in WINDOWS.items()},
            "window": window,
            "languages": [row[0] for row in languages.rows],
            "sources": [row[0] for row in sources.rows],
            "chosen": choice,
            "zone": zone.key,
            "zones": ZONES if zone.key in ZONES else (zone.key, *ZONES),
            "when": lambda value: short_time(value, zone),
            "story_url": lambda story_id: (
                story_url(datasette, database.name, story_id) + (f"&tz={zone.key}" if choice["tz"] else "")
            ),
        }

    return variables


def time_zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``; UTC when it is empty or unknown."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def short_time(value: str | None, zone: ZoneInfo) -> str:
    """An ISO 8601 time for people, in ``zone``: ``3 Nov 2026, 07:45``; empty when unreadable."""
    moment = instant(value)
    if moment is None:
        return ""
    local = moment.astimezone(zone)
    return f"{local.day} {local:%b %Y, %H:%M}"


def words(text: str | None) -> list[str]:
    """The words of ``text``, with a blank line standing for each paragraph break."""
    return ["\n\n" if token.isspace() else token for token in _TOKENS.findall(text or "")]


def word_diff(origin: str | None, copy: str | None) -> Markup:
    """``copy``'s text against ``origin``'s, word by word: words only the origin has in ``<del>``,
    words only the copy has in ``<ins>``; paragraph breaks kept."""
    before, after = words(origin), words(copy)
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(_joined(after[b_start:b_end]))
            continue
        if a_end > a_start:
            parts.append(f"<del>{_joined(before[a_start:a_end])}</del>")
        if b_end > b_start:
            parts.append(f"<ins>{_joined(after[b_start:b_end])}</ins>")
    return Markup(" ".join(parts))


def _joined(tokens: list[str]) -> str:
    return str(escape(" ".join(tokens))).replace(" \n\n ", "\n\n").replace("\n\n ", "\n\n")


def compared(origin: Any, copy: Any, fingerprinter: Fingerprinter) -> dict[str, Any]:
    """What the story page says of ``copy`` against ``origin`` (two rows of the story query), as
    ``wirecrawl story`` says it: the lag, the similarity, the share of the origin's words kept,
    what changed."""
    facts = describe_copy(origin, copy, fingerprinter)
    return {
        "lag": format_lag(facts["lag_seconds"], facts["lag_basis"]),
        "similarity": facts["similarity"],
        "kept": facts["kept"],
        "changes": ", ".join(facts["changes"]),
    }
