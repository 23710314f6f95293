"""A patient's right of access and right to erasure (GDPR art. 15, 17 and 20).

:func:`export_patient_data` returns everything the application database holds about a
patient as a JSON-serialisable dict; :func:`erase_patient` deletes all of it but the
audit trail of who accessed it, which stays with the patient's key replaced by a
random per-erasure pseudonym. Both run in their own unit of work and leave an audit
event (the erasure one under that pseudonym, without the patient's key). Erasing a
patient's appointments frees their slots in the practitioners' agendas.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from actions.store.unit_of_work import UnitOfWork

EXPORT_FORMAT_VERSION = 1

# Deleted in this order: rows that point to others first.
_ERASURE_ORDER = (
    "export_links",
    "moods",
    "mood_plans",
    "staff_messages",
    "referrals",
    "outcomes",
    "notifications",
    "appointments",
    "medications",
    "consents",
)
# An erased patient's audit events stay, under a pseudonym drawn for the erasure.
PSEUDONYM_BYTES = 16


def export_patient_data(
    uow: UnitOfWork, patient_id: str, now: datetime, actor: str = "patient"
) -> dict[str, Any] | None:
    """Return everything stored about a patient.

    Args:
        uow: A unit of work (opened and committed here).
        patient_id: The pseudonymous key.
        now: The current instant (the export's date, and the audit event's).
        actor: Who asked, for the audit trail.

    Returns:
        ``None`` for an unknown patient; otherwise a dict of plain JSON types:
        ``format_version``, ``exported_at``, ``patient`` and one list per table
        (``consents``, ``medications``, ``notifications``, ``dose_outcomes``,
        ``appointments``, ``referrals``, ``staff_messages``, ``mood_entries``,
        ``mood_plans``, ``audit_events``), each
        row with all its columns; appointments also name their practitioner and
        type, staff messages their author.
    """
    with uow:
        patient = uow.patients.get(patient_id)
        if patient is None:
            return None
        export = {
            "format_version": EXPORT_FORMAT_VERSION,
            "exported_at": now.isoformat(),
            "patient": row_to_dict(patient),
            "consents": _rows(uow.consents.list_for_patient(patient_id)),
            "medications": _rows(uow.medications.list_for_patient(patient_id)),
            "notifications": _rows(uow.notifications.list_for_patient(patient_id)),
            "dose_outcomes": _rows(uow.outcomes.list_for_patient(patient_id)),
            "appointments": [
                {
                    **row_to_dict(row),
                    "practitioner": row.practitioner.name,
                    "appointment_type": row.appointment_type.label,
                }
                for row in uow.appointments.list_for_patient(patient_id)
            ],
            "referrals": _rows(uow.referrals.list_for_patient(patient_id)),
            "staff_messages": [
                {**row_to_dict(row), "staff_name": row.staff.display_name}
                for row in uow.staff_messages.list_for_patient(patient_id)
            ],
            "mood_entries": _rows(uow.moods.list_for_patient(patient_id)),
            "mood_plans": _rows(uow.mood_plans.list_for_patient(patient_id)),
            "audit_events": _rows(uow.audit.list_for_patient(patient_id)),
        }
        uow.audit.record(actor, "patient.exported", now, patient_id=patient_id)
        return export


def erase_patient(
    uow: UnitOfWork, patient_id: str, now: datetime, actor: str = "patient"
) -> dict[str, int]:
    """Delete every row about a patient, the patient included, in one transaction.

    Args:
        uow: A unit of work (opened and committed here).
        patient_id: The pseudonymous key.
        now: The current instant, for the audit event.
        actor: Who asked, for the audit trail.

    Returns:
        How many rows were deleted, per repository name and ``"patients"``, and
        how many audit events were kept pseudonymised (``"audit_pseudonymised"``);
        all zeros for an unknown patient.
    """
    with uow:
        deleted = {
            name: getattr(uow, name).delete_for_patient(patient_id)
            for name in _ERASURE_ORDER
        }
        pseudonym = erasure_pseudonym()
        deleted["audit_pseudonymised"] = uow.audit.pseudonymise_patient(
            patient_id, pseudonym
        )
        deleted["patients"] = uow.patients.delete(patient_id)
        if deleted["patients"]:
            event = uow.audit.record(actor, "patient.erased", now)
            event.patient_pseudonym = pseudonym
        return deleted


def erasure_pseudonym() -> str:
    """A random token standing for an erased patient in the audit trail.

    Random, not a keyed hash of the patient's key: nothing (no secret, no sender
    id) leads from the patient back to their events once they are erased, while
    the events of one erasure still share the token.
    """
    return "erased:" + secrets.token_hex(PSEUDONYM_BYTES)


def row_to_dict(row: Any) -> dict[str, Any]:
    """Return a model row as a dict of JSON types (instants and days in ISO 8601)."""
    return {
        column.name: _json_value(getattr(row, column.key))
        for column in row.__table__.columns
    }


def _rows(rows: list[Any]) -> list[dict[str, Any]]:
    return [row_to_dict(row) for row in rows]


def _json_value(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value
