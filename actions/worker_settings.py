"""The reminder worker's settings, read from the environment.

Environment (defaults in brackets):

* ``RASA_AUTH_TOKEN`` (required): Rasa's ``--auth-token``;
* ``RASA_URL`` [``http://127.0.0.1:5005``];
* ``DATABASE_URL`` [``sqlite:///var/hygie.db``];
* ``HYGIE_WORKER_ID`` [``hostname:pid``]: unique per process;
* ``HYGIE_WORKER_POLL_SECONDS`` [1.0]: how often due reminders are looked for;
* ``HYGIE_WORKER_CONCURRENCY`` [20]: deliveries in flight at once;
* ``HYGIE_WORKER_MAINTENANCE_SECONDS`` [60]: planning, stale claims, missed doses;
* ``HYGIE_WORKER_TIMEOUT_SECONDS`` [10, or half the stale-claim delay if shorter]: one
  request to Rasa;
* ``HYGIE_STALE_CLAIM_SECONDS`` [600]: a claim older than this was left by a dead worker
  (must exceed the request timeout);
* ``HYGIE_CLOCK_OFFSET_SECONDS`` [0]: added to the real clock, for tests and demos only
  (e.g. 1860 makes the worker act as if 31 minutes had passed: follow-ups are due);
* ``HYGIE_WORKER_LOG_LEVEL`` [INFO]: INFO logs counts only, never patient data;
* ``HYGIE_ENDPOINTS`` [``endpoints.yml``]: names the tracker store, whose conversations
  the worker deletes after their retention period;
* ``HYGIE_CONVERSATION_RETENTION_DAYS`` [30], ``HYGIE_UNCONSENTED_RETENTION_HOURS``
  [24], ``HYGIE_INACTIVE_PATIENT_DAYS`` [365]: see :mod:`actions.services.retention`.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from actions.services.reminder_rules import STALE_CLAIM_AFTER
from actions.services.retention import RetentionPolicy
from actions.store.conversation_log import tracker_db_url
from actions.store.db import database_url
from actions.store.types import utcnow

Clock = Callable[[], datetime]

DEFAULT_RASA_URL = "http://127.0.0.1:5005"
# Deliveries still running this long after SIGTERM are released, not awaited.
SHUTDOWN_GRACE_SECONDS = 5.0


class ConfigurationError(ValueError):
    """The environment does not let the worker start."""


@dataclass(frozen=True)
class WorkerSettings:
    """How a worker runs; :meth:`from_env` reads them from the environment."""

    auth_token: str
    database_url: str
    worker_id: str
    rasa_url: str = DEFAULT_RASA_URL
    poll_seconds: float = 1.0
    concurrency: int = 20
    maintenance_seconds: float = 60.0
    request_timeout: float = 10.0
    stale_claim_after: timedelta = STALE_CLAIM_AFTER
    clock_offset: timedelta = timedelta(0)
    shutdown_grace: float = SHUTDOWN_GRACE_SECONDS
    retention: RetentionPolicy = RetentionPolicy()
    tracker_db_url: Any = None  # None: no tracker store to enforce retention on

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> WorkerSettings:
        """Read the settings from the environment (see the module docstring).

        Raises:
            ConfigurationError: If ``RASA_AUTH_TOKEN`` is unset or a value is invalid.
        """
        env = os.environ if environ is None else environ
        token = env.get("RASA_AUTH_TOKEN", "").strip()
        if not token:
            raise ConfigurationError(
                "RASA_AUTH_TOKEN is not set: the worker calls Rasa's HTTP API, which "
                "needs the token Rasa was started with (rasa run --enable-api "
                "--auth-token ...)."
            )
        settings = cls(
            auth_token=token,
            database_url=env.get("DATABASE_URL", "").strip() or database_url(),
            worker_id=(env.get("HYGIE_WORKER_ID", "").strip() or _default_id())[:64],
            rasa_url=env.get("RASA_URL", "").strip() or DEFAULT_RASA_URL,
            poll_seconds=_number(env, "HYGIE_WORKER_POLL_SECONDS", 1.0, 0.05),
            concurrency=int(_number(env, "HYGIE_WORKER_CONCURRENCY", 20, 1)),
            maintenance_seconds=_number(
                env, "HYGIE_WORKER_MAINTENANCE_SECONDS", 60.0, 0.1
            ),
            request_timeout=_number(env, "HYGIE_WORKER_TIMEOUT_SECONDS", 10.0, 0.1),
            stale_claim_after=timedelta(
                seconds=_number(
                    env,
                    "HYGIE_STALE_CLAIM_SECONDS",
                    STALE_CLAIM_AFTER.total_seconds(),
                    1,
                )
            ),
            clock_offset=timedelta(
                seconds=_number(env, "HYGIE_CLOCK_OFFSET_SECONDS", 0.0, None)
            ),
            retention=_retention(env),
            tracker_db_url=tracker_db_url(env.get("HYGIE_ENDPOINTS") or None),
        )
        stale_seconds = settings.stale_claim_after.total_seconds()
        if stale_seconds <= settings.request_timeout:
            if env.get("HYGIE_WORKER_TIMEOUT_SECONDS", "").strip():
                raise ConfigurationError(
                    "HYGIE_STALE_CLAIM_SECONDS must exceed "
                    "HYGIE_WORKER_TIMEOUT_SECONDS: a claim still being delivered would "
                    "be taken by another worker."
                )
            # A short stale-claim delay (tests): requests must end well before it.
            settings = replace(settings, request_timeout=stale_seconds / 2)
        return settings


def offset_clock(offset: timedelta) -> Clock:
    """Return a clock: the real UTC time plus ``offset`` (tests and demos)."""
    return lambda: utcnow() + offset


def _retention(env: Mapping[str, str]) -> RetentionPolicy:
    try:
        return RetentionPolicy.from_env(env)
    except ValueError as error:
        raise ConfigurationError(str(error)) from None


def _default_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _number(
    env: Mapping[str, str], name: str, default: float, minimum: float | None
) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return float(default)
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a number, got {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}, got {raw!r}")
    return value
