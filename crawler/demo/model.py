"""Data model of the demo network: publishers, authors, topics, stories, syndicated copies and labels."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime


@dataclass(frozen=True)
class Author:
    """A journalist, with the slug of their author page and a one-line biography."""

    name: str
    slug: str
    bio: str


@dataclass(frozen=True)
class Topic:
    """A section or tag: URL slug and the label shown to readers."""

    slug: str
    label: str


@dataclass(frozen=True)
class Story:
    """One news article as its publisher prints it."""

    slug: str
    headline: str
    author: Author
    topic: Topic
    published: datetime
    paragraphs: tuple[str, ...]
    caption: str = ""
    #: The story this one republishes (a wire original), if any.
    original: Story | None = None

    @property
    def summary(self) -> str:
        """The standfirst used in listings and feeds: the first paragraph."""
        return self.paragraphs[0]


def republish(
    original: Story,
    published: datetime,
    *,
    slug: str | None = None,
    headline: str | None = None,
    drop_last: int = 0,
    edits: tuple[tuple[str, str], ...] = (),
    caption: str = "",
) -> Story:
    """A syndicated copy of ``original``: new headline, last paragraphs dropped, words changed."""
    paragraphs = list(original.paragraphs[: len(original.paragraphs) - drop_last])
    for old, new in edits:
        hits = [i for i, text in enumerate(paragraphs) if old in text]
        if not hits:
            raise ValueError(f"edit {old!r} matches nothing in {original.slug}")
        paragraphs[hits[0]] = paragraphs[hits[0]].replace(old, new, 1)
    return replace(
        original,
        slug=slug or original.slug,
        headline=headline or original.headline,
        published=published,
        paragraphs=tuple(paragraphs),
        caption=caption,
        original=original,
    )


@dataclass(frozen=True)
class Publisher:
    """One site of the network: identity, content, URL scheme and how a crawler finds its articles."""

    site: str
    name: str
    tagline: str
    lang: str
    #: Name of the page layout (crawler/demo/layouts/).
    layout: str
    stories: tuple[Story, ...]
    about: tuple[str, ...]
    #: Article paths, formatted with ``slug`` and ``date``.
    article_path: str
    charset: str = "utf-8"
    #: Path of the feed, in ``feed_format`` ("rss", "rdf" or "atom"); query appended to its links.
    feed: str = ""
    feed_format: str = ""
    tracking: str = ""
    #: "urlset": /sitemap.xml; "index": robots.txt -> sitemap index (+ .xml.gz) and a news sitemap.
    sitemaps: str = ""
    #: First listing page; further pages at ``{listing}page/N/``.
    listing: str = "/"
    per_page: int = 10
    crawl_listing: bool = False
    follow: str = ""
    allow: str = ""
    deny: str = ""
    #: Article-like pages under /private/ (disallowed in robots.txt), linked from the home page only.
    private: tuple[Story, ...] = ()
    videos: tuple[Story, ...] = ()

    def path(self, story: Story) -> str:
        """Where ``story`` lives on this site."""
        if story in self.private:
            return f"/private/{story.slug}/"
        if story in self.videos:
            return f"/video/{story.slug}.html"
        return self.article_path.format(slug=story.slug, date=story.published)

    @property
    def newest_first(self) -> list[Story]:
        """The site's articles, newest first."""
        return sorted(self.stories, key=lambda s: s.published, reverse=True)

    @property
    def topics(self) -> list[Topic]:
        """The sections of the site's articles."""
        return list(dict.fromkeys(s.topic for s in self.stories))

    @property
    def authors(self) -> list[Author]:
        """The writers of the site's articles."""
        return list(dict.fromkeys(s.author for s in self.stories))


@dataclass(frozen=True)
class Labels:
    """Interface text of one language. Fields containing ``{}`` are format strings."""

    home: str
    about: str
    latest: str
    most_read: str
    related: str
    by: str
    published: str
    topic: str
    author_page: str
    share: tuple[str, ...]
    cookie: str
    cookie_accept: str
    cookie_settings: str
    newsletter: str
    subscribe: str
    email: str
    newsroom: str
    next_page: str
    previous_page: str
    rights: str
    privacy: str
    months: tuple[str, ...]
    date: str

    def when(self, moment: datetime) -> str:
        """``moment`` as readers of this language see it printed."""
        return self.date.format(
            d=moment.day,
            m=moment.month,
            y=moment.year,
            h=moment.hour,
            mi=moment.minute,
            month=self.months[moment.month - 1] if self.months else "",
        )
