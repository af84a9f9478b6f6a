"""Language: the article's language (ISO 639-1), deterministic, reconciled with what the page declares."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self

from langdetect import DetectorFactory, LangDetectException, detector_factory
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.language import Language
from langdetect.utils.ngram import NGram

from pipelines.core.settings_reader import SettingsReader

__all__ = ["DetectedLanguage", "LanguageDetector", "cjk_language", "iso639_1"]

#: Declared hints in the order they are trusted: the page, the HTTP header, the feed or
#: sitemap, the sources file.
HINT_ORDER = (
    ("page", "page_language"),
    ("http", "http_language"),
    ("feed", "language"),
    ("source", "source_language"),
)
#: Languages langdetect confuses with each other; a declared hint decides between them
#: unless the text's own letters do (see ``_by_letters``).
CLOSE_LANGUAGES = (
    {"ru", "uk", "bg", "mk", "be", "sr"},
    {"es", "ca", "pt", "gl"},
    {"id", "ms", "tl"},
    {"no", "da", "sv", "nb", "nn", "is", "fo"},
    {"hr", "sr", "bs", "sl", "me"},
    {"cs", "sk"},
    {"hi", "mr", "ne"},
    {"ar", "fa", "ur"},
)
#: Languages langdetect has a profile for; it can never answer any other (Malay comes out as
#: Indonesian), so a declared hint for one of those decides.
DETECTABLE = {name.split("-")[0] for name in os.listdir(PROFILES_DIRECTORY)}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True)
class DetectedLanguage:
    """A language decision: the code, langdetect's probability, the signal that decided, a variant."""

    language: str | None
    probability: float | None
    source: str | None
    variant: str | None = None  # zh-cn or zh-tw: simplified or traditional Chinese


@dataclass(frozen=True)
class LanguageDetector:
    """langdetect with a fixed seed, reconciled with the scripts' own letters and declared hints.

    The detector decides when the text is long enough and it is sure; Chinese, Japanese
    and Korean are told apart by script; close languages (Russian/Ukrainian/Bulgarian,
    Spanish/Catalan/Portuguese, ...) by letters only one of them uses, else by a declared
    hint naming the other; short or unclear texts take the first declared hint.
    """

    max_chars: int  # langdetect reads at most this much of the text
    min_length: int  # below this, or below min_probability, a declared hint decides
    min_probability: float
    seed: int

    @classmethod
    def from_settings(cls, settings: SettingsReader) -> Self:
        """A detector configured by the ``LANGUAGE_*`` settings."""
        return cls(
            max_chars=settings.getint("LANGUAGE_MAX_CHARS"),
            min_length=settings.getint("LANGUAGE_MIN_LENGTH"),
            min_probability=settings.getfloat("LANGUAGE_MIN_PROBABILITY"),
            seed=settings.getint("LANGUAGE_SEED"),
        )

    def detect(self, text: str, hints: Mapping[str, Any]) -> DetectedLanguage:
        """Decide the language of ``text`` given hints keyed ``page_language``, ``http_language``,
        ``language`` (feed) and ``source_language``."""
        DetectorFactory.seed = self.seed  # langdetect is random without it: same text, other answers
        sample = text[: self.max_chars]
        declared = [(signal, code) for signal, key in HINT_ORDER if (code := iso639_1(hints.get(key)))]
        language, probability, variant = None, None, None
        try:
            best = detect_langs(sample)[0]
            language, probability = best.lang, round(best.prob, 4)
        except (LangDetectException, IndexError):
            pass
        if language in ("zh-cn", "zh-tw"):
            language, variant = "zh", language
        language = cjk_language(sample) or language
        if language != "zh":
            variant = None
        if language == "zh":
            variant = variant or chinese_variant(sample)
        if language is not None and (letters := _by_letters(sample, language)):
            return DetectedLanguage(letters, probability if letters == language else None, "letters", variant)
        confident = (
            language is not None
            and (probability or 0) >= self.min_probability
            and len(sample.strip()) >= self.min_length
        )
        for signal, hint in declared:
            if hint == language:
                break  # a declaration agrees with the text: nothing to reconcile
            undetectable = hint not in DETECTABLE  # langdetect could never have said it (Malay, Icelandic)
            if _close(hint, language) and ((probability or 0) < 0.95 or undetectable):
                return DetectedLanguage(hint, None, signal)
            if undetectable and not confident and hint != cjk_language(sample):
                return DetectedLanguage(hint, None, signal)
        if confident:
            return DetectedLanguage(language, probability, "langdetect", variant)
        for signal, hint in declared:
            return DetectedLanguage(hint, probability if hint == language else None, signal)
        return DetectedLanguage(language, probability, "langdetect" if language else None, variant)


def detect_langs(text: str) -> list[Language]:
    """langdetect's ``detect_langs``, with :class:`_QuickDetector`: the same answers, in less CPU."""
    detector_factory.init_factory()
    detector = _QuickDetector(detector_factory._factory)
    detector.append(text)
    return detector.get_probabilities()


