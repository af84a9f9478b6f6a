"""The bundled demo network: eight news sites in six languages, each discovered a different way.

* ``meridian``, Meridian Press Agency (en, agency layout): the wire; RSS 2.0 whose links carry
  utm parameters.
* ``newsbeat``, NewsBeat Today (en, portal): aggregator republishing wire stories; Atom feed that
  also lists a video page, excluded by ``deny``.
* ``courier``, The Calderbridge Courier (en, broadsheet): regional republisher; robots.txt ->
  sitemap index (a plain and a gzipped urlset) and a Google News sitemap; /private/ is disallowed.
* ``rundschau``, Neckartaler Rundschau (de, broadsheet): RSS 1.0 (RDF) feed.
* ``littoral``, Le Courrier du Littoral (fr, broadsheet): paginated listing pages only.
* ``vestnik``, Волжский вестник (ru, agency): pages and RSS feed in windows-1251.
* ``dongan``, 东岸商报 (zh, agency): a sitemap urlset.
* ``alwaha``, صحيفة الواحة (ar, broadsheet): RSS 2.0; pages right to left.

The sites and their stories are data files: ``publishers/<site>.toml`` (see :mod:`crawler.demo.content`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

from crawler.testing import machine_readable
from crawler.testing.localsites import Page, Site
from crawler.testing.machine_readable import FeedItem

from .content import load_labels, load_publishers
from .model import Author, Publisher, Story, Topic
from .pages import LAYOUTS, ArticleView, Chrome, Head, Markup, article, listing, page, pager, video

__all__ = ["PUBLISHERS", "demo_sites", "demo_sources", "render_pages"]

#: Feed format -> (generator, media type). The generators share their keyword arguments.
FEED_FORMATS: dict[str, tuple[Callable[..., str], str]] = {
    "rss": (machine_readable.rss2, "application/rss+xml"),
    "rdf": (machine_readable.rdf, "application/rdf+xml"),
    "atom": (machine_readable.atom, "application/atom+xml"),
}


#: The network's sites, in the order they are served.
PUBLISHERS = load_publishers()

#: The page furniture of each language.
LABELS = load_labels()


def publisher_of(story: Story) -> Publisher:
    """The publisher that printed ``story`` first."""
    return next(p for p in PUBLISHERS if story in p.stories)


@dataclass
class Render:
    """Renders one publisher's pages once every site's address is known."""

    pub: Publisher
    addresses: Mapping[str, str]

    def url(self, path: str, site: str | None = None) -> str:
        """Absolute URL of ``path`` on ``site`` (default: this publisher's)."""
        return self.addresses[site or self.pub.site] + path.lstrip("/")

    def story_url(self, story: Story) -> str:
        """Absolute URL of one of this publisher's stories."""
        return self.url(self.pub.path(story))

    def view(self, story: Story) -> ArticleView:
        """``story`` as placed on this site."""
        related = [s for s in self.pub.newest_first if s != story][:3]
        source = None
        if story.original:
            origin = publisher_of(story.original)
            source = (origin.name, self.url(origin.path(story.original), origin.site))
        return ArticleView(
            story,
            self.story_url(story),
            self.url(f"/author/{story.author.slug}/"),
            self.url(f"/tag/{story.topic.slug}/"),
            tuple((s.headline, self.story_url(s)) for s in related),
            source,
        )

    @cached_property
    def chrome(self) -> Chrome:
        """This site's page furniture."""
        pub = self.pub
        feed = None
        if pub.feed:
            feed = (FEED_FORMATS[pub.feed_format][1], self.url(pub.feed))
        return Chrome(
            pub.name,
            pub.tagline,
            pub.lang,
            LABELS[pub.lang],
            self.url(pub.listing),
            self.url("/about/"),
            tuple((t.label, self.url(f"/tag/{t.slug}/")) for t in pub.topics),
            tuple((a.name, self.url(f"/author/{a.slug}/")) for a in pub.authors),
            tuple((s.headline, self.story_url(s)) for s in pub.newest_first[:5]),
            pub.charset,
            feed,
        )

    def html(self, head: Head, main: Markup) -> Page:
        """An HTML page in this site's layout and charset."""
        body = page(LAYOUTS[self.pub.layout], self.chrome, head, main)
        return Page(body, f"text/html; charset={self.pub.charset}")

    def document(self, body: str | bytes, media_type: str) -> Page:
        """A non-HTML document in this site's charset."""
        return Page(body, f"{media_type}; charset={self.pub.charset}")

    # --- one method per page type ---------------------------------------------------

    def article_page(self, story: Story) -> Page:
        """A story's own page."""
        view = self.view(story)
        head = Head(story.headline, view.url, story.summary, "article", story)
        return self.html(head, article(LAYOUTS[self.pub.layout], self.chrome, view))

    def video_page(self, story: Story) -> Page:
        """A video clip's page (not an article)."""
        view = self.view(story)
        return self.html(Head(story.headline, view.url, story.summary, "video.other"), video(self.chrome, view))

    def listing_pages(self) -> dict[str, Page]:
        """The paginated list of latest stories; the home page also links to private pages."""
        pub, labels = self.pub, self.chrome.labels
        stories = pub.newest_first
        chunks = [stories[i : i + pub.per_page] for i in range(0, len(stories), pub.per_page)]
        paths = [pub.listing] + [f"{pub.listing}page/{n}/" for n in range(2, len(chunks) + 1)]
        pages = {}
        for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True)):
            shown = chunk + (list(pub.private) if n == 0 else [])
            more = pager(labels, [self.url(p) for p in paths], n)
            main = listing(self.chrome, labels.latest, (), [self.view(s) for s in shown], more)
            pages[path] = self.html(Head(f"{labels.latest} ({n + 1})" if n else labels.latest, self.url(path)), main)
        if pub.listing != "/":
            pages["/"] = Page("", status=301, headers={"Location": self.url(pub.listing)})
        return pages

    def about_page(self) -> Page:
        """Who the publisher is."""
        labels = self.chrome.labels
        return self.html(
            Head(labels.about, self.url("/about/")), listing(self.chrome, labels.about, self.pub.about, ())
        )

    def topic_page(self, topic: Topic) -> Page:
        """A section's stories."""
        heading = self.chrome.labels.topic.format(topic.label)
        views = [self.view(s) for s in self.pub.newest_first if s.topic == topic]
        return self.html(Head(heading, self.url(f"/tag/{topic.slug}/")), listing(self.chrome, heading, (), views))

    def author_page(self, author: Author) -> Page:
        """A writer's biography and stories."""
        heading = self.chrome.labels.author_page.format(author.name)
        views = [self.view(s) for s in self.pub.newest_first if s.author == author]
        main = listing(self.chrome, heading, (author.bio,), views)
        return self.html(Head(heading, self.url(f"/author/{author.slug}/")), main)

    def feed_page(self) -> Page:
        """The site's feed; links carry the publisher's tracking parameters."""
        pub = self.pub
        generate, media_type = FEED_FORMATS[pub.feed_format]
        query = f"?{pub.tracking}" if pub.tracking else ""
        stories = sorted(pub.stories + pub.videos, key=lambda s: s.published, reverse=True)
        feed = generate(
            title=pub.name,
            link=self.url(pub.listing),
            feed_url=self.url(pub.feed),
            items=[self.entry(s, query) for s in stories],
            description=pub.tagline,
            language=pub.lang,
            encoding=pub.charset,
        )
        return self.document(feed, media_type)

    def entry(self, story: Story, query: str = "") -> FeedItem:
        """``story`` as a feed or news sitemap entry."""
        return FeedItem(
            self.story_url(story) + query,
            story.headline,
            story.published.isoformat(),
            story.summary,
            story.author.name,
            self.pub.lang,
            story.topic.label,
            f"urn:{self.pub.site}:{story.slug}",
        )

    def sitemap_pages(self) -> dict[str, Page]:
        """Sitemaps: a single urlset, or an index of a plain and a gzipped urlset plus a news sitemap."""
        pub = self.pub
        newest = pub.newest_first
        stamp = newest[0].published.isoformat()
        site_pages = [(self.url(p), stamp) for p in (pub.listing, "/about/")]
        site_pages += [(self.url(f"/tag/{t.slug}/"), stamp) for t in pub.topics]
        articles = [(self.story_url(s), s.published.isoformat()) for s in newest]
        if pub.sitemaps == "urlset":
            return {"/sitemap.xml": self.document(machine_readable.urlset(site_pages + articles), "application/xml")}
        parts = {
            "/sitemaps/latest.xml": self.document(
                machine_readable.urlset(site_pages + articles[:1]), "application/xml"
            ),
            "/sitemaps/archive-2026-11.xml.gz": Page(
                machine_readable.gzipped(machine_readable.urlset(articles[1:])), machine_readable.GZIP_TYPE
            ),
        }
        index = machine_readable.sitemap_index([self.url(path) for path in parts], lastmod=stamp)
        news = machine_readable.news_sitemap(pub.name, [self.entry(s) for s in newest])
        return {
            **parts,
            "/sitemap_index.xml": self.document(index, "application/xml"),
            "/news-sitemap.xml": self.document(news, "application/xml"),
        }

    def robots_page(self) -> Page:
        """robots.txt: private paths disallowed, sitemaps announced."""
        sitemaps = {"urlset": ["/sitemap.xml"], "index": ["/sitemap_index.xml", "/news-sitemap.xml"]}
        urls = [self.url(path) for path in sitemaps.get(self.pub.sitemaps, [])]
        disallow = ["/private/"] if self.pub.private else []
        return Page(machine_readable.robots_txt(disallow=disallow, sitemaps=urls), machine_readable.TEXT_TYPE)

    def pages(self) -> dict[str, Page]:
        """Every page of the site, by path."""
        pub = self.pub
        pages = {pub.path(s): self.article_page(s) for s in pub.stories + pub.private}
        pages |= {pub.path(s): self.video_page(s) for s in pub.videos}
        pages |= self.listing_pages()
        pages["/about/"] = self.about_page()
        pages |= {f"/tag/{t.slug}/": self.topic_page(t) for t in pub.topics}
        pages |= {f"/author/{a.slug}/": self.author_page(a) for a in pub.authors}
        pages["/robots.txt"] = self.robots_page()
        if pub.feed:
            pages[pub.feed] = self.feed_page()
        if pub.sitemaps:
            pages |= self.sitemap_pages()
        return pages

    def source(self) -> dict[str, Any]:
        """The publisher's declaration in the sources-file format."""
        pub = self.pub
        declared: dict[str, Any] = {"name": pub.site, "language": pub.lang}
        if pub.feed:
            declared["feeds"] = [self.url(pub.feed)]
        if pub.sitemaps:
            declared["sitemaps"] = [self.url("/robots.txt" if pub.sitemaps == "index" else "/sitemap.xml")]
        if pub.crawl_listing:
            declared["start_urls"] = [self.url(pub.listing)]
        for key in ("follow", "allow", "deny"):
            if getattr(pub, key):
                declared[key] = getattr(pub, key)
        return declared


def render_pages(pub: Publisher, addresses: Mapping[str, str]) -> dict[str, Page]:
    """Every page of ``pub``'s site, by path."""
    return Render(pub, addresses).pages()


def demo_sites() -> list[Site]:
    """The demo network's sites, ready for :class:`~crawler.testing.localsites.LocalSites`."""
    return [Site(pub.site, partial(render_pages, pub)) for pub in PUBLISHERS]


def demo_sources(addresses: Mapping[str, str]) -> list[dict[str, Any]]:
    """Source declarations for the demo network, in the sources-file format (the dicts a TOML [[sources]] table would parse into)."""
    return [Render(pub, addresses).source() for pub in PUBLISHERS]
