import pytest

from actions.appointment_booking import query_for, type_for
from actions.services.practice import load_practice
from actions.services.practitioner_choice import PractitionerChoice, read_practitioner_choice


@pytest.fixture(scope="module")
def practice():
    return load_practice()


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (PractitionerChoice(None, "medecin_generaliste"), "consultation"),
        (PractitionerChoice(None, "medecin_generaliste", True), "teleconsultation"),
        (PractitionerChoice(None, "kinesitherapeute"), "seance_kine"),
        (PractitionerChoice(None, "kinesitherapeute", True), "seance_kine"),
        (PractitionerChoice(None, "infirmier"), "soins_infirmiers"),
        (PractitionerChoice(None, "sage_femme"), "suivi_grossesse"),
        (PractitionerChoice(None, "psychologue"), "seance_psychologue"),
        (PractitionerChoice(None, None), "consultation"),
    ],
)
def test_each_profession_gets_its_own_appointment_type(practice, choice, expected):
    assert type_for(practice, choice) == expected


def test_a_named_practitioner_gets_the_type_of_their_profession(practice):
    choice = read_practitioner_choice("rdv avec madame Moreau", practice.practitioners.values())

    assert choice.profession == "sage_femme"
    assert type_for(practice, choice) == "suivi_grossesse"
    query = query_for(practice, choice, "")
    assert (query.practitioner, query.profession) == (choice.practitioner, None)


def test_every_demo_practitioner_can_be_named(practice):
    for person in practice.practitioners.values():
        surname = person.name.split()[-1]
        choice = read_practitioner_choice(f"je voudrais voir {person.name}", practice.practitioners.values())
        assert choice.practitioner == person.key, surname
