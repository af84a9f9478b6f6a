"""HTML templates of the demo network: three visibly different layouts built from shared helpers.

* ``AGENCY``: a sparse wire-service page, share tools and related links after the article.
* ``BROADSHEET``: a newspaper page with masthead, section bar, sidebar and a kicker above the headline.
* ``PORTAL``: an aggregator page whose article container also holds language and country pickers,
  "READ MORE" promos between paragraphs, image credits, a source line and link lists.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from .model import Labels, Story

#: A hyperlink: (text, href).
Link = tuple[str, str]


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


@dataclass(frozen=True)
class Template:
    """A layout: its stylesheet, the frame around any page's content, and its article markup."""

    name: str
    css: str
    frame: Callable[[Chrome, str], str]
    article: Callable[[Chrome, ArticleView], str]


# --- shared helpers -------------------------------------------------------------------


def text(value: str) -> str:
    """Escape text for an element body."""
    return escape(value, quote=False)


def link(label: str, href: str, cls: str = "", rel: str = "") -> str:
    """An ``<a>`` element."""
    attrs = f' class="{cls}"' if cls else ""
    attrs += f' rel="{rel}"' if rel else ""
    return f'<a href="{escape(href)}"{attrs}>{text(label)}</a>'


def links(items: Sequence[Link], cls: str = "") -> str:
    """A ``<ul>`` of links."""
    rows = "".join(f"<li>{link(label, href)}</li>" for label, href in items)
    return f'<ul class="{cls}">{rows}</ul>' if cls else f"<ul>{rows}</ul>"


def time_tag(labels: Labels, moment: datetime) -> str:
    """A ``<time>`` element: machine-readable and localized."""
    return f'<time datetime="{moment.isoformat()}">{text(labels.when(moment))}</time>'


def byline(chrome: Chrome, view: ArticleView) -> str:
    """ "By <author>" with a link to the author's page."""
    name = link(view.story.author.name, view.author_url, "author", "author")
    return f'<span class="byline">{text(chrome.labels.by).replace("{}", name)}</span>'


def dateline(chrome: Chrome, moment: datetime) -> str:
    """ "Published <time>"."""
    published = text(chrome.labels.published).replace("{}", time_tag(chrome.labels, moment))
    return f'<span class="published">{published}</span>'


def body(paragraphs: Sequence[str]) -> str:
    """Paragraphs as ``<p>`` elements."""
    return "\n".join(f"<p>{text(p)}</p>" for p in paragraphs)


def figure(caption: str, slug: str) -> str:
    """A lead image with its caption, or nothing."""
    if not caption:
        return ""
    return (
        f'<figure class="lead-image"><img src="/media/{slug}.jpg" alt="" width="1200" height="675">'
        f"<figcaption>{text(caption)}</figcaption></figure>"
    )


def share_tools(labels: Labels, cls: str) -> str:
    """Social share buttons."""
    buttons = "".join(f'<li><button type="button">{text(s)}</button></li>' for s in labels.share)
    return f'<ul class="{cls}">{buttons}</ul>'


def cookie_banner(labels: Labels, cls: str) -> str:
    """The consent banner shown on every page."""
    return (
        f'<div class="{cls}" role="dialog" aria-live="polite"><p>{text(labels.cookie)}</p>'
        f'<button type="button">{text(labels.cookie_accept)}</button> '
        f'<button type="button">{text(labels.cookie_settings)}</button></div>'
    )


def newsletter(labels: Labels, cls: str) -> str:
    """The newsletter sign-up prompt."""
    return (
        f'<form class="{cls}" action="/newsletter/" method="post"><p>{text(labels.newsletter)}</p>'
        f'<input type="email" name="email" placeholder="{escape(labels.email)}">'
        f'<button type="submit">{text(labels.subscribe)}</button></form>'
    )


def navigation(chrome: Chrome, cls: str) -> str:
    """Home, the site's sections and its about page."""
    items = ((chrome.labels.home, chrome.home), *chrome.sections, (chrome.labels.about, chrome.about))
    return f'<nav class="{cls}">{links(items)}</nav>'


