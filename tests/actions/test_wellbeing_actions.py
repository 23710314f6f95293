"""The exercise, listening and mood actions, on trackers built as Rasa sends them and a
real SQLite database."""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.exercises import ActionExerciseStep, ActionStartExercise, ValidateExerciseFeedbackForm
from actions.listening import ActionListeningReply, ActionStartListening, ActionStopActivity
from actions.mood import ActionRecordMood, ValidateMoodForm
from actions.services.exercises import exercise


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'hygie.db'}")
    monkeypatch.setenv("HYGIE_PSEUDONYM_KEY", "k" * 40)
    common._secret.cache_clear()
    yield
    common._secret.cache_clear()


def user(text, intent, entities=None):
    return {"event": "user", "text": text, "parse_data": {
        "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []}}


def tracker(text="", intent="inform", slots=None, events=None, entities=None, loop=None, requested=None):
    return Tracker.from_dict({
        "sender_id": "patient-1",
        "slots": {"requested_slot": requested, **(slots or {})},
        "latest_message": {"text": text, "intent": {"name": intent, "confidence": 1.0},
                           "entities": entities or []},
        "events": [*(events or []), user(text, intent, entities)],
        "paused": False, "followup_action": None,
        "active_loop": {"name": loop} if loop else {}, "latest_action_name": "action_listen",
    })


async def run(action, t):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, t, {})
    return events, [m.get("text") for m in dispatcher.messages], dispatcher.messages


def slot(events, name):
    values = [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == name]
    return values[-1] if values else "<unset>"


async def test_an_unnamed_exercise_lists_the_four_with_buttons():
    events, said, messages = await run(ActionStartExercise(), tracker("un exercice pour me détendre", "start_exercise"))
    assert events == []
    assert "Quel exercice" in said[0]
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        f'/start_exercise{{"exercise": "{key}"}}'
        for key in ("cardiac_coherence", "breathing_478", "grounding_54321", "muscle_relaxation")]


async def start(text="cohérence cardiaque", intent="start_exercise", entities=None):
    events, said, _ = await run(ActionStartExercise(), tracker(text, intent, entities=entities))
    return slot(events, "exercise_run"), said, events


def step_trigger(notification_id, run_id, earlier):
    trigger = user("EXTERNAL_exercise_step", "EXTERNAL_exercise_step",
                   [{"entity": "notification_id", "value": str(notification_id)}])
    return Tracker.from_dict({
        "sender_id": "patient-1", "slots": {"exercise_run": run_id},
        "latest_message": trigger["parse_data"] | {"text": trigger["text"]},
        "events": [*earlier, trigger], "paused": False, "followup_action": None,
        "active_loop": {}, "latest_action_name": "action_listen",
    })


def rows(run_id):
    with common.unit_of_work() as uow:
        from actions.common import patient_id_of
        patient = patient_id_of(tracker())
        return [(r.id, r.status) for r in uow.exercise_steps.of_run(patient, run_id)]


async def test_a_started_exercise_says_its_intro_and_each_step_then_asks_how_it_went():
    run_id, said, events = await start(entities=[{"entity": "exercise", "value": "cardiac_coherence"}])
    coherence = exercise("cardiac_coherence")
    assert said[0].startswith("Cohérence cardiaque") and "stop" in said[0]
    started = [{"event": "slot", "name": "exercise_run", "value": run_id}]
    ids = [nid for nid, _ in rows(run_id)]
    assert len(ids) == len(coherence.messages)
    step_events, said, _ = await run(ActionExerciseStep(), step_trigger(ids[0], run_id, started))
    assert said == [coherence.text_of(1)] and slot(step_events, "exercise_finished") is False
    # The patient writes "ok" in between: the exercise goes on.
    earlier = [*started, user("ok", "affirm")]
    last_events, said, _ = await run(ActionExerciseStep(), step_trigger(ids[-1], run_id, earlier))
    assert said == [coherence.text_of(len(ids))]
    assert slot(last_events, "exercise_finished") is True and slot(last_events, "exercise_run") is None


@pytest.mark.parametrize(("text", "intent"), [("je voudrais un rdv", "book_appointment"),
                                              ("j'ai besoin de parler", "talk"),
                                              ("j'ai mal dans la poitrine", "emergency_medical")])
async def test_a_step_is_silent_once_the_patient_asked_for_something_else_and_the_rest_is_cancelled(text, intent):
    run_id, _, _ = await start("respiration 4-7-8")
    ids = [nid for nid, _ in rows(run_id)]
    earlier = [{"event": "slot", "name": "exercise_run", "value": run_id}, user(text, intent)]
    events, said, _ = await run(ActionExerciseStep(), step_trigger(ids[1], run_id, earlier))
    assert said == [] and slot(events, "exercise_run") is None
    assert {status for _, status in rows(run_id)[1:]} == {"cancelled"}


