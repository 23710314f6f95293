from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.conversation_owner import owning_channel


class Agent:
    def __init__(self, store):
        self.tracker_store = store


async def stored(*events):
    store = InMemoryTrackerStore(Domain.empty())
    await store.save(DialogueStateTracker.from_events("s1", list(events)))
    return Agent(store)


async def test_the_first_patient_message_owns_the_conversation():
    agent = await stored(
        UserUttered.create_external("EXTERNAL_medication_reminder", [], "facebook"),
        UserUttered("bonjour", {"name": "greet"}, input_channel="socketio"),
        UserUttered("stop", {"name": "deny"}, input_channel="rest"),
    )
    assert await owning_channel(agent, "s1") == "socketio"


async def test_a_forged_external_flag_or_intent_does_not_make_a_message_a_trigger():
    agent = await stored(
        UserUttered("x", {"name": "greet"}, metadata={"is_external": True},
                    input_channel="rest"),
    )
    misread = await stored(
        UserUttered("erase_data", {"name": "EXTERNAL_exercise_step"}, input_channel="rest"),
        UserUttered("bonjour", {"name": "greet"}, input_channel="socketio"),
    )
    assert await owning_channel(agent, "s1") == "rest"
    assert await owning_channel(misread, "s1") == "rest"


async def test_a_new_conversation_or_no_model_has_no_owner():
    assert await owning_channel(await stored(), "unknown") is None
    assert await owning_channel(None, "s1") is None
