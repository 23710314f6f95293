"""A linear intent classifier on character n-grams, blended with DIET's ranking.

Why: with no pretrained French model, DIET learns from bags of n-grams only. A
logistic regression on TF-IDF character (1–5) and word (1–2) n-grams, accent- and
case-insensitive, makes different mistakes (better on short chit-chat and on
misspelt words, worse on long emergency descriptions). Averaging both probability
distributions is a small, well-understood ensemble that beats either alone on our
cross-validation (see the README's NLU figures).

Retrieval intents (``faq``, ``first_aid``, ``prevention``…) gather very different
messages under one label. A second regression on the same features learns their
topics (``faq/hours``, ``first_aid/burn``…); its probabilities, summed per intent,
are averaged with the per-intent regression (``topic_weight``). Each topic is a
tighter cluster than its whole family, so a short FAQ question is less often taken
for out-of-scope chat or a request for medical advice.

It runs after DIET and before the FallbackClassifier, which then judges the blended
confidence; the safety net still runs last and can override anything.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer, strip_accents_unicode
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

logger = logging.getLogger(__name__)

MODEL_FILE = "linear_intent_classifier.joblib"


_WORD = re.compile(r"\w+")
# Pictographs, dingbats, arrows and stars, skin tones, the variation selector and the
# zero-width joiner that glue emoji sequences together.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+")


class WordClasses:
    """Replaces each word of a named word list by one token for the whole list.

    "previscan", "levothyrox" and "ventoline" all become ``__medicament__`` for the
    word n-grams, so a drug name the examples never used still reads as a drug name.
    Likewise every run of emoji becomes the word ``__emoji__`` (the default token
    pattern drops them), so an emoji no example used still reads as one.
    Lower case and accents are folded first, as the vectorizer would have done.
    Picklable: it is saved with the fitted pipeline.
    """

    def __init__(self, classes: Dict[Text, List[Text]]) -> None:
        """Index the words: ``classes`` maps a list name to its words."""
        self._token = {
            strip_accents_unicode(word.lower()): f"__{name}__"
            for name, words in classes.items()
            for word in words
        }

    def __call__(self, text: Text) -> Text:
        """Return the folded text with every listed word replaced by its token."""
        folded = strip_accents_unicode(text.lower())
        words = _WORD.sub(lambda match: self._token.get(match.group(0), match.group(0)), folded)
        return _EMOJI.sub(" __emoji__ ", words)


def word_classes(training_data: TrainingData, names: List[Text]) -> Dict[Text, List[Text]]:
    """Read the lookup tables named in the configuration from the training data.

    Args:
        training_data: The NLU training data with its lookup tables.
        names: The lookup tables to use as word classes.

    Returns:
        The words of each named table that has a list of words.
    """
    return {
        table["name"]: list(table["elements"])
        for table in training_data.lookup_tables
        if table.get("name") in names and isinstance(table.get("elements"), list)
    }


def build_pipeline(
    config: Dict[Text, Any], classes: Optional[Dict[Text, List[Text]]] = None
) -> Pipeline:
    """Build the untrained TF-IDF + logistic regression pipeline.

    Args:
        config: The component's configuration.
        classes: Word lists whose words share one token in the word n-grams.

    Returns:
        A scikit-learn pipeline from raw text to intent probabilities.
    """
    features = make_union(
        TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(1, config["max_char_ngram"]),
            sublinear_tf=True,
            strip_accents="unicode",
            lowercase=True,
        ),
        TfidfVectorizer(
            analyzer="word",
            ngram_range=(1, 2),
            sublinear_tf=True,
            # WordClasses folds case and accents itself (a preprocessor replaces the
            # vectorizer's own).
            preprocessor=WordClasses(classes or {}),
            strip_accents="unicode",
            lowercase=True,
        ),
    )
    classifier = LogisticRegression(
        C=config["C"],
        max_iter=config["max_iter"],
        class_weight="balanced",
        random_state=config["random_state"],
    )
    return make_pipeline(features, classifier)


def label(example: Message, topics: bool) -> Text:
    """Return an example's intent, or with ``topics`` its full retrieval intent.

    An example of ``faq/hours`` gives ``faq``, or ``faq/hours`` with ``topics``; an
    intent without a topic stays as it is.
    """
    return example.get_full_intent() if topics else example.get(INTENT)


def intent_of(topic: Text) -> Text:
    """Return the intent a topic label belongs to (``faq/hours`` -> ``faq``)."""
    return topic.split("/", 1)[0]


class LinearModel:
    """The fitted features, the per-intent regression and the optional topic one.

    Picklable: it is what :class:`LinearIntentClassifier` saves.
    """

    def __init__(
        self, pipeline: Pipeline, topics: Optional[Any] = None, topic_weight: float = 0.0
    ) -> None:
        """Wrap a fitted pipeline and a regression fitted on its features' topics."""
        self.pipeline = pipeline
        self.topics = topics
        self.topic_weight = topic_weight if topics is not None else 0.0

    @property
    def classes(self) -> List[Text]:
        """The intents, in the order of :meth:`predict_proba`'s columns."""
        return list(self.pipeline.classes_)

    def predict_proba(self, texts: List[Text]) -> Any:
        """Return one row of intent probabilities per text (columns: :attr:`classes`)."""
        features = self.pipeline[:-1].transform(texts)
        probabilities = self.pipeline[-1].predict_proba(features)
        if not self.topic_weight:
            return probabilities
        column = {name: index for index, name in enumerate(self.classes)}
        per_topic = self.topics.predict_proba(features)
        per_intent = probabilities * 0.0
        for index, topic in enumerate(self.topics.classes_):
            per_intent[:, column[intent_of(topic)]] += per_topic[:, index]
        return (1 - self.topic_weight) * probabilities + self.topic_weight * per_intent


