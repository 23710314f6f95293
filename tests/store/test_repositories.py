from datetime import date, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from actions.store.models import DoseOutcome, Patient
from tests.store.fixtures import NOW, add_medication, add_patient


def test_patient_get_or_create(uow):
    with uow:
        patient, created = uow.patients.get_or_create("p1", "socketio", "sender-1")
        assert created
        assert (patient.time_zone, patient.language) == ("Europe/Paris", "fr")
        assert patient.created_at.tzinfo is not None
    with uow:
        again, created = uow.patients.get_or_create("p1", "socketio", "other")
        assert not created
        assert again.conversation_id == "sender-1"


def test_patient_with_its_own_time_zone(uow):
    add_patient(uow, "p1", time_zone="Pacific/Auckland")
    with uow:
        assert uow.patients.get("p1").time_zone == "Pacific/Auckland"


def test_consent_grant_and_withdraw(uow):
    add_patient(uow, consent=False)
    with uow:
        assert uow.consents.active("p1") is None
        uow.consents.grant("p1", "2026-01", NOW)
        uow.consents.grant("p1", "2026-06", NOW + timedelta(days=1))
    with uow:
        assert uow.consents.active("p1").notice_version == "2026-06"
        assert uow.consents.withdraw("p1", NOW + timedelta(days=2)) == 2
    with uow:
        assert uow.consents.active("p1") is None
        assert all(c.withdrawn_at for c in uow.consents.list_for_patient("p1"))
        assert uow.consents.withdraw("p1", NOW) == 0


def test_medication_round_trip(uow):
    add_patient(uow)
    medication = add_medication(
        uow,
        times_of_day=["07:30", "21:00"],
        recurrence="weekdays",
        weekdays=[0, 3],
        instruction="au cours du repas",
        end_date=date(2026, 6, 30),
    )
    with uow:
        stored = uow.medications.get(medication.id)
        assert stored.times_of_day == ["07:30", "21:00"]
        assert stored.weekdays == [0, 3]
        assert stored.status == "active"
        assert stored.patient.time_zone == "Europe/Paris"
        assert [m.id for m in uow.medications.list_for_patient("p1")] == [medication.id]


def test_schedulable_medications_need_active_status_and_consent(uow):
    add_patient(uow, "with-consent")
    add_patient(uow, "without-consent", consent=False)
    active = add_medication(uow, "with-consent")
    paused = add_medication(uow, "with-consent", status="paused")
    ended = add_medication(uow, "with-consent", end_date=date(2026, 3, 20))
    add_medication(uow, "without-consent")
    with uow:
        assert [m.id for m in uow.medications.schedulable()] == [active.id, ended.id]
        today = date(2026, 3, 29)
        assert [m.id for m in uow.medications.schedulable(today)] == [active.id]
        assert uow.medications.set_status(paused.id, "active", NOW)
        assert not uow.medications.set_status(9999, "active", NOW)
    with uow:
        assert len(uow.medications.schedulable(today)) == 2
        assert uow.medications.get(paused.id).updated_at == NOW
        uow.consents.withdraw("with-consent", NOW)
    with uow:
        assert uow.medications.schedulable() == []


def test_dose_outcome_first_one_wins(uow):
    add_patient(uow)
    medication = add_medication(uow)
    with uow:
        outcome, created = uow.outcomes.record(medication, NOW, "missed", NOW)
        assert created and outcome.status == "missed"
    with uow:
        outcome, created = uow.outcomes.record(medication, NOW, "taken", NOW)
        assert not created and outcome.status == "missed"
        outcome.status = "late"  # an explicit override
    with uow:
        assert uow.outcomes.get(medication.id, NOW).status == "late"
        assert len(uow.outcomes.list_for_patient("p1")) == 1


def test_one_dose_has_one_outcome_in_the_schema(uow):
    add_patient(uow)
    medication = add_medication(uow)
    with pytest.raises(IntegrityError):
        with uow:
            for status in ("taken", "skipped"):
                uow.session.add(
                    DoseOutcome(
                        patient_id="p1",
                        medication_id=medication.id,
                        scheduled_at=NOW,
                        status=status,
                        recorded_at=NOW,
                    )
                )
                uow.flush()


def test_foreign_keys_are_enforced(uow):
    with pytest.raises(IntegrityError):
        add_medication(uow, "nobody")


@pytest.mark.parametrize("fields", [{"status": "finished"}, {"recurrence": "monthly"}])
def test_check_constraints(uow, fields):
    add_patient(uow)
    with pytest.raises(IntegrityError):
        add_medication(uow, **fields)


def test_audit_events(uow):
    add_patient(uow)
    with uow:
        uow.audit.record("patient", "consent.granted", NOW, patient_id="p1")
        uow.audit.record("system", "startup", NOW)
    with uow:
        events = uow.audit.list_for_patient("p1")
        assert [(e.actor, e.action, e.at) for e in events] == [
            ("patient", "consent.granted", NOW)
        ]


def test_delete_for_patient_leaves_other_patients_alone(uow):
    add_patient(uow, "p1")
    add_patient(uow, "p2")
    with uow:
        assert uow.consents.delete_for_patient("p1") == 1
    with uow:
        assert uow.consents.list_for_patient("p1") == []
        assert len(uow.consents.list_for_patient("p2")) == 1
        assert uow.patients.delete("p1") == 1
        assert uow.patients.delete("p1") == 0
        assert isinstance(uow.patients.get("p2"), Patient)


def test_batch_lookups_for_the_worker(uow):
    add_patient(uow, "p1")
    add_patient(uow, "p2", consent=False)
    first = add_medication(uow, "p1")
    second = add_medication(uow, "p2")
    with uow:
        assert uow.consents.consented({"p1", "p2", "nobody"}) == {"p1"}
        assert uow.consents.consented(set()) == set()
        found = uow.medications.get_many({first.id, second.id, 999})
        assert sorted(found) == [first.id, second.id]
        assert found[second.id].patient.conversation_id == "sender-p2"
        uow.outcomes.record(found[first.id], NOW, "taken", NOW)
    with uow:
        later = NOW + timedelta(hours=12)
        doses = {(first.id, NOW), (first.id, later), (second.id, NOW)}
        assert uow.outcomes.answered(doses) == {(first.id, NOW)}
        assert uow.outcomes.answered([]) == set()