class _NormalizedChars(dict[int, str]):
    """``str.translate`` table: each character as langdetect's n-grams see it, worked out once."""

    def __missing__(self, code: int) -> str:
        self[code] = normalized = NGram.normalize(chr(code))
        return normalized


_NORMALIZED = _NormalizedChars()
_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")  # langdetect's test: 'A' <= ch <= 'z'
_NOT_LATIN = re.compile("[\u0300-\U0010ffff]")


class _QuickDetector(Detector):  # type: ignore[misc]
    """langdetect 1.0.9's Detector with its per-character Python loops done by ``re`` and
    ``str.translate``: the same text, the same n-grams, so the same probabilities (a test holds
    it to the original), in about half the time; on our pages those loops took most of it."""

    text: str  # the text to detect, as langdetect keeps it

    def append(self, text: str) -> None:
        text = NGram.normalize_vi(self.MAIL_RE.sub(" ", self.URL_RE.sub(" ", text)))
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        # langdetect meant to leave Latin Extended Additional out of the non-Latin count, but
        # compares a block number with a name: every character from U+0300 counts.
        if len(_LATIN.findall(self.text)) * 2 < len(_NOT_LATIN.findall(self.text)):
            self.text = _LATIN.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        known, found, grams = self.word_lang_prob_map, [], " "
        for char in self.text.translate(_NORMALIZED):
            last = grams[-1]
            if last == " ":
                grams = " "
                if char == " ":
                    continue
            elif len(grams) >= NGram.N_GRAM:
                grams = grams[1:]
            grams += char
            if char.isupper() and last.isupper():  # in a word in capitals: not counted
                continue
            if char != " " and char in known:
                found.append(char)
            if len(grams) >= 2:
                if grams[-2:] in known:
                    found.append(grams[-2:])
                if len(grams) >= 3 and grams in known:
                    found.append(grams)
        return found


#: Characters only traditional (first) or only simplified (second) Chinese writes, common in news.
TRADITIONAL = set("們這個說國時會來對經後發與進無還麼裡學問體點長開關東車門見話電讓將從當過現實動機義區")
SIMPLIFIED = set("们这个说国时会来对经后发与进无还么里学问体点长开关东车门见话电让将从当过现实动机义区")


def chinese_variant(text: str) -> str | None:
    """zh-tw (traditional) or zh-cn (simplified), by the characters only one of them writes."""
    traditional = sum(1 for char in text if char in TRADITIONAL)
    simplified = sum(1 for char in text if char in SIMPLIFIED)
    if traditional == simplified:
        return None
    return "zh-tw" if traditional > simplified else "zh-cn"


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


def _by_letters(text: str, detected: str) -> str | None:
    """The language the text's letters prove, among those close to ``detected``; else None.

    Russian writes ы and э, Ukrainian і, ї, є and ґ, neither of which Bulgarian uses; Serbian
    ђ and ћ, Macedonian ѓ, ќ and ѕ; Persian
    and Urdu write ی and ک where Arabic writes ي and ك, and Urdu adds ٹ ڈ ڑ ں ے.
    """
    if detected in ("ru", "uk", "bg", "mk", "be", "sr") and _CYRILLIC.search(text):
        lower = text.lower()
        if any(c in lower for c in "ђћ"):
            return "sr"
        if any(c in lower for c in "ѓќѕ"):
            return "mk"
        russian = sum(lower.count(c) for c in "ыэё")
        ukrainian = sum(lower.count(c) for c in "їєґ") + lower.count("і")
        if russian and not ukrainian:
            return "ru"
        if ukrainian > russian:
            return "uk"
        if not russian and not ukrainian and detected in ("ru", "bg") and lower.count("ъ") > len(lower) / 200:
            return "bg"
        return None
    if detected in ("ar", "fa", "ur") and _ARABIC_SCRIPT.search(text):
        # Persian and Urdu write ی and ک (and پ چ ژ گ) where Arabic writes ي, ك and ة.
        persian = sum(text.count(c) for c in "یکپچژگ")
        arabic = sum(text.count(c) for c in "يكة")
        if persian > arabic:
            return "ur" if sum(text.count(c) for c in "ٹڈڑںے") > max(2, persian / 20) else "fa"
        return "ar" if arabic > persian else None
    return None


def _close(first: str | None, second: str | None) -> bool:
    return first is not None and second is not None and any({first, second} <= group for group in CLOSE_LANGUAGES)


#: Codes pages still declare for languages ISO 639-1 names otherwise.
LEGACY_CODES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "jw": "jv"}


def iso639_1(value: Any) -> str | None:
    """``en`` from ``en``, ``en-US``, ``EN_gb``; ``no`` from ``nb``; None for anything else."""
    if not isinstance(value, str) or not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return LEGACY_CODES.get(code, code) if len(code) == 2 and code.isalpha() else None
