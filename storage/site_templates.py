"""Site templates: per site, on how many pages each body block and each structural slot was seen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlite_utils import Database

__all__ = ["SiteBlocks"]


class SiteBlocks:
    """The site block and slot counts of a :class:`storage.corpus.Corpus` (a part of it, sharing its connection)."""

    _db: Database  # the corpus's connection (see storage.corpus.Corpus)

    def site_block_pages(self, site: str, blocks: Iterable[str]) -> dict[str, int]:
        """Those of ``blocks`` already seen on pages of ``site``, with how many pages each."""
        blocks = list(dict.fromkeys(blocks))
        if not blocks:
            return {}
        rows = self._db.execute(
            f"SELECT block, pages FROM site_blocks WHERE site = ? AND block IN ({', '.join('?' * len(blocks))})",
            [site, *blocks],
        ).fetchall()
        return dict(rows)

    def record_site_blocks(self, site: str, blocks: Iterable[str], page_url: str) -> None:
        """Count the page at ``page_url`` for each of its distinct blocks, unless it was counted before."""
        with self._db.atomic():
            if not self._db.execute("INSERT OR IGNORE INTO site_block_pages (url) VALUES (?)", [page_url]).rowcount:
                return
            self._db.conn.executemany(
                """INSERT INTO site_blocks (site, block, pages) VALUES (?, ?, 1)
                   ON CONFLICT (site, block) DO UPDATE SET pages = pages + 1""",
                [(site, block) for block in dict.fromkeys(blocks)],
            )

    def site_slot_counts(self, site: str, slots: Iterable[str]) -> dict[str, tuple[int, int, float]]:
        """Those of ``slots`` already seen on pages of ``site``: (pages, pages as the story stream,
        summed share of the body's text)."""
        slots = list(dict.fromkeys(slots))
        if not slots:
            return {}
        rows = self._db.execute(
            f"""SELECT slot, pages, stream_pages, share FROM site_slots
                WHERE site = ? AND slot IN ({", ".join("?" * len(slots))})""",
            [site, *slots],
        ).fetchall()
        return {slot: (pages, stream, share) for slot, pages, stream, share in rows}

    def record_site_slots(self, site: str, slots: Mapping[str, tuple[bool, float]], page_url: str) -> None:
        """Count the page at ``page_url`` for each of its slots (slot -> (held the story stream,
        share of the body's text)), unless it was counted before."""
        with self._db.atomic():
            if not self._db.execute("INSERT OR IGNORE INTO site_slot_pages (url) VALUES (?)", [page_url]).rowcount:
                return
            self._db.conn.executemany(
                """INSERT INTO site_slots (site, slot, pages, stream_pages, share) VALUES (?, ?, 1, ?, ?)
                   ON CONFLICT (site, slot) DO UPDATE SET pages = pages + 1,
                       stream_pages = stream_pages + excluded.stream_pages, share = share + excluded.share""",
                [(site, slot, int(stream), share) for slot, (stream, share) in slots.items()],
            )
