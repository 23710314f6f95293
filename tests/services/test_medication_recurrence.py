import pytest

from actions.services.medication_recurrence import (
    DAILY,
    Recurrence,
    parse_recurrence,
)


def on(*weekdays: int) -> Recurrence:
    return Recurrence("weekdays", weekdays=weekdays)


def every(days: int) -> Recurrence:
    return Recurrence("every_n_days", interval_days=days)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tous les jours", DAILY),
        ("TOUS LES JOURS", DAILY),
        ("ts les jours", DAILY),
        ("tt les jours", DAILY),
        ("tout les jour", DAILY),
        ("chaque jour", DAILY),
        ("chaque matin", DAILY),
        ("tous les soirs", DAILY),
        ("quotidien", DAILY),
        ("quotidiennement", DAILY),
        ("au quotidien", DAILY),
        ("tlj", DAILY),
        ("7j/7", DAILY),
        ("1 comprimé par jour", DAILY),
        ("3 fois par jour", DAILY),
        ("2x/j", DAILY),
        ("toutes les 8 heures", DAILY),
        ("un jour sur 1", DAILY),
        ("le lundi mercredi et vendredi", on(0, 2, 4)),
        ("lun mer ven", on(0, 2, 4)),
        ("lundi, mercredi, vendredi", on(0, 2, 4)),
        ("le lundi et le jeudi", on(0, 3)),
        ("les lundis", on(0)),
        ("le dimanche", on(6)),
        ("sam dim", on(5, 6)),
        ("du lundi au vendredi", on(0, 1, 2, 3, 4)),
        ("du lun au ven", on(0, 1, 2, 3, 4)),
        ("de lundi à vendredi", on(0, 1, 2, 3, 4)),
        ("du vendredi au lundi", on(0, 4, 5, 6)),
        ("en semaine", on(0, 1, 2, 3, 4)),
        ("les jours de semaine", on(0, 1, 2, 3, 4)),
        ("le week-end", on(5, 6)),
        ("le weekend", on(5, 6)),
        ("tous les jours sauf le dimanche", on(0, 1, 2, 3, 4, 5)),
        ("tous les jours sauf le week-end", on(0, 1, 2, 3, 4)),
        ("une fois par semaine le dimanche", on(6)),
        ("toutes les semaines le lundi", on(0)),
        ("du lundi au dimanche", DAILY),
        ("un jour sur deux", every(2)),
        ("1 jour sur 2", every(2)),
        ("un jour sur trois", every(3)),
        ("tous les 3 jours", every(3)),
        ("tous les deux jours", every(2)),
        ("ts les 2 jours", every(2)),
        ("toutes les 2 semaines", every(14)),
        ("tous les 15 jours", every(14)),
        ("une fois par semaine", every(7)),
        ("1x/semaine", every(7)),
        ("chaque semaine", every(7)),
        ("toutes les 48h", every(2)),
        ("à partir de lundi, tous les jours", DAILY),
        ("jusqu'à vendredi, tous les jours", DAILY),
    ],
)
def test_parse_recurrence_reads_daily_weekdays_and_intervals(text, expected):
    assert parse_recurrence(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2 fois par semaine",
        "une fois par mois",
        "tous les 0 jours",
        "tous les 400 jours",
        "toutes les 30 heures",
        "à partir de lundi",
        "jusqu'au 15 mars",
        "sauf lundi mardi mercredi jeudi vendredi samedi dimanche",
        "matin et soir",
        "doliprane",
    ],
)
def test_parse_recurrence_returns_none_when_it_cannot_say(text):
    assert parse_recurrence(text) is None


def test_weekdays_use_date_weekday_numbers_sorted():
    recurrence = parse_recurrence("vendredi et lundi")
    assert recurrence == Recurrence("weekdays", weekdays=(0, 4), interval_days=1)
