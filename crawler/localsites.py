"""Serve in-memory websites on 127.0.0.1: the demo news network and the test suite's sites.

Each :class:`Site` gets its own port, so each is a distinct site (origin) to the crawler.
Pages are rendered once every site's address is known, so a page can link to any site of
the network (syndicated copies pointing at their original, feeds listing absolute URLs).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

__all__ = ["LocalSites", "Page", "Site", "ServedRequest"]


@dataclass
class Page:
    """One response: body, content type, status and extra headers."""

    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a slow feed, a slow page)

    def body_bytes(self) -> bytes:
        """The body as sent: ``str`` bodies are encoded with the content type's charset."""
        if isinstance(self.body, bytes):
            return self.body
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        return self.body.encode(charset)


#: Renders a site's pages (path, with query string if any -> Page) from every site's base URL.
PageRenderer = Callable[[Mapping[str, str]], Mapping[str, Page]]


@dataclass
class Site:
    """A named website whose pages are rendered from the network's addresses."""

    name: str
    render: PageRenderer


@dataclass(frozen=True)
class ServedRequest:
    """A request one of the sites received."""

    site: str
    method: str
    path: str
    user_agent: str


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # Python's default backlog of 5 drops connections under a concurrent crawl.
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        """A client hanging up (a crawler refusing an oversized page) is not worth a traceback."""
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class LocalSites:
    """Serve sites on 127.0.0.1, one port each, as a context manager.

    Example::

        with LocalSites([Site("news", render)]) as sites:
            feed = sites.url("news", "/rss.xml")
    """

    def __init__(self, sites: Iterable[Site], host: str = "127.0.0.1") -> None:
        self._sites = list(sites)
        self._host = host
        self._servers: dict[str, _Server] = {}
        self._pages: dict[str, Mapping[str, Page]] = {}
        self._lock = threading.Lock()
        self.requests: list[ServedRequest] = []

    def __enter__(self) -> LocalSites:
        for site in self._sites:
            self._servers[site.name] = _Server((self._host, 0), self._handler_for(site.name))
        for site in self._sites:
            self._pages[site.name] = dict(site.render(self.addresses))
        for server in self._servers.values():
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        for server in self._servers.values():
            server.shutdown()
            server.server_close()

    @property
    def addresses(self) -> dict[str, str]:
        """Base URL of every site, by name."""
        return {name: self.url(name) for name in self._servers}

    def url(self, site: str, path: str = "/") -> str:
        """Absolute URL of ``path`` on ``site``."""
        host, port = self._servers[site].server_address[:2]
        return f"http://{host}:{port}{path}"

    def requested_paths(self, site: str | None = None) -> list[str]:
        """Paths requested so far, optionally of one site only, in order."""
        with self._lock:
            return [r.path for r in self.requests if site is None or r.site == site]

    def clear_requests(self) -> None:
        """Forget the requests recorded so far."""
        with self._lock:
            self.requests.clear()

    def _handler_for(self, site: str) -> type[BaseHTTPRequestHandler]:
        network = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                with network._lock:
                    network.requests.append(
                        ServedRequest(site, "GET", self.path, self.headers.get("User-Agent", ""))
                    )
                pages = network._pages[site]
                page = pages.get(self.path) or pages.get(urlsplit(self.path).path)
                if page is None:
                    page = Page("<html><body><h1>Not found</h1></body></html>", status=404)
                if page.delay:
                    time.sleep(page.delay)
                body = page.body_bytes()
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in page.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                """Silence the per-request log lines on stderr."""

        return Handler
