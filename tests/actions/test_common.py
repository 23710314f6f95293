import pytest
from rasa.shared.core.events import UserUttered
from rasa_sdk import Tracker

from actions.common import DEFAULT_CHANNEL, channel_of, unit_of_work


def tracker(*events):
    return Tracker.from_dict({"sender_id": "s1", "events": list(events), "slots": {},
                              "latest_message": {}})


def said(channel, intent="greet"):
    return {"event": "user", "text": "bonjour", "input_channel": channel,
            "parse_data": {"intent": {"name": intent}}}


def test_the_channel_is_the_conversations_own_not_the_latest_writer():
    conversation = tracker(said("socketio"), said("rest"))
    assert conversation.get_latest_input_channel() == "rest"
    assert channel_of(conversation) == "socketio"


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'hygie.db'}")


def test_a_conversation_whose_log_was_deleted_keeps_the_channel_stored_at_consent():
    with unit_of_work() as uow:
        uow.patients.get_or_create("p1", "facebook", "s1")
    reminder = UserUttered.create_external("EXTERNAL_medication_reminder", [], None)
    assert channel_of(tracker(reminder.as_dict())) == "facebook"


def test_a_conversation_with_no_patient_message_has_the_default_channel():
    assert channel_of(tracker()) == DEFAULT_CHANNEL
    collected = UserUttered.create_external("EXTERNAL_mood_checkin", [], "collector")
    assert channel_of(tracker(collected.as_dict())) == DEFAULT_CHANNEL
