"""Re-cleaning: what a site's templates learn late, its stored articles lose too.

A site's first pages are stored before its templates are known. Each article keeps the slot of
each of its paragraphs (``article_slots``), so when a page makes a slot furniture, or makes a
block's words recurring (:attr:`pipelines.core.cleaning.Templated.recleans`), the site's stored
articles with a paragraph in that slot are cleaned by the same rules
(:class:`pipelines.core.cleaning.SlotRule`, :func:`~pipelines.core.cleaning.block_key`,
:func:`~pipelines.core.cleaning.block_shapes`), without parsing their pages again; their text
hash, word count and near-duplicate fingerprint follow. Their stories are left as they are
(``wirecrawl dedupe --rebuild`` decides them again).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipelines.core.cleaning import SlotRule, block_key, block_shapes
from pipelines.core.identity import Fingerprinter, text_hash
from storage.corpus import Corpus

__all__ = ["SiteRecleaner"]


@dataclass(frozen=True)
class SiteRecleaner:
    """Cleans a site's stored articles of what its templates learned, by the templates' ``rule``;
    ``fingerprinter`` as the crawl's (None: off)."""

    corpus: Corpus
    fingerprinter: Fingerprinter | None
    rule: SlotRule = SlotRule()

    def reclean(self, site: str, recleans: Iterable[tuple[str, str]]) -> int:
        """Remove from the stored articles of ``site`` the paragraphs in furniture slots (``(slot, "")``)
        and those with recurring words (``(slot, key)``, looked for in that slot's articles);
        returns how many articles changed."""
        recleans = list(recleans)
        furniture = {slot: "furniture" for slot, key in recleans if not key}
        words = {key for _, key in recleans if key}
        changed = 0
        for article_id, text, language, stored in self.corpus.articles_in_slots(site, {s for s, _ in recleans}):
            blocks = text.split("\n\n")
            if len(stored) != len(blocks):
                continue  # not the text the slots were read from
            cut = self.rule.cut(blocks, tuple(stored), furniture)
            kept = [
                (block, slot)
                for block, slot, why in zip(blocks, stored, cut, strict=True)
                if why is None and not words.intersection([block_key(block), *block_shapes(block)])
            ]
            if len(kept) == len(blocks) or not kept:
                continue
            self._replace(article_id, text, language, [block for block, _ in kept], [slot for _, slot in kept])
            changed += 1
        return changed

    def _replace(self, article_id: int, text: str, language: str | None, blocks: list[str], slots: list[str]) -> None:
        cleaned = "\n\n".join(blocks)
        if self.fingerprinter is None:
            self.corpus.replace_text(article_id, cleaned, text_hash(cleaned), slots, None)
            return
        identity = self.fingerprinter.identify(cleaned, language)
        old = self.fingerprinter.fingerprint(text, language)[0].bands
        self.corpus.replace_text(article_id, cleaned, identity.text_hash, slots, identity.fingerprint, old)
