"""A Messenger patient for the integration tests: steps and the waits they cause.

Each step (``say``, ``click``, or ``now()`` before starting a worker) returns the instant
it began; a wait looks only at the messages the fake Graph API received from that
instant on, so a fragment sent by an earlier step can never satisfy it. The Messenger
webhook answers after Rasa has sent every reply, so one step's replies all arrive
before the next step begins.
"""

from __future__ import annotations

import time
import uuid

from tests.integration.test_messenger import (
    batch,
    message_text,
    page_event,
    post_webhook,
)


def now() -> float:
    """The current instant, as the fake Graph API stamps what it receives."""
    return time.time()


def say(hygie, psid, text) -> float:
    """Sends a patient's text; returns the instant before it, for ``wait_text``."""
    since = now()
    assert post_webhook(hygie, batch([page_event(psid, text)])).status_code == 200
    return since


def click(hygie, psid, payload) -> float:
    """Sends a button click (a postback); returns the instant before it."""
    since = now()
    event = {"sender": {"id": psid},
             "postback": {"payload": payload, "title": "x", "mid": f"pb-{uuid.uuid4().hex}"}}
    assert post_webhook(hygie, batch([event])).status_code == 200
    return since


def texts_to(fake_graph, psid, since=0.0):
    """The texts sent to one patient from ``since`` on (all of them by default)."""
    return [message_text(b["message"]) for b in fake_graph.bodies_to(psid) if b["at"] >= since]


def buttons_of(message):
    """The buttons or quick replies of a Send API message."""
    template = (message.get("attachment") or {}).get("payload") or {}
    return template.get("buttons") or message.get("quick_replies") or []


def wait_text(fake_graph, psid, fragment, since, seconds=60):
    """The first body sent to ``psid`` from ``since`` on whose text holds ``fragment``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for body in fake_graph.bodies_to(psid):
            if body["at"] >= since and fragment in message_text(body["message"]):
                return body
        time.sleep(0.2)
    raise AssertionError(
        f"{fragment!r} not sent after the step; got {texts_to(fake_graph, psid, since)}")
