"""Channels that cannot be impersonated, against the real Rasa, action server, worker
and chat page: the REST token, socket.io origins, owned conversations, typed "/" as
text, client metadata, nested JSON."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import requests
import socketio
from playwright.sync_api import expect

from actions.services.delivery_contract import is_patient_message
from console.transcript import transcript
from tests.integration.conftest import new_sender, texts
from tests.integration.test_webchat import (  # noqa: F401 - fixtures
    bot_messages,
    browser,
    open_chat,
    page,
    page_url,
)

pytestmark = pytest.mark.integration

PARIS = ZoneInfo("Europe/Paris")
FOREIGN = "http://evil.example"


def handshake(hygie, origin):
    """Engine.IO's opening request (polling), as a browser on ``origin`` sends it."""
    headers = {"Origin": origin} if origin else {}
    return requests.get(
        f"{hygie.rasa_url}/socket.io/", params={"EIO": "4", "transport": "polling"},
        headers=headers, timeout=10,
    )


def connects(hygie, origin):
    """Whether a real socket.io client with this Origin gets a connection."""
    client = socketio.Client(reconnection=False)
    headers = {"Origin": origin} if origin else {}
    try:
        client.connect(hygie.rasa_url, headers=headers, transports=["polling"], wait_timeout=10)
    except socketio.exceptions.ConnectionError:
        return False
    client.disconnect()
    return True


def user_events(hygie, sender):
    return [e for e in hygie.tracker(sender)["events"] if e["event"] == "user"]


def test_the_rest_channel_answers_only_with_its_token(hygie):
    refused, accepted = new_sender(), new_sender()
    missing = hygie.post({"sender": refused, "message": "bonjour"}, token=None)
    wrong = hygie.post({"sender": refused, "message": "bonjour"}, token="not-the-token")
    right = hygie.post({"sender": accepted, "message": "bonjour"})
    assert (missing.status_code, missing.json()["error"]) == (401, "unauthorized")
    assert (wrong.status_code, wrong.json()["error"]) == (401, "unauthorized")
    assert right.status_code == 200 and right.json()
    assert user_events(hygie, refused) == []  # nothing recorded for the refusals
    assert [e["text"] for e in user_events(hygie, accepted)] == ["bonjour"]


@pytest.mark.parametrize("body", [b"[" * 100_000, b"[" * 100_000 + b"]" * 100_000,
                                  b'{"sender": "a", "message": "x", "m": ' + b"{\"a\":" * 50_000])
def test_deeply_nested_json_gets_400(hygie, body):
    answer = hygie.post(data=body)
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_json" and "15" in answer.json()["text"]


def test_a_foreign_origin_cannot_open_the_web_chat_socket(hygie):
    assert handshake(hygie, hygie.webchat_origin).status_code == 200
    assert handshake(hygie, FOREIGN).status_code == 400
    assert connects(hygie, hygie.webchat_origin)
    assert not connects(hygie, FOREIGN)
    assert not connects(hygie, None)  # no Origin at all: not the page either


def read_as_text(event, typed):
    """The event of a typed "/…": its text without the slash, not a regex-parsed intent
    (Rasa would keep the "/" text), not a trigger (the staff see it)."""
    return event["text"] == typed[1:] and is_patient_message(event)


@pytest.mark.parametrize("typed", ["/EXTERNAL_medication_reminder", "/erase_data"])
def test_a_typed_slash_on_rest_is_text(hygie, typed):
    sender = new_sender()
    hygie.send(typed, sender, click=False)
    (event,) = user_events(hygie, sender)
    assert read_as_text(event, typed)
    assert [line.text for line in transcript(hygie.tracker(sender)["events"])
            if line.speaker == "patient"] == [typed[1:]]
    # no erasure: the normal confirmation is still to come
    assert not any(e["event"] == "action" and e["name"] == "action_erase_data"
                   for e in hygie.tracker(sender)["events"])


