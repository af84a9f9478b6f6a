"""The article chain: a fetched page in, an article or a typed rejection out.

decode -> parse -> canonical URL -> extract -> credit lines -> declared body -> structure
(:func:`extract_page`), then the site's
templates (they need the corpus, so the caller applies them in arrival order), then
cleaning rules -> minimum length -> language -> the source's languages -> text identity
(:func:`finish_text`). The crawl runs the two halves in worker processes around its
in-order template step; ``extract``, ``reextract`` and the benchmarks run
:func:`process_page`, which is the same two halves in a row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Self

import numpy as np

from crawler.web.encoding import decode_html
from pipelines.core.blocks import BlockClassifier
from pipelines.core.cleaning import BoilerplateRules, Templated
from pipelines.core.credits import split_credit
from pipelines.core.declared import confirmed, declared_body
from pipelines.core.extraction import ArticleExtractor, Bar, Extracted, canonical_url, page_text
from pipelines.core.identity import Fingerprinter, text_hash
from pipelines.core.language import DetectedLanguage, LanguageDetector
from pipelines.core.parsing import parse_html
from pipelines.core.rejections import LanguageNotWanted, NotAnArticle
from pipelines.core.removals import Removal, Removals, record_dropped
from pipelines.core.settings_reader import SettingsReader
from pipelines.core.slots import block_slots
from pipelines.core.structure import StructureRules, TextIndex
from storage.signatures import Fingerprint

__all__ = ["CoreOptions", "FetchedPage", "Finished", "ProcessedPage", "extract_page", "finish_text", "process_page"]

#: Removes a site's learned templates from a page's blocks: ``(url, blocks, slots) -> Templated``.
TemplateFilter = Callable[[str, list[str], tuple[str, ...]], Templated]


@dataclass(frozen=True)
class FetchedPage:
    """A page as fetched, with what discovery said of it."""

    url: str  # the URL it was fetched from (after redirects)
    body: bytes
    # kept response headers: Content-Type, Content-Language, ...
    headers: Mapping[str, str] = field(default_factory=dict)
    # title, published, language (feed), source_language(s), allow_matched
    hints: Mapping[str, Any] = field(default_factory=dict)
    discovered_via: str = ""  # feed, sitemap or listing; "" for a page from elsewhere

    @property
    def bar(self) -> Bar:
        """What the page must show to be an article, by how it was found (see :data:`~pipelines.core.extraction.Bar`).

        Feeds list articles, and so do news sitemaps (their entries are dated) and the links a
        source's ``allow`` matched; a plain sitemap lists service pages too, and a listing page
        links to everything on its site.
        """
        if self.hints.get("allow_matched") or self.discovered_via not in ("listing", "sitemap"):
            return "vouched"
        if self.discovered_via == "listing":
            return "content"
        return "vouched" if self.hints.get("published") else "metadata"


@dataclass(frozen=True)
class CoreOptions:
    """Everything the chain is configured by, built once from the settings (see ``crawler/settings.py``).

    A stage switched off is ``None`` (``CLEAN_ENABLED``, ``CLEAN_MODEL_ENABLED``, ``LANGUAGE_ENABLED``,
    ``DEDUP_NEAR_ENABLED``); with ``EXTRACT_ENABLED`` off the page's text is taken as it is.
    """

    extractor: ArticleExtractor | None
    canonical: bool
    rules: BoilerplateRules | None
    classifier: BlockClassifier | None
    clean_min_length: int
    detector: LanguageDetector | None
    fingerprinter: Fingerprinter | None

    @classmethod
    def from_settings(cls, settings: SettingsReader) -> Self:
        """The options the settings give (no fallbacks: every default is in ``crawler/settings.py``)."""
        return cls(
            extractor=ArticleExtractor.from_settings(settings) if settings.getbool("EXTRACT_ENABLED") else None,
            canonical=settings.getbool("CANONICAL_ENABLED"),
            rules=BoilerplateRules() if settings.getbool("CLEAN_ENABLED") else None,
            classifier=BlockClassifier.from_settings(settings)
            if settings.getbool("CLEAN_ENABLED") and settings.getbool("CLEAN_MODEL_ENABLED")
            else None,
            clean_min_length=settings.getint("CLEAN_MIN_LENGTH"),
            detector=LanguageDetector.from_settings(settings) if settings.getbool("LANGUAGE_ENABLED") else None,
            fingerprinter=Fingerprinter.from_settings(settings) if settings.getbool("DEDUP_NEAR_ENABLED") else None,
        )


@dataclass(frozen=True)
class Finished:
    """The second half's result: the clean text, its language and what identifies it."""

    text: str
    removed_blocks: int  # blocks the cleaning rules removed
    language: DetectedLanguage
    text_hash: str
    slots: tuple[str, ...] = ()  # the structural slot of each paragraph of ``text`` (() when not known)
    fingerprint: Fingerprint | None = field(default=None, repr=False)
    shingles: np.ndarray | None = field(default=None, repr=False)  # sorted shingle hashes, to verify candidates

    def fields(self) -> dict[str, Any]:
        """The article columns this half decides."""
        return {
            "text": self.text,
            "text_hash": self.text_hash,
            "language": self.language.language,
            "language_probability": self.language.probability,
            "language_source": self.language.source,
            "language_variant": self.language.variant,
        }


