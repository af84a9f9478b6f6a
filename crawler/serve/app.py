"""`wirecrawl serve`: Datasette over the corpus, with the metadata and canned queries in
``crawler/serve/``. Datasette is an optional extra, imported only here."""

from __future__ import annotations

import asyncio
import socket
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from crawler.serve import DATABASE_NAME
from storage.corpus import open_read_only, serves_live

if TYPE_CHECKING:
    from datasette.app import Datasette

__all__ = ["DatasetteMissing", "corpus_datasette", "listen", "serve"]

CONFIG_DIR = Path(__file__).parent
#: Long texts are cut in table and query views (a row page always shows the whole article), and
#: facets list their 5 largest values, so the rows start near the top of a table's page; the facets
#: offered are metadata.yml's (Datasette's suggestions offered titles, texts and hashes).
SETTINGS = {"truncate_cells_html": 160, "default_facet_size": 5, "suggest_facets": False}
INSTALL_HINT = (
    "datasette is not installed: pip install 'wirecrawl[serve]' (in a checkout: .venv/bin/pip install -e '.[serve]')"
)


class DatasetteMissing(RuntimeError):
    """The optional ``datasette`` dependency is not installed."""


def corpus_datasette(db: Path, plugin: str) -> Datasette:
    """A Datasette instance serving the corpus ``db`` read-only, as database ``corpus``, with the
    hooks of the module named ``plugin`` (the command line names it: the app does not depend on
    what its pages compute with); like the
    reading commands it never changes the file (:func:`storage.corpus.open_read_only`), and it
    shows what a crawl commits while it serves (:func:`storage.corpus.serves_live`).

    Raises :class:`storage.corpus.CorpusError` when ``db`` is not a corpus, and
    :class:`DatasetteMissing` without datasette.
    """
    try:
        from datasette.app import Datasette
        from datasette.database import Database
        from datasette.plugins import pm
        from datasette.utils import parse_metadata

        hooks = import_module(plugin)
    except ImportError:
        raise DatasetteMissing(INSTALL_HINT) from None

    open_read_only(db).close()  # refuses a missing file, another database, an older schema
    if not pm.is_registered(hooks):
        pm.register(hooks, name="wirecrawl")
    datasette = Datasette(
        metadata=parse_metadata((CONFIG_DIR / "metadata.yml").read_text(encoding="utf-8")),
        static_mounts=[("wirecrawl-static", str(CONFIG_DIR / "static"))],
        template_dir=str(CONFIG_DIR / "templates"),
        settings=SETTINGS,
    )
    # Datasette's immutable mode is SQLite's immutable=1, its mutable one mode=ro: as storage/ decides.
    datasette.add_database(Database(datasette, path=str(db), is_mutable=serves_live(db)), name=DATABASE_NAME)
    datasette.remove_database("_memory")
    return datasette


def listen(port: int, host: str = "127.0.0.1") -> socket.socket:
    """A socket listening on host:port (port 0: a free one, see its ``getsockname()``), taken before
    anything is served; raises OSError when the port cannot be had (in use, privileged)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: no wait after a restart
        sock.bind((host, port))
        sock.listen()  # connections wait in the backlog until uvicorn accepts them
    except OSError:
        sock.close()
        raise
    return sock


def serve(datasette: Datasette, sock: socket.socket) -> None:
    """Serve ``datasette`` on the bound socket ``sock`` until interrupted."""
    import uvicorn

    asyncio.run(datasette.invoke_startup())
    uvicorn.Server(uvicorn.Config(datasette.app(), log_level="warning", lifespan="on")).run(sockets=[sock])
