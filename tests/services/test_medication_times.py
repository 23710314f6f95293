import random
import time as clock
from datetime import time

import pytest

from actions.services.medication_times import (
    MAX_TEXT_LENGTH,
    MOMENT_TIMES,
    TIMES_PER_DAY_DEFAULTS,
    fold,
    parse_times,
    to_number,
)


def hours(*values: str) -> list[time]:
    return [time.fromisoformat(value) for value in values]


def test_moment_defaults_are_the_documented_ones():
    assert MOMENT_TIMES == {
        "réveil": time(7),
        "matin": time(8),
        "midi": time(12),
        "après-midi": time(16),
        "soir": time(20),
        "coucher": time(22),
        "minuit": time(0),
    }
    assert TIMES_PER_DAY_DEFAULTS[2] == (time(8), time(20))
    assert TIMES_PER_DAY_DEFAULTS[3] == (time(8), time(12), time(20))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("8h", hours("08:00")),
        ("8h30", hours("08:30")),
        ("08:30", hours("08:30")),
        ("7h30", hours("07:30")),
        ("20h", hours("20:00")),
        ("20 h", hours("20:00")),
        ("8 h 05", hours("08:05")),
        ("8h00", hours("08:00")),
        ("23:59", hours("23:59")),
        ("00:00", hours("00:00")),
        ("à 24h", hours("00:00")),
        ("à 8h et 20h", hours("08:00", "20:00")),
        ("A 8H ET 20H", hours("08:00", "20:00")),
        ("  à   8h   et   20h  ", hours("08:00", "20:00")),
        ("8h-12h-20h", hours("08:00", "12:00", "20:00")),
        ("8h,12h,20h", hours("08:00", "12:00", "20:00")),
        ("20h et 8h et 8h", hours("08:00", "20:00")),
        ("matin midi et soir", hours("08:00", "12:00", "20:00")),
        ("matin, midi & soir", hours("08:00", "12:00", "20:00")),
        ("matin midi soir", hours("08:00", "12:00", "20:00")),
        ("midi et soir", hours("12:00", "20:00")),
        ("matin et soirs", hours("08:00", "20:00")),
        ("le matin", hours("08:00")),
        ("tous les matins", hours("08:00")),
        ("midi", hours("12:00")),
        ("minuit", hours("00:00")),
        ("l'après-midi", hours("16:00")),
        ("l'apres midi", hours("16:00")),
        ("au coucher", hours("22:00")),
        ("coucher", hours("22:00")),
        ("au réveil", hours("07:00")),
        ("au petit déjeuner", hours("08:00")),
        ("le soir au coucher", hours("20:00", "22:00")),
        ("8 heures", hours("08:00")),
        ("huit heures", hours("08:00")),
        ("vingt heures trente", hours("20:30")),
        ("huit heures et demie", hours("08:30")),
        ("midi et demi", hours("12:30")),
        ("midi moins le quart", hours("11:45")),
        ("8h et quart", hours("08:15")),
        ("8h du soir", hours("20:00")),
        ("8h soir", hours("20:00")),
        ("10h du soir", hours("22:00")),
        ("9h du matin", hours("09:00")),
        ("2h de l'après-midi", hours("14:00")),
        ("2h de la nuit", hours("02:00")),
        ("11h de la nuit", hours("23:00")),
        ("à 8h le matin et le soir", hours("08:00", "20:00")),
        ("8h et le soir", hours("08:00", "20:00")),
        ("2 fois par jour", hours("08:00", "20:00")),
        ("2x/jour", hours("08:00", "20:00")),
        ("deux fois par jour", hours("08:00", "20:00")),
        ("3 fois par jour", hours("08:00", "12:00", "20:00")),
        ("1 fois par jour", hours("08:00")),
        ("4 fois par jour", hours("08:00", "12:00", "16:00", "20:00")),
        ("2 fois par jour à 9h et 21h", hours("09:00", "21:00")),
        ("toutes les 8 heures", hours("00:00", "08:00", "16:00")),
        ("toutes les 8h", hours("00:00", "08:00", "16:00")),
        ("ttes les 12h", hours("08:00", "20:00")),
        ("toutes les 24 heures", hours("08:00")),
        ("toutes les 6h à partir de 7h30", hours("01:30", "07:30", "13:30", "19:30")),
        ("1 cp à 8h 10 gouttes le soir", hours("08:00", "20:00")),
        ("doliprane 1000 3 fois par jour", hours("08:00", "12:00", "20:00")),
    ],
)
def test_parse_times_reads_clock_times_moments_and_frequencies(text, expected):
    assert parse_times(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "25h",
        "8h75",
        "24:30",
        "8h et 25h",
        "99h",
        "5 fois par jour",
        "toutes les 5 heures",
        "toutes les heures",
        "pendant 48h",
        "dans 2 heures",
        "1 heure avant le repas",
        "tous les jours",
        "doliprane 1000",
        "pendant 10 jours",
        "1/2 comprimé",
    ],
)
def test_parse_times_refuses_impossible_or_absent_times(text):
    assert parse_times(text) is None


def test_parse_times_rejects_non_text():
    assert parse_times(None) is None  # type: ignore[arg-type]
    assert parse_times(b"8h") is None  # type: ignore[arg-type]


def test_every_valid_clock_time_reads_back_in_both_spellings():
    for hour in range(24):
        for minute in range(60):
            expected = [time(hour, minute)]
            assert parse_times(f"{hour}h{minute:02d}") == expected
            assert parse_times(f"à {hour:02d}:{minute:02d}") == expected


def test_every_impossible_hour_is_refused():
    for hour in range(25, 100):
        assert parse_times(f"{hour}h") is None
    for minute in range(60, 100):
        assert parse_times(f"8h{minute}") is None


def test_random_noise_never_breaks_the_reader():
    rng = random.Random(20241120)
    alphabet = "0123456789hH:/ -,.'àéèçêôûAaeiousmidrtlx😀\x00\n½µ"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        result = parse_times(text)
        assert result is None or (result and result == sorted(set(result)))


def test_huge_input_is_cut_and_read_fast():
    started = clock.perf_counter()
    assert parse_times("à 8h " + "blabla " * 200_000) == hours("08:00")
    assert clock.perf_counter() - started < 1


def test_fold_lowercases_strips_accents_and_maps_back_to_the_original():
    folded = fold("  Jusqu’à l’Après-Midi,  ½ µg\x00!")
    assert folded.text == "jusqu'a l'apres midi, 1/2 ug !"
    start = folded.text.index("apres")
    assert folded.original_slice(start, start + len("apres midi")) == "Après-Midi"


def test_fold_keeps_hyphens_between_digits_only():
    assert fold("15-12 8h-12h week-end").text == "15-12 8h 12h week end"


def test_fold_cuts_long_text_and_ignores_non_text():
    assert len(fold("a" * (MAX_TEXT_LENGTH + 50)).original) == MAX_TEXT_LENGTH
    assert fold(None).text == ""
    assert fold(42).text == ""


@pytest.mark.parametrize(
    "word, expected",
    [
        ("8", 8),
        ("huit", 8),
        ("dix  sept", 17),
        ("vingt et une", 21),
        ("foo", None),
        ("²", None),
        ("", None),
    ],
)
def test_to_number_reads_digits_and_french_words(word, expected):
    assert to_number(word) == expected
