"""The web chat's socket.io channel answers an over-long message as the REST channel
does, and removes control characters, on a real Rasa server."""

from __future__ import annotations

import time
import uuid

import pytest
import socketio

pytestmark = pytest.mark.integration


def chat(hygie, session, *messages, wait=4.0):
    """Sends messages on a real socket.io connection; returns what the bot said."""
    said = []
    client = socketio.Client(reconnection=False)
    client.on("bot_uttered", lambda message: said.append(message.get("text") or ""))
    client.connect(hygie.rasa_url, headers={"Origin": hygie.webchat_origin},
                   transports=["polling"], wait_timeout=10)
    try:
        client.emit("session_request", {"session_id": session})
        time.sleep(1)
        for message in messages:
            client.emit("user_uttered", {"message": message, "session_id": session})
        time.sleep(wait)
    finally:
        client.disconnect()
    return said


def user_texts(hygie, session):
    return [e.get("text") for e in hygie.tracker(session)["events"] if e["event"] == "user"]


def test_an_over_long_message_is_answered_and_never_reaches_rasa(hygie):
    session = uuid.uuid4().hex
    said = chat(hygie, session, "a" * 2001)
    assert len(said) == 1 and "trop long (2000 caractères au plus)" in said[0]
    assert "appelez le 15" in said[0]
    assert user_texts(hygie, session) == []


def test_control_characters_are_removed_before_rasa(hygie):
    session = uuid.uuid4().hex
    chat(hygie, session, "bonjour\x00\x07 docteur")
    assert user_texts(hygie, session) == ["bonjour   docteur"]
