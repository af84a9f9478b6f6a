"""Syndication credits: the lines saying where an article first ran leave its body and are kept.

"This post was first published by Grist and is republished with permission", "A version of
this story first ran in ...", "Dieser Artikel erschien zuerst bei ...", "Cet article a été
initialement publié dans ...", "本文首发于...": such a line is the article's provenance, not
its text. :func:`split_credit` takes them out of the body blocks and names the outlet they
credit; the story grouping uses it to tell an original from its copies.

Structure first: a short block whose element (or a wrapper holding only it) is marked as a
credit (class, id or itemprop tokens such as ``credit``, ``syndication``, ``republish``,
``source``, ``isBasedOn``; a photo credit is not one) at the top or the end of the body is a
credit, in any language. Phrases are the fallback: a block that is a credit sentence of its
own (one or two sentences, :data:`MAX_CREDIT_WORDS`) in one of the forms below, anywhere in the
body, since such a sentence speaks of the article itself ("This article ..."), never of a
report it quotes ("Reuters reported ..." is prose and stays). At the very end, a bare outlet
name ("Grist.") is a credit when the page confirms it names another site, or when it stands
alone after the last sentence in the shape of a name (capitalised words, a full stop), and
is neither the byline nor the site's own name. A "Source: ..." label line is a credit in the
last blocks only (elsewhere it is an image or chart credit, for the cleaning rules).

The credited outlet is the one the credit names (the words after "published by/in/on", a
link to another site inside the credit); else the page's declared original (``<meta
name="original-source">``, ``syndication-source``) or its canonical URL on another site,
by host; else none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from crawler.web.urls import same_site, site_key
from pipelines.core.dates import dates_in
from pipelines.core.structure import QUOTES, TextIndex, text_of, tokens

__all__ = ["CREDIT_FIELDS", "Credit", "SOURCE_LABEL", "credit_sentence", "declared_original", "split_credit"]

#: The article fields a credit gives.
CREDIT_FIELDS = ("credit", "credited_source")
#: A credit is one or two sentences; a longer block is prose that happens to mention one.
MAX_CREDIT_WORDS = 45
#: How far from the end (and the top) of the body a credit is looked for by its element or
#: as a bare name or source label: a credit is followed at most by a few lines of furniture.
END_WINDOW = 4
TOP_WINDOW = 2
#: A bare outlet name: at most this many words.
MAX_NAME_WORDS = 4
#: The words of an outlet named after a credit phrase, at most.
MAX_SOURCE_WORDS = 8

# An optional lead-in before the credit sentence: "Editor's note:", "*", "—".
_LEAD_IN = r"^(?:[*†‡—–\-]+\s*|[^.:!?。]{1,30}[:：]\s*)?"
_APOS = "['’]"
_W = r"[^\W\d_][\w'’\-]*"  # a word


#: The kind of outlet before its name, in any case ("на сайте «...»", "изданием «...»"): not the name.
_RU_OUTLET_KIND = r"(?:(?:издани|сайт|портал|газет|журнал|агентств|телеканал|радиостанци)\w*\s+)?"


def _WORDS(n: int) -> str:  # noqa: N802 (reads as a pattern)
    """Up to ``n`` words, as few as will do."""
    return rf"(?:{_W}\s+){{0,{n}}}?"


#: Credit sentences whose outlet follows them: the match ends before the outlet's name.
_BEFORE_SOURCE = [
    # English
    rf"(?:this|a version of this|an earlier version of this|(?:parts|portions) of this)\s+{_WORDS(2)}"
    r"(?:article|story|post|piece|report|column|essay|interview|feature|op-ed|commentary|analysis|"
    r"text|blog|review|investigation|newsletter|content|item)s?\s+"
    rf"{_WORDS(4)}(?:(?:originally|first|initially|previously|also)\s+)?"
    r"(?:published|appeared|ran|posted|produced|reprinted|republished|syndicated|reproduced|distributed|shared)\s+"
    rf"{_WORDS(3)}(?:in|on|at|by|from|with|via|through)\s+",
    rf"(?:originally|first|previously)\s+(?:published|posted|appeared|ran)\s+{_WORDS(3)}(?:in|on|at|by|via)\s+",
    r"(?:re)?published\s+(?:here\s+)?(?:with|by|under)\s+(?:the\s+)?(?:kind\s+)?permission\s+(?:of|from)\s+",
    r"(?:reprinted|republished|reproduced)\s+(?:with\s+(?:the\s+)?(?:kind\s+)?permission\s+)?(?:from|by|of)\s+",
    r"(?:distributed|syndicated|provided)\s+(?:by|via|through)\s+",
    r"with\s+files\s+from\s+",
    # German
    rf"(?:(?:eine\s+)?{_WORDS(1)}(?:fassung|version)\s+)?(?:dieser|der|diese|die|dieses|des)\s+"
    r"(?:artikel|beitrag|text|bericht|kommentar|gastbeitrag|essay|interview|meldung)(?:e?s)?\s+"
    rf"(?:erschien|ist|wurde)\s+{_WORDS(2)}(?:zuerst|ursprünglich|erstmals|zunächst|im original)\s+"
    rf"{_WORDS(2)}(?:bei|in|im|auf|von)\s+",
    r"(?:zuerst|ursprünglich|erstmals)\s+(?:erschienen|veröffentlicht|publiziert)\s+(?:bei|in|im|auf|von)\s+",
    r"(?:mit\s+freundlicher\s+genehmigung|übernommen)\s+(?:von|aus|der|des)\s+",
    r"(?:verbreitet|vertrieben|syndiziert|bereitgestellt|geliefert|übernommen)\s+(?:von|über|durch|via)\s+",
    # French
    rf"(?:une\s+{_WORDS(1)}version\s+(?:de\s+|d{_APOS}))?(?:cet|ce|l{_APOS})\s*"
    r"(?:article|texte|billet|reportage|entretien|papier|tribune|récit)\s+"
    rf"{_WORDS(3)}(?:a|est|fut|avait)\s+{_WORDS(2)}(?:été\s+)?{_WORDS(1)}"
    r"(?:publié|paru|diffusé|republié|reproduit)e?s?\s+"
    rf"{_WORDS(3)}(?:dans|sur|par|chez|à\s+partir\s+de|depuis)\s+",
    r"(?:initialement|originellement|originalement|d['’]abord|précédemment)\s+(?:publié|paru)e?s?\s+"
    r"(?:dans|sur|par|chez)\s+",
    r"(?:publié|reproduit|republié)e?s?\s+avec\s+(?:l['’]aimable\s+)?(?:autorisation|permission)\s+(?:de|du|des|d['’])\s*",
    r"(?:diffusé|distribué|syndiqué|fourni|transmis)e?s?\s+(?:par|via|grâce\s+à)\s+",
    # Spanish
    rf"(?:una\s+{_WORDS(1)}versión\s+de\s+)?(?:este|esta|el|la)\s+"
    r"(?:artículo|texto|reportaje|post|nota|entrevista|columna|crónica|historia)\s+"
    rf"{_WORDS(3)}(?:publicad[oa]|publicó|apareció|republicad[oa]|reproducid[oa])\s+{_WORDS(3)}(?:en|por|con)\s+",
    r"(?:publicad[oa]|aparecid[oa])\s+(?:originalmente|originariamente|inicialmente|por\s+primera\s+vez|primero)\s+"
    r"(?:en|por)\s+",
    r"(?:distribuid[oa]|republicad[oa]|reproducid[oa]|sindicad[oa]|proporcionad[oa])\s+"
    r"(?:por|vía|via|a\s+través\s+de|mediante|con\s+permiso\s+de)\s+",
    # Portuguese
    r"(?:este|esta|o|a)\s+(?:artigo|texto|reportagem|post|matéria|coluna|entrevista)\s+"
    rf"{_WORDS(3)}(?:publicad[oa]|republicad[oa]|reproduzid[oa])\s+{_WORDS(3)}(?:em|no|na|pelo|pela|por|com)\s+",
    r"(?:publicad[oa])\s+(?:originalmente|inicialmente|pela\s+primeira\s+vez)\s+(?:em|no|na|pelo|pela|por)\s+",
    r"(?:distribuíd[oa]|republicad[oa])\s+(?:por|pelo|pela)\s+",
    # Italian
    rf"(?:questo|quest{_APOS}|l{_APOS})\s*(?:articolo|testo|pezzo|post|intervista)\s+"
    rf"{_WORDS(3)}(?:pubblicat[oa]|apparso|apparsa|uscito|uscita|ripubblicat[oa])\s+"
    rf"{_WORDS(4)}(?:su|in|da|sul|sulla|nel|nella|con)\s+",
    r"(?:pubblicat[oa]|apparso|apparsa)\s+(?:originariamente|originalmente|inizialmente|per\s+la\s+prima\s+volta|"
    r"in\s+origine)\s+(?:su|in|da|sul|sulla|nel|nella)\s+",
    r"(?:distribuit[oa]|ripubblicat[oa])\s+(?:da|su)\s+",
    # Dutch
    r"(?:dit|het)\s+(?:artikel|stuk|verhaal|bericht|interview)\s+"
    rf"(?:verscheen|is|werd)\s+{_WORDS(2)}(?:eerder|oorspronkelijk|eerst|origineel)\s+{_WORDS(2)}(?:in|op|bij|door)\s+",
    r"(?:eerder|oorspronkelijk)\s+(?:verschenen|gepubliceerd)\s+(?:in|op|bij)\s+",
    # Russian, Ukrainian
    rf"(?:версия\s+)?(?:(?:эта|этот|этого|данная|данный|данного)\s+)?(?:стать|материал|текст|публикаци|интервью|колонк)\w*\s+"
    rf"{_WORDS(3)}(?:впервые|первоначально|изначально|ранее)\s+"
    rf"(?:{_WORDS(2)}(?:в|во|на)\s+|(?:опубликован|напечатан|выпущен)\w*\s+){_RU_OUTLET_KIND}",
    rf"(?:впервые|первоначально|изначально)\s+(?:опубликован\w*|вышл?\w*|появил\w*)\s+(?:в|во|на)\s+{_RU_OUTLET_KIND}",
    rf"(?:материал\s+)?(?:распространя\w*|распространен\w*|предоставлен\w*|перепечатан\w*\s+(?:из|с))\s+"
    rf"{_RU_OUTLET_KIND}(?-i:(?=[«\"„“A-ZА-ЯЁ]))",
    r"(?:(?:ця|цей)\s+)?(?:стаття|матеріал|текст|публікація)\s+"
    rf"{_WORDS(3)}(?:вперше|спочатку|первісно|раніше)\s+{_WORDS(2)}(?:в|у|на)\s+",
    rf"(?:вперше|спочатку)\s+(?:опублікован\w*|вийш\w*|з{_APOS}явил\w*)\s+(?:в|у|на)\s+",
    # Polish, Czech
    r"(?:(?:ten|niniejszy)\s+)?(?:artykuł|tekst|materiał|wywiad)\s+"
    rf"{_WORDS(2)}(?:ukazał\s+się|został\s+opublikowany|opublikowano|pierwotnie)\s+{_WORDS(3)}(?:w|we|na|przez)\s+",
    r"(?:pierwotnie|oryginalnie)\s+(?:ukazał\s+się|opublikowany|opublikowano)\s+(?:w|we|na)\s+",
    rf"(?:(?:tento)\s+)?(?:článek|text)\s+{_WORDS(2)}(?:vyšel|byl\s+publikován|byl\s+zveřejněn)\s+{_WORDS(2)}"
    r"(?:v|ve|na)\s+",
    r"(?:původně|poprvé)\s+(?:vyšlo|vyšel|publikováno|zveřejněno)\s+(?:v|ve|na)\s+",
    # Arabic
    r"نُ?شِ?رَ?[ت]?\s+(?:هذا|هذه)\s+(?:المقال|المقالة|التقرير|المادة|النص)\s+(?:\S+\s+){0,3}?(?:في|على|لدى|عبر)\s+",
    r"نُ?شِ?رَ?[ت]?\s+(?:في\s+الأصل|أصلاً|أصلا|لأول\s+مرة|للمرة\s+الأولى)\s+(?:في|على)\s+",
    # Chinese
    r"(?:本文|原文|此文)(?:最初|最早|首先)?(?:发表|發表|发布|發布|刊登|刊载|刊載|首发|首發|原载|原載|转载|轉載|转自|轉自|刊于|刊於|载于|載於)"
    r"(?:于|於|在|自)?\s*",
    r"(?:转载自|轉載自|原载于|原載於|首发于|首發於)\s*",
    # Japanese
    r"転載元[:：]\s*",
]
#: Credit sentences that name the outlet inside them (group ``source``).
_NAMING_SOURCE = [
    r"(?:bu\s+)?(?:makale|haber|yazı|içerik)\s+(?:ilk\s+(?:olarak|kez)|orijinal\s+olarak|aslen)\s+"
    r"(?P<source>[^'’.]{1,60}?)[’']?(?:de|da|te|ta|nde|nda)?\s+(?:yayımlandı|yayınlandı|yayımlanmıştır|yayınlanmıştır)",
    r"(?:この|本)記事は、?(?P<source>[^、。]{1,40}?)(?:に掲載|で公開|からの転載|より転載|の転載|から転載)",
    r"이\s*(?:기사|글|칼럼)(?:는|은)\s*(?P<source>[^,.。]{1,40}?)(?:에|에서)\s*(?:처음|먼저|원래)?\s*(?:게재|실렸|발행|공개)",
]
_CREDIT_PHRASES = [re.compile(_LEAD_IN + pattern, re.IGNORECASE) for pattern in _BEFORE_SOURCE]
_NAMING_PHRASES = [re.compile(_LEAD_IN + pattern, re.IGNORECASE) for pattern in _NAMING_SOURCE]
#: A label line naming where the text comes from ("Source: Reuters"); shared with the cleaning rules.
SOURCE_LABEL = re.compile(
    r"^(?:sources?|via|quellen?|fuente|fonte|источник|джерело|źródło|zdroj|kaynak|bron|来源|來源|出典|출처|المصدر|מקור)"
    r"\s*[:：]\s*",
    re.IGNORECASE,
)
#: Where the outlet's name ends: punctuation, a conjunction or preposition going on with the
#: sentence, a date, or a verb at the sentence's end (German, Dutch).
_SOURCE_END = re.compile(
    r"\s*(?:[,;:!?()\[\]。，、！？]|\.(?=\s|$)|\s[—–-]\s|"
    r"\s(?:and|und|et|y|e|ed|en|und|и|і|та|i|a|ve|or|under|unter|sous|bajo|sob|with|mit|avec|con|com|met|as|als|"
    r"comme|como|come|on|am|op|in|im|no|em|at|en|dans|sur|su|auf|bei|на|в|у|w|na|from|aus|"
    r"erschienen|veröffentlicht|publiziert|verschenen|gepubliceerd|opublikowany|опубликован\w*|вышел|вышла|"
    r"under|licen[cs]ed?|via|for|pour|para|per|für|read|lesen|lire|leer|leia|leggi|lees)\s|"
    r"\s(?:in|im|en|em|в|у|w)\s+\d|$)",
    re.IGNORECASE,
)
#: Class, id and itemprop tokens of an element that holds a syndication credit.
_CREDIT_TOKENS = {
    "credit",
    "credits",
    "syndication",
    "syndicated",
    "syndicate",
    "republish",
    "republished",
    "republication",
    "reprint",
    "provenance",
    "attribution",
    "origin",
    "original",
    "source",
    "sources",
    "sourceorganization",
    "isbasedon",
    "quelle",
    "herkunft",
    "fuente",
    "procedencia",
    "fonte",
    "origem",
    "istochnik",
}
#: Tokens that make a credit element a picture's credit, not the article's.
_PICTURE_TOKENS = {"photo", "image", "img", "picture", "pic", "foto", "bild", "media", "caption", "video", "gallery"}
#: Short words an outlet's name may hold in lower case.
_NAME_CONNECTORS = {
    *("of", "the", "and", "&", "de", "la", "le", "les", "der", "die", "das", "el", "di", "du", "des", "y"),
    *("del", "della", "do", "da", "dos", "van", "von", "den", "het", "am", "im", "zu"),
}
#: Words a phrase starts with, never an outlet's name.
_NOT_A_NAME_START = {
    "mit",
    "with",
    "von",
    "by",
    "from",
    "aus",
    "avec",
    "par",
    "con",
    "por",
    "per",
    "via",
    "and",
    "und",
    "et",
}
_SENTENCE_END = re.compile(r"[.!?…。！？»\"”]$")
_ORIGINAL_SOURCE = (
    '//meta[@name="original-source" or @name="syndication-source" or @property="original-source"]/@content'
    ' | //link[@rel="original-source"]/@href'
)


@dataclass(frozen=True)
class Credit:
    """What :func:`split_credit` found: the body without its credits, the credit lines, the outlet."""

    blocks: list[str]
    credit: str | None  # the credit lines as found, separated by blank lines
    credited_source: str | None  # the outlet the credit names, else the declared original's host


def split_credit(
    page: TextIndex,
    blocks: list[str],
    url: str,
    author: str | None = None,
    sitename: str | None = None,
) -> Credit:
    """Take the syndication credits out of the body ``blocks`` of the page (its ``TextIndex``) found at ``url``."""
    kept: list[str] = []
    lines: list[str] = []
    named: str | None = None
    for index, block in enumerate(blocks):
        at_end = index >= len(blocks) - END_WINDOW
        near_edge = at_end or index < TOP_WINDOW
        found = _credit_of(page, block, url, near_edge, at_end)
        if found is None and len(blocks) > 1 and index in (0, len(blocks) - 1):
            # A bare name on the first or the last line, beside a sentence of the article.
            beside = blocks[1] if index == 0 else blocks[index - 1]
            found = _bare_outlet(page, block, url, beside, author, sitename)
        if found is None:
            kept.append(block)
            continue
        lines.append(block)
        named = named or found or None
    if not lines and (dropped := _dropped_credit(page, blocks, url)) is not None:
        lines, named = [dropped[0]], dropped[1]
    if not lines:
        return Credit(blocks, None, declared_original(page.tree, url))
    return Credit(kept, "\n\n".join(lines), named or declared_original(page.tree, url))


#: Elements a credit line may be on its own: a paragraph, a note, a box of text.
_LINE_ELEMENTS = ".//p | .//small | .//em | .//div[not(*)] | .//span[not(*)]"


def _dropped_credit(page: TextIndex, blocks: list[str], url: str) -> tuple[str, str] | None:
    """A credit sentence the extractor left out of the body, in the element holding the body: (line, outlet).

    Extractors drop notes and small print after an article, credits among them; the credit is
    the article's provenance all the same. Only the container of the body's first and last
    blocks is read, so a credit of a teaser elsewhere on the page is never taken.
    """
    container = _container(page, blocks)
    if container is None:
        return None
    inside = {block.removeprefix("- ") for block in blocks}
    for element in container.xpath(_LINE_ELEMENTS):
        text = text_of(element)
        if not text or text in inside or len(text.split()) > MAX_CREDIT_WORDS or _sentences(text) > 2:
            continue
        if (named := credit_sentence(text)) is not None:
            return text, named or _linked_outlet(page, text, url) or ""
    return None


def _container(page: TextIndex, blocks: list[str]):  # noqa: ANN202 (an lxml element or None)
    """The innermost element holding the body's first and last blocks (the first one's parent for one block)."""
    if not blocks:
        return None
    first, last = page.elements_of(blocks[0].removeprefix("- ")), page.elements_of(blocks[-1].removeprefix("- "))
    if not first or not last:
        return None
    holders = set(first[-1].iterancestors())
    if len(blocks) == 1:
        return first[-1].getparent()
    return next((element for element in last[-1].iterancestors() if element in holders), None)


def _credit_of(page: TextIndex, block: str, url: str, near_edge: bool, at_end: bool) -> str | None:
    """The outlet a credit block names ("" when it names none), or None if the block is no credit."""
    text = block.strip()
    words = len(text.split())
    if words > MAX_CREDIT_WORDS or _sentences(text) > 2:
        return None
    if (named := credit_sentence(text)) is not None:
        return named or _linked_outlet(page, text, url) or ""
    if not near_edge:
        return None
    if at_end and words <= 10 and (label := SOURCE_LABEL.match(text)):
        return _outlet(text[label.end() :])  # a bare "Sources:" heads a list: no credit
    if _marked_as_credit(page, text):
        return _linked_outlet(page, text, url) or (_outlet(text) if words <= MAX_NAME_WORDS else None) or ""
    return None


def credit_sentence(text: str) -> str | None:
    """The outlet a credit sentence names ("" if none can be read), or None if ``text`` is not one.

    Phrases only, anywhere in the body (see the module docstring); the cleaning rules use it too.
    """
    for pattern in _NAMING_PHRASES:
        if match := pattern.search(text):
            return _outlet(match.group("source")) or ""
    for pattern in _CREDIT_PHRASES:
        if match := pattern.search(text):
            rest = text[match.end() :]
            # "First published on Nov 20, 2019 01:38 pm": a dateline, not a credit.
            return None if any(position == 0 for position, _ in dates_in(rest)) else _outlet(rest) or ""
    return None


def _sentences(text: str) -> int:
    return len([part for part in re.split(r"(?<=[.!?。！？])\s+", text) if part])


def _outlet(rest: str) -> str | None:
    """The outlet's name at the start of ``rest`` (what follows a credit phrase)."""
    rest = rest.strip()
    quoted = re.match(r"[\"“„«‘'](?P<name>[^\"“”„«»‘’']{1,80})[\"”“»’']", rest)
    if quoted:
        name = quoted.group("name")
    else:
        rest = rest.lstrip(QUOTES + " ")
        end = _SOURCE_END.search(rest)
        name = rest[: end.start()] if end else rest
    name = name.strip(QUOTES + " .").removesuffix("'s").removesuffix("’s")
    if not name or len(name.split()) > MAX_SOURCE_WORDS or not any(ch.isalnum() for ch in name):
        return None
    return name


