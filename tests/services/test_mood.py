"""Mood check-ins: reading a mood, the trend, recording with consent, daily plans."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import pytest

from actions.services import mood
from actions.services.reminder_dispatch import claim_jobs
from actions.store.moods import MOOD_CHECKIN_KIND
from tests.store.fixtures import NOW, add_patient


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("1", 1), ("5", 5), ("3/5", 3), ("4 sur 5", 4), ("je dirais 2", 2),
        ("très mal", 1), ("TRES MAL", 1), ("au plus bas", 1),
        ("pas terrible", 2), ("pas top", 2), ("je me sens mal", 2), ("triste", 2),
        ("bof", 3), ("moyen", 3), ("couci couça", 3), ("ni bien ni mal", 3),
        ("ça va", 4), ("bien", 4), ("plutôt bien merci", 4), ("mieux", 4),
        ("très bien", 5), ("super", 5), ("en pleine forme", 5),
        ("😢", 1), ("🙁", 2), ("😐", 3), ("🙂", 4), ("😀", 5),
    ],
)
def test_a_mood_is_read_from_numbers_words_and_emoji(text, score):
    assert mood.read_mood(text) == score


@pytest.mark.parametrize("text", ["", "0", "6", "10", "42", "quelle heure est-il", None])
def test_what_is_not_a_mood_is_not_read_as_one(text):
    assert mood.read_mood(text) is None


@pytest.mark.parametrize("text", ["pas bien", "pas très bien", "pas super bien", "ça va pas", "ça va pas du tout", "je vais pas bien"])
def test_a_negated_good_word_is_low(text):
    assert mood.read_mood(text) == 2


@pytest.mark.parametrize(("text", "note"), [
    ("non", ""), ("Non merci", ""), ("rien", ""), ("rien à ajouter", ""),
    ("journée difficile au travail", "journée difficile au travail"),
    ("", None), ("/inform", None),
])
def test_a_note_or_no_note(text, note):
    assert mood.read_note(text) == note


def test_a_long_note_is_cut():
    assert len(mood.read_note("a" * 2000)) == 500


@pytest.mark.parametrize(("text", "daily", "at"), [
    ("demandez-moi mon humeur tous les soirs à 21h", True, time(21)),
    ("chaque matin à 8h30 pour mon humeur", True, time(8, 30)),
    ("suivi quotidien de mon humeur", True, time(20)),
    ("je veux noter mon humeur", False, time(20)),
])
def test_a_daily_check_in_and_its_time(text, daily, at):
    assert mood.wants_daily(text) is daily
    assert mood.daily_time(text) == at


@pytest.mark.parametrize(("text", "about_mood"), [
    ("mon suivi d'humeur", True), ("mon moral ces 2 semaines", True),
    ("mon suivi", False), ("mes prises de médicaments", False),
])
def test_mon_suivi_about_the_mood(text, about_mood):
    assert mood.mentions_mood(text) is about_mood


@dataclass
class Entry:
    score: int
    recorded_at: datetime
    note: str | None = None


def test_a_day_with_several_entries_shows_their_rounded_mean():
    entries = [Entry(2, NOW), Entry(3, NOW + timedelta(hours=2), "mieux"), Entry(5, NOW - timedelta(days=2))]
    days = mood.mood_days(entries, "Europe/Paris")
    assert [(d.day, d.score, d.note) for d in days] == [
        (date(2026, 3, 27), 5, None),
        (date(2026, 3, 29), 3, "mieux"),
    ]


def test_days_are_the_patients_local_days():
    late_evening_utc = datetime(2026, 3, 28, 23, 30, tzinfo=timezone.utc)  # 01:30 in Paris
    assert mood.mood_days([Entry(4, late_evening_utc)], "Europe/Paris")[0].day == date(2026, 3, 29)


def test_the_trend_compares_this_week_with_the_week_before():
    today = date(2026, 3, 29)
    days = [mood.MoodDay(today - timedelta(days=k), score, None)
            for k, score in [(12, 2), (10, 2), (8, 1), (5, 4), (2, 4), (0, 5)]]
    lines = mood.trend_lines(days, today)
    assert lines[0] == "• mar. 17/03 : 🙁 2/5 (mal)"
    assert lines[-2] == "• dim. 29/03 : 😀 5/5 (très bien)"
    assert lines[-1] == "Cette semaine : 4,3/5, la semaine d'avant : 1,7/5 (en hausse ↗)."


def test_the_trend_says_down_and_stable_and_leaves_out_older_days():
    today = date(2026, 3, 29)
    down = [mood.MoodDay(today - timedelta(days=9), 4, None), mood.MoodDay(today, 2, None)]
    assert mood.trend_lines(down, today)[-1].endswith("(en baisse ↘).")
    stable = [mood.MoodDay(today - timedelta(days=9), 3, None), mood.MoodDay(today, 3, None)]
    assert mood.trend_lines(stable, today)[-1].endswith("(stable →).")
    old = [mood.MoodDay(today - timedelta(days=20), 1, None), mood.MoodDay(today, 4, None)]
    assert mood.trend_lines(old, today) == ["• dim. 29/03 : 🙂 4/5 (bien)", "Moyenne de la semaine : 4,0/5."]


def test_a_mood_is_stored_only_with_consent(uow):
    add_patient(uow, "with")
    add_patient(uow, "without", consent=False)
    assert mood.record_mood(uow, "with", 2, "fatigué", "checkin", NOW) is True
    assert mood.record_mood(uow, "without", 2, "fatigué", "checkin", NOW) is False
    with uow:
        assert [(e.score, e.note, e.source) for e in uow.moods.list_for_patient("with")] == [(2, "fatigué", "checkin")]
        assert uow.moods.list_for_patient("without") == []
    assert mood.recent_trend(uow, "with", NOW) == [
        "• dim. 29/03 : 🙁 2/5 (mal)", "Moyenne de la semaine : 2,0/5."]
    assert mood.recent_trend(uow, "without", NOW) == []


def test_the_database_refuses_a_score_outside_1_to_5(uow):
    add_patient(uow)
    with pytest.raises(Exception):
        with uow:
            uow.moods.add("p1", 6, None, "checkin", NOW)


def checkins(uow, patient_id="p1"):
    with uow:
        return [(n.scheduled_local, n.status) for n in uow.notifications.list_for_patient(patient_id)
                if n.kind == MOOD_CHECKIN_KIND]


def test_a_daily_check_in_plans_one_notification_a_day_at_the_local_time(uow):
    add_patient(uow)
    plan = mood.set_daily_checkin(uow, "p1", time(21), NOW)  # 10:00 in Paris
    assert plan is not None
    planned = checkins(uow)
    assert planned[0] == ("2026-03-29T21:00", "pending")
    assert all(local.endswith("T21:00") for local, _ in planned)
    assert len(planned) == len({local for local, _ in planned}) >= 2
    assert mood.materialise_mood_checkins(uow, NOW) == 0  # idempotent
    assert mood.materialise_mood_checkins(uow, NOW + timedelta(days=3)) >= 1


def test_changing_the_time_replaces_the_pending_check_ins(uow):
    add_patient(uow)
    mood.set_daily_checkin(uow, "p1", time(21), NOW)
    mood.set_daily_checkin(uow, "p1", time(9, 30), NOW + timedelta(minutes=5))
    planned = checkins(uow)
    assert planned and all(local.endswith("T09:30") for local, _ in planned)
    assert planned[0][0] == "2026-03-30T09:30"  # 09:30 today has passed


def test_no_daily_check_in_without_consent_and_none_after_stopping(uow):
    add_patient(uow, "p2", consent=False)
    assert mood.set_daily_checkin(uow, "p2", time(21), NOW) is None
    assert checkins(uow, "p2") == []
    add_patient(uow)
    mood.set_daily_checkin(uow, "p1", time(21), NOW)
    assert mood.stop_daily_checkin(uow, "p1", NOW) is True
    assert checkins(uow) == []
    assert mood.materialise_mood_checkins(uow, NOW + timedelta(days=1)) == 0
    assert mood.stop_daily_checkin(uow, "p1", NOW) is False


def test_the_worker_sends_a_due_check_in_and_closes_one_whose_plan_stopped(uow):
    add_patient(uow)
    mood.set_daily_checkin(uow, "p1", time(21), NOW)
    due = datetime(2026, 3, 29, 19, 0, 30, tzinfo=timezone.utc)  # 21:00:30 in Paris
    jobs, counts = claim_jobs(uow, due, "w1", 10)
    assert [(j.kind, j.conversation_id) for j in jobs] == [(MOOD_CHECKIN_KIND, "sender-p1")]
    mood.stop_daily_checkin(uow, "p1", due)
    # A row claimed before the stop comes back (a stale claim): it is closed unsent.
    with uow:
        uow.notifications.release(jobs[0].notification_id, "w1")
    jobs, counts = claim_jobs(uow, due + timedelta(seconds=5), "w2", 10)
    assert jobs == [] and counts == Counter(claimed=1, cancelled=1)


def test_a_check_in_after_consent_is_withdrawn_is_not_sent(uow):
    add_patient(uow)
    mood.set_daily_checkin(uow, "p1", time(21), NOW)
    with uow:
        uow.consents.withdraw("p1", NOW)
    jobs, counts = claim_jobs(uow, datetime(2026, 3, 29, 19, 0, 30, tzinfo=timezone.utc), "w1", 10)
    assert jobs == [] and counts["cancelled"] == 1


def test_a_consent_to_a_notice_without_the_mood_record_does_not_cover_it(uow):
    from actions.services.consent import covers

    add_patient(uow, consent=False)
    with uow:
        uow.consents.grant("p1", "2026-11-29.2", NOW - timedelta(days=1))
    assert covers("2026-11-29.2", "medication") and not covers("2026-11-29.2", "mood")
    assert covers("2026-11-29.10", "mood") and covers("2027-01-02.1", "mood")
    assert mood.record_mood(uow, "p1", 3, None, "checkin", NOW) is False
    assert mood.set_daily_checkin(uow, "p1", time(21), NOW) is None
