import random
from datetime import date, time

import pytest

from actions.services.medication_text import (
    Duration,
    MedicationRequest,
    Recurrence,
    parse_dose,
    parse_duration,
    parse_instruction,
    parse_medication_request,
    parse_recurrence,
    parse_times,
)

TODAY = date(2024, 11, 20)
DAILY = Recurrence("daily")

# Junk a patient (or a broken client) may send; no reader may raise on it.
JUNK = {
    "empty": "",
    "spaces": " \n\t  \r",
    "emoji": "😀💊⏰😀",
    "control": "\x00\x01\x02\x7f\x1b[2J",
    "replacement": "\ufffd\ufffd\xff",
    "huge_h": "h" * 50_000,
    "huge_times": "8h " * 50_000,
    "huge_words": "comprimé de " * 20_000,
    "punctuation": ":::///---'''",
    "arabic_digits": "١٢:٣٠",
    "ligatures": "ﬁ ½ µ ß İ ǅ",
    "html": "<script>alert('8h')</script>",
    "sql": "'; DROP TABLE reminders; --",
    "rtl": "\u202etous les jours\u202c",
    "lone_surrogate": "8h\ud800",
    "big_numbers": "99999999999999999999h 1/0 comprimé jusqu'au 99/99/99999",
}
PARSERS = {
    "times": parse_times,
    "recurrence": parse_recurrence,
    "dose": parse_dose,
    "instruction": parse_instruction,
    "duration": lambda text: parse_duration(text, TODAY),
    "request": lambda text: parse_medication_request(text, TODAY),
}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "1 comprimé de Levothyrox à 7h30 à jeun",
            MedicationRequest(
                name="Levothyrox",
                dose="1 comprimé",
                times=[time(7, 30)],
                instruction="à jeun",
            ),
        ),
        (
            "doliprane 1000 3 fois par jour pendant 5 jours",
            MedicationRequest(
                name="doliprane 1000",
                times=[time(8), time(12), time(20)],
                recurrence=DAILY,
                duration=Duration(date(2024, 11, 24)),
            ),
        ),
        (
            "rappelle moi mon ventoline matin et soir",
            MedicationRequest(name="ventoline", times=[time(8), time(20)]),
        ),
        (
            "je dois prendre mon kardegic tous les jours à 8h",
            MedicationRequest(name="kardegic", times=[time(8)], recurrence=DAILY),
        ),
        (
            "amoxicilline 2 gélules matin midi soir pendant 7 jours",
            MedicationRequest(
                name="amoxicilline",
                dose="2 gélules",
                times=[time(8), time(12), time(20)],
                duration=Duration(date(2024, 11, 26)),
            ),
        ),
        (
            "Kardegic 75mg tt les jours a 8h",
            MedicationRequest(name="Kardegic 75mg", times=[time(8)], recurrence=DAILY),
        ),
        (
            "un cachet de Doliprane 500 mg le soir apres le repas",
            MedicationRequest(
                name="Doliprane 500 mg",
                dose="1 cachet",
                times=[time(20)],
                instruction="après le repas",
            ),
        ),
        (
            "Eliquis 5mg 2x/jour pdt 1 mois",
            MedicationRequest(
                name="Eliquis 5mg",
                times=[time(8), time(20)],
                recurrence=DAILY,
                duration=Duration(date(2024, 12, 19)),
            ),
        ),
        (
            "vitamine D 1000 UI le lundi à vie",
            MedicationRequest(
                name="vitamine D 1000 UI",
                recurrence=Recurrence("weekdays", weekdays=(0,)),
                duration=Duration(None),
            ),
        ),
        (
            "Ventoline 2 bouffées si besoin",
            MedicationRequest(
                name="Ventoline", dose="2 bouffées", instruction="si besoin"
            ),
        ),
        (
            "une demi pilule de Seresta au coucher",
            MedicationRequest(
                name="Seresta",
                dose="½ pilule",
                times=[time(22)],
                instruction="au coucher",
            ),
        ),
        (
            "fer 80mg un jour sur deux",
            MedicationRequest(
                name="fer 80mg", recurrence=Recurrence("every_n_days", interval_days=2)
            ),
        ),
    ],
)
def test_parse_medication_request_reads_a_whole_sentence(text, expected):
    assert parse_medication_request(text, TODAY) == expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("Levothyrox", "Levothyrox"),
        ("levothyrox 75", "levothyrox 75"),
        ("LEVOTHYROX 75 µg", "LEVOTHYROX 75 µg"),
        ("Kardégic 75", "Kardégic 75"),
        ("mon doliprane", "doliprane"),
        ("ma pilule à 21h", "pilule"),
        ("mes vitamines", "vitamines"),
        ("rappelle-moi de prendre le Spasfon", "Spasfon"),
        ("Il faut que je prenne mon Xarelto 20 mg", "Xarelto 20 mg"),
        ("stp rappel kardegic 75", "kardegic 75"),
        ("2 gélules d'amoxicilline", "amoxicilline"),
        ("2 gélules d’amoxicilline", "amoxicilline"),
        ("prends 1 sachet de Smecta après le repas", "Smecta"),
        ("metformine 850 matin et soirs", "metformine 850"),
        ("Seresta 10 au coucher", "Seresta 10"),
        ("insuline 10 UI le soir", "insuline"),
    ],
)
def test_the_name_is_the_unknown_word_with_its_strength(text, name):
    assert parse_medication_request(text, TODAY).name == name


