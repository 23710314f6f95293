"""The Messenger webhook on a real Rasa server, answering through a fake Graph API."""

import hashlib
import hmac
import json
import time
import uuid

import pytest
import requests

from tests.integration.conftest import MESSENGER_ENV

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
    to_alice = [m["text"] for m in fake_graph.sent_to(alice)]
    assert "assistant automatique" in to_alice[0]
    assert "3114" in to_alice[1]
    assert [m["text"] for m in fake_graph.sent_to(bob)] == ["Avec plaisir. Avez-vous une autre question ?"]
    greeting = fake_graph.sent_to(alice)[0]
    assert 1 <= len(greeting["quick_replies"]) <= 13
    assert all(len(q["title"]) <= 20 for q in greeting["quick_replies"])
