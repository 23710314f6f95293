"""Delivering reminders through Rasa's HTTP API: the worker's network code.

The request (on the patient's own channel, never ``latest``) and the duplicate check
are defined in :mod:`actions.services.delivery_contract`. A response is read as:

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
import aiohttp
from yarl import URL

from actions.services.delivery_contract import (
    already_delivered,
    conversation_path,
    trigger_payload,
    trigger_request,
)
from actions.services.reminder_dispatch import Attempt, Job, Outcome

logger = logging.getLogger(__name__)

# 4xx answers that say "not now" rather than "never".
RETRYABLE_CLIENT_ERRORS = frozenset({401, 403, 408, 425, 429})


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
        except ValueError:  # no channel of its own: never sent to "latest"
            return Attempt(job, Outcome.REFUSED, self._clock(), "no_channel")
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

    async def _trigger(self, job: Job) -> int:
        path, query = trigger_request(job.conversation_id, job.channel, self._token)
        url = URL(f"{self._base}{path}", encoded=True).with_query(query)
        payload = trigger_payload(job.kind, job.notification_id)
        async with self._session.post(url, json=payload) as response:
            await response.read()
            return response.status

    async def _already_delivered(self, job: Job) -> tuple[int, bool]:
        path = conversation_path(job.conversation_id, "tracker")
        url = URL(f"{self._base}{path}", encoded=True).with_query(
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
