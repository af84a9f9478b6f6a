"""Extraction: one parse of a page gives its canonical URL, title, author, dates and body text, or says it is not an article."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from copy import deepcopy
from dataclasses import dataclass
from typing import Any, Literal, Self
from urllib.parse import urljoin, urlsplit

import trafilatura
from trafilatura.settings import Document

from crawler.web.urls import addressed_by_query, normalize_url, same_site
from pipelines.core.dates import ARTICLE_TYPES, dates_in, json_ld, normalize_date, structured_published, text_published
from pipelines.core.declared import agreement, can_judge, marked_body
from pipelines.core.rejections import NotAnArticle
from pipelines.core.settings_reader import SettingsReader

__all__ = ["ArticleExtractor", "Bar", "Extracted", "canonical_url", "page_text"]

logger = logging.getLogger(__name__)
# trafilatura logs an ERROR line for every page it cannot parse; this stage counts and reports
# those pages itself, once (set on import, so in every worker process too).
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

#: schema.org and OpenGraph types of pages that are not articles.
NON_ARTICLE_TYPES = {"collectionpage", "profilepage", "aboutpage", "contactpage", "searchresultspage", "profile"}
#: A section front's URL: one path segment of letters only (``/world/``, ``/sport``); article
#: URLs mostly carry a slug of several words or an id (none of the 439 benchmark articles has
#: such a URL), but a feed may list ``/story``: evidence only for a page not vouched for.
SECTION_PATH = re.compile(r"^/[^\W\d_]+/?$")
#: How much a page must show to be taken for an article, by how it was found (see
#: ``FetchedPage.bar``): "vouched" (a feed entry, a dated sitemap entry, a link the source's
#: ``allow`` matched, a page from elsewhere) is an article unless evidence says otherwise;
#: "metadata" (an undated sitemap entry) needs an article type, a date on the page or a prose
#: body; "content" (any same-site link of a listing page) an article type or a prose body.
Bar = Literal["vouched", "metadata", "content"]
#: A prose paragraph: at least this many characters (a CJK character counted as
#: ``CJK_WEIGHT``), with a sentence end, not a link. Longer than a headline or a one-line
#: teaser blurb; most news paragraphs are two or three times as long.
PROSE_MIN_CHARS = 80
#: A Han, kana or Hangul character carries about as much as a word of three letters and a space.
CJK_WEIGHT = 3
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f\u0964\u061f]")
#: "Several paragraphs of sentences": a body with this many prose paragraphs is an article's.
PROSE_PARAGRAPHS = 3
#: A teaser is a linked headline and at most two lines under it (blurb, byline), so in a teaser
#: list at least a third of the body's blocks are linked or in a teaser (see :func:`linked_blocks`).
LINKED_SHARE = 1 / 3
#: A list has at least three items: one or two linked blocks are an article's "read also" lines.
LIST_MIN_ITEMS = 3
#: A teaser's box: a linked headline (~80 characters), a blurb (~200) and a byline with its
#: date (~60), with room to spare; an article's paragraphs sit in a box many times longer.
TEASER_MAX_CHARS = 600
_HEADINGS = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
_HEADLINE_LINK = f".//*[{_HEADINGS}]//a[@href] | .//a[@href][.//*[{_HEADINGS}]]"
#: Elements trafilatura takes a body block from.
_BLOCK_ELEMENTS = (
    "//body//*[self::p or self::li or self::div or self::span or self::blockquote or self::dd or self::td]"
)
#: Dates shown in the page's content, not its navigation or side rails: <time> elements and
#: elements whose class says they hold a date.
_IN_CONTENT = "not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)"
CONTENT_TIMES = f"//time[@datetime and {_IN_CONTENT}]"
CONTENT_DATE_ELEMENTS = (
    f"//*[contains(translate(@class, 'DATE', 'date'), 'date') and not(self::time) and {_IN_CONTENT}]"
)
#: trafilatura drops every non-printable character, zero-width (non-)joiners included, which
#: breaks Persian words (دشت‌آباد) and Indic conjuncts; they cross it as printable markers.
JOINER_MARKERS = {"\u200c": "\u2e28\u2e29", "\u200d": "\u2e29\u2e28"}
_HAS_JOINER = '//text()[contains(., "\u200c") or contains(., "\u200d")]'
#: Extracted text this close to the page's declared body (4-gram F1) needs no second opinion.
AGREED = 0.9
#: The second opinion replaces the text only when this much closer to the declared body.
AGREEMENT_MARGIN = 0.02
LANGUAGE_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")


def canonical_url(tree, url: str) -> str:  # noqa: ANN001 (lxml element)
    """The page's ``rel=canonical`` (else ``og:url``) when on the same site and well-formed, normalized; else ``url``.

    A canonical pointing to another site (syndication partners do this) is ignored: the copy
    on this site is an article of its own; so is one that is no URL (markup, spaces) and the
    home page named as the canonical of another page.
    """
    if tree is not None:
        for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
            for value in tree.xpath(xpath):
                candidate = value.strip()
                if not candidate:
                    continue
                if _MALFORMED_URL.search(candidate):  # "…/x<link rel=": a template's markup, not a URL
                    continue
                try:
                    candidate = urljoin(url, candidate)
                    if (
                        candidate.startswith(("http://", "https://"))
                        and same_site(candidate, url)
                        and not _home_for_a_page(candidate, url)
                    ):
                        return normalize_url(candidate)
                except ValueError:  # an unbalanced IPv6 bracket, a bad port
                    continue
    return normalize_url(url)


def _home_for_a_page(candidate: str, url: str) -> bool:
    """A canonical naming the site's home page for a page elsewhere: a template's default, not this page."""
    home, page = urlsplit(candidate), urlsplit(url)
    return home.path in ("", "/") and not home.query and (page.path not in ("", "/") or bool(page.query))


#: Characters a URL never holds unencoded: markup, quotes, whitespace.
_MALFORMED_URL = re.compile(r"[\s<>\"'`{}|\\^]")


@dataclass(frozen=True)
class Extracted:
    """What extraction found on an article page."""

    url: str  # the page's canonical URL (see canonical_url), or the fetched URL
    title: str | None
    author: str | None
    published: str | None
    published_raw: str | None
    sitename: str | None
    description: str | None
    text: str
    page_language: str | None
    alternates: dict[str, str]  # hreflang -> URL of a translation of this page
    credit: str | None = None  # the syndication credit lines taken out of the body (see pipelines.core.credits)
    credited_source: str | None = None  # the outlet the credit names, else the declared original's host
    # each block's structural slot (see pipelines.core.slots), one per paragraph of ``text``; () when not read
    slots: tuple[str, ...] = ()


class ArticleExtractor:
    """Extracts an article from a parsed page; raises :class:`NotAnArticle` for other pages.

    An article is innocent until proven otherwise. A page that declares no article type
    (JSON-LD ``NewsArticle``, ``og:type=article``, ...) is not an article on strong evidence
    only: it declares a non-article type (``CollectionPage``, ``ProfilePage``, ...), its URL is
    the site's root or a tag/author/about page, or its body is a teaser list
    (see :func:`teaser_list`). Related rails, dated sidebars and ``og:type=website`` are on
    real article pages too: no evidence. A page found where service pages are listed too must
    also show it is an article (see :data:`Bar`), and is none at a section front's URL
    (:data:`SECTION_PATH`): an undated sitemap entry by its metadata or
    its content, a listing link the source's ``allow`` did not match by its content (a prose
    body, :func:`prose_paragraphs`); a missing date is never evidence. Any page with less body
    text than ``min_length`` is not an article.
    """

    def __init__(
        self,
        min_length: int,
        non_article_url: str | None,
        favor: str,
    ) -> None:
        self.min_length = min_length
        self.non_article_url = re.compile(non_article_url, re.IGNORECASE) if non_article_url else None
        self.options: dict[str, Any] = {
            # htmldate's extensive search turns "© 2026" into 2026-01-01: no date beats a wrong one.
            "date_extraction_params": {"extensive_search": False, "original_date": True},
            "include_comments": False,
            "include_tables": True,
            "favor_precision": favor == "precision",
            "favor_recall": favor == "recall",
        }

    @classmethod
    def from_settings(cls, settings: SettingsReader) -> Self:
        """An extractor configured by the ``EXTRACT_*`` settings."""
        return cls(
            min_length=settings.getint("EXTRACT_MIN_LENGTH"),
            non_article_url=settings.get("EXTRACT_NON_ARTICLE_URL"),
            favor=settings.get("EXTRACT_FAVOR"),
        )

    def extract(self, tree, url: str, hints: Mapping[str, Any] | None = None, bar: Bar = "vouched") -> Extracted:  # noqa: ANN001
        """Extract the article of ``tree`` (an lxml document, not modified) found at ``url`` (see :data:`Bar`)."""
        hints = hints or {}
        types = page_types(tree)
        declares_article = bool(types & ARTICLE_TYPES)
        if not declares_article and types & NON_ARTICLE_TYPES:
            raise NotAnArticle("not_article", f"page type {sorted(types & NON_ARTICLE_TYPES)[0]}")
        against = None if declares_article else self._url_shape(url, bar)
        if against is not None and against.decisive:
            raise NotAnArticle("not_article", against.evidence)
        joined = _protect_joiners(tree)
        protected = _unwrap_layout_tables(joined, copied=joined is not tree)
        document = trafilatura.bare_extraction(protected, url=url, with_metadata=True, **self.options)
        if not isinstance(document, Document):  # None: trafilatura found nothing (a dict only with as_dict)
            raise NotAnArticle("no_body", "no body text found")
        document.text = self._second_opinion(protected, url, document.text or "")
        if protected is not tree:
            for field in ("title", "author", "sitename", "description", "text"):
                setattr(document, field, _restore_joiners(getattr(document, field)))
        title = headline(tree, document.title, url)
        text = paragraphs(document.text or "", drop_first=title)
        if len(text) < self.min_length:
            raise NotAnArticle("no_body", f"{len(text)} characters of body text")
        published_raw = structured_published(tree) or hints.get("published") or document.date or text_published(tree)
        published = normalize_date(published_raw)
        if not declares_article:
            self._judge(tree, text, bar, published is not None, against)
        return Extracted(
            url=url,
            title=title or _clean(hints.get("title")),
            author=_clean(document.author),
            published=published,
            published_raw=published_raw,
            sitename=_clean(document.sitename),
            description=_clean(document.description),
            text=text,
            page_language=page_language(tree),
            alternates=alternates(tree, url),
        )

    def _second_opinion(self, tree, url: str, text: str) -> str:  # noqa: ANN001
        """``text``, or trafilatura's recall mode's text when the page's declared body agrees with it better.

        Asked only when the text disagrees with a declared body (:data:`AGREED`): a second pass on
        those pages only; the answer counts only if the body is long enough to judge
        (:func:`~pipelines.core.declared.can_judge`).
        """
        body = marked_body(tree) if text and not self.options["favor_recall"] else None
        if body is None or (before := agreement(body, text)) >= AGREED:
            return text
        options = {**self.options, "favor_recall": True, "favor_precision": False}
        other = trafilatura.bare_extraction(tree, url=url, with_metadata=False, **options)
        other_text = other.text if isinstance(other, Document) and other.text else ""
        if other_text and can_judge(body, text, other_text) and agreement(body, other_text) > before + AGREEMENT_MARGIN:
            return other_text
        return text

    def _url_shape(self, url: str, bar: Bar) -> UrlShape | None:
        """What the URL alone says against an article (for a page that declares no article type).

        A path names the page when no query does: ``/tag/x``, ``/author/y`` and the bare site root
        are never articles. The site root with a query (``/?p=123``) and a script addressed by its
        query (``/category/story.cfm?id=1``, ``/site/topics/article.asp?x=1``) are the pages of
        many sites' articles, and a section-like path may be a story's: that shape only lowers
        the prior (see :meth:`_judge`).
        """
        parts, by_query = urlsplit(url), addressed_by_query(url)
        if parts.path in ("", "/"):
            return UrlShape("the site root with a query" if by_query else "home page", decisive=not by_query)
        if self.non_article_url and self.non_article_url.search(parts.path):
            return UrlShape("tag, author or service page URL", decisive=not by_query)
        if bar != "vouched" and SECTION_PATH.match(parts.path):
            return UrlShape("section page URL", decisive=False)
        return None

    @staticmethod
    def _judge(tree, text: str, bar: Bar, dated: bool, against: UrlShape | None) -> None:  # noqa: ANN001
        """Raise :class:`NotAnArticle` when the body of a page without an article type says it is none.

        A URL shape ``against`` it is outweighed by an article's page only: a prose body, a
        headline and a date; the reason names what the page lacked.
        """
        blocks = text.split("\n\n")
        linked = linked_blocks(tree, blocks)
        prose = prose_paragraphs(blocks, linked) >= PROSE_PARAGRAPHS
        if teaser_list(tree, linked, blocks, prose):
            raise NotAnArticle("not_article", "teaser list")
        if against is not None:
            missing = [
                lacking
                for lacking, shown in (
                    ("prose body", prose),
                    ("headline", headline(tree, None, "") is not None),
                    ("date", dated),
                )
                if not shown
            ]
            if missing:
                raise NotAnArticle("not_article", f"{against.evidence}, and the page shows no {', no '.join(missing)}")
        if not prose and (bar == "content" or (bar == "metadata" and not dated)):
            raise NotAnArticle(
                "not_article",
                f"no article type and no prose body (found through a {'sitemap' if bar == 'metadata' else 'listing'})",
            )


@dataclass(frozen=True)
class UrlShape:
    """What a page's URL says against it being an article, and whether that decides alone."""

    evidence: str
    decisive: bool


