"""Cleaning: remove the page furniture trafilatura leaves inside article bodies.

Two parts. General rules, for residue that is not site-specific and for a site's first
pages: promo lines ("READ MORE: ...", "Lesen Sie auch", "ЧИТАЙТЕ ТАКЖЕ", "延伸阅读"), image
captions with credits, language/country selectors, share and subscribe prompts, cookie
notices, source attributions (syndication credits leave the body before, see
:mod:`pipelines.core.credits`), date-only lines, the headline repeated at the end, and
"Similar/Related/More News" lists (the heading and the teasers under it, not the prose that
may follow an inline widget). And site templates: a block that recurs on many pages of
one site is that site's boilerplate, whatever its length; the corpus remembers, per site,
how many pages each block was seen on, so cleaning improves run after run. A block is never
removed for being short: only for matching a rule or for recurring.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Self
from urllib.parse import urlsplit

from crawler.urls import site_key
from pipelines.core.credits import SOURCE_LABEL, credit_sentence
from pipelines.core.dates import dates_in
from pipelines.core.settings import SettingsReader
from pipelines.core.structure import LEAD_IN, QUOTES, SENTENCE_END, block_text, carries_prose, same_words
from storage.corpus import Corpus

__all__ = ["BoilerplateRules", "SiteTemplates", "block_key", "site_name"]

_PROMO_WORDS = (
    "read more",
    "read also",
    "also read",
    "read next",
    "more on this",
    "more on this story",
    "related",
    "related stories",
    "related story",
    "related articles",
    "related coverage",
    "see also",
    "watch",
    "listen",
    "recommended",
    "you may also like",
    "you might also like",
    "don't miss",
    "do not miss",
    "trending",
    "top stories",
    "must read",
    "mehr zum thema",
    "lesen sie auch",
    "lesen sie mehr",
    "auch interessant",
    "das könnte sie auch interessieren",
    "weiterlesen",
    "mehr dazu",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "à voir aussi",
    "lee más",
    "lea también",
    "lee también",
    "te puede interesar",
    "leia também",
    "leia mais",
    "veja também",
    "leggi anche",
    "potrebbe interessarti",
    "lees ook",
    "lees meer",
    "czytaj także",
    "czytaj też",
    "zobacz też",
    "zobacz także",
    "přečtěte si také",
    "čtěte také",
    "читайте также",
    "читайте еще",
    "читайте ещё",
    "смотрите также",
    "по теме",
    "читайте також",
    "дивіться також",
    "延伸阅读",
    "相关阅读",
    "相关新闻",
    "推荐阅读",
    "关联阅读",
    "関連記事",
    "あわせて読みたい",
    "関連ニュース",
    "관련기사",
    "관련 기사",
    "함께 보면 좋은 기사",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "إقرأ أيضاً",
    "اقرأ المزيد",
    "ראו גם",
    "קראו גם",
    "devamını oku",
    "ayrıca okuyun",
    "ilginizi çekebilir",
    "διαβάστε επίσης",
    "διαβάστε ακόμα",
    "यह भी पढ़ें",
    "ये भी पढ़ें",
)
_TAIL_WORDS = (
    "similar news",
    "related news",
    "more news",
    "latest news",
    "top news",
    "all news",
    "most read",
    "most popular",
    "popular stories",
    "recommended stories",
    "trending stories",
    "more stories",
    "related stories",
    "more from",
    "more headlines",
    "other news",
    "mehr nachrichten",
    "weitere artikel",
    "weitere nachrichten",
    "ähnliche artikel",
    "meistgelesen",
    "meistgelesene artikel",
    "das könnte sie auch interessieren",
    "sur le même sujet",
    "dans la même rubrique",
    "les plus lus",
    "noticias relacionadas",
    "más noticias",
    "lo más leído",
    "notícias relacionadas",
    "mais notícias",
    "mais lidas",
    "notizie correlate",
    "altre notizie",
    "похожие новости",
    "другие новости",
    "новости по теме",
    "самое читаемое",
    "інші новини",
    "схожі новини",
    "相关新闻",
    "更多新闻",
    "热门新闻",
    "関連ニュース",
    "関連記事",
    "관련 뉴스",
    "많이 본 뉴스",
    "أخبار ذات صلة",
    "المزيد من الأخبار",
    "כתבות נוספות",
    "ilgili haberler",
    "diğer haberler",
    "σχετικά άρθρα",
)
_UI_WORDS = {
    "select language",
    "select country",
    "select edition",
    "select region",
    "choose language",
    "choose country",
    "change language",
    "language",
    "edition",
    "down icon",
    "up icon",
    "close",
    "menu",
    "search",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on linkedin",
    "share on whatsapp",
    "share via email",
    "tweet",
    "send by email",
    "send by e-mail",
    "email this",
    "email this story",
    "email",
    "e-mail",
    "print",
    "print this story",
    "print this article",
    "copy link",
    "link copied",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "telegram",
    "reddit",
    "pinterest",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "newsletter",
    "advertisement",
    "advertising",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "реклама",
    "reklama",
    "广告",
    "広告",
    "광고",
    "skip to content",
    "back to top",
    "follow us",
    "comments",
    "leave a comment",
    "teilen",
    "drucken",
    "partager",
    "imprimer",
    "compartir",
    "imprimir",
    "condividi",
    "поделиться",
    "分享",
    "シェア",
    "공유",
    "مشاركة",
    "שתף",
}
_SEPARATORS = re.compile(r"\s*[|·•/,]\s*|\s{2,}")
_SELECTOR_START = re.compile(r"^(select|choose|change)\s+(language|country|edition|region)$", re.IGNORECASE)
_CREDIT = re.compile(
    r"(\((image|photo|picture|pic|foto|bild|фото|credit|crédit|crédito|imagen|imagem|source|quelle|图片来源|图|写真|사진)"
    r"\s*[:：]\s*[^()]{1,80}\)|（(图片来源|图|写真)[:：][^（）]{1,40}）|"
    r"(photo|image|foto|bild|picture|credit|фото)\s*[:：©]\s*[^.!?]{1,60}|"
    r"©\s*[^.!?]{1,60}|/\s*(getty images|afp|ap|reuters|dpa|epa|shutterstock|istock|anadolu)(\s+via\s+[^.!?]{1,40})?)\s*\.?$",
    re.IGNORECASE,
)
#: A copyright notice: "© 2024 Portal. All rights reserved.", "Copyright 2019 Hawaii News Now."
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b|all rights reserved\b)", re.IGNORECASE)
COPYRIGHT_MAX_WORDS = 15
_COOKIES = re.compile(r"cookie", re.IGNORECASE)
#: What a blocked embed shows in its place: "External content not available", "Empfohlener
#: redaktioneller Inhalt", "contenu externe", "contenido externo", "contenuto esterno".
_EMBED_PLACEHOLDER = re.compile(
    r"\b(?:externe[rns]?\s+inhalte?|empfohlene[rn]?\s+redaktionelle[rn]?\s+inhalt|external\s+content|"
    r"third[- ]party\s+content|contenus?\s+externes?|contenidos?\s+externos?|contenut[oi]\s+estern[oi])\b",
    re.IGNORECASE,
)
_CONSENT = re.compile(r"(accept|consent|agree|akzeptier|zustimm|accepter|aceptar|aceitar|принять|同意)", re.IGNORECASE)
_WORDS = re.compile(r"\w+")


def block_key(block: str) -> str:
    """A block's identity for site templates: NFKC, case-folded, digits and spacing folded."""
    folded = re.sub(r"\d+", "0", unicodedata.normalize("NFKC", block).casefold())
    return hashlib.blake2b(" ".join(_WORDS.findall(folded)).encode(), digest_size=8).hexdigest()


