from datetime import datetime, timezone

from console.transcript import MAX_LINES, Line, transcript
from tests.actions.fake_rasa import external_event
from tests.console.fake_rasa import bot, user

AT = datetime(2026, 3, 29, 8, 0, tzinfo=timezone.utc).timestamp()


def test_patient_and_hygie_lines_with_times_buttons_by_title_and_no_triggers():
    events = [
        {"event": "action", "name": "action_session_start", "timestamp": AT},
        user("/greet", AT),
        bot("Bonjour", AT + 1, [{"title": "Parler à l'équipe", "payload": "/ask_referral"}]),
        user("/ask_referral", AT + 2),
        external_event("EXTERNAL_staff_reply", {"staff_message_id": "3"}, AT + 3),
        bot("💬 Infirmière Dupont, du cabinet :\nBonjour", AT + 4),
        user("/unknown_payload", AT + 5),
        user("merci", AT + 6),
        {"event": "bot", "text": None, "timestamp": AT + 7},
    ]
    assert transcript(events) == [
        Line("hygie", "Bonjour", datetime.fromtimestamp(AT + 1, tz=timezone.utc)),
        Line("patient", "Parler à l'équipe",
             datetime.fromtimestamp(AT + 2, tz=timezone.utc)),
        Line("hygie", "💬 Infirmière Dupont, du cabinet :\nBonjour",
             datetime.fromtimestamp(AT + 4, tz=timezone.utc)),
        Line("patient", "merci", datetime.fromtimestamp(AT + 6, tz=timezone.utc)),
    ]


def test_undated_events_and_long_conversations():
    assert transcript([{"event": "user", "text": "salut"}]) == [Line("patient", "salut", None)]
    events = [user(f"message {n}", AT + n) for n in range(MAX_LINES + 10)]
    lines = transcript(events)
    assert len(lines) == MAX_LINES and lines[-1].text == f"message {MAX_LINES + 9}"


def test_client_metadata_cannot_hide_a_patient_message():
    forged = {**user("je n'arrive plus à dormir", AT), "metadata": {"is_external": True}}
    forged["parse_data"] = {**forged["parse_data"], "metadata": {"is_external": True}}
    trigger = external_event("EXTERNAL_handoff_closed", {"referral_id": "1"}, AT + 1)
    assert transcript([forged, trigger]) == [
        Line("patient", "je n'arrive plus à dormir",
             datetime.fromtimestamp(AT, tz=timezone.utc)),
    ]
