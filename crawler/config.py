"""The sources file: which sites to crawl and how, declared in TOML.

Every problem is reported as a :class:`SourcesError` naming the source and the key, before
any request is made.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.web.urls import same_site

__all__ = [
    "Source",
    "SourcesError",
    "append_sources",
    "dump_sources",
    "load_sources",
    "parse_sources",
    "source_name",
    "sources_path",
]

DEFAULT_SOURCES_FILE = "sources.toml"
DEFAULT_CORPUS_FILE = "corpus.db"
EXAMPLE_SOURCES_FILE = "publishers.example.toml"
NAME_PATTERN = re.compile(r"^[a-z0-9_-]+$")
URL_KEYS = ("feeds", "sitemaps", "start_urls")
REGEX_KEYS = ("follow", "allow", "deny")
KNOWN_KEYS = {"name", *URL_KEYS, *REGEX_KEYS, "language", "languages", "proxy", "settings"}
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}$")


class SourcesError(ValueError):
    """The sources file is missing or invalid; the message says where and why."""


@dataclass(frozen=True)
class Source:
    """One declared site: where to discover its articles and how to crawl it."""

    name: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    follow: re.Pattern[str] | None = None
    allow: re.Pattern[str] | None = None
    deny: re.Pattern[str] | None = None
    language: str | None = None
    languages: tuple[str, ...] = ()  # keep only articles in these languages (empty: all)
    proxy: str | None = None
    settings: dict[str, Any] = field(default_factory=dict, hash=False)

    def declares_site_of(self, url: str) -> bool:
        """Whether ``url`` is on the site of one of this source's feeds, sitemaps or listing pages."""
        return any(same_site(url, declared) for declared in (*self.feeds, *self.sitemaps, *self.start_urls))

    def as_dict(self) -> dict[str, Any]:
        """The source as plain data, its patterns as written (``wirecrawl sources --json``)."""
        return {key: value.pattern if isinstance(value, re.Pattern) else value for key, value in vars(self).items()}

    def is_article_url(self, url: str) -> bool:
        """Whether ``url`` passes this source's ``allow``/``deny`` filters."""
        if self.deny is not None and self.deny.search(url):
            return False
        return self.allow is None or bool(self.allow.search(url))


def sources_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The sources file to use: ``path``, else ``$WIRECRAWL_SOURCES``, else ./sources.toml."""
    return Path(path or os.environ.get("WIRECRAWL_SOURCES") or DEFAULT_SOURCES_FILE)


def corpus_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The corpus to use: ``path``, else ``$WIRECRAWL_DB``, else ./corpus.db."""
    return Path(path or os.environ.get("WIRECRAWL_DB") or DEFAULT_CORPUS_FILE)


def load_sources(path: str | os.PathLike[str] | None = None) -> list[Source]:
    """Read and validate the sources file."""
    file = sources_path(path)
    if not file.is_file():
        raise SourcesError(
            f"no sources file at {file}: write one with `wirecrawl sources add URL --append {DEFAULT_SOURCES_FILE}` "
            f"(examples of real publishers: {EXAMPLE_SOURCES_FILE}), or pass --sources FILE (or set WIRECRAWL_SOURCES)"
        )
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise SourcesError(f"{file}: not UTF-8 text ({error.reason})") from None
    except tomllib.TOMLDecodeError as error:
        raise SourcesError(f"{file}: TOML syntax error: {error}") from None
    return parse_sources(data, origin=str(file))


def parse_sources(data: dict[str, Any], origin: str = "sources") -> list[Source]:
    """Validate parsed TOML (``{"sources": [...]}``) into sources."""
    unknown = set(data) - {"sources"}
    if unknown:
        raise SourcesError(f"{origin}: unknown top-level key {sorted(unknown)[0]!r} (expected [[sources]])")
    tables = data.get("sources")
    if not isinstance(tables, list) or not tables:
        raise SourcesError(f"{origin}: no sources declared (add a [[sources]] table)")
    sources: list[Source] = []
    seen: set[str] = set()
    for index, table in enumerate(tables, start=1):
        if not isinstance(table, dict):
            raise SourcesError(f"{origin}: sources entry #{index} is not a table")
        source = _parse_source(table, origin, index)
        if source.name in seen:
            raise SourcesError(f"{origin}: source {source.name!r}: key 'name': duplicate name")
        seen.add(source.name)
        sources.append(source)
    return sources


