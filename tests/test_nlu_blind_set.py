"""The blind NLU sets stay blind: large, labelled with real intents, out of training."""

import unicodedata
from pathlib import Path

import pytest
import yaml

from actions.services.content import get_content

ROOT = Path(__file__).resolve().parents[1]
SETS = sorted((ROOT / "tests" / "data").glob("nlu_blind*.yml"))


def fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    return " ".join(
        "".join(ch for ch in plain if not unicodedata.combining(ch)).split()
    )


def nlu_examples() -> set:
    """The examples of data/nlu/*.yml, folded."""
    texts = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in block.get("examples", "").splitlines():
                if line.strip().startswith("- "):
                    texts.add(fold(line.strip()[2:]))
    return texts


def topic_titles() -> set:
    """The content topics' titles, folded: the model learns each one as an example."""
    return {fold(topic.title) for topic in get_content().topics.values()}


def training_texts() -> set:
    return nlu_examples() | topic_titles()


@pytest.fixture(scope="module")
def messages():
    return [
        m
        for path in SETS
        for m in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    ]


def test_the_blind_sets_are_large_and_unique(messages):
    assert SETS
    assert len(messages) >= 300
    assert len({fold(m["text"]) for m in messages}) == len(messages)


def test_every_label_is_an_intent_or_topic_of_the_assistant(messages):
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    intents = set(domain["intents"])
    topics = set(get_content().topics)
    for message in messages:
        label = message["intent"]
        assert label in intents or label in topics, label


def test_no_blind_message_is_in_the_training_data(messages):
    seen = training_texts()

    assert [m["text"] for m in messages if fold(m["text"]) in seen] == []
