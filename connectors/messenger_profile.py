"""Sets the page's Messenger profile: Get Started button, greeting and persistent menu.

Run once per page (and again after a change), with the page token in the environment:

    FACEBOOK_PAGE_ACCESS_TOKEN=... python -m connectors.messenger_profile

Payloads are Rasa intents, so each menu entry behaves like the chat's own buttons.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
from typing import Any, Dict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from actions.services.content import get_content  # noqa: E402
from connectors.messenger import DEFAULT_GRAPH_URL  # noqa: E402

GET_STARTED_PAYLOAD = "/greet"
MENU = (
    ("Ce que je sais faire", "/ask_help"),
    ("Parler à une personne", "/request_human"),
    ("🚨 Urgence", "/emergency_medical"),
)
MAX_GREETING_CHARS = 160


def profile() -> Dict[str, Any]:
    """The ``messenger_profile`` body, with the numbers from data/content/numbers.yml."""
    numbers = get_content().numbers
    greeting = (
        "Bonjour, je suis Hygie, l'assistant automatique du cabinet. Je ne remplace pas "
        f"un médecin. Urgence : {numbers['samu']} ou {numbers['emergency_eu']}."
    )
    return {
        "get_started": {"payload": GET_STARTED_PAYLOAD},
        "greeting": [{"locale": "default", "text": greeting[:MAX_GREETING_CHARS]}],
        "persistent_menu": [
            {
                "locale": "default",
                "composer_input_disabled": False,
                "call_to_actions": [
                    {"type": "postback", "title": title, "payload": payload}
                    for title, payload in MENU
                ],
            }
        ],
    }


def main() -> int:
    """Posts the profile to the Graph API; prints the outcome without the token."""
    token = os.environ.get("FACEBOOK_PAGE_ACCESS_TOKEN")
    if not token:
        print("FACEBOOK_PAGE_ACCESS_TOKEN is not set.", file=sys.stderr)
        return 2
    graph = os.environ.get("FACEBOOK_GRAPH_URL", DEFAULT_GRAPH_URL).rstrip("/")
    request = urllib.request.Request(
        f"{graph}/me/messenger_profile?access_token={token}",
        data=json.dumps(profile()).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=15) as answer:
            print(f"Messenger profile set (HTTP {answer.status}).")
            return 0
    except (urllib.error.URLError, TimeoutError) as error:
        status = getattr(error, "code", None)
        print(f"Messenger profile NOT set: {status or type(error).__name__}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
