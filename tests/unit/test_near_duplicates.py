"""Near-duplicate stories: shingling, the decision on labelled cases, representatives, rebuild."""

import pytest
from fixtures.dedup_cases import CASES

from crawler.setting_checks import project_settings
from pipelines.core import StoryRules, rebuild_stories
from pipelines.core.identity import shingle_hash, shingles, text_hash, tokens
from pipelines.core.story_rules import StoryMatcher
from storage.corpus import Corpus, CorpusError
from storage.story_store import StoryChanges


def test_tokens_fold_case_punctuation_digits_and_split_unspaced_scripts():
    assert tokens("The Mayor said: 12 trams, 2027!") == ["the", "mayor", "said", "0", "trams", "0"]
    assert tokens("北京地铁 new line 3号线") == ["北", "京", "地", "铁", "new", "line", "0", "号", "线"]
    assert tokens("東京でニュース") == ["東", "京", "で", "ニ", "ュ", "ー", "ス"]
    assert tokens("नई दिल्ली में बैठक।") == ["नई", "दिल्ली", "में", "बैठक"]  # vowel signs stay in words
    assert tokens("مرحبا بالعالم") == ["مرحبا", "بالعالم"]
    assert tokens("ข่าววันนี้") == list("ข่าววันนี้")  # Thai: one token per character, marks included


def test_shingles():
    assert shingles("one two three", 5) == {"one two three"}
    assert shingles("a b c d e f", 5) == {"a b c d e", "b c d e f"}
    assert shingles("", 5) == set()


def matcher_for(corpus, **settings):
    """The crawl's matcher, with ``settings`` (``DEDUP_*``) over the defaults."""
    return StoryMatcher.from_settings(corpus, project_settings(settings))


def both_rules(matcher):
    """The story decision with both rules on: an equal text, then a near-duplicate."""
    return StoryRules(matcher, exact=True, near=True)


@pytest.fixture
def corpus(tmp_path):
    corpus = Corpus(tmp_path / "corpus.db")
    yield corpus
    corpus.close()


def store(corpus, matcher, text, language="en", published=None, url=None):
    """An article through the crawl's decision path: equal text, else a near-duplicate, else new."""
    url = url or f"https://example.com/{corpus._db['articles'].count}"
    identity = matcher.fingerprinter.identify(text, language)
    decision = both_rules(matcher).decide(url, identity.text_hash, language, identity.fingerprint, identity.shingles)
    row = {
        "url": url,
        "source": "test",
        "language": language,
        "title": text[:40],
        "text": text,
        "text_hash": text_hash(text),
        "published": published,
        "fetched_at": "2026-11-24T10:00:00Z",
    }
    return corpus.add_article(
        row, story_id=decision.story_id, fingerprint=identity.fingerprint, absorbs=decision.absorbs
    )


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_labelled_case(corpus, case):
    matcher = matcher_for(corpus)
    base = store(corpus, matcher, case.base.text, case.language)
    variant = store(corpus, matcher, case.text, case.language)
    assert (variant.story_id == base.story_id) is case.same_story


def test_near_duplicates_in_another_language_are_another_story(corpus):
    case = next(case for case in CASES if case.kind == "words_changed" and case.language == "en")
    matcher = matcher_for(corpus)
    english = store(corpus, matcher, case.base.text, "en")
    assert store(corpus, matcher, case.text, "en").story_id == english.story_id
    assert store(corpus, matcher, case.text + " Addendum.", "fr").story_id != english.story_id


def test_earlier_copy_becomes_representative_and_similarities_follow(corpus):
    case = next(case for case in CASES if case.kind == "words_changed" and case.language == "en")
    matcher = matcher_for(corpus)
    later = store(corpus, matcher, case.base.text, published="2026-11-20T10:00:00+00:00")
    earlier = store(corpus, matcher, case.text, published="2026-11-20T08:00:00+00:00")
    assert earlier.story_id == later.story_id
    story = corpus._db["stories"].get(later.story_id)
    assert story["article_id"] == earlier.article_id and story["copies"] == 2
    similarities = {row["id"]: row["similarity"] for row in corpus._db["articles"].rows}
    assert similarities[earlier.article_id] == 1.0
    assert 0.6 <= similarities[later.article_id] < 1.0


def test_rebuild_recomputes_stories_with_new_settings(corpus):
    matcher = matcher_for(corpus)
    english = [case for case in CASES if case.language == "en" and case.kind in ("words_changed", "dropped_end")]
    for case in english:
        if not corpus.articles_with_text_hash(text_hash(case.base.text)):
            store(corpus, matcher, case.base.text)
        store(corpus, matcher, case.text)
    grouped = corpus._db["stories"].count
    assert rebuild_stories(both_rules(matcher_for(corpus))) == StoryChanges(grouped, grouped, 0, 0, grouped)
    strict = matcher_for(corpus, DEDUP_JACCARD=0.99, DEDUP_CONTAINMENT=0.999)
    split = rebuild_stories(both_rules(strict))
    assert split.stories > grouped and split.before == grouped and split.split > 0 and split.united == 0
    assert split.unchanged == grouped - split.split
    assert rebuild_stories(both_rules(matcher_for(corpus))) == StoryChanges(
        grouped, split.stories, split.split, 0, grouped - split.split
    )  # the same rule again unites exactly what the strict one split
    assert corpus._db.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
    assert corpus._db.execute("SELECT sum(copies) FROM stories").fetchone()[0] == corpus._db["articles"].count


