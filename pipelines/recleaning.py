"""Re-cleaning: when a structural slot becomes a site's furniture, its stored articles lose it too.

A site's first pages are stored before its templates are known. Each article keeps the slot of
each of its paragraphs (``article_slots``), so when a page makes a slot furniture
(:attr:`pipelines.core.cleaning.Templated.furniture`), the site's stored articles with a
paragraph in it are cleaned by the same rule (:func:`pipelines.core.cleaning.template_cut`),
without parsing their pages again; their text hash, word count and near-duplicate fingerprint
follow. Their stories are left as they are (``wirecrawl dedupe --rebuild`` decides them again).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipelines.core.cleaning import template_cut
from pipelines.core.identity import Fingerprinter, text_hash
from storage.corpus import Corpus

__all__ = ["SiteRecleaner"]


@dataclass(frozen=True)
class SiteRecleaner:
    """Removes a site's new furniture slots from its stored articles; ``fingerprinter`` as the crawl's (None: off)."""

    corpus: Corpus
    fingerprinter: Fingerprinter | None

    def reclean(self, site: str, slots: Iterable[str]) -> int:
        """Remove the paragraphs in furniture ``slots`` from the stored articles of ``site``; returns how many changed."""
        furniture = dict.fromkeys(slots, "furniture")
        changed = 0
        for article_id, text, language, stored in self.corpus.articles_in_slots(site, furniture):
            blocks = text.split("\n\n")
            if len(stored) != len(blocks):
                continue  # not the text the slots were read from
            cut = template_cut(blocks, tuple(stored), furniture)
            kept = [(block, slot) for block, slot, why in zip(blocks, stored, cut, strict=True) if why is None]
            if len(kept) == len(blocks) or not kept:
                continue
            cleaned = "\n\n".join(block for block, _ in kept)
            kept_slots = [slot for _, slot in kept]
            if self.fingerprinter is None:
                self.corpus.replace_text(article_id, cleaned, text_hash(cleaned), kept_slots, None)
            else:
                identity = self.fingerprinter.identify(cleaned, language)
                old = self.fingerprinter.fingerprint(text, language)[0].bands
                self.corpus.replace_text(article_id, cleaned, identity.text_hash, kept_slots, identity.fingerprint, old)
            changed += 1
        return changed
