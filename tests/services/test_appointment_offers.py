import pytest

from actions.services.appointment_offers import offer_ref, parse_ref, pick_offer

OFFERS = [
    {"ref": offer_ref("claire-martin", "2026-12-01T08:30:00+00:00", False), "day": "2026-12-01", "local_time": "09:30"},
    {"ref": offer_ref("claire-martin", "2026-12-01T13:00:00+00:00", False), "day": "2026-12-01", "local_time": "14:00"},
    {"ref": offer_ref("paul-benali", "2026-12-03T16:00:00+00:00", True), "day": "2026-12-03", "local_time": "17:00"},
]


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("1", 0),
        ("le 2", 1),
        ("le premier", 0),
        ("la deuxieme svp", 1),
        ("le dernier", 2),
        ("le trois", 2),
        ("celui de 14h", 1),
        ("jeudi", 2),
        ("mardi 9h30", 0),
        ("jeudi a 17h", 2),
    ],
)
def test_picks_the_offer_the_patient_names(text, index):
    assert pick_offer(text, OFFERS) == OFFERS[index]["ref"]


@pytest.mark.parametrize("text", ["mardi", "vendredi", "le 7", "bof", "", "16h", "deux jours plus tard"])
def test_an_ambiguous_or_unknown_answer_picks_nothing(text):
    assert pick_offer(text, OFFERS) is None


def test_a_button_reference_is_kept_even_from_an_older_message():
    ref = offer_ref("lucas-petit", "2026-12-09T10:00:00+00:00", False)

    assert pick_offer(ref, OFFERS) == ref
    assert parse_ref(ref) == ("lucas-petit", "2026-12-09T10:00:00+00:00", False)
    assert parse_ref("offer:broken") is None
