"""Memory over a long crawl: does the crawl's memory stay flat as pages are crawled?

Usage: .venv/bin/python -m benchmarks.memory [--pages 100000]

Serves ``--pages`` small generated articles (distinct texts, ~6 KB of HTML each, so the run
is quick) from a sitemap index on 127.0.0.1, crawls them with ``wirecrawl crawl`` (politeness
off for loopback), and prints the memory (PSS) of the crawl process and of its workers, and
the corpus size, at every tenth of the pages stored. Memory that grows with pages crawled
would show as a rising column; the corpus (on disk) is expected to grow.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks.throughput import ProcessTree, crawl_command, stored_articles
from crawler.config import dump_sources
from crawler.testing.machine_readable import sitemap_index, urlset

PER_SITEMAP = 1000
WORDS = (
    "council harbour ferry budget tram school bridge market river storm museum festival port union station "
    "library mayor court hospital farmers fishermen airport tunnel housing energy water police workers teachers "
    "nurses students planners engineers residents visitors traders drivers approved rejected delayed announced "
    "opened closed expanded reduced funding plan project report study survey vote meeting talks deal strike "
    "protest season record rain flood drought heat winter summer spring autumn morning evening week month year "
    "city town village region county district coast valley island north south east west central old new"
).split()


def article(number: int) -> bytes:
    """Article ``number``: a headline and five paragraphs of its own, in a small news page."""
    rng = random.Random(number)
    title = " ".join(rng.choice(WORDS) for _ in range(7)).capitalize()
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 70))).capitalize() + ".</p>" for _ in range(5)
    )
    nav = "".join(f'<a href="/section/{word}">{word}</a> ' for word in WORDS[:40])
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:type' content='article'></head><body><nav>{nav}</nav><main><article>"
        f"<h1>{title}</h1><time datetime='2026-11-{1 + number % 28:02d}'>Nov</time>{paragraphs}</article></main>"
        f"<footer>{nav}</footer></body></html>"
    ).encode()


def serve(pages: int) -> ThreadingHTTPServer:
    """A server generating the sitemap index, its sitemaps and the articles on request."""
    sitemaps = (pages + PER_SITEMAP - 1) // PER_SITEMAP

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            base = f"http://127.0.0.1:{self.server.server_port}"
            body, kind = b"", "text/html; charset=utf-8"
            if self.path == "/robots.txt":
                body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path == "/sitemap.xml":
                index = sitemap_index([f"{base}/sitemaps/{k}.xml" for k in range(sitemaps)], lastmod=None)
                body, kind = index.encode(), "application/xml"
            elif self.path.startswith("/sitemaps/"):
                first = int(self.path.split("/")[-1].split(".")[0]) * PER_SITEMAP
                urls = [(f"{base}/a/{n}.html", None) for n in range(first, min(first + PER_SITEMAP, pages))]
                body, kind = urlset(urls).encode(), "application/xml"
            elif self.path.startswith("/a/"):
                body = article(int(self.path.split("/")[-1].split(".")[0]))
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.request_queue_size = 128
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000, help="articles served and crawled")
    args = parser.parse_args()
    server = serve(args.pages)
    with tempfile.TemporaryDirectory(prefix="wirecrawl-memory-") as tmp:
        work = Path(tmp)
        sources = work / "sources.toml"
        sitemap = f"http://127.0.0.1:{server.server_port}/sitemap.xml"
        sources.write_text(dump_sources([{"name": "memory", "sitemaps": [sitemap], "allow": "/a/"}]), encoding="utf-8")
        db = work / "memory.db"
        command = crawl_command(sources, db)
        print(f"{args.pages} pages; memory is PSS (shared pages counted once)")
        print(f"{'stored':>8} {'minutes':>8} {'crawl MB':>9} {'workers MB':>11} {'corpus MB':>10}")
        started, next_mark = time.monotonic(), 1
        log = work / "crawl.log"
        with log.open("w") as stderr, subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr) as proc:
            tree = ProcessTree(proc.pid, interval=2.0)
            while proc.poll() is None:
                time.sleep(2.0)
                count = stored_articles(db)
                if count >= next_mark * args.pages // 10:
                    size = sum(path.stat().st_size for path in work.glob("memory.db*")) / 2**20
                    print(
                        f"{count:8} {(time.monotonic() - started) / 60:8.1f} {tree.root_rss / 2**20:9.0f} "
                        f"{tree.descendants_rss / 2**20:11.0f} {size:10.0f}",
                        flush=True,
                    )
                    next_mark = count * 10 // args.pages + 1
            tree.stop()
        print(f"exit {proc.returncode}, {stored_articles(db)} articles stored, peak {tree.peak_rss / 2**20:.0f} MB")
        if proc.returncode:
            print(log.read_text()[-2000:])
    server.shutdown()


if __name__ == "__main__":
    main()
