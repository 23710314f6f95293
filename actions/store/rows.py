"""The base of repositories whose rows belong to one patient."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session


class PatientRows:
    """Base of the repositories of rows that belong to a patient."""

    #: The model class; it has ``id`` and ``patient_id`` columns.
    model: Any = None

    def __init__(self, session: Session) -> None:
        """Work in ``session`` (never committed here)."""
        self.session = session

    def list_for_patient(self, patient_id: str) -> list[Any]:
        """Return every row of this kind that belongs to the patient, oldest first."""
        statement = (
            select(self.model)
            .where(self.model.patient_id == patient_id)
            .order_by(self.model.id)
        )
        return list(self.session.execute(statement).scalars())

    def delete_for_patient(self, patient_id: str) -> int:
        """Delete every row of this kind that belongs to the patient.

        Returns:
            How many rows were deleted.
        """
        statement = delete(self.model).where(self.model.patient_id == patient_id)
        return self.session.execute(
            statement.execution_options(synchronize_session="fetch")
        ).rowcount
