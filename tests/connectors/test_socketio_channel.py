from connectors.socketio_channel import (
    DEFAULT_ORIGINS,
    ORIGINS_ENV,
    SESSION_ID,
    WebChatInput,
    allowed_origins,
)


def test_origins_come_from_the_environment_or_default_to_the_local_page(monkeypatch):
    monkeypatch.delenv(ORIGINS_ENV, raising=False)
    assert allowed_origins() == list(DEFAULT_ORIGINS) == [
        "http://localhost:8080", "http://127.0.0.1:8080",
    ]
    monkeypatch.setenv(ORIGINS_ENV, " https://chat.example.fr/ , http://127.0.0.1:9000,")
    assert allowed_origins() == ["https://chat.example.fr", "http://127.0.0.1:9000"]


def test_the_engine_io_server_checks_the_configured_origins(monkeypatch):
    monkeypatch.setenv(ORIGINS_ENV, "https://chat.example.fr")
    channel = WebChatInput(session_persistence=True)
    channel.blueprint(lambda message: None)
    assert channel.sio.eio.cors_allowed_origins == ["https://chat.example.fr"]
    assert WebChatInput.name() == "socketio"


def test_only_page_shaped_session_ids_are_confirmed():
    assert SESSION_ID.match("0123456789abcdef0123456789abcdef")
    for forged in ("1234567890123456", "0123456789ABCDEF0123456789ABCDEF", "../x", ""):
        assert not SESSION_ID.match(forged)
