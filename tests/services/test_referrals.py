from datetime import timedelta

import pytest
from sqlalchemy import select

from actions.services import referrals
from actions.services.patient_data import erase_patient, export_patient_data
from actions.services.referrals import MAX_STAFF_MESSAGE_LENGTH, ReferralError
from actions.services.staff_accounts import add_account
from actions.store.models import AuditEvent, Referral, StaffMessage
from tests.store.fixtures import NOW, add_patient

HERE = "ici, dans la conversation"


@pytest.fixture
def staff(uow) -> int:
    return add_account(uow, "dupont", "Infirmière Dupont", "un mot de passe long", NOW)


def open_for(uow, patient_id="p1", urgency="routine", at=NOW, reason="Je dors mal"):
    add_patient(uow, patient_id)
    return referrals.open_referral(uow, patient_id, reason, urgency, HERE, at)


def audit(uow) -> list[tuple]:
    with uow:
        events = uow.session.execute(select(AuditEvent).order_by(AuditEvent.id))
        return [(e.actor, e.action, e.patient_id) for e in events.scalars()]


def test_open_referral_creates_one_then_updates_it(uow):
    first = open_for(uow, urgency="routine")
    second = referrals.open_referral(
        uow, "p1", "  Ça ne va pas du tout  ", "urgent", "par téléphone au 06 12 34 56 78",
        NOW + timedelta(minutes=5),
    )
    assert second == first
    view = referrals.active_referral(uow, "p1")
    assert (view.id, view.reason, view.urgency, view.status) == (
        first, "Ça ne va pas du tout", "urgent", "open",
    )
    assert view.contact == "par téléphone au 06 12 34 56 78"
    assert (view.conversation_id, view.channel) == ("sender-p1", "socketio")
    assert view.created_at == NOW and view.updated_at == NOW + timedelta(minutes=5)
    with uow:
        assert len(uow.referrals.list_for_patient("p1")) == 1
    assert [a[1] for a in audit(uow)] == ["referral.opened", "referral.updated"]


@pytest.mark.parametrize(
    "reason, urgency, contact",
    [("x", "tomorrow", HERE), ("  ", "soon", HERE), ("x", "soon", ""), (None, "soon", HERE)],
)
def test_open_referral_refuses_bad_values(uow, reason, urgency, contact):
    add_patient(uow)
    with pytest.raises(ValueError):
        referrals.open_referral(uow, "p1", reason, urgency, contact, NOW)


def test_open_referral_for_an_unknown_patient(uow):
    with pytest.raises(LookupError):
        referrals.open_referral(uow, "nobody", "x", "soon", HERE, NOW)


def test_a_second_active_referral_is_refused_by_the_database(uow):
    open_for(uow)
    with pytest.raises(Exception, match="UNIQUE|unique"):
        with uow:
            uow.referrals.add(
                Referral(patient_id="p1", reason="bis", urgency="soon", contact=HERE,
                         status="open", created_at=NOW, updated_at=NOW)
            )


def test_list_open_is_by_urgency_then_oldest_first_without_closed(uow, staff):
    routine_old = open_for(uow, "a", "routine", NOW - timedelta(hours=5))
    urgent_new = open_for(uow, "b", "urgent", NOW)
    soon = open_for(uow, "c", "soon", NOW - timedelta(hours=1))
    urgent_old = open_for(uow, "d", "urgent", NOW - timedelta(hours=2))
    closed = open_for(uow, "e", "urgent", NOW - timedelta(hours=9))
    referrals.close(uow, closed, staff, NOW)
    assert [r.id for r in referrals.list_open(uow)] == [
        urgent_old, urgent_new, soon, routine_old,
    ]
    assert referrals.get(uow, closed).status == "closed"
    assert referrals.get(uow, 999) is None


def test_a_reply_assigns_the_referral_and_is_audited(uow, staff):
    referral_id = open_for(uow)
    message_id = referrals.add_staff_message(
        uow, referral_id, staff, "  Bonjour, je vous appelle cet après-midi.  ", NOW
    )
    message = referrals.staff_message(uow, message_id)
    assert (message.text, message.staff_name, message.referral_id) == (
        "Bonjour, je vous appelle cet après-midi.", "Infirmière Dupont", referral_id,
    )
    assert (message.patient_id, message.conversation_id) == ("p1", "sender-p1")
    assert message.delivered_at is None and message.delivery_error is None
    view = referrals.get(uow, referral_id)
    assert (view.status, view.assigned_to, view.assigned_name) == (
        "in_progress", staff, "Infirmière Dupont",
    )
    assert audit(uow)[-1] == (f"staff:{staff}", "referral.replied", "p1")
    assert referrals.staff_message(uow, 12345) is None


@pytest.mark.parametrize(
    "text, code",
    [("", "empty"), ("   \n", "empty"), ("x" * (MAX_STAFF_MESSAGE_LENGTH + 1), "too_long")],
)
def test_a_reply_is_refused_when_empty_or_too_long(uow, staff, text, code):
    referral_id = open_for(uow)
    with pytest.raises(ReferralError) as refused:
        referrals.add_staff_message(uow, referral_id, staff, text, NOW)
    assert refused.value.code == code
    assert referrals.staff_messages(uow, referral_id) == []


