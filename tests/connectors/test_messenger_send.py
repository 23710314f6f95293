"""The Messenger output against a local fake Graph API (aiohttp test server)."""

import time

import pytest
from aiohttp import web

from connectors.messenger_send import (
    GraphClient,
    MessengerOutput,
    button_message,
    split_text,
)

BUTTONS = [{"title": f"Choix numéro {i} trop long", "payload": f"/p{i}"} for i in range(15)]


def test_long_texts_are_split_at_spaces_and_nothing_is_lost():
    text = ("mot " * 1200).strip()
    parts = split_text(text)
    assert all(len(p) <= 2000 for p in parts) and len(parts) == 3
    assert " ".join(parts) == text
    assert split_text("x" * 4500) == ["x" * 2000, "x" * 2000, "x" * 500]
    assert split_text("") == [""]


def test_three_buttons_make_a_button_template_with_postbacks():
    message = button_message("Votre choix ?", BUTTONS[:3])
    payload = message["attachment"]["payload"]
    assert payload["template_type"] == "button"
    assert [b["payload"] for b in payload["buttons"]] == ["/p0", "/p1", "/p2"]
    assert all(b["type"] == "postback" and len(b["title"]) <= 20 for b in payload["buttons"])


def test_more_than_three_buttons_become_at_most_thirteen_quick_replies():
    message = button_message("Votre choix ?", BUTTONS)
    assert message["text"] == "Votre choix ?"
    assert [q["payload"] for q in message["quick_replies"]] == [f"/p{i}" for i in range(13)]
    long_text = button_message("x" * 700, BUTTONS[:2])
    assert "quick_replies" in long_text


class FakeGraph:
    def __init__(self, statuses):
        self.statuses = list(statuses)
        self.bodies = []

    async def handle(self, request):
        self.bodies.append(await request.json())
        status = self.statuses.pop(0) if self.statuses else 200
        return web.json_response({"error": {"code": 2}} if status >= 400 else {}, status=status)


@pytest.fixture
async def graph():
    runners = []

    async def make(*statuses):
        fake = FakeGraph(statuses)
        app = web.Application()
        app.router.add_post("/v1/me/messages", fake.handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        port = site._server.sockets[0].getsockname()[1]
        return fake, GraphClient(f"http://127.0.0.1:{port}/v1", "token", timeout=5)

    yield make
    for runner in runners:
        await runner.cleanup()


async def test_a_temporary_failure_is_retried_and_a_refusal_is_not(graph, monkeypatch, caplog):
    monkeypatch.setattr("connectors.messenger_send.RETRY_BASE_DELAY_SECONDS", 0)
    fake, client = await graph(500, 429, 200)
    assert await client.send({"recipient": {"id": "psid-1"}, "message": {"text": "secret"}})
    assert len(fake.bodies) == 3
    fake, client = await graph(400, 200)
    assert not await client.send({"recipient": {"id": "psid-1"}, "message": {"text": "secret"}})
    assert len(fake.bodies) == 1
    assert "status=400 graph_code=2" in caplog.text
    assert "secret" not in caplog.text and "psid-1" not in caplog.text


async def test_a_graph_api_that_is_down_is_reported_without_patient_data(monkeypatch, caplog):
    monkeypatch.setattr("connectors.messenger_send.RETRY_BASE_DELAY_SECONDS", 0)
    client = GraphClient("http://127.0.0.1:9/v1", "token", timeout=2)
    assert not await client.send({"recipient": {"id": "psid-2"}, "message": {"text": "secret"}})
    assert "attempts=3" in caplog.text and "psid-2" not in caplog.text


async def test_replies_are_responses_and_proactive_messages_follow_the_window(graph):
    fake, client = await graph()
    await MessengerOutput(client).send_text_message("a", "réponse")

    async def wrote_an_hour_ago(_):
        return time.time() - 3600

    async def wrote_two_days_ago(_):
        return time.time() - 48 * 3600

    await MessengerOutput(client, wrote_an_hour_ago).send_text_message("b", "rappel")
    await MessengerOutput(client, wrote_two_days_ago).send_text_message("c", "médicament")
    await MessengerOutput(client, wrote_two_days_ago).send_response(
        "d",
        {"text": "rendez-vous", "buttons": BUTTONS[:3],
         "metadata": {"messenger_tag": "CONFIRMED_EVENT_UPDATE"}},
    )
    sent = {b["recipient"]["id"]: b for b in fake.bodies}
    assert set(sent) == {"a", "b", "d"}
    assert sent["a"]["messaging_type"] == sent["b"]["messaging_type"] == "RESPONSE"
    assert (sent["d"]["messaging_type"], sent["d"]["tag"]) == ("MESSAGE_TAG", "CONFIRMED_EVENT_UPDATE")
    assert "tag" not in sent["b"]


async def test_a_tagged_action_message_goes_through_rasa_with_the_tag_outside_the_window(graph):
    """The path of a real reminder: rasa-sdk's dispatcher, Rasa's bot event, the output."""
    from rasa.core.actions.action import RemoteAction
    from rasa_sdk.executor import CollectingDispatcher

    from connectors.messenger_window import APPOINTMENT_TAG, held_bot_messages, tag_metadata

    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text="Rappel : rendez-vous", buttons=BUTTONS[:3],
                             metadata=tag_metadata(APPOINTMENT_TAG))
    dispatcher.utter_message(text="Il est l'heure de votre médicament")
    appointment, medication = await RemoteAction._utter_responses(
        dispatcher.messages, None, None, None)
    fake, client = await graph()

    async def wrote_two_days_ago(_):
        return time.time() - 48 * 3600

    output = MessengerOutput(client, wrote_two_days_ago)
    await output.send_response("p", appointment.message())
    await output.send_response("p", medication.message())
    assert [(b["messaging_type"], b.get("tag")) for b in fake.bodies] == [
        ("MESSAGE_TAG", "CONFIRMED_EVENT_UPDATE")]
    assert fake.bodies[0]["message"]["attachment"]["payload"]["template_type"] == "button"
    events = [{"event": "user", "timestamp": time.time() - 48 * 3600, "text": "bonjour"},
              appointment.as_dict(), medication.as_dict()]
    assert [e["text"] for e in held_bot_messages(events)] == ["Il est l'heure de votre médicament"]
