"""The sources file: valid files load, every kind of bad file is refused with a clear message."""

import pytest

from crawler.config import SourcesError, append_sources, dump_sources, load_sources, parse_sources, source_name

GOOD = {
    "name": "example-news",
    "feeds": ["https://example.com/rss.xml"],
    "sitemaps": ["https://example.com/robots.txt"],
    "start_urls": ["https://example.com/news/"],
    "follow": r"/news/(page/\d+/)?$",
    "allow": r"/\d{4}/\d{2}/",
    "deny": "/(tag|author)/",
    "language": "en",
    "proxy": "http://proxy.example:3128",
    "settings": {"DOWNLOAD_DELAY": 2, "USER_AGENT": "test"},
}


def test_every_key_of_the_contract_loads(tmp_path):
    file = tmp_path / "sources.toml"
    file.write_text(dump_sources([GOOD, {"name": "other", "feeds": ["http://b.example/feed"]}]))
    first, second = load_sources(file)
    assert first.name == "example-news"
    assert first.feeds == ("https://example.com/rss.xml",)
    assert first.settings == {"DOWNLOAD_DELAY": 2, "USER_AGENT": "test"}
    assert first.is_article_url("https://example.com/2026/11/story")
    assert not first.is_article_url("https://example.com/2026/11/tag/x")
    assert not first.is_article_url("https://example.com/about")
    assert second.allow is None and second.is_article_url("http://b.example/anything")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"name": None}, "key 'name' is missing"),
        ({"name": "Bad Name"}, "key 'name'"),
        ({"colour": "red"}, "source 'example-news': key 'colour': unknown key"),
        ({"feeds": ["not a url"]}, "key 'feeds': 'not a url' is not an http(s) URL"),
        ({"sitemaps": "ftp://example.com/s.xml"}, "key 'sitemaps'"),
        ({"allow": "(unclosed"}, "key 'allow': invalid regular expression"),
        ({"deny": "[z-a]"}, "key 'deny': invalid regular expression"),
        ({"language": "English"}, "key 'language'"),
        ({"proxy": "proxy:3128"}, "key 'proxy'"),
        ({"settings": {"download_delay": 1}}, "key 'settings'"),
        (
            {"settings": {"DOWNLOAD_DELAY": "fast"}},
            "source 'example-news': key 'settings': setting DOWNLOAD_DELAY='fast' is not a number",
        ),
        (
            {"settings": {"DOWNLOAD_DELAI": 2}},
            "key 'settings': unknown setting DOWNLOAD_DELAI (did you mean DOWNLOAD_DELAY?)",
        ),
        ({"settings": {"EXTRACT_FAVOR": "speed"}}, "key 'settings': setting EXTRACT_FAVOR='speed' is not one of"),
        ({"feeds": [], "sitemaps": [], "start_urls": []}, "at least one of feeds, sitemaps or start_urls"),
    ],
)
def test_bad_source_is_refused_naming_source_and_key(change, expected):
    table = {key: value for key, value in {**GOOD, **change}.items() if value is not None}
    with pytest.raises(SourcesError, match=None) as refused:
        parse_sources({"sources": [table]})
    assert expected in str(refused.value)


def test_duplicate_names_are_refused():
    with pytest.raises(SourcesError, match="source 'example-news': key 'name': duplicate name"):
        parse_sources({"sources": [GOOD, GOOD]})


def test_toml_syntax_error_names_the_file(tmp_path):
    file = tmp_path / "sources.toml"
    file.write_text('[[sources]]\nname = "a\n')
    with pytest.raises(SourcesError, match="TOML syntax error"):
        load_sources(file)


def test_missing_file_points_to_the_example(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WIRECRAWL_SOURCES", raising=False)
    with pytest.raises(SourcesError, match="publishers.example.toml"):
        load_sources()


def test_environment_variable_names_the_file(tmp_path, monkeypatch):
    file = tmp_path / "elsewhere.toml"
    file.write_text(dump_sources([{"name": "env-source", "feeds": ["https://e.example/rss"]}]))
    monkeypatch.setenv("WIRECRAWL_SOURCES", str(file))
    assert [source.name for source in load_sources()] == ["env-source"]


def test_shipped_example_file_is_valid():
    from pathlib import Path

    sources = load_sources(Path(__file__).parents[2] / "publishers.example.toml")
    assert len({source.name for source in sources}) == len(sources)


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.example.co.uk/news/", "example-co-uk"),
        ("http://127.0.0.1:8001/", "127-0-0-1"),
        ("https://Nachrichten.Example.DE", "nachrichten-example-de"),
    ],
)
def test_a_source_is_named_after_its_host(url, name):
    assert source_name(url) == name


def test_append_adds_a_source_and_keeps_what_was_there(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('# my sources\n[[sources]]\nname = "a"\nfeeds = ["https://a.example/rss"]\n', encoding="utf-8")
    append_sources(path, [{"name": "b", "sitemaps": ["https://b.example/sitemap.xml"], "language": "de"}])
    assert [source.name for source in load_sources(path)] == ["a", "b"]
    assert path.read_text(encoding="utf-8").startswith('# my sources\n[[sources]]\nname = "a"')
    append_sources(tmp_path / "new.toml", [{"name": "c", "feeds": ["https://c.example/rss"]}])
    assert [source.name for source in load_sources(tmp_path / "new.toml")] == ["c"]


@pytest.mark.parametrize(
    ("existing", "table", "expected"),
    [
        (
            '[[sources]]\nname = "a"\nfeeds = ["https://a.example/rss"]\n',
            {"name": "a", "feeds": ["https://x.example/rss"]},
            "duplicate name",
        ),
        ('[[sources]]\nname = "a\n', {"name": "b", "feeds": ["https://b.example/rss"]}, "TOML syntax error"),
        ('[[sources]]\nname = "a"\n', {"name": "b", "feeds": ["https://b.example/rss"]}, "source 'a'"),
        ("", {"name": "b", "feeds": ["not a url"]}, "key 'feeds'"),
    ],
    ids=["duplicate", "broken-file", "invalid-file", "invalid-block"],
)
def test_append_refuses_a_result_that_is_not_valid_and_leaves_the_file(tmp_path, existing, table, expected):
    path = tmp_path / "sources.toml"
    path.write_text(existing, encoding="utf-8")
    with pytest.raises(SourcesError, match=expected):
        append_sources(path, [table])
    assert path.read_text(encoding="utf-8") == existing
    assert [file.name for file in tmp_path.iterdir()] == ["sources.toml"]  # no temporary file left
