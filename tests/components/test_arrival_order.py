"""The arrival order: items pass each point in the order they entered the pipeline."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from crawler.components.ordering import ArrivalOrder


@dataclass(eq=False)
class Item:
    name: str
    arrival: int | None = None


async def _pass(order: ArrivalOrder, item: Item, point: str, passed: list[str]) -> None:
    await order.turn(item, point)
    passed.append(item.name)
    order.release(item, point)


def test_items_pass_a_point_in_arrival_order_whatever_order_they_reach_it() -> None:
    async def run() -> list[str]:
        order, passed = ArrivalOrder(), []
        items = [Item(name) for name in "abcde"]
        for item in items:
            order.enter(item)
        await asyncio.gather(*(_pass(order, item, "commit", passed) for item in reversed(items)))
        return passed

    assert asyncio.run(run()) == list("abcde")


def test_an_item_that_left_or_passed_holds_no_one_up_at_any_point() -> None:
    async def run() -> list[str]:
        order, passed = ArrivalOrder(), []
        a, b, c, d, e = (Item(name) for name in "abcde")
        for item in (a, b, c):
            order.enter(item)
        await _pass(order, a, "canonical", passed)  # a waits between the points, still in the pipeline
        waiting = asyncio.ensure_future(_pass(order, c, "text", passed))
        await asyncio.sleep(0)
        assert not waiting.done()  # a and b are earlier and have not passed "text"
        order.leave(b)  # dropped
        await _pass(order, a, "text", passed)
        await waiting
        order.enter(d)  # entered after "text" was first used
        order.enter(e)
        later = asyncio.ensure_future(_pass(order, e, "text", passed))
        await asyncio.sleep(0)
        assert not later.done()  # d is earlier
        await _pass(order, d, "text", passed)
        await later
        return passed

    assert asyncio.run(run()) == ["a", "a", "c", "d", "e"]
