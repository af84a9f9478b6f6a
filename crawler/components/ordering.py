"""The order articles entered the pipeline, kept at the points where it decides the outcome.

Worker processes finish pages in any order. The stages that read and write the corpus
(is this URL stored? is this block a site template? which story does this text join?)
take their turn in the order the pages arrived instead, so the corpus comes out the same
whether one worker or many did the extraction, and two copies of a story processed at
the same time still meet: the later one sees the earlier one stored.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict, deque
from collections.abc import Hashable
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.process.shared_corpus import SharedByCrawlers, corpus_key

__all__ = ["COMMIT", "ArrivalOrder", "order_for"]


class ArrivalOrder:
    """Numbers items as they enter the pipeline; lets them through named points in that order.

    An item may pass a point once every item that entered before it and is still in the
    pipeline has passed it (:meth:`release`). An item that leaves the pipeline (stored,
    dropped, failed) no longer holds anyone up. The earliest item in the pipeline never
    waits, so the pipeline always moves. Finding whose turn it is costs O(1) amortized, not
    O(items in the pipeline): a run of thousands of sources has thousands of items in it.
    """

    def __init__(self) -> None:
        self._numbers = itertools.count()
        self._in_flight: set[int] = set()
        self._through: defaultdict[str, set[int]] = defaultdict(set)
        # Per point, the numbers of items in the pipeline in arrival order; those through the
        # point or out of the pipeline are dropped when they reach the front.
        self._queues: dict[str, deque[int]] = {}
        self._waiting: defaultdict[str, dict[int, asyncio.Future[None]]] = defaultdict(dict)
        self._departures: dict[int, list[asyncio.Future[None]]] = {}
        self._claims: dict[Hashable, int] = {}
        self._claims_of: defaultdict[int, list[Hashable]] = defaultdict(list)

    def enter(self, item: Any) -> None:
        """Give ``item`` its arrival number, if it has none yet (call before the first await)."""
        if item.arrival is None:
            item.arrival = next(self._numbers)
            self._in_flight.add(item.arrival)
            for queue in self._queues.values():
                queue.append(item.arrival)

    async def turn(self, item: Any, point: str) -> None:
        """Wait until every earlier item still in the pipeline has passed ``point``."""
        self.enter(item)
        if self._first_at(point) != item.arrival:
            waiter = asyncio.get_running_loop().create_future()
            self._waiting[point][item.arrival] = waiter
            await waiter

    def release(self, item: Any, point: str) -> None:
        """``item`` has passed ``point``: the next item may."""
        if item.arrival in self._in_flight:
            self._through[point].add(item.arrival)
            self._wake(point)

    def leave(self, item: Any) -> None:
        """``item`` is out of the pipeline (stored, dropped or failed)."""
        number = getattr(item, "arrival", None)
        if number not in self._in_flight:
            return
        self._in_flight.discard(number)
        for key in self._claims_of.pop(number, []):
            if self._claims.get(key) == number:
                del self._claims[key]
        for point in list(self._through):
            self._through[point].discard(number)
        for point in list(self._waiting):
            self._wake(point)
        for waiter in self._departures.pop(number, []):
            if not waiter.done():
                waiter.set_result(None)

    async def departure(self, number: int) -> None:
        """Wait until the item with arrival ``number`` has left the pipeline."""
        if number in self._in_flight:
            waiter = asyncio.get_running_loop().create_future()
            self._departures.setdefault(number, []).append(waiter)
            await waiter

    def claim(self, item: Any, key: Hashable) -> int | None:
        """Claim ``key`` (a URL) for ``item`` while it is in the pipeline; returns the arrival
        number of the earlier item that holds it, if any (then nothing is claimed)."""
        holder = self._claims.get(key)
        if holder is not None and holder != item.arrival:
            return holder
        self._claims[key] = item.arrival
        self._claims_of[item.arrival].append(key)
        return None

    @property
    def in_flight(self) -> int:
        """How many items are in the pipeline."""
        return len(self._in_flight)

    def _first_at(self, point: str) -> int | None:
        """The earliest item in the pipeline that has not passed ``point``."""
        if (queue := self._queues.get(point)) is None:
            queue = self._queues[point] = deque(sorted(self._in_flight))
        through = self._through[point]
        while queue and (queue[0] in through or queue[0] not in self._in_flight):
            queue.popleft()
        return queue[0] if queue else None

    def _wake(self, point: str) -> None:
        first = self._first_at(point)
        waiter = self._waiting[point].pop(first, None) if first is not None else None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)


#: The point where duplicates are decided and the article stored: one item at a time,
#: from the exact-duplicate check to the end of storage.
COMMIT = "commit"


def _leave_on_outcome(crawler: Crawler, order: ArrivalOrder) -> None:
    def leave(item: Any, **_: Any) -> None:
        order.leave(item)

    for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
        crawler.signals.connect(leave, signal=signal, weak=False)


#: The arrival order of every crawler writing the crawler's corpus (``CORPUS_PATH``) in this process.
order_for: SharedByCrawlers[ArrivalOrder] = SharedByCrawlers(
    lambda crawler: ArrivalOrder(), corpus_key, join=_leave_on_outcome
)
