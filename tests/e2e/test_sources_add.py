"""`wirecrawl sources add URL`: a site's feeds (<link rel="alternate">, the usual paths) and sitemaps
(robots.txt, the usual paths) found and printed as a [[sources]] block the loader accepts;
--append adds it to a sources file only if the result is valid; one line, exit 2, otherwise."""

from __future__ import annotations

import json
import tomllib

import pytest
from fixtures import sites
from fixtures.runs import describe, run_cli, write_sources

from crawler.config import load_sources, parse_sources
from crawler.testing import machine_readable
from crawler.testing.localsites import LocalSites, Page, Site

#: No retries nor back-off: a refused connection is final at once.
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=false", "-s", "RETRY_ENABLED=false")


def home_html(feed_path: str) -> str:
    return (
        '<!DOCTYPE html><html lang="de-DE"><head><title>Stadtbote</title>'
        f'<link rel="alternate" type="application/rss+xml" title="Nachrichten" href="{feed_path}">'
        '<link rel="alternate" hreflang="en" href="/en/">'
        "</head><body><h1>Stadtbote</h1></body></html>"
    )


def render(addresses):
    base = addresses["stadtbote"].rstrip("/")
    article = base + "/2024/03/04/electric-ferries"
    return {
        "/": Page(home_html("/nachrichten/rss")),
        "/nachrichten/rss": machine_readable.xml_page(
            machine_readable.rss2("Stadtbote", base + "/", [sites.item(article, sites.FERRY)]),
            machine_readable.RSS_TYPE,
        ),
        "/atom.xml": machine_readable.xml_page(
            machine_readable.atom("Stadtbote", base + "/", base + "/atom.xml", [sites.item(article, sites.FERRY)]),
            machine_readable.ATOM_TYPE,
        ),
        "/robots.txt": Page(
            machine_readable.robots_txt(sitemaps=[base + "/maps/news.xml"]), machine_readable.TEXT_TYPE
        ),
        "/maps/news.xml": machine_readable.xml_page(
            machine_readable.news_sitemap("Stadtbote", [sites.item(article, sites.FERRY)])
        ),
        "/feed": Page("<html><body>Not a feed</body></html>"),  # an HTML page at a feed path: not a feed
    }


def render_json_site(addresses):
    """A site whose home page names a JSON Feed, whose robots.txt names its RSS feed as a sitemap
    (spelled ``Site-map:``) and whose sitemap starts with a byte-order mark."""
    base = addresses["jsonsite"].rstrip("/")
    article = base + "/2024/03/04/electric-ferries"
    json_feed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": article}]})
    return {
        "/": Page(
            '<!DOCTYPE html><html lang="en"><head><title>JSON site</title>'
            '<link rel="alternate" type="application/feed+json" href="/posts.json"></head><body>Hi</body></html>'
        ),
        "/posts.json": Page(json_feed, "application/feed+json"),
        "/robots.txt": Page(f"User-agent: *\nDisallow:\nSite-map: {base}/news/rss\n", machine_readable.TEXT_TYPE),
        "/news/rss": machine_readable.xml_page(
            machine_readable.rss2("J", base + "/", [sites.item(article, sites.FERRY)]), machine_readable.RSS_TYPE
        ),
        "/sitemap.xml": Page(
            b"\xef\xbb\xbf" + machine_readable.urlset([(article, "2024-03-04")]).encode(), machine_readable.XML_TYPE
        ),
    }


@pytest.fixture(scope="module")
def served():
    bare = {"/": Page("<html><head><title>Bare</title></head><body>Nothing here</body></html>")}
    with LocalSites(
        [Site("stadtbote", render), Site("bare", lambda addresses: bare), Site("jsonsite", render_json_site)]
    ) as served:
        yield served


def test_the_feeds_and_sitemaps_are_found_and_the_block_loads(served, tmp_path):
    proc = run_cli("sources", "add", served.url("stadtbote", "/"), *FAST, cwd=tmp_path)
    assert proc.returncode == 0, describe(proc)
    (source,) = parse_sources(tomllib.loads(proc.stdout))
    assert source.name == "127-0-0-1" and source.language == "de"
    assert source.feeds == (served.url("stadtbote", "/nachrichten/rss"), served.url("stadtbote", "/atom.xml"))
    assert source.sitemaps == (served.url("stadtbote", "/maps/news.xml"),)
    assert list(tmp_path.iterdir()) == []  # nothing written: no corpus, no sources file


def test_json_feeds_feeds_named_in_robots_txt_and_a_sitemap_with_a_bom_are_found(served, tmp_path):
    proc = run_cli("sources", "add", served.url("jsonsite", "/"), *FAST, cwd=tmp_path)
    assert proc.returncode == 0, describe(proc)
    (source,) = parse_sources(tomllib.loads(proc.stdout))
    assert source.feeds == (served.url("jsonsite", "/posts.json"), served.url("jsonsite", "/news/rss"))
    assert source.sitemaps == (served.url("jsonsite", "/sitemap.xml"),)


def test_append_adds_a_valid_block_and_refuses_a_duplicate_name(served, tmp_path):
    existing = write_sources(tmp_path, [{"name": "other", "feeds": ["http://127.0.0.1:9/feed.xml"]}])
    url = served.url("stadtbote", "/")
    proc = run_cli("sources", "add", url, "--name", "stadtbote", "--append", existing, *FAST, cwd=tmp_path)
    assert proc.returncode == 0, describe(proc)
    assert [source.name for source in load_sources(existing)] == ["other", "stadtbote"]
    before = existing.read_bytes()
    again = run_cli("sources", "add", url, "--name", "stadtbote", "--append", existing, *FAST, cwd=tmp_path)
    assert again.returncode == 2, describe(again)
    assert (
        again.stderr.strip()
        == f"wirecrawl: {existing} has a source named 'stadtbote' already (--name NAME names this one)"
    )
    assert existing.read_bytes() == before


def test_append_refuses_an_invalid_file_and_leaves_it_alone(served, tmp_path):
    broken = tmp_path / "sources.toml"
    broken.write_text('[[sources]]\nname = "half\n', encoding="utf-8")
    proc = run_cli("sources", "add", served.url("stadtbote", "/"), "--append", broken, *FAST, cwd=tmp_path)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and "TOML syntax error" in proc.stderr
    assert broken.read_text(encoding="utf-8") == '[[sources]]\nname = "half\n'


@pytest.mark.parametrize(
    ("site", "message"),
    [
        ("bare", "wirecrawl: no feed or sitemap found on {url} ("),
        (None, "wirecrawl: cannot read {url}: "),
    ],
    ids=["nothing-found", "unreachable"],
)
def test_nothing_found_is_one_line_and_exit_2(served, tmp_path, site, message):
    url = served.url(site, "/") if site else "http://127.0.0.1:9/"
    proc = run_cli("sources", "add", url, *FAST, "-s", "BACKOFF_BASE_DELAY=0.05", cwd=tmp_path)
    assert proc.returncode == 2, describe(proc)
    assert proc.stderr.startswith(message.format(url=url)) and len(proc.stderr.splitlines()) == 1, describe(proc)
    assert proc.stdout == "" and list(tmp_path.iterdir()) == []


def test_append_to_a_file_in_a_missing_directory_is_refused_at_once(served, tmp_path):
    target = tmp_path / "missing" / "sources.toml"
    proc = run_cli("sources", "add", served.url("stadtbote", "/"), "--append", target, *FAST, cwd=tmp_path)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, describe(proc)
    assert proc.stderr == f"wirecrawl: --append {target}: no directory {target.parent}\n", describe(proc)
    assert list(tmp_path.iterdir()) == []
