"""Structure before phrases: a body block is judged by the element it came from.

trafilatura returns paragraphs of text; the page says more about each of them. A block is
page furniture when the small box holding it (its element and the wrappers around it, up to
:data:`BOX_MAX_CHARS`) is

- a role or tag of furniture: ``aside``, ``nav``, ``footer``, ``figure``/``figcaption``,
  ``form``, ``button``, ``select``, ARIA ``navigation``/``complementary``/``banner``/...;
  or an element holding the block and a field to type in (a sign-up box without a ``form``);
- marked as furniture by its class or id tokens: "related", "promo", "teaser", "newsletter",
  "share", "advert", "breadcrumb", "paywall", ... in several languages (obfuscated names such
  as ``css-1x2y3z`` carry no word and say nothing);
- a short block that links to another article of the same site, most of its text the link's,
  and reads as a headline, not a sentence (a lead-in before a colon, or no sentence end): a
  promo, whatever its lead-in says ("Also on Courier:", in any language); and a block of
  any length that is all a link to another article (a teaser's headline and blurb in one
  link, or a link around it holding a headline and a date too). A linked sentence
  ("The suspect was convicted last Thursday.") is the article's; a one- or two-word link is
  a tag, left to the other rules.

The body also ends where another article begins after the one under the page's headline (an
endless-scroll page appends the next one, an ``<article>`` with its own ``h1``), and a heading
left at its end goes: the section it headed (keywords, recommendations) was not the article's.

A block that carries prose (:func:`carries_prose`: a sentence of some length, not mostly a link) stays,
whatever its box says: a fact box or a pull quote inside the article is the article's. The
phrase rules of :mod:`pipelines.core.cleaning` remain the fallback for what the structure
does not show.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from crawler.web.urls import normalize_url, same_site
from pipelines.core.removals import Removal, Removals, record_dropped

__all__ = [
    "FURNITURE_ROLES",
    "FURNITURE_TAGS",
    "FURNITURE_TOKENS",
    "HEADINGS",
    "LEAD_IN",
    "QUOTES",
    "SENTENCE_END",
    "StructureRules",
    "TextIndex",
    "block_text",
    "box_of",
    "is_heading",
    "other_article",
    "same_words",
    "text_of",
    "tokens",
    "word_count",
]

#: The box around a block: its element and the wrappers holding little more than it. A
#: teaser's box is a headline, a blurb and a byline (see ``TEASER_MAX_CHARS`` of extraction).
BOX_MAX_CHARS = 600
#: A promo: from this many words to that many, at least this share of them the link's.
PROMO_MIN_WORDS = 3
PROMO_MAX_WORDS = 30
PROMO_LINK_SHARE = 0.5
#: A block this much of whose text is one link to another article is a teaser, however long
#: (an article's paragraph is never all one link; a linked sentence sits in a paragraph).
WHOLLY_LINKED = 0.9
#: Prose: at least this many words with a sentence end, under half of it linked.
PROSE_WORDS = 25
FURNITURE_TAGS = {"aside", "nav", "footer", "figure", "figcaption", "form", "button", "select", "noscript", "menu"}
FURNITURE_ROLES = {"navigation", "complementary", "banner", "contentinfo", "search", "menu", "menubar", "dialog"}
#: Class and id tokens of furniture (after splitting on punctuation and camelCase, lower case;
#: adjacent tokens are also tried joined: "read-more" -> "readmore").
FURNITURE_TOKENS = {
    # English
    "related",
    "relatedstories",
    "relatedarticles",
    "readmore",
    "readalso",
    "alsoread",
    "moreon",
    "promo",
    "promotion",
    "teaser",
    "teasers",
    "recommended",
    "recommendation",
    "recommendations",
    "recirc",
    "recirculation",
    "outbrain",
    "taboola",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "share",
    "sharing",
    "sharebar",
    "socialshare",
    "sociallinks",
    "socialmedia",
    "socialicons",
    "socialbar",
    "socialbuttons",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "adunit",
    "adcell",
    "adbox",
    "adcontainer",
    "adwrapper",
    "copyright",
    "sponsor",
    "sponsored",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "comments",
    "commentcount",
    "authorbio",
    "mostread",
    "mostpopular",
    "popular",
    "trending",
    # German, French, Spanish, Portuguese, Italian, Dutch, Polish, Russian (transliterated)
    "verwandt",
    "empfehlung",
    "empfehlungen",
    "weiterlesen",
    "mehrzumthema",
    "anzeige",
    "werbung",
    "teilen",
    "lireaussi",
    "alire",
    "publicite",
    "partage",
    "relacionados",
    "relacionadas",
    "publicidad",
    "compartir",
    "leiatambem",
    "correlati",
    "correlate",
    "pubblicita",
    "condividi",
    "gerelateerd",
    "advertentie",
    "delen",
    "reklama",
    "polecane",
    "czytajtez",
    "chitaitakzhe",
    "pohozhie",
}
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: Quotation marks and brackets around a name or a word.
QUOTES = "\"'“”„«»‘’‹›[]()"
_SENTENCE = re.compile(r"[.!?。！？](?:\s|$)")
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)]*$")
#: Han, kana and Hangul, written without spaces: about two characters make a word.
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CJK_CHARS_PER_WORD = 2
#: Fields to type in: an element holding one and a block is a sign-up, search or comment form
#: (buttons are not: play, share and "show more" buttons sit beside article paragraphs; and
#: only the block's own elements count: a wrapper around the article may hold a comment form).
_FIELDS = ".//input[not(@type) or @type='email' or @type='text' or @type='search' or @type='tel'] | .//textarea"
#: A lead-in before a colon: "Also on Courier:", "Pro tip:".
LEAD_IN = re.compile(r"^[^.!?:]{1,60}[:：]\s")


def text_of(element) -> str:  # noqa: ANN001 (lxml element)
    """An element's text as extraction gives it: whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def text_upto(element, limit: int) -> str | None:  # noqa: ANN001
    """:func:`text_of` the element, or None as soon as it is sure to be longer than ``limit``
    (an article's container is not read whole for every block inside it)."""
    pieces, length = [], 0
    for piece in element.itertext():
        length += len(" ".join(piece.split()))  # as collapsed: source indentation inside a text node counts nothing
        if length > limit:
            return None
        pieces.append(piece)
    text = " ".join("".join(pieces).split())
    return text if len(text) <= limit else None


