"""A phrase a patient typed is written in every free-text column and in the
conversation log, then looked for: in the bytes of every SQLite file, and with LIKE in
every text column of PostgreSQL. It must be found nowhere, yet read back intact."""

import os
import uuid

import pytest
import sqlalchemy as sa
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.store.models import Medication, MoodEntry, Referral, StaffAccount, StaffMessage
from connectors.tracker_store import EncryptedSQLTrackerStore
from tests.connectors.test_tracker_store import DOMAIN
from tests.store.fixtures import NOW, add_patient


def write_everywhere(uow, phrase):
    add_patient(uow, "p1")
    with uow:
        uow.medications.add(Medication(
            patient_id="p1", name=phrase, dose=phrase, instruction=phrase, times_of_day=["08:00"],
            recurrence="daily", start_date=NOW.date(), created_at=NOW, updated_at=NOW))
        staff = StaffAccount(username=f"nurse-{uuid.uuid4().hex[:6]}", display_name="Infirmière",
                             password_hash="x")
        uow.session.add(staff)
        referral = Referral(patient_id="p1", reason=phrase, urgency="soon", contact=phrase,
                            created_at=NOW, updated_at=NOW)
        uow.session.add(referral)
        uow.session.flush()
        uow.session.add(StaffMessage(referral_id=referral.id, staff_id=staff.id, text=phrase,
                                     created_at=NOW))
        uow.session.add(MoodEntry(patient_id="p1", score=2, note=phrase, source="checkin"))


def read_back(uow):
    with uow:
        medication = uow.medications.list_for_patient("p1")[0]
        referral = uow.referrals.list_for_patient("p1")[0]
        message = uow.staff_messages.list_for_patient("p1")[0]
        mood = uow.moods.list_for_patient("p1")[0]
        return {medication.name, medication.dose, medication.instruction, referral.reason,
                referral.contact, message.text, mood.note}


async def save_conversation(store, phrase):
    tracker = DialogueStateTracker(f"s-{uuid.uuid4().hex}", DOMAIN.slots)
    tracker.update(UserUttered(phrase, {"name": "crisis_suicidal", "confidence": 1.0}))
    await store.save(tracker)
    return tracker.sender_id


async def test_no_sqlite_file_holds_the_phrase(uow, tmp_path, sqlite_url):
    phrase = f"je prends du zolpidem {uuid.uuid4().hex}"
    write_everywhere(uow, phrase)
    store = EncryptedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    sender = await save_conversation(store, phrase)
    assert read_back(uow) == {phrase}
    assert (await store.retrieve(sender)).latest_message.text == phrase
    store.engine.dispose()
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert {path.name for path in files} >= {"hygie.db", "tracker.db"}
    for path in files:
        assert phrase.split()[-1].encode() not in path.read_bytes(), path.name


@pytest.mark.postgres
async def test_no_postgres_text_column_holds_the_phrase(postgres_uow, postgres_url):
    phrase = f"je prends du zolpidem {uuid.uuid4().hex}"
    write_everywhere(postgres_uow, phrase)
    store = EncryptedSQLTrackerStore(DOMAIN, host=postgres_url)
    try:
        sender = await save_conversation(store, phrase)
        assert read_back(postgres_uow) == {phrase}
        assert (await store.retrieve(sender)).latest_message.text == phrase
        engine = sa.create_engine(postgres_url)
        with engine.connect() as connection:
            columns = connection.execute(sa.text(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = 'public' AND data_type IN "
                "('text', 'character varying', 'json', 'jsonb', 'character')")).all()
            assert ("events", "data") in columns and ("medications", "name") in columns
            hits = {
                f"{table}.{column}": connection.execute(sa.text(
                    f'SELECT count(*) FROM "{table}" WHERE "{column}"::text LIKE :p'),
                    {"p": f"%{phrase.split()[-1]}%"}).scalar()
                for table, column in columns
            }
        engine.dispose()
        assert {name: count for name, count in hits.items() if count} == {}
    finally:
        with store.engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE IF EXISTS events"))
        store.engine.dispose()
