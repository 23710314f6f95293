"""Appointments end to end on real servers: a booking through the REST channel, its
reminder delivered by the worker (clock moved forward), answered with "Je décale"; the
worker's reminder reaching a Messenger patient (the fake Graph API)."""

from __future__ import annotations

import sqlite3
import time
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from actions.services.pseudonym import patient_key
from tests.integration.conftest import PSEUDONYM_KEY, new_sender, texts
from tests.integration.messenger_patient import buttons_of, click, now, say, wait_text
from tests.integration.test_messenger import book_for_messenger

pytestmark = pytest.mark.integration


def rows(hygie, sql, *params):
    with sqlite3.connect(hygie.database_url.replace("sqlite:///", "")) as db:
        return db.execute(sql, params).fetchall()


def reply_with(replies, fragment):
    found = [reply for reply in replies if fragment in reply.get("text", "")]
    assert found, f"{fragment!r} not in {texts(replies)!r}"
    return found[0]


def offer_buttons(reply):
    return [b for b in reply.get("buttons", []) if b["title"] != "Annuler"]


def as_utc(text):
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def bot_event_with(hygie, sender, fragment, since, seconds=90):
    """The first bot event from ``since`` (Unix seconds) on saying ``fragment``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for event in hygie.tracker(sender)["events"]:
            if (event["event"] == "bot" and event["timestamp"] >= since
                    and fragment in (event.get("text") or "")):
                return event
        time.sleep(0.5)
    raise AssertionError(f"{fragment!r} not said to {sender} after the step")


def book(hygie, sender, request):
    assert "Acceptez-vous" in texts(hygie.send(request, sender))
    offers = reply_with(hygie.send("/affirm", sender), "Voici les créneaux libres")
    buttons = offer_buttons(offers)
    assert 3 <= len(buttons) <= 5
    summary = reply_with(hygie.send(buttons[0]["payload"], sender), "Je réserve ce rendez-vous ?")
    booked = reply_with(hygie.send("/affirm", sender), "C'est réservé")
    return summary, booked


def test_a_booking_then_its_reminder_answered_je_decale(hygie):
    sender = new_sender()
    patient = patient_key("rest", sender, PSEUDONYM_KEY.encode())
    # Two weeks ahead, so the day-before reminder (18:00) is never already past: "la
    # semaine prochaine" booked on a Sunday evening gives Monday, with one reminder only.
    summary, booked = book(hygie, sender, "bonjour je voudrais un rdv avec le médecin dans 15 jours")
    assert "médecin généraliste" in summary["text"]
    assert "À apporter" in booked["text"] and "carte Vitale" in booked["text"]

    [(appointment_id, starts_at, status)] = rows(
        hygie, "SELECT id, starts_at, status FROM appointments WHERE patient_id = ?", patient)
    assert status == "booked"
    reminders = rows(
        hygie, "SELECT id, due_at, status FROM notifications WHERE patient_id = ? "
        "AND kind = 'appointment_reminder' ORDER BY due_at", patient)
    assert [r[2] for r in reminders] == ["pending", "pending"]
    assert all(as_utc(r[1]) < as_utc(starts_at) for r in reminders)

    day_before = as_utc(reminders[0][1])
    offset = (day_before - datetime.now(timezone.utc)).total_seconds() + 2
    step = now()
    hygie.start_worker("worker-appointments", HYGIE_CLOCK_OFFSET_SECONDS=str(offset))
    try:
        reminder = bot_event_with(hygie, sender, "Rappel : rendez-vous", step)
    finally:
        hygie.stop("worker-appointments")
    buttons = {b["title"]: b["payload"] for b in reminder["data"]["buttons"]}
    assert set(buttons) == {"Je confirme", "Je décale", "J'annule"}
    assert rows(hygie, "SELECT status FROM notifications WHERE id = ?", reminders[0][0]) == [("sent",)]

    asked = hygie.send(buttons["Je décale"], sender)
    assert "Quand seriez-vous disponible" in texts(asked)
    assert rows(hygie, "SELECT reminder_answer FROM appointments WHERE id = ?", appointment_id) == [("move",)]

    offers = reply_with(hygie.send("le plus tôt possible", sender), "Voici les créneaux libres")
    new_slot = offer_buttons(offers)[0]["payload"]
    reply_with(hygie.send(new_slot, sender), "Je déplace ce rendez-vous ?")
    reply_with(hygie.send("/affirm", sender), "C'est déplacé")
    active = rows(
        hygie, "SELECT starts_at FROM appointments WHERE patient_id = ? AND status != 'cancelled'", patient)
    chosen_start = datetime.fromisoformat(new_slot.split("|")[1])
    assert [as_utc(row[0]) for row in active] == [chosen_start]
    assert chosen_start != as_utc(starts_at)
    planned = rows(
        hygie, "SELECT status FROM notifications WHERE patient_id = ? "
        "AND kind = 'appointment_reminder' AND status = 'pending'", patient)
    assert planned, "the moved appointment has its reminders planned again"


def test_cancelling_frees_the_slot_and_mes_rendez_vous_is_empty_again(hygie):
    sender = new_sender()
    patient = patient_key("rest", sender, PSEUDONYM_KEY.encode())
    book(hygie, sender, "je voudrais voir le kiné dans 15 jours")
    listed = hygie.send("mes rendez-vous", sender)
    assert "kinésithérapeute" in texts(listed)
    cancelled = hygie.send("je veux annuler mon rendez-vous", sender)
    assert "C'est annulé" in texts(cancelled)
    assert rows(hygie, "SELECT status FROM appointments WHERE patient_id = ?", patient) == [("cancelled",)]
    assert rows(hygie, "SELECT COUNT(*) FROM appointment_slots s JOIN appointments a "
                "ON a.id = s.appointment_id WHERE a.patient_id = ?", patient) == [(0,)]
    assert "aucun rendez-vous" in texts(hygie.send("mes rendez-vous", sender))


def test_a_cancellation_less_than_24_hours_ahead_is_confirmed_first(hygie):
    sender = new_sender()
    patient = patient_key("rest", sender, PSEUDONYM_KEY.encode())
    book(hygie, sender, "rdv medecin le plus tot possible")
    [(starts_at,)] = rows(hygie, "SELECT starts_at FROM appointments WHERE patient_id = ?", patient)
    late = as_utc(starts_at) - datetime.now(timezone.utc) < timedelta(hours=24)
    answer = hygie.send("je dois annuler mon rdv", sender)
    if late:  # the earliest slot is usually within 24 h; on a weekend it may not be
        assert "moins de 24 heures" in texts(answer)
        assert rows(hygie, "SELECT status FROM appointments WHERE patient_id = ?", patient) == [("booked",)]
        answer = hygie.send("oui", sender)
    assert "C'est annulé" in texts(answer)
    assert rows(hygie, "SELECT status FROM appointments WHERE patient_id = ?", patient) == [("cancelled",)]


def test_without_consent_no_appointment_is_stored(hygie):
    sender = new_sender()
    patient = patient_key("rest", sender, PSEUDONYM_KEY.encode())
    assert "Acceptez-vous" in texts(hygie.send("rdv avec le docteur demain", sender))
    assert "je n'enregistre pas vos données de santé" in texts(hygie.send("/deny", sender))
    assert rows(hygie, "SELECT COUNT(*) FROM appointments WHERE patient_id = ?", patient) == [(0,)]


def test_an_appointment_reminder_from_the_worker_reaches_messenger(hygie, fake_graph):
    psid = f"psid-{uuid.uuid4().hex}"
    step = say(hygie, psid, "bonjour")  # opens Meta's 24-hour window
    wait_text(fake_graph, psid, "assistant automatique", step)
    reminder_ids = book_for_messenger(hygie, psid)
    [(due_at,)] = rows(hygie, "SELECT due_at FROM notifications WHERE id = ?",
                       reminder_ids[0])
    offset = (as_utc(due_at) - datetime.now(timezone.utc)).total_seconds() + 2
    step = now()
    hygie.start_worker("worker-appointments-messenger",
                       HYGIE_CLOCK_OFFSET_SECONDS=str(offset))
    try:
        reminder = wait_text(fake_graph, psid, "Rappel : rendez-vous", step)
    finally:
        hygie.stop("worker-appointments-messenger")
    assert reminder["messaging_type"] == "RESPONSE"
    buttons = {b["title"]: b["payload"] for b in buttons_of(reminder["message"])}
    assert list(buttons) == ["Je confirme", "Je décale", "J'annule"]
    step = click(hygie, psid, buttons["Je décale"])
    wait_text(fake_graph, psid, "Quand seriez-vous disponible", step)
