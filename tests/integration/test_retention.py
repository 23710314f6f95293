"""Retention on real servers: the worker, its clock moved ahead, deletes conversations
and purges patients when their periods are over, and keeps a conversation while a
request to the care team is open."""

from __future__ import annotations

import sqlite3
import time
import uuid

import pytest

from actions.services.pseudonym import patient_key
from tests.integration.conftest import PSEUDONYM_KEY, new_sender, texts

pytestmark = pytest.mark.integration

DAY = 86400


def rows(hygie, sql, *params):
    with sqlite3.connect(hygie.database_url.replace("sqlite:///", "")) as db:
        return db.execute(sql, params).fetchall()


def said_by_patient(hygie, sender):
    return [e.get("text") for e in hygie.tracker(sender)["events"] if e["event"] == "user"]


def run_worker_until(hygie, name, offset_seconds, done, seconds=90):
    worker = hygie.start_worker(
        name, HYGIE_CLOCK_OFFSET_SECONDS=str(offset_seconds), HYGIE_WORKER_MAINTENANCE_SECONDS="0.5"
    )
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if done():
                return
            assert worker.poll() is None, "the worker stopped"
            time.sleep(0.5)
        raise AssertionError(f"{name}: not done after {seconds} s")
    finally:
        hygie.stop(name)


def test_the_worker_deletes_conversations_and_purges_patients_when_their_time_is_over(hygie):
    # A: consented (the reminder form then cancelled: no reminder to deliver).
    consented = new_sender()
    assert "Acceptez-vous" in texts(hygie.send("je voudrais un rappel pour mes medicaments", consented))
    hygie.send("/affirm", consented)
    hygie.send("annuler", consented)
    patient_a = patient_key("rest", consented, PSEUDONYM_KEY.encode())
    assert rows(hygie, "SELECT COUNT(*) FROM consents WHERE patient_id = ?", patient_a) == [(1,)]
    # B: talked without ever consenting.
    stranger = new_sender()
    hygie.send(f"j'ai mal au ventre depuis {uuid.uuid4().hex[:6]}", stranger)
    # C: consented, with a request to the team still open.
    asking = new_sender()
    assert "Acceptez-vous" in texts(hygie.send("je voudrais parler à une infirmière", asking))
    hygie.send("/affirm", asking)
    hygie.send("mon ordonnance est finie", asking)
    hygie.send('/inform{"answer": "dans les prochains jours"}', asking)
    assert "C'est transmis" in texts(hygie.send("ici", asking))
    patient_c = patient_key("rest", asking, PSEUDONYM_KEY.encode())

    # Two days later: only the conversation without consent is gone.
    run_worker_until(hygie, "worker-retention-2d", 2 * DAY, lambda: not said_by_patient(hygie, stranger))
    assert said_by_patient(hygie, consented) and said_by_patient(hygie, asking)
    [(last_seen,)] = rows(hygie, "SELECT last_seen_at FROM patients WHERE id = ?", patient_a)
    assert last_seen is not None

    # 31 days later: the consented conversation is gone too, not the one with a request.
    run_worker_until(hygie, "worker-retention-31d", 31 * DAY, lambda: not said_by_patient(hygie, consented))
    assert "ici" in said_by_patient(hygie, asking)
    assert rows(hygie, "SELECT COUNT(*) FROM patients WHERE id = ?", patient_a) == [(1,)]

    # 400 days without a message: the patients' data are purged.
    run_worker_until(
        hygie, "worker-retention-400d", 400 * DAY,
        lambda: rows(hygie, "SELECT COUNT(*) FROM patients WHERE id IN (?, ?)", patient_a, patient_c) == [(0,)],
    )
    assert rows(hygie, "SELECT COUNT(*) FROM referrals WHERE patient_id = ?", patient_c) == [(0,)]


def test_a_reminder_still_finds_its_patient_after_the_conversation_was_deleted(hygie, fake_graph):
    from datetime import datetime, timezone

    from tests.integration.test_reminders import create_reminder, due_in

    psid = f"psid-{uuid.uuid4().hex}"
    due = due_in(3600)
    create_reminder(hygie, fake_graph, psid, "kardegic", due)
    with sqlite3.connect(hygie.workdir / "tracker.db") as db:  # what retention does
        assert db.execute("DELETE FROM events WHERE sender_id = ?", (psid,)).rowcount > 0
    offset = (due - datetime.now(timezone.utc)).total_seconds() + 2
    patient = patient_key("facebook", psid, PSEUDONYM_KEY.encode())

    def first_dose():
        return rows(hygie, "SELECT status FROM notifications WHERE patient_id = ? AND kind = "
                    "'medication_dose' ORDER BY scheduled_at LIMIT 1", patient)

    step = time.time()
    run_worker_until(hygie, "worker-after-deletion", offset, lambda: first_dose() == [("sent",)])
    assert any("C'est l'heure de votre kardegic" in (e.get("text") or "")
               for e in hygie.tracker(psid)["events"] if e["event"] == "bot" and e["timestamp"] >= step)