def tokens(element) -> set[str]:  # noqa: ANN001
    """The words of an element's class, id and itemprop, lower case; adjacent pairs joined too."""
    raw = " ".join(element.get(name, "") for name in ("class", "id", "itemprop"))
    words = [token for token in _TOKEN_SPLIT.split(_CAMEL.sub(" ", raw).lower()) if token]
    return set(words) | {a + b for a, b in zip(words, words[1:], strict=False)}


class TextIndex:
    """A page's body text nodes by the words they hold: finds a block's elements without a
    search of the whole page per block (built once per page)."""

    def __init__(self, tree) -> None:  # noqa: ANN001 (lxml document)
        self.tree = tree
        self.nodes: dict[str, list] = {}
        self._places: dict[str, list[list]] = {}  # occurrences already found: each stage asks of the same blocks
        strip, nodes = _WORD_STRIP, self.nodes  # locals: this loop sees every word of the page
        for node in tree.xpath(_BODY_TEXT) if tree is not None else ():
            for word in node.split():
                key = word.strip(strip)
                if key in nodes:
                    nodes[key].append(node)
                else:
                    nodes[key] = [node]

    def elements_of(self, text: str) -> list:
        """The elements whose whole text is ``text`` (a body block): the innermost first, then
        the wrappers holding only it. Empty when the page does not show the block as one element."""
        return next(iter(self.occurrences(text)), [])

    def occurrences(self, text: str) -> list[list]:
        """Every place the page shows ``text`` as one element (see :meth:`elements_of`), in page order."""
        if (known := self._places.get(text)) is not None:
            return known
        probe = max((_word(word) for word in text.split()[:6]), key=len, default="")
        places: list[list] = []
        for node in self.nodes.get(probe, []) if probe else []:
            collapsed = " ".join(node.split())  # as the block is: runs of source indentation are one space
            if len(collapsed) > len(text) or collapsed not in text:
                continue  # a text node of another block: none of its elements can hold just this one
            element = node.getparent()
            if element is not None and getattr(node, "is_tail", False):
                element = element.getparent()
            found = []
            while element is not None and (inner := text_upto(element, len(text))) is not None:
                if inner == text:
                    found.append(element)
                element = element.getparent()
            if found and all(found[0] is not place[0] for place in places):
                places.append(found)
        self._places[text] = places
        return places


_WORD_STRIP = QUOTES + " .,"
#: The text a reader sees in the body (a script's or style's text is never a block).
_BODY_TEXT = "//body//text()[not(parent::script) and not(parent::style)]"


def _word(word: str) -> str:
    return word.strip(_WORD_STRIP)


