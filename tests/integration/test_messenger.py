"""The Messenger webhook on a real Rasa server, answering through a fake Graph API."""

import hashlib
import hmac
import json
import os
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
import requests

from actions.services import appointments
from actions.services.appointment_agenda import search
from actions.services.consent import NOTICE_VERSION
from actions.services.pseudonym import patient_key
from actions.services.slot_types import SlotQuery
from actions.store.db import make_engine, make_session_factory
from actions.store.unit_of_work import UnitOfWork
from tests.integration.conftest import MESSENGER_ENV, PSEUDONYM_KEY, ROOT

pytestmark = pytest.mark.integration


def webhook(hygie):
    return f"{hygie.rasa_url}/webhooks/facebook/webhook"


def signed(body: bytes, secret: str = MESSENGER_ENV["FACEBOOK_APP_SECRET"]) -> dict:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"X-Hub-Signature-256": f"sha256={digest}", "Content-Type": "application/json"}


def page_event(sender: str, text: str) -> dict:
    return {
        "sender": {"id": sender},
        "recipient": {"id": "page"},
        "message": {"mid": f"mid-{uuid.uuid4().hex}", "text": text},
    }


def batch(*entries) -> bytes:
    return json.dumps({"object": "page", "entry": [{"messaging": list(e)} for e in entries]}).encode()


def message_text(message: dict) -> str:
    """The text of a Send API message, whether plain, with quick replies or a template."""
    template = (message.get("attachment") or {}).get("payload") or {}
    return message.get("text") or template.get("text") or ""


def post_webhook(hygie, body: bytes) -> requests.Response:
    return requests.post(webhook(hygie), data=body, headers=signed(body), timeout=120)


def user_events(hygie, sender):
    return [e for e in hygie.tracker(sender)["events"] if e["event"] == "user"]


def wait_for(check, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_verification_needs_subscribe_mode_and_the_token(hygie):
    good = {"hub.mode": "subscribe", "hub.verify_token": MESSENGER_ENV["FACEBOOK_VERIFY_TOKEN"], "hub.challenge": "42"}
    assert requests.get(webhook(hygie), params=good, timeout=10).text == "42"
    for bad in ({**good, "hub.verify_token": "wrong"}, {**good, "hub.mode": "unsubscribe"}, {}):
        assert requests.get(webhook(hygie), params=bad, timeout=10).status_code == 403


def test_a_forged_or_missing_signature_gets_403_and_nothing_is_processed(hygie, fake_graph):
    sender = f"psid-{uuid.uuid4().hex}"
    body = batch([page_event(sender, "bonjour")])
    forged = requests.post(webhook(hygie), data=body, headers=signed(body, "not-the-secret"), timeout=30)
    unsigned = requests.post(webhook(hygie), data=body, headers={"Content-Type": "application/json"}, timeout=30)
    sha1 = {"X-Hub-Signature": "sha1=" + hmac.new(MESSENGER_ENV["FACEBOOK_APP_SECRET"].encode(), body, hashlib.sha1).hexdigest()}
    legacy = requests.post(webhook(hygie), data=body, headers=sha1, timeout=30)
    assert (forged.status_code, unsigned.status_code, legacy.status_code) == (403, 403, 403)
    time.sleep(1)
    assert fake_graph.sent_to(sender) == []
    events = hygie.tracker(sender)["events"]
    assert [e for e in events if e["event"] == "user"] == []


def test_a_batch_of_three_events_gets_three_answers_to_the_right_people(hygie, fake_graph):
    alice, bob = f"psid-{uuid.uuid4().hex}", f"psid-{uuid.uuid4().hex}"
    body = batch(
        [page_event(alice, "bonjour"), page_event(bob, "merci beaucoup")],
        [page_event(alice, "je veux mourir")],
    )
    answer = requests.post(webhook(hygie), data=body, headers=signed(body), timeout=120)
    assert answer.status_code == 200
    assert wait_for(lambda: len(fake_graph.sent_to(alice)) >= 4 and fake_graph.sent_to(bob))
    to_alice = [message_text(m) for m in fake_graph.sent_to(alice)]
    assert "assistant automatique" in to_alice[0]
    assert "3114" in to_alice[1]
    assert [m["text"] for m in fake_graph.sent_to(bob)] == ["Avec plaisir. Avez-vous une autre question ?"]
    greeting = fake_graph.sent_to(alice)[0]
    assert 4 <= len(greeting["quick_replies"]) <= 13
    assert all(len(q["title"]) <= 20 for q in greeting["quick_replies"])
    check = fake_graph.sent_to(alice)[-1]["attachment"]["payload"]
    assert check["template_type"] == "button"
    assert [b["payload"] for b in check["buttons"]] == ["/affirm", "/deny"]


def test_the_same_webhook_delivered_100_times_is_processed_once(hygie, fake_graph):
    sender = f"psid-{uuid.uuid4().hex}"
    body = batch([page_event(sender, "merci beaucoup")])
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda _: post_webhook(hygie, body).status_code, range(100)))
    assert statuses == [200] * 100
    assert wait_for(lambda: fake_graph.sent_to(sender))
    time.sleep(1)
    assert len(user_events(hygie, sender)) == 1
    assert [m["text"] for m in fake_graph.sent_to(sender)] == ["Avec plaisir. Avez-vous une autre question ?"]


