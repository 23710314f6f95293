"""The console's pages and API, signed in: list, transcript, reply, close."""

import pytest
from sqlalchemy import select

from actions.services import referrals
from actions.store.models import AuditEvent, Patient, StaffMessage
from tests.console.conftest import CONTACT, REASON, login, origin
from tests.store.fixtures import NOW, add_patient


def audit_actions(uow):
    with uow:
        rows = uow.session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
        return [(row.actor, row.action, row.patient_id) for row in rows]


async def test_the_list_shows_the_referral_by_urgency(client, seeded):
    await login(client)
    answer = await client.get("/")
    page = await answer.text()
    assert answer.status == 200 and '<html lang="fr">' in page
    assert "Demandes en attente (1)" in page
    assert "Aujourd&#x27;hui si possible (1)" in page
    assert "n&#x27;arrive plus à dormir" in page and CONTACT in page
    assert "Chat web" in page and "P-P1" in page and "à l&#x27;instant" in page
    assert f'href="/referrals/{seeded.referral_id}"' in page
    assert "sender-p1" not in page  # the conversation id opens the chat history
    for header in ("Content-Security-Policy", "X-Frame-Options", "Cache-Control"):
        assert header in answer.headers


async def test_the_patient_words_are_escaped(client, uow):
    add_patient(uow, "p2")
    referrals.open_referral(uow, "p2", "<script>alert(1)</script>", "soon", "<b>", NOW)
    await login(client)
    page = await (await client.get("/")).text()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>" not in page


async def test_reading_the_transcript_shows_it_and_writes_an_audit_row(
    client, seeded, uow, rasa
):
    await login(client)
    page = await (await client.get(f"/referrals/{seeded.referral_id}")).text()
    assert "Bonjour, je suis Hygie." in page
    assert "Parler à l&#x27;équipe" in page  # the button's title, not its payload
    assert "je n&#x27;arrive plus à dormir" in page and "/greet" not in page
    assert rasa.tracker_reads == 1
    reads = [a for a in audit_actions(uow) if a[1] == "transcript.read"]
    assert reads == [(f"staff:{seeded.staff_id}", "transcript.read", "p1")]
    await client.get(f"/api/referrals/{seeded.referral_id}")
    assert len([a for a in audit_actions(uow) if a[1] == "transcript.read"]) == 2


async def test_rasa_down_the_transcript_error_is_shown_and_nothing_is_audited(
    down_client, seeded, uow
):
    await login(down_client)
    page = await (await down_client.get(f"/referrals/{seeded.referral_id}")).text()
    assert "La conversation n'a pas pu être lue" in page and 'role="alert"' in page
    assert not [a for a in audit_actions(uow) if a[1] == "transcript.read"]


async def test_a_reply_is_stored_and_delivered_through_rasa(client, seeded, uow, rasa):
    await login(client)
    answer = await client.post(
        f"/referrals/{seeded.referral_id}/reply",
        data={"text": "Bonjour, ici l'infirmière. Je vous réponds ici."},
        headers=origin(client),
        allow_redirects=False,
    )
    assert answer.status == 303
    assert answer.headers["Location"] == f"/referrals/{seeded.referral_id}?notice=sent"
    with uow:
        row = uow.session.execute(select(StaffMessage)).scalar_one()
    assert (row.text, row.staff_id, row.delivery_error) == (
        "Bonjour, ici l'infirmière. Je vous réponds ici.", seeded.staff_id, None,
    )
    assert row.delivered_at is not None
    (call,) = rasa.triggers()
    assert call.conversation_id == "sender-p1"
    assert (call.name, call.entities) == (
        "EXTERNAL_staff_reply", {"staff_message_id": str(row.id)},
    )
    # the patient's own channel (tests/store/fixtures.add_patient: socketio), never latest
    assert call.query["token"] == "test-token" and call.query["output_channel"] == "socketio"
    page = await (await client.get(answer.headers["Location"])).text()
    assert "Votre réponse a été transmise au patient." in page and 'role="status"' in page
    assert "Infirmière Dupont" in page and "transmise le" in page
    assert referrals.get(uow, seeded.referral_id).status == "in_progress"
    assert (f"staff:{seeded.staff_id}", "referral.replied", "p1") in audit_actions(uow)


async def test_rasa_down_the_reply_is_kept_with_its_error_and_the_staff_is_told(
    down_client, seeded, uow
):
    await login(down_client)
    answer = await down_client.post(
        f"/referrals/{seeded.referral_id}/reply", data={"text": "Bonjour"},
        headers=origin(down_client),
    )
    page = await answer.text()
    assert "n&#x27;a pas pu être transmise" in page and 'role="alert"' in page
    with uow:
        row = uow.session.execute(select(StaffMessage)).scalar_one()
    assert row.delivered_at is None and row.delivery_error == "ClientConnectorError"
    assert "non transmise (ClientConnectorError)" in page


