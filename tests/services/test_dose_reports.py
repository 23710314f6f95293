from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from actions.services.dose_reports import dose_to_report, record_report, which_medication
from tests.store.fixtures import NOW, add_due_notifications, add_medication, add_patient

UTC = timezone.utc
PARIS = "Europe/Paris"


def med(name):
    return SimpleNamespace(name=name)


def test_the_medication_named_in_the_report_is_chosen_whatever_the_spelling():
    levothyrox, kardegic = med("Levothyrox"), med("Kardégic 75")

    assert which_medication("j'ai pris mon LEVOTHYROX ce matin", [levothyrox, kardegic]) is levothyrox
    assert which_medication("oublié le kardegic 75 hier", [levothyrox, kardegic]) is kardegic


def test_without_a_name_only_a_single_medication_is_assumed():
    only = med("Doliprane")

    assert which_medication("c'est bon j'ai pris mon cachet", [only]) is only
    assert which_medication("c'est bon j'ai pris mon cachet", [only, med("Levothyrox")]) is None
    assert which_medication("j'ai pris mon levothyrox", []) is None


def test_a_dose_taken_is_the_nearest_one_and_a_missed_one_the_latest_past_one():
    now = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
    doses = [now - timedelta(hours=14), now - timedelta(hours=2), now + timedelta(minutes=40)]

    assert dose_to_report(doses, now, taken=True) == now + timedelta(minutes=40)
    assert dose_to_report(doses, now, taken=False) == now - timedelta(hours=2)
    assert dose_to_report([now - timedelta(hours=13)], now, taken=True) is None
    assert dose_to_report([now + timedelta(minutes=5)], now, taken=False) is None


def test_day_and_moment_words_choose_among_the_doses():
    # 9:00 in Paris (summer time); doses at 8:00 and 20:00 local.
    now = datetime(2026, 5, 4, 7, 0, tzinfo=UTC)
    this_morning = datetime(2026, 5, 4, 6, 0, tzinfo=UTC)
    last_evening = datetime(2026, 5, 3, 18, 0, tzinfo=UTC)
    doses = [last_evening, this_morning]

    assert dose_to_report(doses, now, False, "j'ai oublié mon cachet hier soir", PARIS) == last_evening
    assert dose_to_report(doses, now, False, "pas pris ce matin", PARIS) == this_morning
    assert dose_to_report(doses, now, False, "j'ai oublié", PARIS) == this_morning
    # A word no dose fits is ignored rather than losing the report.
    assert dose_to_report(doses, now, False, "oublié à midi", PARIS) == this_morning


def test_a_missed_dose_is_recorded_and_its_pending_reminders_cancelled(uow):
    add_patient(uow)
    medication = add_medication(uow, times_of_day=["09:30"])
    # NOW is 10:00 in Paris: today's 9:30 dose was due 30 minutes ago.
    add_due_notifications(uow, medication, 1, now=NOW - timedelta(minutes=29))

    with uow:
        dose = record_report(uow, "p1", "j'ai oublié mon doliprane", NOW, taken=False)
    with uow:
        outcome = uow.outcomes.get(medication.id, dose.scheduled_at)
        pending = [n for n in uow.notifications.list_for_patient("p1") if n.status == "pending"]

    assert dose.scheduled_at == NOW - timedelta(minutes=30)
    assert (dose.medication, dose.status, dose.recorded) == ("Doliprane", "missed", True)
    assert outcome.status == "missed"
    assert pending == []


def test_a_dose_taken_outside_a_reminder_is_recorded_and_a_missed_one_becomes_late(uow):
    add_patient(uow)
    medication = add_medication(uow, times_of_day=["09:30"])
    with uow:
        uow.outcomes.record(medication, NOW - timedelta(minutes=30), "missed", NOW)

    with uow:
        dose = record_report(uow, "p1", "je viens de prendre le doliprane", NOW + timedelta(hours=2), True)
    with uow:
        outcome = uow.outcomes.get(medication.id, NOW - timedelta(minutes=30))

    assert (dose.status, dose.recorded) == ("late", True)
    assert outcome.status == "late"


def test_a_dose_taken_before_its_time_is_taken_on_time(uow):
    add_patient(uow)
    medication = add_medication(uow, times_of_day=["10:30"])

    with uow:
        dose = record_report(uow, "p1", "pris mon doliprane", NOW, True)

    assert dose.scheduled_at == NOW + timedelta(minutes=30)
    assert (dose.status, dose.recorded) == ("taken", True)
    with uow:
        assert uow.outcomes.get(medication.id, NOW + timedelta(minutes=30)).status == "taken"


def test_a_report_about_no_known_medication_records_nothing(uow):
    add_patient(uow)
    add_medication(uow, name="Levothyrox")
    add_medication(uow, name="Kardegic")

    with uow:
        assert record_report(uow, "p1", "j'ai pris mon cachet", NOW, True) is None
        assert uow.outcomes.list_for_patient("p1") == []
