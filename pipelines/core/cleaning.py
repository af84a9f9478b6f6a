"""Cleaning: remove the page furniture trafilatura leaves inside article bodies.

Two parts. General rules, for residue that is not site-specific and for a site's first
pages: promo lines ("READ MORE: ...", "Lesen Sie auch", "ЧИТАЙТЕ ТАКЖЕ", "延伸阅读"), image
captions with credits, language/country selectors, share and subscribe prompts, cookie
notices, source attributions (syndication credits leave the body before, see
:mod:`pipelines.core.credits`), date-only lines, the headline repeated at the end, and
"Similar/Related/More News" lists (the heading and the teasers under it, not the prose that
may follow an inline widget). And site templates: a block that recurs on many pages of
one site is that site's boilerplate, whatever its length, and so is a box that sits in the same
place of the site's pages (its structural slot, :mod:`pipelines.core.slots`) beside the story,
whatever its words; the corpus remembers, per site, how many pages each block and each slot was
seen on, so cleaning improves run after run, and what the templates learn late is removed from
the site's stored articles too (:mod:`pipelines.recleaning`). A block is never removed for
being short: only for matching a rule or for recurring.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Self
from urllib.parse import urlsplit

from crawler.web.urls import site_key
from pipelines.core.credits import SOURCE_LABEL, credit_sentence
from pipelines.core.dates import dates_in
from pipelines.core.settings_reader import SettingsReader
from pipelines.core.slots import (
    CONTROLS,
    slot_container,
    slot_has_role,
    slot_holds,
    slot_is_heading,
    slot_is_linked,
)
from pipelines.core.structure import (
    LEAD_IN,
    QUOTES,
    SENTENCE_END,
    block_text,
    carries_prose,
    same_words,
    word_count,
)
from storage.crawl_corpus import CrawlCorpus

__all__ = [
    "BoilerplateRules",
    "SiteTemplates",
    "SlotCount",
    "SlotRule",
    "Templated",
    "block_key",
    "site_name",
    "slot_reason",
]

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


#: A block continues the story when at least this many of its content words are in the rest of the body.
CONTINUES_MIN_WORDS = 2
#: Content words: five letters or more (shorter ones are mostly function words in any language),
#: and pairs of Han, kana or Hangul characters.
_CONTENT_WORDS = {letters: re.compile(rf"[^\W\d_]{{{letters},}}") for letters in (4, 5)}
_CJK_RUN = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def content_words(text: str, letters: int = 5) -> set[str]:
    """The words of ``text`` that carry its content: words of ``letters`` letters or more (4 or 5),
    case folded, and pairs of Han, kana or Hangul characters."""
    folded = text.casefold()
    words = set(_CONTENT_WORDS[letters].findall(_CJK_RUN.sub(" ", folded)))
    for run in _CJK_RUN.findall(folded):
        words.update(run[i : i + 2] for i in range(len(run) - 1))
    return words


@dataclass(frozen=True)
class SlotCount:
    """What a site's pages showed in one structural slot (see :mod:`pipelines.core.slots`)."""

    pages: int  # pages of the site it was seen on
    stream_pages: int  # of them, pages where it held the story stream
    share: float  # summed over the pages, the share of the body's text its blocks held


