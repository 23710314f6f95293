"""Delivering reminders through Rasa's HTTP API: the worker's network code.

The request and the duplicate check are defined in
:mod:`actions.services.delivery_contract`. A response is read as:

* 2xx: delivered;
* 4xx: refused, the reminder is undeliverable at once (404: the intent is missing from
  the domain; 400: a malformed request), except 401 and 403 (a wrong token is the
  worker's configuration, not the reminder's fault), 408, 425 and 429, retried;
* 5xx, a connection error or a timeout: failed, retried later.

Nothing here logs above DEBUG, and never the conversation id (patient data).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from urllib.parse import quote

import aiohttp
from yarl import URL

from actions.services.delivery_contract import already_delivered, trigger_payload
from actions.services.reminder_dispatch import Attempt, Job, Outcome

logger = logging.getLogger(__name__)

# 4xx answers that say "not now" rather than "never".
RETRYABLE_CLIENT_ERRORS = frozenset({401, 403, 408, 425, 429})
# Characters left as they are in a conversation id: Rasa (Sanic) does not decode the
# path, so an id must reach it as written; only what a URL path cannot hold is encoded.
_PATH_SAFE = "/:@!$&'()*+,;=-._~"


def classify(job: Job, status: int, at: datetime) -> Attempt:
    """Turn Rasa's HTTP status for a trigger into an attempt.

    Args:
        job: The delivered job.
        status: The HTTP status code.
        at: When the answer came.

    Returns:
        The attempt: delivered, failed (retried) or refused (undeliverable).
    """
    if 200 <= status < 300:
        return Attempt(job, Outcome.DELIVERED, at)
    error = f"http_{status}"
    if 400 <= status < 500 and status not in RETRYABLE_CLIENT_ERRORS:
        return Attempt(job, Outcome.REFUSED, at, error)
    return Attempt(job, Outcome.FAILED, at, error)


class RasaClient:
    """Triggers reminder intents on Rasa conversations.

    Args:
        session: An open ``aiohttp`` session (its timeout bounds every request).
        base_url: Rasa's URL, e.g. ``http://127.0.0.1:5005``.
        token: Rasa's ``--auth-token``.
        clock: The worker's clock (aware UTC), to date each answer.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str,
        token: str,
        clock: Callable[[], datetime],
    ) -> None:
        """Keep the session and the settings."""
        self._session = session
        self._base = base_url.rstrip("/")
        self._token = token
        self._clock = clock

    async def deliver(self, job: Job) -> Attempt:
        """Deliver one reminder, unless the tracker shows it was already delivered.

        Args:
            job: The claimed reminder.

        Returns:
            What happened; never raises for network errors.
        """
        try:
            if job.in_doubt:
                status, already = await self._already_delivered(job)
                if status >= 300:
                    error = f"tracker_http_{status}"
                    return Attempt(job, Outcome.FAILED, self._clock(), error)
                if already:
                    return Attempt(job, Outcome.ALREADY_DELIVERED, self._clock())
            status = await self._trigger(job)
        except asyncio.TimeoutError:
            return Attempt(job, Outcome.FAILED, self._clock(), "timeout")
        except aiohttp.ClientError as error:
            # The class name only: a message may quote the URL (conversation id).
            name = type(error).__name__
            return Attempt(job, Outcome.FAILED, self._clock(), name)
        attempt = classify(job, status, self._clock())
        logger.debug(
            "notification %s: %s %s",
            job.notification_id,
            attempt.outcome.value,
            attempt.error or "",
        )
        return attempt

    def _url(self, job: Job, endpoint: str) -> URL:
        conversation = quote(job.conversation_id, safe=_PATH_SAFE)
        url = f"{self._base}/conversations/{conversation}/{endpoint}"
        return URL(url, encoded=True)

    async def _trigger(self, job: Job) -> int:
        params = {
            "output_channel": "latest",
            "include_events": "NONE",  # Rasa answers with the tracker: keep it empty
            "token": self._token,
        }
        payload = trigger_payload(job.kind, job.notification_id)
        url = self._url(job, "trigger_intent").with_query(params)
        async with self._session.post(url, json=payload) as response:
            await response.read()
            return response.status

    async def _already_delivered(self, job: Job) -> tuple[int, bool]:
        url = self._url(job, "tracker").with_query(
            {"include_events": "ALL", "token": self._token}
        )
        async with self._session.get(url) as response:
            if response.status >= 300:
                await response.read()
                return response.status, False
            tracker = await response.json(content_type=None)
        events = (tracker.get("events") or []) if isinstance(tracker, dict) else []
        found = already_delivered(events, job.notification_id, job.resent)
        return response.status, found