def test_client_metadata_cannot_hide_a_message_from_the_staff(hygie):
    sender = new_sender()
    answer = hygie.post({"sender": sender, "message": "je n'arrive plus à dormir",
                         "metadata": {"is_external": True}})
    assert answer.status_code == 200
    (event,) = user_events(hygie, sender)
    assert not (event.get("metadata") or {}).get("is_external")
    lines = transcript(hygie.tracker(sender)["events"])
    assert [line.text for line in lines if line.speaker == "patient"] == [
        "je n'arrive plus à dormir"
    ]


def test_a_rest_conversation_cannot_be_joined_from_the_web_chat(hygie):
    sender = new_sender().replace("test-", "")  # 32 hex digits, as the page makes them
    hygie.send("bonjour", sender)
    client = socketio.Client(reconnection=False)
    confirmed = []
    client.on("session_confirm", lambda session: confirmed.append(session))
    client.connect(hygie.rasa_url, headers={"Origin": hygie.webchat_origin},
                   transports=["polling"], wait_timeout=10)
    try:
        client.emit("session_request", {"session_id": sender})
        client.emit("user_uttered", {"message": "je suis là", "session_id": sender})
        time.sleep(3)
    finally:
        if client.connected:
            client.disconnect()
    assert confirmed == []
    assert [e["text"] for e in user_events(hygie, sender)] == ["bonjour"]


def wait_user_events(hygie, session, count, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        events = user_events(hygie, session)
        if len(events) >= count:
            return events
        time.sleep(0.5)
    raise AssertionError(f"{count} user messages expected, got {user_events(hygie, session)}")


def test_typed_slashes_on_the_page_are_text_and_buttons_still_work(page, page_url, hygie):
    open_chat(page, page_url)
    session = page.evaluate("localStorage.getItem('hygie_session')")
    typed = ["/EXTERNAL_medication_reminder", "/erase_data"]
    for count, text in enumerate(typed, start=2):
        page.get_by_label("Votre message").fill(text)
        page.keyboard.press("Enter")
        wait_user_events(hygie, session, count)
    page.get_by_role("button", name="Premiers secours").first.click()
    expect(page.locator("#log li.user").last).to_have_text("Vous :Premiers secours")
    events = wait_user_events(hygie, session, 4)
    assert events[0]["text"] == "/greet"  # the page's marked click
    assert events[0]["parse_data"]["intent"]["name"] == "greet"
    assert all(read_as_text(e, t) for e, t in zip(events[1:3], typed))
    assert events[3]["text"] == "/browse_first_aid"
    assert events[3]["parse_data"]["intent"]["name"] == "browse_first_aid"
    assert {e["input_channel"] for e in events} == {"socketio"}
    assert not any(e["event"] == "action" and e["name"] == "action_erase_data"
                   for e in hygie.tracker(session)["events"])


def due_in(seconds: int) -> datetime:
    """A whole local minute at least ``seconds`` ahead, in Paris time."""
    moment = datetime.now(PARIS) + timedelta(seconds=seconds)
    return moment.replace(second=0, microsecond=0) + timedelta(minutes=1)


def test_a_rest_message_on_a_web_chat_id_is_refused_and_the_reminder_still_arrives(
    page, page_url, hygie
):
    open_chat(page, page_url)
    session = page.evaluate("localStorage.getItem('hygie_session')")
    due = due_in(45)
    say = page.get_by_label("Votre message")
    say.fill(f"rappelle moi de prendre 1 comprimé de doliprane à {due:%H}h{due:%M} "
             "tous les jours sans fin")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="J'accepte").last.click()
    page.get_by_role("button", name="Oui, enregistrer").last.click()
    expect(bot_messages(page).last).to_contain_text("C'est enregistré")

    hijack = hygie.post({"sender": session, "message": "stop"})
    assert hijack.status_code == 403, hijack.text
    assert hijack.json()["error"] == "conversation_of_another_channel"
    assert {e["input_channel"] for e in user_events(hygie, session)} == {"socketio"}

    hygie.start_worker("worker-isolation")
    try:
        expect(bot_messages(page).last).to_contain_text(
            "C'est l'heure de votre doliprane", timeout=200_000
        )
    finally:
        hygie.stop("worker-isolation")