#: A page more of whose text (in characters) the site has shown before is a copy of a story it
#: has: counted for the templates, it would teach that story's paragraphs as the site's boilerplate.
COPY_SHARE = 0.5
#: A sentence's shape keeps at least this many of its words (the names left out): "Story by N." is no shape.
SHAPE_MIN_WORDS = 3


def block_shapes(block: str) -> list[str]:
    """What a block of furniture keeps from page to page while its words change, for site templates.

    A lead-in before a headline ("Also on Courier: <headline>", "Lesedauer: <n> Minuten"), and
    a short sentence with its names left out ("A version of this story first ran in <name>.",
    capitalised words after the first). Prose (:func:`~pipelines.core.structure.carries_prose`)
    has no shape, nor has a question or a quote after a lead-in ("Q: ...?" in an interview).
    """
    text = block_text(block)
    if not text or carries_prose(text, 0):
        return []
    shapes = []
    if (lead := LEAD_IN.match(text)) and text[lead.end() :].strip() and not SENTENCE_END.search(text):
        shapes.append(f"lead-in {lead.group()}")
    if SENTENCE_END.search(text):
        words = text.split()
        masked = [words[0]] + ["N" if word.strip(QUOTES)[:1].isupper() else word for word in words[1:]]
        kept = sum(word != "N" for word in masked)
        if kept < len(words) and kept >= SHAPE_MIN_WORDS:
            shapes.append("named " + re.sub(r"\bN(?:\s+N\b)+", "N", " ".join(masked)))
    return [block_key(shape) for shape in shapes]


def site_name(url: str) -> str:
    """The site a page belongs to, as site templates are keyed: host (no www.) and port."""
    host, port = site_key(url)
    return f"{host}:{port}" if port else host or urlsplit(url).netloc


