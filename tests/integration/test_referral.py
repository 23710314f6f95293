"""A hand-off to the care team end to end, on real servers: a Messenger patient asks for
a person, the ticket is stored, Hygie holds back (emergencies still answered), a staff
member replies in the console (a real `python -m console` process), the reply reaches
Messenger (the fake Graph API), the ticket is closed, and Hygie answers again."""

from __future__ import annotations

import sqlite3
import subprocess
import uuid

import pytest
import requests

from actions.services.pseudonym import patient_key
from actions.store.crypto import decrypt_text
from tests.integration.conftest import BIN, PSEUDONYM_KEY, ROOT, free_port, wait_until
from tests.integration.messenger_patient import click, now, say, wait_text

pytestmark = pytest.mark.integration

STAFF_PASSWORD = "correct-horse-battery"


def rows(hygie, sql, *params):
    with sqlite3.connect(hygie.database_url.replace("sqlite:///", "")) as db:
        return db.execute(sql, params).fetchall()


@pytest.fixture
def console(hygie):
    env = {**hygie.app_env, "HYGIE_STAFF_PASSWORD": STAFF_PASSWORD}
    subprocess.run(
        [str(BIN / "python"), "-m", "actions.staff", "add", f"nurse-{uuid.uuid4().hex[:6]}",
         "--name", "Infirmière Dupont"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )
    username = rows(hygie, "SELECT username FROM staff_accounts ORDER BY id DESC LIMIT 1")[0][0]
    port = free_port()
    log = open(hygie.workdir / "console.log", "ab")
    process = subprocess.Popen(
        [str(BIN / "python"), "-m", "console"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        env={**env, "HYGIE_CONSOLE_PORT": str(port)},
    )
    url = f"http://127.0.0.1:{port}"
    wait_until(lambda: requests.get(f"{url}/login", timeout=2).ok, 60, "console", process)
    session = requests.Session()
    session.headers["Origin"] = url
    answer = session.post(f"{url}/login", data={"username": username, "password": STAFF_PASSWORD})
    assert answer.ok and "Demandes" in answer.text, answer.text[:300]
    yield url, session
    process.terminate()
    process.wait(timeout=30)


def test_a_referral_reaches_a_person_who_replies_on_messenger_then_hygie_resumes(hygie, fake_graph, console):
    url, staff = console
    psid = f"psid-{uuid.uuid4().hex}"
    patient = patient_key("facebook", psid, PSEUDONYM_KEY.encode())

    step = say(hygie, psid, "je voudrais parler à une infirmière svp")
    wait_text(fake_graph, psid, "Acceptez-vous", step)
    step = click(hygie, psid, "/affirm")
    wait_text(fake_graph, psid, "que voulez-vous leur demander", step)
    step = say(hygie, psid, "mon ordonnance de kardegic est finie il me faut la suite")
    wait_text(fake_graph, psid, "Est-ce pressé", step)
    step = click(hygie, psid, '/inform{"answer": "dans les prochains jours"}')
    wait_text(fake_graph, psid, "Comment l'équipe peut-elle vous répondre", step)
    step = say(hygie, psid, "ici")
    wait_text(fake_graph, psid, "C'est transmis", step)
    [(referral_id, urgency, contact, reason, status)] = rows(
        hygie, "SELECT id, urgency, contact, reason, status FROM referrals WHERE patient_id = ?", patient)
    # Free text is stored encrypted (actions/store/crypto.py): the row alone says nothing.
    assert "kardegic" not in reason and "ici" not in contact
    assert (urgency, decrypt_text(contact), status) == ("soon", "ici, dans la conversation", "open")
    assert decrypt_text(reason) == "mon ordonnance de kardegic est finie il me faut la suite"

    step = say(hygie, psid, "vous etes la ?")
    wait_text(fake_graph, psid, "Votre message est transmis à l'équipe du cabinet", step)
    step = say(hygie, psid, "mon mari a une douleur enorme dans la poitrine et il transpire")
    wait_text(fake_graph, psid, "appelez le 15", step)

    listing = staff.get(f"{url}/")
    assert listing.ok and "kardegic" in listing.text
    page = staff.get(f"{url}/referrals/{referral_id}")
    assert page.ok and "vous etes la ?" in page.text
    assert rows(hygie, "SELECT COUNT(*) FROM audit_events WHERE action = 'transcript.read' "
                "AND patient_id = ?", patient) == [(1,)]

    step = now()
    reply = staff.post(f"{url}/referrals/{referral_id}/reply",
                       data={"text": "Bonjour, je prépare le renouvellement, passez demain."})
    assert reply.ok
    body = wait_text(fake_graph, psid, "passez demain", step)
    assert "Infirmière Dupont" in body["message"]["text"]
    [(delivered,)] = rows(hygie, "SELECT delivered_at FROM staff_messages WHERE referral_id = ?", referral_id)
    assert delivered is not None

    step = now()
    assert staff.post(f"{url}/referrals/{referral_id}/close").ok
    wait_text(fake_graph, psid, "clôturé votre demande", step)
    assert rows(hygie, "SELECT status FROM referrals WHERE id = ?", referral_id) == [("closed",)]
    step = say(hygie, psid, "bonjour")
    wait_text(fake_graph, psid, "Je ne suis pas médecin", step)


def test_the_console_refuses_anything_without_a_login(hygie, console):
    url, _ = console
    anonymous = requests.Session()
    anonymous.headers["Origin"] = url
    assert anonymous.get(f"{url}/api/referrals").status_code == 401
    page = anonymous.get(f"{url}/", allow_redirects=False)
    assert page.status_code == 303 and page.headers["Location"].startswith("/login")
    assert anonymous.post(f"{url}/api/referrals/1/reply", json={"text": "x"}).status_code == 401
