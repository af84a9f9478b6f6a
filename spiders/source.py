"""The spider of one declared source: discovers article URLs and fetches the articles."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, ClassVar, Self
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from twisted.python.failure import Failure
from w3lib.url import safe_url_string

from crawler.components.drops import report_page_not_stored
from crawler.components.failures import count_failure, failure_reason
from crawler.config import Source
from crawler.items import Article
from crawler.web.urls import addressed_by_query, normalize_url, same_site
from spiders.backoff import HostGivenUp
from spiders.feeds import UnreadableDocument, parse_feed
from spiders.sitemaps import parse_sitemap, robots_sitemaps
from storage.clock import utc_now
from storage.outcomes import YIELDED_NOTHING

__all__ = ["SourceSpider", "http_charset"]

HTML_TYPES = (b"text/html", b"application/xhtml")
#: Response headers kept with each stored page.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Last-Modified", "ETag", "Date")
#: Starts of files that are not text, whatever the Content-Type says (images, PDF, archives, ...).
BINARY_MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"RIFF",
    b"\x00\x00\x00",
    b"ID3",
    b"OggS",
    b"\x7fELF",
    b"BZh",
    b"7z\xbc\xaf",
    b"Rar!",
)
#: Longest article URL taken from a feed, sitemap or page (longer ones are traps or junk).
MAX_URL_LENGTH = 2048
#: The links of a listing page. One for every spider: it keeps no state between pages, and with a
#: spider per source a link extractor each (13 KB, its ~150 denied extensions) was an eighth of a
#: spider's memory before its first request.
LINKS = LinkExtractor()


class SourceSpider(Spider):
    """Crawls one source: its feeds, sitemaps and listing pages lead to article pages.

    Feed and sitemap entries are articles (subject to ``allow``/``deny``); on listing pages,
    links matching ``follow`` are further listings and other same-site links are candidate
    articles. Each article URL is normalized first, so one found by several routes is
    fetched once.
    """

    source: ClassVar[Source]
    #: Article URLs to fetch instead of discovering any (``wirecrawl crawl URL...``).
    given_urls: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def for_source(cls, source: Source, urls: tuple[str, ...] = ()) -> type[SourceSpider]:
        """A spider class named after the source, with the source's own Scrapy settings;
        with ``urls``, it fetches those article pages only (no feed, sitemap or listing is read)."""
        return type(
            "SourceSpider_" + re.sub(r"\W", "_", source.name),
            (cls,),
            {"name": source.name, "source": source, "custom_settings": dict(source.settings), "given_urls": urls},
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider._spider_idle, signal=signals.spider_idle)
        return spider

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._non_article_url: re.Pattern[str] | None = None
        # Article URLs a feed or sitemap announced, with what it said. Feeds and sitemaps speak
        # first: article links found on listing pages wait (held) until every feed and sitemap
        # request of the source has been answered, so a page both announce counts as announced.
        self._announced: dict[str, tuple[str, dict[str, Any]]] = {}
        self._discovery_pending = 0
        self._held: list[Request] = []

    @property
    def non_article_url(self) -> re.Pattern[str] | None:
        """URLs that are never articles (tag, author, about pages), from ``EXTRACT_NON_ARTICLE_URL``."""
        if self._non_article_url is None and (pattern := self.settings.get("EXTRACT_NON_ARTICLE_URL")):
            self._non_article_url = re.compile(pattern, re.IGNORECASE)
        return self._non_article_url

    async def start(self) -> AsyncIterator[Request]:
        for url in self.given_urls:
            # Named by the user: an article by their word, whatever the source's allow/deny say.
            yield self._request(url, self.parse_article, "command_line", article=True, hints={"allow_matched": True})
        if self.given_urls:
            return
        for url in self.source.feeds:
            yield self._discovery_request(url, self.parse_feed, "feed")
        for url in self.source.sitemaps:
            if urlsplit(url).path.endswith("/robots.txt"):
                yield self._discovery_request(url, self.parse_robots, "sitemap", dont_obey_robotstxt=True)
            else:
                yield self._discovery_request(url, self.parse_sitemap, "sitemap")
        for url in self.source.start_urls:
            yield self._request(url, self.parse_listing, "listing", listing_depth=0)

    # --- Discovery ---------------------------------------------------------------------
    def parse_feed(self, response: Response) -> Iterator[Request]:
        """Article requests for every entry of a feed."""
        yield from self._discovered(self._feed_requests(response))

    def parse_robots(self, response: Response) -> Iterator[Request]:
        """Sitemap requests for every ``Sitemap:`` line of a robots.txt."""
        yield from self._discovered(self._robots_requests(response))

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """Nested sitemap requests (index) or article requests (URL set)."""
        yield from self._discovered(self._sitemap_requests(response))

    def _not_modified(self, response: Response) -> bool:
        """A 304 to a conditional GET: the document is unchanged, so it has no new entries."""
        if response.status != 304:
            return False
        self.crawler.stats.inc_value("wirecrawl/discovery/not_modified")
        self.logger.debug("not modified since the last run: %s", response.url)
        return True

    def _feed_requests(self, response: Response) -> Iterator[Request]:
        if self._not_modified(response):
            return
        try:
            feed = parse_feed(response.body, response.url, http_charset(response))
        except UnreadableDocument as error:
            self._discovery_failed(response, "feed", str(error))
            return
        self.crawler.stats.inc_value("wirecrawl/discovery/feeds")
        if feed.malformed:
            self._discovery_malformed(response, "feed", feed.malformed, len(feed.entries))
        if not feed.entries:
            linkless = f"its {feed.linkless} entries have no usable link" if feed.linkless else "it lists no entries"
            self._yields_nothing(response.url, "feed", "empty", linkless)
            return
        yield from self._entry_requests(
            response,
            "feed",
            (
                (
                    entry.url,
                    {"title": entry.title, "published": entry.published, "language": entry.language or feed.language},
                )
                for entry in self._capped(feed.entries, response)
            ),
        )

    def _robots_requests(self, response: Response) -> Iterator[Request]:
        if self._not_modified(response):
            return
        urls = robots_sitemaps(response.body, response.url)
        if not urls:
            self._discovery_failed(response, "sitemap", "robots.txt lists no Sitemap: lines")
        for url in urls:
            yield self._discovery_request(url, self.parse_sitemap, "sitemap", documents=_documents(response))

    def _sitemap_requests(self, response: Response) -> Iterator[Request]:
        if self._not_modified(response):
            return
        try:
            sitemap = parse_sitemap(
                response.body, response.url, self.settings.getint("DOWNLOAD_MAXSIZE"), http_charset(response)
            )
        except UnreadableDocument as error:
            self._discovery_failed(response, "sitemap", str(error))
            return
        self.crawler.stats.inc_value("wirecrawl/discovery/sitemaps")
        if sitemap.malformed:
            self._discovery_malformed(response, "sitemap", sitemap.malformed, len(sitemap.entries))
        chain = _documents(response)
        if not sitemap.entries:
            self._yields_nothing(response.url, "sitemap", "empty", "it lists no URLs")
            return
        if not sitemap.is_index:
            yield from self._entry_requests(
                response,
                "sitemap",
                (
                    (entry.url, {"title": entry.title, "published": entry.published, "language": entry.language})
                    for entry in self._capped(sitemap.entries, response)
                ),
            )
            return
        for entry in self._capped(sitemap.entries, response):
            if normalize_url(entry.url) in map(normalize_url, chain):
                self.crawler.stats.inc_value("wirecrawl/skipped/sitemap_loop")
                self.logger.info("sitemap index %s lists itself or its parent: %s", response.url, entry.url)
            else:
                yield self._discovery_request(entry.url, self.parse_sitemap, "sitemap", documents=chain)

    def _entry_requests(
        self, response: Response, via: str, entries: Iterable[tuple[str, dict[str, Any]]]
    ) -> Iterator[Request]:
        """Article requests for a feed's or sitemap's entries; says so when its filters left none."""
        chain = _documents(response)
        listed = requested = 0
        for url, hints in entries:
            listed += 1
            for request in self._article_request(url, via, hints, chain):
                requested += 1
                yield request
        if listed and not requested:
            self._yields_nothing(
                response.url,
                via,
                "filtered",
                f"all {listed} entries filtered out (the source's allow/deny, EXTRACT_NON_ARTICLE_URL, bad URLs)",
            )

    def _discovered(self, requests: Iterator[Request]) -> Iterator[Request]:
        """A feed/sitemap answered: its requests, then any held listing links once all have answered."""
        try:
            yield from requests
        finally:
            self._discovery_pending -= 1
        yield from self._release_held()

    def _release_held(self) -> Iterator[Request]:
        if self._discovery_pending == 0 and self._held:
            held, self._held = self._held, []
            yield from held

    def _request_dropped(self, request: Request) -> None:
        """A discovery request the duplicate filter dropped (a sitemap listed twice) is answered too."""
        if request.meta.get("discovery"):
            self._discovery_pending -= 1
            for held in self._release_held():
                self.crawler.engine.crawl(held)

    def _spider_idle(self) -> None:
        """Never end with listing links still held, whatever became of the discovery requests."""
        if self._held:
            self._discovery_pending = 0
            for held in self._release_held():
                self.crawler.engine.crawl(held)
            raise DontCloseSpider

    def parse_listing(self, response: Response) -> Iterator[Request]:
        """Follow pagination/listing links; request same-site links that may be articles."""
        if not isinstance(response, TextResponse):
            self._discovery_failed(response, "listing", "not an HTML page")
            return
        self.crawler.stats.inc_value("wirecrawl/discovery/listings")
        depth = response.meta.get("listing_depth", 0)
        max_depth = self.settings.getint("DISCOVERY_LISTING_DEPTH")
        for link in LINKS.extract_links(response):
            url = normalize_url(link.url)
            if not same_site(url, response.url):
                continue
            if self.source.follow is not None and self.source.follow.search(url):
                if depth < max_depth:
                    yield self._request(url, self.parse_listing, "listing", listing_depth=depth + 1)
            elif url not in self.source.start_urls:
                for request in self._article_request(url, "listing", {}):
                    if self._discovery_pending:
                        self._held.append(request)
                    else:
                        yield request

    # --- Articles ----------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[Article]:
        """The fetched page as an :class:`Article` for the pipeline stages."""
        content_type = response.headers.get(b"Content-Type", b"").lower()
        if content_type and not content_type.startswith(HTML_TYPES):
            self._not_stored(
                _chain(response.request), "dropped/not_html", f"not an HTML page ({content_type.decode('latin-1')})"
            )
            self.logger.info("not an HTML page (%s): %s", content_type.decode("latin-1"), response.url)
            return
        if _looks_binary(response.body):
            self._not_stored(_chain(response.request), "dropped/binary", "binary content")
            self.logger.info("binary content served as %s: %s", content_type.decode("latin-1") or "HTML", response.url)
            return
        request_url = response.meta.get("redirect_urls", [response.url])[0]
        via, hints = response.meta["discovered_via"], response.meta.get("hints", {})
        if via == "listing" and (announced := self._announced.get(request_url)):
            via, hints = announced[0], {**announced[1], **hints}
        yield Article(
            source=self.source.name,
            url=response.url,
            body=response.body,
            headers={
                name: response.headers.get(name.encode(), b"").decode("latin-1")
                for name in KEPT_HEADERS
                if response.headers.get(name.encode())
            },
            fetched_at=utc_now(),
            request_url=request_url,
            discovered_via=via,
            status=response.status,
            hints={
                key: value
                for key, value in {
                    **hints,
                    "source_language": self.source.language,
                    "source_languages": self.source.languages,
                }.items()
                if value
            },
        )

    def _article_request(
        self, url: str, via: str, hints: dict[str, Any], documents: list[str] | None = None
    ) -> Iterator[Request]:
        url = url.strip()
        try:  # spaces and non-ASCII letters percent-encoded, as a browser sends them
            url = "" if _has_control_characters(url) else normalize_url(safe_url_string(url))
        except ValueError:  # a bad port, an unbalanced IPv6 bracket
            url = ""
        if not _fetchable(url):
            self.crawler.stats.inc_value("wirecrawl/skipped/bad_url")
            self.logger.info("not a fetchable article URL: %r", url[:200])
            return
        if not self.source.is_article_url(url):
            self._not_stored([url], "skipped/filtered_url", "the source's allow/deny patterns exclude it")
            return
        if (
            self.non_article_url is not None
            and self.non_article_url.search(urlsplit(url).path)
            and not addressed_by_query(url)  # /category/story.cfm?id=1: the page decides (extraction)
        ):
            self._not_stored(
                [url], "skipped/non_article_url", "EXTRACT_NON_ARTICLE_URL: never an article (tag, author, ...)"
            )
            return
        self.crawler.stats.inc_value(f"wirecrawl/discovered/{via}")
        # A URL matching the source's own `allow` pattern is an article by the user's word.
        hints = {
            key: value for key, value in {**hints, "allow_matched": self.source.allow is not None}.items() if value
        }
        if via != "listing" and self.source.start_urls:  # only listing links look announcements up
            self._announced.setdefault(url, (via, hints))
        yield self._request(url, self.parse_article, via, article=True, hints=hints, documents=documents or [])

    # --- Plumbing ----------------------------------------------------------------------
    def _discovery_request(self, url: str, callback: Any, via: str, **meta: Any) -> Request:
        """A feed, sitemap or robots.txt request: listing links wait until it is answered."""
        self._discovery_pending += 1
        return self._request(url, callback, via, discovery=True, **meta)

    def _request(self, url: str, callback: Any, via: str, **meta: Any) -> Request:
        meta["discovered_via"] = via
        if self.source.proxy:
            meta["proxy"] = self.source.proxy
        return Request(url, callback=callback, errback=self.request_failed, meta=meta)

    def _capped(self, entries: list[Any], response: Response) -> Iterable[Any]:
        limit = self.settings.getint("DISCOVERY_MAX_ENTRIES")
        if 0 < limit < len(entries):
            self.logger.warning("%s lists %d entries; taking the first %d", response.url, len(entries), limit)
            self.crawler.stats.inc_value("wirecrawl/discovery/truncated")
            return entries[:limit]
        return entries

    def _discovery_failed(self, response: Response, kind: str, reason: str) -> None:
        count_failure(self.crawler.stats, kind)
        self.logger.warning("unreadable %s %s: %s", kind, response.url, reason)

    def _yields_nothing(self, url: str, kind: str, cause: str, detail: str) -> None:
        """A feed, sitemap or listing page that leads to no article: warn, count and record why."""
        self.crawler.stats.inc_value(f"wirecrawl/{YIELDED_NOTHING}{cause}")
        self.logger.warning("%s %s yields no article: %s", kind, url, detail)
        report_page_not_stored(
            self.crawler, [url], self.source.name, f"{YIELDED_NOTHING}{cause}", f"this {kind}: {detail}"
        )

    def _discovery_malformed(self, response: Response, kind: str, reason: str, entries: int) -> None:
        self.crawler.stats.inc_value(f"wirecrawl/discovery/malformed_{kind}")
        self.logger.warning("malformed %s %s (%s): read its %d complete entries", kind, response.url, reason, entries)

    def _not_stored(self, urls: list[str], reason: str, detail: str) -> None:
        """Count a page not requested or not one to extract (``urls``: as discovered, through its
        redirects), and record why."""
        self.crawler.stats.inc_value(f"wirecrawl/{reason}")
        report_page_not_stored(self.crawler, urls, self.source.name, reason, detail)

    def request_failed(self, failure: Failure) -> Iterator[Request]:
        """Count and log (one line) a request that failed; the crawl goes on."""
        request = failure.request  # type: ignore[attr-defined]
        if request.meta.get("discovery"):
            self._discovery_pending -= 1
            yield from self._release_held()
        self._log_failure(failure, request)

    def _log_failure(self, failure: Failure, request: Request) -> None:
        what = "article" if request.meta.get("article") else request.meta.get("discovered_via", "page")
        reason = failure_reason(failure.value)
        if reason is None:  # robots.txt, already stored, host given up: counted where they were decided
            if not request.meta.get("article") and _deliberate_skip(failure) == "skipped/robots":
                self._yields_nothing(request.url, what, "robots", "robots.txt disallows it")
            if request.meta.get("article") and (skip := _deliberate_skip(failure)):
                if skip == "skipped/robots":  # Scrapy counts it as robotstxt/forbidden; the run's reasons read ours
                    self.crawler.stats.inc_value(f"wirecrawl/{skip}")
                report_page_not_stored(
                    self.crawler, _chain(request), self.source.name, skip, failure.getErrorMessage()[:200]
                )
            return
        count_failure(self.crawler.stats, reason)
        if request.meta.get("article"):
            report_page_not_stored(
                self.crawler, _chain(request), self.source.name, f"errors/{reason}", failure.getErrorMessage()[:200]
            )
        self.logger.info("%s failed (%s: %s): %s", what, reason, failure.getErrorMessage()[:200], request.url)


def _chain(request: Request | None) -> list[str]:
    """The URLs a request went by: as discovered, through its redirects, to the last."""
    if request is None:
        return []
    return [*request.meta.get("redirect_urls", []), request.url]


def _deliberate_skip(failure: Failure) -> str | None:
    """The outcome key of a request skipped on purpose: robots.txt, a host given up (not one already stored)."""
    if isinstance(failure.value, HostGivenUp):
        return "skipped/host_given_up"
    if "robots.txt" in failure.getErrorMessage():  # Scrapy's robots.txt middleware raises a plain IgnoreRequest
        return "skipped/robots"
    return None


def _documents(response: Response) -> list[str]:
    """The feeds and sitemaps (as requested, before any redirect) that led to this one, and itself."""
    return [*response.meta.get("documents", []), *response.meta.get("redirect_urls", []), response.url]


def _looks_binary(body: bytes) -> bool:
    """Whether a body is binary data (an image, a PDF, an archive) rather than text."""
    head = body[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return False  # UTF-16/32 text with its byte-order mark
    return head.startswith(BINARY_MAGIC) or b"\x00" in head


def _has_control_characters(url: str) -> bool:
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in url)


def _fetchable(url: str) -> bool:
    """An http(s) URL with a host, of sane length."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and len(url) <= MAX_URL_LENGTH


def http_charset(response: Response) -> str | None:
    """The charset named by the response's Content-Type header, if any."""
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
    _, _, charset = content_type.lower().partition("charset=")
    return charset.split(";")[0].strip(" \"'") or None
