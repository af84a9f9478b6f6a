"""Time as the corpus records it: ISO 8601 UTC with seconds."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["utc_now"]


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds, e.g. ``2026-11-24T10:00:00Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
