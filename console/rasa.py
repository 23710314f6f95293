"""The console's calls to Rasa's HTTP API: trigger an intent, read a conversation.

The request is the one of :mod:`actions.services.delivery_contract`::

    POST {RASA_URL}/conversations/{id}/trigger_intent?output_channel=<channel>&token=…

on the patient's own channel (``Patient.channel``), never ``latest``.

Errors come back as short codes (``http_502``, ``timeout``, ``ClientConnectorError``):
they are stored and shown to the staff, and never quote the URL (a conversation id).
"""

from __future__ import annotations

import asyncio
from typing import Any
import aiohttp
from yarl import URL

from actions.services.delivery_contract import conversation_path, trigger_request


class RasaUnavailable(Exception):
    """Rasa could not be read; ``code`` says why (no URL, no patient data)."""

    def __init__(self, code: str) -> None:
        """Keep the code."""
        super().__init__(code)
        self.code = code


class RasaApi:
    """Rasa's HTTP API, with the token.

    Args:
        session: An open ``aiohttp`` session (its timeout bounds every request).
        base_url: Rasa's URL, e.g. ``http://127.0.0.1:5005``.
        token: Rasa's ``--auth-token``.
    """

    def __init__(self, session: aiohttp.ClientSession, base_url: str, token: str):
        """Keep the session and the settings."""
        self._session = session
        self._base = base_url.rstrip("/")
        self._token = token

    async def trigger(
        self, conversation_id: str, channel: str, payload: dict[str, Any]
    ) -> str | None:
        """Trigger an intent on a conversation, answered on the patient's channel.

        Args:
            conversation_id: The patient's Rasa sender id.
            channel: The channel stored for the patient (``Patient.channel``).
            payload: The intent and entities (``staff_reply_payload``…).

        Returns:
            ``None`` if Rasa accepted it (2xx), else an error code.
        """
        path, query = trigger_request(conversation_id, channel, self._token)
        url = URL(f"{self._base}{path}", encoded=True).with_query(query)
        try:
            async with self._session.post(url, json=payload) as response:
                await response.read()
                status = response.status
        except asyncio.TimeoutError:
            return "timeout"
        except aiohttp.ClientError as error:
            return type(error).__name__
        return None if 200 <= status < 300 else f"http_{status}"

    async def events(self, conversation_id: str) -> list[dict[str, Any]]:
        """Read every event of a conversation.

        Raises:
            RasaUnavailable: If Rasa did not answer with a tracker.
        """
        path = conversation_path(conversation_id, "tracker")
        url = URL(f"{self._base}{path}", encoded=True).with_query(
            {"include_events": "ALL", "token": self._token}
        )
        try:
            async with self._session.get(url) as response:
                if response.status >= 300:
                    await response.read()
                    raise RasaUnavailable(f"http_{response.status}")
                tracker = await response.json(content_type=None)
        except asyncio.TimeoutError:
            raise RasaUnavailable("timeout") from None
        except (aiohttp.ClientError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from None
        if not isinstance(tracker, dict):
            raise RasaUnavailable("invalid_tracker")
        return [e for e in tracker.get("events") or [] if isinstance(e, dict)]
