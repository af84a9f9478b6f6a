"""URL normalization shared by discovery and the canonical-URL stage."""

from __future__ import annotations

import re
from urllib.parse import unquote_plus, urlsplit, urlunsplit

__all__ = ["addressed_by_query", "normalize_url", "same_path", "same_site", "site_key"]

#: Query parameters that only track the visitor: never part of an article's identity.
TRACKING_PARAMETER = re.compile(
    r"^(utm_\w+|mc_(cid|eid)|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|igshid|"
    r"twclid|ttclid|li_fat_id|_hsenc|_hsmi|mkt_tok|oly_(anon|enc)_id|vero_(id|conv)|"
    r"ocid|cmpid|ito|at_(medium|campaign|custom\d+)|ns_(mchannel|source|campaign|linkname|fee)|"
    r"__twitter_impression|s_cid|ref_src|ref_url|spm|smid|sr_share|xtor|wt_mc|wt_zmc|wt_cc\d*|"
    r"at_(source|format|link|ptr|bbc_team|campaign_type)|ga_(source|medium|campaign)|_ga|_gl|"
    r"cmp|cmpgn|campaign_id|feed_id|rss_id|sc_cid|soc_src|soc_trk|trk|trkcampaign)$",
    re.IGNORECASE,
)
DEFAULT_PORTS = {"http": 80, "https": 443}
SITE_PREFIXES = ("www.", "m.", "mobile.", "amp.")


def normalize_url(url: str) -> str:
    """The URL without tracking parameters and fragment, with a lower-case host.

    Other query parameters keep their order (they may select the article).
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port if parts.port not in (None, DEFAULT_PORTS.get(scheme)) else None
    netloc = f"[{host}]" if ":" in host else host
    if port:
        netloc = f"{netloc}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    # Filter the raw pairs rather than re-encoding them: servers may depend on the exact form.
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not TRACKING_PARAMETER.match(unquote_plus(pair.partition("=")[0]))
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def site_key(url: str) -> tuple[str, int | None]:
    """The host (without www./m. prefix) and explicit port that identify a URL's site."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in SITE_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix) :]
            break
    try:
        port = parts.port
    except ValueError:
        port = None
    return host, port if port != DEFAULT_PORTS.get(parts.scheme.lower()) else None


def same_site(url: str, other: str) -> bool:
    """Whether two URLs belong to the same site: same host up to www./m. or a subdomain of it.

    ``news.example.com`` and ``example.com`` are one site; ``a.co.uk`` and ``b.co.uk`` are not.
    """
    (host, port), (other_host, other_port) = site_key(url), site_key(other)
    if not host or not other_host or port != other_port:
        return False
    return host == other_host or host.endswith("." + other_host) or other_host.endswith("." + host)


def same_path(url: str, other: str) -> bool:
    """Whether two URLs name the same path on the same site, whatever their query strings."""
    return site_key(url) == site_key(other) and urlsplit(url).path == urlsplit(other).path


def addressed_by_query(url: str) -> bool:
    """Whether the query, not the path, names the page: the site root or a script file with a query
    (``/?p=123``, ``/category/story.cfm?id=1``); its path's shape then says nothing of the page."""
    parts = urlsplit(url)
    return bool(parts.query) and (parts.path in ("", "/") or "." in parts.path.rsplit("/", 1)[-1])
