"""Medication reminders end to end: Messenger conversation → action server → database →
worker → Rasa's HTTP API → the patient's channel (the fake Graph API), on real servers."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import time
import uuid
import zipfile
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import requests

from actions.services.medication_display import say_time
from actions.services.pseudonym import patient_key
from actions.services.reminder_rules import FOLLOW_UP_AFTER
from tests.integration.conftest import PSEUDONYM_KEY
from tests.integration.messenger_patient import (
    buttons_of,
    click,
    now,
    say,
    texts_to,
    wait_text,
)
from tests.integration.test_messenger import message_text
from tests.integration.test_webchat import (
    page_url,  # noqa: F401 - the chat page serves the links
)

pytestmark = pytest.mark.integration

PARIS = ZoneInfo("Europe/Paris")
PATIENT_TABLES = ("patients", "consents", "medications", "notifications", "dose_outcomes")


def due_in(seconds: int) -> datetime:
    """A whole local minute at least ``seconds`` ahead, in Paris time."""
    moment = datetime.now(PARIS) + timedelta(seconds=seconds)
    return moment.replace(second=0, microsecond=0) + timedelta(minutes=1)


def create_reminder(hygie, fake_graph, psid, name, due):
    step = say(hygie, psid, f"rappelle moi de prendre 1 comprimé de {name} à {due:%H}h{due:%M} tous les jours sans fin")
    wait_text(fake_graph, psid, "Acceptez-vous", step)
    step = click(hygie, psid, "/affirm")
    wait_text(fake_graph, psid, "J'enregistre ce rappel ?", step)
    step = click(hygie, psid, "/affirm")
    wait_text(fake_graph, psid, "C'est enregistré", step)


def rows(hygie, table, patient_id):
    with sqlite3.connect(hygie.database_url.replace("sqlite:///", "")) as db:
        column = "id" if table == "patients" else "patient_id"
        return db.execute(f"SELECT * FROM {table} WHERE {column} = ?", (patient_id,)).fetchall()


def test_a_reminder_made_in_the_conversation_arrives_on_time_and_is_followed(hygie, fake_graph):
    psid = f"psid-{uuid.uuid4().hex}"
    due = due_in(45)
    create_reminder(hygie, fake_graph, psid, "doliprane", due)
    step = now()
    hygie.start_worker("worker-on-time")
    try:
        reminder = wait_text(fake_graph, psid, "C'est l'heure de votre doliprane", step, seconds=200)
        assert abs(reminder["at"] - due.timestamp()) <= 5, reminder["at"] - due.timestamp()
        assert reminder["messaging_type"] == "RESPONSE"
        taken = [b["payload"] for b in buttons_of(reminder["message"]) if b["title"] == "C'est pris"]
        step = click(hygie, psid, taken[0])
        wait_text(fake_graph, psid, "Parfait, c'est noté", step)
        step = say(hygie, psid, "mon suivi")
        record = wait_text(fake_graph, psid, "Votre suivi", step)
        assert "7 derniers jours : 1 à l'heure, 0 en retard, 0 oubliée(s)" in message_text(record["message"])
        patient = patient_key("facebook", psid, PSEUDONYM_KEY.encode())
        assert [r[-2] for r in rows(hygie, "dose_outcomes", patient)] == ["taken"]
    finally:
        hygie.stop("worker-on-time")


def test_without_consent_nothing_about_the_patient_is_stored(hygie, fake_graph):
    psid = f"psid-{uuid.uuid4().hex}"
    step = say(hygie, psid, "je voudrais un rappel pour mon kardegic tous les matins")
    wait_text(fake_graph, psid, "Acceptez-vous", step)
    step = click(hygie, psid, "/deny")
    wait_text(fake_graph, psid, "je n'enregistre pas vos données de santé", step)
    for text, answer in (
        ("mes rappels", "aucun rappel"),
        ("quelles données avez vous sur moi", "aucune donnée"),
        ("mon suivi", "aucun rappel"),
    ):
        step = say(hygie, psid, text)
        wait_text(fake_graph, psid, answer, step)
    patient = patient_key("facebook", psid, PSEUDONYM_KEY.encode())
    assert {table: rows(hygie, table, patient) for table in PATIENT_TABLES} == {t: [] for t in PATIENT_TABLES}


def test_export_by_one_time_link_then_erase_leaves_nothing(hygie, fake_graph, page_url):
    psid = f"psid-{uuid.uuid4().hex}"
    create_reminder(hygie, fake_graph, psid, "ventoline", due_in(3600))
    patient = patient_key("facebook", psid, PSEUDONYM_KEY.encode())
    assert rows(hygie, "medications", patient)
    step = say(hygie, psid, "je veux une copie de mes données")
    body = wait_text(fake_graph, psid, "Il marche une seule fois", step)
    [link] = re.findall(r"http://\S+/export/[A-Za-z0-9_-]{43}", message_text(body["message"]))
    assert link.startswith(page_url.rstrip("/"))
    page = requests.get(link, timeout=30)  # what a link preview would fetch
    assert page.status_code == 200 and "Télécharger mes données" in page.text
    assert requests.get(link, timeout=30).status_code == 200  # not used up
    download = requests.post(link, timeout=30)
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    document = json.loads(archive.read("donnees.json"))
    assert [m["name"] for m in document["medications"]] == ["ventoline"]
    assert document["consents"][0]["notice_version"]
    said = [line["text"] for line in document["conversation"] if line["from"] == "vous"]
    assert said[0].startswith("rappelle moi de prendre 1 comprimé de ventoline")
    readable = archive.read("lisez-moi.txt").decode("utf-8")
    assert "vous : je veux une copie de mes données" in readable
    # Once only; and the copy itself never entered the conversation.
    assert requests.get(link, timeout=30).status_code == 410
    assert requests.post(link, timeout=30).status_code == 410
    events = hygie.tracker(psid)["events"]
    assert not any("notice_version" in (e.get("text") or "") for e in events)
    step = say(hygie, psid, "supprimez toutes mes données")
    wait_text(fake_graph, psid, "Je vais retirer votre accord", step)
    step = click(hygie, psid, "/affirm")
    wait_text(fake_graph, psid, "toutes vos données de santé sont effacées", step)
    assert {table: rows(hygie, table, patient) for table in PATIENT_TABLES} == {t: [] for t in PATIENT_TABLES}
    assert [e for e in hygie.tracker(psid)["events"] if e["event"] in ("user", "bot")] == []


def test_killed_worker_and_rasa_server_lose_no_reminder_and_send_each_once(hygie, fake_graph):
    patients = [f"psid-{uuid.uuid4().hex}" for _ in range(2)]
    due = due_in(40)
    for psid, name in zip(patients, ("levothyrox", "kardegic")):
        create_reminder(hygie, fake_graph, psid, name, due)
    step = now()
    hygie.start_worker("worker-a", HYGIE_STALE_CLAIM_SECONDS="5")
    time.sleep(2)
    hygie.stop("worker-a")
    hygie.stop("rasa")
    time.sleep(max(0.0, due.timestamp() - time.time()) + 5)
    hygie.start_rasa_server()
    hygie.start_worker("worker-b", HYGIE_STALE_CLAIM_SECONDS="5")
    try:
        for psid in patients:
            wait_text(fake_graph, psid, "C'est l'heure de votre", step, seconds=120)
        time.sleep(8)
        for psid in patients:
            sent = [t for t in texts_to(fake_graph, psid) if "C'est l'heure de votre" in t]
            assert len(sent) == 1, sent
    finally:
        hygie.stop("worker-b")


def test_an_unanswered_reminder_is_followed_up_on_messenger(hygie, fake_graph):
    psid = f"psid-{uuid.uuid4().hex}"
    due = due_in(3600)
    create_reminder(hygie, fake_graph, psid, "kardegic", due)
    # One worker whose clock reaches the dose, then one whose clock reaches its follow-up.
    step = now()
    to_dose = due.timestamp() - time.time() + 2
    hygie.start_worker("worker-dose", HYGIE_CLOCK_OFFSET_SECONDS=str(to_dose))
    try:
        wait_text(fake_graph, psid, "C'est l'heure de votre kardegic", step, seconds=90)
    finally:
        hygie.stop("worker-dose")
    step = now()
    to_followup = (due + FOLLOW_UP_AFTER).timestamp() - time.time() + 2
    hygie.start_worker("worker-followup", HYGIE_CLOCK_OFFSET_SECONDS=str(to_followup))
    try:
        followup = wait_text(fake_graph, psid, "Avez-vous pris votre kardegic", step, 90)
    finally:
        hygie.stop("worker-followup")
    assert followup["messaging_type"] == "RESPONSE"
    titles = [b["title"] for b in buttons_of(followup["message"])]
    assert titles == ["C'est pris", "Dans 10 min", "Je ne le prends pas"]


def test_list_pause_resume_change_times_and_stop_a_reminder(hygie, fake_graph):
    psid = f"psid-{uuid.uuid4().hex}"
    create_reminder(hygie, fake_graph, psid, "metformine", due_in(3600))
    patient = patient_key("facebook", psid, PSEUDONYM_KEY.encode())

    def status():
        with sqlite3.connect(hygie.database_url.replace("sqlite:///", "")) as db:
            return db.execute(
                "SELECT status, times_of_day FROM medications WHERE patient_id = ?", (patient,)
            ).fetchone()

    step = say(hygie, psid, "mes rappels")
    listing = wait_text(fake_graph, psid, "Vos rappels", step)
    assert "metformine" in message_text(listing["message"])
    manage = [b["payload"] for b in buttons_of(listing["message"]) if b["title"].startswith("Changer")]
    step = click(hygie, psid, manage[0])
    choices = wait_text(fake_graph, psid, "Que voulez-vous faire pour metformine", step)
    payloads = {b["title"]: b["payload"] for b in buttons_of(choices["message"])}
    step = click(hygie, psid, payloads["Mettre en pause"])
    wait_text(fake_graph, psid, "sont en pause", step)
    assert status()[0] == "paused"
    step = say(hygie, psid, "je veux reprendre mes rappels")
    wait_text(fake_graph, psid, "reprennent", step)
    assert status()[0] == "active"
    step = click(hygie, psid, payloads["Changer l'heure"])
    wait_text(fake_graph, psid, "Quelles sont les nouvelles heures", step)
    step = say(hygie, psid, "8h et 21h")
    wait_text(fake_graph, psid, "C'est changé : metformine à 8h et 21h", step)
    assert json.loads(status()[1]) == ["08:00", "21:00"]
    step = click(hygie, psid, payloads["Arrêter"])
    wait_text(fake_graph, psid, "je n'enverrai plus de rappel pour metformine", step)
    assert status()[0] == "stopped"


def test_a_bare_no_asks_then_later_brings_the_same_reminder_back_ten_minutes_after(hygie, fake_graph):
    psid = f"psid-{uuid.uuid4().hex}"
    due = due_in(40)
    create_reminder(hygie, fake_graph, psid, "amoxicilline", due)
    step = now()
    hygie.start_worker("worker-snooze")
    try:
        wait_text(fake_graph, psid, "C'est l'heure de votre amoxicilline", step, seconds=200)
        # "non" alone could mean "later" or "not this time": Hygie asks.
        step = say(hygie, psid, "non")
        question = wait_text(fake_graph, psid, "dites-moi ce que je note", step)
        titles = [b["title"] for b in buttons_of(question["message"])]
        assert titles == ["C'est pris", "Dans 10 min", "Je ne le prends pas"]
        later = [b["payload"] for b in buttons_of(question["message"]) if b["title"] == "Dans 10 min"]
        step = click(hygie, psid, later[0])
        wait_text(fake_graph, psid, "je vous le rappelle dans 10 minutes", step)
    finally:
        hygie.stop("worker-snooze")
    # Ten minutes later, on the worker's clock.
    step = now()
    hygie.start_worker("worker-snooze-later", HYGIE_CLOCK_OFFSET_SECONDS="620")
    try:
        wait_text(fake_graph, psid, "C'est l'heure de votre amoxicilline", step, seconds=90)
        reminders = [t for t in texts_to(fake_graph, psid) if "C'est l'heure de votre amoxicilline" in t]
        assert len(reminders) == 2, texts_to(fake_graph, psid)
    finally:
        hygie.stop("worker-snooze-later")


def dose_reminders(hygie, patient_id):
    """Local dose time -> status of the patient's dose reminders."""
    with sqlite3.connect(hygie.database_url.replace("sqlite:///", "")) as db:
        query = "SELECT scheduled_local, status FROM notifications WHERE patient_id = ? AND kind = 'medication_dose'"
        return dict(db.execute(query, (patient_id,)).fetchall())


