"""The staff console's settings, read from the environment.

Environment (defaults in brackets):

* ``RASA_AUTH_TOKEN`` (required): Rasa's ``--auth-token``;
* ``RASA_URL`` [``http://127.0.0.1:5005``];
* ``DATABASE_URL`` [``sqlite:///var/hygie.db``];
* ``HYGIE_CONSOLE_HOST`` [``127.0.0.1``] and ``HYGIE_CONSOLE_PORT`` [8081];
* ``HYGIE_CONSOLE_SECURE_COOKIE`` [0]: set to 1 behind HTTPS (the cookie is then
  ``Secure``). Behind a reverse proxy, keep the ``Host`` header: POST requests are
  accepted only from a page of the same host (CSRF check);
* ``HYGIE_CONSOLE_TIMEOUT_SECONDS`` [10]: one request to Rasa.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from actions.services.staff_accounts import SESSION_LIFETIME
from actions.store.db import database_url

DEFAULT_RASA_URL = "http://127.0.0.1:5005"
DEFAULT_PORT = 8081


class ConfigurationError(ValueError):
    """The environment does not let the console start."""


@dataclass(frozen=True)
class ConsoleSettings:
    """How the console runs; :meth:`from_env` reads them from the environment."""

    auth_token: str
    database_url: str
    rasa_url: str = DEFAULT_RASA_URL
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    secure_cookie: bool = False
    request_timeout: float = 10.0
    session_lifetime: timedelta = SESSION_LIFETIME
    # A failed sign-in waits this long: slows down password guessing.
    login_failure_delay: float = 1.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ConsoleSettings:
        """Read the settings from the environment (see the module docstring).

        Raises:
            ConfigurationError: If ``RASA_AUTH_TOKEN`` is unset or a value is invalid.
        """
        env = os.environ if environ is None else environ
        token = env.get("RASA_AUTH_TOKEN", "").strip()
        if not token:
            raise ConfigurationError(
                "RASA_AUTH_TOKEN is not set: the console reads conversations and "
                "delivers replies through Rasa's HTTP API, which needs the token Rasa "
                "was started with (rasa run --enable-api --auth-token ...)."
            )
        try:
            port = int(env.get("HYGIE_CONSOLE_PORT", "").strip() or DEFAULT_PORT)
            timeout = float(env.get("HYGIE_CONSOLE_TIMEOUT_SECONDS", "").strip() or 10)
        except ValueError:
            raise ConfigurationError(
                "HYGIE_CONSOLE_PORT and HYGIE_CONSOLE_TIMEOUT_SECONDS must be numbers"
            ) from None
        if not 0 < port < 65536 or timeout <= 0:
            raise ConfigurationError("console port or timeout out of range")
        secure = env.get("HYGIE_CONSOLE_SECURE_COOKIE", "").strip().lower()
        return cls(
            auth_token=token,
            database_url=env.get("DATABASE_URL", "").strip() or database_url(),
            rasa_url=(env.get("RASA_URL", "").strip() or DEFAULT_RASA_URL).rstrip("/"),
            host=env.get("HYGIE_CONSOLE_HOST", "").strip() or "127.0.0.1",
            port=port,
            secure_cookie=secure in ("1", "true", "yes", "on"),
            request_timeout=timeout,
        )
