"""Redirects wirecrawl refuses to follow: loops, endless chains, and articles moving off the site."""

from __future__ import annotations

from typing import Self
from urllib.parse import urljoin

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.components.failures import RefusedResponse
from crawler.web.urls import same_site

__all__ = ["RedirectGuard"]


class RedirectGuard:
    """Refuses a redirect that loops, exceeds ``REDIRECT_MAX_TIMES``, or takes an article or
    listing to another site (a link shortener, a paywall, a partner's copy): each is a failed
    page with its reason (``redirect_loop``, ``too_many_redirects``, ``offsite_redirect``).

    Feeds and sitemaps may move to another host (feed services do that). It sits before
    Scrapy's RedirectMiddleware in the response path, so it decides first.

    Settings: ``REDIRECT_ENABLED``, ``REDIRECT_MAX_TIMES`` (Scrapy's),
    ``DISCOVERY_OFFSITE_REDIRECTS`` (default False: articles may not leave their site).
    """

    def __init__(self, max_redirects: int, offsite: bool) -> None:
        self.max_redirects = max_redirects
        self.offsite = offsite

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("REDIRECT_ENABLED"):
            raise NotConfigured("REDIRECT_ENABLED is off")
        return cls(
            crawler.settings.getint("REDIRECT_MAX_TIMES"), crawler.settings.getbool("DISCOVERY_OFFSITE_REDIRECTS")
        )

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if not 300 <= response.status < 400 or not location or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, location.decode("latin-1").strip())
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise RefusedResponse("redirect_loop", f"redirect loop back to {target}")
        if len(chain) > self.max_redirects:
            raise RefusedResponse("too_many_redirects", f"more than {self.max_redirects} redirects")
        page = request.meta.get("article") or request.meta.get("discovered_via") == "listing"
        if page and not self.offsite and not same_site(target, chain[0]):
            raise RefusedResponse("offsite_redirect", f"redirects to another site: {target}")
        return response
