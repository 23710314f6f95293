import json

import pytest

from connectors.rest_channel import MAX_MESSAGE_CHARS, parse_request


def body(payload) -> bytes:
    return json.dumps(payload).encode("utf-8")


def error_of(raw: bytes):
    payload, error = parse_request(raw)
    assert payload is None
    return error.status, json.loads(error.body)


@pytest.mark.parametrize(
    "raw",
    [b"", b"{not json", b"\xff\xfe\x00binary", b"[1, 2]", b'"text"', b"null"],
)
def test_unreadable_bodies_get_400_with_the_emergency_numbers(raw):
    status, answer = error_of(raw)
    assert status == 400
    assert answer["error"] == "invalid_json"
    assert "15" in answer["text"] and "3114" in answer["text"]


@pytest.mark.parametrize("sender", [None, "", 42, "x" * 129, "abc\x00def"])
def test_a_missing_or_odd_sender_is_refused(sender):
    status, answer = error_of(body({"sender": sender, "message": "bonjour"}))
    assert (status, answer["error"]) == (400, "invalid_sender")


@pytest.mark.parametrize("message", [None, 12, ["bonjour"], {"text": "bonjour"}])
def test_a_message_that_is_not_text_is_refused(message):
    status, answer = error_of(body({"sender": "p1", "message": message}))
    assert (status, answer["error"]) == (400, "invalid_message")


def test_a_huge_message_gets_413_and_a_way_forward():
    status, answer = error_of(body({"sender": "p1", "message": "a" * 20_000}))
    assert status == 413
    assert answer["error"] == "message_too_long"
    assert str(MAX_MESSAGE_CHARS) in answer["text"]


def test_control_characters_are_removed_and_emoji_kept():
    payload, error = parse_request(body({"sender": "p1", "message": "\x00😷 j'ai\x07 mal\n"}))
    assert error is None
    assert payload == {"sender": "p1", "message": "😷 j'ai  mal", "metadata": None}


def test_metadata_is_kept_only_when_it_is_an_object():
    kept, _ = parse_request(body({"sender": "p", "message": "x", "metadata": {"a": 1}}))
    dropped, _ = parse_request(body({"sender": "p", "message": "x", "metadata": "a"}))
    assert kept["metadata"] == {"a": 1}
    assert dropped["metadata"] is None
