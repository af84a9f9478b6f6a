"""Publication dates: from structured data, meta tags, the page's text; normalized to ISO 8601."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = ["ARTICLE_TYPES", "dates_in", "json_ld", "normalize_date", "structured_published", "text_published"]

#: schema.org types of a news or blog article (JSON-LD ``@type``).
ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "satiricalarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "report",
}
PUBLISHED_META = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@name="article:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//meta[@name="pubdate" or @name="publishdate" or @name="publish-date" or @name="date"]/@content',
    '//meta[@name="dc.date" or @name="DC.date.issued" or @name="dcterms.created"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
    "//article//time/@datetime",
)
#: Month names (and common abbreviations) by month number, in the languages news is read in;
#: inflected forms included (Russian, Ukrainian, Polish, Czech, Greek genitives).
MONTHS: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januari",
        "januar",
        "tammikuuta",
        "ocak",
        "ianuarie",
        "január",
        "января",
        "январь",
        "січня",
        "stycznia",
        "ledna",
        "ιανουαρίου",
        "januarie",
    ),
    2: (
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "févr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
        "helmikuuta",
        "şubat",
        "februarie",
        "február",
        "февраля",
        "февраль",
        "лютого",
        "lutego",
        "února",
        "φεβρουαρίου",
    ),
    3: (
        "march",
        "mar",
        "märz",
        "maerz",
        "mars",
        "marzo",
        "março",
        "marco",
        "maart",
        "mars",
        "maaliskuuta",
        "mart",
        "martie",
        "március",
        "марта",
        "март",
        "березня",
        "marca",
        "března",
        "μαρτίου",
    ),
    4: (
        "april",
        "apr",
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "aprilie",
        "április",
        "huhtikuuta",
        "nisan",
        "апреля",
        "апрель",
        "квітня",
        "kwietnia",
        "dubna",
        "απριλίου",
    ),
    5: (
        "may",
        "mai",
        "mayo",
        "maggio",
        "mag",
        "maio",
        "mei",
        "maj",
        "toukokuuta",
        "mayıs",
        "május",
        "мая",
        "май",
        "травня",
        "maja",
        "května",
        "μαΐου",
        "μαιου",
    ),
    6: (
        "june",
        "jun",
        "juni",
        "juin",
        "junio",
        "giugno",
        "giu",
        "junho",
        "kesäkuuta",
        "haziran",
        "iunie",
        "június",
        "июня",
        "июнь",
        "червня",
        "czerwca",
        "června",
        "ιουνίου",
    ),
    7: (
        "july",
        "jul",
        "juli",
        "juillet",
        "juil",
        "julio",
        "luglio",
        "lug",
        "julho",
        "heinäkuuta",
        "temmuz",
        "iulie",
        "július",
        "июля",
        "июль",
        "липня",
        "lipca",
        "července",
        "ιουλίου",
    ),
    8: (
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "augusti",
        "elokuuta",
        "ağustos",
        "augusztus",
        "августа",
        "август",
        "серпня",
        "sierpnia",
        "srpna",
        "αυγούστου",
    ),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "settembre",
        "set",
        "setembro",
        "syyskuuta",
        "eylül",
        "septembrie",
        "szeptember",
        "сентября",
        "сентябрь",
        "вересня",
        "września",
        "září",
        "σεπτεμβρίου",
    ),
    10: (
        "october",
        "oct",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "lokakuuta",
        "ekim",
        "octombrie",
        "október",
        "октября",
        "октябрь",
        "жовтня",
        "października",
        "října",
        "οκτωβρίου",
    ),
    11: (
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "marraskuuta",
        "kasım",
        "noiembrie",
        "ноября",
        "ноябрь",
        "листопада",
        "listopada",
        "listopadu",
        "νοεμβρίου",
    ),
    12: (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "joulukuuta",
        "aralık",
        "decembrie",
        "december",
        "декабря",
        "декабрь",
        "грудня",
        "grudnia",
        "prosince",
        "δεκεμβρίου",
    ),
}
_MONTH_NUMBER = {name: number for number, names in MONTHS.items() for name in names}
_MONTH = "|".join(sorted((re.escape(name) for name in _MONTH_NUMBER), key=len, reverse=True))
_DATE_FORMS = [
    # 2026-11-24, 2026/11/24
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b"), "ymd"),
    # 24.11.2026 (day first, as in most of Europe)
    (re.compile(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d\d)\b"), "dmy"),
    # 24 November 2026, 24. November 2026, 24 de noviembre de 2026, 24 ноября 2026 г.
    (
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(?P<mn>{_MONTH})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b",
            re.IGNORECASE,
        ),
        "d-name-y",
    ),
    # November 24, 2026
    (
        re.compile(
            rf"\b(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE
        ),
        "name-d-y",
    ),
    # 2026年11月24日, 2026년 11월 24일
    (re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"), "cjk"),
]
#: Words that introduce the publication date in a byline.
PUBLISHED_WORDS = re.compile(
    r"(published|posted|veröffentlicht|publié|publicado|pubblicato|gepubliceerd|opublikowano|publikováno|"
    r"publicerad|publiceret|publisert|julkaistu|yayınlanma|publicat|опубликовано|опубликован|опубліковано|"
    r"δημοσιεύθηκε|发布|發佈|公開|게재|입력)",
    re.IGNORECASE,
)
#: Page text that is the page's own content, not its navigation, chrome or code.
CONTENT_TEXT = (
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::nav "
    "or ancestor::header or ancestor::footer or ancestor::aside or ancestor::form)]"
)


def json_ld(tree) -> Iterator[dict[str, Any]]:  # noqa: ANN001 (lxml element)
    """Every JSON-LD object on the page, ``@graph`` members included."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, dict):
                yield node
                graph = node.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
            elif isinstance(node, list):
                stack.extend(node)


