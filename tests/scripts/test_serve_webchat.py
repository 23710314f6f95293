"""The chat page's server: the same strict security headers on every response."""

from __future__ import annotations

import http.server
import importlib.util
import re
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parents[2] / "scripts" / "serve_webchat.py"
SPEC = importlib.util.spec_from_file_location("serve_webchat", PATH)
serve_webchat = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(serve_webchat)


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("RASA_PUBLIC_URL", "https://chat.example.org/rasa/")
    serve_webchat.security_headers.cache_clear()
    serve_webchat.render_page.cache_clear()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), serve_webchat.ChatPageHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    serve_webchat.security_headers.cache_clear()
    serve_webchat.render_page.cache_clear()


def headers_of(url: str, method: str = "GET") -> dict:
    request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return dict(answer.headers)
    except urllib.error.HTTPError as error:
        return dict(error.headers)


def directives(policy: str) -> dict:
    pairs = (part.strip().split(" ", 1) for part in policy.split(";"))
    return {name: value for name, value in pairs}


def test_connect_sources_are_the_page_and_rasa_in_http_and_ws_forms():
    assert serve_webchat.connect_sources("http://localhost:5005") == [
        "'self'", "http://localhost:5005", "ws://localhost:5005"]
    assert serve_webchat.connect_sources("https://chat.example.org/rasa/") == [
        "'self'", "https://chat.example.org", "wss://chat.example.org"]


@pytest.mark.parametrize("url", ["localhost:5005", "ftp://x", "https://"])
def test_a_public_url_that_is_not_http_is_refused(url):
    with pytest.raises(ValueError, match="RASA_PUBLIC_URL"):
        serve_webchat.connect_sources(url)


@pytest.mark.parametrize(
    "path,method", [("/", "GET"), ("/chat.js", "GET"), ("/nowhere", "GET"), ("/", "POST")]
)
def test_every_response_carries_the_strict_policy(server, path, method):
    headers = headers_of(server + path, method)
    policy = directives(headers["Content-Security-Policy"])
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == policy["style-src"] == "'self'"
    assert policy["connect-src"] == "'self' https://chat.example.org wss://chat.example.org"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-store"


def test_the_page_has_no_inline_script_style_or_handler():
    html = (PATH.parents[1] / "webchat" / "index.html").read_text(encoding="utf-8")
    assert "<style" not in html and " style=" not in html
    assert all("src=" in tag for tag in html.split("<script")[1:])
    assert re.search(r"<[^>]*\son[a-z]+\s*=", html, re.I) is None, "inline event handler"
    assert "javascript:" not in html.lower()
