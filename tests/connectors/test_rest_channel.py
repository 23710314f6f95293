import json

import pytest

from connectors.rest_channel import (
    MAX_BODY_BYTES,
    MAX_MESSAGE_CHARS,
    TOKEN_ENV,
    check_token,
    parse_request,
)


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
    assert payload == {"sender": "p1", "message": "😷 j'ai  mal", "click": False}


def test_client_metadata_is_dropped_and_only_a_true_click_is_a_click():
    marked, _ = parse_request(
        body({"sender": "p", "message": "/affirm", "click": True,
              "metadata": {"is_external": True}})
    )
    loose, _ = parse_request(body({"sender": "p", "message": "/affirm", "click": "yes"}))
    assert marked == {"sender": "p", "message": "/affirm", "click": True}
    assert loose["click"] is False


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_json_gets_400_not_a_crash(depth):
    status, answer = error_of(b"[" * depth + b"]" * depth)
    assert (status, answer["error"]) == (400, "invalid_json")
    status, answer = error_of(b'{"sender": "p", "message": "x", "m": ' + b"[" * depth)
    assert (status, answer["error"]) == (400, "invalid_json")


def test_a_body_larger_than_any_message_needs_gets_413():
    status, answer = error_of(b" " * (MAX_BODY_BYTES + 1))
    assert (status, answer["error"]) == (413, "body_too_large")


def test_without_a_token_the_channel_is_closed(monkeypatch):
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    answer = check_token("Bearer anything")
    assert answer.status == 503
    assert json.loads(answer.body)["error"] == "rest_disabled"


@pytest.mark.parametrize(
    "header", [None, "", "Bearer", "Bearer wrong", "Basic s3cret-token", "s3cret-token",
               "Bearer s3cret-token-and-more", "Bearer é"],
)
def test_a_missing_or_wrong_token_gets_401(monkeypatch, header):
    monkeypatch.setenv(TOKEN_ENV, "s3cret-token")
    answer = check_token(header)
    assert answer.status == 401
    assert json.loads(answer.body)["error"] == "unauthorized"
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer s3cret-token", "bearer s3cret-token"])
def test_the_right_token_passes(monkeypatch, header):
    monkeypatch.setenv(TOKEN_ENV, "s3cret-token")
    assert check_token(header) is None