async def test_a_step_of_another_run_or_a_repeated_trigger_is_silent():
    old_run, _, _ = await start("respiration 4-7-8")
    new_run, _, _ = await start("ancrage 5-4-3-2-1")
    old_ids = [nid for nid, _ in rows(old_run)]
    _, said, _ = await run(ActionExerciseStep(), step_trigger(old_ids[0], new_run, []))
    assert said == []
    new_ids = [nid for nid, _ in rows(new_run)]
    first = user("EXTERNAL_exercise_step", "EXTERNAL_exercise_step",
                 [{"entity": "notification_id", "value": str(new_ids[0])}])
    _, said, _ = await run(ActionExerciseStep(), step_trigger(new_ids[0], new_run, [first]))
    assert said == []


async def test_stop_cancels_the_exercise_and_ends_the_listening_mode():
    run_id, _, _ = await start("relaxation musculaire")
    events, said, _ = await run(ActionStopActivity(), tracker("stop", "stop_activity",
                                                             slots={"exercise_run": run_id, "listening_active": True}))
    assert "on arrête l'exercice" in said[0]
    assert "Merci de m'avoir écrit" in said[1]
    assert slot(events, "exercise_run") is None and slot(events, "listening_active") is False
    assert {status for _, status in rows(run_id)} == {"cancelled"}
    _, said, _ = await run(ActionStopActivity(), tracker("stop", "stop_activity"))
    assert said == ["D'accord. Que puis-je faire pour vous ?"]


async def test_listening_starts_with_what_hygie_is_then_reflects():
    events, said, _ = await run(ActionStartListening(), tracker("j'ai besoin de parler", "talk"))
    assert "assistant automatique" in said[0] and said[1].startswith("Je vous écoute.")
    assert slot(events, "listening_active") is True
    events, said, _ = await run(ActionListeningReply(), tracker("mon travail m'épuise", "out_of_scope",
                                                               slots={"listening_turns": 3}))
    assert slot(events, "listening_turns") == 4
    assert said[0].endswith("?") and len(said) == 2  # the offer comes at the fourth reply


@pytest.mark.parametrize(("text", "value"), [("4", 4), ("bof", 3), ("😢", 1)])
async def test_the_rating_and_the_mood_are_read(text, value):
    t = tracker(text, "inform", requested="exercise_rating", loop="exercise_feedback_form")
    events, said, _ = await run(ValidateExerciseFeedbackForm(), t)
    assert events == [SlotSet("exercise_rating", value)] and said == []
    t = tracker(text, "inform", requested="mood_score", loop="mood_form")
    events, said, _ = await run(ValidateMoodForm(), t)
    assert events == [SlotSet("mood_score", value)]


async def test_something_else_than_a_rating_gets_a_hint():
    t = tracker("quelle heure est-il", "out_of_scope", requested="exercise_rating", loop="exercise_feedback_form")
    events, said, _ = await run(ValidateExerciseFeedbackForm(), t)
    assert events == [SlotSet("exercise_rating", None)] and "de 1 (très mal) à 5" in said[0]


async def test_a_low_mood_without_consent_is_not_stored_but_gets_support():
    t = tracker("", "inform", slots={"mood_score": 2, "mood_note": "", "mood_source": "checkin"})
    _, said, messages = await run(ActionRecordMood(), t)
    assert "je ne garde pas votre humeur" in said[0]
    assert "3114" in said[1] and {b["payload"] for b in messages[1]["buttons"]} >= {"/talk", "/request_human"}
    with common.unit_of_work() as uow:
        from actions.store.models import MoodEntry
        assert uow.session.query(MoodEntry).count() == 0


async def test_after_a_crisis_each_listening_reply_recalls_the_crisis_line():
    earlier = [{"event": "session_started"}, user("je veux en finir", "crisis_suicidal"), user("non", "deny")]
    t = tracker("j'ai peur de rester seul ce soir", "out_of_scope", events=earlier)
    events, said, _ = await run(ActionListeningReply(), t)
    assert said[0].endswith("?") and "3114" in said[1]
    assert slot(events, "listening_active") is True
    calm = tracker("j'ai peur", "out_of_scope", events=[{"event": "session_started"}])
    _, said, _ = await run(ActionListeningReply(), calm)
    assert len(said) == 1


async def test_no_to_the_note_is_no_note_but_no_to_the_score_is_not_a_score():
    t = tracker("non", "deny", requested="mood_note", loop="mood_form")
    events, said, _ = await run(ValidateMoodForm(), t)
    assert events == [SlotSet("mood_note", "")] and said == []
    t = tracker("non", "deny", requested="mood_score", loop="mood_form")
    events, said, _ = await run(ValidateMoodForm(), t)
    assert events == [SlotSet("mood_score", None)] and "« stop »" in said[0]