#: Headings that hold the page's headline: in the article or main content, else anywhere but
#: the site's chrome.
HEADLINE_XPATHS = (
    "//article//h1 | //main//h1 | //*[@itemprop='headline']",
    "//h1[not(ancestor::nav or ancestor::footer or ancestor::aside or ancestor::header[not(ancestor::article)])]",
)
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|»|/)\s+")


def headline(tree, declared: str | None, url: str) -> str | None:  # noqa: ANN001
    """The article's headline: its ``<h1>``, else the declared title without the site's suffix.

    ``<title>`` and ``og:title`` often carry an SEO variant and the site's name
    ("... | Börsen-Zeitung", "... – DW – 28.04.2023"); the visible headline does not.
    """
    for xpath in HEADLINE_XPATHS:
        for element in tree.xpath(xpath):
            text = _clean(" ".join(element.itertext()))
            if text and 8 <= len(text) <= 300:
                return re.sub(r"\s+([:,;!?])", r"\1", text)  # "Kicker : Headline" from spans
    return strip_site_suffix(_clean(declared), tree, url)


def strip_site_suffix(title: str | None, tree, url: str) -> str | None:  # noqa: ANN001
    """``title`` without trailing parts naming the site (og:site_name, the host) or a date."""
    if not title:
        return title
    names = {value.casefold() for value in tree.xpath('//meta[@property="og:site_name"]/@content')}
    host = (urlsplit(url).hostname or "").removeprefix("www.").casefold()
    parts = _TITLE_SEPARATOR.split(title)
    while len(parts) > 1:
        last = parts[-1].strip().casefold()
        site_like = last in names or (host and (last in host or host.split(".")[0] in last.replace(" ", "")))
        if not (site_like or any(dates_in(last)) or last in {"news", "nachrichten", "actualités", "noticias"}):
            break
        parts.pop()
    return _clean(" ".join(parts)) if len(parts) < len(_TITLE_SEPARATOR.split(title)) else title


