"""Guided exercises: the content, choosing one, pacing, runs in the database, dispatch."""

from collections import Counter
from datetime import timedelta

import pytest

from actions.services import exercise_runs
from actions.services.exercises import (
    STEP_GRACE,
    choose_exercise,
    exercise,
    is_step_late,
    load_exercises,
)
from actions.services.reminder_dispatch import claim_jobs, record_attempts
from actions.services.reminder_jobs import Attempt, Outcome
from actions.store.exercise_steps import EXERCISE_STEP_KIND, parse_step_ref, step_ref
from tests.store.fixtures import NOW, add_patient

KEYS = ["cardiac_coherence", "breathing_478", "grounding_54321", "muscle_relaxation"]


def test_the_four_exercises_are_there_with_their_sources_and_a_way_to_stop():
    exercises = load_exercises()
    assert sorted(exercises) == sorted(KEYS)
    for item in exercises.values():
        assert item.source and item.title and item.summary
        assert "stop" in item.intro.lower()
        assert all(step.text.strip() for step in item.messages)


def test_cardiac_coherence_lasts_about_three_minutes_at_a_steady_pace():
    coherence = exercise("cardiac_coherence")
    assert 170 <= coherence.seconds <= 210
    assert max(step.after for step in coherence.steps) <= 20
    text = " ".join(step.text for step in coherence.steps).lower()
    assert "inspirez" in text and ("soufflez" in text or "expirez" in text)


def test_each_exercise_is_paced_by_several_timed_messages():
    for item in load_exercises().values():
        assert len(item.messages) >= 4
        assert 60 <= item.seconds <= 300
        assert all(5 <= step.after <= 45 for step in item.messages)


@pytest.mark.parametrize(("text", "key"), [
    ("je veux faire de la cohérence cardiaque", "cardiac_coherence"),
    ("coherence cardiaque stp", "cardiac_coherence"),
    ("la respiration 4-7-8", "breathing_478"),
    ("respiration 4 7 8", "breathing_478"),
    ("l'exercice 5-4-3-2-1", "grounding_54321"),
    ("un exercice d'ancrage", "grounding_54321"),
    ("relaxation musculaire progressive", "muscle_relaxation"),
    ("détendre mes muscles", "muscle_relaxation"),
    ("un exercice pour me détendre", None),
    ("aide moi à me calmer", None),
])
def test_the_exercise_a_message_names(text, key):
    assert choose_exercise(text) == key


def test_the_timed_messages_follow_each_other_and_the_end_is_last():
    coherence = exercise("cardiac_coherence")
    times = coherence.due_times(NOW)
    assert times[0] == NOW + timedelta(seconds=coherence.steps[0].after)
    assert times[-1] == NOW + timedelta(seconds=coherence.seconds)
    assert all(a < b for a, b in zip(times, times[1:]))
    assert coherence.is_last(len(times)) and not coherence.is_last(1)
    assert coherence.text_of(len(times)) == coherence.end.strip()
    assert coherence.text_of(0) is None and coherence.text_of(len(times) + 1) is None


def test_a_step_found_late_is_not_said():
    assert not is_step_late(NOW, NOW + STEP_GRACE)
    assert is_step_late(NOW, NOW + STEP_GRACE + timedelta(seconds=1))


def test_step_refs_round_trip():
    assert parse_step_ref(step_ref("ab12cd34", "breathing_478", 3)).index == 3
    assert parse_step_ref("medication:4") is None
    assert parse_step_ref("exercise:run:key:x") is None


def start(uow, key="breathing_478", patient="p1", at=NOW):
    return exercise_runs.start_run(uow, patient, "socketio", f"sender-{patient}", exercise(key), at)


def statuses(uow, patient="p1"):
    with uow:
        return [n.status for n in uow.notifications.list_for_patient(patient) if n.kind == EXERCISE_STEP_KIND]


def test_starting_needs_no_consent_and_plans_one_row_per_timed_message(uow):
    add_patient(uow, consent=False)
    run = start(uow)
    breathing = exercise("breathing_478")
    with uow:
        rows = uow.exercise_steps.of_run("p1", run)
        assert [r.due_at for r in rows] == breathing.due_times(NOW)
        assert uow.consents.active("p1") is None
    found = exercise_runs.find_step(uow, "p1", rows[1].id)
    assert (found.run, found.exercise.key, found.index) == (run, "breathing_478", 2)
    assert exercise_runs.find_step(uow, "someone-else", rows[1].id) is None


def test_stopping_cancels_what_is_left_and_a_new_run_replaces_the_old(uow):
    add_patient(uow)
    first = start(uow)
    assert exercise_runs.stop_run(uow, "p1", first) == len(exercise("breathing_478").messages)
    assert set(statuses(uow)) == {"cancelled"}
    assert exercise_runs.stop_run(uow, "p1", first) == 0
    second = start(uow, "grounding_54321")
    third = start(uow, "cardiac_coherence")
    with uow:
        assert {r.status for r in uow.exercise_steps.of_run("p1", second)} == {"cancelled"}
        assert {r.status for r in uow.exercise_steps.of_run("p1", third)} == {"pending"}


def test_the_worker_sends_steps_on_time_without_consent_and_drops_late_ones(uow):
    add_patient(uow, consent=False)
    start(uow)
    breathing = exercise("breathing_478")
    first_due = NOW + timedelta(seconds=breathing.messages[0].after)
    jobs, counts = claim_jobs(uow, first_due, "w1", 10)
    assert [(j.kind, j.conversation_id) for j in jobs] == [(EXERCISE_STEP_KIND, "sender-p1")]
    # The worker was down for two minutes: what is left is too late to be said.
    jobs, counts = claim_jobs(uow, NOW + timedelta(minutes=3), "w1", 10)
    assert jobs == [] and counts == Counter(claimed=len(breathing.messages) - 1, cancelled=len(breathing.messages) - 1)


def test_a_step_that_failed_is_not_retried_later(uow):
    add_patient(uow)
    start(uow)
    due = NOW + timedelta(seconds=exercise("breathing_478").messages[0].after)
    [job], _ = claim_jobs(uow, due, "w1", 10)
    counts = record_attempts(uow, [Attempt(job, Outcome.FAILED, due, "timeout")], "w1")
    assert counts["cancelled"] == 1
    assert statuses(uow)[0] == "cancelled"


def test_rows_are_purged_an_hour_after_they_were_due(uow):
    add_patient(uow)
    start(uow)
    with uow:
        assert uow.exercise_steps.delete_old(NOW + timedelta(minutes=30)) == 0
        assert uow.exercise_steps.delete_old(NOW + timedelta(hours=2)) == len(exercise("breathing_478").messages)
