"""A worker's articles travel to the writer as JSON and arrive as they left."""

import json

import numpy as np

from crawler.items import Article
from pipelines.cluster.publish import decode_article, encode_article
from storage.signatures import Fingerprint


def article() -> Article:
    return Article(
        source="news",
        url="https://example.com/a",
        body="<html>Grüße</html>".encode(),
        headers={"Content-Type": "text/html"},
        hints={"title": "A", "language": "de"},
        text="Grüße aus Köln.",
        alternates={"en": "https://example.com/en/a"},
        absorbs=(3, 4),
        fingerprint=Fingerprint(b"\x01\x02\x03\x04", 12, (1, 2**63 - 1)),
        shingles=np.array([7, 2**32 - 1], dtype=np.uint32),
    )


def test_an_article_survives_the_trip_through_json() -> None:
    sent = article()
    received = decode_article(json.loads(json.dumps(encode_article(sent, with_page=True))))
    assert received.body == sent.body and received.fingerprint == sent.fingerprint
    assert received.shingles.tolist() == sent.shingles.tolist()
    assert (received.text, received.hints, received.alternates, received.absorbs) == (
        sent.text,
        sent.hints,
        sent.alternates,
        sent.absorbs,
    )


def test_the_page_goes_only_when_pages_are_stored() -> None:
    assert decode_article(encode_article(article(), with_page=False)).body == b""