@pytest.mark.parametrize(
    "text",
    [
        "bonjour",
        "juste un rappel",
        "le traitement",
        "rappelle moi de prendre mes médicaments à 8h",
        "ts les jours 8h",
        "merci beaucoup",
    ],
)
def test_no_name_when_every_word_is_known_vocabulary(text):
    assert parse_medication_request(text, TODAY).name is None


def test_missing_lists_what_the_form_still_has_to_ask():
    request = parse_medication_request(
        "rappelle moi mon ventoline matin et soir", TODAY
    )
    assert request.missing == ("dose", "recurrence", "duration", "instruction")
    assert MedicationRequest().missing == (
        "name",
        "dose",
        "times",
        "recurrence",
        "duration",
        "instruction",
    )


def test_an_impossible_time_leaves_times_to_ask_but_keeps_the_rest():
    request = parse_medication_request("doliprane à 25h pendant 3 jours", TODAY)
    assert request.times is None
    assert request.name == "doliprane"
    assert request.duration == Duration(date(2024, 11, 22))


@pytest.mark.parametrize("parser", PARSERS.values(), ids=PARSERS.keys())
@pytest.mark.parametrize("text", JUNK.values(), ids=JUNK.keys())
def test_no_reader_raises_on_junk(parser, text):
    parser(text)


@pytest.mark.parametrize("parser", PARSERS.values(), ids=PARSERS.keys())
def test_no_reader_raises_on_non_text(parser):
    for value in (None, 8, b"8h", ["8h"]):
        parser(value)


def test_junk_yields_an_empty_request():
    for text in ("", "😀💊⏰", "\x00\x01", ":::///", "   "):
        assert parse_medication_request(text, TODAY) == MedicationRequest()


def test_random_noise_never_breaks_the_request_reader():
    rng = random.Random(1120)
    pieces = (
        "8h h 30 : / 1 2 ½ de mon Doliprane à jeun tous les jours jusqu'au pendant sur"
        " un jour semaine matin soir et - ' 😀 \x00 comprimé fois par sauf"
    ).split()
    for _ in range(1500):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        request = parse_medication_request(text, TODAY)
        assert request.times is None or request.times == sorted(set(request.times))
        end = request.duration.end_date if request.duration else None
        assert end is None or end >= TODAY
