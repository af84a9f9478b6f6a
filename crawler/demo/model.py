"""Data model of the demo network's content: authors, topics, stories and syndicated copies."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone


@dataclass(frozen=True)
class Author:
    """A journalist, with the slug of their author page and a one-line biography."""

    name: str
    slug: str
    bio: str


@dataclass(frozen=True)
class Topic:
    """A section or tag: URL slug and the label shown to readers."""

    slug: str
    label: str


@dataclass(frozen=True)
class Story:
    """One news article as its publisher prints it."""

    slug: str
    headline: str
    author: Author
    topic: Topic
    published: datetime
    paragraphs: tuple[str, ...]
    caption: str = ""
    #: The story this one republishes (a wire original), if any.
    original: Story | None = None

    @property
    def summary(self) -> str:
        """The standfirst used in listings and feeds: the first paragraph."""
        return self.paragraphs[0]


def at(day: int, hour: int, minute: int, utc_offset: int = 0) -> datetime:
    """A publication time in November 2026, at the given UTC offset in hours."""
    return datetime(2026, 11, day, hour, minute, tzinfo=timezone(timedelta(hours=utc_offset)))


def republish(
    original: Story,
    published: datetime,
    *,
    slug: str | None = None,
    headline: str | None = None,
    drop_last: int = 0,
    edits: tuple[tuple[str, str], ...] = (),
    caption: str = "",
) -> Story:
    """A syndicated copy of ``original``: new headline, last paragraphs dropped, words changed."""
    paragraphs = list(original.paragraphs[: len(original.paragraphs) - drop_last])
    for old, new in edits:
        hits = [i for i, text in enumerate(paragraphs) if old in text]
        if not hits:
            raise ValueError(f"edit {old!r} matches nothing in {original.slug}")
        paragraphs[hits[0]] = paragraphs[hits[0]].replace(old, new, 1)
    return replace(
        original,
        slug=slug or original.slug,
        headline=headline or original.headline,
        published=published,
        paragraphs=tuple(paragraphs),
        caption=caption,
        original=original,
    )