def fit(
    config: Dict[Text, Any],
    examples: List[Message],
    classes: Optional[Dict[Text, List[Text]]] = None,
) -> LinearModel:
    """Fit the pipeline on intents and, if asked and useful, a regression on topics.

    Args:
        config: The component's configuration.
        examples: Training examples with text and intent.
        classes: Word lists whose words share one token in the word n-grams.

    Returns:
        The fitted model.
    """
    texts = [example.get(TEXT) for example in examples]
    pipeline = build_pipeline(config, classes)
    pipeline.fit(texts, [label(example, topics=False) for example in examples])
    topics = [label(example, topics=True) for example in examples]
    if not config["topic_weight"] or len(set(topics)) == len(pipeline.classes_):
        return LinearModel(pipeline)
    regression = clone(pipeline[-1]).fit(pipeline[:-1].transform(texts), topics)
    return LinearModel(pipeline, regression, config["topic_weight"])


def blend(
    linear: Dict[Text, float], model: Dict[Text, float], model_weight: float
) -> List[Dict[Text, Any]]:
    """Average two probability distributions over intents, best first.

    Args:
        linear: This classifier's probability per intent (all intents).
        model: The previous classifier's confidence per intent (its top ranking
            only: intents it did not rank count as 0).
        model_weight: The previous classifier's share, between 0 and 1.

    Returns:
        The blended ranking as Rasa's ``intent_ranking`` entries.
    """
    names = set(linear) | set(model)
    scores = {
        name: (1 - model_weight) * linear.get(name, 0.0)
        + model_weight * model.get(name, 0.0)
        for name in names
    }
    ranking = sorted(scores.items(), key=lambda item: -item[1])
    return [
        {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: float(score)}
        for name, score in ranking
    ]


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class LinearIntentClassifier(IntentClassifier, GraphComponent):
    """Logistic regression on n-grams, blended with the intent ranking before it."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Return the defaults: strong fit (C=10), DIET and this model weigh half each."""
        return {
            "C": 10.0,
            "max_iter": 2000,
            "max_char_ngram": 5,
            "model_weight": 0.5,
            # Share of the regression on retrieval topics (0: not trained).
            "topic_weight": 0.0,
            "ranking_length": 10,
            "random_state": 42,
            # Lookup tables of the training data whose words count as one word.
            "word_classes": [],
        }

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[LinearModel] = None,
    ) -> None:
        """Create the component around an (optionally trained) model."""
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LinearIntentClassifier:
        """Create an untrained component."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the model on every example that has an intent and text.

        Args:
            training_data: The NLU training data (retrieval intents by base name).

        Returns:
            The resource the fitted model is persisted to.
        """
        examples = [
            example
            for example in training_data.intent_examples
            if example.get(TEXT) and example.get(INTENT)
        ]
        labels = {example.get(INTENT) for example in examples}
        if len(labels) < 2:
            logger.debug("Fewer than two intents: the linear classifier is not trained.")
            return self._resource
        self._model = fit(
            self._config,
            examples,
            word_classes(training_data, self._config["word_classes"]),
        )
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self._model, directory / MODEL_FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        """Load the fitted model (our own trained file, written by :meth:`train`)."""
        try:
            with model_storage.read_from(resource) as directory:
                model = joblib.load(directory / MODEL_FILE)
        except (ValueError, FileNotFoundError):
            logger.debug("No trained linear classifier found: it will pass through.")
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: List[Message]) -> List[Message]:
        """Set each message's intent to the blend of both classifiers.

        Args:
            messages: Messages already ranked by the classifier before this one.

        Returns:
            The same messages with the blended ``intent`` and ``intent_ranking``.
        """
        if self._model is None:
            return messages
        texts = [message.get(TEXT) or "" for message in messages]
        probabilities = self._model.predict_proba(texts)
        classes = self._model.classes
        for message, row in zip(messages, probabilities):
            if not message.get(TEXT):
                continue
            linear = dict(zip(classes, (float(value) for value in row)))
            model = {
                entry[INTENT_NAME_KEY]: float(entry[PREDICTED_CONFIDENCE_KEY])
                for entry in message.get(INTENT_RANKING_KEY) or []
            }
            weight = self._config["model_weight"] if model else 0.0
            ranking = blend(linear, model, weight)
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                ranking[: self._config["ranking_length"]],
                add_to_output=True,
            )
        return messages
