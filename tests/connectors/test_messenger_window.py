import pytest

from connectors.messenger_window import (
    APPOINTMENT_TAG,
    HOLD,
    RESPONSE,
    Delivery,
    decide,
    held_bot_messages,
    last_user_timestamp,
    message_tag,
    tag_metadata,
)

HOUR = 3600.0
TAGGED = {"utter_action": "utter_x", "metadata": {"messenger_tag": APPOINTMENT_TAG}}


def test_inside_the_window_everything_is_a_response():
    assert decide(None, 1000.0, 1000.0 + 23.9 * HOUR) == RESPONSE
    assert decide(APPOINTMENT_TAG, 1000.0, 1000.0 + HOUR) == RESPONSE


def test_outside_the_window_only_tagged_messages_go_and_the_rest_is_held():
    assert decide(APPOINTMENT_TAG, 0.0, 24 * HOUR) == Delivery("MESSAGE_TAG", APPOINTMENT_TAG)
    assert decide(None, 0.0, 24 * HOUR) == HOLD
    assert decide(None, None, 5.0).held
    assert decide(APPOINTMENT_TAG, None, 5.0).tag == APPOINTMENT_TAG


def test_only_the_allowed_tag_is_read_from_a_bot_message():
    assert message_tag(TAGGED) == APPOINTMENT_TAG
    assert message_tag({"metadata": {"messenger_tag": "ACCOUNT_UPDATE"}}) is None
    assert message_tag({"messenger_tag": APPOINTMENT_TAG}) is None
    assert message_tag(None) is None
    assert message_tag({"metadata": "x"}) is None


def test_tag_metadata_names_only_an_allowed_tag():
    assert tag_metadata(APPOINTMENT_TAG) == {"messenger_tag": "CONFIRMED_EVENT_UPDATE"}
    assert message_tag({"metadata": tag_metadata(APPOINTMENT_TAG)}) == APPOINTMENT_TAG
    with pytest.raises(ValueError):
        tag_metadata("ACCOUNT_UPDATE")


def user(at):
    return {"event": "user", "timestamp": at, "text": "bonjour"}


def bot(at, text, metadata=None):
    return {"event": "bot", "timestamp": at, "text": text, "metadata": metadata or {}}


def test_held_messages_are_the_untagged_ones_sent_after_the_window_closed():
    events = [
        user(0.0), bot(1.0, "reply"),
        bot(25 * HOUR, "medication"), bot(26 * HOUR, "appointment", TAGGED),
        {"event": "action", "timestamp": 26 * HOUR},
        bot(30 * HOUR, "medication again"),
    ]
    assert [e["text"] for e in held_bot_messages(events)] == ["medication", "medication again"]
    assert last_user_timestamp(events) == 0.0


def test_nothing_is_held_once_the_patient_wrote_again():
    events = [user(0.0), bot(25 * HOUR, "medication"), user(40 * HOUR), bot(40 * HOUR, "r")]
    assert held_bot_messages(events) == []
    assert held_bot_messages([]) == []
    assert last_user_timestamp([]) is None


def test_messages_to_someone_who_never_wrote_are_held():
    assert [e["text"] for e in held_bot_messages([bot(5.0, "hello")])] == ["hello"]


def test_an_api_trigger_is_not_the_patient_writing():
    def trigger(at):  # as Rasa's trigger_intent records it
        return {"event": "user", "timestamp": at, "text": "EXTERNAL: EXTERNAL_medication_reminder",
                "metadata": {"is_external": True},
                "parse_data": {"intent": {"name": "EXTERNAL_medication_reminder"}}}

    events = [user(0.0), trigger(30 * HOUR), bot(30 * HOUR, "medication"), trigger(31 * HOUR),
              bot(31 * HOUR, "again")]
    assert [e["text"] for e in held_bot_messages(events)] == ["medication", "again"]
    assert last_user_timestamp(events) == 0.0
