from datetime import datetime, timezone

import aiohttp
import pytest

from actions.delivery import RasaClient, classify
from actions.services.delivery_contract import MEDICATION_REMINDER_INTENT
from actions.services.reminder_dispatch import Job, Outcome
from tests.actions.fake_rasa import TOKEN, closed_port_url

AT = datetime(2026, 3, 29, 8, tzinfo=timezone.utc)


def job(notification_id=12, conversation="conv-1", **fields):
    values = {
        "notification_id": notification_id,
        "kind": "medication_dose",
        "conversation_id": conversation,
        "channel": "socketio",
        "patient_id": "p1",
        "medication_id": 3,
        "scheduled_at": AT,
        "due_at": AT,
        "attempts": 1,
        "time_zone": "Europe/Paris",
        "in_doubt": False,
        "resent": False,
        **fields,
    }
    return Job(**values)


async def deliver(url, *jobs, token=TOKEN, timeout=5.0):
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    async with aiohttp.ClientSession(timeout=client_timeout) as session:
        client = RasaClient(session, url + "/", token, lambda: AT)
        return [await client.deliver(j) for j in jobs]


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        (200, Outcome.DELIVERED),
        (204, Outcome.DELIVERED),
        (400, Outcome.REFUSED),
        (404, Outcome.REFUSED),
        (401, Outcome.FAILED),
        (403, Outcome.FAILED),
        (429, Outcome.FAILED),
        (500, Outcome.FAILED),
        (503, Outcome.FAILED),
    ],
)
def test_statuses_are_classified(status, outcome):
    attempt = classify(job(), status, AT)
    assert attempt.outcome is outcome
    assert attempt.error == (None if outcome is Outcome.DELIVERED else f"http_{status}")


async def test_a_reminder_is_triggered_on_its_conversation(fake_rasa):
    (attempt,) = await deliver(fake_rasa.url, job())
    assert (attempt.outcome, attempt.at, attempt.error) == (Outcome.DELIVERED, AT, None)
    (call,) = fake_rasa.calls
    assert (call.conversation_id, call.name, call.entities) == (
        "conv-1",
        MEDICATION_REMINDER_INTENT,
        {"notification_id": "12"},
    )
    assert call.query == {
        "output_channel": "socketio",
        "include_events": "NONE",
        "token": TOKEN,
    }
    assert fake_rasa.tracker_reads == 0  # a first claim is not checked


async def test_a_reminder_goes_to_the_patients_own_channel_never_latest(fake_rasa):
    (messenger,) = await deliver(fake_rasa.url, job(12, channel="facebook"))
    latest, empty = await deliver(
        fake_rasa.url, job(13, channel="latest"), job(14, channel="")
    )
    assert messenger.outcome is Outcome.DELIVERED
    assert [c.query["output_channel"] for c in fake_rasa.calls] == ["facebook"]
    assert [(a.outcome, a.error) for a in (latest, empty)] == [
        (Outcome.REFUSED, "no_channel"),
        (Outcome.REFUSED, "no_channel"),
    ]


async def test_network_failures_are_failed_attempts(fake_rasa):
    fake_rasa.delay("slow", 1.0)
    (refused,) = await deliver(closed_port_url(), job())
    (wrong_token,) = await deliver(fake_rasa.url, job(), token="wrong")
    (slow,) = await deliver(fake_rasa.url, job(conversation="slow"), timeout=0.2)
    assert [(a.outcome, a.error) for a in (refused, wrong_token, slow)] == [
        (Outcome.FAILED, "ClientConnectorError"),
        (Outcome.FAILED, "http_401"),
        (Outcome.FAILED, "timeout"),
    ]


async def test_a_reminder_in_doubt_is_not_triggered_twice(fake_rasa):
    await deliver(fake_rasa.url, job(12))
    again, other = await deliver(
        fake_rasa.url, job(12, in_doubt=True), job(13, in_doubt=True)
    )
    assert (again.outcome, other.outcome) == (
        Outcome.ALREADY_DELIVERED,
        Outcome.DELIVERED,
    )
    assert fake_rasa.delivered() == [12, 13]
    assert fake_rasa.tracker_reads == 2


async def test_a_tracker_that_cannot_be_read_fails_the_attempt(fake_rasa):
    fake_rasa.tracker_status = 500
    (attempt,) = await deliver(fake_rasa.url, job(in_doubt=True))
    assert (attempt.outcome, attempt.error) == (Outcome.FAILED, "tracker_http_500")
    assert fake_rasa.received() == 0


async def test_conversation_ids_reach_rasa_as_written(fake_rasa):
    await deliver(fake_rasa.url, job(conversation="a:b@c+d"))
    assert fake_rasa.calls[0].conversation_id == "a:b@c+d"
