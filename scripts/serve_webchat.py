"""Serves the chat page on localhost, with the help numbers filled in.

The page shows the emergency numbers even when the Rasa server is down, so they are
written into it from data/content/numbers.yml (``{{samu}}``...), not copied by hand.

Usage: python scripts/serve_webchat.py PORT
"""

from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from actions.services.content import get_content  # noqa: E402

PAGE = ROOT / "webchat" / "index.html"


@functools.lru_cache(maxsize=1)
def render_page() -> bytes:
    """Returns index.html with every ``{{number}}`` placeholder filled in (once)."""
    html = PAGE.read_text(encoding="utf-8")
    for key, number in get_content().numbers.items():
        html = html.replace("{{" + key + "}}", number)
    return html.encode("utf-8")


class ChatPageHandler(http.server.BaseHTTPRequestHandler):
    """Answers GET / with the chat page and anything else with 404."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        """Serves the page."""
        if self.path.split("?")[0] not in ("/", "/index.html"):
            self.send_error(404)
            return
        body = render_page()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Keeps request lines out of the logs."""


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    http.server.ThreadingHTTPServer(("127.0.0.1", port), ChatPageHandler).serve_forever()
