import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from actions.services.content import get_content
from connectors.content_nlg import ContentNaturalLanguageGenerator, with_content_answers

RESPONSES = {
    "utter_greet": [{"text": "Bonjour !"}],
    "utter_faq/opening_hours": [{"text": "Horaires d'ouverture"}],
    "utter_medical_advice/general": [
        {"text": "Une question médicale", "buttons": [{"title": "Écrire", "payload": "/request_human"}]}
    ],
}


def test_content_answers_replace_the_titles_and_keep_the_buttons():
    content = get_content()

    responses = with_content_answers(RESPONSES, content)

    hours = content.topics["faq/opening_hours"]
    assert responses["utter_faq/opening_hours"] == [{"text": content.render_topic(hours)}]
    [generic] = responses["utter_medical_advice/general"]
    assert generic["text"] == content.render_topic(content.generic["medical_advice"])
    assert generic["buttons"] == RESPONSES["utter_medical_advice/general"][0]["buttons"]
    assert responses["utter_greet"] == RESPONSES["utter_greet"]
    # The domain's own responses are left as they were.
    assert RESPONSES["utter_faq/opening_hours"] == [{"text": "Horaires d'ouverture"}]


def test_the_generator_speaks_the_answer_once_the_model_domain_is_set():
    domain = Domain.from_dict({"responses": RESPONSES})
    generator = ContentNaturalLanguageGenerator(None, None)
    # What Rasa's agent does when it loads a model.
    generator.responses = domain.responses
    tracker = DialogueStateTracker("patient", domain.slots)

    spoken = asyncio.run(generator.generate("utter_faq/opening_hours", tracker, "rest"))

    assert spoken["text"] == get_content().render_topic(get_content().topics["faq/opening_hours"])
    assert asyncio.run(generator.generate("utter_greet", tracker, "rest"))["text"] == "Bonjour !"