@dataclass(frozen=True)
class SlotRule:
    """When a structural slot is a site's furniture, and which of its blocks stay anyway.

    The defaults are the values best on the fixture designs, each design left out in turn
    (``benchmarks/extraction.py``: the same rule chosen for all 13, of 27 tried; pages with a
    leak 57 -> 5 of 144 beside templates by words only, F1 no lower on any design).
    """

    #: A furniture slot's blocks held at most this share of the body's text on average over its
    #: pages: a box beside the story, not a part of it.
    max_share: float = 0.2
    #: A block continues the story when at least this share of its content words (and
    #: :data:`CONTINUES_MIN_WORDS`) are in the rest of the body: a fact box or a pull quote
    #: repeats the story's words, a sign-up box does not.
    continues_share: float = 0.75
    #: A sentence of the story: this many words or more, a sentence end, beside the story's
    #: paragraphs (in their container), in a box with no control, embed, media or ARIA role and
    #: not mostly linked (a quote of someone in the story, in a box of its own; a bio, a
    #: disclaimer or a reference list sits in a container of its own).
    sentence_words: int = 6

    def furniture(self, count: SlotCount, min_pages: int) -> bool:
        """Seen on ``min_pages`` pages or more, never as the story stream, always short beside it."""
        return count.pages >= min_pages and not count.stream_pages and count.share <= self.max_share * count.pages

    def cut(self, blocks: list[str], slots: tuple[str, ...], furniture: dict[str, str]) -> list[str | None]:
        """Why each block goes (a reason from ``furniture``, slot -> reason), or None where it stays: a
        block in a furniture slot goes unless its slot holds the story on this page, it is a
        sentence beside the story's paragraphs in a box that is no widget (a quote), or its words
        continue the story (the rest of the body)."""
        stream = stream_slots(blocks, slots)
        beside = {slot_container(slot) for slot in stream}
        going = [
            None
            if not slot or slot in stream or (slot_container(slot) in beside and self._story_sentence(block, slot))
            else furniture.get(slot)
            for block, slot in zip(blocks, slots, strict=True)
        ]
        story = [content_words(block) for block, why in zip(blocks, going, strict=True) if why is None]
        told = set().union(*story) if story else set()
        for number, block in enumerate(blocks):
            if going[number] is not None:
                words = content_words(block)
                shared = len(words & told)
                if shared >= CONTINUES_MIN_WORDS and shared >= self.continues_share * len(words):
                    going[number] = None
        return going

    def _story_sentence(self, block: str, slot: str) -> bool:
        text = block_text(block)
        return (
            word_count(text) >= self.sentence_words
            and bool(SENTENCE_END.search(text))
            and not slot_is_linked(slot)
            and not slot_has_role(slot)
            and not slot_holds(slot) & CONTROLS
        )


def stream_slots(blocks: list[str], slots: tuple[str, ...]) -> set[str]:
    """The slots holding the page's story stream: the one with most of the body's text, and
    beside it (in the same container) those holding prose and the subheadings."""
    chars: dict[str, int] = {}
    prose = set()
    for block, slot in zip(blocks, slots, strict=True):
        if slot:
            chars[slot] = chars.get(slot, 0) + len(block)
            if carries_prose(block_text(block), 0):
                prose.add(slot)
    if not chars:
        return set()
    top = max(chars, key=lambda slot: chars[slot])
    return {top} | {
        slot
        for slot in chars
        if (slot in prose or slot_is_heading(slot)) and slot_container(slot) == slot_container(top)
    }


@dataclass(frozen=True)
class Templated:
    """A page's blocks after its site's templates."""

    kept: list[str]
    slots: tuple[str, ...]  # the kept blocks' slots ("" where unknown)
    removed: tuple[tuple[str, str], ...]  # (block, why) for each block removed
    # What this page made the site's templates, for its stored pages to be re-cleaned of:
    # (slot, "") for a slot made furniture, (slot, block key or shape) for words made recurring.
    recleans: tuple[tuple[str, str], ...]