def _starts_with(line: str, phrases: Iterable[str]) -> bool:
    lowered = line.casefold().lstrip("»›>•-–— ").strip()
    return any(lowered == p or (lowered.startswith(p) and not lowered[len(p) : len(p) + 1].isalnum()) for p in phrases)


@dataclass(frozen=True)
class BoilerplateRules:
    """General rules for residue that is not site-specific (see the module docstring)."""

    max_promo_words: int = 30

    def clean(self, blocks: list[str], title: str | None) -> list[str]:
        """The blocks that are article text, in order."""
        kept: list[str] = []
        in_selector = in_list = False
        for block in blocks:
            words = len(block.split())
            if self._is_tail(block):
                in_list = True  # "Similar News": the heading and its list, to the end or to prose
                continue
            if in_list and _list_like(block):
                continue
            in_list = False
            if _SELECTOR_START.match(block.strip()):
                in_selector = True
                continue
            if in_selector and words <= 3:
                continue  # the options of a language or country selector
            in_selector = False
            if self._is_furniture(block, words):
                continue
            kept.append(block)
        if kept and title and same_words(kept[-1], title):
            kept.pop()  # the headline repeated at the end
        return kept

    def _is_tail(self, block: str) -> bool:
        return len(block.split()) <= 8 and _starts_with(block.rstrip(":：").strip(), _TAIL_WORDS)

    def _is_furniture(self, block: str, words: int) -> bool:
        stripped = block.strip()
        if words <= self.max_promo_words and _starts_with(stripped, _PROMO_WORDS):
            return True
        if words <= self.max_promo_words and (
            _CREDIT.search(stripped) or SOURCE_LABEL.match(stripped) or credit_sentence(stripped) is not None
        ):
            return True  # picture credits and source labels; syndication credits left inside the body
        parts = [part for part in _SEPARATORS.split(stripped.casefold().strip(" .:")) if part]
        if parts and all(part in _UI_WORDS for part in parts):
            return True
        if words <= 60 and _COOKIES.search(stripped) and _CONSENT.search(stripped):
            return True
        if words <= 60 and _EMBED_PLACEHOLDER.search(stripped):
            return True
        if words <= COPYRIGHT_MAX_WORDS and _COPYRIGHT.match(stripped):
            return True
        return words <= 8 and _only_a_date(stripped)


def _list_like(block: str) -> bool:
    """A list item or a headline-like line (a teaser), not a paragraph of prose."""
    stripped = block.strip()
    return stripped.startswith(("- ", "• ", "* ")) or (
        len(stripped.split()) <= 20 and not stripped.endswith((".", "。", "!", "?", "»", '"'))
    )


def _only_a_date(block: str) -> bool:
    """A block that is nothing but a date (and maybe a time): a byline's remnant."""
    found = list(dates_in(block))
    if not found:
        return False
    leftover = re.sub(r"[\W\d_]+", " ", block).split()
    return len(leftover) <= 3


@dataclass
class SiteTemplates:
    """A site's learned templates: blocks seen on at least ``min_pages`` of its pages (kept in the
    corpus), and block shapes (:func:`block_shapes`) seen with as many different texts: the same
    lead-in before another headline on every page, the same sentence naming another outlet. A
    shape counts once per text it takes, so copies of one story teach it nothing.
    """

    corpus: Corpus
    min_pages: int

    @classmethod
    def from_settings(cls, corpus: Corpus, settings: SettingsReader) -> Self:
        """Templates of ``corpus`` as ``CLEAN_TEMPLATE_PAGES`` defines them."""
        return cls(corpus, settings.getint("CLEAN_TEMPLATE_PAGES"))

    def remove(self, url: str, blocks: list[str], learn: bool = True) -> list[str]:
        """``blocks`` of the page at ``url`` less its site's templates; with ``learn``, the page counts for them."""
        site = site_name(url)
        keys = [block_key(block) for block in blocks]
        shapes = [block_shapes(block) for block in blocks]
        seen = self.corpus.site_block_pages(site, keys + [s for found in shapes for s in found])
        recurring = {key for key, pages in seen.items() if pages >= self.min_pages}
        if learn:
            known = sum(len(block) for block, key in zip(blocks, keys, strict=True) if key in seen)
            if known <= COPY_SHARE * sum(len(block) for block in blocks):  # a copy of a story teaches nothing
                # A shape is counted with a text the site has not shown before.
                new = [s for key, found in zip(keys, shapes, strict=True) if key not in seen for s in found]
                self.corpus.record_site_blocks(site, keys + new, url)
        return [
            block
            for block, key, found in zip(blocks, keys, shapes, strict=True)
            if key not in recurring and not recurring.intersection(found)
        ]

    def remove_known(self, url: str, blocks: list[str]) -> list[str]:
        """``blocks`` less the templates learned so far, the page not counted (it was, or is not stored)."""
        return self.remove(url, blocks, learn=False)