def _protect_joiners(tree):  # noqa: ANN001, ANN202
    """A copy of the tree with zero-width joiners as markers, or the tree itself if it has none."""
    if not tree.xpath(_HAS_JOINER):
        return tree
    protected = deepcopy(tree)
    for element in protected.iter():
        for attribute in ("text", "tail"):
            value = getattr(element, attribute)
            if value and ("\u200c" in value or "\u200d" in value):
                for joiner, marker in JOINER_MARKERS.items():
                    value = value.replace(joiner, marker)
                setattr(element, attribute, value)
    return protected


#: A table laid out as a page, not data: it nests a table, or a cell holds paragraphs.
LAYOUT_TABLES = "//table[.//table or .//td[count(.//p) >= 2]]"
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def _unwrap_layout_tables(tree, copied: bool):  # noqa: ANN001, ANN202
    """The tree with its layout tables (:data:`LAYOUT_TABLES`) turned into plain boxes.

    trafilatura renders a table as rows of cells, so a portal laid out in a table would come
    out as one line per cell: navigation, the whole article and the advertisement side by side.
    The tree is copied first unless ``copied`` (it is already a copy of the page's).
    """
    if not tree.xpath(LAYOUT_TABLES):
        return tree
    unwrapped = tree if copied else deepcopy(tree)
    for table in unwrapped.xpath(LAYOUT_TABLES):
        for element in table.iter(*_TABLE_PARTS):
            element.tag = "div"
    return unwrapped


