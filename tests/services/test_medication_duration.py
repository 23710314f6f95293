from datetime import date

import pytest

from actions.services.medication_duration import (
    UNLIMITED,
    Duration,
    parse_duration,
)

TODAY = date(2024, 11, 20)  # a Wednesday


def until(year: int, month: int, day: int) -> Duration:
    return Duration(end_date=date(year, month, day))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("pendant 10 jours", until(2024, 11, 29)),  # today is day 1, the 29th day 10
        ("PENDANT 10 JOURS", until(2024, 11, 29)),
        ("pdt 10j", until(2024, 11, 29)),
        ("10 jours", until(2024, 11, 29)),
        ("durant 5 jours", until(2024, 11, 24)),
        ("encore 3 jours", until(2024, 11, 22)),
        ("pendant 1 jour", until(2024, 11, 20)),
        ("pendant 2 semaines", until(2024, 12, 3)),
        ("pendant une semaine", until(2024, 11, 26)),
        ("1 mois", until(2024, 12, 19)),
        ("pendant un mois", until(2024, 12, 19)),
        ("pendant 3 mois", until(2025, 2, 19)),
        ("pendant 1 an", until(2025, 11, 19)),
        ("jusqu'au 15 décembre", until(2024, 12, 15)),
        ("jusqu au 15 decembre", until(2024, 12, 15)),
        ("jusqu'au 15 dec", until(2024, 12, 15)),
        ("jusqu'au 15/12", until(2024, 12, 15)),
        ("jusquau 15/12", until(2024, 12, 15)),
        ("jusqu'au 15/12/2025", until(2025, 12, 15)),
        ("jusqu'au 15/12/25", until(2025, 12, 15)),
        ("jusqu'au 1er décembre", until(2024, 12, 1)),
        ("jusqu'au 20/11", until(2024, 11, 20)),  # today still counts
        ("jusqu'au 19/11", until(2025, 11, 19)),  # next occurrence
        ("jusqu'au 15 mars", until(2025, 3, 15)),
        ("jusqu'au 29/02", until(2028, 2, 29)),
        ("jusqu'à la fin du mois", until(2024, 11, 30)),
        ("jusqu'a la fin de la semaine", until(2024, 11, 24)),
        ("jusqu'à la fin de l'année", until(2024, 12, 31)),
        ("jusqu'à demain", until(2024, 11, 21)),
        ("jusqu'à après-demain", until(2024, 11, 22)),
        ("jusqu'à ce soir", until(2024, 11, 20)),
        ("jusqu'à dimanche", until(2024, 11, 24)),
        ("jusqu'à mercredi", until(2024, 11, 27)),  # a week away, not today
        ("tous les jours pendant 10 jours", until(2024, 11, 29)),
        ("un jour sur deux pendant 1 mois", until(2024, 12, 19)),
        ("pendant 10 jours, toujours le matin", until(2024, 11, 29)),
        ("à vie", UNLIMITED),
        ("sans fin", UNLIMITED),
        ("en continu", UNLIMITED),
        ("toujours", UNLIMITED),
        ("pour toujours", UNLIMITED),
        ("au long cours", UNLIMITED),
        ("à long terme", UNLIMITED),
    ],
)
def test_parse_duration_reads_the_last_day_of_treatment(text, expected):
    assert parse_duration(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "tous les 3 jours",
        "un jour sur deux",
        "1 semaine sur 2",
        "pendant 0 jours",
        "jusqu'au 31/02",
        "jusqu'au 15/13",
        "jusqu'au 15/12/2023",
        "jusqu'à la fin de la boîte",
        "matin et soir",
        "3 fois par semaine",
    ],
)
def test_parse_duration_returns_none_when_it_cannot_say(text):
    assert parse_duration(text, TODAY) is None


def test_unlimited_is_a_duration_without_end_date():
    assert UNLIMITED.unlimited and UNLIMITED.end_date is None
    assert not until(2024, 12, 1).unlimited


@pytest.mark.parametrize(
    "today, text, expected",
    [
        (date(2024, 1, 31), "1 mois", date(2024, 2, 28)),  # 29 Feb is day 1 of next
        (date(2023, 12, 15), "pendant 1 mois", date(2024, 1, 14)),
        (date(2024, 2, 29), "pendant 1 an", date(2025, 2, 27)),
        (date(2024, 12, 31), "pendant 2 jours", date(2025, 1, 1)),
    ],
)
def test_month_and_year_arithmetic_across_boundaries(today, text, expected):
    assert parse_duration(text, today) == Duration(end_date=expected)


def test_dates_beyond_the_calendar_are_not_understood():
    assert parse_duration("pendant 999 ans", date(9990, 1, 1)) is None
    assert parse_duration("pendant 10 jours", date(9999, 12, 30)) is None
