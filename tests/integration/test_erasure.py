"""Erasure on real servers, in every state of a conversation: plain, inside a form,
during a hand-off, in listening mode, during an exercise.

After "efface toutes mes données" and "oui", the conversation read through Rasa's HTTP
API holds no event of the patient and the same slots as a conversation never used;
every application table with a patient column (walked from the models, not listed by
hand) has no row for the patient; no phrase the patient typed is left in any file of
the run's directory (the SQLite databases among them).
"""

from __future__ import annotations

import json
import sqlite3
import uuid

import pytest
import requests

from actions.services.pseudonym import patient_key
from actions.store.models import Base
from tests.integration.conftest import PSEUDONYM_KEY, texts
from tests.integration.test_webchat import page_url  # noqa: F401 - serves /history

pytestmark = pytest.mark.integration

PATIENT_TABLES = sorted(
    table.name for table in Base.metadata.sorted_tables if "patient_id" in table.columns
)


def rows(hygie, sql, *params):
    with sqlite3.connect(hygie.database_url.replace("sqlite:///", "")) as db:
        return db.execute(sql, params).fetchall()


def new_sender():
    """A conversation id shaped like the chat page's, so that /history serves it."""
    return uuid.uuid4().hex


def history(page_url, sender):
    answer = requests.get(f"{page_url}history", params={"session": sender}, timeout=30)
    assert answer.status_code == 200
    return answer.json()


def payload(intent, **entities):
    return f"/{intent}{json.dumps(entities)}" if entities else f"/{intent}"


def consent(hygie, sender, request):
    assert "Acceptez-vous" in texts(hygie.send(request, sender))
    return texts(hygie.send(payload("affirm"), sender))


def erase(hygie, sender):
    assert "Confirmez-vous" in texts(hygie.send("efface toutes mes données", sender))
    return texts(hygie.send("oui", sender))


def assert_erased(hygie, page_url, sender, *phrases):
    patient = patient_key("rest", sender, PSEUDONYM_KEY.encode())
    assert history(page_url, sender) == []
    tracker = hygie.tracker(sender)
    assert [e for e in tracker["events"] if e["event"] in ("user", "bot", "slot")] == []
    assert tracker["slots"] == hygie.tracker(new_sender())["slots"]
    assert tracker["active_loop"] == {}
    counts = {
        table: rows(hygie, f"SELECT COUNT(*) FROM {table} WHERE patient_id = ?", patient)[0][0]
        for table in PATIENT_TABLES
    }
    assert counts == {table: 0 for table in PATIENT_TABLES}
    assert rows(hygie, "SELECT COUNT(*) FROM patients WHERE id = ?", patient) == [(0,)]
    for path in hygie.workdir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for phrase in phrases:
                assert phrase.encode() not in content, f"{phrase!r} in {path.name}"


def test_erasure_when_nothing_is_open_erases_the_data_and_the_conversation(hygie, page_url):
    sender, drug = new_sender(), f"Zorglubine{uuid.uuid4().hex[:6]}"
    asked = consent(hygie, sender, f"rappelle moi de prendre 1 comprimé de {drug} à 8h00 tous les jours sans fin")
    assert "J'enregistre ce rappel ?" in asked
    assert "C'est enregistré" in texts(hygie.send(payload("affirm"), sender))
    patient = patient_key("rest", sender, PSEUDONYM_KEY.encode())
    assert rows(hygie, "SELECT COUNT(*) FROM medications WHERE patient_id = ?", patient) == [(1,)]
    assert any(drug in message["text"] for message in history(page_url, sender))
    said = erase(hygie, sender)
    assert "toutes vos données de santé sont effacées" in said
    assert_erased(hygie, page_url, sender, drug)


def test_erasure_inside_a_form_is_not_taken_as_an_answer(hygie, page_url):
    sender, drug = new_sender(), f"Zorglubine{uuid.uuid4().hex[:6]}"
    consent(hygie, sender, "mettez moi un rappel pour mon traitement")
    assert "Combien en prenez-vous" in texts(hygie.send(drug, sender))
    said = erase(hygie, sender)
    assert "toutes vos données de santé sont effacées" in said
    assert_erased(hygie, page_url, sender, drug)
    assert "Combien en prenez-vous" not in texts(hygie.send("bonjour", sender))


