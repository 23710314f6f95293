import hashlib
import hmac

from connectors.messenger import (
    ATTACHMENT_PAYLOAD,
    LIKE_TEXT,
    IncomingMessage,
    RecentIds,
    MessengerSettings,
    incoming_messages,
    same_secret,
    signature_is_valid,
)

SECRET = "app-secret"
BODY = b'{"object": "page"}'


def sign(body: bytes, secret: str = SECRET, algorithm: str = "sha256") -> str:
    return f"{algorithm}=" + hmac.new(secret.encode(), body, getattr(hashlib, algorithm)).hexdigest()


def test_only_a_matching_sha256_signature_is_valid():
    assert signature_is_valid(SECRET, BODY, sign(BODY))
    assert not signature_is_valid(SECRET, BODY, sign(BODY, secret="other"))
    assert not signature_is_valid(SECRET, BODY + b" ", sign(BODY))
    assert not signature_is_valid(SECRET, BODY, sign(BODY, algorithm="sha1"))
    assert not signature_is_valid(SECRET, BODY, None)
    assert not signature_is_valid(SECRET, BODY, "sha256=")
    assert not signature_is_valid("", BODY, sign(BODY, secret=""))


def test_a_non_ascii_signature_is_invalid_not_an_error():
    good = sign(BODY)
    for forged in ("sha256=é" + good[8:], "sha256=" + "\udcc3" * 64, good + "€", "sha256=😀"):
        assert not signature_is_valid(SECRET, BODY, forged)


def test_secrets_are_compared_as_bytes():
    assert same_secret("jeton-é", "jeton-é")
    assert not same_secret("jeton-\udce9", "jeton-é")
    assert not same_secret("é", "e")


def event(sender, **fields):
    return {"sender": {"id": sender}, "recipient": {"id": "page"}, **fields}


def test_every_event_of_every_entry_is_read_and_receipts_are_skipped():
    payload = {
        "object": "page",
        "entry": [
            {"messaging": [
                event("a", message={"mid": "m1", "text": "bonjour"}),
                event("page", message={"mid": "m2", "text": "echo", "is_echo": True}),
                event("a", delivery={"mids": ["m9"]}),
            ]},
            {"messaging": [
                event("b", message={"mid": "m3", "text": "Oui", "quick_reply": {"payload": "/affirm"}}),
                event("c", postback={"payload": "/greet", "title": "Démarrer"}),
                event("c", read={"watermark": 1}),
                event("d", message={"mid": "m4", "attachments": [{"type": "image"}]}),
                event("e", message={"mid": "m5", "sticker_id": 369239263222822}),
                event("e", message={"mid": "m6", "sticker_id": 1, "attachments": [{}]}),
                event("f", message={"mid": "m7", "text": "/restart"}),
            ]},
        ],
    }
    assert list(incoming_messages(payload)) == [
        IncomingMessage("a", "bonjour", "m1"),
        IncomingMessage("b", "/affirm", "m3"),
        IncomingMessage("c", "/greet", None),
        IncomingMessage("d", ATTACHMENT_PAYLOAD, "m4"),
        IncomingMessage("e", LIKE_TEXT, "m5"),
        IncomingMessage("e", ATTACHMENT_PAYLOAD, "m6"),
        IncomingMessage("f", "restart", "m7"),
    ]


def test_bodies_that_are_not_page_events_yield_nothing():
    for payload in (
        None, [], {"object": "user"}, {"object": "page", "entry": [None, {}, "x"]},
        {"object": "page", "entry": [{"messaging": [None, 3, {"sender": {}}]}]},
        {"object": "page", "entry": [{"messaging": [event("a", message={"text": "  "})]}]},
    ):
        assert list(incoming_messages(payload)) == []


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("FACEBOOK_VERIFY_TOKEN", "v")
    monkeypatch.setenv("FACEBOOK_APP_SECRET", "s")
    monkeypatch.delenv("FACEBOOK_PAGE_ACCESS_TOKEN", raising=False)
    monkeypatch.setenv("FACEBOOK_GRAPH_URL", "http://127.0.0.1:9/v1/")
    settings = MessengerSettings.from_env()
    assert settings.graph_url == "http://127.0.0.1:9/v1"
    assert not settings.configured


def test_a_message_id_is_claimed_once_and_old_ids_are_forgotten():
    recent = RecentIds(size=2)
    assert [recent.claim(i) for i in ("a", "a", "b", "c", "a")] == [True, False, True, True, True]