def structured_published(tree) -> str | None:  # noqa: ANN001
    """The publication time declared in JSON-LD or meta tags, as written."""
    for node in json_ld(tree):
        declared = node.get("@type")
        kinds = declared if isinstance(declared, list) else [declared]
        if any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds):
            value = node.get("datePublished") or node.get("dateCreated")
            if isinstance(value, str) and value.strip():
                return value.strip()
    for xpath in PUBLISHED_META:
        for value in tree.xpath(xpath):
            if value.strip():
                return value.strip()
    return None


def text_published(tree) -> str | None:  # noqa: ANN001
    """A full date (day, month, year) written in the page's content, as ``YYYY-MM-DD``.

    The date after a "Published"-like word wins; else the first full date of the content.
    A bare year (a copyright line) is never taken for a date.
    """
    text = " ".join(" ".join(tree.xpath(CONTENT_TEXT)).split())
    dates = list(dates_in(text))
    if not dates:
        return None
    for position, found in dates:
        preceding = text[max(0, position - 40) : position]
        if PUBLISHED_WORDS.search(preceding):
            return found
    return dates[0][1]


def dates_in(text: str) -> Iterator[tuple[int, str]]:
    """(position, ISO date) of every valid full date in the text, in order."""
    found: list[tuple[int, str]] = []
    for pattern, _form in _DATE_FORMS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = _MONTH_NUMBER[parts["mn"].lower()] if parts.get("mn") else int(parts["m"])
            try:
                day = date(int(parts["y"]), month, int(parts["d"]))
            except ValueError:
                continue
            if 1990 <= day.year <= 2100:
                found.append((match.start(), day.isoformat()))
    yield from sorted(found)


def normalize_date(value: str | None) -> str | None:
    """ISO 8601 form of a date as found on pages and in feeds (ISO 8601 or RFC 822); None if unreadable.

    A date and time keeps its UTC offset (``2026-11-20T08:30:00+01:00``); a date alone stays
    a date (``2026-11-20``).
    """
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
            return "-".join(match.groups()) if match else None
    if not 1990 <= parsed.year <= 2100:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return parsed.isoformat(timespec="seconds")
