"""The listening mode's policy: talk gets a listening reply; requests, emergencies and
crises go to the rules, and a crisis ends the mode."""

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.listening_policy import REPLY_ACTION, ListeningPolicy

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [greet, talk, out_of_scope, inform, faq, wellbeing, book_appointment, stop_activity,
          crisis_suicidal, emergency_medical, affirm, EXTERNAL_exercise_step]
slots:
  listening_active:
    type: bool
    influence_conversation: false
    mappings: [{type: custom}]
  handoff_active:
    type: bool
    influence_conversation: false
    mappings: [{type: custom}]
actions: [action_listening_reply, action_start_listening, utter_crisis_suicidal, utter_crisis_check,
          utter_crisis_safe, utter_crisis_not_safe, appointment_form, action_stop_activity, utter_faq]
"""
)


@pytest.fixture
def policy(tmp_path):
    return ListeningPolicy.create(
        ListeningPolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("listening"),
        ExecutionContext(GraphSchema({}), "test"),
    )


def user(intent, confidence=1.0):
    return [ActionExecuted(ACTION_LISTEN_NAME), UserUttered("...", intent={"name": intent, "confidence": confidence})]


def started():
    return [*user("talk"), ActionExecuted("action_start_listening"), SlotSet("listening_active", True)]


def state(*turns, handoff=False):
    events = [SlotSet("handoff_active", handoff)]
    for turn in turns:
        events += turn
    return DialogueStateTracker.from_events("patient", events, slots=DOMAIN.slots)


def predicted(policy, tracker):
    prediction = policy.predict_action_probabilities(tracker, DOMAIN)
    best = max(prediction.probabilities)
    return None if best == 0 else DOMAIN.action_names_or_texts[prediction.probabilities.index(best)]


@pytest.mark.parametrize("intent", ["talk", "out_of_scope", "inform", "affirm"])
def test_talk_during_the_mode_gets_a_listening_reply(policy, intent):
    assert predicted(policy, state(started(), user(intent))) == REPLY_ACTION


def test_after_the_reply_hygie_listens(policy):
    tracker = state(started(), user("out_of_scope"), [ActionExecuted(REPLY_ACTION)])
    assert predicted(policy, tracker) == ACTION_LISTEN_NAME


def test_a_question_the_model_is_sure_of_is_answered_an_unsure_one_is_listened_to(policy):
    assert predicted(policy, state(started(), user("faq", 0.95))) is None
    assert predicted(policy, state(started(), user("wellbeing", 0.4))) == REPLY_ACTION


@pytest.mark.parametrize("intent", ["crisis_suicidal", "emergency_medical", "book_appointment",
                                    "stop_activity", "EXTERNAL_exercise_step"])
def test_crises_emergencies_requests_and_triggers_go_to_the_rules(policy, intent):
    assert predicted(policy, state(started(), user(intent))) is None


def crisis(answer):
    return [*user("crisis_suicidal"), ActionExecuted("utter_crisis_suicidal"),
            ActionExecuted("utter_crisis_check"), *user(answer)]


def test_the_answer_to_are_you_safe_goes_to_the_crisis_path_then_listening_goes_on(policy):
    assert predicted(policy, state(started(), crisis("deny"))) is None
    assert predicted(policy, state(started(), crisis("affirm"))) is None
    not_safe = [*crisis("deny"), ActionExecuted("utter_crisis_not_safe")]
    assert predicted(policy, state(started(), not_safe, user("out_of_scope"))) == REPLY_ACTION


def test_after_i_am_safe_the_patient_is_listened_to_even_without_the_mode(policy):
    safe = [*crisis("affirm"), ActionExecuted("utter_crisis_safe")]
    assert predicted(policy, state(safe, user("out_of_scope"))) == REPLY_ACTION
    assert predicted(policy, state(safe, user("book_appointment"))) is None


def test_a_request_ends_the_mode_but_a_content_answer_does_not(policy):
    request = [*user("book_appointment"), ActionExecuted("action_listen")]
    assert predicted(policy, state(started(), request, user("out_of_scope"))) is None
    answer = [*user("faq", 0.95), ActionExecuted("utter_faq")]
    assert predicted(policy, state(started(), answer, user("out_of_scope"))) == REPLY_ACTION


def test_talking_again_restarts_the_mode_after_a_request(policy):
    request = [*user("book_appointment"), ActionExecuted("appointment_form")]
    assert predicted(policy, state(started(), request, started(), user("inform"))) == REPLY_ACTION


def test_no_mode_no_reply_and_a_hand_off_comes_first(policy):
    assert predicted(policy, state(user("out_of_scope"))) is None
    assert predicted(policy, state(started(), user("out_of_scope"), handoff=True)) is None
    stopped = [*user("stop_activity"), ActionExecuted("action_stop_activity"), SlotSet("listening_active", False)]
    assert predicted(policy, state(started(), stopped, user("out_of_scope"))) is None


def test_a_new_session_does_not_carry_the_mode_over(policy):
    new_session = [ActionExecuted("action_session_start"), SessionStarted(),
                   SlotSet("listening_active", True)]
    assert predicted(policy, state(started(), new_session, user("out_of_scope"))) is None