def test_index_built_with_other_settings_is_refused(corpus):
    matcher_for(corpus, DEDUP_BANDS=32).check_index()
    with pytest.raises(CorpusError, match="dedupe --rebuild"):
        matcher_for(corpus, DEDUP_BANDS=16).check_index()
    rebuild_stories(both_rules(matcher_for(corpus, DEDUP_BANDS=16)))
    matcher_for(corpus, DEDUP_BANDS=16).check_index()


def test_the_same_page_under_another_query_string_is_that_page_in_the_crawl_and_in_a_rebuild(corpus):
    matcher = matcher_for(corpus)
    text = CASES[0].base.text
    first = store(corpus, matcher, text, url="https://example.com/news/a")
    identity = matcher.fingerprinter.identify(text, "en")
    again = both_rules(matcher).decide(
        "https://example.com/news/a?ref=home", identity.text_hash, "en", identity.fingerprint, identity.shingles
    )
    assert (again.same_page, again.story_id) == (first.article_id, first.story_id)
    elsewhere = both_rules(matcher).decide(
        "https://other.example/a", identity.text_hash, "en", identity.fingerprint, identity.shingles
    )
    assert elsewhere.same_page is None and elsewhere.story_id == first.story_id and elsewhere.exact
    assert (
        StoryRules(matcher, exact=False, near=False)
        .decide("https://other.example/a", identity.text_hash, "en", identity.fingerprint, identity.shingles)
        .story_id
        is None
    )


def _case(key, kind):
    return next(case for case in CASES if case.base.key == key and case.kind == kind)


def _truncated(text, share):
    """The first ``share`` of the words (paragraphs kept), as a syndication site shows a story."""
    words = text.split(" ")
    return " ".join(words[: round(share * len(words))])


READ_ON = "Read the full story on our partner's website."


@pytest.mark.parametrize(
    "key, copy",
    [
        ("en-flood-cedar", lambda base: _truncated(base.text, 0.4) + "\n\n" + READ_ON),
        ("es-agua-oaxaca", lambda base: _truncated(_case(base.key, "words_changed").text, 0.6) + "\n\n" + READ_ON),
        (
            "en-flood-desmoines",
            lambda base: _truncated(base.text, 0.4) + "\n\n" + _case(base.key, "added_end").text.split("\n\n")[-1],
        ),
    ],
    ids=["truncated_to_40_percent", "truncated_to_60_percent_words_changed", "truncated_with_a_paragraph_added"],
)
def test_truncated_copies_join_the_story_through_the_lead_index(corpus, key, copy):
    # Jaccard ~0.4-0.6 with the whole story: the whole-text bands alone missed these copies.
    matcher = matcher_for(corpus)
    base = _case(key, "exact").base
    original = store(corpus, matcher, base.text, base.language)
    assert store(corpus, matcher, copy(base), base.language).story_id == original.story_id


def test_a_follow_up_quoting_two_paragraphs_is_not_the_story_nor_joins_its_truncated_copy(corpus):
    matcher = matcher_for(corpus)
    case = _case("en-flood-cedar", "shared_lead")
    paragraphs = case.base.text.split("\n\n")
    original = store(corpus, matcher, case.base.text)
    truncated = store(corpus, matcher, _truncated(case.base.text, 0.3))
    assert truncated.story_id == original.story_id
    # The follow-up contains the whole truncated copy, but adds most of its text.
    follow_up = "\n\n".join(
        [*paragraphs[:2], case.text.split("\n\n")[-1], _case(case.base.key, "same_event_other_agency").text]
    )
    assert store(corpus, matcher, follow_up).story_id != original.story_id


def test_an_index_without_the_lead_bands_is_refused(corpus):
    matcher_for(corpus, DEDUP_LEAD_BANDS=0).check_index()
    with pytest.raises(CorpusError, match="dedupe --rebuild"):
        matcher_for(corpus).check_index()


def test_shingle_hash_is_datasketchs_sha1_hash32():
    """Stored signatures were built with datasketch's hash: ours must give the same values."""
    from datasketch.hashfunc import sha1_hash32

    for shingle in ["storm petra shuts north sea", "充 电 桩 数 量", "", "ß é ё"]:
        assert shingle_hash(shingle) == sha1_hash32(shingle.encode("utf-8"))
