import pytest

from actions.services.referral_answers import HERE, read_contact, read_urgency


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("urgent", "urgent"),
        ("c assez urgent svp", "urgent"),
        ("aujourd'hui si possible", "urgent"),
        ("le plus tôt possible", "urgent"),
        ("dans les prochains jours", "soon"),
        ("cette semaine ça ira", "soon"),
        ("pas pressé", "routine"),
        ("ce n'est pas urgent", "routine"),
        ("pas tres urgent", "routine"),
        ("quand vous pouvez", "routine"),
        ("prenez votre temps", "routine"),
    ],
)
def test_reads_how_pressing_the_request_is(text, urgency):
    assert read_urgency(text) == urgency


@pytest.mark.parametrize("text", ["bof", "", "je sais pas", "mon genou"])
def test_no_urgency_word_gives_none(text):
    assert read_urgency(text) is None


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("ici", HERE),
        ("repondez moi ici svp", HERE),
        ("par message dans le chat", HERE),
        ("appelez moi au 06 12 34 56 78", "par téléphone au 06 12 34 56 78"),
        ("0612345678", "par téléphone au 0612345678"),
        ("+33 6 12 34 56 78", "par téléphone au +33 6 12 34 56 78"),
        ("au 04.72.00.00.00 le matin", "par téléphone au 04.72.00.00.00"),
    ],
)
def test_reads_how_to_answer(text, contact):
    assert read_contact(text) == contact


@pytest.mark.parametrize("text", ["bof", "", "06 12", "demain"])
def test_no_contact_gives_none(text):
    assert read_contact(text) is None
