"""A configurable news site for operations tests: many generated articles behind one feed.

Each article has its own text (random words from a fixed vocabulary, seeded by its number),
so no two are duplicates of each other; ``slow`` makes every article page take that long,
which gives the crash and overlap tests a crawl long enough to interrupt, and ``hold`` keeps
the article pages from answering until the test lets them.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping

import sites

from crawler.testing.localsites import Page, Site

_VOCABULARY = """
harbour council budget river bridge station railway ferry museum library school teacher
market farmer harvest orchard bakery bread weather storm coast island village mayor
election minister parliament court judge police hospital doctor nurse patient clinic
research university student science comet telescope energy solar wind turbine grid
factory worker union wages housing rent tenant building architect street traffic cycling
marathon runner stadium season coach player festival music concert theatre painting
gallery author novel poetry archive history castle forest park garden water supply drought
flood rescue volunteer charity donation airport flight tourism hotel restaurant chef
""".split()


def generated_article(number: int) -> sites.Article:
    """Article ``number``: a headline and four paragraphs of its own seeded random words."""
    rng = random.Random(number)
    paragraphs = tuple(" ".join(rng.choice(_VOCABULARY) for _ in range(40)).capitalize() + "." for _ in range(4))
    headline = f"Report {number}: " + " ".join(rng.choice(_VOCABULARY) for _ in range(5))
    day = 1 + number % 28
    return sites.Article(headline, "en", "Desk", f"2024-03-{day:02d}T08:00:00+00:00", paragraphs, paragraphs[0][:20])


def article_path(number: int) -> str:
    return f"/news/2024/report-{number}"


def newsroom(
    name: str,
    count: int,
    *,
    slow: float = 0.0,
    hold: threading.Event | None = None,
    feed_path: str = "/feed.xml",
    extra: Mapping[str, Page] | None = None,
) -> Site:
    """Site ``name`` with ``count`` articles, all in one RSS feed; ``extra`` adds or replaces pages.

    Each article page waits ``slow`` seconds before it answers, and, with ``hold``, until it is set.
    """

    def render(addresses: Mapping[str, str]) -> dict[str, Page]:
        base = addresses[name].rstrip("/")
        items = [sites.item(base + article_path(n), generated_article(n)) for n in range(count)]
        pages = {
            "/robots.txt": Page(sites.robots_txt(), sites.TEXT_TYPE),
            feed_path: Page(sites.rss2("Newsroom", base + "/", items), sites.RSS_TYPE),
        }
        for n in range(count):
            page = sites.article_page(generated_article(n), "Newsroom")
            page.delay, page.hold = slow, hold
            pages[article_path(n)] = page
        pages.update(extra or {})
        return pages

    return Site(name, render)
