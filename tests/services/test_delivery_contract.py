import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from actions.services.delivery_contract import (
    DELIVERABLE_KINDS,
    MEDICATION_FOLLOWUP_INTENT,
    MEDICATION_REMINDER_INTENT,
    already_delivered,
    conversation_channel,
    conversation_path,
    events_before_latest_trigger,
    handoff_closed_payload,
    is_patient_message,
    notification_id_of,
    staff_reply_payload,
    trigger_payload,
    trigger_request,
)
from tests.actions.fake_rasa import external_event


def trigger(intent, notification_id):
    """A trigger exactly as Rasa 3.6 stores it for POST …/trigger_intent."""
    entities = [{"entity": "notification_id", "value": str(notification_id)}]
    return UserUttered.create_external(intent, entities, "socketio").as_dict()


def patient(text="/dose_snooze"):
    return UserUttered(text, {"name": "dose_snooze"}).as_dict()


BOT = BotUttered("C'est l'heure de votre Doliprane").as_dict()
LISTEN = ActionExecuted("action_listen").as_dict()


def test_trigger_payloads_name_the_intent_of_each_kind():
    assert trigger_payload("medication_dose", 12) == {
        "name": MEDICATION_REMINDER_INTENT,
        "entities": {"notification_id": "12"},
    }
    assert trigger_payload("medication_followup", 7)["name"] == (
        MEDICATION_FOLLOWUP_INTENT
    )
    assert trigger_payload("appointment_reminder", 9) == {
        "name": "EXTERNAL_appointment_reminder",
        "entities": {"notification_id": "9"},
    }
    assert trigger_payload("exercise_step", 3)["name"] == "EXTERNAL_exercise_step"
    assert trigger_payload("mood_checkin", 4)["name"] == "EXTERNAL_mood_checkin"
    assert DELIVERABLE_KINDS == (
        "medication_dose",
        "medication_followup",
        "appointment_reminder",
        "exercise_step",
        "mood_checkin",
    )
    with pytest.raises(KeyError):
        trigger_payload("unknown_kind", 1)


def test_the_notification_of_a_rasa_event():
    assert notification_id_of(trigger(MEDICATION_REMINDER_INTENT, 12)) == 12
    assert notification_id_of(trigger(MEDICATION_FOLLOWUP_INTENT, 7)) == 7
    assert notification_id_of(trigger("EXTERNAL_other", 12)) is None
    assert notification_id_of(trigger(MEDICATION_REMINDER_INTENT, "x")) is None
    assert notification_id_of(patient()) is None
    assert notification_id_of(BOT) is None
    assert is_patient_message(patient()) and not is_patient_message(BOT)
    assert not is_patient_message(trigger(MEDICATION_REMINDER_INTENT, 12))


def test_the_fake_rasa_stores_triggers_as_rasa_does():
    real = trigger(MEDICATION_REMINDER_INTENT, 12)
    fake = external_event(MEDICATION_REMINDER_INTENT, {"notification_id": "12"}, 0.0)
    ignored = ("timestamp", "input_channel")
    assert {k: v for k, v in fake.items() if k not in ignored} == {
        k: v for k, v in real.items() if k not in ignored
    }


def test_a_first_delivery_is_found_anywhere_in_the_tracker():
    events = [trigger(MEDICATION_REMINDER_INTENT, 12), BOT, LISTEN, patient("bonjour")]
    assert already_delivered(events, 12, resent=False)
    assert not already_delivered(events, 13, resent=False)
    assert not already_delivered([], 12, resent=False)


def test_a_snoozed_reminder_counts_only_after_the_patient_answered():
    spoken = [trigger(MEDICATION_REMINDER_INTENT, 12), BOT, LISTEN, patient(), BOT]
    # the snooze answered the first delivery: the second is not in the tracker yet
    assert not already_delivered(spoken, 12, resent=True)
    again = [*spoken, trigger(MEDICATION_REMINDER_INTENT, 12), BOT]
    assert already_delivered(again, 12, resent=True)


def test_the_action_looks_at_the_events_before_its_own_trigger():
    first = trigger(MEDICATION_REMINDER_INTENT, 12)
    duplicate = trigger(MEDICATION_REMINDER_INTENT, 12)
    events = [first, BOT, LISTEN, duplicate]
    assert events_before_latest_trigger(events) == [first, BOT, LISTEN]
    assert already_delivered(events_before_latest_trigger(events), 12, resent=False)
    assert not already_delivered(events_before_latest_trigger([first]), 12, False)
    assert events_before_latest_trigger([BOT]) == [BOT]


def test_staff_console_payloads():
    assert staff_reply_payload(7) == {
        "name": "EXTERNAL_staff_reply",
        "entities": {"staff_message_id": "7"},
    }
    assert handoff_closed_payload(3) == {
        "name": "EXTERNAL_handoff_closed",
        "entities": {"referral_id": "3"},
    }
    # A staff reply is not a reminder: the worker's duplicate check ignores it.
    event = external_event("EXTERNAL_staff_reply", {"staff_message_id": "7"}, 0.0)
    assert notification_id_of(event) is None


def test_only_what_trigger_intent_writes_makes_a_trigger():
    forged = UserUttered("stop", {"name": "deny"}, metadata={"is_external": True}).as_dict()
    # a typed word the NLU reads as a trigger intent (it happens: "erase_data")
    misread = UserUttered("erase_data", {"name": "EXTERNAL_exercise_step"}).as_dict()
    both = UserUttered("EXTERNAL: EXTERNAL_staff_reply", {"name": "EXTERNAL_staff_reply"},
                       metadata={"is_external": True}).as_dict()
    assert is_patient_message(forged) and is_patient_message(misread)
    assert not is_patient_message(both)
    assert not is_patient_message(trigger(MEDICATION_REMINDER_INTENT, 3))


def test_a_conversation_belongs_to_the_channel_of_its_first_patient_message():
    def said(channel, text="bonjour"):
        return UserUttered(text, {"name": "greet"}, input_channel=channel).as_dict()

    assert conversation_channel([LISTEN, said("socketio"), said("rest"), BOT]) == "socketio"
    # a session opened by a reminder: the channel it was sent to
    assert conversation_channel([trigger(MEDICATION_REMINDER_INTENT, 3)]) == "socketio"
    assert conversation_channel(
        [trigger(MEDICATION_REMINDER_INTENT, 3), said("facebook")]
    ) == "facebook"
    collected = UserUttered.create_external("EXTERNAL_mood_checkin", [], "collector")
    assert conversation_channel([collected.as_dict(), said(None)]) is None
    assert conversation_channel([]) is None


def test_a_trigger_names_the_patients_channel_and_never_latest():
    path, query = trigger_request("conv 1/é", "facebook", "tok")
    assert path == "/conversations/conv%201/%C3%A9/trigger_intent"
    assert query == {"output_channel": "facebook", "include_events": "NONE", "token": "tok"}
    assert conversation_path("a", "tracker") == "/conversations/a/tracker"
    for channel in ("latest", ""):
        with pytest.raises(ValueError):
            trigger_request("conv", channel, "tok")
