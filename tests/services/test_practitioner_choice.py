from dataclasses import dataclass

import pytest

from actions.services.practitioner_choice import PractitionerChoice, read_practitioner_choice


@dataclass(frozen=True)
class P:
    key: str
    name: str
    profession: str


PRACTICE = [
    P("claire-martin", "Dr Claire Martin", "medecin_generaliste"),
    P("paul-benali", "Dr Paul Benali", "medecin_generaliste"),
    P("sophie-durand", "Sophie Durand", "infirmier"),
    P("lucas-petit", "Lucas Petit", "kinesitherapeute"),
]


@pytest.mark.parametrize(
    ("text", "practitioner", "profession", "tele"),
    [
        ("je voudrais un rdv avec le dr martin", "claire-martin", "medecin_generaliste", False),
        ("RDV DOCTEUR BENALI mardi", "paul-benali", "medecin_generaliste", False),
        ("chez madame Durand pour une prise de sang", "sophie-durand", "infirmier", False),
        ("Martin", "claire-martin", "medecin_generaliste", False),
        ("je veux voir le medecin", None, "medecin_generaliste", False),
        ("une teleconsultation avec un généraliste", None, "medecin_generaliste", True),
        ("téléconsult svp", None, "medecin_generaliste", True),
        ("il me faut l'infirmière pour un pansement", None, "infirmier", False),
        ("kiné pour mon dos", None, "kinesitherapeute", False),
        ("rdv sage femme", None, "sage_femme", False),
        ("un rendez-vous en visio avec le dr Martin", "claire-martin", "medecin_generaliste", True),
    ],
)
def test_reads_who_the_patient_wants_to_see(text, practitioner, profession, tele):
    choice = read_practitioner_choice(text, PRACTICE)

    assert choice == PractitionerChoice(practitioner, profession, tele)


@pytest.mark.parametrize("text", ["mardi matin", "le plus tot possible", "", "ma fille martine"])
def test_a_message_without_a_name_or_a_profession_names_nobody(text):
    assert not read_practitioner_choice(text, PRACTICE).is_known


def test_the_slot_value_round_trips():
    choice = PractitionerChoice("claire-martin", "medecin_generaliste", True)

    assert PractitionerChoice.from_slot(choice.as_slot()) == choice
    assert PractitionerChoice.from_slot(None) == PractitionerChoice()
