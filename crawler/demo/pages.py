"""HTML pages of the demo network, filled from the layout files in ``layouts/``.

Three visibly different layouts, each a directory of ``frame.html`` (the furniture around any
page's content), ``article.html`` and ``style.css``:

* ``agency``: a sparse wire-service page, share tools and related links after the article.
* ``broadsheet``: a newspaper page with masthead, section bar, sidebar and a kicker above the headline.
* ``portal``: an aggregator page whose article container also holds language and country pickers,
  "READ MORE" promos between paragraphs, image credits, a source line and link lists.

The other files of ``layouts/`` are shared by all three. A layout file is a
:class:`string.Template` (``$name`` placeholders); :func:`fill` escapes every value that is not
already :class:`Markup`, quotes included, so a value can go into an attribute or an element.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from html import escape
from importlib.resources import files
from string import Template

from .model import Labels, Story

__all__ = [
    "LAYOUTS",
    "ArticleView",
    "Chrome",
    "Head",
    "Layout",
    "Markup",
    "article",
    "listing",
    "page",
    "pager",
    "video",
]

#: A hyperlink: (text, href).
Link = tuple[str, str]


class Markup(str):
    """HTML, already escaped: :func:`fill` inserts it as it is."""


@cache
def layout_file(name: str) -> str:
    """A file of ``layouts/``, without its final newline."""
    return files(__package__).joinpath("layouts", name).read_text(encoding="utf-8").removesuffix("\n")


def fill(name: str, /, **values: str) -> Markup:
    """The layout file ``name`` with its placeholders replaced; values that are not Markup are escaped."""
    escaped = {key: value if isinstance(value, Markup) else escape(value) for key, value in values.items()}
    return Markup(Template(layout_file(name)).substitute(escaped))


@dataclass(frozen=True)
class Layout:
    """A page layout: its directory of ``layouts/``."""

    name: str
    #: Whether an article's body carries "READ MORE" promos of the site's other stories.
    promos: bool = False

    @property
    def css(self) -> Markup:
        """The layout's stylesheet, on one line as the page inlines it."""
        return Markup("".join(layout_file(f"{self.name}/style.css").splitlines()))


LAYOUTS = {layout.name: layout for layout in (Layout("agency"), Layout("broadsheet"), Layout("portal", promos=True))}


@dataclass(frozen=True)
class Chrome:
    """What every page of a site shows around its content."""

    name: str
    tagline: str
    lang: str
    labels: Labels
    home: str
    about: str
    sections: tuple[Link, ...]
    newsroom: tuple[Link, ...]
    trending: tuple[Link, ...]
    charset: str = "utf-8"
    #: Feed autodiscovery: (media type, href).
    feed: tuple[str, str] | None = None

    @property
    def rtl(self) -> bool:
        """Whether the site's script runs right to left."""
        return self.lang in {"ar", "fa", "he", "ur"}


@dataclass(frozen=True)
class Head:
    """A page's ``<head>`` metadata; ``story`` makes it an article page."""

    title: str
    url: str
    description: str = ""
    og_type: str = "website"
    story: Story | None = None


@dataclass(frozen=True)
class ArticleView:
    """A story placed on a site: its URLs and the site's other stories."""

    story: Story
    url: str
    author_url: str
    topic_url: str
    related: tuple[Link, ...] = ()
    #: Attribution of a republished story: (original publisher, original URL).
    source: Link | None = None


# --- markup built from lists and labels --------------------------------------------------


def text(value: str) -> Markup:
    """Text for an element's content (quotes left as they are)."""
    return Markup(escape(value, quote=False))


def link(label: str, href: str, cls: str = "", rel: str = "") -> Markup:
    """An ``<a>`` element."""
    attrs = f' class="{cls}"' if cls else ""
    attrs += f' rel="{rel}"' if rel else ""
    return Markup(f'<a href="{escape(href)}"{attrs}>{text(label)}</a>')


def link_items(items: Sequence[Link]) -> Markup:
    """Links as ``<li>`` elements."""
    return Markup("".join(f"<li>{link(label, href)}</li>" for label, href in items))


def links(items: Sequence[Link]) -> Markup:
    """A ``<ul>`` of links."""
    return Markup(f"<ul>{link_items(items)}</ul>")


def time_tag(labels: Labels, moment: datetime) -> Markup:
    """A ``<time>`` element: machine-readable and localized."""
    return Markup(f'<time datetime="{moment.isoformat()}">{text(labels.when(moment))}</time>')


def byline(labels: Labels, view: ArticleView) -> Markup:
    """ "By <author>" with a link to the author's page."""
    name = link(view.story.author.name, view.author_url, "author", "author")
    return Markup(f'<span class="byline">{text(labels.by).replace("{}", name)}</span>')


def dateline(labels: Labels, moment: datetime) -> Markup:
    """ "Published <time>"."""
    return Markup(f'<span class="published">{text(labels.published).replace("{}", time_tag(labels, moment))}</span>')


