"""Facebook Messenger channel, configured from the environment, checked at the edge.

Rasa's stock connector checks only the SHA-1 signature, answers 200 to a forged one and
handles only the first event of a batch. This one:

- reads its secrets from the environment (never from a committed file) and refuses every
  webhook call while they are missing;
- checks ``X-Hub-Signature-256`` in constant time and answers 403 on any mismatch;
- answers the GET verification only for ``hub.mode=subscribe`` and the right token;
- handles every entry and every messaging event of a batch, ignoring echoes, deliveries
  and read receipts;
- sends through the Graph API at a configurable base URL, with a timeout.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, Iterator, List, Optional, Text

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

DEFAULT_GRAPH_URL = "https://graph.facebook.com/v18.0"
MAX_QUICK_REPLIES = 13
MAX_TITLE_CHARS = 20
# Text sent to Rasa for a sticker, image or file, so the patient gets a polite answer.
ATTACHMENT_TEXT = "[pièce jointe]"


@dataclass(frozen=True)
class MessengerSettings:
    """Messenger secrets and endpoints, from environment variables."""

    verify_token: Text
    app_secret: Text
    page_access_token: Text
    graph_url: Text = DEFAULT_GRAPH_URL
    timeout_seconds: float = 10.0

    @classmethod
    def from_env(cls) -> MessengerSettings:
        """Reads FACEBOOK_VERIFY_TOKEN, FACEBOOK_APP_SECRET, FACEBOOK_PAGE_ACCESS_TOKEN,
        FACEBOOK_GRAPH_URL and FACEBOOK_SEND_TIMEOUT."""
        return cls(
            verify_token=os.environ.get("FACEBOOK_VERIFY_TOKEN", ""),
            app_secret=os.environ.get("FACEBOOK_APP_SECRET", ""),
            page_access_token=os.environ.get("FACEBOOK_PAGE_ACCESS_TOKEN", ""),
            graph_url=os.environ.get("FACEBOOK_GRAPH_URL", DEFAULT_GRAPH_URL).rstrip("/"),
            timeout_seconds=float(os.environ.get("FACEBOOK_SEND_TIMEOUT", "10")),
        )

    @property
    def configured(self) -> bool:
        """True when every secret is set."""
        return bool(self.verify_token and self.app_secret and self.page_access_token)


def signature_is_valid(app_secret: Text, body: bytes, header: Optional[Text]) -> bool:
    """Checks ``X-Hub-Signature-256: sha256=<hex>`` against the body, in constant time.

    Args:
        app_secret: The Facebook app secret.
        body: The raw request body.
        header: The header's value, if any.

    Returns:
        True only for a well-formed header whose digest matches.
    """
    if not app_secret or not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header[len("sha256="):])


@dataclass(frozen=True)
class IncomingMessage:
    """One patient message taken from a webhook event."""

    sender_id: Text
    text: Text
    message_id: Optional[Text]


def _event_text(event: Dict[Text, Any]) -> Optional[Text]:
    if "postback" in event:
        return event["postback"].get("payload") or event["postback"].get("title")
    message = event.get("message")
    if not isinstance(message, dict) or message.get("is_echo"):
        return None
    quick_reply = message.get("quick_reply") or {}
    if quick_reply.get("payload"):
        return quick_reply["payload"]
    if message.get("text"):
        return message["text"]
    if message.get("attachments") or message.get("sticker_id"):
        return ATTACHMENT_TEXT
    return None


def incoming_messages(payload: Any) -> Iterator[IncomingMessage]:
    """Yields every patient message of a webhook body, in order.

    Echoes of the page's own messages, deliveries and read receipts are skipped.

    Args:
        payload: The parsed webhook body.

    Yields:
        One message per messaging event that carries text, a postback or an attachment.
    """
    if not isinstance(payload, dict) or payload.get("object") != "page":
        return
    for entry in payload.get("entry") or []:
        for event in (entry or {}).get("messaging") or []:
            sender = ((event or {}).get("sender") or {}).get("id")
            text = _event_text(event or {})
            if sender and text:
                message_id = (event.get("message") or {}).get("mid")
                yield IncomingMessage(str(sender), text, message_id)


class MessengerOutput(OutputChannel):
    """Sends Hygie's messages through the Graph API Send endpoint."""

    @classmethod
    def name(cls) -> Text:
        """Channel name."""
        return "facebook"

    def __init__(self, settings: MessengerSettings) -> None:
        """Keeps the settings; one HTTP session is opened per send."""
        self.settings = settings

    async def _send(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        body = {
            "recipient": {"id": recipient_id},
            "messaging_type": "RESPONSE",
            "message": message,
        }
        url = f"{self.settings.graph_url}/me/messages"
        timeout = aiohttp.ClientTimeout(total=self.settings.timeout_seconds)
        try:
            async with aiohttp.ClientSession(timeout=timeout) as session:
                async with session.post(
                    url, json=body, params={"access_token": self.settings.page_access_token}
                ) as answer:
                    if answer.status >= 400:
                        logger.error("messenger.send_failed status=%s", answer.status)
        except (aiohttp.ClientError, TimeoutError) as error:
            logger.error("messenger.send_failed error=%s", type(error).__name__)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        """Sends a text message."""
        await self._send(recipient_id, {"text": text})

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        """Sends buttons as quick replies (at most 13, titles cut to 20 characters)."""
        quick_replies = [
            {
                "content_type": "text",
                "title": button["title"][:MAX_TITLE_CHARS],
                "payload": button["payload"],
            }
            for button in buttons[:MAX_QUICK_REPLIES]
        ]
        await self._send(recipient_id, {"text": text, "quick_replies": quick_replies})


class MessengerInput(InputChannel):
    """Messenger webhook at /webhooks/facebook/webhook."""

    @classmethod
    def name(cls) -> Text:
        """Keeps the stock channel name and URL."""
        return "facebook"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> MessengerInput:
        """Ignores credentials.yml values: secrets come from the environment only."""
        return cls(MessengerSettings.from_env())

    def __init__(self, settings: MessengerSettings) -> None:
        """Creates the channel with its settings."""
        self.settings = settings

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Routes: GET / (health), GET /webhook (verification), POST /webhook."""
        webhook = Blueprint("hygie_messenger_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok", "configured": self.settings.configured})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            if (
                self.settings.configured
                and request.args.get("hub.mode") == "subscribe"
                and hmac.compare_digest(token, self.settings.verify_token)
            ):
                return response.text(request.args.get("hub.challenge") or "")
            return response.text("forbidden", status=403)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.settings.configured:
                return response.text("messenger channel not configured", status=503)
            signature = request.headers.get("X-Hub-Signature-256")
            if not signature_is_valid(self.settings.app_secret, request.body, signature):
                logger.warning("messenger.bad_signature")
                return response.text("forbidden", status=403)
            try:
                payload = request.json
            except Exception:  # noqa: BLE001 - sanic raises several types here
                return response.text("invalid json", status=400)
            output = MessengerOutput(self.settings)
            for message in incoming_messages(payload):
                try:
                    await on_new_message(
                        UserMessage(
                            message.text,
                            output,
                            message.sender_id,
                            input_channel=self.name(),
                            metadata={"message_id": message.message_id},
                        )
                    )
                except Exception:  # noqa: BLE001 - one bad event must not drop the others
                    logger.exception("messenger.processing_failed")
            return response.text("success")

        return webhook
