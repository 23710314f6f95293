from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.exc import StatementError

from actions.store.models import Consent
from actions.store.types import to_naive_utc, utcnow
from tests.store.fixtures import add_patient


def test_utcnow_is_aware_utc():
    assert utcnow().tzinfo is timezone.utc


def test_to_naive_utc():
    paris = datetime(2026, 7, 1, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
    assert to_naive_utc(paris) == datetime(2026, 7, 1, 8, 0)
    with pytest.raises(ValueError):
        to_naive_utc(datetime(2026, 7, 1))


def test_instants_are_stored_naive_utc_and_read_back_aware_utc(uow):
    add_patient(uow, consent=False)
    granted = datetime(2026, 7, 1, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
    with uow:
        uow.consents.grant("p1", "v1", granted)
    with uow:
        stored = uow.session.execute(text("SELECT granted_at FROM consents")).scalar()
        assert stored.startswith("2026-07-01 08:00:00")
        consent = uow.consents.active("p1")
        assert consent.granted_at == granted
        assert consent.granted_at.utcoffset() == timedelta(0)


def test_naive_datetimes_are_refused(uow):
    add_patient(uow, consent=False)
    with pytest.raises(StatementError):
        with uow:
            uow.session.add(
                Consent(
                    patient_id="p1",
                    notice_version="v1",
                    granted_at=datetime(2026, 1, 1),
                )
            )
            uow.flush()