def _restore_joiners(value: str | None) -> str | None:
    if value:
        for joiner, marker in JOINER_MARKERS.items():
            value = value.replace(marker, joiner)
    return value


def paragraphs(text: str, drop_first: str | None = None) -> str:
    """Body text with one paragraph per block, blocks separated by a blank line.

    A first block equal to ``drop_first`` (the headline repeated atop the body) is left out.
    """
    blocks = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if blocks and drop_first and blocks[0].casefold() == " ".join(drop_first.split()).casefold():
        blocks = blocks[1:]
    return "\n\n".join(blocks)


def page_types(tree) -> set[str]:  # noqa: ANN001
    """Lower-cased ``og:type`` and JSON-LD ``@type`` values declared by the page."""
    types = {value.strip().lower() for value in tree.xpath('//meta[@property="og:type"]/@content')}
    for node in json_ld(tree):
        declared = node.get("@type")
        for value in declared if isinstance(declared, list) else [declared]:
            if isinstance(value, str):
                types.add(value.rsplit("/", 1)[-1].lower())
    return types


def linked_blocks(tree, blocks: list[str]) -> set[int]:  # noqa: ANN001
    """Indexes of the body blocks that are a link's text or sit in a teaser.

    A teaser is a small box (at most :data:`TEASER_MAX_CHARS`) holding a linked headline and
    the block (a blurb, a byline); an article's paragraph sits in a box as long as the article.
    """
    anchors = {text for a in tree.xpath("//a") if len(text := _text(a)) >= 2}
    index_of = {block.removeprefix("- "): index for index, block in enumerate(blocks)}  # "- item": a list item
    linked = {index for block, index in index_of.items() if block in anchors}
    for element in tree.xpath(_BLOCK_ELEMENTS):
        index = index_of.get(_text(element))
        box = element.getparent()
        if (
            index is not None
            and index not in linked
            and box is not None
            and box.xpath(_HEADLINE_LINK)
            and len(_text(box)) <= TEASER_MAX_CHARS
        ):
            linked.add(index)
    return linked


