from pathlib import Path

import pytest
from rasa.shared.importers.importer import TrainingDataImporter

from actions.services.content import get_content
from connectors.content_importer import MAX_BROWSE_BUTTONS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def importer():
    return TrainingDataImporter.load_from_config(
        str(ROOT / "config.yml"), str(ROOT / "domain.yml"), [str(ROOT / "data")]
    )


def test_help_numbers_become_slots_with_their_value(importer):
    slots = {slot.name: slot for slot in importer.get_domain().slots}
    assert slots["samu"].initial_value == "15"
    assert slots["suicide_line"].initial_value == "3114"
    assert slots["practice_phone"].initial_value == get_content().practice["practice_phone"]
    assert not slots["samu"].influence_conversation


def test_every_topic_has_a_response_and_a_retrieval_intent(importer):
    domain = importer.get_domain()
    content = get_content()
    for key, topic in content.answers.items():
        [response] = domain.responses[f"utter_{key}"]
        # The title only: connectors.content_nlg speaks the answer.
        assert response["text"] == topic.title
        team = [{"title": "Écrire à l'équipe du cabinet", "payload": "/request_human"}]
        # A question Hygie must not answer offers the care team, who may.
        assert response.get("buttons") == (team if topic.intent == "medical_advice" else None)
    assert {"faq", "first_aid", "prevention", "medical_advice", "wellbeing"} <= set(
        domain.retrieval_intents
    )


def test_browse_menus_list_topic_titles_as_payloads(importer):
    domain = importer.get_domain()
    buttons = domain.responses["utter_browse_prevention"][0]["buttons"]
    titles = [t.title for t in get_content().topics_of("prevention")]
    assert 1 <= len(buttons) <= MAX_BROWSE_BUTTONS
    assert [b["payload"] for b in buttons] == titles[: len(buttons)]


def test_each_title_is_a_training_example_of_its_topic(importer):
    examples = {
        (m.get("text"), m.get("intent_response_key"))
        for m in importer.get_nlu_data().intent_examples
    }
    for topic in get_content().topics.values():
        assert (topic.title, topic.intent_response_key) in examples


def test_rules_can_name_retrieval_intents(importer):
    intents = {
        event.intent_name
        for step in importer.get_stories().story_steps
        for event in step.events
        if hasattr(event, "intent_name")
    }
    assert {"faq", "first_aid", "emergency_medical", "crisis_suicidal"} <= intents
