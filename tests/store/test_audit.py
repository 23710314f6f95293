"""The audit repository: events name a referral, and outlive an erased patient."""

import pytest
from sqlalchemy import delete, select

from actions.store.models import AuditEvent, Patient
from tests.store.fixtures import NOW, add_patient


def events(uow) -> list[tuple]:
    with uow:
        rows = uow.session.execute(
            select(AuditEvent.actor, AuditEvent.action, AuditEvent.patient_id,
                   AuditEvent.referral_id, AuditEvent.patient_pseudonym)
            .order_by(AuditEvent.id)
        ).all()
    return [tuple(row) for row in rows]


def test_pseudonymise_rewrites_only_that_patients_events(uow):
    add_patient(uow, "p1", consent=False)
    add_patient(uow, "p2", consent=False)
    with uow:
        uow.audit.record("staff:1", "referral.read", NOW, "p1", referral_id=4)
        uow.audit.record("staff:1", "referral.read", NOW, "p2", referral_id=5)
        uow.audit.record("system", "staff.created", NOW)
    with uow:
        assert uow.audit.pseudonymise_patient("p1", "erased:abc") == 1
    assert events(uow) == [
        ("staff:1", "referral.read", None, None, "erased:abc"),
        ("staff:1", "referral.read", "p2", 5, None),
        ("system", "staff.created", None, None, None),
    ]


def test_audit_events_are_never_deleted_with_a_patient(uow):
    add_patient(uow, "p1", consent=False)
    with uow:
        uow.audit.record("staff:1", "referral.read", NOW, "p1", referral_id=4)
    with uow, pytest.raises(NotImplementedError):
        uow.audit.delete_for_patient("p1")
    # A patient deleted by other means leaves the event, without the key.
    with uow:
        uow.session.execute(delete(Patient).where(Patient.id == "p1"))
    assert events(uow) == [("staff:1", "referral.read", None, 4, None)]
