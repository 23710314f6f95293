import uuid

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.store.conversation_log import CONVERSATION_ERASED_SLOT
from connectors.tracker_store import EncryptedSQLTrackerStore
from tests.store.fixtures import postgres_test_url

DOMAIN = Domain.from_yaml(
    f"""
version: "3.1"
intents: [crisis_suicidal, erase_data, affirm]
slots:
  medication_request:
    type: text
    influence_conversation: false
    mappings: [{{type: custom}}]
  {CONVERSATION_ERASED_SLOT}:
    type: bool
    influence_conversation: false
    mappings: [{{type: custom}}]
actions: [action_erase_data]
"""
)
PHRASE = "je pense a en finir zebulon"


def turn(tracker: DialogueStateTracker, text: str, intent: str) -> None:
    tracker.update(UserUttered(text, {"name": intent, "confidence": 1.0}))
    tracker.update(SlotSet("medication_request", text))
    tracker.update(ActionExecuted("utter_crisis"))
    tracker.update(BotUttered("Appelez le 3114."))


@pytest.fixture
def sqlite_store(tmp_path):
    store = EncryptedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    yield store
    store.engine.dispose()


@pytest.fixture
def postgres_store():
    store = EncryptedSQLTrackerStore(DOMAIN, host=postgres_test_url())
    yield store
    with store.engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE IF EXISTS events"))
    store.engine.dispose()


async def test_events_come_back_as_they_were_saved(sqlite_store):
    tracker = DialogueStateTracker("patient-1", DOMAIN.slots)
    turn(tracker, PHRASE, "crisis_suicidal")
    await sqlite_store.save(tracker)
    again = await sqlite_store.retrieve("patient-1")
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in tracker.events]
    assert again.get_slot("medication_request") == PHRASE
    turn(again, "merci", "affirm")
    await sqlite_store.save(again)
    assert len((await sqlite_store.retrieve_full_tracker("patient-1")).events) == 8


async def test_no_text_intent_or_action_is_readable_in_the_sqlite_file(sqlite_store, tmp_path):
    tracker = DialogueStateTracker("patient-2", DOMAIN.slots)
    turn(tracker, PHRASE, "crisis_suicidal")
    await sqlite_store.save(tracker)
    raw = (tmp_path / "tracker.db").read_bytes()
    for secret in (b"zebulon", b"crisis_suicidal", b"utter_crisis", b"3114"):
        assert secret not in raw
    with sqlite_store.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT type_name, intent_name, action_name FROM events")).all()
    assert [r.type_name for r in rows] == ["user", "slot", "action", "bot"]
    assert {r.intent_name for r in rows} == {None} and {r.action_name for r in rows} == {None}


async def test_the_erasure_turn_deletes_the_conversation_and_saves_nothing(sqlite_store):
    tracker = DialogueStateTracker("patient-3", DOMAIN.slots)
    turn(tracker, PHRASE, "crisis_suicidal")
    await sqlite_store.save(tracker)
    other = DialogueStateTracker("patient-4", DOMAIN.slots)
    turn(other, "bonjour", "affirm")
    await sqlite_store.save(other)
    tracker.update(UserUttered("oui", {"name": "affirm", "confidence": 1.0}))
    tracker.update(ActionExecuted("action_erase_data"))
    tracker.update(SlotSet(CONVERSATION_ERASED_SLOT, True))
    tracker.update(BotUttered("Vos données sont effacées."))
    await sqlite_store.save(tracker)
    assert await sqlite_store.retrieve("patient-3") is None
    assert await sqlite_store.retrieve_full_tracker("patient-3") is None
    assert len((await sqlite_store.retrieve("patient-4")).events) == 4
    assert sorted(await sqlite_store.keys()) == ["patient-4"]


async def test_an_erasure_slot_set_to_false_erases_nothing(sqlite_store):
    tracker = DialogueStateTracker("patient-5", DOMAIN.slots)
    turn(tracker, PHRASE, "crisis_suicidal")
    tracker.update(SlotSet(CONVERSATION_ERASED_SLOT, False))
    await sqlite_store.save(tracker)
    assert len((await sqlite_store.retrieve("patient-5")).events) == 5


@pytest.mark.postgres
async def test_no_phrase_is_found_by_like_in_postgres(postgres_store):
    sender = f"pg-{uuid.uuid4().hex}"
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    turn(tracker, PHRASE, "crisis_suicidal")
    await postgres_store.save(tracker)
    with postgres_store.engine.connect() as connection:
        hits = connection.execute(
            sa.text(
                "SELECT count(*) FROM events WHERE data LIKE :p OR intent_name LIKE :p "
                "OR action_name LIKE :p OR type_name LIKE :p"
            ),
            {"p": "%zebulon%"},
        ).scalar()
    assert hits == 0
    assert (await postgres_store.retrieve(sender)).get_slot("medication_request") == PHRASE


async def test_events_a_plain_store_left_are_sealed_when_the_store_starts(tmp_path):
    from rasa.core.tracker_store import SQLTrackerStore

    plain = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    tracker = DialogueStateTracker("old-patient", DOMAIN.slots)
    turn(tracker, PHRASE, "crisis_suicidal")
    await plain.save(tracker)
    plain.engine.dispose()
    assert b"zebulon" in (tmp_path / "tracker.db").read_bytes()

    store = EncryptedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    again = await store.retrieve("old-patient")
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in tracker.events]
    with store.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT intent_name, action_name FROM events")).all()
    assert set(rows) == {(None, None)}
    store.engine.dispose()
    for path in tmp_path.iterdir():
        assert b"zebulon" not in path.read_bytes(), path.name


async def test_an_erased_conversation_is_overwritten_in_the_sqlite_file(sqlite_store, tmp_path):
    tracker = DialogueStateTracker("patient-6", DOMAIN.slots)
    turn(tracker, PHRASE, "crisis_suicidal")
    await sqlite_store.save(tracker)
    other = DialogueStateTracker("patient-7", DOMAIN.slots)  # keeps the page in use
    turn(other, "bonjour", "affirm")
    await sqlite_store.save(other)
    with sqlite_store.engine.connect() as connection:
        [(token,)] = connection.execute(sa.text("SELECT data FROM events WHERE type_name = 'user' AND sender_id = 'patient-6'")).all()
    tracker.update(SlotSet(CONVERSATION_ERASED_SLOT, True))
    await sqlite_store.save(tracker)
    sqlite_store.engine.dispose()
    for path in tmp_path.iterdir():
        assert token[:60].encode() not in path.read_bytes(), path.name


async def test_the_store_refuses_to_start_when_the_keys_cannot_open_its_events(tmp_path, monkeypatch):
    from cryptography.fernet import Fernet

    from actions.store import crypto

    store = EncryptedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    tracker = DialogueStateTracker("patient-8", DOMAIN.slots)
    turn(tracker, PHRASE, "crisis_suicidal")
    await store.save(tracker)
    store.engine.dispose()
    monkeypatch.setenv(crypto.KEYS_ENV_VAR, Fernet.generate_key().decode())  # the key was lost
    with pytest.raises(RuntimeError, match="cannot open the stored conversations"):
        EncryptedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))


def test_the_store_refuses_an_event_broker(tmp_path):
    from rasa.core.brokers.broker import EventBroker

    class Broker(EventBroker):
        def publish(self, event):
            pass

    with pytest.raises(ValueError, match="plain text"):
        EncryptedSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"),
                                 event_broker=Broker())