def test_a_reply_of_exactly_the_limit_is_accepted(uow, staff):
    referral_id = open_for(uow)
    text = "x" * MAX_STAFF_MESSAGE_LENGTH
    assert referrals.add_staff_message(uow, referral_id, staff, text, NOW)


def test_no_reply_to_a_closed_or_unknown_referral(uow, staff):
    referral_id = open_for(uow)
    assert referrals.close(uow, referral_id, staff, NOW) is True
    with pytest.raises(ReferralError) as refused:
        referrals.add_staff_message(uow, referral_id, staff, "Bonjour", NOW)
    assert refused.value.code == "closed"
    with pytest.raises(ReferralError) as refused:
        referrals.add_staff_message(uow, 999, staff, "Bonjour", NOW)
    assert refused.value.code == "not_found"


def test_delivery_is_recorded_then_an_error_is_cleared_by_a_success(uow, staff):
    referral_id = open_for(uow)
    message_id = referrals.add_staff_message(uow, referral_id, staff, "Bonjour", NOW)
    assert referrals.record_delivery_error(uow, message_id, "ClientConnectorError")
    assert referrals.staff_message(uow, message_id).delivery_error == "ClientConnectorError"
    assert referrals.mark_delivered(uow, message_id, NOW + timedelta(minutes=1))
    message = referrals.staff_message(uow, message_id)
    assert (message.delivered_at, message.delivery_error) == (NOW + timedelta(minutes=1), None)
    assert not referrals.mark_delivered(uow, 999, NOW)


def test_close_once_then_a_new_request_opens_a_new_referral(uow, staff):
    referral_id = open_for(uow)
    assert referrals.close(uow, referral_id, staff, NOW + timedelta(hours=1)) is True
    assert referrals.close(uow, referral_id, staff, NOW + timedelta(hours=2)) is False
    view = referrals.get(uow, referral_id)
    assert (view.status, view.closed_at, view.active) == (
        "closed", NOW + timedelta(hours=1), False,
    )
    assert referrals.active_referral(uow, "p1") is None
    again = referrals.open_referral(uow, "p1", "Encore moi", "soon", HERE, NOW)
    assert again != referral_id
    assert [a[1] for a in audit(uow) if a[0].startswith("staff")] == ["referral.closed"]
    with pytest.raises(ReferralError):
        referrals.close(uow, 999, staff, NOW)


def test_transcript_reads_are_audited(uow, staff):
    referral_id = open_for(uow)
    referrals.record_transcript_read(uow, referral_id, staff, NOW)
    referrals.record_transcript_read(uow, referral_id, staff, NOW)
    reads = [a for a in audit(uow) if a[1] == "transcript.read"]
    assert reads == [(f"staff:{staff}", "transcript.read", "p1")] * 2
    with pytest.raises(ReferralError):
        referrals.record_transcript_read(uow, 999, staff, NOW)


def test_export_and_erasure_include_referrals_and_staff_messages(uow, staff):
    referral_id = open_for(uow)
    referrals.add_staff_message(uow, referral_id, staff, "Bonjour", NOW)
    other = open_for(uow, "p2")
    referrals.add_staff_message(uow, other, staff, "Pour p2", NOW)
    export = export_patient_data(uow, "p1", NOW)
    assert [r["reason"] for r in export["referrals"]] == ["Je dors mal"]
    assert [(m["text"], m["staff_name"]) for m in export["staff_messages"]] == [
        ("Bonjour", "Infirmière Dupont")
    ]
    deleted = erase_patient(uow, "p1", NOW)
    assert (deleted["referrals"], deleted["staff_messages"]) == (1, 1)
    with uow:
        left = uow.session.execute(select(StaffMessage.text)).scalars().all()
    assert left == ["Pour p2"]
    assert referrals.active_referral(uow, "p2") is not None


@pytest.mark.postgres
def test_referrals_on_postgres(postgres_uow):
    add_patient(postgres_uow, "p1")
    staff = add_account(postgres_uow, "dupont", "Dupont", "un mot de passe long", NOW)
    first = referrals.open_referral(postgres_uow, "p1", "x", "soon", HERE, NOW)
    assert referrals.open_referral(postgres_uow, "p1", "y", "urgent", HERE, NOW) == first
    referrals.add_staff_message(postgres_uow, first, staff, "Bonjour", NOW)
    assert [r.id for r in referrals.list_open(postgres_uow)] == [first]
    assert referrals.close(postgres_uow, first, staff, NOW)
    assert erase_patient(postgres_uow, "p1", NOW)["staff_messages"] == 1


def test_a_racing_second_request_updates_the_referral_the_first_one_made(
    uow, monkeypatch
):
    first = open_for(uow)
    real = type(uow).__enter__
    calls = []

    def enter(self):
        entered = real(self)
        if not calls:  # the first try does not see the other process's referral
            calls.append(1)
            monkeypatch.setattr(entered.referrals, "active_for_patient", lambda _: None)
        return entered

    monkeypatch.setattr(type(uow), "__enter__", enter)
    assert referrals.open_referral(uow, "p1", "Autre", "urgent", HERE, NOW) == first
    assert referrals.get(uow, first).reason == "Autre"
