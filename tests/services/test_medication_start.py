from datetime import date

import pytest

from actions.services.medication_start import scan_start

SUNDAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    "text, start, rest",
    [
        ("à partir de demain", date(2026, 11, 30), ""),
        ("doliprane 8h à partir de demain", date(2026, 11, 30), "doliprane 8h"),
        ("dès lundi tous les jours", date(2026, 11, 30), "tous les jours"),
        ("a partir de mercredi prochain", date(2026, 12, 2), ""),
        ("à partir du 3 décembre pendant 10 jours", date(2026, 12, 3), "pendant 10 jours"),
        ("commencer le 05/12", date(2026, 12, 5), ""),
        ("on commence le 1er janvier", date(2027, 1, 1), ""),
        ("à partir d'aujourd'hui", SUNDAY, ""),
        ("a partir de apres-demain", date(2026, 12, 1), ""),
        ("A PARTIR DU 15/01/2027", date(2027, 1, 15), ""),
    ],
)
def test_the_first_day_is_read_and_cut_out(text, start, rest):
    assert scan_start(text, SUNDAY) == (start, rest)


@pytest.mark.parametrize(
    "text",
    ["tous les lundis", "des comprimés le matin", "pendant 10 jours", "jusqu'au 3 décembre",
     "à partir du 31/02", "à partir du 3 mars 2020", "", "🙂", "\x00\xff", "x" * 5000],
)
def test_no_start_day_leaves_the_text_alone(text):
    assert scan_start(text, SUNDAY) == (None, text)


def test_non_text_is_no_start():
    assert scan_start(None, SUNDAY) == (None, "")
