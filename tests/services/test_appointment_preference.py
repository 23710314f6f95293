import random
from datetime import date, time

import pytest

from actions.services.appointment_preference import read_time_preference
from actions.services.time_preference import ANY_TIME, TimePreference

TUESDAY = date(2026, 12, 1)  # today in every case below
MORNING = {"not_before": time(8, 0), "not_after": time(11, 59)}
LUNCH = {"not_before": time(12, 0), "not_after": time(13, 59)}
AFTERNOON = {"not_before": time(14, 0), "not_after": time(17, 59)}
EVENING = {"not_before": time(17, 0), "not_after": time(19, 59)}
ASAP = TimePreference(as_soon_as_possible=True)


def on(day: date, last: date | None = None, **fields) -> TimePreference:
    return TimePreference(first_day=day, last_day=last or day, **fields)


def hours(start: str | None, end: str | None) -> TimePreference:
    def read(text):
        return time.fromisoformat(text) if text else None

    return TimePreference(not_before=read(start), not_after=read(end))


@pytest.mark.parametrize(
    "text, expected",
    [
        # As soon as possible
        ("le plus tôt possible", ASAP),
        ("le plus tot possible svp", ASAP),
        ("au plus vite", ASAP),
        ("AU PLUS VITE", ASAP),
        ("o plus vite svp", ASAP),
        ("dès que possible", ASAP),
        ("des que possible", ASAP),
        ("dès que vous pouvez", ASAP),
        ("asap", ASAP),
        ("le + tot possible", ASAP),
        ("le premier créneau dispo", ASAP),
        ("c'est assez urgent", ASAP),
        ("rapidement si possible", ASAP),
        ("au plus vite le matin", TimePreference(as_soon_as_possible=True, **MORNING)),
        (
            "le plus tôt possible la semaine prochaine",
            TimePreference(
                first_day=date(2026, 12, 7),
                last_day=date(2026, 12, 13),
                as_soon_as_possible=True,
            ),
        ),
        # No preference
        ("n'importe quand", ANY_TIME),
        ("nimporte quand", ANY_TIME),
        ("peu importe", ANY_TIME),
        ("quand vous voulez", ANY_TIME),
        ("pas de préférence", ANY_TIME),
        ("ça m'est égal", ANY_TIME),
        # Periods
        ("le matin", TimePreference(**MORNING)),
        ("plutôt le matin", TimePreference(**MORNING)),
        ("en matinée", TimePreference(**MORNING)),
        ("aprem", TimePreference(**AFTERNOON)),
        ("l'aprèm", TimePreference(**AFTERNOON)),
        ("après-midi", TimePreference(**AFTERNOON)),
        ("dans l'apres midi", TimePreference(**AFTERNOON)),
        ("en fin de journée", TimePreference(**EVENING)),
        ("fin de journee apres le boulot", TimePreference(**EVENING)),
        ("en fin d'aprem", TimePreference(**EVENING)),
        ("le soir", TimePreference(**EVENING)),
        ("entre midi et deux", TimePreference(**LUNCH)),
        ("entre 12h et 14h", TimePreference(**LUNCH)),
        ("pendant ma pause déj", TimePreference(**LUNCH)),
        ("le matin ou l'aprem", hours("08:00", "17:59")),
        ("pas le matin", hours("12:00", None)),
        ("pas le soir", hours(None, "16:59")),
        # Clock times
        ("avant 10h", hours(None, "09:59")),
        ("avant midi", hours(None, "11:59")),
        ("après 17h", hours("17:00", None)),
        ("apres 17", hours("17:00", None)),
        ("à partir de 16h30", hours("16:30", None)),
        ("dès 9h", hours("09:00", None)),
        ("pas avant 10h", hours("10:00", None)),
        ("pas après 16h", hours(None, "16:00")),
        ("jusqu'à 18h", hours(None, "17:59")),
        ("vers 14h", hours("13:30", "14:30")),
        ("vers midi", hours("11:30", "12:30")),
        ("à 9h", hours("09:00", "09:00")),
        ("à midi", hours("12:00", "12:00")),
        ("a 3h", hours("15:00", "15:00")),
        ("entre 14 et 16h", hours("14:00", "15:59")),
        ("de 9h à 11h", hours("09:00", "10:59")),
        ("14h ou 15h", hours("14:00", "15:00")),
        ("le matin avant 10h", hours("08:00", "09:59")),
        ("l'aprem vers 15h", hours("14:30", "15:30")),
        # Days
        ("demain", on(date(2026, 12, 2))),
        ("Demain", on(date(2026, 12, 2))),
        ("2main", on(date(2026, 12, 2))),
        ("après-demain", on(date(2026, 12, 3))),
        ("aujourd'hui", on(TUESDAY)),
        ("ajd si possible", on(TUESDAY)),
        ("ce soir", on(TUESDAY, **EVENING)),
        ("ce matin", on(TUESDAY, **MORNING)),
        ("demain matin", on(date(2026, 12, 2), **MORNING)),
        ("demain aprem", on(date(2026, 12, 2), **AFTERNOON)),
        ("demain midi", on(date(2026, 12, 2), **LUNCH)),
        ("mardi matin", on(TUESDAY, **MORNING)),
        ("jeudi", on(date(2026, 12, 3))),
        ("JEUDI", on(date(2026, 12, 3))),
        (
            "jeudi 14h30",
            on(date(2026, 12, 3), not_before=time(14, 30), not_after=time(14, 30)),
        ),
        ("samedi matin", on(date(2026, 12, 5), **MORNING)),
        ("lundi", on(date(2026, 12, 7))),
        ("mecredi", on(date(2026, 12, 2))),
        ("mardi prochain", on(date(2026, 12, 8))),
        ("jeudi prochain", on(date(2026, 12, 10))),
        ("jeudi de la semaine prochaine", on(date(2026, 12, 10))),
        ("la semaine prochaine le mercredi", on(date(2026, 12, 9))),
        ("lundi ou mardi", on(TUESDAY, date(2026, 12, 7), weekdays=frozenset({0, 1}))),
        ("mercredi ou jeudi", on(date(2026, 12, 2), date(2026, 12, 3))),
        (
            "lundi, mercredi ou vendredi matin",
            on(
                date(2026, 12, 2),
                date(2026, 12, 7),
                weekdays=frozenset({0, 2, 4}),
                **MORNING,
            ),
        ),
        ("le 12 décembre", on(date(2026, 12, 12))),
        (
            "le 12 decembre a 10h",
            on(date(2026, 12, 12), not_before=time(10), not_after=time(10)),
        ),
        ("le 12/12", on(date(2026, 12, 12))),
        ("samedi 12/12", on(date(2026, 12, 12))),
        ("le 3 janvier", on(date(2027, 1, 3))),
        ("le 15/11", on(date(2027, 11, 15))),  # past this year: next year
        ("le 15", on(date(2026, 12, 15))),
        ("le 1er", on(TUESDAY)),
        ("le 2", on(date(2026, 12, 2))),
        ("le 1er décembre", on(TUESDAY)),
        # Spans of days
        ("cette semaine", on(TUESDAY, date(2026, 12, 6))),
        ("dans la semaine", on(TUESDAY, date(2026, 12, 6))),
        ("la semaine prochaine", on(date(2026, 12, 7), date(2026, 12, 13))),
        ("semaine pro", on(date(2026, 12, 7), date(2026, 12, 13))),
        (
            "la semaine prochaine après 17h",
            on(date(2026, 12, 7), date(2026, 12, 13), not_before=time(17, 0)),
        ),
        ("pas cette semaine", TimePreference(first_day=date(2026, 12, 7))),
        ("pas aujourd'hui", TimePreference(first_day=date(2026, 12, 2))),
        ("ce week-end", on(date(2026, 12, 5), date(2026, 12, 6))),
        ("le weekend", on(date(2026, 12, 5), date(2026, 12, 6))),
        ("dans 15 jours", TimePreference(first_day=date(2026, 12, 15))),
        ("dans 8 jours", TimePreference(first_day=date(2026, 12, 8))),
        ("dans 3 jours", TimePreference(first_day=date(2026, 12, 4))),
        ("dans 2 semaines", TimePreference(first_day=date(2026, 12, 15))),
        ("dans un mois", TimePreference(first_day=date(2027, 1, 1))),
        ("le mois prochain", on(date(2027, 1, 1), date(2027, 1, 31))),
        ("à partir de jeudi", TimePreference(first_day=date(2026, 12, 3))),
        ("a partir du 10/12", TimePreference(first_day=date(2026, 12, 10))),
        ("avant vendredi", TimePreference(last_day=date(2026, 12, 3))),
        ("d'ici jeudi", TimePreference(last_day=date(2026, 12, 3))),
        # Days to avoid, days in general
        ("pas le mercredi", TimePreference(weekdays=frozenset({0, 1, 3, 4, 5, 6}))),
        (
            "sauf mercredi et vendredi",
            TimePreference(weekdays=frozenset({0, 1, 3, 5, 6})),
        ),
        ("jamais le week-end", TimePreference(weekdays=frozenset({0, 1, 2, 3, 4}))),
        ("en semaine", TimePreference(weekdays=frozenset({0, 1, 2, 3, 4}))),
        ("les lundis", TimePreference(weekdays=frozenset({0}))),
        (
            "la semaine prochaine mais pas le mercredi",
            on(
                date(2026, 12, 7),
                date(2026, 12, 13),
                weekdays=frozenset({0, 1, 3, 4, 5, 6}),
            ),
        ),
        # Whole sentences
        ("rdv mardi matin avec le dr martin", on(TUESDAY, **MORNING)),
        (
            "Bonjour, je souhaiterais un rendez-vous jeudi après-midi si possible",
            on(date(2026, 12, 3), **AFTERNOON),
        ),
        ("une teleconsult demain svp", on(date(2026, 12, 2))),
        ("je travaille, donc après 18h30", hours("18:30", None)),
        ("je voudrais voir le médecin au plus vite", ASAP),
    ],
)
def test_patient_wishes_become_a_time_preference(text, expected):
    assert read_time_preference(text, TUESDAY) == expected


