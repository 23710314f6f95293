import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.handoff_policy import HOLD_ACTION, HandoffPolicy, should_hold

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [greet, faq, crisis_suicidal, emergency_medical, EXTERNAL_staff_reply]
slots:
  handoff_active:
    type: bool
    influence_conversation: false
    mappings: [{type: custom}]
actions: [action_handoff_hold]
"""
)


@pytest.fixture
def policy(tmp_path):
    return HandoffPolicy.create(
        HandoffPolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("handoff"),
        ExecutionContext(GraphSchema({}), "test"),
    )


def tracker(handoff, intent, last_action=ACTION_LISTEN_NAME):
    events = [SlotSet("handoff_active", handoff), ActionExecuted(ACTION_LISTEN_NAME)]
    events.append(UserUttered("...", intent={"name": intent, "confidence": 1.0}))
    if last_action != ACTION_LISTEN_NAME:
        events.append(ActionExecuted(last_action))
    return DialogueStateTracker.from_events("patient", events, slots=DOMAIN.slots)


def predicted(policy, state):
    prediction = policy.predict_action_probabilities(state, DOMAIN)
    best = max(prediction.probabilities)
    if best == 0:
        return None
    return DOMAIN.action_names_or_texts[prediction.probabilities.index(best)]


def test_a_message_during_a_hand_off_is_held_for_the_team(policy):
    assert predicted(policy, tracker(True, "greet")) == HOLD_ACTION


def test_after_holding_hygie_listens(policy):
    assert predicted(policy, tracker(True, "greet", HOLD_ACTION)) == ACTION_LISTEN_NAME


@pytest.mark.parametrize("intent", ["crisis_suicidal", "emergency_medical", "EXTERNAL_staff_reply"])
def test_emergencies_and_api_triggers_are_left_to_the_rules(policy, intent):
    assert predicted(policy, tracker(True, intent)) is None


def test_without_a_hand_off_the_policy_predicts_nothing(policy):
    assert predicted(policy, tracker(False, "greet")) is None
    assert predicted(policy, tracker(None, "faq")) is None


def test_the_policy_outranks_the_rules_on_a_tie():
    assert HandoffPolicy.get_default_config()["priority"] > 6
    assert should_hold(True, None)
