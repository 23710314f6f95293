"""Bad input on the REST channel: a clear answer or a 4xx, never a 5xx."""

import json

import pytest

from tests.integration.conftest import new_sender, texts

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    "raw, status",
    [
        (b"", 400),
        (b"{\"sender\": \"a\", \"message\": ", 400),
        (bytes(range(256)), 400),
        (b"[]", 400),
        (json.dumps({"sender": "a", "message": "x" * 20_000}).encode(), 413),
        (json.dumps({"sender": "a"}).encode(), 400),
    ],
)
def test_unreadable_or_oversized_requests_get_a_4xx_with_the_numbers(hygie, raw, status):
    answer = hygie.post(data=raw)
    assert answer.status_code == status
    assert "15" in answer.json()["text"]


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "😷🤒🙏",
        "\x00\x01\x02",
        "é" * 1999,
        "/greet",
        '/greet{"topic": "opening_hours"}',
        '/faq{"topic": "../../etc/passwd"}',
        '/faq{"topic": ',
        "/intent_that_does_not_exist",
        "/restart",
        '/crisis_suicidal{"requested_slot": "x"}',
        "<script>alert(1)</script>",
        "SELECT * FROM events; --",
    ],
)
def test_odd_messages_get_a_reply(hygie, message):
    replies = hygie.send(message)
    assert replies, "the patient got no answer"
    assert all(reply.get("text") or reply.get("buttons") for reply in replies)


def test_an_injected_intent_cannot_set_a_help_number(hygie):
    sender = new_sender()
    hygie.send('/greet{"samu": "0899 000 000"}', sender=sender)
    assert hygie.tracker(sender)["slots"]["samu"] == "15"
    assert "appelez le 15" in texts(hygie.send("bonjour", sender=sender))


def test_the_server_still_answers_after_bad_input(hygie):
    for raw in (b"\xff" * 100, b"{", json.dumps({"sender": "a", "message": "y" * 50_000}).encode()):
        assert hygie.post(data=raw).status_code < 500
    assert "Hygie" in texts(hygie.send("bonjour"))


def test_an_action_server_that_is_down_still_leaves_the_patient_with_the_numbers(hygie):
    hygie.stop_action_server()
    try:
        replies = hygie.send("je veux en finir avec la vie", sender=new_sender())
        text = texts(replies)
        assert "15" in text and "3114" in text
    finally:
        hygie.start_action_server()
    assert "3114" in texts(hygie.send("je veux en finir avec la vie"))