def test_a_postback_a_sticker_and_typed_slash_commands(hygie, fake_graph):
    sender = f"psid-{uuid.uuid4().hex}"
    events = [
        {"sender": {"id": sender}, "postback": {"payload": "/greet", "title": "Démarrer", "mid": f"pb-{uuid.uuid4().hex}"}},
        {"sender": {"id": sender}, "message": {"mid": f"mid-{uuid.uuid4().hex}", "attachments": [{"type": "image", "payload": {"url": "http://x"}}]}},
        page_event(sender, "/restart"),
    ]
    assert post_webhook(hygie, batch(events)).status_code == 200
    assert wait_for(lambda: len(fake_graph.sent_to(sender)) >= 3)
    sent = [message_text(m) for m in fake_graph.sent_to(sender)]
    assert "assistant automatique" in sent[0]
    assert "Je ne peux pas lire les images" in sent[1]
    intents = [e["parse_data"]["intent"]["name"] for e in user_events(hygie, sender)]
    assert intents[:2] == ["greet", "share_attachment"]
    assert user_events(hygie, sender)[2]["text"] == "restart"
    assert "restart" not in [e["event"] for e in hygie.tracker(sender)["events"]]


def trigger(hygie, sender, intent):
    return requests.post(
        f"{hygie.rasa_url}/conversations/{sender}/trigger_intent",
        params={"token": hygie.token, "output_channel": "latest"},
        json={"name": intent}, timeout=60,
    )


def test_a_proactive_message_inside_the_window_is_a_response(hygie, fake_graph):
    sender = f"psid-{uuid.uuid4().hex}"
    assert post_webhook(hygie, batch([page_event(sender, "merci")])).status_code == 200
    assert wait_for(lambda: fake_graph.bodies_to(sender))
    assert trigger(hygie, sender, "greet").status_code == 200
    assert wait_for(lambda: len(fake_graph.bodies_to(sender)) >= 2)
    proactive = fake_graph.bodies_to(sender)[1]
    assert proactive["messaging_type"] == "RESPONSE" and "tag" not in proactive
    assert "assistant automatique" in message_text(proactive["message"])


def test_outside_the_window_a_reminder_is_held_until_the_next_message(hygie, fake_graph):
    sender = f"psid-{uuid.uuid4().hex}"
    two_days_ago = time.time() - 48 * 3600
    old_message = {
        "event": "user", "text": "bonjour", "timestamp": two_days_ago,
        "input_channel": "facebook", "message_id": f"mid-{uuid.uuid4().hex}",
        "parse_data": {"intent": {"name": "greet", "confidence": 1.0}, "entities": []},
    }
    answer = requests.post(
        f"{hygie.rasa_url}/conversations/{sender}/tracker/events",
        params={"token": hygie.token}, json=[old_message], timeout=30,
    )
    assert answer.status_code == 200, answer.text
    # A proactive message without a tag (only EXTERNAL_ intents are triggers).
    assert trigger(hygie, sender, "EXTERNAL_handoff_closed").status_code == 200
    time.sleep(2)
    assert fake_graph.bodies_to(sender) == []
    bot_texts = [e.get("text") or "" for e in hygie.tracker(sender)["events"] if e["event"] == "bot"]
    assert any("assistant automatique" in t for t in bot_texts), "the held message is in the tracker"

    assert post_webhook(hygie, batch([page_event(sender, "merci")])).status_code == 200
    assert wait_for(lambda: len(fake_graph.bodies_to(sender)) >= 3)
    sent = fake_graph.bodies_to(sender)
    assert [b["messaging_type"] for b in sent] == ["RESPONSE"] * len(sent)
    texts_sent = [message_text(b["message"]) for b in sent]
    assert texts_sent[0] == "Je vous avais écrit pendant votre absence :"
    assert "assistant automatique" in texts_sent[1]
    assert texts_sent[2] == "Avec plaisir. Avez-vous une autre question ?"
    assert post_webhook(hygie, batch([page_event(sender, "merci")])).status_code == 200
    assert wait_for(lambda: len(fake_graph.bodies_to(sender)) >= 4)
    time.sleep(1)
    assert len(fake_graph.bodies_to(sender)) == 4, "a held message is sent once"


