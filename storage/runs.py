"""Crawl runs: when each ran, how it ended, and each source's counts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from storage.clock import utc_now

__all__ = ["RunLog"]


class RunLog:
    """The crawl runs of a :class:`storage.corpus.Corpus` (a part of it, sharing its connection)."""

    _db: Database  # the corpus's connection (see storage.corpus.Corpus)

    def start_run(self, sources: Iterable[str]) -> int:
        """Record the start of a crawl run; returns its id."""
        with self._db.atomic():
            (first_article_id,) = self._db.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()
            return (
                self._db["crawl_runs"]
                .insert(
                    {
                        "started": utc_now(),
                        "sources": json.dumps(list(sources)),
                        "status": "running",
                        "first_article_id": first_article_id,
                    }
                )
                .last_pk
            )

    def record_run_source(self, run_id: int, source: str, counts: Mapping[str, Any]) -> None:
        """Add one source's counts to a run (its own row and the run's totals)."""
        totals = ("pages_fetched", "articles_added", "duplicates", "dropped", "errors")
        row = {key: int(counts.get(key, 0)) for key in (*totals, "skipped_stored")}
        with self._db.atomic():
            self._db["crawl_run_sources"].upsert(
                {
                    "run_id": run_id,
                    "source": source,
                    **row,
                    "finish_reason": counts.get("finish_reason"),
                    "counts": json.dumps(counts.get("stats", {}), sort_keys=True),
                },
                pk=("run_id", "source"),
            )
            self._db.execute(
                f"UPDATE crawl_runs SET {', '.join(f'{k} = {k} + :{k}' for k in totals)} WHERE id = :id",
                {**{k: row[k] for k in totals}, "id": run_id},
            )

    def close_crashed_runs(self, keep: Iterable[int] = ()) -> int:
        """Mark runs still ``running`` as ``crashed``, but those of ``keep``; call it holding the corpus lock.

        With the lock free, no process is running them: they died (SIGKILL, power loss)
        before recording their end. A cluster's writer keeps the runs Redis says are open
        (their workers may still end them). Returns how many there were.
        """
        with self._db.atomic():
            return self._db.execute(
                """UPDATE crawl_runs SET status = 'crashed'
                   WHERE status = 'running' AND id NOT IN (SELECT value FROM json_each(:keep))""",
                {"keep": json.dumps(list(keep))},
            ).rowcount

    def finish_run(self, run_id: int, status: str) -> dict[str, Any]:
        """Record the end of a run, with its duplicates attributed by origin (:meth:`run_copies`); returns its row."""
        copies = self.run_copies(run_id)
        with self._db.atomic():
            for source, count in copies.items():
                self._db.execute(
                    """UPDATE crawl_run_sources SET duplicates =
                           coalesce(json_extract(counts, '$."wirecrawl/duplicates/url"'), 0) + :copies
                       WHERE run_id = :run_id AND source = :source""",
                    {"copies": count, "run_id": run_id, "source": source},
                )
            self._db.execute(
                """UPDATE crawl_runs SET finished = :finished, status = :status,
                       duplicates = coalesce((SELECT sum(duplicates) FROM crawl_run_sources WHERE run_id = :id), 0)
                   WHERE id = :id""",
                {"finished": utc_now(), "status": status, "id": run_id},
            )
        return self._db["crawl_runs"].get(run_id)

    def run_copies(self, run_id: int) -> dict[str, int]:
        """Per source, how many of the articles the run stored are copies: articles of a story that
        are not its origin (the article published first), as the corpus stands now, whatever order
        the copies arrived in. Every source the run recorded is listed (0 when none)."""
        rows = self._db.execute(
            """SELECT a.source, count(*) FROM articles a JOIN stories s ON s.id = a.story_id
               WHERE a.id >= (SELECT first_article_id FROM crawl_runs WHERE id = :id) AND a.id != s.origin_article_id
               GROUP BY a.source""",
            {"id": run_id},
        ).fetchall()
        recorded = self._db.execute("SELECT source FROM crawl_run_sources WHERE run_id = ?", [run_id]).fetchall()
        return {source: 0 for (source,) in recorded} | dict(rows)
