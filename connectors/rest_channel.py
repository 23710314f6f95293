"""A REST channel that answers bad input clearly and never with a 5xx.

It keeps the stock URL (``/webhooks/rest/webhook``) and reply format (a JSON list of
bot messages) but checks the request first: a JSON object, a sender id, a text message
of bounded size without control characters. When processing fails or produces no reply
(an action server that is down, for instance) the patient still gets an answer, and
every such answer repeats the emergency numbers.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.services.content import get_content

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
# Control characters (but tab and newline) break tracker stores and screen readers.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def safety_line() -> Text:
    """The line every error answer ends with: where to call in an emergency."""
    numbers = get_content().numbers
    return (
        f"En cas d'urgence, appelez le {numbers['samu']} ou le {numbers['emergency_eu']}"
        f" (SMS au {numbers['sms_deaf']}). En cas de détresse : {numbers['suicide_line']}."
    )


def _error(status: int, code: Text, text: Text) -> HTTPResponse:
    return response.json(
        {"error": code, "text": f"{text} {safety_line()}"}, status=status
    )


def parse_request(
    body: bytes,
) -> Tuple[Optional[Dict[Text, Any]], Optional[HTTPResponse]]:
    """Checks a webhook body; returns the payload or the error answer to send.

    Args:
        body: The raw request body.

    Returns:
        ``(payload, None)`` with ``sender``, ``message`` and ``metadata`` when the body
        is valid, else ``(None, error_response)``.
    """
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, _error(400, "invalid_json", "Le message reçu n'est pas lisible.")
    if not isinstance(payload, dict):
        return None, _error(400, "invalid_json", "Le message reçu n'est pas lisible.")
    sender, message = payload.get("sender"), payload.get("message")
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_SENDER_CHARS:
        return None, _error(400, "invalid_sender", "Identifiant de conversation manquant.")
    if _CONTROL_CHARS.search(sender):
        return None, _error(400, "invalid_sender", "Identifiant de conversation invalide.")
    if not isinstance(message, str):
        return None, _error(400, "invalid_message", "Le message doit être un texte.")
    if len(message) > MAX_MESSAGE_CHARS:
        return None, _error(
            413,
            "message_too_long",
            f"Votre message est trop long ({MAX_MESSAGE_CHARS} caractères au plus). "
            "Pouvez-vous l'envoyer en plusieurs fois ?",
        )
    metadata = payload.get("metadata")
    return {
        "sender": sender,
        "message": _CONTROL_CHARS.sub(" ", message).strip(),
        "metadata": metadata if isinstance(metadata, dict) else None,
    }, None


def _fallback_messages(recipient_id: Text, text: Text) -> List[Dict[Text, Any]]:
    return [{"recipient_id": recipient_id, "text": f"{text} {safety_line()}"}]


class HardenedRestInput(RestInput):
    """Rasa's REST channel with input checks and an answer on every failure."""

    @classmethod
    def name(cls) -> Text:
        """Keeps the stock name, hence the stock URL /webhooks/rest/webhook."""
        return "rest"

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Routes: GET / (health) and POST /webhook (one message, replies as JSON)."""
        webhook = Blueprint("hygie_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            payload, error = parse_request(request.body or b"")
            if error is not None:
                logger.info("rest.rejected status=%s", error.status)
                return error
            sender = payload["sender"]
            if not payload["message"]:
                return response.json(
                    _fallback_messages(sender, "Je n'ai reçu aucun texte. Écrivez votre question.")
                )
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        payload["message"],
                        collector,
                        sender,
                        input_channel=self.name(),
                        metadata=payload["metadata"],
                    )
                )
            except Exception:  # noqa: BLE001 - the patient must get an answer anyway
                logger.exception("rest.processing_failed")
            if not collector.messages:
                return response.json(
                    _fallback_messages(
                        sender,
                        "Je n'ai pas pu répondre à ce message. Réessayez dans un instant, ou tapez « aide ».",
                    )
                )
            return response.json(collector.messages)

        return webhook