def test_the_profile_script_sets_get_started_and_the_menu(fake_graph):
    done = subprocess.run(
        [sys.executable, "-m", "connectors.messenger_profile"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "FACEBOOK_PAGE_ACCESS_TOKEN": "page-token", "FACEBOOK_GRAPH_URL": fake_graph.url},
    )
    assert done.returncode == 0, done.stderr
    posted = [r for r in fake_graph.requests if r["path"].startswith("/v18.0/me/messenger_profile")]
    assert posted[-1]["body"]["get_started"] == {"payload": "/greet"}
    assert "page-token" not in done.stdout


def test_a_non_ascii_signature_or_verify_token_gets_403_not_500(hygie, fake_graph):
    sender = f"psid-{uuid.uuid4().hex}"
    body = batch([page_event(sender, "bonjour")])
    good = signed(body)["X-Hub-Signature-256"]
    for forged in ("sha256=é" + good[8:], good + "€", "sha256=😀"):
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": forged.encode("utf-8")}
        assert requests.post(webhook(hygie), data=body, headers=headers, timeout=30).status_code == 403
    params = {"hub.mode": "subscribe", "hub.verify_token": "jeton-é", "hub.challenge": "42"}
    assert requests.get(webhook(hygie), params=params, timeout=10).status_code == 403
    time.sleep(1)
    assert fake_graph.sent_to(sender) == []


def append_event(hygie, sender, event):
    answer = requests.post(
        f"{hygie.rasa_url}/conversations/{sender}/tracker/events",
        params={"token": hygie.token}, json=[event], timeout=30,
    )
    assert answer.status_code == 200, answer.text


def book_for_messenger(hygie, sender):
    """Books a consultation in two weeks for a Messenger patient; its reminders' ids."""
    patient = patient_key("facebook", sender, PSEUDONYM_KEY.encode())
    engine = make_engine(hygie.database_url)
    factory = make_session_factory(engine)
    now = datetime.now(timezone.utc)
    try:
        with UnitOfWork(factory) as uow:
            uow.patients.get_or_create(patient, "facebook", sender)
            uow.consents.grant(patient, NOTICE_VERSION, now)
        query = SlotQuery("consultation")
        slot = search(UnitOfWork(factory), query, now + timedelta(days=14))[0]
        booked = appointments.book(UnitOfWork(factory), patient, slot, query, now)
        assert booked.appointment is not None, booked
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT id FROM notifications WHERE patient_id = ? "
                "AND kind = 'appointment_reminder' ORDER BY due_at", (patient,)).fetchall()
    finally:
        engine.dispose()
    return [row[0] for row in rows]


def test_outside_the_window_an_appointment_reminder_goes_with_its_tag(
    hygie, fake_graph
):
    sender = f"psid-{uuid.uuid4().hex}"
    # The patient wrote two days ago; then a trigger (a held reminder) opened the
    # current Rasa session, which the reminder below continues on the same channel.
    old_message = {
        "event": "user", "text": "bonjour", "timestamp": time.time() - 48 * 3600,
        "input_channel": "facebook", "message_id": f"mid-{uuid.uuid4().hex}",
        "parse_data": {"intent": {"name": "greet", "confidence": 1.0}, "entities": []},
    }
    append_event(hygie, sender, old_message)
    append_event(hygie, sender, {  # stamped now, after the session start just written
        "event": "user", "text": "EXTERNAL: EXTERNAL_mood_checkin", "timestamp": time.time(),
        "input_channel": "facebook", "metadata": {"is_external": True},
        "parse_data": {"intent": {"name": "EXTERNAL_mood_checkin", "confidence": 1.0},
                       "entities": []},
    })
    reminder_id = book_for_messenger(hygie, sender)[0]

    answer = requests.post(
        f"{hygie.rasa_url}/conversations/{sender}/trigger_intent",
        params={"token": hygie.token, "output_channel": "latest"},
        json={"name": "EXTERNAL_appointment_reminder",
              "entities": {"notification_id": str(reminder_id)}}, timeout=60,
    )
    assert answer.status_code == 200, answer.text
    assert wait_for(lambda: fake_graph.bodies_to(sender))
    [sent] = fake_graph.bodies_to(sender)
    assert (sent["messaging_type"], sent["tag"]) == ("MESSAGE_TAG", "CONFIRMED_EVENT_UPDATE")
    template = sent["message"]["attachment"]["payload"]
    assert "Rappel : rendez-vous" in template["text"]
    assert [b["title"] for b in template["buttons"]] == ["Je confirme", "Je décale", "J'annule"]
