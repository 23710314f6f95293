"""Facebook Messenger channel, configured from the environment, checked at the edge.

Rasa's stock connector checks only the SHA-1 signature, answers 200 to a forged one and
handles only the first event of a batch. This one:

- reads its secrets from the environment (never from a committed file) and refuses every
  webhook call while they are missing;
- checks ``X-Hub-Signature-256`` in constant time and answers 403 on any mismatch;
- answers the GET verification only for ``hub.mode=subscribe`` and the right token;
- handles every entry and every messaging event of a batch, ignoring echoes, deliveries
  and read receipts, and processes a redelivered message (same message id) once;
- turns postbacks and quick replies into their payloads, stickers, images and files into
  a polite answer, and typed text starting with "/" into plain text (no intent
  injection);
- sends through :mod:`connectors.messenger_send` (timeout, retries, button templates)
  and applies Meta's 24-hour window to proactive messages
  (:mod:`connectors.messenger_window`), sending the held ones at the next message.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, Iterator, List, Optional, Text

from collections import OrderedDict

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.messenger_send import GraphClient, MessengerOutput
from connectors.messenger_window import held_bot_messages, last_user_timestamp
from connectors.patient_input import patient_text

logger = logging.getLogger(__name__)

DEFAULT_GRAPH_URL = "https://graph.facebook.com/v18.0"
# Payload sent to Rasa for a sticker, image, audio or file: a polite answer follows.
ATTACHMENT_PAYLOAD = "/share_attachment"
# Messenger's "like" stickers (small, medium, large thumbs up) mean yes.
LIKE_STICKERS = frozenset({369239263222822, 369239343222814, 369239383222810})
LIKE_TEXT = "👍"
# How many message ids each server remembers, on top of the tracker check.
RECENT_IDS = 10_000
HELD_INTRO = "Je vous avais écrit pendant votre absence :"


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


def same_secret(given: Text, expected: Text) -> bool:
    """Compares two texts in constant time, whatever characters they hold.

    ``hmac.compare_digest`` raises ``TypeError`` on non-ASCII ``str`` (a 500 for a
    forged header), so both sides are compared as bytes; ``surrogatepass`` keeps the
    encoding one-to-one for the undecodable bytes the web server maps to surrogates.
    """
    return hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"),
        expected.encode("utf-8", "surrogatepass"),
    )


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
    return same_secret(header[len("sha256="):], expected)


@dataclass(frozen=True)
class IncomingMessage:
    """One patient message taken from a webhook event."""

    sender_id: Text
    text: Text
    message_id: Optional[Text]


def _event_text(event: Dict[Text, Any]) -> Optional[Text]:
    # Postbacks and quick replies are clicks; typed text is never an intent
    # ("/restart" is read as words): the one rule of connectors.patient_input.
    postback = event.get("postback")
    if isinstance(postback, dict):
        if isinstance(postback.get("payload"), str) and postback["payload"].strip():
            return patient_text(postback["payload"], clicked=True) or None
        return patient_text(str(postback.get("title") or ""), clicked=False) or None
    message = event.get("message")
    if not isinstance(message, dict) or message.get("is_echo"):
        return None
    quick_reply = message.get("quick_reply") or {}
    if isinstance(quick_reply.get("payload"), str) and quick_reply["payload"].strip():
        return patient_text(quick_reply["payload"], clicked=True) or None
    if message.get("sticker_id") in LIKE_STICKERS:
        return LIKE_TEXT
    if isinstance(message.get("text"), str) and message["text"].strip():
        return patient_text(message["text"], clicked=False) or None
    if message.get("attachments") or message.get("sticker_id"):
        return ATTACHMENT_PAYLOAD
    return None


def _message_id(event: Dict[Text, Any]) -> Optional[Text]:
    for key in ("message", "postback"):
        part = event.get(key)
        if isinstance(part, dict) and part.get("mid"):
            return str(part["mid"])
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
        if not isinstance(entry, dict):
            continue
        for event in entry.get("messaging") or []:
            if not isinstance(event, dict):
                continue
            sender = (event.get("sender") or {}).get("id")
            text = _event_text(event)
            if sender and text:
                yield IncomingMessage(str(sender), text, _message_id(event))


class RecentIds:
    """The message ids this server saw last, so concurrent redeliveries are dropped.

    Claiming is synchronous (no ``await``), so two deliveries of one message handled
    at the same time cannot both pass. Redeliveries after a restart or to another
    replica are caught by the tracker check in :class:`MessengerInput`.
    """

    def __init__(self, size: int = RECENT_IDS) -> None:
        """Remembers at most ``size`` ids."""
        self.size = size
        self.ids: "OrderedDict[Text, None]" = OrderedDict()

    def claim(self, message_id: Text) -> bool:
        """Returns True the first time an id is seen, False afterwards."""
        if message_id in self.ids:
            return False
        self.ids[message_id] = None
        if len(self.ids) > self.size:
            self.ids.popitem(last=False)
        return True


async def _events(app: Optional[Sanic], sender_id: Text) -> List[Dict[Text, Any]]:
    """The conversation's events from the tracker store (all sessions), or []."""
    agent = getattr(getattr(app, "ctx", None), "agent", None)
    if agent is None or agent.tracker_store is None:
        return []
    tracker = await agent.tracker_store.retrieve_full_tracker(sender_id)
    return [event.as_dict() for event in tracker.events] if tracker else []


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
        self.client = GraphClient(
            settings.graph_url, settings.page_access_token, settings.timeout_seconds
        )
        self.recent_ids = RecentIds()
        self.app: Optional[Sanic] = None

    async def last_user_at(self, sender_id: Text) -> Optional[float]:
        """Unix time of the patient's last message, read from the tracker store."""
        return last_user_timestamp(await _events(self.app, sender_id))

    def get_output_channel(self) -> MessengerOutput:
        """Output for proactive messages (Rasa's HTTP API): the window applies."""
        return MessengerOutput(self.client, last_user_lookup=self.last_user_at)

    @staticmethod
    def _already_processed(message: IncomingMessage, events: List[Dict[Text, Any]]) -> bool:
        return bool(message.message_id) and any(
            e.get("event") == "user" and e.get("message_id") == message.message_id
            for e in events
        )

    async def _send_held(
        self, sender_id: Text, events: List[Dict[Text, Any]], output: MessengerOutput
    ) -> None:
        held = held_bot_messages(events)
        if held:
            await output.send_text_message(sender_id, HELD_INTRO)
        for event in held:
            data = event.get("data") or {}
            message = {"text": event.get("text") or "", **{
                key: data[key] for key in ("buttons", "quick_replies") if data.get(key)
            }}
            await output.send_response(sender_id, message)

    async def _handle(
        self,
        message: IncomingMessage,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> None:
        # The in-memory claim comes before any await: concurrent redeliveries stop here.
        if message.message_id and not self.recent_ids.claim(message.message_id):
            logger.info("messenger.duplicate_dropped")
            return
        events = await _events(self.app, message.sender_id)  # read once per message
        if self._already_processed(message, events):
            logger.info("messenger.duplicate_dropped")
            return
        output = MessengerOutput(self.client)
        await self._send_held(message.sender_id, events, output)
        await on_new_message(
            UserMessage(
                message.text,
                output,
                message.sender_id,
                input_channel=self.name(),
                message_id=message.message_id,
            )
        )

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Routes: GET / (health), GET /webhook (verification), POST /webhook."""
        webhook = Blueprint("hygie_messenger_webhook", __name__)

        @webhook.listener("before_server_start")
        async def keep_app(app: Sanic, _: Any) -> None:
            self.app = app

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok", "configured": self.settings.configured})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            if (
                self.settings.configured
                and request.args.get("hub.mode") == "subscribe"
                and same_secret(token, self.settings.verify_token)
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
            self.app = self.app or request.app
            for message in incoming_messages(payload):
                try:
                    await self._handle(message, on_new_message)
                except Exception:  # noqa: BLE001 - one bad event must not drop the others
                    logger.exception("messenger.processing_failed")
            return response.text("success")

        return webhook
