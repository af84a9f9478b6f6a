"""The quicker langdetect detector answers exactly as langdetect's own."""

from __future__ import annotations

import random

import pytest
from fixtures.multilingual_texts import ARTICLES, CLOSE_PAIRS
from langdetect import DetectorFactory, detector_factory
from langdetect.detector import Detector

from pipelines.core.language import _QuickDetector, detect_langs

EDGES = [
    "",
    " leading space and  double   spaces   inside ",
    "Visit https://example.org/a?b=c&d=e or mail press@example.org for the NASA and UN reports.",
    "ALL CAPITALS HEADLINE THEN lower words AGAIN",
    "Tiếng Việt có dấu: người, những, được, trường học mới khai trương.",
    "Întâlnirea din București s-a încheiat; țara și șefii au semnat.",  # comma-below letters
    "Mixed Ελληνικά and English and русский текст with 漢字 and かな and 한국어 together.",
    "مردم ایران یکشنبه به پای صندوق رای رفتند و نتایج فردا اعلام می‌شود",
    "12345 !!! ??? ... — “quoted” ‘text’ … · • ©",
]


def texts() -> list[str]:
    articles = [" ".join((text.headline, *text.paragraphs)) for text in (*ARTICLES, *CLOSE_PAIRS)]
    rng = random.Random(3)
    alphabet = "".join(chr(code) for code in range(0x20, 0x3100) if chr(code).isprintable())
    noise = ["".join(rng.choice(alphabet + "    ") for _ in range(300)) for _ in range(20)]
    mixed = [rng.choice(articles)[:500] + " " + rng.choice(articles)[:500] for _ in range(10)]
    return EDGES + articles + noise + mixed


def original(text: str) -> Detector:
    detector_factory.init_factory()
    detector = Detector(detector_factory._factory)
    detector.append(text)
    return detector


@pytest.mark.parametrize("text", texts())
def test_the_same_text_ngrams_and_probabilities_as_langdetect(text):
    DetectorFactory.seed = 0
    expected = original(text)
    expected.cleaning_text()
    ngrams = expected._extract_ngrams()
    quick = _QuickDetector(detector_factory._factory)
    quick.append(text)
    assert quick.text == original(text).text
    quick.cleaning_text()
    assert quick.text == expected.text
    assert quick._extract_ngrams() == ngrams
    if ngrams:
        assert [(found.lang, found.prob) for found in detect_langs(text)] == [
            (found.lang, found.prob) for found in original(text).get_probabilities()
        ]
