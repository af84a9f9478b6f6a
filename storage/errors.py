"""Why a corpus file cannot be used."""

from __future__ import annotations

__all__ = ["CorpusError"]


class CorpusError(RuntimeError):
    """The corpus file cannot be used (not a SQLite database, unreadable, ...)."""
