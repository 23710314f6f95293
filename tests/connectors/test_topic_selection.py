import pytest
from rasa.shared.nlu.training_data.message import Message

from connectors.topic_selection import choose, family_ranking, generic_topics, select_topics

PROBABILITIES = {
    "medical_advice/dose_change": 0.10,
    "medical_advice/diagnosis": 0.05,
    "medical_advice/prescription": 0.05,
    "prevention/tobacco": 0.60,
    "faq/hours": 0.15,
    "greet": 0.05,
}


def test_a_family_is_ranked_within_itself_only():
    ranking = family_ranking(PROBABILITIES, "medical_advice")

    assert [label for label, _ in ranking] == [
        "medical_advice/dose_change",
        "medical_advice/diagnosis",
        "medical_advice/prescription",
    ]
    assert [value for _, value in ranking] == pytest.approx([0.5, 0.25, 0.25])


def test_a_weak_topic_gives_way_to_the_generic_answer_and_a_clear_one_does_not():
    ranking = [("medical_advice/dose_change", 0.45), ("medical_advice/diagnosis", 0.3)]

    assert choose(ranking, "medical_advice/general", 0.5) == "medical_advice/general"
    assert choose(ranking, "medical_advice/general", 0.4) == "medical_advice/dose_change"
    # A family without a generic answer keeps its best topic.
    assert choose(ranking, None, 0.5) == "medical_advice/dose_change"


def test_generic_answers_are_found_among_the_responses():
    names = ["utter_greet", "utter_faq/hours", "utter_first_aid/general", "utter_medical_advice/general"]

    assert generic_topics(names) == {
        "first_aid": "first_aid/general",
        "medical_advice": "medical_advice/general",
    }


def test_each_family_gets_the_property_its_retrieval_action_reads():
    message = Message(data={"text": "puis-je arreter mon betabloquant"})

    select_topics(message, PROBABILITIES, {"medical_advice": "medical_advice/general"}, 0.5)

    selector = message.get("response_selector")
    assert selector["all_retrieval_intents"] == ["faq", "medical_advice", "prevention"]
    # The stop-smoking topic is the likeliest label overall, but never the answer to a
    # question understood as medical advice.
    assert selector["medical_advice"]["response"] == {
        "confidence": 0.5,
        "intent_response_key": "medical_advice/dose_change",
        "utter_action": "utter_medical_advice/dose_change",
    }
    assert selector["prevention"]["response"]["utter_action"] == "utter_prevention/tobacco"
    assert [entry["intent_response_key"] for entry in selector["medical_advice"]["ranking"]] == [
        "medical_advice/dose_change",
        "medical_advice/diagnosis",
        "medical_advice/prescription",
    ]


def test_the_generic_answer_is_spoken_when_the_best_topic_is_weak():
    message = Message(data={"text": "une question sur mon traitement"})

    select_topics(message, PROBABILITIES, {"medical_advice": "medical_advice/general"}, 0.6)

    response = message.get("response_selector")["medical_advice"]["response"]
    assert response["utter_action"] == "utter_medical_advice/general"
    assert response["confidence"] == 0.0
