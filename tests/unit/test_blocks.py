"""The learned furniture classifier: block features read on small pages, the shipped weights, the
chain's removals as ``extract --explain`` lists them.

The pages carry boxes the structure rules do not name (generated class names, no phrase a list
knows): what tells is their markup and whether their words continue the story.
"""

import json
import math

import numpy as np
import pytest
from fixtures.harbour_story import STORY
from lxml import html as lxml_html

from crawler.setting_checks import project_settings
from pipelines.core import CoreOptions, FetchedPage, process_page
from pipelines.core.blocks import FEATURES, WEIGHTS, BlockClassifier, block_features
from pipelines.core.removals import Removal, Removals
from pipelines.core.structure import TextIndex

URL = "https://courier.example/news/2026/11/harbour-channel"
TITLE = "Harbour channel to be deepened"
SIGN_UP = "Every weekday at seven, the stories that matter to the coast, straight to you."
SIGN_UP_BOX = (
    f'<div class="c7f2a"><p>{SIGN_UP}</p>'
    '<div class="c0b1e"><input type="email" placeholder="you@example.com"><button>OK</button></div></div>'
)
QUOTE = "We have waited thirty years for this channel, and the harbour will finally be able to grow."
PULL_QUOTE = f"<blockquote><p>{QUOTE}</p></blockquote>"


def options(**overrides):
    settings = project_settings()
    settings.setdict(overrides)
    return CoreOptions.from_settings(settings)


