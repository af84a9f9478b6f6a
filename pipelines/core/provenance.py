"""Provenance: how a copy of a story differs from its origin (the article published first)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from difflib import SequenceMatcher
from typing import Any

from pipelines.core.identity import Fingerprinter, tokens
from pipelines.core.settings_reader import SettingsReader
from pipelines.core.story_rules import INDEX_NAME, StoryMatcher, index_fingerprinter
from storage.queries import recorded_settings, story_with_copies

__all__ = [
    "CopyComparison",
    "compare_copy",
    "describe_copy",
    "format_lag",
    "instant",
    "lag_behind",
    "provenance_sources",
    "recorded_fingerprinter",
    "stored_story_provenance",
    "story_provenance",
]

#: Fewest words, and smallest share of the origin's, a missing end or lead must have to be named
#: as truncated or lead dropped; less is an edit.
_MIN_WORDS = 10
_MIN_SHARE = 0.1
#: Fewest added words named as extended (a paragraph); fewer (a "read more" line, a caption) are an edit.
_MIN_ADDED_WORDS = 20


@dataclass(frozen=True)
class CopyComparison:
    """A copy against its origin: similarity and the changes a reader would name."""

    jaccard: float  # of the two texts' shingle sets
    containment: float  # share of the shorter text's shingles found in the longer
    kept: float  # share of the origin's words the copy repeats, in order
    added_words: int  # words of the copy not in the origin
    changes: tuple[str, ...]  # "truncated", "lead dropped", "extended", "rewritten headline", "edited"; () if identical

    @property
    def similarity(self) -> float:
        """The story decision's measure: the larger of Jaccard and containment."""
        return max(self.jaccard, self.containment)


def compare_copy(
    origin_title: str | None,
    origin_text: str,
    copy_title: str | None,
    copy_text: str,
    fingerprinter: Fingerprinter,
) -> CopyComparison:
    """Compare a copy with the origin, on normalized words (case, punctuation and digits folded)."""
    jaccard, containment = StoryMatcher.overlap(
        fingerprinter.shingle_hashes(origin_text), fingerprinter.shingle_hashes(copy_text)
    )
    origin, copy = tokens(origin_text), tokens(copy_text)
    blocks = [
        block for block in SequenceMatcher(None, origin, copy, autojunk=False).get_matching_blocks() if block.size
    ]
    matched = sum(block.size for block in blocks)
    added = len(copy) - matched
    threshold = max(_MIN_WORDS, _MIN_SHARE * len(origin))
    changes: list[str] = []
    if blocks:
        missing_end = len(origin) - (blocks[-1].a + blocks[-1].size)
        missing_lead = blocks[0].a
    else:
        missing_end, missing_lead = len(origin), 0
    if missing_end >= threshold:
        changes.append("truncated")
    if missing_lead >= threshold:
        changes.append("lead dropped")
    if added >= _MIN_ADDED_WORDS:
        changes.append("extended")
    if tokens(origin_title or "") != tokens(copy_title or ""):
        changes.append("rewritten headline")
    named = (missing_end if missing_end >= threshold else 0) + (missing_lead if missing_lead >= threshold else 0)
    if len(origin) - matched > named or 0 < added < _MIN_ADDED_WORDS:
        changes.append("edited")  # words changed, or dropped or added in amounts too small to name
    return CopyComparison(jaccard, containment, matched / len(origin) if origin else 0.0, added, tuple(changes))


def instant(value: str | None) -> datetime | None:
    """An ISO 8601 time as an aware UTC datetime (a date alone: its midnight UTC); None if unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


#: What the story view shows of each article.
_ARTICLE_FIELDS = ("id", "source", "url", "title", "language", "published", "fetched_at", "credited_source", "credit")


def lag_behind(origin: Mapping[str, Any], copy: Mapping[str, Any]) -> tuple[float | None, str]:
    """Seconds ``copy`` came after ``origin`` (``published``, ``fetched_at``) and on what basis:
    by publication when both are dated, else by when each was published or first fetched."""
    dated = bool(instant(origin["published"]) and instant(copy["published"]))
    origin_time = instant(origin["published"]) or instant(origin["fetched_at"])
    copy_time = instant(copy["published"]) if dated else instant(copy["published"]) or instant(copy["fetched_at"])
    lag = (copy_time - origin_time).total_seconds() if copy_time and origin_time else None
    return lag, "published" if dated else "fetched"


def describe_copy(origin: Mapping[str, Any], copy: Mapping[str, Any], fingerprinter: Fingerprinter) -> dict[str, Any]:
    """What ``wirecrawl story`` and the story page say of ``copy`` against ``origin`` (``title``,
    ``text``, ``published``, ``fetched_at``): its lag, similarity (3 decimals), kept share and
    changes. The one place a pair's similarity is computed for people to read."""
    comparison = compare_copy(origin["title"], origin["text"] or "", copy["title"], copy["text"] or "", fingerprinter)
    lag, basis = lag_behind(origin, copy)
    return {
        "lag_seconds": lag,
        "lag_basis": basis,
        "similarity": round(comparison.similarity, 3),
        **{k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(comparison).items()},
    }


def story_provenance(
    story: Mapping[str, Any], articles: Sequence[Mapping[str, Any]], fingerprinter: Fingerprinter
) -> dict[str, Any]:
    """A story's provenance: its origin (``articles[0]``), then each copy with its lag behind the
    origin, similarity to it and what changed (a JSON-ready document)."""
    origin, *copies = articles
    described = [
        {**{field: copy[field] for field in _ARTICLE_FIELDS}, **describe_copy(origin, copy, fingerprinter)}
        for copy in copies
    ]
    return {
        "story": {
            key: story[key]
            for key in ("id", "title", "language", "copies", "first_seen", "last_seen", "origin_article_id")
        },
        "origin": {field: origin[field] for field in _ARTICLE_FIELDS},
        "copies": described,
    }


def recorded_fingerprinter(db: Any, settings: SettingsReader) -> Fingerprinter:
    """The shingles the corpus's near-duplicate index was built with (``settings``' for what it did
    not record), so that a copy's similarity reads as the crawl measured it. ``db``: a sqlite-utils
    ``Database`` or a ``sqlite3`` connection."""
    return index_fingerprinter(recorded_settings(db, INDEX_NAME), settings)


def stored_story_provenance(db: Any, story_id: int, settings: SettingsReader) -> dict[str, Any] | None:
    """:func:`story_provenance` of the corpus's story ``story_id``, or None if it has none by that id."""
    found = story_with_copies(db, story_id)
    return None if found is None else story_provenance(*found, recorded_fingerprinter(db, settings))


def provenance_sources(provenance: Mapping[str, Any]) -> int:
    """How many sources published a story: its origin's and its copies'."""
    return len({provenance["origin"]["source"], *(copy["source"] for copy in provenance["copies"])})


def format_lag(seconds: float | None, basis: str = "published") -> str:
    """A lag for people: ``+45m``, ``+2h05m``, ``+3d04h``, ``-10m``; ``?`` when unknown; ``(fetched)``
    after it when it was measured by fetch times."""
    if seconds is None:
        return "?"
    if basis == "fetched":
        return f"{format_lag(seconds)} (fetched)"
    sign, minutes = ("-" if seconds < 0 else "+"), int(abs(seconds) // 60)
    days, hours, minutes = minutes // 1440, minutes // 60 % 24, minutes % 60
    if days:
        return f"{sign}{days}d{hours:02d}h"
    if hours:
        return f"{sign}{hours}h{minutes:02d}m"
    return f"{sign}{minutes}m"
