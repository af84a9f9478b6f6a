"""Stage 3: the article's language (ISO 639-1), deterministic, with declared hints as fallback."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self

from langdetect import DetectorFactory, LangDetectException, detect_langs
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from crawler.items import Article

__all__ = ["LanguageDetector", "LanguagePipeline", "DetectedLanguage"]

#: langdetect codes that are regional variants of one ISO 639-1 language.
LANGDETECT_CODES = {"zh-cn": "zh", "zh-tw": "zh"}
#: Declared hints in the order they are trusted: the page, the feed or sitemap, the source file.
HINT_ORDER = (("page", "page_language"), ("feed", "language"), ("source", "source_language"))


@dataclass(frozen=True)
class DetectedLanguage:
    """A language decision: the code, langdetect's probability and the signal that decided."""

    language: str | None
    probability: float | None
    source: str | None


class LanguageDetector:
    """langdetect with a fixed seed; a declared hint decides when the text is short or unclear."""

    def __init__(self, max_chars: int = 3000, min_length: int = 60, min_probability: float = 0.8, seed: int = 0) -> None:
        self.max_chars = max_chars
        self.min_length = min_length
        self.min_probability = min_probability
        DetectorFactory.seed = seed  # langdetect is random without it: same text, other answers

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Self:
        """A detector configured by the ``LANGUAGE_*`` settings."""
        return cls(
            max_chars=settings.getint("LANGUAGE_MAX_CHARS", 3000),
            min_length=settings.getint("LANGUAGE_MIN_LENGTH", 60),
            min_probability=settings.getfloat("LANGUAGE_MIN_PROBABILITY", 0.8),
            seed=settings.getint("LANGUAGE_SEED", 0),
        )

    def detect(self, text: str, hints: Mapping[str, str | None]) -> DetectedLanguage:
        """Decide the language of ``text`` given hints keyed ``page_language``, ``language``, ``source_language``."""
        sample = text[: self.max_chars]
        language, probability = None, None
        try:
            best = detect_langs(sample)[0]
            language, probability = LANGDETECT_CODES.get(best.lang, best.lang), round(best.prob, 4)
        except (LangDetectException, IndexError):
            pass
        language = cjk_language(sample) or language
        confident = language is not None and probability >= self.min_probability
        if confident and len(sample.strip()) >= self.min_length:
            return DetectedLanguage(language, probability, "langdetect")
        for signal, key in HINT_ORDER:
            hint = _iso639_1(hints.get(key))
            if hint:
                return DetectedLanguage(hint, probability if hint == language else None, signal)
        return DetectedLanguage(language, probability, "langdetect" if language else None)


class LanguagePipeline:
    """Sets ``language``, ``language_probability`` and ``language_source``.

    Settings: ``LANGUAGE_ENABLED``, ``LANGUAGE_MAX_CHARS``, ``LANGUAGE_MIN_LENGTH``,
    ``LANGUAGE_MIN_PROBABILITY``, ``LANGUAGE_SEED``.
    """

    def __init__(self, detector: LanguageDetector, stats: StatsCollector) -> None:
        self.detector = detector
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("LANGUAGE_ENABLED", True):
            raise NotConfigured("LANGUAGE_ENABLED is off")
        return cls(LanguageDetector.from_settings(crawler.settings), crawler.stats)

    def process_item(self, item: Article) -> Article:
        hints: dict[str, Any] = {**item.hints, "page_language": item.page_language}
        found = self.detector.detect(item.text, hints)
        item.language, item.language_probability = found.language, found.probability
        item.language_source = found.source
        self.stats.inc_value(f"wirecrawl/language/{found.source or 'unknown'}")
        return item


def cjk_language(text: str) -> str | None:
    """zh, ja or ko when Chinese, Japanese or Korean script dominates the letters, by script.

    langdetect confuses these on short texts (Chinese comes out as ``ko``); the scripts do not:
    Hangul is Korean, kana among Han characters is Japanese, Han alone is Chinese.
    """
    han = kana = hangul = letters = 0
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        code = ord(char)
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
            han += 1
        elif 0x3040 <= code <= 0x30FF:
            kana += 1
        elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            hangul += 1
    cjk = han + kana + hangul
    if not letters or cjk < letters / 2:
        return None
    if hangul > cjk * 0.3:
        return "ko"
    if kana > cjk * 0.05:
        return "ja"
    return "zh"


def _iso639_1(value: str | None) -> str | None:
    """``en`` from ``en``, ``en-US``, ``EN_gb``; None for anything else."""
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else None