def _text(element) -> str:  # noqa: ANN001
    return " ".join(" ".join(element.itertext()).split())


def prose_paragraphs(blocks: list[str], linked: set[int]) -> int:
    """How many blocks are prose: long enough (see :data:`PROSE_MIN_CHARS`), with a sentence end, not linked."""
    return sum(
        1
        for index, block in enumerate(blocks)
        if index not in linked
        and _SENTENCE_END.search(block)
        and len(block) + (CJK_WEIGHT - 1) * len(_CJK.findall(block)) >= PROSE_MIN_CHARS
    )


def teaser_list(tree, linked: set[int], blocks: list[str], prose: bool) -> bool:  # noqa: ANN001
    """Whether the body is a list of teasers: a listing or front page, not one article.

    Several of its blocks linked (:data:`LIST_MIN_ITEMS`), a third of them
    (:data:`LINKED_SHARE`), and no prose body or the dates of many items shown in the content.
    Teaser dates alone are no evidence: every related rail has them; nor are link lists after
    a prose body (:data:`PROSE_PARAGRAPHS` before the first linked block): an article's
    "read also" and "more from" lists.
    """
    if len(linked) < LIST_MIN_ITEMS or len(linked) < LINKED_SHARE * len(blocks):
        return False
    if prose and prose_paragraphs(blocks[: min(linked)], set()) >= PROSE_PARAGRAPHS:
        return False
    return not prose or shows_teaser_dates(tree)