def _marked_as_credit(page: TextIndex, text: str) -> bool:
    """Whether the block's element says it is a credit (and not a picture's), outside any figure."""
    for element in page.elements_of(text):
        if element.xpath("ancestor-or-self::figure or ancestor-or-self::figcaption"):
            return False
        found = tokens(element)
        if found & _CREDIT_TOKENS and not found & _PICTURE_TOKENS:
            return True
    return False


def _foreign_links(page: TextIndex, text: str, url: str) -> list[tuple[str, str]]:
    """(anchor text, absolute href) of the links to other sites inside the block's element."""
    links = []
    for element in page.elements_of(text)[:1]:
        for anchor in element.xpath(".//a[@href] | self::a[@href]"):
            href = urljoin(url, anchor.get("href", "").strip())
            if href.startswith(("http://", "https://")) and not same_site(href, url):
                links.append((text_of(anchor), href))
    return links


def _linked_outlet(page: TextIndex, text: str, url: str) -> str | None:
    for anchor, href in _foreign_links(page, text, url):
        return _outlet(anchor) or site_key(href)[0] or None
    return None


def _bare_outlet(
    page: TextIndex,
    block: str,
    url: str,
    beside: str,
    author: str | None,
    sitename: str | None,
) -> str | None:
    """The outlet a bare first or last line names ("Grist.", "«Морской вестник»."), or None if it is not one.

    ``beside`` is the body's block next to it, a sentence when the line stands apart from the text.
    """
    text = block.strip()
    name = text.strip(QUOTES + " .")
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or any(ch in name for ch in ":;!?,") or _squash(name).isdigit():
        return None
    if words[0].casefold() in _NOT_A_NAME_START:
        return None  # "Mit Agenturmaterial.": a phrase, not a name
    if _squash(name) in {_squash(author or ""), _squash(sitename or "")}:
        return None
    confirmed = {_squash(anchor) for anchor, _ in _foreign_links(page, text, url)}
    if original := declared_original(page.tree, url):
        confirmed.add(_squash(original.split(".")[-2] if original.count(".") else original))
    if _squash(name) in confirmed or any(c and c in _squash(name) for c in confirmed):
        return name
    # In the shape of a name: capitalised words, or any words in quotation marks (Russian,
    # Polish and Czech names capitalise the first word only: «Морской вестник»).
    quoted = text[:1] in QUOTES and text.rstrip(" .")[-1:] in QUOTES
    shaped = quoted or all(
        word[0].isupper() or word.casefold() in _NAME_CONNECTORS or word[1:2].isupper() for word in words
    )
    if shaped and text.endswith(".") and not text.endswith("..") and _SENTENCE_END.search(beside.strip()):
        return name
    return None


def _squash(value: str) -> str:
    return "".join(ch for ch in value.casefold() if ch.isalnum())


def declared_original(tree, url: str) -> str | None:  # noqa: ANN001
    """The host of the page's declared original: ``original-source`` meta, or a canonical URL on another site."""
    if tree is None:
        return None
    candidates = [
        *tree.xpath(_ORIGINAL_SOURCE),
        *tree.xpath('//link[@rel="canonical"]/@href'),
        *tree.xpath('//meta[@property="og:url"]/@content'),
    ]
    for value in candidates:
        try:
            candidate = urljoin(url, value.strip())
            if candidate.startswith(("http://", "https://")) and not same_site(candidate, url):
                host = urlsplit(candidate).hostname or ""
                return host.removeprefix("www.") or None
        except ValueError:  # not a URL (an unbalanced IPv6 bracket): declares nothing
            continue
    return None