@dataclass(frozen=True)
class ProcessedPage:
    """A page the whole chain made an article of: the extraction and the finished text (the crawl's
    item, :class:`crawler.items.Article`, takes the same fields stage by stage)."""

    extracted: Extracted
    finished: Finished

    @property
    def credit(self) -> str | None:
        """The syndication credit lines taken out of the body, as found."""
        return self.extracted.credit

    @property
    def credited_source(self) -> str | None:
        """The outlet the credit names, else the host of the page's declared original on another site."""
        return self.extracted.credited_source

    def fields(self) -> dict[str, Any]:
        """The article's columns as the corpus stores them (``url`` is the canonical URL)."""
        found = self.extracted
        return {
            "url": found.url,
            "title": found.title,
            "author": found.author,
            "published": found.published,
            "published_raw": found.published_raw,
            "sitename": found.sitename,
            "description": found.description,
            "credit": found.credit,
            "credited_source": found.credited_source,
            **self.finished.fields(),
            "word_count": len(self.finished.text.split()),
        }


def extract_page(page: FetchedPage, options: CoreOptions, removals: Removals | None = None) -> Extracted:
    """Decode and parse the page once; its article at its canonical URL. Raises :class:`NotAnArticle`.

    With the cleaning rules on, the body's syndication credits leave it for ``credit``, then
    (with extraction on) the blocks a complete declared body leaves out
    (:func:`~pipelines.core.declared.confirmed`), the blocks whose elements are furniture
    (:class:`StructureRules`) and those the model finds furniture (:class:`BlockClassifier`); all
    are read on the page, so here, before the site's templates (which could drop a credit every
    page of a site carries). What goes is recorded in ``removals`` when given.
    """
    html, _ = decode_html(page.body, page.headers.get("Content-Type"))
    tree = parse_html(html)
    url = (
        canonical_url(tree, page.url)
        if options.canonical and page.url.startswith(("http://", "https://"))
        else page.url
    )
    if options.extractor is None:
        extracted = page_text(tree, url, page.hints)
    else:
        extracted = options.extractor.extract(tree, url, page.hints, page.bar)
    if options.rules is None:
        return extracted
    index = TextIndex(tree)  # one index of the page's words for all
    blocks = extracted.text.split("\n\n") if extracted.text else []
    credit = split_credit(index, blocks, url, extracted.author, extracted.sitename)
    named = f" naming {credit.credited_source}" if credit.credited_source else ""
    record_dropped(removals, blocks, credit.blocks, "credit", f"a syndication credit{named}")
    # With extraction off the page is taken as it is, its furniture too (the phrase rules still apply).
    kept = credit.blocks
    if options.extractor is not None:
        if (declared := declared_body(tree)) is not None:
            before, kept = kept, confirmed(kept, declared, index)
            record_dropped(removals, before, kept, "declared body", "not in the complete body the page declares")
        kept = StructureRules().clean(index, kept, url, extracted.title, removals)
        if options.classifier is not None:
            kept = options.classifier.clean(index, kept, url, extracted.title, removals)
    return replace(
        extracted,
        text="\n\n".join(kept),
        credit=credit.credit,
        credited_source=credit.credited_source,
        slots=block_slots(index, kept),
    )