def body(paragraphs: Sequence[str], promos: Sequence[Link] = ()) -> Markup:
    """Paragraphs as ``<p>`` elements, with a "READ MORE" promo after the 2nd, 4th, ... paragraph."""
    parts = []
    for n, paragraph in enumerate(paragraphs, 1):
        parts.append(f"<p>{text(paragraph)}</p>")
        if n % 2 == 0 and n // 2 <= len(promos) and n < len(paragraphs):
            label, href = promos[n // 2 - 1]
            parts.append(f'<p class="read-more"><strong>READ MORE:</strong> {link(label, href)}</p>')
    return Markup("\n".join(parts))


def share_buttons(labels: Labels) -> Markup:
    """Social share buttons, as ``<li>`` elements."""
    return Markup("".join(f'<li><button type="button">{text(s)}</button></li>' for s in labels.share))


def json_ld(chrome: Chrome, head: Head, story: Story) -> Markup:
    """schema.org NewsArticle metadata of an article page."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.headline,
        "datePublished": story.published.isoformat(),
        "author": {"@type": "Person", "name": story.author.name},
        "publisher": {"@type": "Organization", "name": chrome.name},
        "mainEntityOfPage": head.url,
        "inLanguage": chrome.lang,
    }
    return Markup(f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>')


# --- pages ------------------------------------------------------------------------------


def page(layout: Layout, chrome: Chrome, head: Head, main: Markup) -> str:
    """A complete HTML document: head metadata, then ``main`` in the layout's frame."""
    article_meta = feed_link = Markup()
    if head.story:
        story = head.story
        meta = fill(
            "article_meta.html",
            published=story.published.isoformat(),
            section=story.topic.label,
            author=story.author.name,
            json_ld=json_ld(chrome, head, story),
        )
        article_meta = Markup("\n" + meta)
    if chrome.feed:
        feed_link = Markup("\n" + fill("feed_link.html", media_type=chrome.feed[0], url=chrome.feed[1]))
    document = fill(
        "page.html",
        lang=chrome.lang,
        direction=Markup(' dir="rtl"' if chrome.rtl else ""),
        charset=chrome.charset,
        title=head.title,
        title_text=text(head.title),
        site_name=chrome.name,
        site_name_text=text(chrome.name),
        description=head.description or chrome.tagline,
        url=head.url,
        og_type=head.og_type,
        article_meta=article_meta,
        feed_link=feed_link,
        css=layout.css,
        layout=layout.name,
        frame=frame(layout, chrome, main),
    )
    return document + "\n"  # layout files are read without their final newline; a document ends with one


def frame(layout: Layout, chrome: Chrome, main: Markup) -> Markup:
    """``main`` in the layout's furniture: header, navigation, sidebar, sign-up form, footer."""
    labels = chrome.labels
    navigation = ((labels.home, chrome.home), *chrome.sections, (labels.about, chrome.about))
    return fill(
        f"{layout.name}/frame.html",
        main=main,
        home=chrome.home,
        site_name=text(chrome.name),
        tagline=text(chrome.tagline),
        navigation=links(navigation),
        trending=link_items(chrome.trending),
        most_read=text(labels.most_read),
        cookie=text(labels.cookie),
        cookie_accept=text(labels.cookie_accept),
        cookie_settings=text(labels.cookie_settings),
        newsletter=text(labels.newsletter),
        email=labels.email,
        subscribe=text(labels.subscribe),
        newsroom=text(labels.newsroom),
        staff=Markup(", ".join(link(name, href) for name, href in chrome.newsroom)),
        rights=text(labels.rights),
        about_link=link(labels.about, chrome.about),
        privacy=text(labels.privacy),
    )


def article(layout: Layout, chrome: Chrome, view: ArticleView) -> Markup:
    """A story's page content in the layout's article markup."""
    labels, story = chrome.labels, view.story
    figure = Markup()
    if story.caption:
        figure = fill("figure.html", slug=story.slug, caption=text(story.caption))
    source_line = Markup()
    if view.source:
        source_line = fill("source_line.html", name=text(view.source[0]), url=view.source[1])
    return fill(
        f"{layout.name}/article.html",
        headline=text(story.headline),
        byline=byline(labels, view),
        dateline=dateline(labels, story.published),
        time=time_tag(labels, story.published),
        figure=figure,
        body=body(story.paragraphs, view.related if layout.promos else ()),
        source_line=source_line,
        topic=text(story.topic.label),
        topic_heading=text(labels.topic.format(story.topic.label)),
        topic_url=view.topic_url,
        share_buttons=share_buttons(labels),
        related_heading=text(labels.related),
        related=links(view.related),
        sections=links(chrome.sections),
    )


def teaser(labels: Labels, view: ArticleView) -> Markup:
    """One story in a listing: headline, byline, date, standfirst."""
    story = view.story
    return fill(
        "teaser.html",
        url=view.url,
        headline=text(story.headline),
        byline=byline(labels, view),
        time=time_tag(labels, story.published),
        summary=text(story.summary),
    )


def pager(labels: Labels, pages: Sequence[str], current: int) -> Markup:
    """Pagination links; ``current`` indexes ``pages``."""
    if len(pages) < 2:
        return Markup()
    parts = [link(labels.previous_page, pages[current - 1], rel="prev")] if current else []
    parts += [
        Markup(f'<span class="current">{n + 1}</span>') if n == current else link(str(n + 1), href)
        for n, href in enumerate(pages)
    ]
    if current + 1 < len(pages):
        parts.append(link(labels.next_page, pages[current + 1], rel="next"))
    return Markup(f'<nav class="pagination">{" ".join(parts)}</nav>')


def listing(
    chrome: Chrome, heading: str, intro: Sequence[str], views: Sequence[ArticleView], more: Markup | None = None
) -> Markup:
    """A listing page's content: heading, introduction, teasers and pagination."""
    teasers = Markup()
    if views:
        teasers = Markup(f'<ul class="teasers">{"".join(teaser(chrome.labels, view) for view in views)}</ul>')
    return fill("listing.html", heading=text(heading), intro=body(intro), teasers=teasers, pager=more or Markup())


def video(chrome: Chrome, view: ArticleView) -> Markup:
    """A video page's content: player, caption and date (not an article)."""
    story = view.story
    return fill(
        "video.html",
        headline=text(story.headline),
        slug=story.slug,
        body=body(story.paragraphs),
        time=time_tag(chrome.labels, story.published),
        share_buttons=share_buttons(chrome.labels),
    )
