"""The demo network's content, read from the data files next to this module.

* ``publishers/<site>.toml``: one site. ``[publisher]`` holds the :class:`Publisher` fields
  (``layout`` names a directory of ``layouts/``); ``[authors.<slug>]`` its writers (name, bio);
  ``[topics]`` its sections (slug = label); ``[[stories]]``, ``[[private]]`` and ``[[videos]]``
  its pages. A story either has its own text (slug, headline, author, topic, published,
  paragraphs, caption) or ``republishes = "<site>/<slug>"`` a story of a site read before it,
  with the arguments of :func:`republish` (published, slug, headline, drop_last, edits, caption).
* ``labels.toml``: the :class:`Labels` of each language, one table per language code.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import Any

from .model import Author, Labels, Publisher, Story, Topic, republish

__all__ = ["SITES", "load_labels", "load_publishers"]

#: The network's sites in the order they are served and declared; a site's copies refer only to
#: stories of the sites before it (the wire comes first).
SITES = ("meridian", "newsbeat", "courier", "rundschau", "littoral", "vestnik", "dongan", "alwaha")


def read_data(name: str) -> dict[str, Any]:
    """One TOML data file of this package, by its path inside the package."""
    with files(__package__).joinpath(name).open("rb") as data:
        return tomllib.load(data)


def load_labels() -> dict[str, Labels]:
    """The page furniture of every language, by language code."""
    return {
        lang: Labels(**{**table, "share": tuple(table["share"]), "months": tuple(table["months"])})
        for lang, table in read_data("labels.toml").items()
    }


def read_story(
    entry: dict[str, Any], authors: dict[str, Author], topics: dict[str, Topic], printed: dict[str, Story]
) -> Story:
    """One story table: its own text, or a copy of a story in ``printed`` ("<site>/<slug>" -> story)."""
    if "republishes" in entry:
        copy = {key: value for key, value in entry.items() if key != "republishes"}
        copy["edits"] = tuple(tuple(edit) for edit in copy.get("edits", ()))
        return republish(printed[entry["republishes"]], **copy)
    return Story(
        **{
            **entry,
            "author": authors[entry["author"]],
            "topic": topics[entry["topic"]],
            "paragraphs": tuple(entry["paragraphs"]),
        }
    )


def load_publishers() -> tuple[Publisher, ...]:
    """Every site of the network, in :data:`SITES` order."""
    printed: dict[str, Story] = {}
    publishers = []
    for site in SITES:
        data = read_data(f"publishers/{site}.toml")
        authors = {slug: Author(slug=slug, **author) for slug, author in data.get("authors", {}).items()}
        topics = {slug: Topic(slug, label) for slug, label in data.get("topics", {}).items()}

        groups = {
            group: tuple(read_story(entry, authors, topics, printed) for entry in data.get(group, ()))
            for group in ("stories", "private", "videos")
        }
        printed |= {f"{site}/{story.slug}": story for story in groups["stories"]}
        declared = data["publisher"]
        publishers.append(Publisher(site=site, **{**declared, "about": tuple(declared["about"])}, **groups))
    return tuple(publishers)
