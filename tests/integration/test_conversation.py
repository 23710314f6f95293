"""The conversation core through the REST channel, stored in the SQL tracker store."""

import pytest

from actions.services.content import get_content
from tests.integration.conftest import new_sender, texts

pytestmark = pytest.mark.integration


def test_bonjour_gets_the_greeting_that_says_hygie_is_not_a_doctor(hygie):
    sender = new_sender()
    replies = hygie.send("bonjour", sender=sender)
    assert "assistant automatique" in replies[0]["text"]
    assert "Je ne suis pas médecin" in replies[0]["text"]
    assert "appelez le 15" in replies[0]["text"]
    assert [b["payload"] for b in replies[0]["buttons"]][:4] == [
        "/book_appointment", "/browse_faq", "/browse_first_aid", "/browse_prevention",
    ]
    events = hygie.tracker(sender)["events"]
    assert [e["name"] for e in events if e["event"] == "action"][-2:] == [
        "utter_greet", "action_listen",
    ]


def test_a_menu_button_leads_to_a_sourced_answer(hygie):
    sender = new_sender()
    hygie.send("bonjour", sender=sender)
    buttons = hygie.send("/browse_first_aid", sender=sender)[0]["buttons"]
    replies = hygie.send(buttons[0]["payload"], sender=sender)
    answer = texts(replies)
    first = get_content().topics_of("first_aid")[0]
    assert len(replies) == 1, "a topic is one message, not one bubble per paragraph"
    assert answer.startswith(first.title)
    assert "Source : " in answer and "le 15" in answer


def test_a_question_in_words_gets_the_practice_details(hygie):
    answer = texts(hygie.send("c'est quoi vos horaires d'ouverture svp"))
    assert get_content().practice["practice_hours"] in answer


def test_a_request_for_a_diagnosis_is_declined_with_the_red_flags(hygie):
    answer = texts(hygie.send("j'ai des boutons partout vous pensez que c'est quoi comme maladie"))
    assert "Appelez le 15" in answer
