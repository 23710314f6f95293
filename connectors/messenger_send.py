"""Sending to Messenger: the Graph API Send endpoint, Messenger's limits, the window.

Replies to a patient's message always go out as ``RESPONSE``. Proactive messages (a
reminder triggered through Rasa's HTTP API) follow :mod:`connectors.messenger_window`.
A failed send is retried when the failure may be temporary, then logged with its
status and Graph error code only: never the text or the recipient.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import aiohttp
from rasa.core.channels.channel import OutputChannel

from connectors.messenger_window import Delivery, RESPONSE, decide, message_tag

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 2000
MAX_BUTTON_TEMPLATE_TEXT = 640
MAX_BUTTONS = 3
MAX_QUICK_REPLIES = 13
MAX_TITLE_CHARS = 20
SEND_ATTEMPTS = 3
RETRY_BASE_DELAY_SECONDS = 0.5

# Gives the Unix time of the patient's last Messenger message, or None.
LastUserLookup = Callable[[Text], Awaitable[Optional[float]]]


def split_text(text: Text, limit: int = MAX_TEXT_CHARS) -> List[Text]:
    """Cuts a text into Messenger-sized parts, at line breaks or spaces when possible."""
    parts: List[Text] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = max(rest.rfind("\n", 0, limit), rest.rfind(" ", 0, limit))
        cut = cut if cut > limit // 2 else limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return parts + [rest] if rest else parts or [""]


def _title(button: Dict[Text, Any]) -> Text:
    return str(button.get("title") or "")[:MAX_TITLE_CHARS]


def button_message(text: Text, buttons: List[Dict[Text, Any]]) -> Dict[Text, Any]:
    """Builds a button template (up to 3), or quick replies (up to 13) beyond that.

    Args:
        text: The message text.
        buttons: Rasa buttons, with ``title`` and ``payload``.

    Returns:
        The Graph API ``message`` object.
    """
    if len(buttons) <= MAX_BUTTONS and len(text) <= MAX_BUTTON_TEMPLATE_TEXT:
        return {
            "attachment": {
                "type": "template",
                "payload": {
                    "template_type": "button",
                    "text": text,
                    "buttons": [
                        {"type": "postback", "title": _title(b), "payload": b["payload"]}
                        for b in buttons
                    ],
                },
            }
        }
    return {
        "text": text[:MAX_TEXT_CHARS],
        "quick_replies": [
            {"content_type": "text", "title": _title(b), "payload": b["payload"]}
            for b in buttons[:MAX_QUICK_REPLIES]
        ],
    }


class GraphClient:
    """Posts to the Graph API Send endpoint with a timeout and bounded retries."""

    def __init__(self, graph_url: Text, page_access_token: Text, timeout: float) -> None:
        """Keeps the endpoint, the page token and the timeout in seconds."""
        self.url = f"{graph_url}/me/messages"
        self.token = page_access_token
        self.timeout = aiohttp.ClientTimeout(total=timeout)

    async def send(self, body: Dict[Text, Any]) -> bool:
        """Sends one request; retries network errors, 429 and 5xx answers.

        Returns:
            True when the Graph API accepted the message.
        """
        for attempt in range(1, SEND_ATTEMPTS + 1):
            status, code = await self._post(body)
            if status is not None and status < 400:
                return True
            temporary = status is None or status == 429 or status >= 500
            if not temporary or attempt == SEND_ATTEMPTS:
                logger.error(
                    "messenger.send_failed status=%s graph_code=%s attempts=%s",
                    status, code, attempt,
                )
                return False
            await asyncio.sleep(RETRY_BASE_DELAY_SECONDS * 2 ** (attempt - 1))
        return False

    async def _post(self, body: Dict[Text, Any]) -> tuple:
        try:
            async with aiohttp.ClientSession(timeout=self.timeout) as session:
                async with session.post(
                    self.url, json=body, params={"access_token": self.token}
                ) as answer:
                    if answer.status < 400:
                        return answer.status, None
                    try:
                        error = (await answer.json(content_type=None)).get("error") or {}
                    except (ValueError, aiohttp.ClientError, AttributeError):
                        error = {}
                    return answer.status, error.get("code")
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.warning("messenger.send_error %s", type(error).__name__)
            return None, None


class MessengerOutput(OutputChannel):
    """Sends Hygie's messages to one Messenger user.

    Without ``last_user_lookup`` it answers a message the patient just sent. With it,
    it sends proactive messages and applies the 24-hour window to each one.
    """

    @classmethod
    def name(cls) -> Text:
        """Channel name."""
        return "facebook"

    def __init__(
        self, client: GraphClient, last_user_lookup: Optional[LastUserLookup] = None
    ) -> None:
        """Keeps the Graph client and, for proactive messages, the window lookup."""
        self.client = client
        self.last_user_lookup = last_user_lookup

    async def _delivery(self, recipient_id: Text, kwargs: Dict[Text, Any]) -> Delivery:
        if self.last_user_lookup is None:
            return RESPONSE
        last_user_at = await self.last_user_lookup(recipient_id)
        return decide(message_tag(kwargs), last_user_at, time.time())

    async def _send(
        self, recipient_id: Text, messages: List[Dict[Text, Any]], kwargs: Dict[Text, Any]
    ) -> None:
        delivery = await self._delivery(recipient_id, kwargs)
        if delivery.held:
            logger.info("messenger.held_until_next_message")
            return
        for message in messages:
            body: Dict[Text, Any] = {
                "recipient": {"id": recipient_id},
                "messaging_type": delivery.messaging_type,
                "message": message,
            }
            if delivery.tag:
                body["tag"] = delivery.tag
            await self.client.send(body)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        """Sends a text, in several messages when it is longer than Messenger allows."""
        await self._send(recipient_id, [{"text": part} for part in split_text(text)], kwargs)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        """Sends up to 3 buttons as a button template, more as quick replies."""
        await self._send(recipient_id, [button_message(text, buttons)], kwargs)

    async def send_quick_replies(
        self,
        recipient_id: Text,
        text: Text,
        quick_replies: List[Dict[Text, Any]],
        **kwargs: Any,
    ) -> None:
        """Sends quick replies (at most 13)."""
        message = {
            "text": text[:MAX_TEXT_CHARS],
            "quick_replies": [
                {"content_type": "text", "title": _title(q), "payload": q["payload"]}
                for q in quick_replies[:MAX_QUICK_REPLIES]
            ],
        }
        await self._send(recipient_id, [message], kwargs)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        """Sends an image by URL."""
        message = {"attachment": {"type": "image", "payload": {"url": image}}}
        await self._send(recipient_id, [message], kwargs)

    async def send_custom_json(
        self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any
    ) -> None:
        """Sends a Graph API ``message`` object written in a response's ``custom``."""
        await self._send(recipient_id, [json_message], kwargs)
