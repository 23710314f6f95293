import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from connectors.linear_intent_classifier import LinearIntentClassifier, WordClasses

EXAMPLES = {
    "greet": ["bonjour", "bjr", "salut", "bonsoir madame", "coucou", "bonjour docteur"],
    "thank": ["merci", "merci beaucoup", "mrc", "je vous remercie", "merci bcp", "thx"],
    "goodbye": ["au revoir", "a bientot", "bonne soiree", "ciao", "a plus", "bye"],
}


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


def context():
    return ExecutionContext(GraphSchema({}), "test")


def train(storage, **config):
    resource = Resource("linear")
    component = LinearIntentClassifier.create(
        {**LinearIntentClassifier.get_default_config(), **config}, storage, resource, context()
    )
    data = TrainingData(
        [Message(data={"text": text, "intent": intent}) for intent, texts in EXAMPLES.items() for text in texts]
    )
    component.train(data)
    return resource


def classified(text, ranking):
    ranking = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})


def test_a_trained_classifier_is_loaded_again_and_recognises_a_new_spelling(storage):
    resource = train(storage)
    loaded = LinearIntentClassifier.load(
        LinearIntentClassifier.get_default_config(), storage, resource, context()
    )

    message = loaded.process([Message(data={"text": "merciii beaucoup"})])[0]

    assert message.get("intent")["name"] == "thank"
    assert message.get("intent_ranking")[0]["name"] == "thank"


def test_the_ranking_is_a_distribution_best_first(storage):
    resource = train(storage)
    component = LinearIntentClassifier.load({}, storage, resource, context())

    message = component.process([Message(data={"text": "au revoir"})])[0]

    assert message.get("intent")["name"] == "goodbye"
    confidences = [entry["confidence"] for entry in message.get("intent_ranking")]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1.0)


def test_a_message_without_text_is_left_alone(storage):
    resource = train(storage)
    component = LinearIntentClassifier.load({}, storage, resource, context())
    payload = classified("", [("greet", 1.0)])

    message = component.process([payload])[0]

    assert message.get("intent") == {"name": "greet", "confidence": 1.0}


def test_without_a_trained_model_the_component_passes_through(storage):
    component = LinearIntentClassifier.load({}, storage, Resource("never-trained"), context())
    said = classified("bonjour", [("thank", 0.9), ("greet", 0.1)])

    assert component.process([said])[0].get("intent")["name"] == "thank"


def test_word_classes_fold_case_and_accents_and_replace_listed_words():
    words = WordClasses({"medicament": ["Préviscan", "ventoline"]})

    assert words("Mon PREVISCAN et la Ventoline, à jeun") == (
        "mon __medicament__ et la __medicament__, a jeun"
    )


def test_a_drug_name_no_example_used_reads_as_the_lookup_table(storage):
    drugs = {"name": "medicament", "elements": ["doliprane", "ventoline", "xarelto", "spasfon"]}
    examples = {
        "inform": ["doliprane", "ventoline 2 bouffees", "le doliprane", "ventoline"],
        "greet": ["bonjour", "salut", "bonsoir", "coucou"],
        "thank": ["merci", "merci bien", "je vous remercie", "mrc"],
    }
    data = TrainingData(
        [Message(data={"text": text, "intent": intent}) for intent, texts in examples.items() for text in texts],
        lookup_tables=[drugs],
    )
    inform = {}
    for classes in ([], ["medicament"]):
        resource = Resource(f"linear{len(classes)}")
        config = {**LinearIntentClassifier.get_default_config(), "word_classes": classes}
        component = LinearIntentClassifier.create(config, storage, resource, context())
        component.train(data)
        loaded = LinearIntentClassifier.load(config, storage, resource, context())
        ranking = loaded.process([Message(data={"text": "xarelto"})])[0].get("intent_ranking")
        inform[bool(classes)] = next(e["confidence"] for e in ranking if e["name"] == "inform")

    assert inform[True] > 0.5
    assert inform[True] > inform[False] + 0.2


TOPICS = {
    "faq/hours": ["horaires du cabinet", "vous ouvrez a quelle heure", "ouvert le samedi ?", "horaire"],
    "faq/vitale": ["carte vitale perdue", "ma carte vitale", "remboursement secu", "vitale"],
    "greet": ["bonjour", "salut", "bonsoir", "coucou"],
    "thank": ["merci", "merci bien", "je vous remercie", "mrc"],
}