def language_hints(hints: Mapping[str, Any], headers: Mapping[str, str], page_language: str | None) -> dict[str, Any]:
    """The declared languages, as language detection weighs them: page, HTTP header, feed, source."""
    return {**hints, "page_language": page_language, "http_language": headers.get("Content-Language")}


def finish_text(
    blocks: list[str],
    title: str | None,
    hints: Mapping[str, Any],
    options: CoreOptions,
    slots: tuple[str, ...] = (),
    removals: Removals | None = None,
) -> Finished:
    """Cleaning rules, minimum length, language, the source's languages and the text's identity.

    ``blocks`` are the body's paragraphs (in ``slots``), the site's templates already removed.
    Raises :class:`NotAnArticle` (``no_body``) or :class:`LanguageNotWanted`.
    """
    kept = options.rules.clean(blocks, title) if options.rules is not None else blocks
    record_dropped(removals, blocks, kept, "phrase", "a phrase rule")
    kept_slots = _kept_slots(blocks, slots, kept) if slots else ()
    text = "\n\n".join(kept)
    if options.rules is not None and len(text) < options.clean_min_length:
        raise NotAnArticle("no_body", f"{len(text)} characters left after cleaning")
    language = (
        options.detector.detect(text, hints) if options.detector is not None else DetectedLanguage(None, None, None)
    )
    wanted = hints.get("source_languages")
    if wanted and options.detector is not None and language.language not in wanted:
        raise LanguageNotWanted(language.language or "unknown", f"not among the source's languages {', '.join(wanted)}")
    if options.fingerprinter is None:
        return Finished(text, len(blocks) - len(kept), language, text_hash(text), kept_slots)
    identity = options.fingerprinter.identify(text, language.language)
    return Finished(
        text,
        len(blocks) - len(kept),
        language,
        identity.text_hash,
        kept_slots,
        identity.fingerprint,
        identity.shingles,
    )


def _kept_slots(blocks: list[str], slots: tuple[str, ...], kept: list[str]) -> tuple[str, ...]:
    """The slots of ``kept``, a subsequence of ``blocks`` (the cleaning rules only remove blocks)."""
    found, pairs = [], iter(zip(blocks, slots, strict=True))
    for block in kept:
        found.append(next(slot for candidate, slot in pairs if candidate == block))
    return tuple(found)


def process_page(
    page: FetchedPage, options: CoreOptions, templates: TemplateFilter | None = None, removals: Removals | None = None
) -> ProcessedPage:
    """The whole chain on one page, in a row; ``templates`` removes the site's learned templates.
    With ``removals``, every removed block is recorded there with its stage and evidence."""
    extracted = extract_page(page, options, removals)
    blocks = extracted.text.split("\n\n") if extracted.text else []
    slots = extracted.slots
    if templates is not None and options.rules is not None:
        templated = templates(extracted.url, blocks, slots)
        blocks, slots = templated.kept, templated.slots
        if removals is not None:
            removals.extend(Removal(block, "template", why) for block, why in templated.removed)
    hints = language_hints(page.hints, page.headers, extracted.page_language)
    return ProcessedPage(extracted, finish_text(blocks, extracted.title, hints, options, slots, removals))
