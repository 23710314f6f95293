"""Serves the chat page on localhost and gives it its conversation history.

The page shows the emergency numbers even when the Rasa server is down, so they are
written into it from data/content/numbers.yml (``{{samu}}``...), not copied by hand.
``/history?session=<id>`` returns the messages of one web chat conversation, read from
Rasa's HTTP API with the token, which the browser never sees; the session id (128
random bits, kept by the browser) is what gives access to it. ``/export/<token>`` is
the one-time link of a patient's data export (:mod:`actions.services.export_links`):
opening it shows a button, and the button (a POST) downloads a ZIP of everything
stored, the conversation included, once.

Every response carries the same security headers (:func:`security_headers`): a strict
Content-Security-Policy (scripts and styles from this server only, no inline code, no
eval, connections only to this server and to Rasa's public URL, no framing), nosniff,
no referrer and no caching: the page and its history are health data.

Environment: RASA_URL (where this server reaches Rasa, default http://127.0.0.1:5005),
RASA_PUBLIC_URL (where the browser reaches Rasa's socket.io, default RASA_URL),
RASA_AUTH_TOKEN (needed for the history), DATABASE_URL (the application database, for
the export links; default var/hygie.db).

Usage: python scripts/serve_webchat.py PORT
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from actions.services.content import get_content  # noqa: E402
from actions.services.conversation_export import conversation_lines, export_archive  # noqa: E402
from actions.services.export_links import open_export_link, redeem_export_link  # noqa: E402
from actions.services.patient_data import export_patient_data  # noqa: E402
from actions.store.db import database_url, make_engine, make_session_factory  # noqa: E402
from actions.store.migrate import upgrade  # noqa: E402
from actions.store.types import utcnow  # noqa: E402
from actions.store.unit_of_work import UnitOfWork  # noqa: E402

WEBCHAT = ROOT / "webchat"
STATIC = {
    "/chat.css": ("chat.css", "text/css; charset=utf-8"),
    "/chat.js": ("chat.js", "text/javascript; charset=utf-8"),
    "/prefs.js": ("prefs.js", "text/javascript; charset=utf-8"),
    "/vendor/socket.io.min.js": ("vendor/socket.io.min.js", "text/javascript; charset=utf-8"),
}
SESSION_ID = re.compile(r"^[0-9a-f]{32}$")
EXPORT_PATH = re.compile(r"^/export/([A-Za-z0-9_-]{43})$")
EXPORT_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hygie – votre copie</title><link rel="stylesheet" href="/chat.css"></head>
<body><main><h1>Votre copie est prête</h1>
<p>Un fichier ZIP avec toutes vos données et notre conversation : lisible
(lisez-moi.txt) et au format JSON (donnees.json). Le lien marche une seule fois.</p>
<form method="post"><button type="submit">Télécharger mes données</button></form>
<p lang="en">Your copy is ready: one ZIP file, readable and in JSON. The link works once.</p>
</main></body></html>
""".encode("utf-8")
EXPIRED_LINK = (
    "Ce lien n'est plus valable : il marche une seule fois, pendant 10 minutes. "
    "Demandez un nouveau lien à Hygie (« je veux une copie de mes données »).\n\n"
    "This link is no longer valid: it works once, for 10 minutes. Ask Hygie for a new one.\n"
).encode("utf-8")
MAX_HISTORY = 200


def rasa_url() -> str:
    """Where this server reaches Rasa."""
    return os.environ.get("RASA_URL", "http://127.0.0.1:5005").rstrip("/")


def public_rasa_url() -> str:
    """Where the browser reaches Rasa's socket.io."""
    return os.environ.get("RASA_PUBLIC_URL", rasa_url()).rstrip("/")


def connect_sources(public_url: str) -> List[str]:
    """The origins the page may connect to: itself, and Rasa in http and ws forms.

    Args:
        public_url: Rasa's public URL (``http(s)://host:port[/path]``).

    Returns:
        ``'self'``, Rasa's origin and its WebSocket origin (ws for http, wss for https).
    """
    url = urllib.parse.urlsplit(public_url)
    socket_scheme = {"http": "ws", "https": "wss"}.get(url.scheme)
    if socket_scheme is None or not url.netloc:
        raise ValueError(f"RASA_PUBLIC_URL must be an http(s) URL, not {public_url!r}")
    return ["'self'", f"{url.scheme}://{url.netloc}", f"{socket_scheme}://{url.netloc}"]