def test_a_dose_taken_outside_a_reminder_is_recorded_and_its_reminder_not_sent(hygie, fake_graph):
    psid = f"psid-{uuid.uuid4().hex}"
    due = due_in(20 * 60)
    create_reminder(hygie, fake_graph, psid, "kardegic", due)
    patient = patient_key("facebook", psid, PSEUDONYM_KEY.encode())
    dose = f"{due:%Y-%m-%dT%H:%M}"
    assert dose_reminders(hygie, patient)[dose] == "pending"

    step = say(hygie, psid, "voila je viens de prendre mon kardegic")

    wait_text(fake_graph, psid, f"C'est noté ✅ : kardegic, la prise de {say_time(f'{due:%H:%M}')}.", step)
    assert [r[-2] for r in rows(hygie, "dose_outcomes", patient)] == ["taken"]
    # The dose it answered is not reminded any more; the next days' doses still are.
    reminders = dose_reminders(hygie, patient)
    assert reminders.pop(dose) == "cancelled"
    assert set(reminders.values()) <= {"pending"} and all(later > dose for later in reminders)


def test_a_missed_dose_told_after_the_fact_gets_the_advice_and_is_recorded(hygie, fake_graph):
    moment = datetime.now(PARIS)
    if moment.hour == 0 and moment.minute < 12:
        # Ten minutes ago must still be today, the day the treatment starts.
        time.sleep((12 - moment.minute) * 60)
    dose = (datetime.now(PARIS) - timedelta(minutes=10)).replace(second=0, microsecond=0)
    psid = f"psid-{uuid.uuid4().hex}"
    create_reminder(hygie, fake_graph, psid, "levothyrox", dose)

    step = say(hygie, psid, "oh non j'ai oublié de prendre le levothyrox")

    advice = message_text(wait_text(fake_graph, psid, "Ne prenez jamais une dose double", step)["message"])
    assert "notice" in advice and "pharmacien" in advice and "appelez le 15" in advice.lower()
    wait_text(fake_graph, psid, f"levothyrox, la prise de {say_time(f'{dose:%H:%M}')}, oubliée", step)
    patient = patient_key("facebook", psid, PSEUDONYM_KEY.encode())
    assert [r[-2] for r in rows(hygie, "dose_outcomes", patient)] == ["missed"]