@dataclass
class SiteTemplates:
    """A site's learned templates, kept in the corpus, by structure and by words.

    By structure: per site, each slot's pages (:class:`SlotCount`); a slot seen on ``min_pages``
    pages as a minority box, never as the story stream, is furniture (:class:`SlotRule`),
    whatever its words. By words: blocks seen on at least ``min_pages`` of its pages (verbatim
    furniture), and block shapes (:func:`block_shapes`) seen with as many different texts: the
    same lead-in before another headline on every page, the same sentence naming another outlet.
    A shape counts once per text it takes, so copies of one story teach nothing. The page that
    makes a slot furniture or a block recurring is cleaned of it, and says so
    (:attr:`Templated.recleans`) for the site's stored pages to be re-cleaned.
    """

    corpus: CrawlCorpus
    min_pages: int
    rule: SlotRule = SlotRule()

    @classmethod
    def from_settings(cls, corpus: CrawlCorpus, settings: SettingsReader) -> Self:
        """Templates of ``corpus`` as ``CLEAN_TEMPLATE_PAGES`` defines them."""
        return cls(corpus, settings.getint("CLEAN_TEMPLATE_PAGES"))

    def remove(self, url: str, blocks: list[str], slots: tuple[str, ...] = (), learn: bool = True) -> Templated:
        """``blocks`` of the page at ``url`` (in ``slots``) less its site's templates; with ``learn``,
        the page counts for them."""
        site = site_name(url)
        slots = slots or ("",) * len(blocks)
        keys = [block_key(block) for block in blocks]
        shapes = [block_shapes(block) for block in blocks]
        seen = self.corpus.site_block_pages(site, keys + [s for found in shapes for s in found])
        counts = {
            slot: SlotCount(*row) for slot, row in self.corpus.site_slot_counts(site, filter(None, slots)).items()
        }
        known = sum(len(block) for block, key in zip(blocks, keys, strict=True) if key in seen)
        copy = known > COPY_SHARE * sum(len(block) for block in blocks)  # a copy of a story teaches nothing
        learned = learn and not copy
        pages = dict(seen)
        if learned:
            # A shape is counted with a text the site has not shown before.
            new = [s for key, found in zip(keys, shapes, strict=True) if key not in seen for s in found]
            self.corpus.record_site_blocks(site, keys + new, url)
            for counted in dict.fromkeys(keys + new):  # the page counts first: it is cleaned of what it made recurring
                pages[counted] = seen.get(counted, 0) + 1
        recurring = {key: count for key, count in pages.items() if count >= self.min_pages}
        by_slot = self._slot_removals(site, url, blocks, slots, counts, learned)
        kept, kept_slots, removed = [], [], []
        recleans = [(slot, "") for slot in by_slot.furniture]
        for block, slot, key, found, why in zip(blocks, slots, keys, shapes, by_slot.cut, strict=True):
            words = [k for k in (key, *found) if k in recurring]
            if words:
                why = f"site template: the same words on {recurring[words[0]]} pages of {site}"
                # Made recurring by this page: the site's stored pages with a block in this slot are cleaned of it.
                recleans += [(slot, k) for k in words if seen.get(k, 0) < self.min_pages and slot]
            if why is None:
                kept.append(block)
                kept_slots.append(slot)
            else:
                removed.append((block, why))
        return Templated(kept, tuple(kept_slots), tuple(removed), tuple(dict.fromkeys(recleans)))

    def remove_known(self, url: str, blocks: list[str], slots: tuple[str, ...] = ()) -> Templated:
        """``blocks`` less the templates learned so far, the page not counted (it was, or is not stored)."""
        return self.remove(url, blocks, slots, learn=False)

    def _slot_removals(
        self,
        site: str,
        url: str,
        blocks: list[str],
        slots: tuple[str, ...],
        counts: dict[str, SlotCount],
        learn: bool,
    ) -> _SlotRemovals:
        """Why each block goes by its slot; with ``learn`` the page counts first, so the page that
        makes a slot furniture is cleaned of it too (and tells which slots it made furniture)."""
        before = {slot for slot, count in counts.items() if self.rule.furniture(count, self.min_pages)}
        if learn and any(slots):
            stream = stream_slots(blocks, slots)
            total = sum(len(block) for block in blocks) or 1
            shares: dict[str, float] = {}
            for block, slot in zip(blocks, slots, strict=True):
                if slot:
                    shares[slot] = shares.get(slot, 0.0) + len(block) / total
            self.corpus.record_site_slots(site, {slot: (slot in stream, share) for slot, share in shares.items()}, url)
            for slot, share in shares.items():
                count = counts.get(slot, SlotCount(0, 0, 0.0))
                counts[slot] = SlotCount(count.pages + 1, count.stream_pages + (slot in stream), count.share + share)
        furniture = {
            slot: slot_reason(slot, count.pages)
            for slot, count in counts.items()
            if self.rule.furniture(count, self.min_pages)
        }
        return _SlotRemovals(
            self.rule.cut(blocks, slots, furniture), tuple(slot for slot in furniture if slot not in before)
        )


@dataclass(frozen=True)
class _SlotRemovals:
    cut: list[str | None]  # why each block goes by its slot, or None
    furniture: tuple[str, ...]  # slots that became furniture with this page


def slot_reason(slot: str, pages: int) -> str:
    """Why a block in a furniture slot goes, as ``extract --explain`` shows it."""
    return f"site template: slot {slot!r} seen on {pages} pages, never the story"