def train_topics(storage, name, topic_weight, **config):
    resource = Resource(name)
    config = {**LinearIntentClassifier.get_default_config(), "topic_weight": topic_weight, **config}
    component = LinearIntentClassifier.create(config, storage, resource, context())
    data = TrainingData(
        [Message.build(text=text, intent=intent) for intent, texts in TOPICS.items() for text in texts]
    )
    component.train(data)
    return LinearIntentClassifier.load(config, storage, resource, context())


def test_the_full_label_regression_learns_topics_but_ranks_intents(storage):
    loaded = train_topics(storage, "mixed", topic_weight=0.5)

    assert loaded._model.full_labels == ["faq/hours", "faq/vitale", "greet", "thank"]
    assert loaded._model.classes == ["faq", "greet", "thank"]
    message = loaded.process([Message(data={"text": "le cabinet ouvre a quelle heure"})])[0]
    ranking = message.get("intent_ranking")
    assert [entry["name"] for entry in ranking][0] == "faq"
    assert {entry["name"] for entry in ranking} == {"faq", "greet", "thank"}
    assert sum(entry["confidence"] for entry in ranking) == pytest.approx(1.0)
    # The same regression chooses the FAQ's answer.
    selected = message.get("response_selector")["faq"]["response"]
    assert selected["intent_response_key"] == "faq/hours"
    assert selected["utter_action"] == "utter_faq/hours"


def test_training_twice_gives_the_same_model(storage):
    first = train_topics(storage, "first", topic_weight=0.3)
    second = train_topics(storage, "second", topic_weight=0.3)
    texts = ["carte vitale", "salut merci", "ouvert quand", "🦄"]

    assert (first._model.predict_proba(texts)[0] == second._model.predict_proba(texts)[0]).all()
    assert (first._model.predict_proba(texts)[1] == second._model.predict_proba(texts)[1]).all()


def test_a_question_close_to_one_topic_is_surer_with_the_topic_regression(storage):
    faq = {}
    for weight in (0.0, 0.5):
        # Strongly regularised, so that four examples a label do not give certainties.
        loaded = train_topics(storage, f"weight{weight}", topic_weight=weight, alpha=0.01)
        ranking = loaded.process([Message(data={"text": "carte vitale"})])[0].get("intent_ranking")
        faq[weight] = next(entry["confidence"] for entry in ranking if entry["name"] == "faq")

    assert faq[0.5] > faq[0.0]


def test_every_run_of_emoji_is_followed_by_one_word_for_all_emoji():
    words = WordClasses({})

    assert words("Merci 🙏🏻 !") == "merci  🙏🏻 __emoji__  !"
    assert words("☀️🎉🎉") == " ☀️🎉🎉 __emoji__ "
    assert words("ok :)") == "ok :)"


def test_an_emoji_no_example_used_reads_like_the_emoji_examples(storage):
    examples = {
        "out_of_scope": ["🎉🎉", "🍕", "🐶🐶", "🌈", "la meteo demain", "recette de crepes"],
        "inform": ["doliprane", "1000 mg", "a 8h", "tous les jours"],
        "greet": ["bonjour", "salut", "bonsoir", "coucou"],
    }
    data = TrainingData(
        [Message(data={"text": text, "intent": intent}) for intent, texts in examples.items() for text in texts]
    )
    resource = Resource("emoji")
    config = LinearIntentClassifier.get_default_config()
    LinearIntentClassifier.create(config, storage, resource, context()).train(data)
    loaded = LinearIntentClassifier.load(config, storage, resource, context())

    # Without the __emoji__ word, only the space around it is a feature: 0.70.
    intent = loaded.process([Message(data={"text": "🦄"})])[0].get("intent")
    assert intent["name"] == "out_of_scope"
    assert intent["confidence"] > 0.8


def test_api_only_intents_are_never_predicted_even_for_their_own_name(storage):
    resource = Resource("linear")
    component = LinearIntentClassifier.create(
        LinearIntentClassifier.get_default_config(), storage, resource, context()
    )
    examples = [*((t, i) for i, ts in EXAMPLES.items() for t in ts),
                ("EXTERNAL_medication_reminder", "EXTERNAL_medication_reminder")]
    component.train(TrainingData([Message(data={"text": t, "intent": i}) for t, i in examples]))
    loaded = LinearIntentClassifier.load({}, storage, resource, context())

    message = loaded.process([Message(data={"text": "EXTERNAL_medication_reminder"})])[0]

    names = [entry["name"] for entry in message.get("intent_ranking")]
    assert sorted(names) == ["goodbye", "greet", "thank"]
