"""URL normalization: tracking parameters, fragments, hosts; what counts as the same site."""

import pytest

from crawler.web.urls import normalize_url, same_site


@pytest.mark.parametrize(
    ("url", "normalized"),
    [
        ("https://Example.COM/a?utm_source=rss&utm_medium=feed", "https://example.com/a"),
        ("https://example.com/a?id=7&fbclid=XYZ&gclid=1#comments", "https://example.com/a?id=7"),
        ("https://example.com/a?mc_cid=1&mc_eid=2&page=2", "https://example.com/a?page=2"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a?q=caf%C3%A9%20bar", "https://example.com/a?q=caf%C3%A9%20bar"),
    ],
)
def test_normalize_url(url, normalized):
    assert normalize_url(url) == normalized


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://www.example.com/x", "https://example.com/y", True),
        ("https://news.example.com/x", "https://example.com/y", True),
        ("https://m.example.com/x", "https://www.example.com/y", True),
        ("https://example.co.uk/x", "https://other.co.uk/y", False),
        ("https://example.com/x", "https://example.org/x", False),
        ("http://127.0.0.1:8001/x", "http://127.0.0.1:8002/x", False),
    ],
)
def test_same_site(a, b, same):
    assert same_site(a, b) is same