def _parse_source(table: dict[str, Any], origin: str, index: int) -> Source:
    from crawler.setting_checks import check_setting  # late: it reads crawler.settings, which imports this module

    name = table.get("name")
    if name is None:
        raise SourcesError(f"{origin}: source #{index}: key 'name' is missing")
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise SourcesError(f"{origin}: source #{index}: key 'name': {name!r} must match [a-z0-9_-]+")
    where = f"{origin}: source {name!r}"

    def fail(key: str, problem: str) -> SourcesError:
        return SourcesError(f"{where}: key {key!r}: {problem}")

    for key in table:
        if key not in KNOWN_KEYS:
            raise fail(key, f"unknown key (known: {', '.join(sorted(KNOWN_KEYS))})")

    urls: dict[str, tuple[str, ...]] = {}
    for key in URL_KEYS:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of URLs")
        for url in value:
            if not _is_http_url(url):
                raise fail(key, f"{url!r} is not an http(s) URL")
        urls[key] = tuple(value)
    if not any(urls.values()):
        raise fail("feeds", "a source needs at least one of feeds, sitemaps or start_urls")

    patterns: dict[str, re.Pattern[str] | None] = {}
    for key in REGEX_KEYS:
        value = table.get(key)
        if value is None:
            patterns[key] = None
            continue
        if not isinstance(value, str):
            raise fail(key, "must be a regular expression string")
        try:
            patterns[key] = re.compile(value)
        except re.error as error:
            raise fail(key, f"invalid regular expression {value!r}: {error}") from None

    language = table.get("language")
    if language is not None and (not isinstance(language, str) or not LANGUAGE_PATTERN.match(language)):
        raise fail("language", f"{language!r} is not an ISO 639-1 code such as 'en'")
    languages = table.get("languages", [])
    if not isinstance(languages, list) or not all(isinstance(v, str) and LANGUAGE_PATTERN.match(v) for v in languages):
        raise fail("languages", f"{languages!r} is not a list of ISO 639-1 codes such as ['en', 'de']")
    proxy = table.get("proxy")
    if proxy is not None and (not isinstance(proxy, str) or not _is_http_url(proxy)):
        raise fail("proxy", f"{proxy!r} is not a proxy URL such as 'http://proxy.example:3128'")
    settings = table.get("settings", {})
    if not isinstance(settings, dict):
        raise fail("settings", "must be a table of Scrapy settings")
    for setting, setting_value in settings.items():
        if not re.match(r"^[A-Z][A-Z0-9_]*$", setting):
            raise fail("settings", f"{setting!r} is not a Scrapy setting name (UPPER_CASE)")
        try:
            check_setting(setting, setting_value)
        except ValueError as error:
            raise fail("settings", str(error)) from None

    return Source(
        name=name,
        feeds=urls["feeds"],
        sitemaps=urls["sitemaps"],
        start_urls=urls["start_urls"],
        follow=patterns["follow"],
        allow=patterns["allow"],
        deny=patterns["deny"],
        language=language,
        languages=tuple(languages),
        proxy=proxy,
        settings=dict(settings),
    )


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url


def dump_sources(tables: list[dict[str, Any]]) -> str:
    """Sources-file TOML for source tables (strings, numbers, lists, a ``settings`` table)."""

    def value(item: Any) -> str:
        if isinstance(item, bool):
            return "true" if item else "false"
        if isinstance(item, (int, float)):
            return repr(item)
        if isinstance(item, str):
            return json.dumps(item, ensure_ascii=False)  # JSON string escapes are valid TOML
        if isinstance(item, (list, tuple)):
            return "[" + ", ".join(value(v) for v in item) + "]"
        raise TypeError(f"cannot write {type(item).__name__} to a sources file")

    def key(name: str) -> str:
        return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name, ensure_ascii=False)

    blocks = []
    for table in tables:
        lines = ["[[sources]]"]
        lines += [f"{key(k)} = {value(v)}" for k, v in table.items() if not isinstance(v, dict)]
        for name, sub_table in ((k, v) for k, v in table.items() if isinstance(v, dict)):
            lines.append(f"[sources.{key(name)}]")
            lines += [f"{key(k)} = {value(v)}" for k, v in sub_table.items()]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def source_name(url: str) -> str:
    """A source name for the site at ``url``: its host without ``www.``, as [a-z0-9_-]+ (``www.example.co.uk`` -> ``example-co-uk``)."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return re.sub(r"[^a-z0-9_-]+", "-", host.lower()).strip("-") or "source"


def append_sources(path: Path, tables: list[dict[str, Any]]) -> None:
    """Add source tables at the end of the sources file at ``path`` (created if missing).

    The file is written only if the result is a valid sources file (:class:`SourcesError`
    otherwise: a duplicate name, an invalid file already), and atomically: a new file
    takes the old one's place, so a failure leaves the old one as it was.
    """
    try:
        old = path.read_text(encoding="utf-8") if path.exists() else ""
    except UnicodeDecodeError as error:
        raise SourcesError(f"{path}: not UTF-8 text ({error.reason})") from None
    new = (old.rstrip("\n") + "\n\n" if old.strip() else "") + dump_sources(tables)
    try:
        parse_sources(tomllib.loads(new), origin=str(path))
    except tomllib.TOMLDecodeError as error:
        raise SourcesError(f"{path}: TOML syntax error: {error}") from None
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(new, encoding="utf-8")
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except OSError as error:
        raise SourcesError(f"{path}: cannot be written ({error.strerror})") from None
    finally:
        temporary.unlink(missing_ok=True)