def colophon(chrome: Chrome, cls: str) -> str:
    """The footer: newsroom links, copyright, legal links."""
    staff = ", ".join(link(name, href) for name, href in chrome.newsroom)
    return (
        f'<footer class="{cls}"><p>{text(chrome.labels.newsroom)} {staff}</p>'
        f"<p>© 2026 {text(chrome.name)}. {text(chrome.labels.rights)} "
        f"{link(chrome.labels.about, chrome.about)} · <span>{text(chrome.labels.privacy)}</span></p></footer>"
    )


def json_ld(chrome: Chrome, head: Head) -> str:
    """schema.org NewsArticle metadata of an article page."""
    story = head.story
    assert story is not None
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
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def page(template: Template, chrome: Chrome, head: Head, main: str) -> str:
    """A complete HTML document: head metadata, then ``main`` in the template's frame."""
    direction = ' dir="rtl"' if chrome.rtl else ""
    meta = [
        f'<meta charset="{chrome.charset}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(head.title)} | {text(chrome.name)}</title>",
        f'<meta name="description" content="{escape(head.description or chrome.tagline)}">',
        f'<link rel="canonical" href="{escape(head.url)}">',
        f'<meta property="og:site_name" content="{escape(chrome.name)}">',
        f'<meta property="og:type" content="{head.og_type}">',
        f'<meta property="og:title" content="{escape(head.title)}">',
        f'<meta property="og:url" content="{escape(head.url)}">',
    ]
    if head.story:
        meta += [
            f'<meta property="article:published_time" content="{head.story.published.isoformat()}">',
            f'<meta property="article:section" content="{escape(head.story.topic.label)}">',
            f'<meta name="author" content="{escape(head.story.author.name)}">',
            json_ld(chrome, head),
        ]
    if chrome.feed:
        meta.append(f'<link rel="alternate" type="{chrome.feed[0]}" href="{escape(chrome.feed[1])}">')
    meta.append(f"<style>{template.css}</style>")
    head_html = "\n".join(meta)
    return (
        f'<!DOCTYPE html>\n<html lang="{chrome.lang}"{direction}>\n<head>\n{head_html}\n</head>\n'
        f'<body class="{template.name}">\n{template.frame(chrome, main)}\n</body>\n</html>\n'
    )


# --- page content shared by all templates ---------------------------------------------


def teaser(chrome: Chrome, view: ArticleView) -> str:
    """One story in a listing: headline, byline, date, standfirst."""
    return (
        f'<li class="teaser"><h2>{link(view.story.headline, view.url)}</h2>'
        f'<p class="teaser-meta">{byline(chrome, view)} · {time_tag(chrome.labels, view.story.published)}</p>'
        f'<p class="teaser-summary">{text(view.story.summary)}</p></li>'
    )


def pager(labels: Labels, pages: Sequence[str], current: int) -> str:
    """Pagination links; ``current`` indexes ``pages``."""
    if len(pages) < 2:
        return ""
    parts = [link(labels.previous_page, pages[current - 1], rel="prev")] if current else []
    parts += [
        f'<span class="current">{n + 1}</span>' if n == current else link(str(n + 1), href)
        for n, href in enumerate(pages)
    ]
    if current + 1 < len(pages):
        parts.append(link(labels.next_page, pages[current + 1], rel="next"))
    return f'<nav class="pagination">{" ".join(parts)}</nav>'


def listing(chrome: Chrome, heading: str, intro: Sequence[str], views: Sequence[ArticleView], more: str = "") -> str:
    """A listing page's content: heading, introduction, teasers and pagination."""
    teasers = "".join(teaser(chrome, view) for view in views)
    items = f'<ul class="teasers">{teasers}</ul>' if views else ""
    return f'<section class="listing"><h1>{text(heading)}</h1>\n{body(intro)}\n{items}\n{more}</section>'


