"""Serve in-memory websites on 127.0.0.1: the demo news network and the test suite's sites.

Each :class:`Site` gets its own port, so each is a distinct site (origin) to the crawler.
Pages are rendered once every site's address is known, so a page can link to any site of
the network (syndicated copies pointing at their original, feeds listing absolute URLs).
"""

from __future__ import annotations

import itertools
import os
import selectors
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

__all__ = ["LocalSites", "Page", "Site", "ServedRequest"]

#: Ports where nothing listens, for :meth:`LocalSites.unused_url`: below 1024, so no server of
#: ours takes one (they bind port 0, which the system picks from the ephemeral range), and old
#: inetd services (discard, tcpmux, ...) that no machine runs today.
_REFUSING_PORTS = itertools.cycle((9, 1, 3, 5, 11, 15, 19))


@dataclass
class Page:
    """One response: body, content type, status and extra headers."""

    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a slow feed, a slow page)
    hold: threading.Event | None = None  # answer only once this is set (a page a test holds back)
    # Misbehaviour, for fault-injection tests:
    stream: Callable[[], Iterator[bytes]] | None = None  # body sent chunk by chunk, no Content-Length
    stall: float = 0.0  # after the headers and half the body, wait this long (a page that never ends)
    reset: bool = False  # read the request, then reset the connection without answering
    then: Page | None = None  # served instead of this page from the next request on (a server recovering)
    # Validators: sent with the page; a request presenting a matching one gets 304 Not Modified.
    etag: str | None = None
    last_modified: str | None = None

    def not_modified(self, if_none_match: str | None, if_modified_since: str | None) -> bool:
        """Whether a conditional request with these headers is answered 304."""
        if self.etag and if_none_match:
            return self.etag in [tag.strip() for tag in if_none_match.split(",")]
        return bool(self.last_modified and if_modified_since == self.last_modified)

    def validator_headers(self) -> dict[str, str]:
        """The ETag and Last-Modified headers the page is sent with."""
        headers = {"ETag": self.etag, "Last-Modified": self.last_modified}
        return {name: value for name, value in headers.items() if value}

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
    host: str | None = None  # the loopback address it is served on; None: the :class:`LocalSites`' host


@dataclass(frozen=True)
class ServedRequest:
    """A request one of the sites received."""

    site: str
    method: str
    path: str
    user_agent: str
    status: int = 200  # what it was answered (0: no answer)
    at: float = 0.0  # when it arrived (time.monotonic())


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # Python's default backlog of 5 drops connections under a concurrent crawl.
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        """A client hanging up (a crawler refusing an oversized page) is not worth a traceback."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class LocalSites:
    """Serve sites on 127.0.0.1 (or each on its :attr:`Site.host`), one port each, as a context manager.

    One thread accepts the connections of every site (thousands of sites need no thousands of
    idle threads); each connection is answered in a thread of its own.

    Example::

        with LocalSites([Site("news", render)]) as sites:
            feed = sites.url("news", "/rss.xml")
    """

    def __init__(self, sites: Iterable[Site], host: str = "127.0.0.1") -> None:
        self._sites = list(sites)
        self._host = host
        self._servers: dict[str, _Server] = {}
        self._pages: dict[str, dict[str, Page]] = {}
        self._lock = threading.Lock()
        self._wakeup = os.pipe()  # written to stop the accepting thread
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self.requests: list[ServedRequest] = []

    def __enter__(self) -> LocalSites:
        for site in self._sites:
            self._servers[site.name] = _Server((site.host or self._host, 0), self._handler_for(site.name))
        for site in self._sites:
            self._pages[site.name] = dict(site.render(self.addresses))
        self._accepting.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        os.write(self._wakeup[1], b"x")
        self._accepting.join()
        for server in self._servers.values():
            server.server_close()
        for end in self._wakeup:
            os.close(end)

    def _accept(self) -> None:
        """Hand each new connection to its site's server until :meth:`__exit__` wakes this up."""
        with selectors.DefaultSelector() as selector:
            selector.register(self._wakeup[0], selectors.EVENT_READ)
            for server in self._servers.values():
                selector.register(server, selectors.EVENT_READ, server)
            while True:
                for key, _ in selector.select():
                    if key.data is None:
                        return
                    key.data._handle_request_noblock()  # what serve_forever does when a connection waits

    @property
    def addresses(self) -> dict[str, str]:
        """Base URL of every site, by name."""
        return {name: self.url(name) for name in self._servers}

    def url(self, site: str, path: str = "/") -> str:
        """Absolute URL of ``path`` on ``site``."""
        host, port = self._servers[site].server_address[:2]
        return f"http://{host}:{port}{path}"

    def unused_url(self, path: str = "/") -> str:
        """A URL on this host where nothing listens: connecting to it is refused. Each call gives
        another port (another site), one that no server started meanwhile can take: a port once
        free in the ephemeral range could be bound again by this process or another one."""
        return f"http://{self._host}:{next(_REFUSING_PORTS)}{path}"

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
                pages = network._pages[site]
                with network._lock:
                    key = self.path if self.path in pages else urlsplit(self.path).path
                    page = pages.get(key)
                    if page is not None and page.then is not None:
                        pages[key] = page.then
                if page is None:
                    page = Page("<html><body><h1>Not found</h1></body></html>", status=404)
                if page.not_modified(self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")):
                    page = Page(b"", status=304, headers=page.validator_headers())
                status = 0 if page.reset else page.status
                with network._lock:
                    network.requests.append(
                        ServedRequest(
                            site, "GET", self.path, self.headers.get("User-Agent", ""), status, time.monotonic()
                        )
                    )
                if page.delay:
                    time.sleep(page.delay)
                if page.hold is not None:
                    page.hold.wait()
                if page.reset:
                    # SO_LINGER 0: close() sends RST, as a crashing server or a firewall does.
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return
                body = page.body_bytes()
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                if page.stream is None:
                    self.send_header("Content-Length", str(len(body)))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                for name, value in {**page.validator_headers(), **page.headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                if page.stream is not None:
                    for chunk in page.stream():
                        self.wfile.write(chunk)
                    return
                if page.stall:
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    time.sleep(page.stall)
                    body = body[len(body) // 2 :]
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                """Silence the per-request log lines on stderr."""

        return Handler