def page_html(inside: str) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour | Courier</title></head>
    <body><div class="c1"><a href="/">Courier</a></div><div class="c2"><div class="c3"><h1>{TITLE}</h1>
    {inside}</div></div><div class="c4"><p>© Courier</p></div></body></html>"""


def story_with(box: str) -> str:
    return "".join(f"<p>{p}</p>" for p in STORY[:2]) + box + "".join(f"<p>{p}</p>" for p in STORY[2:])


def run(inside: str, removals: Removals | None = None, **settings) -> list[str]:
    fetched = FetchedPage(URL, page_html(inside).encode(), {"Content-Type": "text/html; charset=utf-8"})
    return process_page(fetched, options(**settings), None, removals).finished.text.split("\n\n")


def features(inside: str, blocks: list[str]) -> dict[str, dict[str, float]]:
    rows = block_features(TextIndex(lxml_html.fromstring(page_html(inside))), blocks, URL, TITLE)
    return {block: dict(zip(FEATURES, row, strict=True)) for block, row in zip(blocks, rows, strict=True)}


def test_a_sign_up_box_reads_as_a_box_beside_its_field_and_a_story_paragraph_as_the_story():
    found = features(story_with(SIGN_UP_BOX), [STORY[0], STORY[1], SIGN_UP, STORY[2]])
    assert found[SIGN_UP]["controls"] == 1 and found[STORY[1]]["controls"] == 0
    assert found[STORY[1]]["in_main"] == 1 and found[SIGN_UP]["in_main"] == 0 and found[SIGN_UP]["under_main"] == 1
    assert found[SIGN_UP]["depth"] > found[STORY[1]]["depth"]
    assert all(row["located"] == 1 for row in found.values())


def test_an_embed_and_a_list_of_links_to_other_stories_are_seen_as_such():
    embed = '<blockquote class="x-9f tiktok-embed"><p>Watch the dredger at work in the estuary</p></blockquote>'
    links = (
        '<ul class="k2"><li><a href="/news/2026/11/ferry">Ferry timetable changes for winter</a></li>'
        '<li><a href="/news/2026/11/fish">Fish market moves to the east quay</a></li></ul>'
    )
    found = features(
        story_with(embed + links), ["Watch the dredger at work in the estuary", "Ferry timetable changes for winter"]
    )
    assert found["Watch the dredger at work in the estuary"]["embed"] == 1
    item = found["Ferry timetable changes for winter"]
    assert item["link_list"] == 1 and item["link_share"] == 1 and item["site_links"] > 0


def test_the_model_finds_a_sign_up_box_in_the_body_and_not_the_story_around_it():
    """The box scores far above every story paragraph; at the shipped threshold (chosen so that no
    story paragraph of the bench is lost) it stays, at a lower one it goes with its evidence."""
    classifier = BlockClassifier.load(0.5)
    blocks = [*STORY[:2], SIGN_UP, *STORY[2:]]
    rows = block_features(TextIndex(lxml_html.fromstring(page_html(story_with(SIGN_UP_BOX)))), blocks, URL, TITLE)
    box, *story = [classifier.probabilities(rows)[2], *np.delete(classifier.probabilities(rows), 2)]
    assert box > 0.2 and max(story) < 0.05
    removals: Removals = []
    assert run(story_with(SIGN_UP_BOX), removals, CLEAN_MODEL_ENABLED=True, CLEAN_MODEL_THRESHOLD=0.2) == STORY
    assert [(r.block, r.stage) for r in removals if r.block == SIGN_UP] == [(SIGN_UP, "model")]
    assert "controls" in next(r.evidence for r in removals if r.block == SIGN_UP)
    assert run(story_with(SIGN_UP_BOX), CLEAN_MODEL_ENABLED=False) == blocks


def test_a_quote_set_as_a_blockquote_inside_the_story_stays():
    assert run(story_with(PULL_QUOTE), CLEAN_MODEL_ENABLED=True) == [*STORY[:2], QUOTE, *STORY[2:]]


def test_a_page_of_story_alone_loses_nothing():
    removals: Removals = []
    assert run(story_with(""), removals) == STORY
    assert not {removal.block for removal in removals} & set(STORY)


def test_the_shipped_weights_load_and_score_as_their_numbers_say():
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    classifier = BlockClassifier.load(0.5)
    row = np.array(data["mean"]) + np.array(data["scale"])  # one standard deviation above the mean everywhere
    expected = 1 / (1 + math.exp(-(sum(data["coef"]) + data["intercept"])))
    assert classifier.probabilities(row[None, :])[0] == pytest.approx(expected)


def test_a_weights_file_reproduces_a_known_score(tmp_path):
    weights = tmp_path / "weights.json"
    coef = [0.0] * len(FEATURES)
    coef[FEATURES.index("controls")] = 2.0
    weights.write_text(
        json.dumps(
            {
                "features": FEATURES,
                "mean": [0.0] * len(FEATURES),
                "scale": [1.0] * len(FEATURES),
                "coef": coef,
                "intercept": -1.0,
            }
        )
    )
    row = np.zeros((1, len(FEATURES)))
    row[0, FEATURES.index("controls")] = 1.0
    assert BlockClassifier.load(0.5, weights).probabilities(row)[0] == pytest.approx(1 / (1 + math.exp(-1.0)))


def test_weights_for_other_features_are_refused_in_one_line(tmp_path):
    weights = tmp_path / "weights.json"
    weights.write_text(json.dumps({"features": ["words"], "mean": [0], "scale": [1], "coef": [1], "intercept": 0}))
    with pytest.raises(ValueError, match="weights for other features"):
        BlockClassifier.load(0.5, weights)


def test_each_stage_records_what_it_removed_with_its_evidence():
    promo = '<p class="read-more">Also on Courier: <a href="/news/2026/11/tram">Tram works start on Marsh Lane</a></p>'
    removals: Removals = []
    assert run(story_with(promo + "<p>Advertisement</p>"), removals) == STORY
    assert Removal("Also on Courier: Tram works start on Marsh Lane", "structure", "class or id readmore") in removals
    assert {removal.stage for removal in removals} <= {"structure", "model", "phrase"}
    assert "Advertisement" in {removal.block for removal in removals}


def test_a_credit_line_is_recorded_as_the_credit_stage_with_the_outlet_it_names():
    removals: Removals = []
    line = "This article originally appeared on Harbour Weekly."
    assert run(story_with("") + f"<p>{line}</p>", removals) == STORY
    assert [(r.stage, r.evidence) for r in removals if r.block == line] == [
        ("credit", "a syndication credit naming Harbour Weekly")
    ]
