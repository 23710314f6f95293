"""The test stories' user turns are typed as patients would, not copied from training.

A turn that is a training example checks that the model remembers, not that it
understands. Compared like the blind sets: case, accents and spaces aside. A topic title
is the one exception: a browse menu's button sends it as its payload
(connectors/content_importer.py), so a story that clicks one sends it word for word.
"""

import re
from pathlib import Path

import yaml

from tests.test_nlu_blind_set import fold, nlu_examples, topic_titles

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "test_stories.yml"
# "[text](entity)" or "[text]{...}" annotations in a user turn keep their text only.
ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def user_turns() -> list[tuple[str, str]]:
    """(story, user text) for every typed user turn of the test stories."""
    stories = yaml.safe_load(STORIES.read_text(encoding="utf-8"))["stories"]
    return [
        (story["story"], ANNOTATION.sub(r"\1", step["user"]).strip())
        for story in stories
        for step in story["steps"]
        if "user" in step
    ]


def test_the_stories_have_typed_user_turns():
    assert len(user_turns()) >= 50


def test_no_story_user_turn_is_a_training_example():
    training = nlu_examples() - topic_titles()
    copies = [(story, text) for story, text in user_turns() if fold(text) in training]
    assert copies == [], "rephrase these turns as a patient would type them"


def test_a_topic_title_is_only_sent_after_the_menu_that_shows_it():
    stories = yaml.safe_load(STORIES.read_text(encoding="utf-8"))["stories"]
    titles = topic_titles()
    for story in stories:
        browsed = False
        for step in story["steps"]:
            browsed |= step.get("action", "").startswith("utter_browse_")
            if "user" in step and fold(step["user"]) in titles:
                assert browsed, (story["story"], step["user"])