async def test_a_rasa_error_status_is_stored(client, seeded, uow, rasa):
    await login(client)
    rasa.script("sender-p1", 500)
    answer = await client.post(
        f"/api/referrals/{seeded.referral_id}/reply", json={"text": "Bonjour"},
        headers=origin(client),
    )
    assert answer.status == 502
    body = await answer.json()
    assert body["delivery_error"] == "http_500"
    assert referrals.staff_message(uow, body["staff_message_id"]).delivery_error == "http_500"


@pytest.mark.parametrize("text, notice", [("   ", "empty"), ("x" * 2001, "too_long")])
async def test_an_empty_or_too_long_reply_is_refused(client, seeded, uow, rasa, text, notice):
    await login(client)
    answer = await client.post(
        f"/referrals/{seeded.referral_id}/reply", data={"text": text},
        headers=origin(client), allow_redirects=False,
    )
    assert answer.headers["Location"].endswith(f"notice={notice}")
    assert rasa.triggers() == [] and referrals.staff_messages(uow, seeded.referral_id) == []


async def test_close_closes_and_tells_the_conversation_once(client, seeded, uow, rasa):
    await login(client)
    url = f"/referrals/{seeded.referral_id}/close"
    answer = await client.post(url, headers=origin(client), allow_redirects=False)
    assert answer.headers["Location"].endswith("notice=closed")
    view = referrals.get(uow, seeded.referral_id)
    assert (view.status, view.closed_at is not None) == ("closed", True)
    (call,) = rasa.triggers()
    assert (call.conversation_id, call.name, call.entities) == (
        "sender-p1", "EXTERNAL_handoff_closed", {"referral_id": str(seeded.referral_id)},
    )
    assert call.query["token"] == "test-token"
    again = await client.post(url, headers=origin(client), allow_redirects=False)
    assert again.headers["Location"].endswith("notice=already_closed")
    assert len(rasa.triggers()) == 1
    page = await (await client.get(f"/referrals/{seeded.referral_id}")).text()
    assert "Demande clôturée" in page and "Envoyer la réponse" not in page
    assert "Demandes en attente (0)" in await (await client.get("/")).text()
    reply = await client.post(
        f"/referrals/{seeded.referral_id}/reply", data={"text": "Bonjour"},
        headers=origin(client), allow_redirects=False,
    )
    assert reply.headers["Location"].endswith("notice=already_closed")
    assert (f"staff:{seeded.staff_id}", "referral.closed", "p1") in audit_actions(uow)


async def test_the_api(client, seeded, rasa):
    await login(client)
    listed = await (await client.get("/api/referrals")).json()
    (item,) = listed["referrals"]
    assert (item["id"], item["urgency"], item["reason"], item["patient_ref"]) == (
        seeded.referral_id, "urgent", REASON, "P-P1",
    )
    assert "conversation_id" not in item and "patient_id" not in item
    detail = await (await client.get(f"/api/referrals/{seeded.referral_id}")).json()
    assert detail["conversation_error"] is None
    assert [line["speaker"] for line in detail["conversation"]] == [
        "hygie", "patient", "hygie", "patient",
    ]
    url = f"/api/referrals/{seeded.referral_id}"
    empty = await client.post(url + "/reply", json={"text": ""}, headers=origin(client))
    assert empty.status == 400
    assert (await client.post(url + "/reply", data=b"{", headers=origin(client))).status == 400
    sent = await client.post(url + "/reply", json={"text": "Bonjour"}, headers=origin(client))
    assert sent.status == 201 and (await sent.json())["delivery_error"] is None
    closed = await client.post(url + "/close", headers=origin(client))
    assert closed.status == 200
    assert await closed.json() == {"closed": True, "delivery_error": None}
    late = await client.post(url + "/reply", json={"text": "Bonjour"}, headers=origin(client))
    assert late.status == 409
    assert (await client.get("/api/referrals/999")).status == 404
    unknown = await client.post("/api/referrals/999/close", headers=origin(client))
    assert unknown.status == 404
    assert [c.name for c in rasa.triggers()] == [
        "EXTERNAL_staff_reply", "EXTERNAL_handoff_closed",
    ]


async def test_an_unknown_referral_page_is_not_found(client):
    await login(client)
    assert (await client.get("/referrals/999")).status == 404
    assert (await client.get("/referrals/99999999999")).status == 404


async def test_reply_and_close_name_a_messenger_patients_channel(client, seeded, uow, rasa):
    with uow:
        uow.session.get(Patient, "p1").channel = "facebook"
    await login(client)
    await client.post(
        f"/referrals/{seeded.referral_id}/reply", data={"text": "Bonjour"},
        headers=origin(client), allow_redirects=False,
    )
    await client.post(
        f"/referrals/{seeded.referral_id}/close", headers=origin(client),
        allow_redirects=False,
    )
    calls = rasa.triggers()
    assert [(c.name, c.query["output_channel"]) for c in calls] == [
        ("EXTERNAL_staff_reply", "facebook"), ("EXTERNAL_handoff_closed", "facebook"),
    ]
