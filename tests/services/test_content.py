import re
from pathlib import Path

import pytest
import yaml

from actions.services.content import (
    CONTENT_DIR,
    ContentError,
    load_content,
)

ROOT = Path(__file__).resolve().parents[2]
# A help number written in words around it: "le 15", "au 3114", "appelez le 112"...
LITERAL_HELP_NUMBER = re.compile(
    r"\b(?:le|au|du|composez|appelez|sms)\s+(?:15|17|18|112|114|119|3114|3919|39 ?89|116 ?117)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def content():
    return load_content()


def nlu_retrieval_keys(intent: str) -> set:
    keys = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            name = block.get("intent", "")
            if name.startswith(f"{intent}/"):
                keys.add(name)
    return keys


@pytest.mark.parametrize(
    "intent, minimum",
    [("faq", 30), ("first_aid", 15), ("prevention", 15), ("medical_advice", 5)],
)
def test_each_family_has_enough_topics_and_matches_the_training_data(content, intent, minimum):
    topics = {t.intent_response_key for t in content.topics_of(intent)}
    assert len(topics) >= minimum
    assert topics == nlu_retrieval_keys(intent)


def test_every_answer_names_its_source_and_fills_its_placeholders(content):
    for topic in content.topics.values():
        text = content.render_topic(topic)
        assert "Source : " in text, topic.key
        assert "{" not in text and "}" not in text, topic.key


def test_first_aid_answers_say_when_to_call_the_samu(content):
    for topic in content.topics_of("first_aid"):
        assert f"le {content.numbers['samu']}" in content.render(topic.call_15), topic.key


def test_medical_advice_answers_give_the_red_flags(content):
    for topic in content.topics_of("medical_advice"):
        assert f"{content.numbers['samu']}" in content.render(topic.answer), topic.key


def test_help_numbers_are_written_only_in_numbers_yml():
    offenders = []
    for path in [*CONTENT_DIR.glob("*.yml"), ROOT / "domain.yml"]:
        if path.name == "numbers.yml":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if LITERAL_HELP_NUMBER.search(line):
                offenders.append(f"{path.name}:{number}")
    assert offenders == []


def test_the_emergency_numbers_are_the_french_ones(content):
    assert content.numbers["samu"] == "15"
    assert content.numbers["emergency_eu"] == "112"
    assert content.numbers["suicide_line"] == "3114"
    assert content.numbers["sms_deaf"] == "114"
    assert content.antipoison_centres["Paris"] == content.numbers["antipoison"]


def copy_content(tmp_path: Path) -> Path:
    for name in ("numbers.yml", "practice.yml"):
        (tmp_path / name).write_text((CONTENT_DIR / name).read_text(encoding="utf-8"))
    return tmp_path


@pytest.mark.parametrize(
    "file_name, topic_yaml, error",
    [
        ("faq.yml", "title: Horaires\n    answer: Appelez le {samu_typo}.\n    source: Cabinet", "samu_typo"),
        ("first_aid.yml", "title: Brûlure\n    answer: Refroidir.\n    source: Croix-Rouge", "call"),
        ("prevention.yml", "title: Sommeil\n    answer: Dormez.", "source"),
    ],
)
def test_a_malformed_topic_is_refused_with_its_reason(tmp_path, file_name, topic_yaml, error):
    directory = copy_content(tmp_path)
    (directory / file_name).write_text(f"topics:\n  t:\n    {topic_yaml}\n", encoding="utf-8")
    with pytest.raises(ContentError, match=error):
        load_content(directory)


def test_sensitive_families_have_a_generic_answer_with_the_red_flags(content):
    assert set(content.generic) == {"medical_advice", "first_aid"}
    for family, answer in content.generic.items():
        assert answer.intent_response_key == f"{family}/general"
        assert answer.intent_response_key in content.answers
        assert answer.intent_response_key not in content.topics
        text = content.render_topic(answer)
        assert "Source : " in text and f"le {content.numbers['samu']}" in text


def test_a_generic_answer_is_checked_like_a_topic_and_general_is_reserved(tmp_path):
    directory = copy_content(tmp_path)
    (directory / "first_aid.yml").write_text(
        "generic:\n  title: Premiers gestes\n  answer: Protégez.\n  source: Croix-Rouge\n", encoding="utf-8"
    )
    with pytest.raises(ContentError, match="call"):
        load_content(directory)
    (directory / "first_aid.yml").write_text(
        "topics:\n  general:\n    title: X\n    answer: Y\n    source: Z\n    call_15: W\n", encoding="utf-8"
    )
    with pytest.raises(ContentError, match="generic"):
        load_content(directory)
