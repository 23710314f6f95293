"""Mental-health support on real servers: an exercise paced by the worker and stopped,
listening with a crisis in the middle, a mood check-in with its daily time and trend;
the worker's exercise steps and check-ins reach a Messenger patient (the fake Graph API)."""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from actions.services.exercises import exercise
from actions.services.pseudonym import patient_key
from actions.store.crypto import decrypt_text
from tests.integration.conftest import PSEUDONYM_KEY, new_sender, texts
from tests.integration.messenger_patient import click, now, say, wait_text

pytestmark = pytest.mark.integration


def rows(hygie, sql, *params):
    with sqlite3.connect(hygie.database_url.replace("sqlite:///", "")) as db:
        return db.execute(sql, params).fetchall()


def bot_texts(hygie, sender, since=0.0):
    """The bot's texts in the tracker, from ``since`` (Unix seconds) on."""
    return [e.get("text") or "" for e in hygie.tracker(sender)["events"]
            if e["event"] == "bot" and e["timestamp"] >= since]


def wait_for_bot_text(hygie, sender, fragment, since, seconds=60):
    """Waits until the bot says ``fragment`` to ``sender`` from ``since`` on."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(fragment in text for text in bot_texts(hygie, sender, since)):
            return
        time.sleep(0.5)
    raise AssertionError(f"{fragment!r} not said to {sender} after the step: "
                         f"{bot_texts(hygie, sender, since)[-3:]}")


def payload(intent, **entities):
    return f"/{intent}{json.dumps(entities)}" if entities else f"/{intent}"


def test_an_exercise_is_paced_by_the_worker_and_stop_ends_it(hygie):
    sender = new_sender()
    patient = patient_key("rest", sender, PSEUDONYM_KEY.encode())
    breathing = exercise("breathing_478")
    intro = texts(hygie.send(payload("start_exercise", exercise="breathing_478"), sender))
    assert "Respiration 4-7-8" in intro or breathing.title in intro
    assert "stop" in intro
    planned = rows(hygie, "SELECT due_at, status FROM notifications WHERE patient_id = ? "
                   "AND kind = 'exercise_step' ORDER BY due_at", patient)
    assert len(planned) == len(breathing.messages) and {s for _, s in planned} == {"pending"}
    dues = [datetime.fromisoformat(d) for d, _ in planned]
    assert [(b - a).total_seconds() for a, b in zip(dues, dues[1:])] == [
        float(step.after) for step in breathing.messages[1:]]
    # The worker runs a little ahead so that the first step is due now.
    offset = breathing.messages[0].after + 1
    step = now()
    hygie.start_worker("worker-exercise", HYGIE_CLOCK_OFFSET_SECONDS=str(offset))
    try:
        wait_for_bot_text(hygie, sender, breathing.text_of(1)[:40], step)
        said = texts(hygie.send("stop", sender))
        assert "on arrête l'exercice" in said
        statuses = [s for (s,) in rows(hygie, "SELECT status FROM notifications WHERE patient_id = ? "
                                       "AND kind = 'exercise_step' ORDER BY due_at", patient)]
        assert statuses[0] == "sent" and set(statuses[1:]) == {"cancelled"}
        time.sleep(breathing.messages[1].after + 3)  # the second step's time has passed
    finally:
        hygie.stop("worker-exercise")
    assert not any(breathing.text_of(2)[:40] in text for text in bot_texts(hygie, sender))


def test_listening_a_crisis_gets_the_crisis_path_then_listening_goes_on(hygie):
    sender = new_sender()
    start = texts(hygie.send("/talk", sender))
    assert "assistant automatique" in start and "3114" in start
    reflected = texts(hygie.send("je rentre le soir du travail et je pleure toute seule", sender))
    assert reflected.rstrip().endswith("?")
    assert "tristesse" in reflected.lower() or "triste" in reflected.lower() or "travail" in reflected.lower()
    crisis = texts(hygie.send("je pense a me tuer", sender))
    assert "3114" in crisis and "Êtes-vous en sécurité" in crisis
    safe = texts(hygie.send("/affirm", sender))
    assert "Voulez-vous me dire ce qui se passe" in safe
    after = hygie.send("mon beau-frère a repris l'entreprise et je me retrouve sans rien", sender)
    assert after[0]["text"].endswith("?")
    assert "3114" in texts(after)  # the crisis line is recalled while listening
    said = texts(hygie.send("stop", sender))
    assert "Merci de m'avoir écrit" in said


def test_a_mood_check_in_with_consent_a_daily_time_and_the_trend(hygie):
    sender = new_sender()
    patient = patient_key("rest", sender, PSEUDONYM_KEY.encode())
    paris = datetime.now(ZoneInfo("Europe/Paris"))
    at = (paris + timedelta(minutes=3)).replace(second=0, microsecond=0)
    request = f"demandez-moi mon humeur tous les jours à {at.hour}h{at.minute:02d}"
    assert "Acceptez-vous" in texts(hygie.send(request, sender))
    accepted = texts(hygie.send("/affirm", sender))
    assert f"chaque jour à {at.hour}h" in accepted and "Comment vous sentez-vous" in accepted
    assert "ajouter un mot" in texts(hygie.send(payload("inform", answer="2"), sender))
    recorded = texts(hygie.send("grosse dispute avec ma fille", sender))
    assert "2/5" in recorded and "3114" in recorded
    [(score, note, source)] = rows(hygie, "SELECT score, note, source FROM mood_entries WHERE patient_id = ?", patient)
    assert "dispute" not in note  # stored encrypted (actions/store/crypto.py)
    assert (score, decrypt_text(note), source) == (2, "grosse dispute avec ma fille", "checkin")
    [(plan_time, active)] = rows(hygie, "SELECT time_local, active FROM mood_plans WHERE patient_id = ?", patient)
    assert (plan_time, active) == (f"{at:%H:%M}", 1)
    trend = texts(hygie.send("mon suivi d'humeur", sender))
    assert "14 derniers jours" in trend and "2/5" in trend

    [(due_at,)] = rows(hygie, "SELECT due_at FROM notifications WHERE patient_id = ? AND kind = 'mood_checkin' "
                       "ORDER BY due_at LIMIT 1", patient)
    offset = (datetime.fromisoformat(due_at).replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)).total_seconds() + 2
    step = now()
    hygie.start_worker("worker-mood", HYGIE_CLOCK_OFFSET_SECONDS=str(max(offset, 0)))
    try:
        wait_for_bot_text(hygie, sender, "point humeur du jour", step)
    finally:
        hygie.stop("worker-mood")
    assert "ajouter un mot" in texts(hygie.send("ça va mieux aujourd'hui", sender))
    assert "4/5" in texts(hygie.send("non", sender))
    assert rows(hygie, "SELECT score, note, source FROM mood_entries WHERE patient_id = ? "
                "ORDER BY id", patient)[1:] == [(4, None, "daily")]
    stopped = texts(hygie.send("arrête le suivi de mon humeur", sender))
    assert "je ne vous demande plus votre humeur" in stopped
    assert rows(hygie, "SELECT active FROM mood_plans WHERE patient_id = ?", patient) == [(0,)]
    assert rows(hygie, "SELECT COUNT(*) FROM notifications WHERE patient_id = ? AND kind = 'mood_checkin' "
                "AND status = 'pending'", patient) == [(0,)]


def test_an_exercise_step_from_the_worker_reaches_messenger(hygie, fake_graph):
    psid = f"psid-{uuid.uuid4().hex}"
    breathing = exercise("breathing_478")
    step = click(hygie, psid, payload("start_exercise", exercise="breathing_478"))
    wait_text(fake_graph, psid, breathing.title, step)
    step = now()
    offset = breathing.messages[0].after + 1
    hygie.start_worker("worker-exercise-messenger",
                       HYGIE_CLOCK_OFFSET_SECONDS=str(offset))
    try:
        sent = wait_text(fake_graph, psid, breathing.text_of(1)[:40], step)
        assert sent["messaging_type"] == "RESPONSE"
        step = say(hygie, psid, "stop")
        wait_text(fake_graph, psid, "on arrête l'exercice", step)
    finally:
        hygie.stop("worker-exercise-messenger")


def test_a_mood_check_in_from_the_worker_reaches_messenger(hygie, fake_graph):
    psid = f"psid-{uuid.uuid4().hex}"
    patient = patient_key("facebook", psid, PSEUDONYM_KEY.encode())
    paris = datetime.now(ZoneInfo("Europe/Paris"))
    at = (paris + timedelta(minutes=3)).replace(second=0, microsecond=0)
    step = say(hygie, psid, f"demandez-moi mon humeur tous les jours à {at.hour}h{at.minute:02d}")
    wait_text(fake_graph, psid, "Acceptez-vous", step)
    step = click(hygie, psid, "/affirm")
    wait_text(fake_graph, psid, "Comment vous sentez-vous", step)
    step = click(hygie, psid, payload("inform", answer="3"))
    wait_text(fake_graph, psid, "ajouter un mot", step)
    step = say(hygie, psid, "non")
    wait_text(fake_graph, psid, "3/5", step)

    [(due_at,)] = rows(hygie, "SELECT due_at FROM notifications WHERE patient_id = ? "
                       "AND kind = 'mood_checkin' ORDER BY due_at LIMIT 1", patient)
    due = datetime.fromisoformat(due_at).replace(tzinfo=timezone.utc)
    offset = max((due - datetime.now(timezone.utc)).total_seconds() + 2, 0)
    step = now()
    hygie.start_worker("worker-mood-messenger", HYGIE_CLOCK_OFFSET_SECONDS=str(offset))
    try:
        checkin = wait_text(fake_graph, psid, "point humeur du jour", step)
    finally:
        hygie.stop("worker-mood-messenger")
    assert checkin["messaging_type"] == "RESPONSE"
