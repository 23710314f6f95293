from datetime import datetime, timedelta, timezone

from actions.services.adherence import Counts, adherence, streak

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc)


def days_ago(n, hour=8):
    return (NOW - timedelta(days=n)).replace(hour=hour)


def test_windows_count_each_status_and_ignore_older_doses():
    outcomes = [
        (days_ago(1), "taken"), (days_ago(2), "late"), (days_ago(3), "missed"),
        (days_ago(4), "skipped"), (days_ago(10), "missed"), (days_ago(40), "taken"),
    ]
    record = adherence(outcomes, NOW)
    assert record.last_7_days == Counts(taken=1, late=1, missed=1, skipped=1)
    assert record.last_30_days == Counts(taken=1, late=1, missed=2, skipped=1)
    assert record.last_30_days.total == 5


def test_the_streak_counts_back_from_the_latest_dose_until_a_missed_one():
    outcomes = [(days_ago(5), "taken"), (days_ago(4), "missed"), (days_ago(3), "taken"),
                (days_ago(2), "late"), (days_ago(1), "taken")]
    assert streak(outcomes) == 3
    assert streak(list(reversed(outcomes))) == 3
    assert streak([(days_ago(1), "skipped")]) == 0
    assert streak([]) == 0


def test_no_outcome_gives_an_empty_record():
    record = adherence([], NOW)
    assert record.last_7_days == Counts() and record.streak == 0
