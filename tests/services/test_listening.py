"""Listening mode replies: reflect, validate, ask open questions, never diagnose."""

import re

import pytest

from actions.services import listening
from actions.services.listening import OFFER_EVERY, reply


@pytest.mark.parametrize(("text", "feeling", "topic"), [
    ("je suis triste, mon chef me met la pression au travail", "sadness", "work"),
    ("J'AI LE MORAL À ZÉRO", "sadness", None),
    ("je suis angoissée pour mes examens", "anxiety", None),
    ("je me sens seule depuis que mon mari est parti", "loneliness", "couple"),
    ("je suis épuisé", "fatigue", None),
    ("on se dispute tout le temps avec ma femme", None, "couple"),
])
def test_what_the_patient_feels_and_what_it_is_about_are_reflected(text, feeling, topic):
    said = reply(text, 1)
    assert (said.feeling, said.topic) == (feeling, topic)
    assert said.text.endswith("?")


def test_a_negated_feeling_is_not_reflected():
    assert reply("je ne suis pas triste, juste fatigué", 1).feeling == "fatigue"


def test_nothing_recognised_gets_a_validation_and_an_open_question():
    said = reply("voilà", 1)
    assert said.feeling is None and said.topic is None
    validation, question = said.text.rsplit(". ", 1) if ". " in said.text else (said.text, "")
    assert any(said.text.startswith(v) for v in listening.load_listening().validations)
    assert said.text.endswith("?")


def test_two_replies_in_a_row_do_not_repeat_the_same_question():
    texts = [reply("ok", turn).text for turn in range(1, 6)]
    assert len(set(texts)) == len(texts)


def test_the_offer_comes_every_few_replies():
    offers = [turn for turn in range(1, 13) if reply("ok", turn).offer]
    assert offers == list(range(OFFER_EVERY, 13, OFFER_EVERY))


def test_the_listening_words_never_diagnose_or_order():
    content = listening.load_listening()
    sentences = [r for theme in content.feelings + content.topics for r in theme.reflections]
    sentences += list(content.validations) + list(content.open_questions)
    for sentence in sentences:
        folded = listening.fold(sentence)
        assert not re.search(r"diagnost|vous souffrez d|vous faites une|vous etes (depressi|malade)|"
                             r"vous devez|il faut que vous|je comprends", folded), sentence


def test_start_and_end_say_what_hygie_is_and_give_the_crisis_number():
    numbers = {"3114"}
    assert "assistant automatique" in listening.start_text()
    assert "stop" in listening.start_text()
    assert numbers <= set(re.findall(r"\d{3,4}", listening.start_text()))
    assert "3114" in listening.end_text()