@functools.lru_cache(maxsize=1)
def security_headers() -> Tuple[Tuple[str, str], ...]:
    """The headers every response of this server carries (computed once)."""
    policy = "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src " + " ".join(connect_sources(public_rasa_url())),
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ])
    return (
        ("Content-Security-Policy", policy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cache-Control", "no-store"),
    )


@functools.lru_cache(maxsize=1)
def render_page() -> bytes:
    """Returns index.html with the numbers and Rasa's public URL filled in (once)."""
    html = (WEBCHAT / "index.html").read_text(encoding="utf-8")
    values = {**get_content().numbers, "rasa_url": public_rasa_url()}
    for key, value in values.items():
        html = html.replace("{{" + key + "}}", value)
    return html.encode("utf-8")


def _button_title(buttons: List[Dict[str, Any]], payload: str) -> Optional[str]:
    for button in buttons:
        if button.get("payload") == payload:
            return button.get("title")
    return None


def chat_history(events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Turns tracker events into the page's messages.

    A button's payload is shown as the button's title, as when it was clicked; other
    payloads (the page's automatic ``/greet``) are not shown.

    Args:
        events: The tracker's events.

    Returns:
        ``{"from": "user"|"bot", "text", "buttons"}`` dicts, the last 200 at most.
    """
    messages: List[Dict[str, Any]] = []
    buttons: List[Dict[str, Any]] = []
    for event in events:
        if event.get("event") == "bot":
            data = event.get("data") or {}
            buttons = data.get("buttons") or data.get("quick_replies") or []
            messages.append({"from": "bot", "text": event.get("text") or "", "buttons": buttons})
        elif event.get("event") == "user":
            text = event.get("text") or ""
            if text.startswith("/"):
                text = _button_title(buttons, text) or ""
            if text:
                messages.append({"from": "user", "text": text, "buttons": []})
    return messages[-MAX_HISTORY:]


def fetch_events(session_id: str) -> List[Dict[str, Any]]:
    """Reads one conversation's events through Rasa's HTTP API."""
    query = urllib.parse.urlencode({"token": os.environ.get("RASA_AUTH_TOKEN", "")})
    url = f"{rasa_url()}/conversations/{session_id}/tracker?{query}"
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.loads(answer.read()).get("events") or []


class ChatPageHandler(http.server.BaseHTTPRequestHandler):
    """Serves the page, its static files and /history; anything else is a 404."""

    def end_headers(self) -> None:
        """Adds the security headers to every response, errors included."""
        for name, value in security_headers():
            self.send_header(name, value)
        super().end_headers()

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        """Routes a GET request."""
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(200, render_page(), "text/html; charset=utf-8")
        elif url.path in STATIC:
            name, content_type = STATIC[url.path]
            self._send(200, (WEBCHAT / name).read_bytes(), content_type)
        elif url.path == "/history":
            self._history(urllib.parse.parse_qs(url.query).get("session", [""])[0])
        elif EXPORT_PATH.match(url.path):
            self._export_page(EXPORT_PATH.match(url.path).group(1))
        else:
            self._send(404, b"not found", "text/plain; charset=utf-8")

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        """Routes a POST request: only the export's download button."""
        match = EXPORT_PATH.match(urllib.parse.urlsplit(self.path).path)
        if match:
            self._export(match.group(1))
        else:
            self._send(404, b"not found", "text/plain; charset=utf-8")

    def _export_page(self, token: str) -> None:
        """Opening a link shows a button: a link preview (Messenger fetches links sent
        in a conversation) neither downloads the data nor uses the link up."""
        if open_export_link(new_uow(), token, utcnow()) is None:
            self._send(410, EXPIRED_LINK, "text/plain; charset=utf-8")
            return
        self._send(200, EXPORT_PAGE, "text/html; charset=utf-8")

    def _history(self, session_id: str) -> None:
        if not SESSION_ID.match(session_id):
            self._send(400, b'{"error": "invalid session"}', "application/json")
            return
        try:
            events = fetch_events(session_id)
        except (urllib.error.URLError, TimeoutError, ValueError):
            self._send(502, b'{"error": "history unavailable"}', "application/json")
            return
        body = json.dumps(chat_history(events), ensure_ascii=False).encode("utf-8")
        self._send(200, body, "application/json; charset=utf-8")

    def _export(self, token: str) -> None:
        """Serves an export once: the link is used up only when the archive is ready."""
        now = utcnow()
        link = open_export_link(new_uow(), token, now)
        if link is None:
            self._send(410, EXPIRED_LINK, "text/plain; charset=utf-8")
            return
        patient_id, conversation_id = link
        try:
            events = fetch_events(conversation_id)
        except (urllib.error.URLError, TimeoutError, ValueError):
            self._send(502, "Réessayez dans un instant. / Please try again shortly.\n".encode(),
                       "text/plain; charset=utf-8")
            return
        if not redeem_export_link(new_uow(), token, now):
            self._send(410, EXPIRED_LINK, "text/plain; charset=utf-8")
            return
        data = export_patient_data(new_uow(), patient_id, now)
        if data is None:
            self._send(410, EXPIRED_LINK, "text/plain; charset=utf-8")
            return
        body = export_archive(data, conversation_lines(events))
        self.send_response(200)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Disposition", 'attachment; filename="hygie-mes-donnees.zip"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Keeps request lines (with session ids and link tokens) out of the logs."""


@functools.lru_cache(maxsize=1)
def _session_factory():  # the application database, upgraded once
    url = database_url()
    upgrade(url)
    return make_session_factory(make_engine(url))


def new_uow() -> UnitOfWork:
    """A unit of work on the application database (``DATABASE_URL``)."""
    return UnitOfWork(_session_factory())


def main() -> None:
    """Serves on 127.0.0.1 at the port given as first argument (default 8080)."""
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    security_headers()  # a malformed RASA_PUBLIC_URL stops the server here
    http.server.ThreadingHTTPServer(("127.0.0.1", port), ChatPageHandler).serve_forever()


if __name__ == "__main__":
    main()
