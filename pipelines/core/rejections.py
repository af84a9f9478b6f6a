"""Why the core turns a page down: typed rejections with a short reason key."""

from __future__ import annotations

__all__ = ["LanguageNotWanted", "NotAnArticle", "Rejected"]


class Rejected(Exception):
    """The page yields no article; ``reason`` is a short key such as ``no_body``, counted in the stats."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)  # both in args: the exception crosses from a worker process
        self.reason, self.detail = reason, detail

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}" if self.detail else self.reason


class NotAnArticle(Rejected):
    """The page yields no article: ``unparseable``, ``too_deep`` (nested past the parser's limit),
    ``not_article`` (its type, URL or layout) or ``no_body``."""


class LanguageNotWanted(Rejected):
    """The article is in a language its source does not list; ``reason`` is the language (or ``unknown``)."""
