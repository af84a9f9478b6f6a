"""robots.txt as RFC 9309 reads it: a server error means the whole site is off limits."""

from __future__ import annotations

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Response

__all__ = ["StrictRobotsTxtMiddleware"]

DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, except that a 5xx answer disallows every URL of the site.

    Scrapy parses whatever body comes back, so a 503 error page reads as "no rules" and the
    whole site is crawled; RFC 9309 (2.3.1.4) says to assume complete disallow instead. A
    4xx answer still means there are no rules.
    """

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self.crawler.stats.inc_value("wirecrawl/skipped/robots_unavailable")
            response = response.replace(body=DISALLOW_ALL)
        await super()._parse_robots(response, netloc, request)
