import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from actions.services.patient_data import erase_patient, export_patient_data
from actions.services.reminder_planning import materialise_notifications
from actions.store.models import AuditEvent
from actions.store.repositories import PatientRepository
from actions.store.unit_of_work import UnitOfWork
from tests.store.fixtures import NOW, add_medication, add_patient


def populate(uow: UnitOfWork, patient_id: str) -> None:
    add_patient(uow, patient_id)
    medication = add_medication(uow, patient_id)
    materialise_notifications(uow, NOW)
    with uow:
        (dose, *_) = uow.notifications.list_for_patient(patient_id)
        uow.outcomes.record(medication, dose.scheduled_at, "taken", NOW, dose.id)
        uow.audit.record("patient", "consent.granted", NOW, patient_id=patient_id)
        uow.moods.add(patient_id, 2, "mauvaise nuit", "checkin", NOW)
        uow.mood_plans.set_time(patient_id, "21:00", NOW)


def counts(uow: UnitOfWork, patient_id: str) -> dict:
    with uow:
        return {
            name: len(getattr(uow, name).list_for_patient(patient_id))
            for name in (
                "consents",
                "medications",
                "notifications",
                "outcomes",
                "audit",
                "moods",
                "mood_plans",
            )
        }


def test_export_contains_everything_and_is_json(uow):
    populate(uow, "p1")
    populate(uow, "p2")
    export = export_patient_data(uow, "p1", NOW)
    assert json.loads(json.dumps(export)) == export
    assert export["patient"]["id"] == "p1"
    assert export["patient"]["conversation_id"] == "sender-p1"
    assert export["exported_at"] == NOW.isoformat()
    assert [len(export[k]) for k in ("consents", "medications", "notifications")] == [
        1,
        1,
        5,
    ]
    assert export["dose_outcomes"][0]["status"] == "taken"
    assert [(m["score"], m["note"]) for m in export["mood_entries"]] == [
        (2, "mauvaise nuit")
    ]
    assert export["mood_plans"][0]["time_local"] == "21:00"
    assert export["medications"][0]["times_of_day"] == ["08:00", "20:00"]
    assert export["medications"][0]["start_date"] == "2026-03-01"
    assert export["notifications"][0]["due_at"].endswith("+00:00")
    everything = json.dumps(export)
    assert "p2" not in everything
    # the export itself is audited
    assert counts(uow, "p1")["audit"] == 2


def test_export_of_an_unknown_patient(uow):
    assert export_patient_data(uow, "nobody", NOW) is None


def test_erase_deletes_every_row_of_the_patient_only(uow):
    populate(uow, "p1")
    populate(uow, "p2")
    before = counts(uow, "p2")
    deleted = erase_patient(uow, "p1", NOW + timedelta(days=1))
    assert deleted == {
        "export_links": 0,
        "moods": 1,
        "mood_plans": 1,
        "staff_messages": 0,
        "referrals": 0,
        "outcomes": 1,
        "notifications": 5,
        "appointments": 0,
        "medications": 1,
        "consents": 1,
        "audit_pseudonymised": 1,
        "patients": 1,
    }
    assert counts(uow, "p1") == dict.fromkeys(before, 0)
    assert counts(uow, "p2") == before
    with uow:
        assert uow.patients.get("p1") is None
        assert uow.patients.get("p2") is not None
    # The erasure is audited without the key of the erased patient, under the
    # pseudonym its kept events now carry.
    with uow:
        events = (
            uow.session.execute(
                select(AuditEvent).where(AuditEvent.patient_id.is_(None))
            )
            .scalars()
            .all()
        )
        assert [(e.actor, e.action) for e in events] == [
            ("patient", "consent.granted"),
            ("patient", "patient.erased"),
        ]
        assert events[0].patient_pseudonym == events[1].patient_pseudonym
        assert re.fullmatch(r"erased:[0-9a-f]{32}", events[0].patient_pseudonym)


def test_erase_keeps_who_read_the_patient_pseudonymised(uow):
    populate(uow, "p1")
    populate(uow, "p2")
    with uow:
        uow.audit.record("staff:7", "referral.read", NOW, "p1", referral_id=41)
        uow.audit.record("staff:7", "transcript.read", NOW, "p1", referral_id=41)
        uow.audit.record("staff:8", "referral.read", NOW, "p2", referral_id=42)
    exported = export_patient_data(uow, "p1", NOW)["audit_events"]
    assert [(e["actor"], e["action"], e["referral_id"]) for e in exported] == [
        ("patient", "consent.granted", None),
        ("staff:7", "referral.read", 41),
        ("staff:7", "transcript.read", 41),
    ]

    erase_patient(uow, "p1", NOW + timedelta(days=1))
    first = erase_patient(uow, "p2", NOW + timedelta(days=1))
    assert first["audit_pseudonymised"] == 2  # p2: its consent and its read
    with uow:
        rows = uow.session.execute(
            select(
                AuditEvent.actor,
                AuditEvent.action,
                AuditEvent.patient_id,
                AuditEvent.referral_id,
                AuditEvent.patient_pseudonym,
            ).order_by(AuditEvent.id)
        ).all()
    assert not [row for row in rows if row.patient_id is not None]
    assert not [row for row in rows if row.referral_id is not None]
    reads = [(r.actor, r.action) for r in rows if r.action.endswith(".read")]
    assert reads == [
        ("staff:7", "referral.read"),
        ("staff:7", "transcript.read"),
        ("staff:8", "referral.read"),
    ]
    by_pseudonym = {}
    for row in rows:
        by_pseudonym.setdefault(row.patient_pseudonym, []).append(row.action)
    # One pseudonym per erasure: p1's events (export included) and p2's apart.
    assert sorted(by_pseudonym.values()) == [
        ["consent.granted", "referral.read", "patient.erased"],
        [
            "consent.granted",
            "referral.read",
            "transcript.read",
            "patient.exported",
            "patient.erased",
        ],
    ]


def test_erase_an_unknown_patient_changes_nothing(uow):
    populate(uow, "p2")
    assert set(erase_patient(uow, "nobody", NOW).values()) == {0}
    assert counts(uow, "p2")["notifications"] == 5


def test_erase_is_all_or_nothing(uow, monkeypatch):
    populate(uow, "p1")

    def fail(self, patient_id):
        raise RuntimeError("database went away")

    monkeypatch.setattr(PatientRepository, "delete", fail)
    with pytest.raises(RuntimeError):
        erase_patient(uow, "p1", NOW)
    monkeypatch.undo()
    assert counts(uow, "p1")["notifications"] == 5


@pytest.mark.postgres
def test_export_and_erase_on_postgres(postgres_uow):
    populate(postgres_uow, "p1")
    assert len(export_patient_data(postgres_uow, "p1", NOW)["notifications"]) == 5
    with postgres_uow:
        postgres_uow.audit.record("staff:7", "referral.read", NOW, "p1", referral_id=3)
    erased = erase_patient(postgres_uow, "p1", NOW)
    assert (erased["patients"], erased["audit_pseudonymised"]) == (1, 3)
    assert set(counts(postgres_uow, "p1").values()) == {0}
    with postgres_uow:
        kept = postgres_uow.session.execute(
            select(AuditEvent.action, AuditEvent.patient_id, AuditEvent.referral_id)
            .where(AuditEvent.patient_pseudonym.is_not(None))
            .order_by(AuditEvent.id)
        ).all()
    assert [tuple(row) for row in kept] == [
        ("consent.granted", None, None),
        ("patient.exported", None, None),
        ("referral.read", None, None),
        ("patient.erased", None, None),
    ]