def test_erasure_during_a_hand_off_is_not_held_for_the_team(hygie, page_url):
    sender, reason = new_sender(), f"renouvellement du kardegic {uuid.uuid4().hex[:8]}"
    consent(hygie, sender, "je voudrais parler à une infirmière svp")
    assert "Est-ce pressé" in texts(hygie.send(reason, sender))
    hygie.send(payload("inform", answer="dans les prochains jours"), sender)
    assert "C'est transmis" in texts(hygie.send("ici", sender))
    held = texts(hygie.send("vous etes la ?", sender))
    assert "transmis à l'équipe" in held
    said = erase(hygie, sender)
    assert "toutes vos données de santé sont effacées" in said
    assert_erased(hygie, page_url, sender, reason, "vous etes la")


def test_erasure_in_listening_mode_is_not_reflected(hygie, page_url):
    sender, confided = new_sender(), f"ma voisine {uuid.uuid4().hex[:8]} me harcele"
    hygie.send(payload("talk"), sender)
    hygie.send(confided, sender)
    said = erase(hygie, sender)
    assert "toutes vos données de santé sont effacées" in said
    assert_erased(hygie, page_url, sender, confided)


def test_erasure_during_an_exercise_cancels_its_steps(hygie, page_url):
    sender = new_sender()
    patient = patient_key("rest", sender, PSEUDONYM_KEY.encode())
    hygie.send(payload("start_exercise", exercise="breathing_478"), sender)
    assert rows(hygie, "SELECT COUNT(*) FROM notifications WHERE patient_id = ? AND "
                "status = 'pending'", patient)[0][0] > 0
    said = erase(hygie, sender)
    assert "toutes vos données de santé sont effacées" in said
    assert_erased(hygie, page_url, sender)


def test_no_erasure_without_the_confirmation(hygie, page_url):
    sender, drug = new_sender(), f"Zorglubine{uuid.uuid4().hex[:6]}"
    consent(hygie, sender, "je voudrais un rappel pour mes medicaments")
    hygie.send(drug, sender)
    assert "Confirmez-vous" in texts(hygie.send("efface toutes mes données", sender))
    assert "je ne change rien" in texts(hygie.send("non", sender))
    patient = patient_key("rest", sender, PSEUDONYM_KEY.encode())
    assert rows(hygie, "SELECT COUNT(*) FROM patients WHERE id = ?", patient) == [(1,)]
    assert any(e.get("text") == drug for e in hygie.tracker(sender)["events"])


def test_a_typed_phrase_is_readable_through_hygie_but_in_no_file_of_the_run(hygie, page_url):
    sender, word = new_sender(), f"Zorglubine{uuid.uuid4().hex[:8]}"
    asked = consent(hygie, sender, f"rappelle moi de prendre 1 comprimé de {word} à 8h00 tous les jours sans fin")
    assert "J'enregistre ce rappel ?" in asked
    assert "C'est enregistré" in texts(hygie.send(payload("affirm"), sender))
    hygie.send(f"je pense que le {word} me rend triste", sender)
    assert any(word in (e.get("text") or "") for e in hygie.tracker(sender)["events"])
    files = [path for path in hygie.workdir.rglob("*") if path.is_file()]
    assert {"hygie.db", "tracker.db", "rasa.log", "actions.log"} <= {path.name for path in files}
    assert [path.name for path in files if word.encode() in path.read_bytes()] == []


def test_what_is_stored_names_the_conversation_and_its_period(hygie, page_url):
    sender = new_sender()
    consent(hygie, sender, "je voudrais un rappel pour mes medicaments")
    hygie.send("annuler", sender)
    summary = texts(hygie.send("qu'est ce que vous avez comme infos sur moi", sender))
    assert "Voici ce que j'ai enregistré sur vous" in summary
    assert "Notre conversation, chiffrée, gardée 30 jours après votre dernier message." in summary
