"""The appointment reminder action tags its message for Messenger; nothing else does."""

from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import appointment_booking as booking
from actions.appointments import ActionSendAppointmentReminder
from connectors.messenger_window import message_tag

SHOWN = booking.Shown(
    id=7, starts_at=datetime(2026, 12, 15, 8, 0, tzinfo=timezone.utc), type_key="consultation",
    practitioner_key="dr-a", teleconsultation=False, when="mardi 15 décembre à 9 h",
    who="Dr A", where="1 rue de test", bring="carte Vitale", short="mar. 15/12 9 h",
)


def trigger() -> Tracker:
    return Tracker.from_dict({
        "sender_id": "psid-1", "slots": {}, "paused": False, "followup_action": None,
        "latest_message": {"intent": {"name": "EXTERNAL_appointment_reminder"},
                           "entities": [{"entity": "notification_id", "value": "3"}]},
        "events": [], "active_loop": {}, "latest_action_name": "action_listen",
    })


async def run(monkeypatch, shown):
    monkeypatch.setattr(booking, "reminder_to_speak", lambda tracker: shown)
    dispatcher = CollectingDispatcher()
    events = await ActionSendAppointmentReminder().run(dispatcher, trigger(), {})
    return events, dispatcher.messages


async def test_the_reminder_carries_the_confirmed_event_update_tag(monkeypatch):
    events, [said] = await run(monkeypatch, SHOWN)
    assert said["metadata"] == {"messenger_tag": "CONFIRMED_EVENT_UPDATE"}
    # Rasa nests a response's metadata under "metadata" on the bot event.
    assert message_tag({"metadata": said["metadata"]}) == "CONFIRMED_EVENT_UPDATE"
    assert "Rappel : rendez-vous mardi 15 décembre" in said["text"]
    assert [b["title"] for b in said["buttons"]] == ["Je confirme", "Je décale", "J'annule"]
    assert events == [{"event": "slot", "timestamp": None, "name": "reminder_appointment_id", "value": "7"}]


async def test_a_reminder_not_to_speak_says_nothing(monkeypatch):
    assert await run(monkeypatch, None) == ([], [])
