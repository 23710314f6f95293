"""Fixtures of the console's tests: a migrated SQLite file, a fake Rasa, a client.

``seed`` makes what a referral needs (a patient who talked to Hygie, a staff account)
and is shared with the browser test (tests/integration/test_console.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer

from actions.services.referrals import open_referral
from actions.services.staff_accounts import add_account
from actions.store.unit_of_work import UnitOfWork
from console.app import make_app
from console.settings import ConsoleSettings
from tests.actions.fake_rasa import closed_port_url
from tests.console.fake_rasa import TOKEN, ConversationRasa, bot, user
from tests.store.fixtures import (  # noqa: F401
    NOW,
    add_patient,
    engine,
    postgres_url,
    session_factory,
    sqlite_url,
    uow,
)

PASSWORD = "un mot de passe long"
REASON = "Je n'arrive plus à dormir, j'ai besoin de parler à quelqu'un"
CONTACT = "ici, dans la conversation"
BUTTON = {"title": "Parler à l'équipe", "payload": "/ask_referral"}


@dataclass
class Seeded:
    """Ids of the seeded rows."""

    staff_id: int
    referral_id: int
    conversation_id: str


def seed(uow: UnitOfWork, rasa: ConversationRasa, now: datetime) -> Seeded:
    """A staff account ``dupont``, and a patient's urgent referral with a conversation."""
    staff_id = add_account(uow, "dupont", "Infirmière Dupont", PASSWORD, now)
    add_patient(uow, "p1")
    referral_id = open_referral(uow, "p1", REASON, "urgent", CONTACT, now)
    start = (now - timedelta(minutes=10)).timestamp()
    rasa.say(
        "sender-p1",
        user("/greet", start),
        bot("Bonjour, je suis Hygie.", start + 1, [BUTTON]),
        user("/ask_referral", start + 2),
        bot("En quelques mots, que voulez-vous leur demander ?", start + 3),
        user("je n'arrive plus à dormir", start + 4),
    )
    return Seeded(staff_id, referral_id, "sender-p1")


class Clock:
    """A settable clock."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def rasa() -> Iterator[ConversationRasa]:
    server = ConversationRasa().start()
    yield server
    server.stop()


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def seeded(uow, rasa) -> Seeded:
    return seed(uow, rasa, NOW)


@pytest.fixture
def settings(sqlite_url, rasa) -> ConsoleSettings:
    return ConsoleSettings(
        auth_token=TOKEN,
        database_url=sqlite_url,
        rasa_url=rasa.url,
        request_timeout=5,
        login_failure_delay=0.01,
    )


async def _client(settings, session_factory, clock) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(make_app(settings, session_factory, clock)))
    await client.start_server()
    yield client
    await client.close()


@pytest.fixture
async def client(settings, session_factory, clock, seeded) -> AsyncIterator[TestClient]:
    async for test_client in _client(settings, session_factory, clock):
        yield test_client


@pytest.fixture
async def down_client(
    settings, session_factory, clock, seeded
) -> AsyncIterator[TestClient]:
    """A console whose Rasa does not answer (connection refused)."""
    down = replace(settings, rasa_url=closed_port_url())
    async for test_client in _client(down, session_factory, clock):
        yield test_client


def origin(client: TestClient) -> dict[str, str]:
    """The Origin header of a page of the console."""
    return {"Origin": str(client.make_url("")).rstrip("/")}


async def login(client: TestClient, username: str = "dupont", password: str = PASSWORD):
    """Sign in; returns the answer (303 to / on success)."""
    return await client.post(
        "/login",
        data={"username": username, "password": password},
        headers=origin(client),
        allow_redirects=False,
    )
