"""A REST channel that cannot be impersonated and answers bad input clearly, never 5xx.

It keeps the stock URL (``/webhooks/rest/webhook``) and reply format (a JSON list of
bot messages) but checks the request first:

- it is closed unless ``HYGIE_REST_TOKEN`` is set (503), and then answers only a
  request with ``Authorization: Bearer <token>`` (401 otherwise, constant-time
  compare): it is a developer and test channel, not a patient one;
- a JSON object of bounded size and depth (400, never a 500 for deep nesting), a
  sender id, a text message of bounded size without control characters;
- a sender id whose conversation another channel opened is refused (403): a REST
  message must not become the "latest channel" of a web chat or Messenger patient;
- typed text is text (:mod:`connectors.patient_input`); ``"click": true`` marks a
  button payload; client ``metadata`` is dropped (nothing a client sends may mark a
  message as external).

When processing fails or produces no reply (an action server that is down, for
instance) the patient still gets an answer, and every such answer repeats the
emergency numbers.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.services.content import get_content
from connectors.conversation_owner import owning_channel
from connectors.patient_input import CLICK_KEY, clickable_intents, patient_text

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
# A message is at most 2,000 characters; a larger body is refused before parsing.
MAX_BODY_BYTES = 1024 * 1024
TOKEN_ENV = "HYGIE_REST_TOKEN"
# Control characters (but tab and newline) break tracker stores and screen readers.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def safety_line() -> Text:
    """The line every error answer ends with: where to call in an emergency."""
    numbers = get_content().numbers
    return (
        f"En cas d'urgence, appelez le {numbers['samu']} ou le {numbers['emergency_eu']}"
        f" (SMS au {numbers['sms_deaf']}). En cas de détresse : {numbers['suicide_line']}."
    )


def too_long_text() -> Text:
    """What a patient is told when a message is longer than :data:`MAX_MESSAGE_CHARS`."""
    return (
        f"Votre message est trop long ({MAX_MESSAGE_CHARS} caractères au plus). "
        "Pouvez-vous l'envoyer en plusieurs fois ?"
    )


def clean_message(text: Text) -> Text:
    """The message without control characters (tab and newline kept), trimmed."""
    return _CONTROL_CHARS.sub(" ", text).strip()


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
        ``(payload, None)`` with ``sender``, ``message`` (as received, control
        characters removed) and ``click`` (``"click": true`` in the body) when the
        body is valid, else ``(None, error_response)``. Client metadata is dropped.
    """
    if len(body) > MAX_BODY_BYTES:
        return None, _error(413, "body_too_large", "Le message reçu est trop volumineux.")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # RecursionError: deeply nested JSON ("[[[[…"), not a server failure.
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
        return None, _error(413, "message_too_long", too_long_text())
    return {
        "sender": sender,
        "message": clean_message(message),
        "click": payload.get(CLICK_KEY) is True,
    }, None


def check_token(authorization: Optional[Text]) -> Optional[HTTPResponse]:
    """Checks ``Authorization: Bearer <HYGIE_REST_TOKEN>``; returns the error to send.

    Args:
        authorization: The request's ``Authorization`` header, if any.

    Returns:
        ``None`` when the token is right; 503 when the channel has no token (closed),
        401 when the header is missing or wrong.
    """
    expected = os.environ.get(TOKEN_ENV, "")
    if not expected:
        return _error(503, "rest_disabled", "Ce canal n'est pas ouvert.")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8"), expected.encode("utf-8")
    ):
        answer = _error(401, "unauthorized", "Accès refusé à ce canal.")
        answer.headers["WWW-Authenticate"] = 'Bearer realm="hygie"'
        return answer
    return None


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
            error = check_token(request.headers.get("Authorization"))
            if error is None:
                payload, error = parse_request(request.body or b"")
            if error is not None:
                logger.info("rest.rejected status=%s", error.status)
                return error
            sender = payload["sender"]
            agent = getattr(request.app.ctx, "agent", None)
            owner = await owning_channel(agent, sender)
            if owner not in (None, self.name()):
                logger.warning("rest.refused another_channel=%s", owner)
                return _error(
                    403,
                    "conversation_of_another_channel",
                    "Cette conversation appartient à un autre canal.",
                )
            domain = getattr(agent, "domain", None)
            allowed = clickable_intents(domain.intents) if domain else None
            text = patient_text(payload["message"], payload["click"], allowed)
            if not text:
                return response.json(
                    _fallback_messages(sender, "Je n'ai reçu aucun texte. Écrivez votre question.")
                )
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(text, collector, sender, input_channel=self.name())
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
