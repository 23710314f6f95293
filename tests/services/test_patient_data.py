import json
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
        "moods": 1,
        "mood_plans": 1,
        "staff_messages": 0,
        "referrals": 0,
        "outcomes": 1,
        "notifications": 5,
        "appointments": 0,
        "medications": 1,
        "consents": 1,
        "audit": 1,
        "patients": 1,
    }
    assert counts(uow, "p1") == dict.fromkeys(before, 0)
    assert counts(uow, "p2") == before
    with uow:
        assert uow.patients.get("p1") is None
        assert uow.patients.get("p2") is not None
    # The erasure is audited without the key of the erased patient.
    with uow:
        events = (
            uow.session.execute(
                select(AuditEvent).where(AuditEvent.action == "patient.erased")
            )
            .scalars()
            .all()
        )
        assert [(e.actor, e.patient_id) for e in events] == [("patient", None)]


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
    assert erase_patient(postgres_uow, "p1", NOW)["patients"] == 1
    assert set(counts(postgres_uow, "p1").values()) == {0}