def video(chrome: Chrome, view: ArticleView) -> str:
    """A video page's content: player, caption and date (not an article)."""
    story = view.story
    return (
        f'<section class="video-page"><h1>{text(story.headline)}</h1>'
        f'<div class="player" data-src="/media/{story.slug}.mp4">▶ 0:48</div>'
        f"{body(story.paragraphs)}<p>{time_tag(chrome.labels, story.published)}</p>"
        f"{share_tools(chrome.labels, 'share')}</section>"
    )


# --- AGENCY ---------------------------------------------------------------------------


def agency_frame(chrome: Chrome, main: str) -> str:
    """Top bar with logo and flat navigation, content, sign-up strip, footer."""
    return f"""{cookie_banner(chrome.labels, "consent-bar")}
<header class="agency-header">
<div class="brand">{link(chrome.name, chrome.home, "logo")} <span class="tagline">{text(chrome.tagline)}</span></div>
{navigation(chrome, "primary-nav")}
</header>
<main id="content" class="agency-main">
{main}
</main>
<section class="signup-strip">{newsletter(chrome.labels, "signup")}</section>
{colophon(chrome, "agency-footer")}"""


def agency_article(chrome: Chrome, view: ArticleView) -> str:
    """Headline, meta line, body, topic; share tools and related stories after the article."""
    story = view.story
    return f"""<article class="story">
<h1 class="story-headline">{text(story.headline)}</h1>
<div class="story-meta">{byline(chrome, view)} | {dateline(chrome, story.published)}</div>
{figure(story.caption, story.slug)}
<div class="story-body">
{body(story.paragraphs)}
</div>
<p class="story-topic">{link(chrome.labels.topic.format(story.topic.label), view.topic_url)}</p>
</article>
{share_tools(chrome.labels, "share-tools")}
<section class="related"><h2>{text(chrome.labels.related)}</h2>{links(view.related)}</section>"""


AGENCY = Template(
    "agency",
    "body{font:16px/1.5 Helvetica,Arial,sans-serif;margin:0}"
    ".agency-header{background:#b00;color:#fff;padding:8px 24px}.primary-nav ul{display:flex;gap:16px;list-style:none}"
    ".agency-main{max-width:720px;margin:24px auto}.story-meta{color:#666;font-size:14px}",
    agency_frame,
    agency_article,
)


# --- BROADSHEET -----------------------------------------------------------------------


def broadsheet_frame(chrome: Chrome, main: str) -> str:
    """Masthead, section bar, two columns (content and sidebar), colophon."""
    return f"""{cookie_banner(chrome.labels, "cookie-notice")}
<header class="masthead">
<p class="site-name">{link(chrome.name, chrome.home)}</p>
<p class="motto">{text(chrome.tagline)}</p>
</header>
{navigation(chrome, "section-bar")}
<div class="columns">
<main class="col-main">
{main}
</main>
<aside class="col-side">
<h2>{text(chrome.labels.most_read)}</h2>
{links(chrome.trending, "most-read")}
{newsletter(chrome.labels, "newsletter-box")}
</aside>
</div>
{colophon(chrome, "colophon")}"""


def broadsheet_article(chrome: Chrome, view: ArticleView) -> str:
    """Kicker, headline, byline and share bar in the article header; then image and text."""
    story = view.story
    return f"""<article class="article-full">
<header class="article-head">
<p class="kicker">{link(story.topic.label, view.topic_url)}</p>
<h1>{text(story.headline)}</h1>
<p class="article-byline">{byline(chrome, view)} <span class="sep">|</span> {dateline(chrome, story.published)}</p>
{share_tools(chrome.labels, "share-bar")}
</header>
{figure(story.caption, story.slug)}
<section class="article-text">
{body(story.paragraphs)}
</section>
</article>
<section class="read-also"><h2>{text(chrome.labels.related)}</h2>{links(view.related)}</section>"""


