"""A slot and a slot query: the data the slot search, the booking and the actions share.

Pure data (importable from :mod:`actions.services.slot_search` too).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from actions.services.time_preference import ANY_TIME, TimePreference

DEFAULT_LIMIT = 5


@dataclass(frozen=True)
class Slot:
    """A bookable slot.

    Attributes:
        practitioner_key: Whom with.
        starts_at: The start (aware UTC).
        ends_at: The end (aware UTC).
        teleconsultation: Whether it is a teleconsultation.
    """

    practitioner_key: str
    starts_at: datetime
    ends_at: datetime
    teleconsultation: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The JSON-able form, e.g. for a Rasa slot."""
        return {
            "practitioner_key": self.practitioner_key,
            "starts_at": self.starts_at.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "teleconsultation": self.teleconsultation,
        }

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> Slot:
        """Read back :meth:`as_dict`.

        Raises:
            ValueError: If a field is missing or an instant is naive.
        """
        try:
            starts = datetime.fromisoformat(str(value["starts_at"]))
            ends = datetime.fromisoformat(str(value["ends_at"]))
            key = str(value["practitioner_key"])
        except (KeyError, TypeError) as error:
            raise ValueError(f"not a slot: {error}") from None
        if starts.tzinfo is None or ends.tzinfo is None:
            raise ValueError("not a slot: naive instant")
        return cls(
            key,
            starts.astimezone(timezone.utc),
            ends.astimezone(timezone.utc),
            bool(value.get("teleconsultation")),
        )


@dataclass(frozen=True)
class SlotQuery:
    """What the patient asks for.

    Attributes:
        appointment_type: The appointment type key (gives duration and professions).
        preference: Which days and hours suit them.
        profession: Only practitioners of this profession.
        practitioner: Only this practitioner (key).
        teleconsultation: True: only by video; False: only in person; None: as the
            type says (a teleconsultation type is always by video).
        limit: How many slots at most.
    """

    appointment_type: str
    preference: TimePreference = ANY_TIME
    profession: str | None = None
    practitioner: str | None = None
    teleconsultation: bool | None = None
    limit: int = DEFAULT_LIMIT