def box_of(elements: list, text: str) -> list:
    """The block's elements and the wrappers around them up to :data:`BOX_MAX_CHARS` of text."""
    if not elements:
        return []
    box = list(elements)
    limit = max(BOX_MAX_CHARS, len(text) * 3 // 2)
    element = elements[-1].getparent()
    while element is not None and element.tag not in ("body", "html") and text_upto(element, limit) is not None:
        box.append(element)
        element = element.getparent()
    return box


def word_count(text: str) -> int:
    """The text's words: spaced words, and CJK characters by :data:`CJK_CHARS_PER_WORD`."""
    cjk = len(_CJK.findall(text))
    return len(_CJK.sub("", text).split()) + cjk // CJK_CHARS_PER_WORD


def carries_prose(text: str, linked_chars: int) -> bool:
    """A sentence of an article: enough words, a sentence end, under half of it linked."""
    return (
        word_count(text) >= PROSE_WORDS and bool(_SENTENCE.search(text)) and linked_chars < PROMO_LINK_SHARE * len(text)
    )


def reads_as_headline(text: str) -> bool:
    """A headline or a lead-in and a headline, not a sentence of the article."""
    return bool(LEAD_IN.match(text)) or not SENTENCE_END.search(text)


class StructureRules:
    """Removes the body blocks whose elements are furniture (see the module docstring)."""

    def clean(
        self,
        index: TextIndex,
        blocks: list[str],
        url: str,
        headline: str | None = None,
        removals: Removals | None = None,
    ) -> list[str]:
        """The blocks that are not furniture by their elements (found through the page's ``index``), in order.

        With the page's ``headline``, the body ends where another article begins after the one
        under it (an ``<article>`` with a headline of its own); a heading left at the end of
        the body, whose section was not the article's, goes too. What goes is recorded in ``removals``.
        """
        kept: list[str] = []
        article = _article_under(index.tree, headline)
        in_article = False
        for position, block in enumerate(blocks):
            text = block_text(block)
            places = index.occurrences(text)
            if article is not None and places and (holder := _headlined_article(places[0][0])) is not None:
                if holder is article:
                    in_article = True
                elif in_article:
                    # the next article, appended below this one (an endless-scroll page)
                    record_dropped(removals, blocks[position:], [], "structure", "another article begins")
                    break
            # A block the page shows in several places (a kicker that is also a menu item) is
            # furniture only if it is furniture everywhere.
            reasons = [self._furniture_at(elements, text, url) for elements in places]
            if places and all(reasons):
                if removals is not None:
                    removals.append(Removal(block, "structure", str(reasons[0])))
            else:
                kept.append(block)
        while len(kept) > 1 and is_heading(index, kept[-1]):
            if removals is not None:
                removals.append(Removal(kept[-1], "structure", "a heading at the end of the body"))
            kept.pop()
        return kept

    def _furniture_at(self, elements: list, text: str, url: str) -> str | None:
        """Why the block at ``elements`` is furniture, or None."""
        # The links in the block, and a link around it (a teaser: <a><img><h3>headline</h3></a>).
        anchors = list(dict.fromkeys(a for element in elements for a in element.xpath("self::a[@href] | .//a[@href]")))
        linked = sum(len(text_of(a)) for a in anchors)
        around = elements[-1].xpath("ancestor::a[@href][1]")
        if around and other_article(around[0].get("href", ""), url):
            # Inside a link to another article with more than the block (a teaser's headline,
            # date and blurb in one link): all of the block is linked, however long.
            anchors.append(around[0])
            linked = len(text)
        if carries_prose(text, linked):
            return None
        if any(element.xpath(_FIELDS) for element in elements):
            return "beside a field to type in"  # an element holding the block and a field: a form's text
        for element in box_of(elements, text):
            if not isinstance(element.tag, str):
                continue
            if element.tag in FURNITURE_TAGS:
                return f"in <{element.tag}>"
            if (role := (element.get("role") or "").strip().lower()) in FURNITURE_ROLES:
                return f'in role="{role}"'
            if found := tokens(element) & FURNITURE_TOKENS:
                return f"class or id {', '.join(sorted(found))}"
        words = word_count(text)
        if words < PROMO_MIN_WORDS or not any(other_article(a.get("href", ""), url) for a in anchors):
            return None
        if linked >= WHOLLY_LINKED * len(text):
            return "all one link to another article"  # a teaser's headline and blurb
        if words <= PROMO_MAX_WORDS and linked >= PROMO_LINK_SHARE * len(text) and reads_as_headline(text):
            return "a headline linking to another article"
        return None


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_WORDS = re.compile(r"\w+")


def block_text(block: str) -> str:
    """A body block's text as the page shows it (trafilatura marks a list item "- ")."""
    return block.strip().removeprefix("- ")


def same_words(text: str, other: str) -> bool:
    """Whether two texts have the same words, case and punctuation aside (a headline repeated)."""
    return _WORDS.findall(text.casefold()) == _WORDS.findall(other.casefold())


def is_heading(index: TextIndex, block: str) -> bool:
    """Whether the page shows the block as a heading (``h1`` to ``h6``)."""
    return any(
        isinstance(element.tag, str) and element.tag in HEADINGS for element in index.elements_of(block_text(block))
    )


def _article_under(tree, headline: str | None):  # noqa: ANN001, ANN202 (lxml elements)
    """The outermost ``<article>`` holding the ``h1`` that reads as the page's ``headline``, if any."""
    if not headline or tree is None:
        return None
    for heading in tree.xpath("//article//h1"):
        if same_words(text_of(heading), headline):
            return heading.xpath("ancestor::article")[0]  # document order: the outermost first
    return None


def _headlined_article(element):  # noqa: ANN001, ANN202 (lxml elements)
    """The outermost ``<article>`` holding ``element``, if it has a headline (``h1``) of its own:
    an article, not a teaser card or an embedded post."""
    articles = element.xpath("ancestor-or-self::article")
    return articles[0] if articles and articles[0].xpath(".//h1") else None


def other_article(href: str, url: str) -> bool:
    """Whether ``href`` (on the page at ``url``) is another page of the same site, not its front."""
    target = urljoin(url, href.strip())
    if not target.startswith(("http://", "https://")) or not same_site(target, url):
        return False
    path = urlsplit(target).path.strip("/")
    return bool(path) and normalize_url(target) != normalize_url(url)