BROADSHEET = Template(
    "broadsheet",
    "body{font:18px/1.6 Georgia,'Times New Roman',serif;background:#fdfbf7;margin:0}"
    ".masthead{text-align:center;border-bottom:4px double #222}.site-name{font-size:48px}"
    ".section-bar ul{display:flex;justify-content:center;gap:24px;list-style:none}"
    ".columns{display:grid;grid-template-columns:2fr 1fr;gap:32px;max-width:1100px;margin:auto}"
    ".kicker{text-transform:uppercase;color:#a33}",
    broadsheet_frame,
    broadsheet_article,
)


# --- PORTAL ---------------------------------------------------------------------------


def portal_frame(chrome: Chrome, main: str) -> str:
    """Logo, search box and mega menu; content with a trending column; link-heavy footer."""
    return f"""<header class="portal-top">
<div class="logo">{link(chrome.name, chrome.home)}</div>
<form class="search" action="/search/"><input type="search" name="q" placeholder="Search news"><button type="submit">Search</button></form>
{navigation(chrome, "mega-menu")}
</header>
{cookie_banner(chrome.labels, "cookie-bar")}
<div class="page-wrap">
<div class="main-col">
{main}
</div>
<div class="side-col">
<div class="ad-slot">Advertisement</div>
<h3>Trending Now</h3>
{links(chrome.trending, "trending")}
{newsletter(chrome.labels, "nl-box")}
</div>
</div>
{colophon(chrome, "portal-footer")}"""


def locale_pickers() -> str:
    """The language and country selectors the portal puts at the top of each article."""
    languages = "".join(f"<li>{name}</li>" for name in ("English", "Español", "Français", "Deutsch"))
    return (
        '<div class="locale-bar">'
        '<div class="lang-picker"><span>Select Language</span>'
        f'<button type="button">English <span class="icon">Down Icon</span></button><ul>{languages}</ul></div>'
        '<div class="country-picker"><span>Select Country</span>'
        '<button type="button">America <span class="icon">Down Icon</span></button></div></div>'
    )


def with_promos(paragraphs: Sequence[str], promos: Sequence[Link]) -> str:
    """Body paragraphs with a "READ MORE" promo after the 2nd, 4th, ... paragraph."""
    parts = []
    for n, paragraph in enumerate(paragraphs, 1):
        parts.append(f"<p>{text(paragraph)}</p>")
        if n % 2 == 0 and n // 2 <= len(promos) and n < len(paragraphs):
            label, href = promos[n // 2 - 1]
            parts.append(f'<p class="read-more"><strong>READ MORE:</strong> {link(label, href)}</p>')
    return "\n".join(parts)


def portal_article(chrome: Chrome, view: ArticleView) -> str:
    """The article container holds the pickers, promos, source line and link lists too."""
    story = view.story
    source = ""
    if view.source:
        name, href = view.source
        source = f'<p class="source-line">This article was originally published by {link(name, href)}.</p>'
    return f"""<article class="news-detail">
{locale_pickers()}
<h1 class="news-title">{text(story.headline)}</h1>
<div class="news-meta">{byline(chrome, view)} | {time_tag(chrome.labels, story.published)}</div>
{share_tools(chrome.labels, "share-row")}
{figure(story.caption, story.slug)}
<div class="news-body">
{with_promos(story.paragraphs, view.related)}
{source}
</div>
<div class="similar-news"><h2>Similar News</h2>{links(view.related)}</div>
<div class="all-news"><h2>All News</h2>{links(chrome.sections)}</div>
</article>"""


PORTAL = Template(
    "portal",
    "body{font:15px/1.4 Verdana,sans-serif;background:#eef1f5;margin:0}"
    ".portal-top{display:flex;align-items:center;gap:20px;background:#1d2b4f;color:#fff;padding:12px}"
    ".page-wrap{display:flex;gap:16px;padding:16px}.main-col{flex:3;background:#fff}.side-col{flex:1}"
    ".read-more{border-left:4px solid #e60;padding-left:8px}",
    portal_frame,
    portal_article,
)