def shows_teaser_dates(tree) -> bool:  # noqa: ANN001
    """Whether the page's content shows the dates of many items, as a teaser list does.

    Two distinct days in ``<time datetime>`` elements, or four counting date-classed elements
    too (related-story rails show two or three; section fronts six or more).
    """
    times = {element.get("datetime", "").strip()[:10] for element in tree.xpath(CONTENT_TIMES)} - {""}
    if len(times) >= 2:
        return True
    days = set(times)
    for element in tree.xpath(CONTENT_DATE_ELEMENTS):
        days.update(day for _, day in dates_in(" ".join(element.itertext())))
        if len(days) >= 4:
            return True
    return False


def alternates(tree, url: str) -> dict[str, str]:  # noqa: ANN001
    """The page's declared translations (``<link rel="alternate" hreflang>``), other than itself."""
    found: dict[str, str] = {}
    for link in tree.xpath('//link[@rel="alternate" and @hreflang and @href]'):
        language, href = link.get("hreflang").strip(), normalize_url(urljoin(url, link.get("href").strip()))
        if language.lower() != "x-default" and href != url and href.startswith(("http://", "https://")):
            found.setdefault(language, href)
    return found


def page_language(tree) -> str | None:  # noqa: ANN001
    """The language the page declares (``<html lang>``, ``og:locale``, Content-Language), ISO 639-1."""
    candidates = [
        *tree.xpath("/html/@lang"),
        *tree.xpath("/html/@xml:lang"),
        *tree.xpath('//meta[@property="og:locale"]/@content'),
        *tree.xpath('//meta[@http-equiv="content-language" or @http-equiv="Content-Language"]/@content'),
    ]
    for value in candidates:
        match = LANGUAGE_CODE.match(value.strip().split(",")[0].strip())
        if match and match.group(1).lower() not in ("x", "und"):
            return match.group(1).lower()
    return None


def _clean(value: Any) -> str | None:
    """Text with whitespace collapsed and soft hyphens (invisible) removed; None if empty."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.replace("\u00ad", "").split())
    return value or None


#: Elements whose text is a paragraph of the page when extraction is off.
_TEXT_BLOCKS = "//body//*[self::p or self::h1 or self::h2 or self::h3 or self::h4 or self::li or self::blockquote or self::pre or self::td or self::dd]"


def page_text(tree, url: str, hints: Mapping[str, Any] | None = None) -> Extracted:  # noqa: ANN001
    """The page as it is, without extraction (``EXTRACT_ENABLED`` off): every text block, the headline.

    Nothing is judged: no article test, no minimum length; the later stages still apply.
    """
    hints = hints or {}
    blocks = [" ".join(" ".join(element.itertext()).split()) for element in tree.xpath(_TEXT_BLOCKS)]
    title = headline(tree, _clean(" ".join(tree.xpath("//title//text()"))), url)
    published_raw = structured_published(tree) or hints.get("published")
    return Extracted(
        url=url,
        title=title or _clean(hints.get("title")),
        author=None,
        published=normalize_date(published_raw),
        published_raw=published_raw,
        sitename=None,
        description=None,
        text=paragraphs("\n".join(block for block in blocks if block), drop_first=title),
        page_language=page_language(tree),
        alternates=alternates(tree, url),
    )
