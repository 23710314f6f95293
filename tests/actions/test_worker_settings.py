import os
from datetime import timedelta

import pytest

from actions.store.types import utcnow
from actions.worker_settings import (
    ConfigurationError,
    WorkerSettings,
    offset_clock,
)


def test_the_rasa_token_is_required():
    with pytest.raises(ConfigurationError, match="RASA_AUTH_TOKEN is not set"):
        WorkerSettings.from_env({"RASA_AUTH_TOKEN": "  "})


def test_defaults():
    settings = WorkerSettings.from_env({"RASA_AUTH_TOKEN": "secret"})
    assert settings.rasa_url == "http://127.0.0.1:5005"
    assert settings.database_url.endswith("/var/hygie.db")
    assert settings.worker_id.endswith(f":{os.getpid()}")
    assert (settings.poll_seconds, settings.concurrency) == (1.0, 20)
    assert (settings.maintenance_seconds, settings.request_timeout) == (60.0, 10.0)
    assert settings.stale_claim_after == timedelta(minutes=10)
    assert settings.clock_offset == timedelta(0)


def test_every_setting_comes_from_the_environment():
    settings = WorkerSettings.from_env(
        {
            "RASA_AUTH_TOKEN": "secret",
            "RASA_URL": "http://rasa:5005",
            "DATABASE_URL": "postgresql://db/hygie",
            "HYGIE_WORKER_ID": "w" * 80,
            "HYGIE_WORKER_POLL_SECONDS": "0.5",
            "HYGIE_WORKER_CONCURRENCY": "4",
            "HYGIE_WORKER_MAINTENANCE_SECONDS": "30",
            "HYGIE_WORKER_TIMEOUT_SECONDS": "3",
            "HYGIE_STALE_CLAIM_SECONDS": "120",
            "HYGIE_CLOCK_OFFSET_SECONDS": "-1860",
        }
    )
    assert (settings.auth_token, settings.rasa_url, settings.database_url) == (
        "secret",
        "http://rasa:5005",
        "postgresql://db/hygie",
    )
    assert settings.worker_id == "w" * 64  # the claimed_by column
    assert (settings.poll_seconds, settings.concurrency) == (0.5, 4)
    assert (settings.maintenance_seconds, settings.request_timeout) == (30.0, 3.0)
    assert settings.stale_claim_after == timedelta(minutes=2)
    assert settings.clock_offset == timedelta(minutes=-31)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("HYGIE_WORKER_CONCURRENCY", "0", "at least 1"),
        ("HYGIE_WORKER_POLL_SECONDS", "soon", "must be a number"),
        ("HYGIE_WORKER_TIMEOUT_SECONDS", "700", "must exceed"),
    ],
)
def test_invalid_values_are_refused_clearly(name, value, message):
    with pytest.raises(ConfigurationError, match=message):
        WorkerSettings.from_env({"RASA_AUTH_TOKEN": "secret", name: value})


def test_a_short_stale_claim_delay_shortens_the_default_timeout():
    settings = WorkerSettings.from_env(
        {"RASA_AUTH_TOKEN": "secret", "HYGIE_STALE_CLAIM_SECONDS": "5"}
    )
    assert settings.request_timeout == 2.5


def test_the_offset_clock_is_shifted():
    shift = offset_clock(timedelta(hours=2))() - utcnow()
    assert timedelta(hours=2) - timedelta(seconds=1) < shift <= timedelta(hours=2)