@pytest.mark.parametrize(
    "text",
    ["", "bonjour", "🙂", "x" * 5000, "le 31/02", "le 3 mars 2020", "25h", "rdv"],
)
def test_what_is_not_understood_is_an_open_preference(text):
    assert read_time_preference(text, TUESDAY) == ANY_TIME


def test_non_text_is_an_open_preference():
    assert read_time_preference(None, TUESDAY) == ANY_TIME  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, now, expected",
    [
        ("mardi", time(9, 0), on(TUESDAY)),
        ("mardi", time(20, 30), on(date(2026, 12, 8))),
        ("mardi matin", time(10, 0), on(TUESDAY, **MORNING)),
        ("mardi matin", time(12, 30), on(date(2026, 12, 8), **MORNING)),
        ("aujourd'hui", time(21, 0), on(TUESDAY)),  # said outright: kept
    ],
)
def test_a_weekday_named_today_is_next_weeks_once_its_hours_are_over(
    text, now, expected
):
    assert read_time_preference(text, TUESDAY, now) == expected


def test_any_mix_of_words_reads_without_error():
    words = (
        "avant après vers entre et de à le la pas sauf 0h 23h59 12h midi minuit "
        "matin aprem soir lundi dimanche prochain semaine demain 31/12 29/02 1er "
        "dans 999 jours mois week-end 24h 00:00 - , ? asap"
    ).split()
    rng = random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choices(words, k=rng.randint(1, 8)))
        assert isinstance(
            read_time_preference(text, TUESDAY, time(23, 0)), TimePreference
        )
