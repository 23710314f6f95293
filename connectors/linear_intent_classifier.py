"""A linear intent classifier on character n-grams, blended with DIET's ranking.

Why: with no pretrained French model, DIET learns from bags of n-grams only. A
logistic regression on TF-IDF character (1–5) and word (1–2) n-grams, accent- and
case-insensitive, makes different mistakes (better on short chit-chat and on
misspelt words, worse on long emergency descriptions). Averaging both probability
distributions is a small, well-understood ensemble that beats either alone on our
cross-validation (see the README's NLU figures).

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
from sklearn.feature_extraction.text import TfidfVectorizer, strip_accents_unicode
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

logger = logging.getLogger(__name__)

MODEL_FILE = "linear_intent_classifier.joblib"


_WORD = re.compile(r"\w+")


class WordClasses:
    """Replaces each word of a named word list by one token for the whole list.

    "previscan", "levothyrox" and "ventoline" all become ``__medicament__`` for the
    word n-grams, so a drug name the examples never used still reads as a drug name.
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
        return _WORD.sub(lambda match: self._token.get(match.group(0), match.group(0)), folded)


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
            preprocessor=WordClasses(classes) if classes else None,
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
        pipeline: Optional[Pipeline] = None,
    ) -> None:
        """Create the component around an (optionally trained) pipeline."""
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._pipeline = pipeline

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
        """Fit the pipeline on every example that has an intent and text.

        Args:
            training_data: The NLU training data (retrieval intents by base name).

        Returns:
            The resource the fitted pipeline is persisted to.
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
        pipeline = build_pipeline(
            self._config, word_classes(training_data, self._config["word_classes"])
        )
        pipeline.fit(
            [example.get(TEXT) for example in examples],
            [example.get(INTENT) for example in examples],
        )
        self._pipeline = pipeline
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(pipeline, directory / MODEL_FILE)
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
        """Load the fitted pipeline (our own trained file, written by :meth:`train`)."""
        try:
            with model_storage.read_from(resource) as directory:
                pipeline = joblib.load(directory / MODEL_FILE)
        except (ValueError, FileNotFoundError):
            logger.debug("No trained linear classifier found: it will pass through.")
            pipeline = None
        return cls(config, model_storage, resource, pipeline)

    def process(self, messages: List[Message]) -> List[Message]:
        """Set each message's intent to the blend of both classifiers.

        Args:
            messages: Messages already ranked by the classifier before this one.

        Returns:
            The same messages with the blended ``intent`` and ``intent_ranking``.
        """
        if self._pipeline is None:
            return messages
        texts = [message.get(TEXT) or "" for message in messages]
        probabilities = self._pipeline.predict_proba(texts)
        classes = list(self._pipeline.classes_)
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
